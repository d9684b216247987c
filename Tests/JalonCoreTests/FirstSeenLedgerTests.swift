import Foundation
import Testing

@testable import JalonCore

/// When items were first planned, kept in a real state database; time passed by hand.
@Suite struct FirstSeenLedgerTests {
    static let zone = Zone(identifier: "Europe/Paris")!
    static let t0 = Instant(seconds: 1_800_000_000)
    static let hour: Int64 = 3600

    func reminder(_ item: String, _ step: String, due: Instant, base: Instant) -> Reminder {
        Reminder(
            id: "p/\(item)/\(step)", person: "p", item: item, kind: .deadline, step: step, followUpIndex: nil, due: due,
            zone: Self.zone, to: [], title: item, base: base)
    }

    @Test func itemsAreSeenWhenFirstPlannedAndKeepThatInstant() throws {
        let dir = try TemporaryDirectory()
        let store = try Store(directory: dir.path)
        let ledger = FirstSeenLedger(legacy: nil)
        let base = Self.t0 + 48 * Self.hour
        let a = [
            reminder("a", "-1d", due: base - 24 * Self.hour, base: base), reminder("a", "+0d", due: base, base: base),
        ]
        // Planned first at t0: nothing is known, everything is seen now; the version is written after.
        let first = ledger.prepare(a, now: Self.t0, isRecorded: { _ in false }, store: store)
        #expect(first.known.isEmpty && first.fallback == Self.t0)
        #expect(ledger.hasPending)
        try ledger.write(to: store, now: Self.t0)
        #expect(!ledger.hasPending)
        #expect(try store.firstSeen([ItemVersion(a[0])]) == [ItemVersion(a[0]): Self.t0])

        // Planned again 30 hours later (a restart): -1d is due, and its item was known before it.
        let later = Self.t0 + 30 * Self.hour
        let second = ledger.prepare(a, now: later, isRecorded: { _ in false }, store: store)
        #expect(second.known == [ItemVersion(a[0]): Self.t0])
        #expect(!second.precedes(a[0]) && !second.precedes(a[1]))
        try ledger.write(to: store, now: later)
        #expect(try store.firstSeen([ItemVersion(a[0])]) == [ItemVersion(a[0]): Self.t0])

        // The item moves: a new version, seen when it is planned; its past step is before that.
        let moved = later + 10 * Self.hour
        let b = [
            reminder("a", "-1d", due: moved - 24 * Self.hour, base: moved),
            reminder("a", "+0d", due: moved, base: moved),
        ]
        let third = ledger.prepare(b, now: later, isRecorded: { _ in false }, store: store)
        #expect(third.precedes(b[0]) && !third.precedes(b[1]))
    }

    @Test func remindersAlreadyRecordedNeedNoLookUp() throws {
        let dir = try TemporaryDirectory()
        let store = try Store(directory: dir.path)
        let ledger = FirstSeenLedger(legacy: nil)
        let r = reminder("a", "+0d", due: Self.t0 - Self.hour, base: Self.t0 - Self.hour)
        try store.recordFirstSeen([ItemVersion(r): Self.t0 - 10 * Self.hour])
        #expect(ledger.prepare([r], now: Self.t0, isRecorded: { _ in true }, store: store).known.isEmpty)
        #expect(ledger.prepare([r], now: Self.t0, isRecorded: { _ in false }, store: store).known.count == 1)
        // Only reminders still to come are written: this one is decided for good.
        #expect(!ledger.hasPending)
    }

    @Test func withoutADatabaseNothingAlreadyDueIsSent() {
        let ledger = FirstSeenLedger(legacy: nil)
        let r = reminder("a", "+0d", due: Self.t0 - Self.hour, base: Self.t0 - Self.hour)
        #expect(ledger.prepare([r], now: Self.t0, isRecorded: { _ in false }, store: nil).precedes(r))
    }

    @Test func aDatabaseFromBeforeFirstSeenRecordsCountsItsFirstPlanningAsKnownSinceItsCreation() throws {
        let dir = try TemporaryDirectory()
        let store = try Store(directory: dir.path)
        let created = Self.t0 - 30 * 24 * Self.hour
        try store.setMeta("first_seen_default", String(created.seconds))
        let ledger = FirstSeenLedger(legacy: try store.legacyFirstSeen())
        let overdue = reminder("a", "+0d", due: Self.t0 - 2 * Self.hour, base: Self.t0 - 2 * Self.hour)
        let upcoming = reminder("b", "+0d", due: Self.t0 + Self.hour, base: Self.t0 + Self.hour)
        let first = ledger.prepare([overdue, upcoming], now: Self.t0, isRecorded: { _ in false }, store: store)
        #expect(!first.precedes(overdue))
        try ledger.write(to: store, now: Self.t0)
        #expect(try store.legacyFirstSeen() == nil)
        #expect(try store.firstSeen([ItemVersion(upcoming)]) == [ItemVersion(upcoming): created])
        // Items planned after that first planning are seen when they are.
        let added = reminder("c", "+0d", due: Self.t0, base: Self.t0)
        #expect(ledger.prepare([added], now: Self.t0 + 600, isRecorded: { _ in false }, store: store).precedes(added))
    }
}
