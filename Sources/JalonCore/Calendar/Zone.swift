import Foundation
import Synchronization

/// A point in time, to the second, as seconds since 1970-01-01T00:00:00Z.
package struct Instant: Hashable, Comparable, Sendable, CustomStringConvertible {
    package var seconds: Int64

    package init(seconds: Int64) { self.seconds = seconds }

    package init(_ date: Date) { self.seconds = Int64(date.timeIntervalSince1970.rounded(.down)) }

    package var date: Date { Date(timeIntervalSince1970: TimeInterval(seconds)) }

    package static let distantPast = Instant(seconds: Int64.min / 4)
    package static let distantFuture = Instant(seconds: Int64.max / 4)

    package static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.seconds < rhs.seconds }

    package static func + (lhs: Instant, rhs: Int64) -> Instant { Instant(seconds: lhs.seconds + rhs) }
    package static func - (lhs: Instant, rhs: Int64) -> Instant { Instant(seconds: lhs.seconds - rhs) }

    /// RFC 3339 in UTC.
    package var description: String { Zone.utc.rfc3339(self) }
}

/// An IANA time zone, with the conversions SPEC §4 asks for between wall-clock times and instants.
package struct Zone: Hashable, Sendable {
    package let timeZone: TimeZone
    /// The name as the configuration gave it (Foundation reports "UTC" as "GMT").
    package let identifier: String
    /// The zone's offsets from 1900 to 2200, read once from `timeZone`.
    private let rules: OffsetTable

    package static func == (lhs: Zone, rhs: Zone) -> Bool { lhs.identifier == rhs.identifier }
    package func hash(into hasher: inout Hasher) { hasher.combine(identifier) }

    package static let utc = Zone(timeZone: TimeZone(identifier: "UTC")!, identifier: "UTC")

    private static let cache = Mutex<[String: Zone]>([:])

    /// The zone named `identifier` in the system's tz database, or nil when there is no such zone.
    package init?(identifier: String) {
        if let known = Zone.cache.withLock({ $0[identifier] }) {
            self = known
            return
        }
        // Foundation accepts some abbreviations and offsets ("GMT+1"); jalon wants real IANA names, which always
        // hold a letter and no space.
        guard !identifier.isEmpty, !identifier.contains(" "), let tz = TimeZone(identifier: identifier) else {
            return nil
        }
        self.init(timeZone: tz, identifier: identifier)
        let made = self
        Zone.cache.withLock { $0[identifier] = made }
    }

    package init(timeZone: TimeZone, identifier: String? = nil) {
        self.timeZone = timeZone
        self.identifier = identifier ?? timeZone.identifier
        self.rules = OffsetTable(timeZone)
    }

    /// The system's zone: `$TZ`, else /etc/localtime, else UTC.
    package static var system: Zone { Zone(timeZone: TimeZone.current) }

    /// Seconds east of UTC at `instant`.
    package func offset(at instant: Instant) -> Int {
        rules.offset(at: instant.seconds) ?? timeZone.secondsFromGMT(for: instant.date)
    }

    /// The wall-clock time at `instant`.
    package func local(_ instant: Instant) -> LocalDateTime {
        LocalDateTime(wallSeconds: instant.seconds + Int64(offset(at: instant)))
    }

    /// The instant a wall-clock time names in this zone.
    ///
    /// A time in a spring-forward gap moves forward by the length of the gap; a time that occurs twice at a
    /// fall-back takes the first occurrence (as Python's `zoneinfo` with `fold=0`).
    package func resolve(_ local: LocalDateTime) -> Instant {
        let wall = local.wallSeconds
        // Offsets stay within ±26 h, so a day on either side of the wall time is safely before and after any
        // instant that could carry it.
        let before = offset(at: Instant(seconds: wall - 86_400 * 2))
        let after = offset(at: Instant(seconds: wall + 86_400 * 2))
        var best: Instant?
        for candidateOffset in before == after ? [before] : [before, after] {
            let candidate = Instant(seconds: wall - Int64(candidateOffset))
            if offset(at: candidate) == candidateOffset, best.map({ candidate < $0 }) ?? true {
                best = candidate
            }
        }
        if let best { return best }
        // Two transitions close together, or a gap. For a gap, the offset in force before it moves the time
        // forward by the gap's length; the nearest offset in force handles the rare double transition.
        let nearBefore = offset(at: Instant(seconds: wall - Int64(before)))
        let candidate = Instant(seconds: wall - Int64(nearBefore))
        if offset(at: candidate) == nearBefore { return candidate }
        return Instant(seconds: wall - Int64(before))
    }

    /// The changes of offset in `range`, in order, each with the offset before it, the offset after it, and whether
    /// the new offset is daylight saving time; an empty list for a range with no change.
    ///
    /// Only 1900–2200 is known (as for `offset(at:)`).
    package func transitions(in range: Range<Instant>) -> [ZoneTransition] {
        rules.transitions(in: range.lowerBound.seconds..<range.upperBound.seconds).map { at, before, after in
            let instant = Instant(seconds: at)
            return ZoneTransition(
                at: instant, offsetBefore: before, offsetAfter: after,
                isDaylight: timeZone.isDaylightSavingTime(for: instant.date))
        }
    }

    /// Whether `instant` falls in this zone's daylight saving time.
    package func isDaylight(at instant: Instant) -> Bool { timeZone.isDaylightSavingTime(for: instant.date) }

    /// RFC 3339 with this zone's offset, to the second: `2027-03-17T09:00:00+01:00`.
    package func rfc3339(_ instant: Instant) -> String {
        let offset = offset(at: instant)
        let local = LocalDateTime(wallSeconds: instant.seconds + Int64(offset))
        let sign = offset < 0 ? "-" : "+"
        let magnitude = abs(offset)
        // RFC 3339 offsets have no seconds; only local mean times before 1912 had any.
        return local.description + sign + pad(magnitude / 3600, 2) + ":" + pad(magnitude / 60 % 60, 2)
    }
}

