/// The texts of the consultant's desk: `agenda`, `events`, `show`, `overdue` and `export` — their tables, the
/// states of items and reminders, the calendar's summaries, and their errors.
package enum ViewText: Localizable {
    // MARK: Words

    /// A phase of a bilan: "préliminaire", "investigation", … "preliminary", "investigation", …
    case phase(Phase)
    /// An item's kind, with its phase when it has one: "séance, investigation".
    case kindAndPhase(ItemKind, Phase?)
    /// The time column of an item that fills its day: "journée", "all day".
    case allDay
    /// "consultant : Claire Martin".
    case consultant(name: String)
    /// An item finished, on a date when it is known: "fait le mardi 2 mars 2027".
    case done(on: LocalDate?)
    /// A reminder's step: "rappel J-2", "rappel 2 h avant", "rappel le jour J".
    case step(CalendarDuration)
    /// A follow-up's step: "relance 2".
    case followUpStep(Int)

    // MARK: agenda

    case noReminders(from: LocalDate, to: LocalDate)
    /// A reminder without an address: only the journal gets it.
    case journalOnly
    /// When the item a reminder is about takes place: "lundi 7 décembre à 9 h 30", "échéance le jeudi 31 mars".
    /// `year` is given when it is not the reminder's; `there` is the person's own time when their zone differs.
    case itemWhen(kind: ItemKind, date: LocalDate, time: LocalTime?, year: Bool, there: LocalTime?, zone: String?)
    /// One reminder of the agenda: "09:30  rappel J-2 · Entretien de conclusion — lundi 7 décembre à 9 h 30 ·
    /// marie-dupont".
    case agendaLine(time: String, step: String, title: String, when: String, person: String)

    // MARK: events

    case noEvents(from: LocalDate, to: LocalDate)
    /// "Investigation (séance, investigation) · Marie Dupont".
    case eventSummary(title: String, kind: ItemKind, phase: Phase?, person: String)

    // MARK: show

    /// "Marie Dupont (marie-dupont) · Europe/Paris · consultant : Claire Martin".
    case personHeader(name: String, id: String, zone: String, consultant: String?)
    case stateOverdue(days: Int)
    case stateComing(seconds: Int64)
    /// A session whose time has passed and that is not marked done.
    case statePast
    case fateOnTime(at: LocalDateTime)
    case fateLate(at: LocalDateTime)
    case fateMissed
    /// Due before jalon knew the item: never jalon's to send.
    case fateSkipped
    /// An outcome this jalon does not know, as the state database records it.
    case fateOther(outcome: String)
    case fatePending
    /// Due, with nothing recorded: jalon was not running, or did not know the item yet.
    case fateNotRecorded
    /// Not sent because the item was done first.
    case fateCancelled
    case mailSent
    case mailQueued
    case mailRetrying(attempts: Int, next: LocalDateTime, error: String?)
    case mailRefused(error: String?)
    case mailOther(state: String)
    /// "rappel J-2, samedi 5 décembre 2026 à 9 h 30 : envoyé à l'heure ; courriel : envoyé".
    case reminderLine(step: String, due: LocalDateTime, fate: String, mail: [String])
    case noReminder
    /// Nothing could be read from the state database: what is shown comes from the files alone.
    case stateUnreadable(problem: String)
    case noStateYet(directory: String)

    // MARK: overdue

    case noOverdue
    /// "mercredi 18 novembre 2026, en retard de 12 jours".
    case overdueSince(date: LocalDate, days: Int)

    // MARK: export

    /// The calendar's SUMMARY: "Échéance : Titre — Marie Dupont".
    case calendarSummary(kind: ItemKind, title: String, person: String)
    /// The calendar's DESCRIPTION.
    case calendarDescription(person: String, personID: String, consultant: String?, phase: Phase?, id: String)
    case calendarName
    /// The daemon could not write its calendar file.
    case calendarFileUnwritable(path: String, problem: String)
    case sequencesNotRecorded(problem: String)
    case exportNeedsFormat

    // MARK: errors

    case unknownPerson(id: String, closest: [String])
    case unknownConsultant(id: String, known: [String])
    case unknownKind(text: String)

    package static var samples: [ViewText] {
        let date = LocalDate(year: 2026, month: 12, day: 7)
        let at = LocalDateTime(date, LocalTime(hour: 9, minute: 30))
        let nine = LocalTime(hour: 9, minute: 0)
        return Phase.allCases.map(ViewText.phase) + ItemKind.allCases.map { .kindAndPhase($0, nil) } + [
            .kindAndPhase(.session, .conclusion), .allDay, .consultant(name: "Claire Martin"),
            .done(on: nil), .done(on: date),
            .step(CalendarDuration(-2, .day)), .step(CalendarDuration(0, .day)), .step(CalendarDuration(3, .day)),
            .step(CalendarDuration(-2, .hour)), .step(CalendarDuration(0, .hour)), .step(CalendarDuration(1, .hour)),
            .step(CalendarDuration(-30, .minute)), .step(CalendarDuration(-1, .week)),
            .step(CalendarDuration(-2, .month)), .step(CalendarDuration(-1, .year)),
            .step(CalendarDuration(-10, .workday)), .step(CalendarDuration(1, .workday)), .followUpStep(2),
            .noReminders(from: date, to: date.adding(days: 6)), .journalOnly,
            .itemWhen(kind: .session, date: date, time: at.time, year: false, there: nil, zone: nil),
            .itemWhen(
                kind: .session, date: date, time: at.time, year: true, there: LocalTime(hour: 12, minute: 30),
                zone: "Indian/Reunion"),
            .itemWhen(kind: .deadline, date: date, time: nil, year: false, there: nil, zone: nil),
            .itemWhen(kind: .deadline, date: date, time: nine, year: true, there: nil, zone: nil),
            .itemWhen(kind: .renewal, date: date, time: nil, year: false, there: nil, zone: nil),
            .itemWhen(kind: .suivi, date: date, time: nil, year: false, there: nil, zone: nil),
            .agendaLine(
                time: "09:30", step: "rappel J-2", title: "Entretien de conclusion", when: "lundi 7 décembre à 9 h 30",
                person: "marie-dupont"),
            .noEvents(from: date, to: date.adding(days: 6)),
            .eventSummary(title: "Investigation", kind: .session, phase: .investigation, person: "Marie Dupont"),
            .eventSummary(title: "CV", kind: .deadline, phase: nil, person: "Marie Dupont"),
            .personHeader(name: "Marie Dupont", id: "marie-dupont", zone: "Europe/Paris", consultant: "Claire Martin"),
            .personHeader(name: "Marie Dupont", id: "marie-dupont", zone: "Europe/Paris", consultant: nil),
            .stateOverdue(days: 0), .stateOverdue(days: 1), .stateOverdue(days: 12), .stateComing(seconds: 86_400 * 3),
            .statePast,
            .fateOnTime(at: at), .fateLate(at: at), .fateMissed, .fateSkipped, .fateOther(outcome: "superseded"),
            .fatePending, .fateNotRecorded, .fateCancelled,
            .mailSent, .mailQueued, .mailRetrying(attempts: 2, next: at, error: "exit status 75"),
            .mailRetrying(attempts: 1, next: at, error: nil), .mailRefused(error: "exit status 1"),
            .mailRefused(error: nil), .mailOther(state: "bounced"),
            .reminderLine(step: "rappel J-2", due: at, fate: "envoyé à l'heure", mail: ["envoyé"]),
            .reminderLine(step: "rappel J-3", due: at, fate: "à venir", mail: []),
            .noReminder, .stateUnreadable(problem: "disk I/O error"),
            .noStateYet(directory: "/home/claire/.local/state"),
            .noOverdue, .overdueSince(date: date, days: 0), .overdueSince(date: date, days: 1),
            .overdueSince(date: date, days: 12),
            .calendarSummary(kind: .session, title: "Investigation", person: "Marie Dupont"),
            .calendarSummary(kind: .deadline, title: "CV", person: "Marie Dupont"),
            .calendarSummary(kind: .renewal, title: "SST", person: "Marie Dupont"),
            .calendarSummary(kind: .suivi, title: "Entretien de suivi du bilan", person: "Marie Dupont"),
            .calendarDescription(
                person: "Marie Dupont", personID: "marie-dupont", consultant: "Claire Martin", phase: .conclusion,
                id: "marie-dupont/conclusion"),
            .calendarDescription(
                person: "Marie Dupont", personID: "marie-dupont", consultant: nil, phase: nil, id: "marie-dupont/cv"),
            .calendarName, .calendarFileUnwritable(path: "/home/claire/jalon.ics", problem: "Permission denied"),
            .sequencesNotRecorded(problem: "read-only file system"), .exportNeedsFormat,
            .unknownPerson(id: "marie", closest: ["marie-dupont", "mario-rossi"]), .unknownPerson(id: "x", closest: []),
            .unknownConsultant(id: "clair", known: ["claire", "thomas"]), .unknownConsultant(id: "c", known: []),
            .unknownKind(text: "meeting"),

        ]
    }
}
