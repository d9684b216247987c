import Foundation
import Testing

@testable import JalonCore

/// Reminders of SPEC §5, checked as `id → due` in the person's zone.
@Suite struct ReminderPlannerTests {
    /// Loads `person` (and `settings` as jalon.toml) and returns `id → RFC 3339 due` for every reminder.
    func plan(_ person: String, settings: String = "", id: String = "p") throws -> [String: String] {
        let dir = try TemporaryDirectory()
        try dir.write("jalon.toml", settings)
        try dir.write("people/\(id).toml", person)
        let config = try load(dir)
        #expect(config.diagnostics.isEmpty, "\(config.diagnosticLines)")
        let planner = ReminderPlanner(settings: config.settings)
        let person = try #require(config.person(id))
        var result: [String: String] = [:]
        for r in planner.reminders(for: person) {
            #expect(result[r.id] == nil, "one reminder per id: \(r.id)")
            result[r.id] = r.zone.rfc3339(r.due)
        }
        return result
    }

    func reminders(_ person: String, settings: String = "") throws -> [Reminder] {
        let dir = try TemporaryDirectory()
        try dir.write("jalon.toml", settings)
        try dir.write("people/p.toml", person)
        let config = try load(dir)
        #expect(config.diagnostics.isEmpty, "\(config.diagnosticLines)")
        return ReminderPlanner(settings: config.settings).reminders(for: try #require(config.person("p")))
    }

    @Test func deadlineWithTheDefaultPolicy() throws {
        // 2027-03-31 is a Wednesday, in winter time (+01:00) until 28 March, then +02:00.
        let due = try plan(
            """
            [[deadline]]
            id = "titre-pro"
            due = 2027-03-31
            """)
        #expect(
            due == [
                "p/titre-pro/-14d": "2027-03-17T09:00:00+01:00",
                "p/titre-pro/-3d": "2027-03-28T09:00:00+02:00",
                "p/titre-pro/+0d": "2027-03-31T09:00:00+02:00",
                "p/titre-pro/follow-up-1": "2027-04-07T09:00:00+02:00",
                "p/titre-pro/follow-up-2": "2027-04-14T09:00:00+02:00",
                "p/titre-pro/follow-up-3": "2027-04-21T09:00:00+02:00",
            ])
    }

