/// The daemon's decisions, as a pure state machine: events in, actions out (SPEC §5).
///
/// It holds the reminders not yet dealt with, sorted by due instant, and the keys of those already recorded.
/// It knows nothing of timers, files or the clock: every event carries the time it happened, so that tests can
/// move time by hand across daylight saving changes, clock jumps and days offline.
package struct Scheduler: Sendable {
    /// A reminder handed over for delivery.
    package struct Delivery: Hashable, Sendable {
        package var reminder: Reminder
        /// `.onTime` or `.late`.
        package var outcome: Outcome
        /// For a late reminder, why it is late, when that is known (the scheduler does not know it: the daemon's
        /// `RunHistory` does).
        package var cause: LateCause?

        package init(reminder: Reminder, outcome: Outcome, cause: LateCause? = nil) {
            self.reminder = reminder
            self.outcome = outcome
            self.cause = cause
        }
    }

    /// A reminder whose time passed and that is not sent.
    package struct Missed: Hashable, Sendable {
        package enum Reason: Hashable, Sendable {
            /// It is older than `catch_up`.
            case tooOld
            /// A later reminder of the same item goes instead (late, or on time).
            case replaced(by: Reminder)
            /// Another reminder of the same item falls due within 24 hours: sent late, this one would only come
            /// just before it.
            case superseded(by: Reminder)
        }

        package var reminder: Reminder
        package var reason: Reason
        /// Why its time passed, when that is known (filled in by the daemon, like `Delivery.cause`).
        package var cause: LateCause?

        package init(reminder: Reminder, reason: Reason, cause: LateCause? = nil) {
            self.reminder = reminder
            self.reason = reason
            self.cause = cause
        }
    }

    package enum Action: Hashable, Sendable {
        /// Write these reminders to the journal (and mail), then record them.
        case deliver([Delivery])
        /// Record these as missed, with one journal line each.
        case recordMissed([Missed])
        /// Record these as skipped: they were due before jalon first planned their item. One journal line for all.
        case recordSkipped([Reminder])
        /// Arm the timer for this instant; nil: nothing left to wait for.
        case arm(Instant?)
    }

    /// How late a reminder may be found and still count as on time (a timer fires within milliseconds; a busy
    /// machine or a short suspend may take longer).
    package static let grace: Int64 = 60

    /// The earliest instant jalon is responsible for: reminders due before it are ignored.
    package private(set) var floor: Instant
    /// How far back a missed reminder is still sent (`catch_up`), counted in `zone`.
    private var catchUp: CalendarDuration
    private var zone: Zone
    /// Pending reminders of each person, each list sorted by due instant.
    private var pending: [String: [Reminder]] = [:]
    /// Every person's earliest pending due, to find the next one without scanning everything.
    private var queue = DueQueue()
    private var recorded: Set<ReminderKey>

    /// - Parameters:
    ///   - floor: nothing due before this instant is delivered or reported.
    ///   - recorded: the reminders already delivered or reported missed.
    ///   - catchUp: how far back a missed reminder is still sent, counted in `zone`.
    package init(floor: Instant, recorded: Set<ReminderKey>, catchUp: CalendarDuration, zone: Zone) {
        self.floor = floor
        self.recorded = recorded
        self.catchUp = catchUp
        self.zone = zone
    }

    /// The settings changed.
    package mutating func setCatchUp(_ catchUp: CalendarDuration, zone: Zone) {
        self.catchUp = catchUp
        self.zone = zone
    }

    /// Where the catch-up window starts: `catch_up` before `now`.
    package func catchUpStart(now: Instant) -> Instant {
        let calendar = WorkCalendar(zone: zone, holidays: .none)
        return calendar.adding(
            CalendarDuration(-catchUp.count, catchUp.unit), to: ZonedTime(local: zone.local(now), instant: now)
        ).instant
    }

    /// Whether a reminder was already delivered or reported.
    package func isRecorded(_ key: ReminderKey) -> Bool { recorded.contains(key) }

    /// The next pending due instant.
    package var nextDue: Instant? { queue.first?.due }

    /// How many reminders wait.
    package private(set) var pendingCount = 0

    /// The next `limit` pending reminders, in due order: only the `limit` persons due first can hold them.
    package func upcoming(_ limit: Int) -> [Reminder] {
        var merged: [Reminder] = []
        for entry in queue.prefix(limit) { merged += (pending[entry.person] ?? []).prefix(limit) }
        merged.sort(by: Reminder.agendaOrder)
        return Array(merged.prefix(limit))
    }

    // MARK: Events

    /// Moves the floor up to `floor` (never down) and forgets what was recorded before it, so that a daemon that
    /// runs for years keeps a bounded memory.
    package mutating func raiseFloor(to newFloor: Instant) {
        guard newFloor > floor else { return }
        floor = newFloor
        recorded = recorded.filter { $0.due >= newFloor }
        for (person, list) in pending { setPending(person, list) }
    }

    /// The configuration was (re)loaded: `reminders` are every person's reminders, replacing what was pending.
    ///
    /// - Parameter firstSeen: when each item was first planned; a reminder due before that is skipped. Nil: every
    ///   item was known before its reminders.
    package mutating func loaded(_ reminders: [Reminder], firstSeen: FirstSeen? = nil, now: Instant) -> [Action] {
        let (kept, skipped) = skipping(reminders, firstSeen: firstSeen)
        var byPerson: [String: [Reminder]] = [:]
        for reminder in kept { byPerson[reminder.person, default: []].append(reminder) }
        pending = [:]
        pendingCount = 0
        queue = DueQueue()
        for (person, list) in byPerson { setPending(person, list) }
        return (skipped.isEmpty ? [] : [.recordSkipped(skipped)]) + process(now: now)
    }

    /// One person's reminders changed (their file was added, edited or removed: `reminders` is then empty; an item
    /// was done or taken back).
    package mutating func replaced(
        person: String, with reminders: [Reminder], firstSeen: FirstSeen? = nil, now: Instant
    ) -> [Action] {
        let (kept, skipped) = skipping(reminders, firstSeen: firstSeen)
        setPending(person, kept)
        return (skipped.isEmpty ? [] : [.recordSkipped(skipped)]) + process(now: now)
    }

    /// The timer fired, the clock jumped, the machine resumed: deal with whatever is due.
    package mutating func timeChanged(now: Instant) -> [Action] {
        process(now: now)
    }

    /// An item was finished with `jalon done`: its pending reminders go.
    package mutating func acknowledged(person: String, item: String, now: Instant) -> [Action] {
        if let list = pending[person] {
            setPending(person, list.filter { $0.item != item })
        }
        return process(now: now)
    }

    // MARK: Internals

    /// Sets apart, and records, the reminders due before their item was first planned and not recorded yet.
    private mutating func skipping(
        _ reminders: [Reminder], firstSeen: FirstSeen?
    ) -> (kept: [Reminder], skipped: [Reminder]) {
        // Most plannings skip nothing: then no copy of the list is made.
        guard let firstSeen, let first = reminders.firstIndex(where: { $0.due >= floor && firstSeen.precedes($0) })
        else { return (reminders, []) }
        var kept = Array(reminders[..<first])
        var skipped: [Reminder] = []
        kept.reserveCapacity(reminders.count)
        for reminder in reminders[first...] {
            if reminder.due >= floor && firstSeen.precedes(reminder) {
                let key = ReminderKey(id: reminder.id, due: reminder.due)
                if !recorded.contains(key) {
                    recorded.insert(key)
                    skipped.append(reminder)
                }
            } else {
                kept.append(reminder)
            }
        }
        skipped.sort(by: Reminder.agendaOrder)
        return (kept, skipped)
    }

    private mutating func setPending(_ person: String, _ reminders: [Reminder]) {
        let list = reminders.filter { $0.due >= floor && !recorded.contains(ReminderKey(id: $0.id, due: $0.due)) }
            .sorted(by: Reminder.agendaOrder)
        if let old = pending[person] {
            pendingCount -= old.count
            if let first = old.first { queue.remove(DueQueue.Entry(due: first.due, person: person)) }
        }
        pendingCount += list.count
        if let first = list.first {
            pending[person] = list
            queue.insert(DueQueue.Entry(due: first.due, person: person))
        } else {
            pending[person] = nil
        }
    }

    /// Takes every reminder due at `now` or before and decides what becomes of it, then re-arms.
    private mutating func process(now: Instant) -> [Action] {
        var due: [Reminder] = []
        while let entry = queue.first, entry.due <= now {
            let list = pending[entry.person] ?? []
            let split = list.firstIndex { $0.due > now } ?? list.count
            due += list[..<split]
            // Takes the person's queue entry and count down, and puts back what is not due yet.
            setPending(entry.person, Array(list[split...]))
        }
        var actions: [Action] = []
        if !due.isEmpty {
            let pending = self.pending
            let (deliveries, missed) = Scheduler.classify(
                due, now: now, catchUpStart: catchUpStart(now: now),
                next: { late in
                    // The person's list is sorted: look no further than 24 hours ahead.
                    (pending[late.person] ?? []).lazy.prefix { $0.due <= now + Scheduler.supersedingWindow }
                        .first { $0.item == late.item }
                })
            for delivery in deliveries {
                recorded.insert(ReminderKey(id: delivery.reminder.id, due: delivery.reminder.due))
            }
            for missed in missed { recorded.insert(ReminderKey(id: missed.reminder.id, due: missed.reminder.due)) }
            if !missed.isEmpty { actions.append(.recordMissed(missed)) }
            if !deliveries.isEmpty { actions.append(.deliver(deliveries)) }
        }
        actions.append(.arm(nextDue))
        return actions
    }

    /// How far ahead another reminder of the same item makes a late one pointless (SPEC §5): 24 hours.
    package static let supersedingWindow: Int64 = 86_400

    /// SPEC §5's catch-up: reminders found at most `grace` late are on time; of the others, each item keeps its
    /// latest one due after `catchUpStart`, sent late, unless the item has one on time now or `next` gives another
    /// of its reminders due within 24 hours; the rest are missed.
    ///
    /// - Parameter next: the item's next pending reminder due within `supersedingWindow` of `now`, if any.
    package static func classify(
        _ due: [Reminder], now: Instant, catchUpStart: Instant, next: (Reminder) -> Reminder? = { _ in nil }
    ) -> (deliveries: [Delivery], missed: [Missed]) {
        var deliveries: [Delivery] = []
        var missed: [Missed] = []
        var overdue: [String: [Reminder]] = [:]
        var onTime: [String: Reminder] = [:]
        for reminder in due {
            if reminder.due.seconds >= now.seconds - grace {
                deliveries.append(Delivery(reminder: reminder, outcome: .onTime))
                onTime[reminder.itemKey] = reminder
            } else {
                overdue[reminder.itemKey, default: []].append(reminder)
            }
        }
        for item in overdue.keys.sorted() {
            let list = overdue[item]!.sorted(by: Reminder.agendaOrder)
            let latest = list[list.count - 1]
            if let current = onTime[item] {
                missed += list.map { Missed(reminder: $0, reason: .replaced(by: current)) }
            } else if latest.due < catchUpStart {
                missed += list.map { Missed(reminder: $0, reason: .tooOld) }
            } else if let upcoming = next(latest) {
                missed += list.dropLast().map { Missed(reminder: $0, reason: .replaced(by: latest)) }
                missed.append(Missed(reminder: latest, reason: .superseded(by: upcoming)))
            } else {
                missed += list.dropLast().map {
                    Missed(reminder: $0, reason: $0.due < catchUpStart ? .tooOld : .replaced(by: latest))
                }
                deliveries.append(Delivery(reminder: latest, outcome: .late))
            }
        }
        deliveries.sort { Reminder.agendaOrder($0.reminder, $1.reminder) }
        missed.sort { Reminder.agendaOrder($0.reminder, $1.reminder) }
        return (deliveries, missed)
    }
}

/// A set of (due, person) ordered by due then person: the earliest pending reminder of each person.
struct DueQueue: Sendable {
    struct Entry: Hashable, Comparable, Sendable {
        var due: Instant
        var person: String

        static func < (lhs: Entry, rhs: Entry) -> Bool {
            lhs.due != rhs.due ? lhs.due < rhs.due : lhs.person < rhs.person
        }
    }

    /// Sorted; insertion and removal by binary search (10,000 people: a shift of at most 10,000 entries).
    private var entries: [Entry] = []

    var first: Entry? { entries.first }

    /// The `count` earliest entries.
    func prefix(_ count: Int) -> ArraySlice<Entry> { entries.prefix(count) }

    private func index(of entry: Entry) -> Int {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle] < entry { low = middle + 1 } else { high = middle }
        }
        return low
    }

    mutating func insert(_ entry: Entry) {
        entries.insert(entry, at: index(of: entry))
    }

    mutating func remove(_ entry: Entry) {
        let at = index(of: entry)
        if at < entries.count && entries[at] == entry { entries.remove(at: at) }
    }
}
