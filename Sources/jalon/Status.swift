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
        let zone = Zone.system
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
        let retrying = ((try? store.mail(in: .pending)) ?? []).filter { $0.attempts > 0 }
        let failed = (try? store.mail(in: .failed)) ?? []
        let sent = (try? store.mailCount(in: .sent)) ?? 0
        let queued = (try? store.mailCount(in: .pending, tried: false)) ?? 0
        let retryCount = (try? store.mailCount(in: .pending, tried: true)) ?? retrying.count
        let failedCount = (try? store.mailCount(in: .failed)) ?? failed.count
        out += "mail: \(sent) sent, \(queued) queued, \(retryCount) waiting for a retry, \(failedCount) failed\n"
        for job in retrying {
            out += "  retry  \(job.key.id) (due \(when(job.key.due.seconds))): try \(job.attempts + 1) at "
                + "\(when(job.nextAttempt.seconds)); last: \(job.lastError ?? "?")\n"
        }
        for job in failed {
            out += "  failed \(job.key.id) (due \(when(job.key.due.seconds))) after \(job.attempts) try(ies): "
                + "\(job.lastError ?? "?"); jalon retry \(job.key.id)\n"
        }
        if status.problems.isEmpty {
            out += "problems: none\n"
        } else {
            out += "problems (the files keep their last good version):\n"
            for problem in status.problems { out += "  \(problem)\n" }
        }
        Output.standardOutput(out)
        if !running { throw ExitCode(3) }
    }
}
