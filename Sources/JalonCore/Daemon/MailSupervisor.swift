import Foundation

/// What the daemon says about its mail as a whole, once per change rather than once per message: that no email
/// will be sent (mail off while reminders have recipients), that the sendmail cannot be run, or that it is setuid or
/// setgid and cannot gain that in the daemon's sandbox (then `MailWorker` tries nothing). Saves it for
/// `jalon status` (`MailStatus`).
final class MailSupervisor {
    private let journal: any JournalWriter
    private let privileges: ([String]) -> SendmailPrivileges.Problem?
    private var said: (off: MailOffReason?, lost: SendmailPrivileges.Problem?, unusable: SendmailText?)?

    /// - Parameter privileges: the privilege check of a sendmail command (`SendmailPrivileges.problem(command:)`).
    init(
        journal: any JournalWriter,
        privileges: @escaping ([String]) -> SendmailPrivileges.Problem? = { SendmailPrivileges.problem(command: $0) }
    ) {
        self.journal = journal
        self.privileges = privileges
    }

    /// The settings (and with them, maybe, the people) were read: says what changed, and returns the privilege
    /// problem for the worker.
    func settingsApplied(_ settings: Settings, people: some Sequence<Person>, store: Store?) -> SendmailPrivileges
        .Problem?
    {
        let messages = JournalMessages(language: settings.language, zone: settings.zone)
        let off = MailReadiness.offWhileNeeded(settings, people: people)
        let on = MailReadiness.offReason(settings) == nil
        let lost = on ? privileges(settings.mail.sendmail) : nil
        let unusable = on ? Sendmail(command: settings.mail.sendmail).problem() : nil
        let command = ["JALON_SENDMAIL": settings.mail.sendmail.joined(separator: " ")]
        if let off, off != said?.off {
            journal.write(messages.entry(.mailOff, .mailOff(off)))
        }
        if let lost, lost != said?.lost {
            journal.write(messages.entry(.mailBlocked, .sendmailPrivilegesLost(lost), fields: command))
        }
        if let unusable, unusable != said?.unusable {
            journal.write(messages.entry(.deliveryFailure, .sendmailUnusable(problem: unusable), fields: command))
        }
        said = (off, lost, unusable)
        let status = MailStatus(off: off, privilegesLost: lost, pid: Int(getpid()))
        try? store?.setMeta(MailStatus.metaKey, status.json())
        return lost
    }
}
