import ArgumentParser
import Foundation
import JalonCore

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the daemon's state: next reminders, problems, last reload.",
        discussion: """
            Reads the state database the daemon writes (it is safe while the daemon runs): whether the daemon \
            runs, when it last read the configuration and the problems it found, the next reminders, how \
            many reminders were delivered and missed, and the mail: sent, queued (not tried yet, or being \
            handed to sendmail now), waiting for a retry (each with its next try and last error), and refused \
            (each with the `jalon retry` that queues it again).

            Exit status: 0 when the daemon runs, 3 when it does not, 1 when there is no state to read.
            """)

    @OptionGroup var directories: Directories

    func run() throws {
        let store: Store
        do {
            store = try Store(directory: directories.stateDirectory, readOnly: true)
        } catch {
            var st = stat()
            if stat(directories.stateDirectory + "/" + Store.fileName, &st) != 0 {
                Output.standardError(
                    "jalon: no state in \(directories.stateDirectory): has `jalon run` ever started there?\n")
            } else {
                Output.standardError("jalon: cannot read the state: \(error)\n")
            }
            throw ExitCode(1)
        }
        guard let text = try? store.meta(DaemonStatus.metaKey), let status = DaemonStatus.parse(text) else {
            Output.standardError("jalon: the daemon has not written its state in \(store.path) yet\n")
            throw ExitCode(3)
        }
        // Times in the settings' zone, as the daemon reads them.
        let settings = ConfigurationLoader(directory: status.configurationDirectory).loadSettings().0
        let zone = settings.zone
        func when(_ seconds: Int64) -> String { zone.rfc3339(Instant(seconds: seconds)) }
        let running = kill(pid_t(status.pid), 0) == 0 || errno == EPERM
        var out = ""
        if running {
            out += "jalon is running (pid \(status.pid), since \(when(status.startedAt)))\n"
        } else {
            out += "jalon is not running (pid \(status.pid) last wrote its state at \(when(status.updatedAt)))\n"
        }
        out += "configuration: \(status.configurationDirectory), \(status.people) people, "
            + "read at \(when(status.lastReload))\n"
        out += "state: \(store.path)\n"
        out += "reminders: \(status.pending) pending, \(status.delivered) delivered and \(status.missed) missed "
            + "since the daemon started\n"
        if let problem = status.stateProblem {
            out += "state not recorded: \(problem) (\(status.unrecorded) outcome(s) waiting; jalon retries)\n"
        }
        if status.next.isEmpty {
            out += "next reminders: none\n"
        } else {
            out += "next reminders:\n"
            for next in status.next { out += "  \(next.due)  \(next.id)  \(next.title)\n" }
        }
        out += mailLines(store: store, language: settings.language, when: when)
        if status.problems.isEmpty {
            out += "problems: none\n"
        } else {
            out += "problems (the files keep their last good version):\n"
            for problem in status.problems { out += "  \(problem)\n" }
        }
        Output.standardOutput(out)
        if !running { throw ExitCode(3) }
    }

    /// The mail: counts, whether no email will be sent or the sendmail cannot work in the daemon, the messages
    /// waiting for a retry and those refused for good.
    private func mailLines(store: Store, language: Language, when: (Int64) -> String) -> String {
        let retrying = ((try? store.mail(in: .pending)) ?? []).filter { $0.attempts > 0 && $0.kind != .test }
        let failed = ((try? store.mail(in: .failed)) ?? []).filter { $0.kind != .test }
        let count = { (state: MailJob.State, tried: Bool?) in (try? store.mailCount(in: state, tried: tried)) ?? 0 }
        var out =
            MailText.statusSummary(
                sent: count(.sent, nil), queued: count(.pending, false), retrying: count(.pending, true),
                failed: count(.failed, nil), dropped: count(.dropped, nil)
            ).text(language) + "\n"
        if let text = try? store.meta(MailStatus.metaKey), let mail = MailStatus.parse(text) {
            if let reason = mail.offReason { out += MailText.off(reason).text(language) + "\n" }
            if let lost = mail.privilegesLost { out += MailText.privilegesLost(lost).text(language) + "\n" }
        }
        for job in retrying {
            out +=
                MailText.statusRetry(
                    id: job.key.id, recipient: job.key.recipient.role, due: when(job.key.reminder.due.seconds),
                    attempt: job.attempts + 1, next: when(job.nextAttempt.seconds), last: job.lastResult ?? "?"
                ).text(language) + "\n"
        }
        for job in failed {
            out +=
                MailText.statusFailed(
                    id: job.key.id, recipient: job.key.recipient.role, due: when(job.key.reminder.due.seconds),
                    attempts: job.attempts, last: job.lastResult ?? "?"
                ).text(language) + "\n"
        }
        return out
    }
}
