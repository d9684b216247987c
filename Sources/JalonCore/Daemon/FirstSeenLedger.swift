/// The state database's record of when the daemon first planned each item (SPEC §5), and what a planning needs of
/// it.
///
/// Only the items whose reminders are already due and not recorded are looked up — after a stop, a few; the others
/// cannot have been due before they were seen. The items planned for the first time are written after the planning
/// (`PendingState`), only those with a reminder still to come: the others are decided for good now.
final class FirstSeenLedger: PendingState {
    /// Versions first planned in this run and not written yet, with when.
    private var unwritten: [ItemVersion: Instant] = [:]
    /// For a database from before first-seen records: what its first planning counts as first seen.
    private var legacy: Instant?
    private var legacyUsed = false

    init(legacy: Instant?) {
        self.legacy = legacy
    }

    var hasPending: Bool { !unwritten.isEmpty || legacyUsed }

    /// What the scheduler needs to plan `reminders` at `now`.
    ///
    /// - Parameters:
    ///   - isRecorded: whether a reminder was already dealt with (those need no look-up).
    ///   - store: where the earlier first-seen records are read; nil when the database cannot be read (every item is
    ///     then seen now: nothing already due is sent, rather than sent twice).
    func prepare(
        _ reminders: [Reminder], now: Instant, isRecorded: (ReminderKey) -> Bool, store: Store?
    ) -> FirstSeen {
        let fallback = legacy ?? now
        if legacy != nil {
            legacy = nil
            legacyUsed = true
        }
        let earlier = unwritten
        var overdue = Set<ItemVersion>()
        var previous: Reminder?
        // The planner gives an item's reminders one after the other: one version each run of them.
        for reminder in reminders {
            let isDue = reminder.due < now
            if isDue && isRecorded(ReminderKey(id: reminder.id, due: reminder.due)) { continue }
            if let previous, previous.base == reminder.base, previous.item == reminder.item,
                previous.person == reminder.person, (previous.due < now) == isDue
            {
                continue
            }
            previous = reminder
            let version = ItemVersion(reminder)
            if isDue {
                overdue.insert(version)
            } else if unwritten[version] == nil {
                unwritten[version] = fallback
            }
        }
        // Versions already due: as an earlier planning of this run saw them, else as the database has them.
        var known: [ItemVersion: Instant] = [:]
        var toRead: [ItemVersion] = []
        for version in overdue {
            if let seen = earlier[version] { known[version] = seen } else { toRead.append(version) }
        }
        if !toRead.isEmpty, let store, let found = try? store.firstSeen(toRead) {
            for (version, seen) in found {
                known[version] = seen
                // Written already: the guess made above for its reminders to come is not needed.
                unwritten[version] = nil
            }
        }
        return FirstSeen(known: known, fallback: fallback)
    }

    func write(to store: Store, now: Instant) throws(StoreError) {
        try store.recordFirstSeen(unwritten)
        unwritten = [:]
        if legacyUsed {
            try store.dropLegacyFirstSeen()
            legacyUsed = false
        }
    }
}
