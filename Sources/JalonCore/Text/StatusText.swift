/// What `jalon status` prints, and the one line the daemon gives systemd (`systemctl status`), in the settings'
/// language; times in the settings' zone.
package enum StatusText: Localizable {
    case running(pid: Int, since: String)
    case notRunning(pid: Int, lastWrote: String)
    case configuration(directory: String, people: Int, readAt: String)
    case state(path: String)
    case reminders(pending: Int, delivered: Int, missed: Int)
    case stateNotRecorded(problem: String, waiting: Int)
    case noNextReminders
    case nextReminders
    case nextReminder(due: String, id: String, title: String)
    case noProblems
    case problems
    case problem(String)
    /// There is no state database in the state directory.
    case noState(directory: String)
    case cannotRead(problem: String)
    case neverWritten(path: String)

    // The line for systemd (STATUS=), parts joined by "; ".
    case lineNext(id: String, due: String)
    case lineNothingPending
    case linePending(Int)
    case linePeople(Int)
    case lineConfigurationErrors(Int)
    case lineStateNotRecorded(waiting: Int)

    package static var samples: [StatusText] {
        let at = "2026-12-01T09:00:00+01:00"
        return [
            .running(pid: 4242, since: at), .notRunning(pid: 4242, lastWrote: at),
            .configuration(directory: "/home/claire/.config/jalon", people: 12, readAt: at),
            .state(path: "/home/claire/.local/state/jalon/jalon.sqlite"),
            .reminders(pending: 40, delivered: 3, missed: 1), .stateNotRecorded(problem: "disk full", waiting: 2),
            .noNextReminders, .nextReminders, .nextReminder(due: at, id: "marie/titre/-14d", title: "Titre"),
            .noProblems, .problems, .problem("people/marie.toml:3:1: error: …"),
            .noState(directory: "/home/claire/.local/state/jalon"), .cannotRead(problem: "it is damaged"),
            .neverWritten(path: "/home/claire/.local/state/jalon/jalon.sqlite"),
            .lineNext(id: "marie/titre/-14d", due: at), .lineNothingPending, .linePending(40), .linePeople(12),
            .lineConfigurationErrors(2), .lineStateNotRecorded(waiting: 3),
        ]
    }
}
