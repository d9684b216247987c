import Foundation
import Testing

@testable import JalonCore

/// The scheduler driven by hand: time is an argument of every event.
@Suite struct SchedulerTests {
    static let paris = Zone(identifier: "Europe/Paris")!
    static let t0 = Instant(seconds: 1_800_000_000)  // 2027-01-15T09:20:00+01:00
    static let day: Int64 = 86_400

    func reminder(_ person: String, _ item: String, _ step: String, _ due: Instant) -> Reminder {
        Reminder(
            id: "\(person)/\(item)/\(step)", person: person, item: item, kind: .deadline, step: step,
            followUpIndex: step.hasPrefix("follow-up-") ? Int(step.dropFirst(10)) : nil, due: due,
            zone: Self.paris, to: [], title: item, base: due)
    }

    func scheduler(floor: Instant = Instant(seconds: 0), recorded: Set<ReminderKey> = []) -> Scheduler {
        Scheduler(floor: floor, recorded: recorded, catchUp: CalendarDuration(7, .day), zone: Self.paris)
    }

    /// The ids delivered, with their outcome, and the ids reported missed, from a list of actions.
    func summary(_ actions: [Scheduler.Action]) -> (delivered: [String], missed: [String], armed: Instant??) {
        var delivered: [String] = []
        var missed: [String] = []
        var armed: Instant?? = nil
        for action in actions {
            switch action {
            case .deliver(let list): delivered += list.map { "\($0.reminder.id) \($0.outcome.rawValue)" }
            case .recordMissed(let list): missed += list.map(\.id)
            case .arm(let at): armed = .some(at)
            }
        }
        return (delivered, missed, armed)
    }

    @Test func armsForTheEarliestAndDeliversOnTime() {
        var s = scheduler()
        let a = reminder("p", "a", "+0d", Self.t0 + 10)
        let b = reminder("q", "b", "+0d", Self.t0 + 20)
        var result = summary(s.loaded([b, a], now: Self.t0))
        #expect(result.delivered.isEmpty)
        #expect(result.armed == .some(Self.t0 + 10))
        result = summary(s.timeChanged(now: Self.t0 + 10))
        #expect(result.delivered == ["p/a/+0d on-time"])
        #expect(result.armed == .some(Self.t0 + 20))
        result = summary(s.timeChanged(now: Self.t0 + 20))
        #expect(result.delivered == ["q/b/+0d on-time"])
        #expect(result.armed == .some(nil))
    }

    @Test func aTimerThatFiresEarlyDeliversNothingAndRearms() {
        var s = scheduler()
        _ = s.loaded([reminder("p", "a", "+0d", Self.t0 + 10)], now: Self.t0)
        let result = summary(s.timeChanged(now: Self.t0 + 9))
        #expect(result.delivered.isEmpty)
        #expect(result.armed == .some(Self.t0 + 10))
    }

    @Test func catchUpSendsTheLatestMissedReminderOfEachItemMarkedLate() {
        var s = scheduler()
        let now = Self.t0
        let reminders = [
            reminder("p", "a", "-9d", now - 9 * Self.day),  // older than catch_up
            reminder("p", "a", "-3d", now - 3 * Self.day),
            reminder("p", "a", "-1d", now - 1 * Self.day),  // latest: late
            reminder("p", "b", "-8d", now - 8 * Self.day),  // only one, older than catch_up: missed
            reminder("q", "c", "-2h", now - 7200),  // latest of its item: late
            reminder("q", "d", "+0d", now - 30),  // within the grace period: on time
            reminder("q", "d", "-1d", now - Self.day),  // its item has one on time: missed
            reminder("q", "e", "+1d", now + Self.day),  // future
        ]
        let result = summary(s.loaded(reminders, now: now))
        #expect(result.delivered == ["p/a/-1d late", "q/c/-2h late", "q/d/+0d on-time"])
        #expect(result.missed == ["p/a/-9d", "p/b/-8d", "p/a/-3d", "q/d/-1d"])
        #expect(result.armed == .some(now + Self.day))
    }

