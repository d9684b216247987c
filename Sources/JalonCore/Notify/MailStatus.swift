import Foundation

/// What the daemon knows of its mail that `jalon status` shows: whether no email will be sent and why, and whether
/// the sendmail cannot work in the daemon's sandbox. Saved in the state database's meta table.
package struct MailStatus: Codable, Sendable, Equatable {
    package static let metaKey = "mail_status"

    /// Set when mail is off while reminders have recipients (`MailOffReason`'s raw value).
    package var off: String?
    /// Set when the sendmail is setuid or setgid and the daemon cannot gain that.
    package var privilegesLost: SendmailPrivileges.Problem?
    /// The pid of the daemon that wrote it: `jalon test-mail` names the daemon that sends for it.
    package var pid: Int

    package init(off: MailOffReason?, privilegesLost: SendmailPrivileges.Problem?, pid: Int) {
        self.off = off?.rawValue
        self.privilegesLost = privilegesLost
        self.pid = pid
    }

    package var offReason: MailOffReason? { off.flatMap(MailOffReason.init(rawValue:)) }

    package func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    package static func parse(_ text: String) -> MailStatus? {
        try? JSONDecoder().decode(MailStatus.self, from: Data(text.utf8))
    }
}
