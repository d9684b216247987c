import ArgumentParser
import Foundation
import JalonCore

struct Retry: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Queue again the messages sendmail refused for good.",
        discussion: """
            ID is a reminder id (marie-dupont/titre-pro/-14d) or an item (marie-dupont/titre-pro): every failed \
            message of it goes back in the queue and is handed to sendmail at once by the running daemon (or at its \
            next start). `jalon status` lists the failures.
            """)

    @OptionGroup var directories: Directories

    @Argument(help: ArgumentHelp("The reminder or item whose failed messages to send again.", valueName: "ID"))
    var id: String

    func run() throws {
        let count: Int
        do {
            count = try Store(directory: directories.stateDirectory).requeue(id, at: Instant(Date()))
        } catch {
            Output.standardError("jalon: \(error)\n")
            throw ExitCode(1)
        }
        guard count > 0 else {
            Output.standardError("jalon: no failed message for \(id) (see jalon status)\n")
            throw ExitCode(1)
        }
        let told = Daemon.notifyMailQueued(stateDirectory: directories.stateDirectory)
        Output.standardOutput(
            "\(count) message(s) queued again"
                + (told ? "; the running daemon sends them now.\n" : "; they go when the daemon starts.\n"))
    }
}
