import ArgumentParser
import Foundation
import JalonCore

struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "List the items themselves in a window: sessions, deadlines, expiries, follow-up interviews.",
        discussion: """
            The window is [--from, --to): --from defaults to the start of today, --to to --days days (7) after \
            --from. Both take an RFC 3339 date-time with an offset or a date (midnight in the settings' zone).

            The table is grouped by day in the settings' zone and language, with a person's own time beside when \
            their zone differs. --json prints one JSON array sorted by start then id, each object with id \
            (PERSON/ITEM), person, person_name, item, kind, title, start and end (in the person's zone, with its \
            offset; end is null without a duration), all_day, date, place, phase, consultant, done and done_on.

            An item is done when its file says so or `jalon done` acknowledged it (read from the state database, \
            which is never created here). Files with errors are left out; their problems go to standard error and \
            the exit status is 1.
            """)

    @OptionGroup var directories: Directories

    @OptionGroup var window: WindowOptions

    @OptionGroup var people: PeopleOptions

    @Option(
        help: ArgumentHelp(
            "Only items of this kind: session, deadline, renewal, suivi, dossier, retention, agreement or evaluation.",
            valueName: "KIND"))
    var kind: String?

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func run() throws {
        let configuration = try directories.loadConfiguration()
        let settings = configuration.settings
        let language = settings.language
        let today = settings.zone.resolve(LocalDateTime(settings.zone.local(Instant(Date())).date, .midnight))
        let range = try window.resolve(zone: settings.zone, language: language, start: today, defaultDays: 7)
        let kind = try Names.kind(kind, language: language)
        try people.check(configuration)
        let store = StateReader.open(directories.stateDirectory, language: language)
        let list = EventList(
            people: configuration.people, settings: settings, from: range.lowerBound, to: range.upperBound,
            filter: EventList.Filter(person: people.person, consultant: people.consultant, kind: kind),
            done: StateReader.doneMarks(store, language: language))
        if json {
            Output.standardOutput(list.json())
        } else {
            Output.standardOutput(list.table(language: language, zone: settings.zone))
        }
        configuration.finish()
    }
}