    @Test func nothingIsDeliveredTwiceAcrossReloads() {
        var s = scheduler()
        let r = reminder("p", "a", "+0d", Self.t0 + 5)
        _ = s.loaded([r], now: Self.t0)
        #expect(summary(s.timeChanged(now: Self.t0 + 5)).delivered == ["p/a/+0d on-time"])
        // The same reminder after a reload, or after a restart with the recorded keys: nothing.
        #expect(summary(s.loaded([r], now: Self.t0 + 6)).delivered.isEmpty)
        var restarted = scheduler(recorded: [ReminderKey(id: r.id, due: r.due)])
        #expect(summary(restarted.loaded([r], now: Self.t0 + 100)).delivered.isEmpty)
        // Moved: a new pair (id, due), so a new reminder.
        let moved = reminder("p", "a", "+0d", Self.t0 + 50)
        _ = s.replaced(person: "p", with: [moved], now: Self.t0 + 7)
        #expect(summary(s.timeChanged(now: Self.t0 + 50)).delivered == ["p/a/+0d on-time"])
    }

    @Test func aWeekOfflineDoesNotFlood() {
        var s = scheduler()
        let start = Self.t0
        var reminders: [Reminder] = []
        // One item with a reminder a day for a fortnight: after a week offline, one late reminder for it.
        for i in 0..<14 { reminders.append(reminder("p", "daily", "step\(i)", start + Int64(i) * Self.day)) }
        _ = s.loaded(reminders, now: start - 1)
        let result = summary(s.timeChanged(now: start + 7 * Self.day + 3600))
        #expect(result.delivered == ["p/daily/step7 late"])
        #expect(result.missed.count == 7)
        #expect(result.armed == .some(start + 8 * Self.day))
    }

    @Test func aClockJumpForwardIsACatchUpAndBackwardDeliversNothing() {
        var s = scheduler()
        let r1 = reminder("p", "a", "-1d", Self.t0 + 3600)
        let r2 = reminder("p", "a", "+0d", Self.t0 + 7200)
        _ = s.loaded([r1, r2], now: Self.t0)
        // The clock is set back an hour: nothing is due, the timer stays on the first reminder.
        var result = summary(s.timeChanged(now: Self.t0 - 3600))
        #expect(result.delivered.isEmpty)
        #expect(result.armed == .some(Self.t0 + 3600))
        // Then three hours forward: both are past; the latest goes, late.
        result = summary(s.timeChanged(now: Self.t0 + 3 * 3600))
        #expect(result.delivered == ["p/a/+0d late"])
        #expect(result.missed == ["p/a/-1d"])
    }

    @Test func remindersBeforeTheFloorAreIgnored() {
        var s = scheduler(floor: Self.t0 - Self.day)
        let result = summary(
            s.loaded(
                [reminder("p", "a", "old", Self.t0 - 2 * Self.day), reminder("p", "b", "new", Self.t0 - 3600)],
                now: Self.t0))
        #expect(result.delivered == ["p/b/new late"])
        #expect(result.missed.isEmpty)
    }

    @Test func acknowledgedItemsLoseTheirPendingReminders() {
        var s = scheduler()
        _ = s.loaded(
            [reminder("p", "a", "+0d", Self.t0 + 10), reminder("p", "b", "+0d", Self.t0 + 20)], now: Self.t0)
        let result = summary(s.acknowledged(person: "p", item: "a", now: Self.t0 + 1))
        #expect(result.armed == .some(Self.t0 + 20))
        #expect(s.pendingCount == 1)
    }

