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
            settings' zone).

            The table is grouped by day in the settings' zone and language; --json prints one JSON array sorted by \
            due instant then id, each object with id, person, item, kind, step, follow_up, due (in the person's \
            zone, with its offset), to (sorted) and title.

            Files with errors are left out; their problems go to standard error and the exit status is 1.
            """)

    @OptionGroup var directories: Directories

    @OptionGroup var window: WindowOptions

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func run() throws {
        let progress = TerminalProgress()
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
        let agenda = Agenda(
            configuration: configuration, from: range.lowerBound, to: range.upperBound,
            progress: progress?.reporter("computing reminders"))
        progress?.finish()
        if json {
            agenda.writeJSON { Output.standardOutput($0) }
        } else {
            Output.standardOutput(agenda.table(language: settings.language, zone: settings.zone))
        }
        configuration.finish()
    }
}