    @Test func followUpsAreMultipliedNotAccumulated() throws {
        // 31 January + 1 month = 28 February, but + 2 months = 31 March (not 28 March).
        let due = try plan(
            """
            [[deadline]]
            id = "d"
            due = 2027-01-31T10:00:00
            remind = []
            follow_up = { every = "1 mois", count = 3 }
            """)
        #expect(
            due == [
                "p/d/follow-up-1": "2027-02-28T10:00:00+01:00",
                "p/d/follow-up-2": "2027-03-31T10:00:00+02:00",
                "p/d/follow-up-3": "2027-04-30T10:00:00+02:00",
            ])
    }

    @Test func sessionsGetNoFollowUps() throws {
        let due = try plan(
            """
            [[session]]
            id = "s1"
            at = 2026-09-08T14:00:00
            """, settings: "[policy.session]\nfollow_up = { every = \"1d\", count = 2 }\n")
        #expect(due == ["p/s1/-2d": "2026-09-06T14:00:00+02:00", "p/s1/-2h": "2026-09-08T12:00:00+02:00"])
    }

    @Test func sameCanonicalStepMakesOneReminder() throws {
        let due = try plan(
            """
            [[deadline]]
            id = "d"
            due = 2027-01-20
            remind = ["-14d", "-14 jours", "-014 days", "-2 semaines", "0d", "+0 jour", "-0d"]
            follow_up = false
            """)
        #expect(
            due == [
                "p/d/-14d": "2027-01-06T09:00:00+01:00",
                "p/d/-2w": "2027-01-06T09:00:00+01:00",
                "p/d/+0d": "2027-01-20T09:00:00+01:00",
            ])
    }

    @Test func sessionWithAnOffsetIsTakenInThePersonsZone() throws {
        // 17:00+01:00 is 20:00 in Réunion (+04:00, no DST).
        let due = try plan(
            """
            timezone = "Indian/Reunion"
            [[session]]
            id = "s"
            at = 2026-12-09T17:00:00+01:00
            remind = ["-1d", "-30 min"]
            """)
        #expect(due == ["p/s/-1d": "2026-12-08T20:00:00+04:00", "p/s/-30min": "2026-12-09T19:30:00+04:00"])
    }

    @Test func exactStepsCountFromTheInstantASessionNames() throws {
        // 02:30+01:00 is the second 02:30 of 25 October 2026; two hours before it is 01:30+02:00.
        let due = try plan(
            """
            [[session]]
            id = "s"
            at = 2026-10-25T02:30:00+01:00
            remind = ["-2h", "-1d"]
            """)
        #expect(due == ["p/s/-2h": "2026-10-25T01:30:00+02:00", "p/s/-1d": "2026-10-24T02:30:00+02:00"])
    }

    @Test func trainingExpiryFromTheCatalogFromValidForAndFromExpires() throws {
        let due = try plan(
            """
            remind_at = "08:30"

            [[training]]
            id = "sst"
            kind = "sst"
            obtained = 2026-02-28
            remind = ["+0d"]
            follow_up = false

            [[training]]
            id = "habil"
            kind = "habilitation-electrique"
            obtained = 2024-02-29
            valid_for = "2 ans"
            remind = ["+0d"]
            follow_up = false

            [[training]]
            id = "caces"
            expires = 2027-10-21
            remind = ["-1 an"]
            follow_up = false
            """)
        #expect(
            due == [
                "p/sst/+0d": "2028-02-28T08:30:00+01:00",
                "p/habil/+0d": "2026-02-28T08:30:00+01:00",
                "p/caces/-1y": "2026-10-21T08:30:00+02:00",
            ])
    }

    @Test func derivedSuiviFollowsTheLatestConclusion() throws {
        let due = try plan(
            """
            [[session]]
            id = "c1"
            at = 2026-03-10T14:00:00
            phase = "conclusion"
            remind = []

            [[session]]
            id = "c2"
            at = 2026-06-15T23:30:00
            phase = "conclusion"
            done = true
            """)
        // The latest conclusion counts even when done; 15 June + 6 months = 15 December, at remind_at.
        #expect(due == ["p/suivi/-14d": "2026-12-01T09:00:00+01:00", "p/suivi/+0d": "2026-12-15T09:00:00+01:00"])
    }

    @Test func noSuiviWhenDisabledOrWhenASuiviSessionExists() throws {
        let conclusion = "[[session]]\nid = \"c\"\nat = 2026-06-15T10:00:00\nphase = \"conclusion\"\nremind = []\n"
        #expect(try plan("suivi = false\n" + conclusion).isEmpty)
        #expect(
            try plan(conclusion + "[[session]]\nid = \"s\"\nat = 2026-12-15T10:00:00\nphase = \"suivi\"\nremind = []\n")
                .isEmpty)
        #expect(try plan("[[session]]\nid = \"c\"\nat = 2026-06-15T10:00:00\nremind = []\n").isEmpty)
    }

    @Test func suiviPolicyIsApplied() throws {
        let due = try plan(
            """
            [[session]]
            id = "c"
            at = 2026-06-15T10:00:00
            phase = "conclusion"
            remind = []
            """,
            settings: """
                [policy.suivi]
                after = "3 mois"
                remind = ["-2 jours ouvrés"]
                """)
        // 15 September 2026 is a Tuesday; two working days before is Friday 11 September.
        #expect(due == ["p/suivi/-2wd": "2026-09-11T09:00:00+02:00"])
    }

    @Test func onNonWorkingMovesToTheNearestWorkingDay() throws {
        // 2026-12-25 is a Friday and a holiday; 2026-12-26 a Saturday.
        let policy = "remind = [\"+0d\"]\nfollow_up = false\n"
        let keep = try plan("[[deadline]]\nid = \"d\"\ndue = 2026-12-25\n" + policy)
        let before = try plan("[[deadline]]\nid = \"d\"\ndue = 2026-12-25\non_non_working = \"before\"\n" + policy)
        let after = try plan("[[deadline]]\nid = \"d\"\ndue = 2026-12-25\non_non_working = \"after\"\n" + policy)
        #expect(keep == ["p/d/+0d": "2026-12-25T09:00:00+01:00"])
        #expect(before == ["p/d/+0d": "2026-12-24T09:00:00+01:00"])
        #expect(after == ["p/d/+0d": "2026-12-28T09:00:00+01:00"])
    }

    @Test func doneItemsProduceNoReminders() throws {
        let due = try plan(
            """
            [[deadline]]
            id = "a"
            due = 2027-01-20
            done = true

            [[deadline]]
            id = "b"
            due = 2027-01-20
            done = 2027-01-02
            """)
        #expect(due.isEmpty)
    }

    @Test func acknowledgedItemsProduceNoRemindersForTheBaseTheyHadThen() throws {
        let dir = try TemporaryDirectory()
        try dir.write(
            "people/p.toml", "[[deadline]]\nid = \"a\"\ndue = 2027-01-20\n[[deadline]]\nid = \"b\"\ndue = 2027-01-21\n")
        let config = try load(dir)
        let planner = ReminderPlanner(settings: config.settings)
        let person = try #require(config.person("p"))
        let baseA = Instant(seconds: 1_800_432_000)  // 2027-01-20T09:00:00+01:00
        let items = Set(planner.reminders(for: person) { key, base in key == "p/a" && base == baseA }.map(\.item))
        #expect(items == ["b"])
        let moved = Set(planner.reminders(for: person) { key, base in key == "p/a" && base == baseA + 1 }.map(\.item))
        #expect(moved == ["a", "b"])
    }

    @Test func recipientsAreResolvedSortedAndDeduplicated() throws {
        let settings = """
            [[consultant]]
            id = "claire"
            name = "Claire"
            email = "claire@horizon.example"

            [[consultant]]
            id = "sans-email"
            name = "Sans"
            """
        let withEverything = try reminders(
            """
            email = "zoe@example.org"
            consultant = "claire"
            [[deadline]]
            id = "d"
            due = 2027-01-20
            remind = ["+0d"]
            to = ["person", "consultant", "aa@example.org", "zoe@example.org"]
            follow_up = { every = "7d", count = 1, to = ["consultant"] }
            """, settings: settings)
        let byStep = Dictionary(uniqueKeysWithValues: withEverything.map { ($0.step, $0.to) })
        #expect(byStep["+0d"] == ["aa@example.org", "claire@horizon.example", "zoe@example.org"])
        #expect(byStep["follow-up-1"] == ["claire@horizon.example"])

        let noAddresses = try reminders(
            """
            consultant = "sans-email"
            [[deadline]]
            id = "d"
            due = 2027-01-20
            remind = ["+0d"]
            follow_up = false
            """, settings: settings)
        #expect(noAddresses.map(\.to) == [[]])
    }

    @Test func followUpRecipientsDefaultToTheItemsTo() throws {
        let list = try reminders(
            """
            email = "p@example.org"
            [[deadline]]
            id = "d"
            due = 2027-01-20
            remind = []
            to = ["x@example.org"]
            follow_up = { every = "7d", count = 1 }
            """)
        #expect(list.map(\.to) == [["x@example.org"]])
        #expect(list.map(\.isFollowUp) == [true])
    }

    @Test func titlesFallBackToTheCatalogAndThePhase() throws {
        let list = try reminders(
            """
            [[training]]
            id = "t"
            kind = "aipr"
            obtained = 2025-01-01
            remind = ["+0d"]
            follow_up = false

            [[session]]
            id = "s"
            at = 2027-01-05T10:00:00
            phase = "investigation"
            remind = ["-1d"]
            """)
        #expect(
            Set(list.map(\.title))
                == ["Autorisation d'intervention à proximité des réseaux (AIPR)", "Séance d'investigation"])
    }
}

