extension ViewText {
    package var english: String {
        switch self {
        case .phase(let phase):
            switch phase {
            case .preliminaire: "preliminary"
            case .investigation: "investigation"
            case .conclusion: "conclusion"
            case .suivi: "follow-up"
            case .accompagnement: "support"
            }
        case .kindAndPhase(let kind, let phase):
            if let phase {
                "\(WordText.kind(kind).english), \(ViewText.phase(phase).english)"
            } else {
                WordText.kind(kind).english
            }
        case .allDay:
            "all day"
        case .consultant(let name):
            "consultant: \(name)"
        case .done(let on):
            if let on { "done on \(DateText.day(on, .en))" } else { "done" }
        case .step(let duration):
            "reminder \(ViewText.englishStep(duration))"
        case .followUpStep(let index):
            "follow-up \(index)"
        case .noReminders(let from, let to):
            "No reminders from \(DateText.day(from, .en)) to \(DateText.day(to, .en))."
        case .journalOnly:
            "journal only"
        case .itemWhen(let kind, let date, let time, let year, let there, let zone):
            ViewText.englishItemWhen(kind, date, time, year, there, zone)
        case .agendaLine(let time, let step, let title, let when, let person):
            "\(time)  \(step) · \(title) — \(when) · \(person)"
        case .noEvents(let from, let to):
            "Nothing planned from \(DateText.day(from, .en)) to \(DateText.day(to, .en))."
        case .eventSummary(let title, let kind, let phase, let person):
            "\(title) (\(ViewText.kindAndPhase(kind, phase).english)) · \(person)"
        case .personHeader(let name, let id, let zone, let consultant):
            if let consultant {
                "\(name) (\(id)) · \(zone) · consultant: \(consultant)"
            } else {
                "\(name) (\(id)) · \(zone) · no consultant"
            }
        case .stateOverdue(let days):
            switch days {
            case 0: "overdue since today"
            case 1: "one day overdue"
            default: "\(days) days overdue"
            }
        case .stateComing(let seconds):
            "coming, \(WordText.relative(seconds: seconds).english)"
        case .statePast:
            "past"
        case .fateOnTime(let at):
            "sent on time (\(DateText.dayAndTime(at, .en)))"
        case .fateLate(let at):
            "sent late (\(DateText.dayAndTime(at, .en)))"
        case .fateMissed:
            "missed: jalon was not running when it was due"
        case .fateSkipped:
            "not sent: due before jalon knew the item"
        case .fateOther(let outcome):
            "recorded as \"\(outcome)\""
        case .fatePending:
            "pending"
        case .fateNotRecorded:
            "not sent: jalon was not running, or did not know the item yet"
        case .fateCancelled:
            "not needed: the item was done"
        case .mailSent:
            "mail sent"
        case .mailQueued:
            "mail queued"
        case .mailRetrying(let attempts, let next, let error):
            if let error {
                "mail waiting for a retry (\(attempts) try(ies), next \(DateText.dayAndTime(next, .en)); last answer: \(error))"
            } else {
                "mail waiting for a retry (\(attempts) try(ies), next \(DateText.dayAndTime(next, .en)))"
            }
        case .mailRefused(let error):
            if let error { "mail refused (\(error))" } else { "mail refused" }
        case .mailOther(let state):
            "mail: state \"\(state)\""
        case .reminderLine(let step, let due, let fate, let mail):
            if mail.isEmpty {
                "\(step), \(DateText.dayAndTime(due, .en)): \(fate)"
            } else {
                "\(step), \(DateText.dayAndTime(due, .en)): \(fate); \(mail.joined(separator: "; "))"
            }
        case .noReminder:
            "no reminders"
        case .stateUnreadable(let problem):
            "jalon: the state could not be read (\(problem)); only the files are taken into account"
        case .noStateYet(let directory):
            "jalon: no state in \(directory); jalon has sent nothing from there yet"
        case .noOverdue:
            "Nothing overdue."
        case .overdueSince(let date, let days):
            switch days {
            case 0: "\(DateText.day(date, .en)), overdue since today"
            case 1: "\(DateText.day(date, .en)), one day overdue"
            default: "\(DateText.day(date, .en)), \(days) days overdue"
            }
        case .calendarSummary(let kind, let title, let person):
            switch kind {
            case .session, .suivi: "\(title) — \(person)"
            case .deadline: "Deadline: \(title) — \(person)"
            case .renewal: "Expires: \(title) — \(person)"
            case .dossier, .retention, .agreement, .evaluation: "\(title) — \(person)"
            }
        case .calendarDescription(let person, let personID, let consultant, let phase, let id):
            ViewText.englishDescription(person, personID, consultant, phase, id)
        case .calendarName:
            "jalon: sessions and deadlines"
        case .calendarFileUnwritable(let path, let problem):
            "cannot write the calendar \(path): \(problem); it is written again at the next reload"
        case .sequencesNotRecorded(let problem):
            "jalon: the calendar's version numbers could not be recorded (\(problem)); a subscribed calendar may miss changes"
        case .exportNeedsFormat:
            "jalon: say which format: jalon export --ics"
        case .unknownPerson(let id, let closest):
            if closest.isEmpty {
                "jalon: no person \"\(id)\""
            } else {
                "jalon: no person \"\(id)\"; the closest: \(closest.joined(separator: ", "))"
            }
        case .unknownConsultant(let id, let known):
            if known.isEmpty {
                "jalon: no consultant \"\(id)\": jalon.toml declares none"
            } else {
                "jalon: no consultant \"\(id)\"; those of jalon.toml: \(known.joined(separator: ", "))"
            }
        case .unknownKind(let text):
            "jalon: \"\(text)\" is not a kind of item; choose among \(ItemKind.allCases.map(\.rawValue).joined(separator: ", "))"
        }
    }

