import ArgumentParser
import Foundation
import JalonCore

struct Undone: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Take back a `jalon done`: the item's reminders are due again.",
        discussion: """
            PERSON/ITEM (or a reminder id, PERSON/ITEM/STEP) names the item. Its acknowledgements are removed from \
            the state database; a running daemon plans the item again within a second: what came due meanwhile is \
            caught up as after a stop (the latest reminder within catch_up goes, marked late). An item marked \
            done = … in its file stays done until that line goes.

            Exit status: 0 when the item was done and no longer is, 1 when it was not done, 64 when the argument is \
            neither form.
            """)

    @OptionGroup var directories: Directories

    @Argument(
        help: ArgumentHelp("The item, as PERSON/ITEM (or a reminder, PERSON/ITEM/STEP).", valueName: "PERSON/ITEM"))
    var item: String

    func run() throws {
        let settings = directories.settings()
        guard let argument = ItemArgument(item) else {
            Output.standardError("jalon: " + CommandText.notAnItem(argument: item).text(settings.language) + "\n")
            throw ExitCode(64)
        }
        var removed = 0
        var key = argument.key
        do {
            let store = try Store(directory: directories.stateDirectory)
            for candidate in argument.keys where removed == 0 {
                removed = try store.unacknowledge(item: candidate)
                key = candidate
            }
        } catch {
            Output.standardError(
                "jalon: " + CommandText.stateUnusable(problem: error.text(settings.language)).text(settings.language)
                    + "\n")
            throw ExitCode(1)
        }
        guard removed > 0 else {
            // Say why: no such item, done in its file, or simply not done.
            let configuration = try directories.loadConfiguration()
            let planned = try argument.resolve(in: configuration)
            let text: CommandText = planned.done ? .undoneInFile(item: planned.key) : .notDone(item: planned.key)
            Output.standardError("jalon: " + text.text(settings.language) + "\n")
            throw ExitCode(1)
        }
        let told = Daemon.notifyAcknowledged(stateDirectory: directories.stateDirectory)
        Output.standardOutput(CommandText.undone(item: key, told: told).text(settings.language) + "\n")
    }
}
