extension LetterText {
    package var french: FrenchText {
        switch self {
        case .greeting(let name?):
            "Bonjour \(name),"
        case .greeting(nil):
            "Bonjour,"
        case .heading(.session): "Rendez-vous"
        case .heading(.deadline): "Échéance"
        case .heading(.renewal): "Recyclage"
        case .heading(.suivi): "Entretien de suivi"
        case .intro(.session, false): "Un rendez-vous approche."
        case .intro(.session, true): "Ce rendez-vous a eu lieu."
        case .intro(.deadline, false): "Une échéance de la feuille de route approche."
        case .intro(.deadline, true): "Une échéance de la feuille de route est passée."
        case .intro(.renewal, false):
            "Une formation arrive à la fin de sa validité : le recyclage est à prévoir."
        case .intro(.renewal, true):
            "Une formation n'est plus valide : le recyclage est à faire."
        case .intro(.suivi, _):
            "L'entretien de suivi du bilan de compétences est à organiser (environ six mois après la conclusion)."
        case .heading(.dossier): RulesText.mailHeading(.dossier).french
        case .heading(.retention): RulesText.mailHeading(.retention).french
        case .heading(.agreement): RulesText.mailHeading(.agreement).french
        case .heading(.evaluation): RulesText.mailHeading(.evaluation).french
        case .intro(.dossier, let past): RulesText.mailIntro(.dossier, past: past).french
        case .intro(.retention, let past): RulesText.mailIntro(.retention, past: past).french
        case .intro(.agreement, let past): RulesText.mailIntro(.agreement, past: past).french
        case .intro(.evaluation, let past): RulesText.mailIntro(.evaluation, past: past).french
        case .nextStep(.attend(let consultant?)):
            "En cas d'empêchement, répondez à ce message pour prévenir \(consultant) au plus tôt et convenir d'une autre date."
        case .nextStep(.attend(nil)):
            "En cas d'empêchement, prévenez au plus tôt pour convenir d'une autre date."
        case .nextStep(.reportDone(let consultant?, _)):
            "Quand c'est fait, répondez à ce message pour le dire à \(consultant) : les rappels de cet élément s'arrêteront."
        case .nextStep(.reportDone(nil, let id)):
            "Quand c'est fait, notez-le avec la commande jalon done \(id) : les rappels de cet élément s'arrêteront."
        case .nextStep(.markDone(let id)):
            "Quand c'est fait, notez-le avec la commande jalon done \(id) : les rappels de cet élément s'arrêteront."
                + " Une réponse de la personne vous parvient directement."
        case .nextStep(.prepare(let person)):
            "Si la séance avec \(person) est déplacée, changez sa date dans son fichier : rappels et invitation suivront."
        case .nextStep(.planSuivi(let person, let id)):
            "Proposez une date d'entretien à \(person), puis ajoutez la séance à son fichier (phase = \"suivi\") ; s'il n'y a pas lieu, notez-le avec jalon done \(id)."
        case .signature(let consultant?, let sender?):
            "Bien cordialement,\n\(consultant)\n\(sender)"
        case .signature(let consultant?, nil):
            "Bien cordialement,\n\(consultant)"
        case .signature(nil, let sender?):
            "Bien cordialement,\n\(sender)"
        case .signature(nil, nil):
            "Bien cordialement,\njalon"
        case .duration(let n, .minute): "\(n) min"
        case .duration(let n, .hour): "\(n) h"
        case .duration(let n, .day): "\(n) jour\(n > 1 ? "s" : "")"
        case .duration(let n, .week): "\(n) semaine\(n > 1 ? "s" : "")"
        case .duration(let n, .month): "\(n) mois"
        case .duration(let n, .year): "\(n) an\(n > 1 ? "s" : "")"
        case .duration(let n, .workday): "\(n) jour\(n > 1 ? "s ouvrés" : " ouvré")"
        case .footer(let reference):
            "Message envoyé automatiquement par jalon. Référence : \(reference)"
        }
    }
}