    private static func englishStep(_ duration: CalendarDuration) -> String {
        let n = duration.count.magnitude
        if duration.unit == .day {
            return duration.count == 0 ? "on the day" : duration.count < 0 ? "D-\(n)" : "D+\(n)"
        }
        if duration.count == 0 { return "at the time" }
        let unit: String
        switch duration.unit {
        case .minute: unit = "min"
        case .hour: unit = "h"
        case .day: unit = n > 1 ? "days" : "day"
        case .week: unit = n > 1 ? "weeks" : "week"
        case .month: unit = n > 1 ? "months" : "month"
        case .year: unit = n > 1 ? "years" : "year"
        case .workday: unit = n > 1 ? "working days" : "working day"
        }
        return duration.count < 0 ? "\(n) \(unit) before" : "\(n) \(unit) after"
    }

    private static func englishItemWhen(
        _ kind: ItemKind, _ date: LocalDate, _ time: LocalTime?, _ year: Bool, _ there: LocalTime?, _ zone: String?
    ) -> String {
        let day = year ? DateText.day(date, .en) : DateText.dayWithoutYear(date, .en)
        var when = day
        if let time { when = "\(day) at \(DateText.time(time, .en))" }
        if let there, let zone { when += " (\(DateText.time(there, .en)) \(zone))" }
        switch kind {
        case .session: return when
        case .deadline: return "due \(when)"
        case .renewal: return "expires \(when)"
        case .suivi: return "planned \(when)"
        case .dossier, .retention, .agreement, .evaluation: return RulesText.when(kind, when).english
        }
    }

    private static func englishDescription(
        _ person: String, _ personID: String, _ consultant: String?, _ phase: Phase?, _ id: String
    ) -> String {
        var text = "Person: \(person) (\(personID))"
        if let consultant { text += "\nConsultant: \(consultant)" }
        if let phase { text += "\nPhase: \(ViewText.phase(phase).english)" }
        return text + "\nDone? jalon done \(id)"
    }
}
