/// The texts of mail that people read outside the journal: `jalon test-mail`, the mail lines of `jalon status`, the
/// warning of `jalon check` when no email will be sent, and the test message itself.
package enum MailText: Localizable {
    /// No email will be sent although reminders have recipients (`check`, `status`).
    case off(MailOffReason)
    /// The subject of the test message.
    case testSubject
    /// The body of the test message; `program` is the sendmail it goes through.
    case testBody(program: String)
    /// `jalon test-mail`: what it runs itself.
    case testRunning(command: String)
    /// `jalon test-mail`: the running daemon sends it, in its own environment (its unit's sandbox).
    case testThroughDaemon(pid: Int, command: String)
    /// `jalon test-mail`: no daemon answered; this process sends it.
    case testWithoutDaemon
    /// What sendmail answered: its status, and what it printed.
    case testAnswer(status: String, output: String)
    case testHandedOver
    case testDeferred
    case testRefused
    /// The daemon took the request but gave no outcome in time.
    case testNoAnswer(seconds: Int)
    /// The daemon cannot run sendmail at all (see `SendmailPrivileges`).
    case testBlocked(problem: String)
    /// `[mail]` has no `from`: nothing can be sent.
    case noSender
    /// `status`: the counts.
    case statusSummary(sent: Int, queued: Int, retrying: Int, failed: Int, dropped: Int)
    /// `status`: a message waiting for a retry; times already written in the settings' zone.
    case statusRetry(id: String, recipient: String, due: String, attempt: Int, next: String, last: String)
    /// `status`: a message that waits for `jalon retry`.
    case statusFailed(id: String, recipient: String, due: String, attempts: Int, last: String)
    /// A setuid or setgid sendmail that cannot work here (`status`, `test-mail`).
    case privilegesLost(SendmailPrivileges.Problem)
    /// `jalon retry`: how many messages were queued again, and whether the running daemon was told.
    case requeued(count: Int, daemonTold: Bool)
    /// `jalon retry`: nothing waits for it under that id.
    case nothingToRequeue(id: String)

    package static var samples: [MailText] {
        MailOffReason.allCases.map(MailText.off) + [
            .testSubject, .testBody(program: "/usr/sbin/sendmail"),
            .testRunning(command: "/usr/sbin/sendmail -oi -f suivi@horizon.example -- claire@horizon.example"),
            .testThroughDaemon(pid: 4242, command: "/usr/sbin/sendmail -oi -f suivi@horizon.example -- x@example.org"),
            .testWithoutDaemon, .testAnswer(status: "exit status 0", output: ""),
            .testAnswer(status: "exit status 1", output: "Failed to create spool file"), .testHandedOver,
            .testDeferred, .testRefused, .testNoAnswer(seconds: 70), .testBlocked(problem: "sendmail is setuid"),
            .noSender, .statusSummary(sent: 3, queued: 1, retrying: 2, failed: 1, dropped: 0),
            .statusSummary(sent: 3, queued: 1, retrying: 2, failed: 1, dropped: 2),
            .statusRetry(
                id: "marie/s1/-2d", recipient: "person", due: "2026-09-06T14:00:00+02:00", attempt: 2,
                next: "2026-09-06T14:02:00+02:00", last: "exit status 75"),
            .statusFailed(
                id: "marie/s1/-2d", recipient: "consultant", due: "2026-09-06T14:00:00+02:00", attempts: 16,
                last: "exit status 1"),
            .privilegesLost(.init(program: "/usr/sbin/exim4", setuid: true, owner: "root")),
            .privilegesLost(.init(program: "/usr/sbin/postdrop", setuid: false, owner: "postdrop")),
            .privilegesLost(.init(program: "/usr/sbin/exim4", setuid: true, owner: nil)),
            .requeued(count: 2, daemonTold: true), .requeued(count: 1, daemonTold: false),
            .nothingToRequeue(id: "marie/titre"),
        ]
    }
}
