import ArgumentParser
import Foundation
import JalonCore

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one person's timeline: every item, its state, and what became of its reminders.",
        discussion: """
            Every item of the person, past and future, by day in the settings' zone: done (and when), overdue, \
            coming or past; and for each item its reminders — sent on time, sent late, missed, skipped, pending — \
            with their messages: sent, queued, waiting for a retry, refused. What became of them is read from the \
            state database, which is never created here.

            --json prints one object: person, name, consultant, consultant_name, zone, now, and items — each with \
            the keys of `jalon events --json`, state, and reminders (id, step, follow_up, due, to, outcome, \
            recorded_at, mail: state, attempts, next_attempt, error, to).

            An id that names nobody: the closest ids are named, and the exit status is 1.
            """)

    @OptionGroup var directories: Directories

    @Argument(help: ArgumentHelp("The person's id.", valueName: "PERSON"))
    var person: String

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func run() throws {
        let loader = ConfigurationLoader(directory: directories.configurationDirectory)
        let settings: Settings
        let found: Person?
        do {
            (settings, found) = try loader.loadPerson(person)
        } catch {
            Output.standardError("jalon: " + error.message + "\n")
            throw ExitCode(1)
        }
        let language = settings.language
        guard let found = try found ?? everyone().first(where: { $0.id == person }) else { throw ExitCode(1) }
        let store = StateReader.open(directories.stateDirectory, language: language)
        if store == nil {
            Output.standardError(ViewText.noStateYet(directory: directories.stateDirectory).text(language) + "\n")
        }
        var history = DeliveryHistory()
        if let store {
            do {
                history = try store.history(ofPerson: found.id)
            } catch {
                Output.standardError(ViewText.stateUnreadable(problem: error.text(language)).text(language) + "\n")
            }
        }
        let timeline = Timeline(person: found, settings: settings, history: history, now: Instant(Date()))
        let consultantName = settings.consultants.name(of: found.consultant)
        if json {
            Output.standardOutput(timeline.json(consultantName: consultantName))
        } else {
            Output.standardOutput(
                timeline.table(language: language, zone: settings.zone, consultantName: consultantName))
        }
    }

    /// Everyone, read to name the ids closest to one that names nobody (exit 1 after saying so).
    private func everyone() throws -> [Person] {
        let configuration = try directories.loadConfiguration()
        try Names.checkPerson(person, among: configuration.people, language: configuration.settings.language)
        return configuration.people
    }
}
