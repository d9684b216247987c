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
    }

    package enum Action: Hashable, Sendable {
        /// Write these reminders to the journal (and mail), then record them.
        case deliver([Delivery])
        /// Record these as missed, with one journal line each.
        case recordMissed([Reminder])
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
        return calendar.adding(CalendarDuration(-catchUp.count, catchUp.unit), to: ZonedTime(local: zone.local(now), instant: now)).instant
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
    package mutating func loaded(_ reminders: [Reminder], now: Instant) -> [Action] {
        var byPerson: [String: [Reminder]] = [:]
        for reminder in reminders { byPerson[reminder.person, default: []].append(reminder) }
        pending = [:]
        pendingCount = 0
        queue = DueQueue()
        for (person, list) in byPerson { setPending(person, list) }
        return process(now: now)
    }

    /// One person's reminders changed (their file was added, edited or removed: `reminders` is then empty).
    package mutating func replaced(person: String, with reminders: [Reminder], now: Instant) -> [Action] {
        setPending(person, reminders)
        return process(now: now)
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
            let (deliveries, missed) = Scheduler.classify(due, now: now, catchUpStart: catchUpStart(now: now))
            for delivery in deliveries { recorded.insert(ReminderKey(id: delivery.reminder.id, due: delivery.reminder.due)) }
            for reminder in missed { recorded.insert(ReminderKey(id: reminder.id, due: reminder.due)) }
            if !missed.isEmpty { actions.append(.recordMissed(missed)) }
            if !deliveries.isEmpty { actions.append(.deliver(deliveries)) }
        }
        actions.append(.arm(nextDue))
        return actions
    }

    /// SPEC §5's catch-up: reminders found at most `grace` late are on time; of the others, each item keeps its
    /// latest one due after `catchUpStart`, sent late, unless the item has one on time now; the rest are missed.
    package static func classify(
        _ due: [Reminder], now: Instant, catchUpStart: Instant
    ) -> (deliveries: [Delivery], missed: [Reminder]) {
        var deliveries: [Delivery] = []
        var missed: [Reminder] = []
        var overdue: [String: [Reminder]] = [:]
        var itemsOnTime = Set<String>()
        for reminder in due {
            if reminder.due.seconds >= now.seconds - grace {
                deliveries.append(Delivery(reminder: reminder, outcome: .onTime))
                itemsOnTime.insert(reminder.itemKey)
            } else {
                overdue[reminder.itemKey, default: []].append(reminder)
            }
        }
        for item in overdue.keys.sorted() {
            let list = overdue[item]!.sorted(by: Reminder.agendaOrder)
            if !itemsOnTime.contains(item), let latest = list.last, latest.due >= catchUpStart {
                missed += list.dropLast()
                deliveries.append(Delivery(reminder: latest, outcome: .late))
            } else {
                missed += list
            }
        }
        deliveries.sort { Reminder.agendaOrder($0.reminder, $1.reminder) }
        missed.sort(by: Reminder.agendaOrder)
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
