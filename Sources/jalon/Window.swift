import ArgumentParser
import Foundation
import JalonCore

/// The window of time `agenda`, `events` and `export` take: `--from` (inclusive), `--to` (exclusive) or `--days`.
/// Each command says in its description where the window starts and how long it is by default.
struct WindowOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Start of the window, inclusive.", valueName: "WHEN"))
    var from: String?

    @Option(help: ArgumentHelp("End of the window, exclusive.", valueName: "WHEN"))
    var to: String?

    @Option(help: ArgumentHelp("Length of the window in days, when --to is not given.", valueName: "N"))
    var days: Int?

    /// The longest window `--days` gives: a hundred years.
    static let maximumDays = 36_600

    /// The window as instants; `--to` and `--days` together, a `--days` out of range, a time that cannot be read,
    /// or an end before the start is a usage error (exit 64) told in `language`.
    ///
    /// - Parameters:
    ///   - start: where the window starts without `--from`.
    ///   - defaultDays: its length without `--to` nor `--days`; nil: it has no end.
    func resolve(zone: Zone, language: Language, start: Instant, defaultDays: Int?) throws -> Range<Instant> {
        func usage(_ text: CommandText) -> ExitCode {
            Output.standardError("jalon: " + text.text(language) + "\n")
            return ExitCode(64)
        }
        if to != nil && days != nil { throw usage(.toAndDays) }
        if let days, days < 0 || days > WindowOptions.maximumDays {
            throw usage(.daysOutOfRange(maximum: WindowOptions.maximumDays))
        }
        func parse(_ text: String, _ option: String) throws -> Instant {
            guard let instant = TimeParsing.instant(text, zone: zone) else {
                throw usage(.notATime(option: option, text: text))
            }
            return instant
        }
        let begin = try from.map { try parse($0, "--from") } ?? start
        let end: Instant
        if let to {
            end = try parse(to, "--to")
        } else if let count = days ?? defaultDays {
            // Days on the calendar: the same wall-clock time `count` days later, across a change of offset.
            let local = zone.local(begin)
            end = zone.resolve(LocalDateTime(local.date.adding(days: count), local.time))
        } else {
            end = Instant.distantFuture
        }
        guard end >= begin else {
            throw usage(.windowReversed(from: from ?? zone.rfc3339(begin), to: to ?? zone.rfc3339(end)))
        }
        return begin..<end
    }
}

/// `--person` and `--consultant`: whose items a command shows.
struct PeopleOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only this person's items.", valueName: "ID"))
    var person: String?

    @Option(help: ArgumentHelp("Only the items of this consultant's beneficiaries.", valueName: "ID"))
    var consultant: String?

    /// Both name someone, or the command ends (exit 1) naming the closest ids.
    func check(_ configuration: Configuration) throws {
        try Names.checkPerson(person, among: configuration.people, language: configuration.settings.language)
        try Names.checkConsultant(consultant, settings: configuration.settings)
    }
}

/// Looking up the persons and consultants a command names, with suggestions when they name nobody (exit 1).
enum Names {
    static func checkPerson(_ id: String?, among people: [Person], language: Language) throws {
        guard let id, !people.contains(where: { $0.id == id }) else { return }
        Output.standardError(
            ViewText.unknownPerson(id: id, closest: PersonLookup.closest(to: id, among: people.map(\.id))).text(
                language)
                + "\n")
        throw ExitCode(1)
    }

    static func checkConsultant(_ id: String?, settings: Settings) throws {
        guard let id, settings.consultants[id] == nil else { return }
        let known = PersonLookup.closest(to: id, among: Array(settings.consultants.keys), limit: 5)
        Output.standardError(ViewText.unknownConsultant(id: id, known: known).text(settings.language) + "\n")
        throw ExitCode(1)
    }

    static func kind(_ text: String?, language: Language) throws -> ItemKind? {
        guard let text else { return nil }
        guard let kind = ItemKind(rawValue: text) else {
            Output.standardError(ViewText.unknownKind(text: text).text(language) + "\n")
            throw ExitCode(64)
        }
        return kind
    }
}

/// The state database, read only and only when it exists: the views never create it.
enum StateReader {
    /// The store, or nil — with a line on standard error when it exists but cannot be read.
    static func open(_ directory: String, language: Language) -> Store? {
        var st = stat()
        guard stat(directory + "/" + Store.fileName, &st) == 0 else { return nil }
        do {
            return try Store(directory: directory, readOnly: true)
        } catch {
            Output.standardError(ViewText.stateUnreadable(problem: error.text(language)).text(language) + "\n")
            return nil
        }
    }

    /// The acknowledgements with their times, or none when the state cannot be read.
    static func doneMarks(_ store: Store?, language: Language) -> DoneMarks {
        guard let store else { return DoneMarks() }
        do {
            return DoneMarks(try store.acknowledgementTimes())
        } catch {
            Output.standardError(ViewText.stateUnreadable(problem: error.text(language)).text(language) + "\n")
            return DoneMarks()
        }
    }
}

extension Configuration {
    /// Prints the configuration's problems on standard error and leaves with 1 when one is an error, 0 otherwise.
    func finish() -> Never {
        if !diagnostics.isEmpty {
            Output.standardError(diagnostics.map { $0.description + "\n" }.joined())
        }
        // Everything is written (unbuffered): leave without freeing what was computed, piece by piece.
        Foundation.exit(hasErrors ? 1 : 0)
    }
}
