import ArgumentParser
import Foundation
import JalonCore

struct AgendaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda",
        abstract: "List the reminders due in a window of time.",
        discussion: """
            The window is [--from, --to): --from defaults to now, --to to --days days (30) after --from. Both take \
            an RFC 3339 date-time with an offset (2026-12-01T09:00:00+01:00) or a date (2026-12-01, midnight in the \
            settings' zone). A window that ends before it starts is a usage error.

            The table is grouped by day in the settings' zone and language; --json prints one JSON array sorted by \
            due instant then id, each object with id, person, item, kind, step, follow_up, due (in the person's \
            zone, with its offset), to (sorted) and title. Items finished with `jalon done` are left out when the \
            state directory can be read (it is only read, never created).

            Files with errors are left out; their problems go to standard error and the exit status is 1. Exit \
            status 64: a usage error.
            """)

    @OptionGroup var directories: Directories

    @OptionGroup var window: WindowOptions

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func run() throws {
        let progress = TerminalProgress(language: directories.settings().language)
        let configuration = try directories.loadConfiguration(progress: progress)
        let settings = configuration.settings
        let range: Range<Instant>
        do {
            range = try window.resolve(
                zone: settings.zone, language: settings.language, start: Instant(Date()), defaultDays: 30)
        } catch {
            progress?.finish()
            throw error
        }
        // `jalon done` shows here at once: the acknowledgements are read from the state database, if there is one.
        let acknowledged = (try? Store.acknowledgements(inStateDirectory: directories.stateDirectory)) ?? []
        let isAcknowledged: @Sendable (String, Instant) -> Bool
        if acknowledged.isEmpty {
            isAcknowledged = { _, _ in false }
        } else {
            isAcknowledged = { item, base in acknowledged.contains(Acknowledgement(item: item, base: base)) }
        }
        let agenda = Agenda(
            configuration: configuration, from: range.lowerBound, to: range.upperBound, isAcknowledged: isAcknowledged,
            progress: progress?.reporter(.computingReminders))
        progress?.finish()
        if json {
            agenda.writeJSON { Output.standardOutput($0) }
        } else {
            Output.standardOutput(agenda.table(language: settings.language, zone: settings.zone))
        }
        configuration.finish()
    }
}
