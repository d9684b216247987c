import ArgumentParser
import Foundation
import JalonCore

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the daemon's state: next reminders, problems, last reload.",
        discussion: """
            Reads the state database the daemon writes (it is safe while the daemon runs): whether the daemon \
            runs, when it last read the configuration and the problems it found, the next reminders (less those \
            `jalon done` finished since, at once), how many reminders were delivered and missed, and the mail: \
            sent, queued (not tried yet, or being handed to sendmail now), waiting for a retry (each with its next \
            try and last error), and refused (each with the `jalon retry` that queues it again). It speaks the \
            daemon's language, times in the settings' zone.

            Exit status: 0 when the daemon runs, 3 when it does not, 1 when there is no state to read.
            """)

    /// How many next reminders are shown.
    static let shown = 10

    @OptionGroup var directories: Directories

    func run() throws {
        let settings = directories.settings()
        var language = settings.language
        func fail(_ text: StatusText, _ code: Int32) -> ExitCode {
            Output.standardError("jalon: " + text.text(language) + "\n")
            return ExitCode(code)
        }
        let store: Store
        do {
            store = try Store(directory: directories.stateDirectory, readOnly: true)
        } catch {
            var st = stat()
            if stat(directories.stateDirectory + "/" + Store.fileName, &st) != 0 {
                throw fail(.noState(directory: directories.stateDirectory), 1)
            }
            throw fail(.cannotRead(problem: error.text(language)), 1)
        }
        guard let text = try? store.meta(DaemonStatus.metaKey), let status = DaemonStatus.parse(text) else {
            throw fail(.neverWritten(path: store.path), 3)
        }
        // The daemon's language and zone, when it said which.
        language = status.language.flatMap(Language.init(rawValue:)) ?? language
        let zone = status.zone.flatMap { Zone(identifier: $0) } ?? settings.zone
        func when(_ seconds: Int64) -> String { zone.rfc3339(Instant(seconds: seconds)) }
        let running =
            status.pid > 0 && status.pid <= Int(Int32.max)
            && (kill(pid_t(status.pid), 0) == 0 || errno == EPERM)
        var lines: [StatusText] = []
        lines.append(
            running
                ? .running(pid: status.pid, since: when(status.startedAt))
                : .notRunning(pid: status.pid, lastWrote: when(status.updatedAt)))
        lines.append(
            .configuration(
                directory: status.configurationDirectory, people: status.people, readAt: when(status.lastReload)))
        lines.append(.state(path: store.path))
        lines.append(.reminders(pending: status.pending, delivered: status.delivered, missed: status.missed))
        if let problem = status.stateProblem {
            lines.append(.stateNotRecorded(problem: problem, waiting: status.unrecorded))
        }
        // A `jalon done` given since the daemon last wrote its status shows at once.
        let acknowledged = (try? store.acknowledgements()) ?? []
        let next = status.next.filter { upcoming in
            guard let item = upcoming.item, let base = upcoming.base else { return true }
            return !acknowledged.contains(Acknowledgement(item: item, base: Instant(seconds: base)))
        }.prefix(Status.shown)
        if next.isEmpty {
            lines.append(.noNextReminders)
        } else {
            lines.append(.nextReminders)
            for upcoming in next {
                lines.append(.nextReminder(due: upcoming.due, id: upcoming.id, title: upcoming.title))
            }
        }
        var out = lines.map { $0.text(language) + "\n" }.joined()
        out += mailLines(store: store, language: language, when: when)
        lines = []
        if status.problems.isEmpty {
            lines.append(.noProblems)
        } else {
            lines.append(.problems)
            for problem in status.problems { lines.append(.problem(problem)) }
        }
        out += lines.map { $0.text(language) + "\n" }.joined()
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
