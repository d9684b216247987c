/// What the daemon says of itself: the line `systemctl status` shows (sd_notify STATUS=) and the status
/// `jalon status` reads from the state database (`DaemonStatus`).
struct StatusWriter {
    /// What the status is made of, at one moment.
    struct Snapshot {
        var now: Instant
        var lastReload: Instant
        var scheduler: Scheduler
        var live: LiveConfiguration
        var delivered: Int
        var missed: Int
        var unrecorded: Int
        var stateProblem: StoreError?
    }

    /// How many of the next reminders the status keeps: more than `jalon status` shows, so that those an
    /// acknowledgement hides leave enough.
    static let upcoming = 20

    let pid: Int
    let startedAt: Instant
    let configurationDirectory: String

    /// One line for systemd: the next reminder and the counts.
    func line(_ snapshot: Snapshot) -> String {
        let language = snapshot.live.settings.language
        var parts: [StatusText] = []
        if let next = snapshot.scheduler.upcoming(1).first {
            parts.append(.lineNext(id: next.id, due: next.zone.rfc3339(next.due)))
        } else {
            parts.append(.lineNothingPending)
        }
        parts.append(.linePending(snapshot.scheduler.pendingCount))
        parts.append(.linePeople(snapshot.live.people.count))
        let errors = snapshot.live.diagnostics.filter { $0.severity == .error }.count
        if errors > 0 { parts.append(.lineConfigurationErrors(errors)) }
        if snapshot.stateProblem != nil { parts.append(.lineStateNotRecorded(waiting: snapshot.unrecorded)) }
        return parts.map { $0.text(language) }.joined(separator: "; ")
    }

    /// The status, as `jalon status` reads it.
    func status(_ snapshot: Snapshot) -> DaemonStatus {
        let settings = snapshot.live.settings
        return DaemonStatus(
            pid: pid, startedAt: startedAt.seconds, updatedAt: snapshot.now.seconds,
            lastReload: snapshot.lastReload.seconds, configurationDirectory: configurationDirectory,
            people: snapshot.live.people.count, pending: snapshot.scheduler.pendingCount,
            next: snapshot.scheduler.upcoming(StatusWriter.upcoming).map {
                DaemonStatus.Upcoming(
                    id: $0.id, due: $0.zone.rfc3339($0.due), title: $0.title, item: $0.itemKey, base: $0.base.seconds)
            },
            problems: snapshot.live.diagnostics.map(\.description), delivered: snapshot.delivered,
            missed: snapshot.missed, unrecorded: snapshot.unrecorded,
            stateProblem: snapshot.stateProblem?.text(settings.language),
            language: settings.language.rawValue, zone: settings.zone.identifier)
    }

    /// Saves the status in the state database, and that the run was alive now.
    func write(_ snapshot: Snapshot, to store: Store, run: Int64?) {
        try? store.saveStatus(status(snapshot).json(), run: run, at: snapshot.now)
    }
}
