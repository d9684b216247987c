extension StatusText {
    package var english: String {
        switch self {
        case .running(let pid, let since): "jalon is running (pid \(pid), since \(since))"
        case .notRunning(let pid, let lastWrote):
            "jalon is not running (pid \(pid) last wrote its state at \(lastWrote))"
        case .configuration(let directory, let people, let readAt):
            "configuration: \(directory), \(people) people, read at \(readAt)"
        case .state(let path): "state: \(path)"
        case .reminders(let pending, let delivered, let missed):
            "reminders: \(pending) pending, \(delivered) delivered and \(missed) missed since the daemon started"
        case .stateNotRecorded(let problem, let waiting):
            "state not recorded: \(problem) (\(waiting) outcome(s) waiting; jalon retries)"
        case .noNextReminders: "next reminders: none"
        case .nextReminders: "next reminders:"
        case .nextReminder(let due, let id, let title): "  \(due)  \(id)  \(title)"
        case .noProblems: "problems: none"
        case .problems: "problems (the files keep their last good version):"
        case .problem(let problem): "  \(problem)"
        case .noState(let directory): "no state in \(directory): has `jalon run` ever started there?"
        case .cannotRead(let problem): "cannot read the state: \(problem)"
        case .neverWritten(let path): "the daemon has not written its state in \(path) yet"
        case .lineNext(let id, let due): "next \(id) at \(due)"
        case .lineNothingPending: "no reminder pending"
        case .linePending(let count): "\(count) pending"
        case .linePeople(let count): "\(count) people"
        case .lineConfigurationErrors(let count): "\(count) configuration error(s)"
        case .lineStateNotRecorded(let waiting): "state not recorded: \(waiting) waiting"
        }
    }
}
