/// The version of an event in the calendar: its SEQUENCE, and what it was when that number was given.
package struct CalendarSequence: Hashable, Sendable {
    /// A hash of the event's content (times, summary, place, description).
    package var fingerprint: Int64
    package var sequence: Int
    /// When this version was first seen: the event's DTSTAMP.
    package var changedAt: Instant

    package init(fingerprint: Int64, sequence: Int, changedAt: Instant) {
        self.fingerprint = fingerprint
        self.sequence = sequence
        self.changedAt = changedAt
    }
}

/// Where the versions of a calendar's events are kept between runs: the state database (`Store`).
package protocol CalendarVersionStore: Sendable {
    /// The versions known for the events of these people (and maybe of others), by UID; none when they cannot be
    /// read.
    func versions(ofPeople people: [String]) -> [String: CalendarSequence]
    /// Records new versions.
    func save(_ changes: [String: CalendarSequence]) throws(StoreError)
}

/// Gives each event of a calendar its SEQUENCE (RFC 5545 §3.8.7.4): 0 when it first appears, one more each time
/// its content changes, so that a calendar program that subscribed to the file takes the new version.
///
/// Pure: the versions known so far come in (from the state database), the changes go out, to be saved.
package struct CalendarSequences: Sendable {
    private var known: [String: CalendarSequence]
    /// The versions given that differ from the known ones, by UID.
    package private(set) var changes: [String: CalendarSequence] = [:]

    package init(known: [String: CalendarSequence] = [:]) {
        self.known = known
    }

    /// The version of the event `uid` whose content hashes to `fingerprint`, seen at `now`.
    package mutating func version(of uid: String, fingerprint: Int64, now: Instant) -> CalendarSequence {
        if let current = known[uid] {
            guard current.fingerprint != fingerprint else { return current }
            let next = CalendarSequence(fingerprint: fingerprint, sequence: current.sequence + 1, changedAt: now)
            known[uid] = next
            changes[uid] = next
            return next
        }
        let first = CalendarSequence(fingerprint: fingerprint, sequence: 0, changedAt: now)
        known[uid] = first
        changes[uid] = first
        return first
    }

    /// FNV-1a, 64 bits: the same on every machine and every run (Swift's `Hasher` is seeded per process).
    package static func fingerprint(_ bytes: some Sequence<UInt8>) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return Int64(bitPattern: hash)
    }
}
