extension LetterText {
    package var english: String {
        switch self {
        case .greeting(let name?):
            "Hello \(name),"
        case .greeting(nil):
            "Hello,"
        case .heading(.session): "Appointment"
        case .heading(.deadline): "Deadline"
        case .heading(.renewal): "Renewal"
        case .heading(.suivi): "Follow-up interview"
        case .intro(.session, false): "An appointment is coming up."
        case .intro(.session, true): "This appointment has taken place."
        case .intro(.deadline, false): "A deadline of the roadmap is coming up."
        case .intro(.deadline, true): "A deadline of the roadmap has passed."
        case .intro(.renewal, false):
            "A training certificate is about to expire: the refresher course needs planning."
        case .intro(.renewal, true):
            "A training certificate has expired: the refresher course is due."
        case .intro(.suivi, _):
            "The follow-up interview after the skills assessment is due (about six months after its end)."
        case .heading(.dossier): RulesText.mailHeading(.dossier).english
        case .heading(.retention): RulesText.mailHeading(.retention).english
        case .heading(.agreement): RulesText.mailHeading(.agreement).english
        case .heading(.evaluation): RulesText.mailHeading(.evaluation).english
        case .intro(.dossier, let past): RulesText.mailIntro(.dossier, past: past).english
        case .intro(.retention, let past): RulesText.mailIntro(.retention, past: past).english
        case .intro(.agreement, let past): RulesText.mailIntro(.agreement, past: past).english
        case .intro(.evaluation, let past): RulesText.mailIntro(.evaluation, past: past).english
        case .nextStep(.attend(let consultant?)):
            "If you cannot make it, reply to this message to tell \(consultant) as soon as possible and agree on "
                + "another date."
        case .nextStep(.attend(nil)):
            "If you cannot make it, please say so as soon as possible to agree on another date."
        case .nextStep(.reportDone(let consultant?, _)):
            "Once it is done, reply to this message to tell \(consultant): the reminders for this item will stop."
        case .nextStep(.reportDone(nil, let id)):
            "Once it is done, record it with the command jalon done \(id): the reminders for this item will stop."
        case .nextStep(.markDone(let id)):
            "Once it is done, record it with the command jalon done \(id): the reminders for this item will stop. "
                + "A reply from the person reaches you directly."
        case .nextStep(.prepare(let person)):
            "If the session with \(person) moves, change its date in their file: reminders and invitation follow."
        case .nextStep(.planSuivi(let person, let id)):
            "Offer \(person) a date for the interview, then add the session to their file (phase = \"suivi\"); if "
                + "there is to be none, record it with jalon done \(id)."
        case .signature(let consultant?, let sender?):
            "Kind regards,\n\(consultant)\n\(sender)"
        case .signature(let consultant?, nil):
            "Kind regards,\n\(consultant)"
        case .signature(nil, let sender?):
            "Kind regards,\n\(sender)"
        case .signature(nil, nil):
            "Kind regards,\njalon"
        case .duration(let n, .minute): "\(n) min"
        case .duration(let n, .hour): "\(n) hour\(n > 1 ? "s" : "")"
        case .duration(let n, .day): "\(n) day\(n > 1 ? "s" : "")"
        case .duration(let n, .week): "\(n) week\(n > 1 ? "s" : "")"
        case .duration(let n, .month): "\(n) month\(n > 1 ? "s" : "")"
        case .duration(let n, .year): "\(n) year\(n > 1 ? "s" : "")"
        case .duration(let n, .workday): "\(n) working day\(n > 1 ? "s" : "")"
        case .footer(let reference):
            "Sent automatically by jalon. Reference: \(reference)"
        }
    }
}