/// A change of a zone's offset from UTC.
package struct ZoneTransition: Hashable, Sendable {
    package var at: Instant
    /// Seconds east of UTC before and after `at`.
    package var offsetBefore: Int
    package var offsetAfter: Int
    package var isDaylight: Bool
}

/// A zone's UTC offsets as a sorted table of transitions, so that looking one up is a binary search with no lock.
///
/// Foundation's `TimeZone` answers through ICU behind a lock; the agenda and the daemon ask for hundreds of
/// thousands of offsets, from every core at once.
private final class OffsetTable: Sendable {
    static let start: Int64 = -2_208_988_800  // 1900-01-01T00:00:00Z
    static let end: Int64 = 7_258_118_400  // 2200-01-01T00:00:00Z

    /// Instants from which `offsets[i]` applies; `transitions[0]` is `start`.
    let transitions: [Int64]
    let offsets: [Int32]

    init(_ timeZone: TimeZone) {
        var transitions = [OffsetTable.start]
        var offsets = [Int32(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(OffsetTable.start))))]
        var cursor = Date(timeIntervalSince1970: Double(OffsetTable.start))
        while let next = timeZone.nextDaylightSavingTimeTransition(after: cursor), next > cursor,
            next.timeIntervalSince1970 < Double(OffsetTable.end)
        {
            let offset = Int32(timeZone.secondsFromGMT(for: next))
            if offset != offsets[offsets.count - 1] {
                transitions.append(Int64(next.timeIntervalSince1970.rounded(.down)))
                offsets.append(offset)
            }
            cursor = next
        }
        self.transitions = transitions
        self.offsets = offsets
    }

    /// The transitions in `range` as (instant, offset before, offset after).
    func transitions(in range: Range<Int64>) -> [(Int64, Int, Int)] {
        var result: [(Int64, Int, Int)] = []
        for index in 1..<max(1, transitions.count) where range.contains(transitions[index]) {
            result.append((transitions[index], Int(offsets[index - 1]), Int(offsets[index])))
        }
        return result
    }

    /// The offset at `seconds`, or nil outside 1900–2200.
    func offset(at seconds: Int64) -> Int? {
        guard seconds >= OffsetTable.start, seconds < OffsetTable.end else { return nil }
        var low = 0
        var high = transitions.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if transitions[middle] <= seconds { low = middle } else { high = middle }
        }
        return Int(offsets[low])
    }
}
