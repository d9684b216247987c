/// The journal's texts: reminders as they are handed over, and the daemon's life (SPEC §7).
///
/// They name people by their identifier, never by their name or address: the journal is readable by more than the
/// user's mail, and bilan results are confidential.
package enum JournalText: Localizable {
    /// A reminder on time: "Rappel ID : TITLE — KIND, WHEN".
    case reminder(id: String, title: String, kind: ItemKind, at: LocalDateTime, secondsAway: Int64)
    /// Follow-up number `index` of an item.
    case followUp(index: Int, id: String, title: String, kind: ItemKind, at: LocalDateTime, secondsAway: Int64)
    /// A reminder sent after its time by the catch-up; `followUp` is its number when it is a follow-up; `cause` why
    /// it is late, when jalon knows it.
    case late(
        id: String, title: String, kind: ItemKind, at: LocalDateTime, secondsAway: Int64, followUp: Int?,
        cause: CatchUpText?)
    /// A reminder whose time passed while jalon could not send it, and that the catch-up does not send: `reason` why
    /// not, `cause` why its time passed unsent, when jalon knows it.
    case missed(id: String, title: String, due: LocalDateTime, reason: CatchUpText, cause: CatchUpText?)
    /// Reminders due before jalon first planned their item, not sent (one line per reload).
    case skipped(count: Int)
    /// At start, a person file is broken: its person is planned from the last good version the state database
    /// kept, saved at `savedAt` (in the settings' zone).
    case plannedFromLastGoodVersion(file: String, line: Int, column: Int, savedAt: LocalDateTime)
    /// At start, `jalon.toml` has errors: jalon does not start.
    case startRefused(errors: Int)
    case started(directory: String)
    case stopped
    case reloaded(read: Int, removed: Int, errors: Int)
    case configurationDirectoryGone(directory: String)
    case configurationDirectoryMissing(directory: String)
    /// The configured sendmail cannot be run; `problem` says why.
    case sendmailUnusable(problem: SendmailText)
    case cannotRecordState(problem: String)
    case stateRecordedAgain(path: String)
    /// At stop: outcomes the state database did not take.
    case unrecordedAtStop(count: Int, problem: String?)
    case cannotRecordMail(id: String, problem: String)
    /// Sendmail exited 75, crashed, timed out or could not be run: tried again at `next` (the settings' zone).
    case mailDeferred(id: String, recipient: String, attempt: Int, status: String, next: LocalDateTime)
    /// Sendmail refused the message (another status): tried again at `next`, until `until`.
    case mailRefused(
        id: String, recipient: String, attempt: Int, status: String, next: LocalDateTime, until: LocalDateTime)
    /// Refused for three days: it waits for `jalon retry`.
    case mailGivenUp(id: String, recipient: String, attempts: Int, status: String)
    /// A message that had failed went out.
    case mailSentAfterFailing(id: String, recipient: String, attempt: Int)
    /// The recipient has no address any more in the configuration.
    case mailDropped(id: String, recipient: String)
    /// Mail is off while reminders have recipients: no email will be sent.
    case mailOff(MailOffReason)
    /// The sendmail is setuid or setgid and this process cannot gain that: nothing is tried until it changes.
    case sendmailPrivilegesLost(SendmailPrivileges.Problem)

    package static var samples: [JournalText] {
        let at = LocalDateTime(LocalDate(year: 2026, month: 9, day: 8), LocalTime(hour: 14, minute: 0))
        return [
            .reminder(id: "marie/s1/-2d", title: "Entretien", kind: .session, at: at, secondsAway: 172_800),
            .followUp(
                index: 2, id: "marie/titre/follow-up-2", title: "Titre", kind: .deadline, at: at,
                secondsAway: -86_400 * 14),
            .late(
                id: "marie/titre/+0d", title: "Titre", kind: .deadline, at: at, secondsAway: -3_600, followUp: nil,
                cause: nil),
            .late(
                id: "marie/titre/follow-up-1", title: "Titre", kind: .deadline, at: at, secondsAway: -3_600,
                followUp: 1,
                cause: .stopped(from: at, to: at)),
            .missed(id: "marie/titre/-3d", title: "Titre", due: at, reason: .tooOld, cause: nil),
            .missed(
                id: "marie/titre/-3d", title: "Titre", due: at, reason: .replaced(by: "marie/titre/+0d"),
                cause: .asleep(from: at, to: at)),
            .skipped(count: 3),
            .plannedFromLastGoodVersion(file: "people/marie.toml", line: 4, column: 7, savedAt: at),
            .startRefused(errors: 2),
            .started(directory: "/home/claire/.config/jalon"),
            .stopped,
            .reloaded(read: 2, removed: 1, errors: 0),
            .configurationDirectoryGone(directory: "/home/claire/.config/jalon"),
            .configurationDirectoryMissing(directory: "/home/claire/.config/jalon"),
            .sendmailUnusable(problem: .cannotRun(program: "/usr/sbin/sendmail", reason: .noSuchFile)),
            .cannotRecordState(problem: "disk full"),
            .stateRecordedAgain(path: "/home/claire/.local/state/jalon/jalon.sqlite"),
            .unrecordedAtStop(count: 3, problem: nil),
            .cannotRecordMail(id: "marie/s1/-2d", problem: "disk full"),
            .mailDeferred(id: "marie/s1/-2d", recipient: "person", attempt: 2, status: "exit status 75", next: at),
            .mailRefused(
                id: "marie/s1/-2d", recipient: "consultant", attempt: 1, status: "exit status 1", next: at, until: at),
            .mailGivenUp(id: "marie/s1/-2d", recipient: "person", attempts: 16, status: "exit status 1"),
            .mailSentAfterFailing(id: "marie/s1/-2d", recipient: "person", attempt: 3),
            .mailDropped(id: "marie/s1/-2d", recipient: "consultant"),
            .mailOff(.noFrom), .mailOff(.disabled),
            .sendmailPrivilegesLost(.init(program: "/usr/sbin/exim4", setuid: true, owner: "root")),
        ]
    }
}

/// Words the other texts are made of: an item's kind, a distance in time.
package enum WordText: Localizable {
    /// "séance", "échéance", … "session", "deadline", …
    case kind(ItemKind)
    /// How far `seconds` is from now: "dans 2 jours", "il y a 3 heures", "in 2 days", "3 hours ago", "now".
    case relative(seconds: Int64)
    /// A day and a time: "mardi 8 septembre 2026 à 14 h 00", "Tuesday 8 September 2026 at 2:00 pm".
    case dayAndTime(LocalDateTime)

    package static var samples: [WordText] {
        ItemKind.allCases.map(WordText.kind) + [
            .relative(seconds: 30), .relative(seconds: 120), .relative(seconds: -7_200), .relative(seconds: 86_400 * 3),
            .relative(seconds: 60), .relative(seconds: 3_600),
            .dayAndTime(LocalDateTime(LocalDate(year: 2026, month: 12, day: 1), LocalTime(hour: 9, minute: 5))),
        ]
    }

    /// The count and the unit of a distance in time: under a minute none, then minutes, hours (under two days),
    /// days (rounded).
    enum Distance {
        case now
        case minutes(Int64)
        case hours(Int64)
        case days(Int64)

        init(seconds: Int64) {
            let magnitude = abs(seconds)
            if magnitude < 60 {
                self = .now
            } else if magnitude < 3600 {
                self = .minutes(magnitude / 60)
            } else if magnitude < 86_400 * 2 {
                self = .hours(magnitude / 3600)
            } else {
                self = .days((magnitude + 43_200) / 86_400)
            }
        }
    }
}
