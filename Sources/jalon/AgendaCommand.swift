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

    /// The longest window `--days` gives: a hundred years.
    static let maximumDays = 36_600

    @OptionGroup var directories: Directories

    @Option(help: ArgumentHelp("Start of the window, inclusive (default: now).", valueName: "WHEN"))
    var from: String?

    @Option(help: ArgumentHelp("End of the window, exclusive.", valueName: "WHEN"))
    var to: String?

    @Option(help: ArgumentHelp("Length of the window in days, when --to is not given (default: 30).", valueName: "N"))
    var days: Int?

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func run() throws {
        let language = directories.settings().language
        func usage(_ text: CommandText) -> ExitCode {
            Output.standardError("jalon: " + text.text(language) + "\n")
            return ExitCode(64)
        }
        if to != nil && days != nil { throw usage(.toAndDays) }
        if let days, days < 0 || days > AgendaCommand.maximumDays {
            throw usage(.daysOutOfRange(maximum: AgendaCommand.maximumDays))
        }
        let progress = TerminalProgress()
        let configuration = try directories.loadConfiguration(progress: progress)
        let zone = configuration.settings.zone
        func parse(_ text: String, _ option: String) throws -> Instant {
            guard let instant = TimeParsing.instant(text, zone: zone) else {
                progress?.finish()
                throw usage(.notATime(option: option, text: text))
            }
            return instant
        }
        let start = try from.map { try parse($0, "--from") } ?? Instant(Date())
        let end = try to.map { try parse($0, "--to") } ?? start + Int64(days ?? 30) * 86_400
        guard start <= end else {
            progress?.finish()
            throw usage(.windowReversed(from: from ?? zone.rfc3339(start), to: to ?? zone.rfc3339(end)))
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
            configuration: configuration, from: start, to: end, isAcknowledged: isAcknowledged,
            progress: progress?.reporter("computing reminders"))
        progress?.finish()
        if json {
            agenda.writeJSON { Output.standardOutput($0) }
        } else {
            Output.standardOutput(agenda.table(language: configuration.settings.language, zone: zone))
        }
        let errors = configuration.diagnostics.filter { $0.severity == .error }
        if !configuration.diagnostics.isEmpty {
            Output.standardError(configuration.diagnostics.map { $0.description + "\n" }.joined())
        }
        // Everything is written (unbuffered): leave without freeing a hundred thousand reminders one by one,
        // which took a tenth of the run.
        Foundation.exit(errors.isEmpty ? 0 : 1)
    }
}
