import Testing

@testable import JalonCore

// Every expected instant below was computed independently with Python 3's `zoneinfo` (fold=0), `dateutil`'s
// `relativedelta` for months and years, and the SPEC §4 holiday list written out by hand; the RFC 3339 strings are
// Python's `datetime.isoformat()` of the expected instant in the zone. None was obtained from the code under test.

/// "YYYY-MM-DDTHH:MM:SS" → LocalDateTime (a test helper, independent of the code under test).
private func wall(_ text: String) -> LocalDateTime {
    let halves = text.split(separator: "T")
    let d = halves[0].split(separator: "-").map { Int($0)! }
    let t = halves[1].split(separator: ":").map { Int($0)! }
    return LocalDateTime(
        LocalDate(year: d[0], month: d[1], day: d[2]), LocalTime(hour: t[0], minute: t[1], second: t.count > 2 ? t[2] : 0))
}

/// "+5wd", "-90min" → CalendarDuration, without going through the parser under test.
private func duration(_ text: String) -> CalendarDuration {
    let sign = text.hasPrefix("-") ? -1 : 1
    let body = text.drop(while: { $0 == "+" || $0 == "-" })
    let digits = body.prefix(while: \.isNumber)
    let unit = CalendarDuration.Unit(rawValue: String(body.dropFirst(digits.count)))!
    return CalendarDuration(sign * Int(digits)!, unit)
}

struct AddingCase: Sendable, CustomTestStringConvertible {
    let zone: String
    let holidays: String
    let base: String
    let duration: String
    let rule: NonWorkingRule
    let expected: String
    let seconds: Int64
    /// The result's wall time falls in a spring-forward gap: the instant is checked, not the wall time.
    let gap: Bool

    init(
        _ zone: String, _ holidays: String, _ base: String, _ duration: String, _ rule: NonWorkingRule,
        _ expected: String, _ seconds: Int64, gap: Bool = false
    ) {
        (self.zone, self.holidays, self.base, self.duration, self.rule) = (zone, holidays, base, duration, rule)
        (self.expected, self.seconds, self.gap) = (expected, seconds, gap)
    }

    var testDescription: String {
        "\(zone) [\(holidays)] \(base) \(duration) on_non_working=\(rule.rawValue) → \(expected)"
    }
}

