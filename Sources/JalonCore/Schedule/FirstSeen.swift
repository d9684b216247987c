/// An item as it is at one base instant: `PERSON/ITEM` and its base. When the item moves, it is a new version.
package struct ItemVersion: Hashable, Sendable, CustomStringConvertible {
    /// `PERSON/ITEM`.
    package var item: String
    package var base: Instant

    package init(item: String, base: Instant) {
        self.item = item
        self.base = base
    }

    package init(_ reminder: Reminder) {
        self.init(item: reminder.itemKey, base: reminder.base)
    }

    package var description: String { "\(item)@\(base.seconds)" }
}

/// When the daemon first planned each item version (SPEC §5): jalon is answerable for a reminder only from then on,
/// and one due before it is skipped, never sent.
///
/// It holds only what a planning needs: the versions whose reminders may be due already, as the state database
/// knows them. A version it does not hold is seen at `fallback`, the time of the planning.
package struct FirstSeen: Sendable {
    package var known: [ItemVersion: Instant]
    /// When a version not in `known` is first seen: now, for an item jalon never planned.
    package var fallback: Instant
    /// Nothing due at or after this can have been due before its item was first seen.
    package let latest: Instant

    package init(known: [ItemVersion: Instant] = [:], fallback: Instant) {
        self.known = known
        self.fallback = fallback
        latest = max(fallback, known.values.max() ?? fallback)
    }

    /// When the item of `reminder`, at its base, was first planned.
    package func instant(for reminder: Reminder) -> Instant {
        known.isEmpty ? fallback : known[ItemVersion(reminder)] ?? fallback
    }

    /// Whether `reminder` was due before jalon first planned its item — by more than `Scheduler.grace`: a
    /// reminder found at most that late counts as on time, and so does one whose item came that little after it
    /// (a file saved a few seconds before a reminder of its own, a daemon slow to start).
    package func precedes(_ reminder: Reminder) -> Bool {
        reminder.due.seconds < latest.seconds - Scheduler.grace
            && reminder.due.seconds < instant(for: reminder).seconds - Scheduler.grace
    }
}
