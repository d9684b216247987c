import ArgumentParser
import Foundation
import JalonCore

struct Done: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record that an item is finished: its reminders stop.",
        discussion: """
            PERSON/ITEM names an item of a person file (a session, a deadline, a training) or the derived \
            follow-up interview (PERSON/suivi). The acknowledgement is kept in the state database for the item as \
            it is now: if the item's date changes later, its new reminders are due again. A running daemon honours \
            it within a second. Writing done = true in the file does the same, for good.
            """)

    @OptionGroup var directories: Directories

    @Argument(help: ArgumentHelp("The item, as PERSON/ITEM.", valueName: "PERSON/ITEM"))
    var item: String

    func validate() throws {
        let parts = item.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ isIdentifier(String($0)) }) else {
            throw ValidationError("\"\(item)\" is not PERSON/ITEM, like marie-dupont/titre-pro")
        }
    }

    func run() throws {
        let configuration = try directories.loadConfiguration()
        let parts = item.split(separator: "/").map(String.init)
        guard let person = configuration.people.first(where: { $0.id == parts[0] }) else {
            Output.standardError("jalon: no person \"\(parts[0])\" in \(configuration.directory)\n")
            throw ExitCode(1)
        }
        let items = ReminderPlanner(settings: configuration.settings).items(of: person)
        guard let planned = items.first(where: { $0.id == parts[1] }) else {
            Output.standardError(
                "jalon: \(person.id) has no item \"\(parts[1])\"; its items: "
                    + items.map(\.id).joined(separator: ", ") + "\n")
            throw ExitCode(1)
        }
        let store: Store
        do {
            store = try Store(directory: directories.stateDirectory)
            try store.acknowledge(item: planned.key, base: planned.base.instant, at: Instant(Date()))
        } catch {
            Output.standardError("jalon: \(error)\n")
            throw ExitCode(1)
        }
        let told = Daemon.notifyAcknowledged(stateDirectory: directories.stateDirectory)
        Output.standardOutput(
            "\(planned.key): done; its reminders stop"
                + (told ? " (the running daemon was told).\n" : " (no daemon is running: it will know at start).\n"))
    }
}