@Suite struct WorkCalendarTests {
    static let addingCases: [AddingCase] = [
        // Paris, exact units across the spring-forward change
        AddingCase("Europe/Paris", "metropole", "2026-03-29T01:30:00", "+1h", .keep, "2026-03-29T03:30:00+02:00", 1774747800),
        AddingCase("Europe/Paris", "metropole", "2026-03-29T01:30:00", "+30min", .keep, "2026-03-29T03:00:00+02:00", 1774746000),
        AddingCase("Europe/Paris", "metropole", "2026-03-29T01:59:00", "+1min", .keep, "2026-03-29T03:00:00+02:00", 1774746000),
        AddingCase("Europe/Paris", "metropole", "2026-03-29T03:30:00", "-2h", .keep, "2026-03-29T00:30:00+01:00", 1774740600),
        AddingCase("Europe/Paris", "metropole", "2026-03-29T03:30:00", "-1h", .keep, "2026-03-29T01:30:00+01:00", 1774744200),
        AddingCase("Europe/Paris", "metropole", "2026-03-29T03:00:00", "-1min", .keep, "2026-03-29T01:59:00+01:00", 1774745940),
        AddingCase("Europe/Paris", "metropole", "2026-03-28T12:00:00", "+24h", .keep, "2026-03-29T13:00:00+02:00", 1774782000),
        AddingCase("Europe/Paris", "metropole", "2026-03-28T12:00:00", "+1d", .keep, "2026-03-29T12:00:00+02:00", 1774778400),
        AddingCase("Europe/Paris", "metropole", "2026-03-29T02:30:00", "+0h", .keep, "2026-03-29T03:30:00+02:00", 1774747800),
        AddingCase("Europe/Paris", "metropole", "2026-03-29T02:30:00", "+1h", .keep, "2026-03-29T04:30:00+02:00", 1774751400),
        AddingCase("Europe/Paris", "metropole", "2026-03-29T02:30:00", "-1h", .keep, "2026-03-29T01:30:00+01:00", 1774744200),
        AddingCase("Europe/Paris", "metropole", "2026-03-30T09:00:00", "-48h", .keep, "2026-03-28T08:00:00+01:00", 1774681200),
        AddingCase("Europe/Paris", "metropole", "2026-03-30T09:00:00", "-2d", .keep, "2026-03-28T09:00:00+01:00", 1774684800),
        AddingCase("Europe/Paris", "metropole", "2027-03-28T01:30:00", "+1h", .keep, "2027-03-28T03:30:00+02:00", 1806197400),
        AddingCase("Europe/Paris", "metropole", "2027-03-28T04:00:00", "-2h", .keep, "2027-03-28T01:00:00+01:00", 1806192000),
        AddingCase("Europe/Paris", "metropole", "2027-03-28T10:00:00", "-2h", .keep, "2027-03-28T08:00:00+02:00", 1806213600),
        AddingCase("Europe/Paris", "metropole", "2027-03-27T09:00:00", "+48h", .keep, "2027-03-29T10:00:00+02:00", 1806307200),
        AddingCase("Europe/Paris", "metropole", "2027-03-27T09:00:00", "+2880min", .keep, "2027-03-29T10:00:00+02:00", 1806307200),
        // Paris, exact units across the fall-back change
        AddingCase("Europe/Paris", "metropole", "2026-10-25T01:30:00", "+1h", .keep, "2026-10-25T02:30:00+02:00", 1792888200),
        AddingCase("Europe/Paris", "metropole", "2026-10-25T01:30:00", "+2h", .keep, "2026-10-25T02:30:00+01:00", 1792891800),
        AddingCase("Europe/Paris", "metropole", "2026-10-25T01:30:00", "+90min", .keep, "2026-10-25T02:00:00+01:00", 1792890000),
        AddingCase("Europe/Paris", "metropole", "2026-10-25T03:30:00", "-1h", .keep, "2026-10-25T02:30:00+01:00", 1792891800),
        AddingCase("Europe/Paris", "metropole", "2026-10-25T03:30:00", "-2h", .keep, "2026-10-25T02:30:00+02:00", 1792888200),
        AddingCase("Europe/Paris", "metropole", "2026-10-25T02:30:00", "+1h", .keep, "2026-10-25T02:30:00+01:00", 1792891800),
        AddingCase("Europe/Paris", "metropole", "2026-10-25T02:30:00", "+0min", .keep, "2026-10-25T02:30:00+02:00", 1792888200),
        AddingCase("Europe/Paris", "metropole", "2026-10-25T02:30:00", "-1h", .keep, "2026-10-25T01:30:00+02:00", 1792884600),
        AddingCase("Europe/Paris", "metropole", "2026-10-24T12:00:00", "+24h", .keep, "2026-10-25T11:00:00+01:00", 1792922400),
        AddingCase("Europe/Paris", "metropole", "2026-10-24T12:00:00", "+1d", .keep, "2026-10-25T12:00:00+01:00", 1792926000),
        AddingCase("Europe/Paris", "metropole", "2027-10-31T01:00:00", "+2h", .keep, "2027-10-31T02:00:00+01:00", 1824944400),
        AddingCase("Europe/Paris", "metropole", "2027-10-31T03:00:00", "-2h", .keep, "2027-10-31T02:00:00+02:00", 1824940800),
        AddingCase("Europe/Paris", "metropole", "2027-10-30T09:00:00", "+1440min", .keep, "2027-10-31T08:00:00+01:00", 1824966000),
        AddingCase("Europe/Paris", "metropole", "2027-11-01T09:00:00", "-2d", .keep, "2027-10-30T09:00:00+02:00", 1824879600),
        AddingCase("Europe/Paris", "metropole", "2027-11-01T09:00:00", "-48h", .keep, "2027-10-30T10:00:00+02:00", 1824883200),
        AddingCase("Europe/Paris", "metropole", "2026-01-01T00:00:00", "+525600min", .keep, "2027-01-01T00:00:00+01:00", 1798758000),
        AddingCase("Europe/Paris", "metropole", "2026-07-01T00:00:00", "+8760h", .keep, "2027-07-01T00:00:00+02:00", 1814392800),
        // Paris, calendar units landing in the gap
        AddingCase("Europe/Paris", "metropole", "2026-03-28T02:30:00", "+1d", .keep, "2026-03-29T03:30:00+02:00", 1774747800, gap: true),
        AddingCase("Europe/Paris", "metropole", "2026-03-30T02:30:00", "-1d", .keep, "2026-03-29T03:30:00+02:00", 1774747800, gap: true),
        AddingCase("Europe/Paris", "metropole", "2026-03-22T02:30:00", "+1w", .keep, "2026-03-29T03:30:00+02:00", 1774747800, gap: true),
        AddingCase("Europe/Paris", "metropole", "2026-04-12T02:30:00", "-2w", .keep, "2026-03-29T03:30:00+02:00", 1774747800, gap: true),
        AddingCase("Europe/Paris", "metropole", "2027-02-28T02:30:00", "+1mo", .keep, "2027-03-28T03:30:00+02:00", 1806197400, gap: true),
        AddingCase("Europe/Paris", "metropole", "2027-04-28T02:30:00", "-1mo", .keep, "2027-03-28T03:30:00+02:00", 1806197400, gap: true),
        AddingCase("Europe/Paris", "metropole", "2021-03-28T02:30:00", "+6y", .keep, "2027-03-28T03:30:00+02:00", 1806197400, gap: true),
        AddingCase("Europe/Paris", "metropole", "2027-03-29T02:30:00", "-1y", .keep, "2026-03-29T03:30:00+02:00", 1774747800, gap: true),
        AddingCase("Europe/Paris", "metropole", "2024-01-31T02:30:00", "+2mo", .keep, "2024-03-31T03:30:00+02:00", 1711848600, gap: true),
        AddingCase("Europe/Paris", "metropole", "2026-03-29T02:00:00", "+0d", .keep, "2026-03-29T03:00:00+02:00", 1774746000, gap: true),
        AddingCase("Europe/Paris", "metropole", "2026-03-29T02:59:59", "+0d", .keep, "2026-03-29T03:59:59+02:00", 1774749599, gap: true),
        AddingCase("Europe/Paris", "metropole", "2026-03-29T03:00:00", "+0d", .keep, "2026-03-29T03:00:00+02:00", 1774746000),
        AddingCase("Europe/Paris", "metropole", "2026-03-29T01:59:59", "+0d", .keep, "2026-03-29T01:59:59+01:00", 1774745999),
        AddingCase("Europe/Paris", "metropole", "2027-03-28T02:30:00", "+0d", .keep, "2027-03-28T03:30:00+02:00", 1806197400, gap: true),
        // Paris, calendar units landing in the overlap
        AddingCase("Europe/Paris", "metropole", "2026-10-24T02:30:00", "+1d", .keep, "2026-10-25T02:30:00+02:00", 1792888200),
        AddingCase("Europe/Paris", "metropole", "2026-10-26T02:30:00", "-1d", .keep, "2026-10-25T02:30:00+02:00", 1792888200),
        AddingCase("Europe/Paris", "metropole", "2027-10-24T02:30:00", "+1w", .keep, "2027-10-31T02:30:00+02:00", 1824942600),
        AddingCase("Europe/Paris", "metropole", "2027-08-31T02:30:00", "+2mo", .keep, "2027-10-31T02:30:00+02:00", 1824942600),
        AddingCase("Europe/Paris", "metropole", "2026-09-25T02:59:59", "+1mo", .keep, "2026-10-25T02:59:59+02:00", 1792889999),
        AddingCase("Europe/Paris", "metropole", "2026-11-25T02:30:00", "-1mo", .keep, "2026-10-25T02:30:00+02:00", 1792888200),
        AddingCase("Europe/Paris", "metropole", "2025-10-25T02:30:00", "+1y", .keep, "2026-10-25T02:30:00+02:00", 1792888200),
        AddingCase("Europe/Paris", "metropole", "2026-10-25T02:00:00", "+0d", .keep, "2026-10-25T02:00:00+02:00", 1792886400),
        AddingCase("Europe/Paris", "metropole", "2026-10-25T01:59:59", "+0d", .keep, "2026-10-25T01:59:59+02:00", 1792886399),
        AddingCase("Europe/Paris", "metropole", "2026-10-25T03:00:00", "+0d", .keep, "2026-10-25T03:00:00+01:00", 1792893600),
        AddingCase("Europe/Paris", "metropole", "2027-10-31T02:30:00", "+0d", .keep, "2027-10-31T02:30:00+02:00", 1824942600),
        // Paris, calendar units keep the wall time across a change
        AddingCase("Europe/Paris", "metropole", "2026-03-01T09:00:00", "+1mo", .keep, "2026-04-01T09:00:00+02:00", 1775026800),
        AddingCase("Europe/Paris", "metropole", "2026-09-08T14:00:00", "+6mo", .keep, "2027-03-08T14:00:00+01:00", 1804510800),
        AddingCase("Europe/Paris", "metropole", "2026-10-01T09:00:00", "+1mo", .keep, "2026-11-01T09:00:00+01:00", 1793520000),
        AddingCase("Europe/Paris", "metropole", "2026-07-01T09:00:00", "+1y", .keep, "2027-07-01T09:00:00+02:00", 1814425200),
        AddingCase("Europe/Paris", "metropole", "2026-04-05T09:00:00", "-14d", .keep, "2026-03-22T09:00:00+01:00", 1774166400),
        AddingCase("Europe/Paris", "metropole", "2026-03-29T09:00:00", "-3d", .keep, "2026-03-26T09:00:00+01:00", 1774512000),
        AddingCase("Europe/Paris", "metropole", "2026-04-29T09:00:00", "-1mo", .keep, "2026-03-29T09:00:00+02:00", 1774767600),
        AddingCase("Europe/Paris", "metropole", "2026-11-01T09:00:00", "-1w", .keep, "2026-10-25T09:00:00+01:00", 1792915200),
        AddingCase("Europe/Paris", "metropole", "2026-12-31T09:00:00", "+1d", .keep, "2027-01-01T09:00:00+01:00", 1798790400),
        AddingCase("Europe/Paris", "metropole", "2027-03-31T09:00:00", "-14d", .keep, "2027-03-17T09:00:00+01:00", 1805270400),
        AddingCase("Europe/Paris", "metropole", "2027-03-31T09:00:00", "-3d", .keep, "2027-03-28T09:00:00+02:00", 1806217200),
        // Paris, month-end clamping
        AddingCase("Europe/Paris", "metropole", "2026-01-31T09:00:00", "+1mo", .keep, "2026-02-28T09:00:00+01:00", 1772265600),
        AddingCase("Europe/Paris", "metropole", "2028-01-31T09:00:00", "+1mo", .keep, "2028-02-29T09:00:00+01:00", 1835424000),
        AddingCase("Europe/Paris", "metropole", "2028-02-29T09:00:00", "+24mo", .keep, "2030-02-28T09:00:00+01:00", 1898496000),
        AddingCase("Europe/Paris", "metropole", "2028-02-29T09:00:00", "+2y", .keep, "2030-02-28T09:00:00+01:00", 1898496000),
        AddingCase("Europe/Paris", "metropole", "2026-03-31T09:00:00", "-1mo", .keep, "2026-02-28T09:00:00+01:00", 1772265600),
        AddingCase("Europe/Paris", "metropole", "2026-05-31T09:00:00", "-2mo", .keep, "2026-03-31T09:00:00+02:00", 1774940400),
        AddingCase("Europe/Paris", "metropole", "2025-05-12T09:00:00", "+24mo", .keep, "2027-05-12T09:00:00+02:00", 1810105200),
        AddingCase("Europe/Paris", "metropole", "2026-08-31T09:00:00", "-6mo", .keep, "2026-02-28T09:00:00+01:00", 1772265600),
        // Paris, working days
        AddingCase("Europe/Paris", "metropole", "2027-01-05T09:00:00", "-11wd", .keep, "2026-12-17T09:00:00+01:00", 1797494400),
        AddingCase("Europe/Paris", "alsace-moselle", "2027-01-05T09:00:00", "-11wd", .keep, "2026-12-17T09:00:00+01:00", 1797494400),
        AddingCase("Europe/Paris", "none", "2027-01-05T09:00:00", "-11wd", .keep, "2026-12-21T09:00:00+01:00", 1797840000),
        AddingCase("Europe/Paris", "metropole", "2026-12-23T09:00:00", "+5wd", .keep, "2026-12-31T09:00:00+01:00", 1798704000),
        AddingCase("Europe/Paris", "metropole", "2026-12-23T09:00:00", "+6wd", .keep, "2027-01-04T09:00:00+01:00", 1799049600),
        AddingCase("Europe/Paris", "metropole", "2029-12-21T09:00:00", "+3wd", .keep, "2029-12-27T09:00:00+01:00", 1893052800),
        AddingCase("Europe/Paris", "alsace-moselle", "2029-12-21T09:00:00", "+3wd", .keep, "2029-12-28T09:00:00+01:00", 1893139200),
        AddingCase("Europe/Paris", "none", "2029-12-21T09:00:00", "+3wd", .keep, "2029-12-26T09:00:00+01:00", 1892966400),
        AddingCase("Europe/Paris", "metropole", "2028-12-22T09:00:00", "+2wd", .keep, "2028-12-27T09:00:00+01:00", 1861516800),
        AddingCase("Europe/Paris", "alsace-moselle", "2028-12-22T09:00:00", "+2wd", .keep, "2028-12-28T09:00:00+01:00", 1861603200),
        AddingCase("Europe/Paris", "metropole", "2028-12-28T09:00:00", "-2wd", .keep, "2028-12-26T09:00:00+01:00", 1861430400),
        AddingCase("Europe/Paris", "alsace-moselle", "2028-12-28T09:00:00", "-2wd", .keep, "2028-12-22T09:00:00+01:00", 1861084800),
        AddingCase("Europe/Paris", "metropole", "2027-03-25T09:00:00", "+1wd", .keep, "2027-03-26T09:00:00+01:00", 1806048000),
        AddingCase("Europe/Paris", "alsace-moselle", "2027-03-25T09:00:00", "+1wd", .keep, "2027-03-30T09:00:00+02:00", 1806390000),
        AddingCase("Europe/Paris", "metropole", "2027-03-30T09:00:00", "-1wd", .keep, "2027-03-26T09:00:00+01:00", 1806048000),
        AddingCase("Europe/Paris", "alsace-moselle", "2027-03-30T09:00:00", "-1wd", .keep, "2027-03-25T09:00:00+01:00", 1805961600),
        AddingCase("Europe/Paris", "metropole", "2027-03-24T09:00:00", "+5wd", .keep, "2027-04-01T09:00:00+02:00", 1806562800),
        AddingCase("Europe/Paris", "alsace-moselle", "2027-03-24T09:00:00", "+5wd", .keep, "2027-04-02T09:00:00+02:00", 1806649200),
        AddingCase("Europe/Paris", "metropole", "2026-04-02T09:00:00", "+1wd", .keep, "2026-04-03T09:00:00+02:00", 1775199600),
        AddingCase("Europe/Paris", "alsace-moselle", "2026-04-02T09:00:00", "+1wd", .keep, "2026-04-07T09:00:00+02:00", 1775545200),
        AddingCase("Europe/Paris", "metropole", "2026-04-01T09:00:00", "+5wd", .keep, "2026-04-09T09:00:00+02:00", 1775718000),
        AddingCase("Europe/Paris", "alsace-moselle", "2026-04-01T09:00:00", "+5wd", .keep, "2026-04-10T09:00:00+02:00", 1775804400),
        AddingCase("Europe/Paris", "alsace-moselle", "2026-04-10T09:00:00", "-5wd", .keep, "2026-04-01T09:00:00+02:00", 1775026800),
        AddingCase("Europe/Paris", "metropole", "2026-05-13T09:00:00", "+2wd", .keep, "2026-05-18T09:00:00+02:00", 1779087600),
        AddingCase("Europe/Paris", "metropole", "2026-05-11T09:00:00", "-3wd", .keep, "2026-05-05T09:00:00+02:00", 1777964400),
        AddingCase("Europe/Paris", "metropole", "2026-05-26T09:00:00", "-11wd", .keep, "2026-05-06T09:00:00+02:00", 1778050800),
        AddingCase("Europe/Paris", "metropole", "2026-03-28T09:00:00", "+1wd", .keep, "2026-03-30T09:00:00+02:00", 1774854000),
        AddingCase("Europe/Paris", "metropole", "2026-03-29T09:00:00", "-1wd", .keep, "2026-03-27T09:00:00+01:00", 1774598400),
        AddingCase("Europe/Paris", "metropole", "2026-03-27T02:30:00", "+1wd", .keep, "2026-03-30T02:30:00+02:00", 1774830600),
        AddingCase("Europe/Paris", "metropole", "2026-10-26T02:30:00", "-1wd", .keep, "2026-10-23T02:30:00+02:00", 1792715400),
        AddingCase("Europe/Paris", "none", "2026-12-24T09:00:00", "+1wd", .keep, "2026-12-25T09:00:00+01:00", 1798185600),
        AddingCase("Europe/Paris", "metropole", "2026-12-24T09:00:00", "+1wd", .keep, "2026-12-28T09:00:00+01:00", 1798444800),
        AddingCase("Europe/Paris", "metropole", "2026-01-02T09:00:00", "+250wd", .keep, "2026-12-30T09:00:00+01:00", 1798617600),
        AddingCase("Europe/Paris", "alsace-moselle", "2026-12-31T17:45:00", "-250wd", .keep, "2026-01-02T17:45:00+01:00", 1767372300),
        AddingCase("Europe/Paris", "metropole", "2026-04-05T09:00:00", "+0wd", .keep, "2026-04-05T09:00:00+02:00", 1775372400),
        AddingCase("Europe/Paris", "metropole", "2026-12-25T09:00:00", "+0wd", .keep, "2026-12-25T09:00:00+01:00", 1798185600),
        AddingCase("Europe/Paris", "metropole", "2026-03-29T02:30:00", "+0wd", .keep, "2026-03-29T03:30:00+02:00", 1774747800, gap: true),
        AddingCase("Europe/Paris", "metropole", "2026-10-25T02:30:00", "+0wd", .keep, "2026-10-25T02:30:00+02:00", 1792888200),
        AddingCase("Europe/Paris", "metropole", "2026-03-29T02:30:00", "+1wd", .keep, "2026-03-30T02:30:00+02:00", 1774830600),
        // on_non_working
        AddingCase("Europe/Paris", "metropole", "2026-03-28T02:30:00", "+1d", .after, "2026-03-30T02:30:00+02:00", 1774830600),
        AddingCase("Europe/Paris", "metropole", "2026-03-28T02:30:00", "+1d", .before, "2026-03-27T02:30:00+01:00", 1774575000),
        AddingCase("Europe/Paris", "metropole", "2026-10-24T02:30:00", "+1d", .after, "2026-10-26T02:30:00+01:00", 1792978200),
        AddingCase("Europe/Paris", "metropole", "2026-10-24T02:30:00", "+1d", .before, "2026-10-23T02:30:00+02:00", 1792715400),
        AddingCase("Europe/Paris", "metropole", "2026-10-24T02:30:00", "+24h", .keep, "2026-10-25T02:30:00+02:00", 1792888200),
        AddingCase("Europe/Paris", "metropole", "2026-10-24T02:30:00", "+24h", .after, "2026-10-26T02:30:00+01:00", 1792978200),
        AddingCase("Europe/Paris", "metropole", "2026-10-24T02:30:00", "+24h", .before, "2026-10-23T02:30:00+02:00", 1792715400),
        AddingCase("Europe/Paris", "metropole", "2026-03-28T20:00:00", "+6h", .keep, "2026-03-29T03:00:00+02:00", 1774746000),
        AddingCase("Europe/Paris", "metropole", "2026-03-28T20:00:00", "+6h", .after, "2026-03-30T03:00:00+02:00", 1774832400),
        AddingCase("Europe/Paris", "metropole", "2026-03-28T20:00:00", "+6h", .before, "2026-03-27T03:00:00+01:00", 1774576800),
        AddingCase("Europe/Paris", "metropole", "2027-04-12T09:00:00", "-14d", .keep, "2027-03-29T09:00:00+02:00", 1806303600),
        AddingCase("Europe/Paris", "metropole", "2027-04-12T09:00:00", "-14d", .before, "2027-03-26T09:00:00+01:00", 1806048000),
        AddingCase("Europe/Paris", "metropole", "2027-04-12T09:00:00", "-14d", .after, "2027-03-30T09:00:00+02:00", 1806390000),
        AddingCase("Europe/Paris", "alsace-moselle", "2027-04-12T09:00:00", "-14d", .before, "2027-03-25T09:00:00+01:00", 1805961600),
        AddingCase("Europe/Paris", "alsace-moselle", "2027-04-12T09:00:00", "-14d", .after, "2027-03-30T09:00:00+02:00", 1806390000),
        AddingCase("Europe/Paris", "metropole", "2026-12-25T09:00:00", "+0d", .before, "2026-12-24T09:00:00+01:00", 1798099200),
        AddingCase("Europe/Paris", "metropole", "2026-12-25T09:00:00", "+0d", .after, "2026-12-28T09:00:00+01:00", 1798444800),
        AddingCase("Europe/Paris", "alsace-moselle", "2026-12-25T09:00:00", "+0d", .after, "2026-12-28T09:00:00+01:00", 1798444800),
        AddingCase("Europe/Paris", "metropole", "2028-12-25T09:00:00", "+0d", .after, "2028-12-26T09:00:00+01:00", 1861430400),
        AddingCase("Europe/Paris", "alsace-moselle", "2028-12-25T09:00:00", "+0d", .after, "2028-12-27T09:00:00+01:00", 1861516800),
        AddingCase("Europe/Paris", "alsace-moselle", "2028-12-26T09:00:00", "+0d", .before, "2028-12-22T09:00:00+01:00", 1861084800),
        AddingCase("Europe/Paris", "none", "2026-12-25T09:00:00", "+0d", .after, "2026-12-25T09:00:00+01:00", 1798185600),
        AddingCase("Europe/Paris", "none", "2026-12-26T09:00:00", "+0d", .after, "2026-12-28T09:00:00+01:00", 1798444800),
        AddingCase("Europe/Paris", "none", "2026-12-27T09:00:00", "+0d", .before, "2026-12-25T09:00:00+01:00", 1798185600),
        AddingCase("Europe/Paris", "metropole", "2027-05-08T09:00:00", "+0d", .before, "2027-05-07T09:00:00+02:00", 1809673200),
        AddingCase("Europe/Paris", "metropole", "2027-05-08T09:00:00", "+0d", .after, "2027-05-10T09:00:00+02:00", 1809932400),
        AddingCase("Europe/Paris", "metropole", "2026-05-01T09:00:00", "+0d", .before, "2026-04-30T09:00:00+02:00", 1777532400),
        AddingCase("Europe/Paris", "metropole", "2026-05-14T09:00:00", "+0d", .after, "2026-05-15T09:00:00+02:00", 1778828400),
        AddingCase("Europe/Paris", "metropole", "2026-05-14T09:00:00", "+0d", .before, "2026-05-13T09:00:00+02:00", 1778655600),
        AddingCase("Europe/Paris", "metropole", "2026-05-24T09:00:00", "+0d", .after, "2026-05-26T09:00:00+02:00", 1779778800),
        AddingCase("Europe/Paris", "metropole", "2026-12-23T09:00:00", "+1d", .after, "2026-12-24T09:00:00+01:00", 1798099200),
        AddingCase("Europe/Paris", "metropole", "2026-12-23T09:00:00", "+1d", .before, "2026-12-24T09:00:00+01:00", 1798099200),
        AddingCase("Europe/Paris", "metropole", "2027-01-05T09:00:00", "-4d", .before, "2026-12-31T09:00:00+01:00", 1798704000),
        AddingCase("Europe/Paris", "metropole", "2027-01-05T09:00:00", "-4d", .after, "2027-01-04T09:00:00+01:00", 1799049600),
        AddingCase("Europe/Paris", "metropole", "2026-12-25T09:00:00", "+0wd", .after, "2026-12-28T09:00:00+01:00", 1798444800),
        AddingCase("Europe/Paris", "metropole", "2026-09-08T14:00:00", "+6mo", .after, "2027-03-08T14:00:00+01:00", 1804510800),
        AddingCase("Europe/Paris", "metropole", "2026-03-27T09:00:00", "+2d", .before, "2026-03-27T09:00:00+01:00", 1774598400),
        AddingCase("Europe/Paris", "metropole", "2026-10-23T09:00:00", "+2d", .before, "2026-10-23T09:00:00+02:00", 1792738800),
        AddingCase("Europe/Paris", "metropole", "2026-10-23T09:00:00", "+2d", .after, "2026-10-26T09:00:00+01:00", 1793001600),
        // Indian/Reunion (UTC+4, no DST)
        AddingCase("Indian/Reunion", "metropole", "2026-03-29T02:30:00", "+0d", .keep, "2026-03-29T02:30:00+04:00", 1774737000),
        AddingCase("Indian/Reunion", "metropole", "2026-03-28T02:30:00", "+1d", .keep, "2026-03-29T02:30:00+04:00", 1774737000),
        AddingCase("Indian/Reunion", "metropole", "2026-10-25T01:30:00", "+1h", .keep, "2026-10-25T02:30:00+04:00", 1792881000),
        AddingCase("Indian/Reunion", "metropole", "2026-10-25T02:30:00", "+24h", .keep, "2026-10-26T02:30:00+04:00", 1792967400),
        AddingCase("Indian/Reunion", "metropole", "2026-10-24T02:30:00", "+1d", .keep, "2026-10-25T02:30:00+04:00", 1792881000),
        AddingCase("Indian/Reunion", "metropole", "2026-12-23T09:00:00", "+5wd", .keep, "2026-12-31T09:00:00+04:00", 1798693200),
        AddingCase("Indian/Reunion", "metropole", "2026-01-31T09:00:00", "+1mo", .keep, "2026-02-28T09:00:00+04:00", 1772254800),
        AddingCase("Indian/Reunion", "metropole", "2027-03-28T09:00:00", "+0d", .after, "2027-03-30T09:00:00+04:00", 1806382800),
        AddingCase("Indian/Reunion", "metropole", "2027-03-28T09:00:00", "+0d", .before, "2027-03-26T09:00:00+04:00", 1806037200),
        AddingCase("Indian/Reunion", "metropole", "2027-01-01T01:00:00", "-2h", .keep, "2026-12-31T23:00:00+04:00", 1798743600),
        AddingCase("Indian/Reunion", "alsace-moselle", "2027-01-05T09:00:00", "-11wd", .keep, "2026-12-17T09:00:00+04:00", 1797483600),
        AddingCase("Indian/Reunion", "metropole", "2027-10-31T02:30:00", "+0d", .keep, "2027-10-31T02:30:00+04:00", 1824935400),
        // America/Guadeloupe (UTC-4, no DST)
        AddingCase("America/Guadeloupe", "metropole", "2026-12-31T23:30:00", "+1h", .keep, "2027-01-01T00:30:00-04:00", 1798777800),
        AddingCase("America/Guadeloupe", "metropole", "2026-03-29T02:30:00", "+0d", .keep, "2026-03-29T02:30:00-04:00", 1774765800),
        AddingCase("America/Guadeloupe", "metropole", "2026-11-01T09:00:00", "-7d", .keep, "2026-10-25T09:00:00-04:00", 1792933200),
        AddingCase("America/Guadeloupe", "metropole", "2026-11-01T09:00:00", "-1w", .keep, "2026-10-25T09:00:00-04:00", 1792933200),
        AddingCase("America/Guadeloupe", "metropole", "2027-01-05T09:00:00", "-11wd", .keep, "2026-12-17T09:00:00-04:00", 1797512400),
        AddingCase("America/Guadeloupe", "metropole", "2026-10-25T01:30:00", "+2h", .keep, "2026-10-25T03:30:00-04:00", 1792913400),
        AddingCase("America/Guadeloupe", "alsace-moselle", "2027-03-26T09:00:00", "+0d", .before, "2027-03-25T09:00:00-04:00", 1805979600),
        AddingCase("America/Guadeloupe", "metropole", "2028-02-29T09:00:00", "+1y", .keep, "2029-02-28T09:00:00-04:00", 1866978000),
        AddingCase("America/Guadeloupe", "none", "2026-12-25T09:00:00", "+1wd", .keep, "2026-12-28T09:00:00-04:00", 1798462800),
        AddingCase("America/Guadeloupe", "metropole", "2026-03-08T02:30:00", "+0d", .keep, "2026-03-08T02:30:00-04:00", 1772951400),
        // Other zones, for the resolution rule in general
        AddingCase("America/New_York", "none", "2026-03-08T02:30:00", "+0d", .keep, "2026-03-08T03:30:00-04:00", 1772955000, gap: true),
        AddingCase("America/New_York", "none", "2026-11-01T01:30:00", "+0d", .keep, "2026-11-01T01:30:00-04:00", 1793511000),
        AddingCase("America/New_York", "none", "2026-11-01T00:30:00", "+1h", .keep, "2026-11-01T01:30:00-04:00", 1793511000),
        AddingCase("America/New_York", "none", "2026-11-01T00:30:00", "+2h", .keep, "2026-11-01T01:30:00-05:00", 1793514600),
        AddingCase("America/New_York", "none", "2026-10-31T01:30:00", "+1d", .keep, "2026-11-01T01:30:00-04:00", 1793511000),
        AddingCase("Australia/Lord_Howe", "none", "2026-10-04T02:15:00", "+0d", .keep, "2026-10-04T02:45:00+11:00", 1791042300, gap: true),
        AddingCase("Australia/Lord_Howe", "none", "2026-04-05T01:45:00", "+0d", .keep, "2026-04-05T01:45:00+11:00", 1775313900),
        AddingCase("Australia/Lord_Howe", "none", "2026-04-04T01:45:00", "+1d", .keep, "2026-04-05T01:45:00+11:00", 1775313900),
        AddingCase("Australia/Sydney", "none", "2026-10-04T02:30:00", "+0d", .keep, "2026-10-04T03:30:00+11:00", 1791045000, gap: true),
        AddingCase("Asia/Kolkata", "none", "2026-03-29T02:30:00", "+1d", .keep, "2026-03-30T02:30:00+05:30", 1774818000),
        AddingCase("UTC", "metropole", "2026-03-29T02:30:00", "+0d", .keep, "2026-03-29T02:30:00+00:00", 1774751400),
        AddingCase("UTC", "metropole", "2026-12-23T09:00:00", "+5wd", .keep, "2026-12-31T09:00:00+00:00", 1798707600),
    ]

