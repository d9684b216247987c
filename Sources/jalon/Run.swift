import ArgumentParser
import Dispatch
import JalonCore

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the daemon: deliver every reminder at its time.",
        discussion: """
            Loads the configuration directory, arms one timer for the earliest pending reminder and writes each \
            reminder to the systemd journal when it comes due (and by email once mail is configured). Reminders \
            that came due while jalon could not send them are caught up: for each item, the latest one due within \
            catch_up is sent, marked late (unless another of the item comes due within 24 hours); older ones are \
            recorded as missed, one journal line each. Reminders due before jalon first planned their item are \
            never sent (skipped).

            The configuration is read again on SIGHUP and whenever a file in the directory changes; a broken file \
            keeps its last good version and its problem goes to the journal. The wall clock being set and the \
            system's time zone changing are noticed too. SIGTERM ends the delivery in progress and exits 0.

            Meant to run as a systemd user service (systemd/jalon.service): it tells systemd when it is ready, \
            reloading and stopping, and answers the watchdog.

            One daemon per state directory: a second `jalon run` on the same state exits at once with status 1, naming \
            the pid of the first. An error in jalon.toml stops the start (status 1, the problems on standard error \
            and in the journal) rather than run on settings that were not chosen; at a reload, a broken jalon.toml \
            keeps the last good settings. A person file that is broken at start is planned from the last good \
            version the state database kept.
            """)

    @OptionGroup var directories: Directories

    func run() throws {
        let journal = SystemJournal()
        let options = Daemon.Options(
            configurationDirectory: directories.configurationDirectory, stateDirectory: directories.stateDirectory,
            journal: journal)
        let daemon: Daemon
        do {
            daemon = try Daemon(options: options)
        } catch {
            // Without a journald, the journal's entries (the problems of jalon.toml) are on standard error already.
            if journal.reachesJournal {
                Output.standardError(error.diagnostics.map { $0.description + "\n" }.joined())
            }
            Output.standardError("jalon: \(error.message)\n")
            throw ExitCode(1)
        }
        daemon.start()
        // dispatchMain() never returns: without this, an optimized build may release the daemon (and with it
        // every source it armed) right after start().
        withExtendedLifetime(daemon) { dispatchMain() }
    }
}
