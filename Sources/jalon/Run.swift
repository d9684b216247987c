import ArgumentParser
import Dispatch
import JalonCore

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the daemon: deliver every reminder at its time.",
        discussion: """
            Loads the configuration directory, arms one timer for the earliest pending reminder and writes each \
            reminder to the systemd journal when it comes due (and by email once mail is configured). Reminders \
            missed while jalon was not running are caught up: for each item, the latest one due within catch_up \
            is sent, marked late; older ones are recorded as missed, one journal line each.

            The configuration is read again on SIGHUP and whenever a file in the directory changes; a broken file \
            keeps its last good version and its problem goes to the journal. The wall clock being set and the \
            system's time zone changing are noticed too. SIGTERM ends the delivery in progress and exits 0.

            Meant to run as a systemd user service (systemd/jalon.service): it tells systemd when it is ready, \
            reloading and stopping, and answers the watchdog.
            """)

    @OptionGroup var directories: Directories

    func run() throws {
        let options = Daemon.Options(
            configurationDirectory: directories.configurationDirectory, stateDirectory: directories.stateDirectory,
            journal: SystemJournal())
        let daemon: Daemon
        do {
            daemon = try Daemon(options: options)
        } catch {
            Output.standardError("jalon: \(error)\n")
            throw ExitCode(1)
        }
        daemon.start()
        // dispatchMain() never returns: without this, an optimized build may release the daemon (and with it
        // every source it armed) right after start().
        withExtendedLifetime(daemon) { dispatchMain() }
    }
}