    @Test(arguments: addingCases)
    func adding(_ c: AddingCase) throws {
        let zone = try #require(Zone(identifier: c.zone))
        let holidays = try #require(HolidaySet(rawValue: c.holidays))
        let calendar = WorkCalendar(zone: zone, holidays: holidays)
        let result = calendar.applying(c.rule, to: calendar.adding(duration(c.duration), to: wall(c.base)))
        #expect(result.instant.seconds == c.seconds)
        #expect(zone.rfc3339(result.instant) == c.expected)
        if !c.gap {
            #expect(result.local == wall(String(c.expected.prefix(19))))
        }
        if duration(c.duration).isExact && c.rule == .keep {
            // An exact result is an instant: its wall time is the zone's reading of it (at a fall-back it can be
            // the second 02:30, which resolving 02:30 again would not give).
            #expect(zone.local(result.instant) == result.local)
        } else {
            // A calendar result is a wall time, resolved per SPEC §4.
            #expect(zone.resolve(result.local) == result.instant)
        }
    }

    @Test func zeroWorkingDaysChangesNothing() throws {
        let calendar = WorkCalendar(zone: try #require(Zone(identifier: "Europe/Paris")), holidays: .metropole)
        for text in ["2026-04-05", "2026-04-06", "2026-12-25", "2026-12-26", "2027-03-26", "2027-03-29", "2027-05-12"] {
            let date = wall(text + "T00:00:00").date
            #expect(calendar.addingWorkingDays(0, to: date) == date)
        }
    }

    @Test func keepLeavesEveryTimeAlone() throws {
        let calendar = WorkCalendar(zone: try #require(Zone(identifier: "Europe/Paris")), holidays: .alsaceMoselle)
        for text in ["2026-03-29T02:30:00", "2026-10-25T02:30:00", "2026-12-26T09:00:00", "2027-03-26T09:00:00"] {
            let time = calendar.zoned(wall(text))
            #expect(calendar.applying(.keep, to: time) == time)
        }
    }

    @Test(arguments: [
        ("Europe/Paris", "2026-04-01"), ("Indian/Reunion", "2026-04-01"), ("America/Guadeloupe", "2026-04-01"),
    ])
    func workingDaysBetweenEasterAndChristmas(_ identifier: String, _ start: String) throws {
        // Independent count: from 2026-04-02 to 2026-12-31 (Thu) there are 196 weekdays; less Easter Monday,
        // 1 May, 8 May, Ascension (14 May), Whit Monday (25 May), 14 July, 11 November, 25 December (8 holidays on
        // weekdays; 15 August is a Saturday, 1 November a Sunday) = 188 working days after 1 April, the 188th being
        // 31 December; the next is Monday 4 January 2027 (1 January is a holiday).
        let calendar = WorkCalendar(zone: try #require(Zone(identifier: identifier)), holidays: .metropole)
        let base = wall(start + "T09:00:00").date
        #expect(calendar.addingWorkingDays(188, to: base) == wall("2026-12-31T09:00:00").date)
        #expect(calendar.addingWorkingDays(189, to: base) == wall("2027-01-04T09:00:00").date)
        #expect(calendar.addingWorkingDays(-188, to: wall("2026-12-31T09:00:00").date) == base)
    }

    // MARK: Zone

    @Test(arguments: [
        ("Europe/Paris", 1774745999, "2026-03-29T01:59:59+01:00"),
        ("Europe/Paris", 1774746000, "2026-03-29T03:00:00+02:00"),
        ("Europe/Paris", 1792889999, "2026-10-25T02:59:59+02:00"),
        ("Europe/Paris", 1792890000, "2026-10-25T02:00:00+01:00"),
        ("Europe/Paris", 1792888200, "2026-10-25T02:30:00+02:00"),
        ("Europe/Paris", 1792891800, "2026-10-25T02:30:00+01:00"),
        ("Europe/Paris", 1806195599, "2027-03-28T01:59:59+01:00"),
        ("Europe/Paris", 1806195600, "2027-03-28T03:00:00+02:00"),
        ("Europe/Paris", 1824944399, "2027-10-31T02:59:59+02:00"),
        ("Europe/Paris", 1824944400, "2027-10-31T02:00:00+01:00"),
        ("Europe/Paris", 1805270400, "2027-03-17T09:00:00+01:00"),
        ("Europe/Paris", 1798758000, "2027-01-01T00:00:00+01:00"),
        ("Europe/Paris", 0, "1970-01-01T01:00:00+01:00"),
        ("Europe/Paris", -1, "1970-01-01T00:59:59+01:00"),
        ("Europe/Paris", 2147483648, "2038-01-19T04:14:08+01:00"),
        ("Europe/Paris", 4118126400, "2100-07-01T14:00:00+02:00"),
        ("Indian/Reunion", 1774746000, "2026-03-29T05:00:00+04:00"),
        ("Indian/Reunion", 1798747200, "2027-01-01T00:00:00+04:00"),
        ("America/Guadeloupe", 1792890000, "2026-10-24T21:00:00-04:00"),
        ("America/Guadeloupe", 1798775999, "2026-12-31T23:59:59-04:00"),
        ("UTC", 1774746000, "2026-03-29T01:00:00+00:00"),
        ("UTC", -1, "1969-12-31T23:59:59+00:00"),
        ("Asia/Kolkata", 1780272000, "2026-06-01T05:30:00+05:30"),
        ("America/St_Johns", 1768478400, "2026-01-15T08:30:00-03:30"),
        ("America/St_Johns", 1784116800, "2026-07-15T09:30:00-02:30"),
        ("Asia/Kathmandu", 1768478400, "2026-01-15T17:45:00+05:45"),
        ("Pacific/Chatham", 1768478400, "2026-01-16T01:45:00+13:45"),
        ("Pacific/Kiritimati", 1768478400, "2026-01-16T02:00:00+14:00"),
        ("Pacific/Pago_Pago", 1768478400, "2026-01-15T01:00:00-11:00"),
        ("America/Sao_Paulo", 1768478400, "2026-01-15T09:00:00-03:00"),
        ("Pacific/Marquesas", 1768478400, "2026-01-15T02:30:00-09:30"),
    ])
    func rfc3339(_ identifier: String, _ seconds: Int64, _ expected: String) throws {
        let zone = try #require(Zone(identifier: identifier))
        let instant = Instant(seconds: seconds)
        #expect(zone.rfc3339(instant) == expected)
        #expect(zone.local(instant) == wall(String(expected.prefix(19))))
        // The offset in the string, in seconds.
        let sign = expected.dropFirst(19).hasPrefix("-") ? -1 : 1
        let hours = Int(expected.dropFirst(20).prefix(2))!
        let minutes = Int(expected.dropFirst(23).prefix(2))!
        #expect(zone.offset(at: instant) == sign * (hours * 3600 + minutes * 60))
    }

    @Test func instantDescriptionIsUTC() {
        #expect(Instant(seconds: 1_774_746_000).description == "2026-03-29T01:00:00+00:00")
        #expect(Instant(seconds: 0).description == "1970-01-01T00:00:00+00:00")
    }

    @Test(arguments: ["", "Europe/Pariss", "Not/AZone", "Europe/Paris ", "Mars/Olympus_Mons", "Europe Paris"])
    func unknownZones(_ identifier: String) {
        #expect(Zone(identifier: identifier) == nil)
    }

    @Test(arguments: ["Europe/Paris", "Indian/Reunion", "America/Guadeloupe", "UTC", "America/Martinique", "Pacific/Noumea"])
    func knownZones(_ identifier: String) throws {
        let zone = try #require(Zone(identifier: identifier))
        #expect(zone.identifier == identifier)
    }

    // MARK: TimeParsing.instant

    @Test(arguments: [
        ("2026-12-01T09:00:00+01:00", "Europe/Paris", 1796112000),  // 2026-12-01T09:00:00+01:00
        ("2026-12-01T09:00:00Z", "Europe/Paris", 1796115600),  // 2026-12-01T10:00:00+01:00
        ("2026-12-01T09:00:00z", "Europe/Paris", 1796115600),  // 2026-12-01T10:00:00+01:00
        ("2026-12-01t09:00:00Z", "Europe/Paris", 1796115600),  // 2026-12-01T10:00:00+01:00
        ("2026-12-01 09:00:00Z", "Europe/Paris", 1796115600),  // 2026-12-01T10:00:00+01:00
        ("2026-12-01T09:00:00.123+01:00", "Europe/Paris", 1796112000),  // 2026-12-01T09:00:00+01:00
        ("2026-12-01T09:00:00.999999Z", "Europe/Paris", 1796115600),  // 2026-12-01T10:00:00+01:00
        ("2026-12-01T09:00:00-04:00", "Europe/Paris", 1796130000),  // 2026-12-01T14:00:00+01:00
        ("2026-12-01T09:00:00+05:30", "Europe/Paris", 1796095800),  // 2026-12-01T04:30:00+01:00
        ("2026-12-01T09:00:00-00:00", "Europe/Paris", 1796115600),  // 2026-12-01T10:00:00+01:00
        ("2026-12-01T09:00:00+00:00", "Indian/Reunion", 1796115600),  // 2026-12-01T13:00:00+04:00
        ("2026-07-01T09:00:00+01:00", "Europe/Paris", 1782892800),  // 2026-07-01T10:00:00+02:00
        ("2026-03-29T03:30:00+02:00", "Europe/Paris", 1774747800),  // 2026-03-29T03:30:00+02:00
        ("2026-03-29T02:30:00+01:00", "Europe/Paris", 1774747800),  // 2026-03-29T03:30:00+02:00
        ("2026-10-25T02:30:00+01:00", "Europe/Paris", 1792891800),  // 2026-10-25T02:30:00+01:00
        ("2026-10-25T02:30:00+02:00", "Europe/Paris", 1792888200),  // 2026-10-25T02:30:00+02:00
        ("2026-12-31T23:59:59-12:00", "UTC", 1798804799),  // 2027-01-01T11:59:59+00:00
        ("1969-12-31T23:59:59Z", "UTC", -1),  // 1969-12-31T23:59:59+00:00
        ("2026-12-01T09:00:00+14:00", "UTC", 1796065200),  // 2026-11-30T19:00:00+00:00
        ("2026-12-01T09:00:00-23:59", "UTC", 1796201940),  // 2026-12-02T08:59:00+00:00
        ("2026-12-01", "Europe/Paris", 1796079600),  // 2026-12-01T00:00:00+01:00
        ("2026-12-01", "Indian/Reunion", 1796068800),  // 2026-12-01T00:00:00+04:00
        ("2026-12-01", "America/Guadeloupe", 1796097600),  // 2026-12-01T00:00:00-04:00
        ("2026-03-29", "Europe/Paris", 1774738800),  // 2026-03-29T00:00:00+01:00
        ("2026-10-25", "Europe/Paris", 1792879200),  // 2026-10-25T00:00:00+02:00
        ("2026-07-14", "Europe/Paris", 1783980000),  // 2026-07-14T00:00:00+02:00
        ("2028-02-29", "UTC", 1835395200),  // 2028-02-29T00:00:00+00:00
        ("2018-11-04", "America/Sao_Paulo", 1541300400),  // 2018-11-04T01:00:00-02:00
        ("2026-09-06", "America/Santiago", 1788667200),  // 2026-09-06T01:00:00-03:00
    ])
    func parsesInstants(_ text: String, _ identifier: String, _ seconds: Int64) throws {
        let zone = try #require(Zone(identifier: identifier))
        let instant = try #require(TimeParsing.instant(text, zone: zone))
        #expect(instant.seconds == seconds)
    }

    @Test(arguments: [
        "", "2026", "2026-12", "2026-12-1", "26-12-01", "2026/12/01", "+2026-12-01", " 2026-12-01", "2026-12-01 ",
        "2026-13-01", "2026-00-10", "2026-02-30", "2027-02-29", "2026-04-31", "2026-12-00", "2026-12-32",
        "2026-12-01Z", "2026-12-01T", "2026-12-01T09:00", "2026-12-01T09:00Z", "2026-12-01T09:00+01:00",
        "2026-12-01T09:00:00", "2026-12-01T09:00:00+01", "2026-12-01T09:00:00+1:00", "2026-12-01T09:00:00+0100",
        "2026-12-01T09:00:00+01:00 ", "2026-12-01T09:00:00+01:00:00", "2026-12-01T09:00:00ZZ", "2026-12-01T09:00:00Z+01:00",
        "2026-12-01X09:00:00Z", "2026-12-01T24:00:00Z", "2026-12-01T09:60:00Z", "2026-12-01T09:00:60Z",
        "2026-12-01T9:00:00Z", "2026-12-01T09:00:00+24:00", "2026-12-01T09:00:00+01:60", "2026-12-01T09:00:00 +01:00",
        "2026-12-01T09:00:00.Z", "2026-12-01T09:00:00.+01:00", "2026-12-01T09:00:00,5Z", "2026-12-01T09:00:00.5",
        "2026-12-01T09-00-00Z", "2026_12_01", "２０２６-12-01", "2026-12-01T09:00:00UTC", "2026-12-01T09:00:00Europe/Paris",
        "tomorrow", "1e3", "2026-12-01T09:00:00+a1:00", "2026-12-01T09:00:00-0a:00",
    ])
    func rejectsInvalidInstants(_ text: String) throws {
        let zone = try #require(Zone(identifier: "Europe/Paris"))
        #expect(TimeParsing.instant(text, zone: zone) == nil)
    }
}
