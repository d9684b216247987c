extension JournalText {
    package var english: String {
        switch self {
        case .reminder(let id, let title, let kind, let at, let away):
            "Reminder \(id): \(title) — \(WordText.kind(kind).english), \(WordText.dayAndTime(at).english), \(WordText.relative(seconds: away).english)"
        case .followUp(let index, let id, let title, let kind, let at, let away):
            "Follow-up \(index) \(id): \(title) — \(WordText.kind(kind).english), \(WordText.dayAndTime(at).english), \(WordText.relative(seconds: away).english)"
        case .late(let id, let title, let kind, let at, let away, let followUp, let cause):
            if let followUp {
                "Late reminder (follow-up \(followUp)) \(id): \(title) — \(WordText.kind(kind).english), \(WordText.dayAndTime(at).english), \(WordText.relative(seconds: away).english)\(cause.map { " (\($0.english))" } ?? "")"
            } else {
                "Late reminder \(id): \(title) — \(WordText.kind(kind).english), \(WordText.dayAndTime(at).english), \(WordText.relative(seconds: away).english)\(cause.map { " (\($0.english))" } ?? "")"
            }
        case .missed(let id, let title, let due, let reason, let cause):
            "Missed reminder \(id) (due \(WordText.dayAndTime(due).english)\(cause.map { "; \($0.english)" } ?? "")): \(title) — not sent: \(reason.english)"
        case .skipped(let count):
            "\(count) reminder(s) due before jalon first knew their item were not sent (recorded as skipped)"
        case .plannedFromLastGoodVersion(let file, let line, let column, let savedAt):
            "\(file):\(line):\(column): this file has errors; its person is planned from its last good version, of \(WordText.dayAndTime(savedAt).english)"
        case .startRefused(let errors):
            "jalon.toml has \(errors) error(s): jalon does not start rather than run on settings that were not chosen"
        case .started(let directory):
            "jalon starts (\(directory))"
        case .stopped:
            "jalon stops"
        case .reloaded(let read, let removed, let errors):
            "configuration reloaded: \(read) file(s) read, \(removed) removed, \(errors) error(s)"
        case .configurationDirectoryGone(let directory):
            "\(directory): the configuration directory is gone; jalon keeps the last good configuration"
        case .configurationDirectoryMissing(let directory):
            "\(directory): the configuration directory cannot be found; jalon keeps the last good configuration"
        case .sendmailUnusable(let problem):
            "\(problem.english); messages stay queued until it works, the journal goes on"
        case .cannotRecordState(let problem):
            "cannot record state: \(problem); jalon goes on and tries again"
        case .stateRecordedAgain(let path):
            "state is being recorded again in \(path)"
        case .unrecordedAtStop(let count, let problem):
            "\(count) delivered reminder(s) could not be recorded (\(problem ?? "state unavailable")); they will be delivered again at the next start"
        case .cannotRecordMail(let id, let problem):
            "cannot record the mail of \(id): \(problem); jalon tries again"
        case .mailDeferred(let id, let recipient, let attempt, let status, let next):
            "mail for \(id) to \(recipient) deferred (try \(attempt)): \(status); next try \(WordText.dayAndTime(next).english)"
        case .mailRefused(let id, let recipient, let attempt, let status, let next, let until):
            "mail for \(id) to \(recipient) refused (try \(attempt)): \(status); tried again \(WordText.dayAndTime(next).english), until \(WordText.dayAndTime(until).english), then it waits for jalon retry"
        case .mailGivenUp(let id, let recipient, let attempts, let status):
            "mail for \(id) to \(recipient) refused for 3 days (\(attempts) tries): \(status); jalon retry \(id) queues it again"
        case .mailSentAfterFailing(let id, let recipient, let attempt):
            "mail for \(id) to \(recipient) sent at try \(attempt), after failing"
        case .mailDropped(let id, let recipient):
            "mail for \(id) to \(recipient) not sent: the configuration has no address for that recipient any more"
        case .mailOff(let reason):
            MailText.off(reason).english
        case .sendmailPrivilegesLost(let problem):
            MailText.privilegesLost(problem).english
        }
    }
}

extension WordText {
    package var english: String {
        switch self {
        case .kind(let kind):
            switch kind {
            case .session: "session"
            case .deadline: "deadline"
            case .renewal: "renewal"
            case .suivi: "follow-up interview"
            case .dossier, .retention, .agreement, .evaluation: RulesText.kind(kind).english
            }
        case .relative(let seconds):
            switch Distance(seconds: seconds) {
            case .now: "now"
            case .minutes(let n):
                seconds > 0 ? "in \(n) minute\(n > 1 ? "s" : "")" : "\(n) minute\(n > 1 ? "s" : "") ago"
            case .hours(let n): seconds > 0 ? "in \(n) hour\(n > 1 ? "s" : "")" : "\(n) hour\(n > 1 ? "s" : "") ago"
            case .days(let n): seconds > 0 ? "in \(n) day\(n > 1 ? "s" : "")" : "\(n) day\(n > 1 ? "s" : "") ago"
            }
        case .dayAndTime(let local):
            DateText.dayAndTime(local, .en)
        }
    }
}
