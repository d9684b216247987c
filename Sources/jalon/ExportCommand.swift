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

    @OptionGroup var people: PeopleOptions

    @OptionGroup var window: WindowOptions

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
        try people.check(configuration)
        let now = Instant(Date())
        let export = CalendarExport(
            people: configuration.people, settings: settings, window: range,
            filter: EventList.Filter(person: people.person, consultant: people.consultant))
        // The versions are kept where the daemon keeps them; a state database that does not exist is not created.
        var store: Store?
        var st = stat()
        if stat(directories.stateDirectory + "/" + Store.fileName, &st) == 0 {
            do {
                store = try Store(directory: directories.stateDirectory)
            } catch {
                Output.standardError(ViewText.sequencesNotRecorded(problem: error.text(language)).text(language) + "\n")
            }
        }
        // A database that cannot be written is still read, so that the numbers do not go back.
        let versions = store ?? StateReader.open(directories.stateDirectory, language: language)
        let problem = export.write(versions: versions, now: now, to: { Output.standardOutput($0) })
        if let problem, store != nil {
            Output.standardError(ViewText.sequencesNotRecorded(problem: problem.text(language)).text(language) + "\n")
        }
        configuration.finish()
    }
}
