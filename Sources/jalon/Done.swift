import ArgumentParser
import Foundation
import JalonCore

struct Done: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record that an item is finished: its reminders stop.",
        discussion: """
            PERSON/ITEM names an item of a person file (a session, a deadline, a training) or the derived \
            follow-up interview (PERSON/suivi); a reminder id, PERSON/ITEM/STEP, names its item. A step of a CPF \
            dossier is PERSON/DOSSIER/STEP (answer, entry, exit, service-fait), and one of its reminders \
            PERSON/DOSSIER/STEP/REMINDER; the end of a bilan is PERSON/bilan/retention, PERSON/bilan/agreement or \
            PERSON/bilan/evaluation. The acknowledgement \
            is kept in the state database for the item as it is now: if the item's date changes later, its new \
            reminders are due again. A running daemon honours it within a second; `agenda` and `status` show it at \
            once. `jalon undone` takes it back. Writing done = true in the file does the same, for good.

            Exit status: 0 when the item is done (now or already), 1 when there is no such item, 64 when the \
            argument is neither form.
            """)

    @OptionGroup var directories: Directories

    @Argument(
        help: ArgumentHelp("The item, as PERSON/ITEM (or a reminder, PERSON/ITEM/STEP).", valueName: "PERSON/ITEM"))
    var item: String

    func run() throws {
        guard let argument = ItemArgument(item) else {
            let language = directories.settings().language
            Output.standardError("jalon: " + CommandText.notAnItem(argument: item).text(language) + "\n")
            throw ExitCode(64)
        }
        let configuration = try directories.loadConfiguration()
        let settings = configuration.settings
        let planned = try argument.resolve(in: configuration)
        if planned.done {
            Output.standardOutput(CommandText.doneInFile(item: planned.key).text(settings.language) + "\n")
            return
        }
        let base = planned.base.instant
        do {
            let store = try Store(directory: directories.stateDirectory)
            if let when = try store.acknowledgedAt(item: planned.key, base: base) {
                Output.standardOutput(
                    CommandText.alreadyDone(item: planned.key, on: settings.zone.local(when)).text(settings.language)
                        + "\n")
                return
            }
            try store.acknowledge(item: planned.key, base: base, at: Instant(Date()))
        } catch {
            Output.standardError(
                "jalon: " + CommandText.stateUnusable(problem: error.text(settings.language)).text(settings.language)
                    + "\n")
            throw ExitCode(1)
        }
        let told = Daemon.notifyAcknowledged(stateDirectory: directories.stateDirectory)
        Output.standardOutput(CommandText.done(item: planned.key, told: told).text(settings.language) + "\n")
    }
}
