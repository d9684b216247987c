extension ViewText {
    package var french: FrenchText {
        switch self {
        case .phase(let phase):
            switch phase {
            case .preliminaire: "préliminaire"
            case .investigation: "investigation"
            case .conclusion: "conclusion"
            case .suivi: "suivi"
            case .accompagnement: "accompagnement"
            }
        case .kindAndPhase(let kind, let phase):
            if let phase {
                "\(WordText.kind(kind).french), \(ViewText.phase(phase).french)"
            } else {
                "\(WordText.kind(kind).french)"
            }
        case .allDay:
            "journée"
        case .consultant(let name):
            "consultant : \(name)"
        case .done(let on):
            if let on { "fait le \(DateText.day(on, .fr))" } else { "fait" }
        case .step(let duration):
            "rappel \(ViewText.frenchStep(duration))"
        case .followUpStep(let index):
            "relance \(index)"
        case .noReminders(let from, let to):
            "Aucun rappel du \(DateText.day(from, .fr)) au \(DateText.day(to, .fr))."
        case .journalOnly:
            "journal seulement"
        case .itemWhen(let kind, let date, let time, let year, let there, let zone):
            "\(ViewText.frenchItemWhen(kind, date, time, year, there, zone))"
        case .agendaLine(let time, let step, let title, let when, let person):
            "\(time)  \(step) · \(title) — \(when) · \(person)"
        case .noEvents(let from, let to):
            "Rien de prévu du \(DateText.day(from, .fr)) au \(DateText.day(to, .fr))."
        case .eventSummary(let title, let kind, let phase, let person):
            "\(title) (\(ViewText.kindAndPhase(kind, phase).french)) · \(person)"
        case .personHeader(let name, let id, let zone, let consultant):
            if let consultant {
                "\(name) (\(id)) · \(zone) · consultant : \(consultant)"
            } else {
                "\(name) (\(id)) · \(zone) · sans consultant"
            }
        case .stateOverdue(let days):
            switch days {
            case 0: "en retard depuis aujourd'hui"
            case 1: "en retard d'un jour"
            default: "en retard de \(days) jours"
            }
        case .stateComing(let seconds):
            "à venir, \(WordText.relative(seconds: seconds).french)"
        case .statePast:
            "date passée"
        case .fateOnTime(let at):
            "envoyé à l'heure (\(DateText.dayAndTime(at, .fr)))"
        case .fateLate(let at):
            "envoyé en retard (\(DateText.dayAndTime(at, .fr)))"
        case .fateMissed:
            "manqué : jalon ne tournait pas à l'heure prévue"
        case .fateSkipped:
            "non envoyé : prévu avant que jalon connaisse l'élément"
        case .fateOther(let outcome):
            "enregistré comme « \(outcome) »"
        case .fatePending:
            "à venir"
        case .fateNotRecorded:
            "non envoyé : jalon ne tournait pas, ou ne connaissait pas encore l'élément"
        case .fateCancelled:
            "sans objet : l'élément était fait"
        case .mailSent:
            "courriel envoyé"
        case .mailQueued:
            "courriel en file"
        case .mailRetrying(let attempts, let next, let error):
            if let error {
                "courriel en attente d'un nouvel essai (\(attempts) essai(s), prochain le \(DateText.dayAndTime(next, .fr)) ; dernière réponse : \(error))"
            } else {
                "courriel en attente d'un nouvel essai (\(attempts) essai(s), prochain le \(DateText.dayAndTime(next, .fr)))"
            }
        case .mailRefused(let error):
            if let error { "courriel refusé (\(error))" } else { "courriel refusé" }
        case .mailOther(let state):
            "courriel : état « \(state) »"
        case .reminderLine(let step, let due, let fate, let mail):
            if mail.isEmpty {
                "\(step), \(DateText.dayAndTime(due, .fr)) : \(fate)"
            } else {
                "\(step), \(DateText.dayAndTime(due, .fr)) : \(fate) ; \(mail.joined(separator: " ; "))"
            }
        case .noReminder:
            "aucun rappel"
        case .stateUnreadable(let problem):
            "jalon : l'état n'a pas pu être lu (\(problem)) ; seuls les fichiers sont pris en compte"
        case .noStateYet(let directory):
            "jalon : aucun état dans \(directory) ; jalon n'y a encore rien envoyé"
        case .noOverdue:
            "Rien en retard."
        case .overdueSince(let date, let days):
            switch days {
            case 0: "\(DateText.day(date, .fr)), en retard depuis aujourd'hui"
            case 1: "\(DateText.day(date, .fr)), en retard d'un jour"
            default: "\(DateText.day(date, .fr)), en retard de \(days) jours"
            }
        case .calendarSummary(let kind, let title, let person):
            switch kind {
            case .session, .suivi: "\(title) — \(person)"
            case .deadline: "Échéance : \(title) — \(person)"
            case .renewal: "Fin de validité : \(title) — \(person)"
            case .dossier, .retention, .agreement, .evaluation: "\(title) — \(person)"
            }
        case .calendarDescription(let person, let personID, let consultant, let phase, let id):
            "\(ViewText.frenchDescription(person, personID, consultant, phase, id))"
        case .calendarName:
            "jalon : séances et échéances"
        case .calendarFileUnwritable(let path, let problem):
            "impossible d'écrire le calendrier \(path) : \(problem) ; il sera réécrit au prochain rechargement"
        case .sequencesNotRecorded(let problem):
            "jalon : les numéros de version du calendrier n'ont pas pu être enregistrés (\(problem)) ; un agenda abonné peut ne pas voir les changements"
        case .exportNeedsFormat:
            "jalon : précisez le format : jalon export --ics"
        case .unknownPerson(let id, let closest):
            if closest.isEmpty {
                "jalon : aucune personne « \(id) »"
            } else {
                "jalon : aucune personne « \(id) » ; les plus proches : \(closest.joined(separator: ", "))"
            }
        case .unknownConsultant(let id, let known):
            if known.isEmpty {
                "jalon : aucun consultant « \(id) » : jalon.toml n'en déclare aucun"
            } else {
                "jalon : aucun consultant « \(id) » ; ceux de jalon.toml : \(known.joined(separator: ", "))"
            }
        case .unknownKind(let text):
            "jalon : « \(text) » n'est pas un genre d'élément ; choisissez parmi \(ItemKind.allCases.map(\.rawValue).joined(separator: ", "))"
        }
    }

    private static func frenchStep(_ duration: CalendarDuration) -> FrenchText {
        let n = duration.count.magnitude
        if duration.unit == .day {
            return duration.count == 0 ? "le jour J" : duration.count < 0 ? "J-\(n)" : "J+\(n)"
        }
        if duration.count == 0 { return "à l'heure même" }
        let unit: String
        switch duration.unit {
        case .minute: unit = "min"
        case .hour: unit = "h"
        case .day: unit = n > 1 ? "jours" : "jour"
        case .week: unit = n > 1 ? "semaines" : "semaine"
        case .month: unit = "mois"
        case .year: unit = n > 1 ? "ans" : "an"
        case .workday: unit = n > 1 ? "jours ouvrés" : "jour ouvré"
        }
        return duration.count < 0 ? "\(n) \(unit) avant" : "\(n) \(unit) après"
    }

    private static func frenchItemWhen(
        _ kind: ItemKind, _ date: LocalDate, _ time: LocalTime?, _ year: Bool, _ there: LocalTime?, _ zone: String?
    ) -> FrenchText {
        let day = year ? DateText.day(date, .fr) : DateText.dayWithoutYear(date, .fr)
        var when: FrenchText = "\(day)"
        if let time { when = "\(day) à \(DateText.time(time, .fr))" }
        if let there, let zone { when = "\(when) (\(DateText.time(there, .fr)) \(zone))" }
        switch kind {
        case .session: return when
        case .deadline: return "échéance le \(when)"
        case .renewal: return "fin de validité le \(when)"
        case .suivi: return "prévu le \(when)"
        case .dossier, .retention, .agreement, .evaluation: return RulesText.when(kind, when.text).french
        }
    }

    private static func frenchDescription(
        _ person: String, _ personID: String, _ consultant: String?, _ phase: Phase?, _ id: String
    ) -> FrenchText {
        var text: FrenchText = "Personne : \(person) (\(personID))"
        if let consultant { text = "\(text)\nConsultant : \(consultant)" }
        if let phase { text = "\(text)\nPhase : \(ViewText.phase(phase).french)" }
        return "\(text)\nFait ? jalon done \(id)"
    }
}