/// SPEC §4 and §5 made precise: the wall-clock time `on_non_working` moves a reminder at, and exact units in
/// `valid_for` and `policy.suivi.after`.
@Suite struct ReminderPlannerPrecisionTests {
    /// A deadline, a step, a rule, and when the step is due (Europe/Paris; 29 March 2026 is the Sunday of the
    /// spring-forward gap, 02:00 → 03:00, and the 30th a working Monday).
    struct MovedCase: Sendable, CustomTestStringConvertible {
        let due: String
        let step: String
        let rule: String
        let expected: String
        var testDescription: String { "\(due) \(step) \(rule)" }
    }

    static let movedCases: [MovedCase] = [
        // In the gap: 03:30 that Sunday with `keep`, and 02:30 on the day it moves to otherwise, as +1d gives.
        MovedCase(due: "2026-03-29T02:30:00", step: "+0d", rule: "keep", expected: "2026-03-29T03:30:00+02:00"),
        MovedCase(due: "2026-03-29T02:30:00", step: "+0d", rule: "after", expected: "2026-03-30T02:30:00+02:00"),
        MovedCase(due: "2026-03-29T02:30:00", step: "+1d", rule: "keep", expected: "2026-03-30T02:30:00+02:00"),
        MovedCase(due: "2026-03-29T02:30:00", step: "+0d", rule: "before", expected: "2026-03-27T02:30:00+01:00"),
        // A calendar step that lands in the gap keeps its wall-clock time when moved.
        MovedCase(due: "2026-03-28T02:30:00", step: "+1d", rule: "after", expected: "2026-03-30T02:30:00+02:00"),
        // An exact step has no wall-clock time of its own: its instant's local time (03:30) moves.
        MovedCase(due: "2026-03-29T01:30:00", step: "+1h", rule: "keep", expected: "2026-03-29T03:30:00+02:00"),
        MovedCase(due: "2026-03-29T01:30:00", step: "+1h", rule: "after", expected: "2026-03-30T03:30:00+02:00"),
        MovedCase(due: "2026-03-29T01:30:00", step: "+60min", rule: "before", expected: "2026-03-27T03:30:00+01:00"),
        // A working day stays where it is whatever the rule.
        MovedCase(due: "2026-03-30T02:30:00", step: "+0d", rule: "before", expected: "2026-03-30T02:30:00+02:00"),
        // In 2027 the gap is on Easter Sunday: the Monday after is a holiday too.
        MovedCase(due: "2027-03-28T02:30:00", step: "+0d", rule: "after", expected: "2027-03-30T02:30:00+02:00"),
        // Christmas 2026 is a Friday and a holiday, the 26th a Saturday.
        MovedCase(due: "2026-12-25T18:00:00", step: "+0d", rule: "after", expected: "2026-12-28T18:00:00+01:00"),
        MovedCase(due: "2026-12-27T18:00:00", step: "-2d", rule: "before", expected: "2026-12-24T18:00:00+01:00"),
    ]

