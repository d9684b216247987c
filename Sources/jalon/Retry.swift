import ArgumentParser
import Foundation
import JalonCore

struct Retry: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Queue again the messages sendmail refused for three days.",
        discussion: """
            ID is a reminder id (marie-dupont/titre-pro/-14d) or an item (marie-dupont/titre-pro): every message of \
            it that waits for jalon retry goes back in the queue and is handed to sendmail at once by the running \
            daemon (or at its next start), written anew from the configuration as it is then (a corrected address \
            is used). `jalon status` lists what waits.
            """)

    @OptionGroup var directories: Directories

    @Argument(help: ArgumentHelp("The reminder or item whose failed messages to send again.", valueName: "ID"))
    var id: String

    func run() throws {
        let language = directories.settings().language
        let count: Int
        do {
            count = try Store(directory: directories.stateDirectory).requeue(id, at: Instant(Date()))
        } catch {
            Output.standardError("jalon: " + error.text(language) + "\n")
            throw ExitCode(1)
        }
        guard count > 0 else {
            Output.standardError(MailText.nothingToRequeue(id: id).text(language) + "\n")
            throw ExitCode(1)
        }
        let told = Daemon.notifyMailQueued(stateDirectory: directories.stateDirectory)
        Output.standardOutput(MailText.requeued(count: count, daemonTold: told).text(language) + "\n")
    }
}
