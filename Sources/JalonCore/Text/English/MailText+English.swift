extension MailText {
    package var english: String {
        switch self {
        case .off(.noFrom):
            "no email will be sent: [mail] has no `from` address, while reminders have recipients; set from = \"Name <address>\" in [mail]"
        case .off(.disabled):
            "no email will be sent: [mail] has enabled = false, while reminders have recipients"
        case .testSubject:
            "jalon: test message"
        case .testBody(let program):
            "Hello,\n\nThis message checks that jalon can send email through \(program).\n"
        case .testRunning(let command):
            "jalon: running \(command)"
        case .testThroughDaemon(let pid, let command):
            "jalon: the running daemon (pid \(pid)) sends it, in its own environment: \(command)"
        case .testWithoutDaemon:
            "jalon: no daemon runs on this state directory; sending it from this shell"
        case .testAnswer(let status, let output):
            output.isEmpty ? "sendmail: \(status)" : "sendmail: \(status)\n\(output)"
        case .testHandedOver:
            "jalon: the message was handed over."
        case .testDeferred:
            "jalon: sendmail asked to try again later."
        case .testRefused:
            "jalon: sendmail refused the message."
        case .testNoAnswer(let seconds):
            "jalon: the running daemon gave no outcome within \(seconds) s; see journalctl --user -u jalon"
        case .testBlocked(let problem):
            "jalon: the running daemon cannot send mail: \(problem)"
        case .noSender:
            "jalon: jalon.toml has no [mail] from address to send from"
        case .statusSummary(let sent, let queued, let retrying, let failed, let dropped):
            "mail: \(sent) sent, \(queued) queued, \(retrying) waiting for a retry, \(failed) failed"
                + (dropped > 0 ? ", \(dropped) dropped (no address any more)" : "")
        case .statusRetry(let id, let recipient, let due, let attempt, let next, let last):
            "  retry  \(id) to \(recipient) (due \(due)): try \(attempt) at \(next); last: \(last)"
        case .statusFailed(let id, let recipient, let due, let attempts, let last):
            "  failed \(id) to \(recipient) (due \(due)) after \(attempts) try(ies): \(last); jalon retry \(id)"
        case .requeued(let count, let told):
            "\(count) message(s) queued again, each written anew from the configuration"
                + (told ? "; the running daemon sends them now." : "; they go when the daemon starts.")
        case .nothingToRequeue(let id):
            "jalon: no message of \(id) waits for jalon retry (see jalon status)"
        case .privilegesLost(let problem):
            "sendmail \(problem.program) is \(problem.setuid ? "setuid" : "setgid") "
                + (problem.owner ?? "(its owner is outside jalon's user namespace)") + ", but jalon runs "
                + "with no_new_privs (NoNewPrivileges=, PrivateUsers= or a seccomp option of its unit): it cannot "
                + "deliver, and messages wait in the queue; install the unit's drop-in for a setuid sendmail "
                + "(systemd/setuid-sendmail.conf, chosen by scripts/install) or use a sendmail that is not setuid"
        }
    }
}
