/// A VTIMEZONE (RFC 5545 §3.6.5) for one zone, built from its transitions: one STANDARD or DAYLIGHT observance per
/// change of offset over the range the calendar uses, and the one in force at its start.
///
/// Each observance is written as a single onset (no RRULE): exact for any rule the zone had, past or future, and
/// read alike by every client.
struct TimeZoneComponent {
    var zone: Zone
    /// The first and last instants the calendar writes in this zone.
    var range: ClosedRange<Instant>

    /// The observances, in order.
    var observances: [ZoneTransition] {
        let all = zone.transitions(in: Instant.distantPast..<range.upperBound + 1)
        let firstInRange = all.firstIndex { $0.at > range.lowerBound } ?? all.count
        var result: [ZoneTransition] = []
        // The observance in force at the start: the last change before it, or — when there was none since 1970 —
        // the offset of the start, from 1970 on.
        if firstInRange > 0, all[firstInRange - 1].at >= TimeZoneComponent.epoch {
            result.append(all[firstInRange - 1])
        } else {
            let offset = zone.offset(at: range.lowerBound)
            result.append(
                ZoneTransition(
                    at: TimeZoneComponent.epoch - Int64(offset), offsetBefore: offset, offsetAfter: offset,
                    isDaylight: zone.isDaylight(at: range.lowerBound)))
        }
        result += all[firstInRange...]
        return result
    }

    private static let epoch = Instant(seconds: 0)

    func write(into writer: inout ICalendarWriter) {
        writer.line("BEGIN", "VTIMEZONE")
        writer.line("TZID", zone.identifier)
        for observance in observances {
            let name = observance.isDaylight ? "DAYLIGHT" : "STANDARD"
            writer.line("BEGIN", name)
            // DTSTART is the wall-clock time of the change in the offset that was in force until then.
            writer.dateTime(
                "DTSTART", LocalDateTime(wallSeconds: observance.at.seconds + Int64(observance.offsetBefore)))
            writer.line("TZOFFSETFROM", ICalendarWriter.offset(observance.offsetBefore))
            writer.line("TZOFFSETTO", ICalendarWriter.offset(observance.offsetAfter))
            writer.line("END", name)
        }
        writer.line("END", "VTIMEZONE")
    }
}