    @Test(arguments: movedCases)
    func onNonWorkingKeepsTheWallClockTimeTheArithmeticGave(_ c: MovedCase) throws {
        let due = try ReminderPlannerTests().plan(
            """
            [[deadline]]
            id = "d"
            due = \(c.due)
            remind = ["\(c.step)"]
            follow_up = false
            on_non_working = "\(c.rule)"
            """, settings: "timezone = \"Europe/Paris\"\n")
        #expect(due == ["p/d/\(try CalendarDuration.parse(c.step))": c.expected])
    }

    /// A training obtained on a date, valid for a duration, and the day its expiry falls on (at remind_at, 09:00).
    struct ValidityCase: Sendable, CustomTestStringConvertible {
        let obtained: String
        let validFor: String
        let expected: String
        var testDescription: String { "\(obtained) + \(validFor)" }
    }

    static let validityCases: [ValidityCase] = [
        // SPEC §5's example: from midnight of 10 January, 48 hours is 12 January.
        ValidityCase(obtained: "2027-01-10", validFor: "48h", expected: "2027-01-12T09:00:00+01:00"),
        ValidityCase(obtained: "2027-01-10", validFor: "36h", expected: "2027-01-11T09:00:00+01:00"),
        ValidityCase(obtained: "2027-01-10", validFor: "90 min", expected: "2027-01-10T09:00:00+01:00"),
        ValidityCase(obtained: "2027-01-10", validFor: "24 heures", expected: "2027-01-11T09:00:00+01:00"),
        // 27 March 2027 lasts 24 hours, the 28th 23: 46 hours from midnight of the 27th is 23:00 on the 28th,
        // 47 hours midnight of the 29th; two calendar days are the 29th whatever the hours.
        ValidityCase(obtained: "2027-03-27", validFor: "46h", expected: "2027-03-28T09:00:00+02:00"),
        ValidityCase(obtained: "2027-03-27", validFor: "47h", expected: "2027-03-29T09:00:00+02:00"),
        ValidityCase(obtained: "2027-03-27", validFor: "2d", expected: "2027-03-29T09:00:00+02:00"),
        // 31 October 2027 lasts 25 hours: 48 hours from midnight of the 30th is 23:00 on the 31st.
        ValidityCase(obtained: "2027-10-30", validFor: "48h", expected: "2027-10-31T09:00:00+01:00"),
        ValidityCase(obtained: "2027-10-30", validFor: "49h", expected: "2027-11-01T09:00:00+01:00"),
    ]

    @Test(arguments: validityCases)
    func exactValidityCountsFromMidnightOfTheDateObtained(_ c: ValidityCase) throws {
        let due = try ReminderPlannerTests().plan(
            """
            [[training]]
            id = "t"
            title = "Formation"
            obtained = \(c.obtained)
            valid_for = "\(c.validFor)"
            remind = ["+0d"]
            follow_up = false
            """, settings: "timezone = \"Europe/Paris\"\n")
        #expect(due == ["p/t/+0d": c.expected])
    }

    /// `policy.suivi.after` and the follow-up interview's day, from a conclusion session on 15 June 2026 at 23:30.
    @Test(arguments: [
        ("72h", "2026-06-18T09:00:00+02:00"), ("90min", "2026-06-15T09:00:00+02:00"),
        ("1441 minutes", "2026-06-16T09:00:00+02:00"), ("3d", "2026-06-18T09:00:00+02:00"),
        ("6 mois", "2026-12-15T09:00:00+01:00"),
    ])
    func exactSuiviDelayCountsFromMidnightOfTheConclusionDate(_ after: String, _ expected: String) throws {
        let due = try ReminderPlannerTests().plan(
            """
            [[session]]
            id = "c"
            at = 2026-06-15T23:30:00
            phase = "conclusion"
            remind = []
            """, settings: "timezone = \"Europe/Paris\"\n[policy.suivi]\nafter = \"\(after)\"\nremind = [\"+0d\"]\n")
        #expect(due == ["p/suivi/+0d": expected])
    }
}
