/// The state database's record of when the daemon first planned each item (SPEC §5), and what a planning needs of
/// it.
///
/// Only the items whose reminders are already due and not recorded are looked up — after a stop, a few; the others
/// cannot have been due before they were seen. The items planned for the first time are written after the planning
/// (`PendingState`), only those with a reminder still to come: the others are decided for good now.
final class FirstSeenLedger: PendingState {
    /// Versions first planned in this run and not written yet: one reminder of each (its item and base name the
    /// version), with when it was seen. Reminders the planning made anyway, rather than a key of their own each: a
    /// first start plans tens of thousands of items, and the memory a daemon has taken once it keeps.
    private var unwritten: [(reminder: Reminder, seen: Instant)] = []
    /// For a database from before first-seen records: what its first planning counts as first seen.
    private var legacy: Instant?
    private var legacyUsed = false

    /// Versions written per `write`: a first start with 10,000 people plans about 50,000, and a reload that comes
    /// meanwhile waits for one part only.
    private let chunk: Int

    init(legacy: Instant?, chunk: Int = 5_000) {
        self.legacy = legacy
        self.chunk = max(1, chunk)
    }

    var hasPending: Bool { !unwritten.isEmpty || legacyUsed }

    /// When an item was first seen cannot be learnt again.
    var essential: Bool { true }

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
        let earlier = unwritten.count
        var overdue = Set<ItemVersion>()
        var previous: Reminder?
        // The planner gives an item's reminders one after the other: one version each run of them. A version seen
        // twice is written twice; the database keeps the first.
        for reminder in reminders {
            let isDue = reminder.due < now
            if isDue && isRecorded(ReminderKey(id: reminder.id, due: reminder.due)) { continue }
            if let previous, previous.base == reminder.base, previous.item == reminder.item,
                previous.person == reminder.person, (previous.due < now) == isDue
            {
                continue
            }
            previous = reminder
            if isDue {
                overdue.insert(ItemVersion(reminder))
            } else {
                unwritten.append((reminder, fallback))
            }
        }
        // Versions already due: as an earlier planning of this run saw them, else as the database has them.
        var known: [ItemVersion: Instant] = [:]
        var toRead = overdue
        if !overdue.isEmpty {
            for (reminder, seen) in unwritten.prefix(earlier) {
                let version = ItemVersion(reminder)
                if toRead.remove(version) != nil { known[version] = seen }
            }
        }
        if !toRead.isEmpty, let store, let found = try? store.firstSeen(toRead) {
            known.merge(found) { first, _ in first }
        }
        return FirstSeen(known: known, fallback: fallback)
    }

    func write(to store: Store, now: Instant) throws(StoreError) {
        let part = min(chunk, unwritten.count)
        try store.recordFirstSeen(Array(unwritten[..<part]))
        unwritten.removeFirst(part)
        if unwritten.isEmpty { unwritten = [] }
        if legacyUsed && unwritten.isEmpty {
            try store.dropLegacyFirstSeen()
            legacyUsed = false
        }
    }
}