    @Test func replacingOnePersonLeavesTheOthers() {
        var s = scheduler()
        _ = s.loaded(
            [reminder("p", "a", "+0d", Self.t0 + 10), reminder("q", "b", "+0d", Self.t0 + 20)], now: Self.t0)
        _ = s.replaced(person: "p", with: [], now: Self.t0 + 1)
        #expect(s.upcoming(5).map(\.id) == ["q/b/+0d"])
        _ = s.replaced(person: "r", with: [reminder("r", "c", "+0d", Self.t0 + 5)], now: Self.t0 + 1)
        #expect(s.upcoming(5).map(\.id) == ["r/c/+0d", "q/b/+0d"])
        #expect(s.nextDue == Self.t0 + 5)
    }

    @Test func aBurstDueTogetherIsDeliveredTogetherInOrder() {
        var s = scheduler()
        let burst = (0..<10_000).map { reminder("p\($0 % 100)", "i\($0)", "+0d", Self.t0 + 60) }
        _ = s.loaded(burst.shuffled(), now: Self.t0)
        let result = summary(s.timeChanged(now: Self.t0 + 60))
        #expect(result.delivered.count == 10_000)
        #expect(result.delivered == result.delivered.sorted())
        #expect(s.pendingCount == 0)
    }

    @Test func catchUpWindowKeepsTheWallClockAcrossDaylightSaving() {
        let s = scheduler()
        // 2027-03-30T12:00:00+02:00 less 7 days is 2027-03-23T12:00:00+01:00: seven days, not 168 hours.
        let now = Self.paris.resolve(LocalDateTime(LocalDate(year: 2027, month: 3, day: 30), LocalTime(hour: 12, minute: 0)))
        #expect(Self.paris.rfc3339(s.catchUpStart(now: now)) == "2027-03-23T12:00:00+01:00")
    }

    @Test func plannedRemindersFireAtTheirInstantsAcrossTheSpringChange() throws {
        // A deadline on Monday 29 March 2027 at 09:00: -1d is Sunday 28 March at 09:00 CEST, the day clocks go
        // forward; -2d is Saturday at 09:00 CET. The scheduler fires exactly at those instants.
        let dir = try TemporaryDirectory()
        try dir.write("people/p.toml", "[[deadline]]\nid = \"d\"\ndue = 2027-03-29\nremind = [\"-2d\", \"-1d\", \"-1h\"]\nfollow_up = false\n")
        let config = try load(dir)
        let reminders = ReminderPlanner(settings: config.settings).reminders(for: try #require(config.person("p")))
        var s = scheduler()
        var actions = s.loaded(reminders, now: Instant(seconds: 1_800_000_000))
        var fired: [String] = []
        while case .arm(let next?)? = actions.last {
            actions = s.timeChanged(now: next)
            for case .deliver(let list) in actions {
                fired += list.map { "\($0.reminder.step) \(Self.paris.rfc3339($0.reminder.due)) \($0.outcome.rawValue)" }
            }
        }
        #expect(
            fired == [
                "-2d 2027-03-27T09:00:00+01:00 on-time", "-1d 2027-03-28T09:00:00+02:00 on-time",
                "-1h 2027-03-29T08:00:00+02:00 on-time",
            ])
    }

    /// The agenda's fast sort (plain keys, the identifiers' first eight bytes) gives the order `agendaOrder` gives:
    /// identifiers sharing their first bytes, one a prefix of another, many due the same second.
    @Test func agendaSortAgreesWithAgendaOrder() {
        var random = SplitMix64(seed: 42)
        func next(_ bound: Int) -> Int { random.below(bound) }
        let people = ["a", "ab", "abcdefgh", "abcdefghi", "abcdefgh-2", "zoe", "anne-marie.dupont", "anne-marie.dupond"]
        let steps = ["-7d", "+0d", "-1mo", "follow-up-1", "follow-up-12", "follow-up-2"]
        let reminders = (0..<2_000).map { _ in
            reminder(
                people[next(people.count)], "i\(next(3))", steps[next(steps.count)],
                Self.t0 + Int64(next(4)) * 3_600)
        }
        #expect(Reminder.sortedForAgenda(reminders).map(\.description)
            == reminders.sorted(by: Reminder.agendaOrder).map(\.description))
    }
}
