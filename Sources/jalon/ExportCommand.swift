import ArgumentParser
import Foundation
import JalonCore

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write an RFC 5545 calendar of the items to standard output.",
        discussion: """
            --ics writes an iCalendar file: a VEVENT per session with its start and end in the person's zone \
            (DTSTART and DTEND with a TZID, and a VTIMEZONE for each zone used), and an all-day VEVENT for each \
            deadline, expiry and follow-up interview. Each event's UID is PERSON/ITEM@jalon.invalid, the same on \
            every run and machine; its SEQUENCE grows each time the event changes, and is kept in the state \
            database (when it exists) with the daemon's own calendar file.

            Every item goes out, past and future, unless --from, --to or --days narrow the window (on each item's \
            start). Files with errors are left out; their problems go to standard error and the exit status is 1.
            """)

    @OptionGroup var directories: Directories

    @Flag(help: "Write iCalendar (RFC 5545).")
    var ics = false

    @Option(help: ArgumentHelp("Only this person's items.", valueName: "ID"))
    var person: String?

    @Option(help: ArgumentHelp("Only the items of this consultant's beneficiaries.", valueName: "ID"))
    var consultant: String?

    @Option(help: ArgumentHelp("Start of the window, inclusive (default: every item).", valueName: "WHEN"))
    var from: String?

    @Option(help: ArgumentHelp("End of the window, exclusive.", valueName: "WHEN"))
    var to: String?

    @Option(help: ArgumentHelp("Length of the window in days, when --to is not given.", valueName: "N"))
    var days: Int?

    private var window: Window { Window(from: from, to: to, days: days) }

    func validate() throws { try window.validate() }

    func run() throws {
        let configuration = try directories.loadConfiguration()
        let settings = configuration.settings
        let language = settings.language
        guard ics else {
            Output.standardError(ViewText.exportNeedsFormat.text(language) + "\n")
            throw ExitCode(64)
        }
        let range = try window.resolve(
            zone: settings.zone, language: language, start: Instant.distantPast, defaultDays: nil)
        try Names.checkPerson(person, among: configuration.people, language: language)
        try Names.checkConsultant(consultant, settings: settings)
        let now = Instant(Date())
        let export = CalendarExport(
            people: configuration.people, settings: settings, window: range,
            filter: EventList.Filter(person: person, consultant: consultant))
        // The versions are kept where the daemon keeps them; a state database that does not exist is not created.
        var store: Store?
        var st = stat()
        if stat(directories.stateDirectory + "/" + Store.fileName, &st) == 0 {
            do {
                store = try Store(directory: directories.stateDirectory)
            } catch {
                Output.standardError(ViewText.sequencesNotRecorded(problem: error.description).text(language) + "\n")
            }
        }
        let known =
            (try? (store ?? StateReader.open(directories.stateDirectory, language: language))?
                .calendarSequences()) ?? [:]
        var sequences = CalendarSequences(known: known)
        export.write(sequences: &sequences, now: now) { Output.standardOutput($0) }
        do {
            try store?.saveCalendarSequences(sequences.changes)
        } catch {
            Output.standardError(ViewText.sequencesNotRecorded(problem: error.description).text(language) + "\n")
        }
        configuration.finish()
    }
}
