import Foundation
import Testing

@testable import JalonCore

/// CPF dossiers (`[[dossier]]`): their steps in jours ouvrés by the rules in force on their dates, the check of the
/// start, and dates that go backwards.
@Suite struct DossierTests {
    static let rulesFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/JalonCore/Rules/rules.toml")

    func configuration(_ person: String, settings: String = "locale = \"en\"\n") throws -> Configuration {
        let dir = try TemporaryDirectory()
        try dir.write(
            "jalon.toml", settings + "\n[[consultant]]\nid = \"claire\"\nemail = \"claire@horizon.example\"\n")
        try dir.write("people/p.toml", "consultant = \"claire\"\n" + person)
        return try load(dir)
    }

    func plan(_ configuration: Configuration, acknowledged: Set<String> = []) throws -> [String: String] {
        let person = try #require(configuration.person("p"))
        var result: [String: String] = [:]
        for r in ReminderPlanner(settings: configuration.settings).reminders(
            for: person, isAcknowledged: { key, _ in acknowledged.contains(key) })
        {
            result[r.id] = r.zone.rfc3339(r.due)
        }
        return result
    }

    @Test func theBuiltInRulesAreTheDataFileInTheOrderOfTheirDates() throws {
        let (book, problems) = RuleBook.parse(try String(contentsOf: Self.rulesFile, encoding: .utf8))
        #expect(problems.isEmpty, "\(problems.map { $0.text(.en) })")
        #expect(book.cpf.count == 2 && book.retention.count == 2 && book.agreement.count == 1)
        #expect(RuleBook.builtIn.cpf == book.cpf)
        // The 11 jours ouvrés between the proposal and the start apply from 10 June 2021.
        #expect(RuleBook.inForce(book.cpf, on: LocalDate(year: 2021, month: 6, day: 9))?.minStartAfterProposal == nil)
        #expect(
            RuleBook.inForce(book.cpf, on: LocalDate(year: 2021, month: 6, day: 10))?.minStartAfterProposal
                == CalendarDuration(11, .workday))
        #expect(RuleBook.inForce(book.cpf, on: LocalDate(year: 2019, month: 1, day: 1)) == nil)
        // R6313-7: one year before 31 December 2023, three years from it.
        #expect(
            RuleBook.inForce(book.retention, on: LocalDate(year: 2023, month: 12, day: 30))?.keepWithConsent
                == CalendarDuration(1, .year))
        #expect(
            RuleBook.inForce(book.retention, on: LocalDate(year: 2023, month: 12, day: 31))?.keepWithConsent
                == CalendarDuration(3, .year))
    }

    @Test func everyStepInJoursOuvresToTheConsultant() throws {
        // Requested Thursday 3 December 2026: answer by Monday 7. Start Tuesday 5 January 2027: entry declared by
        // Friday 8. End Friday 26 March 2027: Easter Monday (29 March) is not a working day, so the exit is declared
        // by Thursday 1 April, and the service fait validated five working days later, Thursday 8 April.
        let config = try configuration(
            """
            [[dossier]]
            id = "cpf-1"
            title = "Titre pro DWWM"
            funding = "cpf"
            requested = 2026-12-03
            proposed = 2026-12-07
            start = 2027-01-05
            end = 2027-03-26
            remind = ["+0d"]
            follow_up = false
            """)
        #expect(config.diagnostics.isEmpty, "\(config.diagnosticLines)")
        #expect(
            try plan(config) == [
                "p/cpf-1/answer/+0d": "2026-12-07T09:00:00+01:00",
                "p/cpf-1/entry/+0d": "2027-01-08T09:00:00+01:00",
                "p/cpf-1/exit/+0d": "2027-04-01T09:00:00+02:00",
                "p/cpf-1/service-fait/+0d": "2027-04-08T09:00:00+02:00",
            ])
        let items = ReminderPlanner(settings: config.settings).items(of: try #require(config.person("p")))
        #expect(items.map(\.kind) == [.dossier, .dossier, .dossier, .dossier])
        #expect(items.first?.title == "Answer the CPF request — Titre pro DWWM")
        let reminders = ReminderPlanner(settings: config.settings).reminders(for: try #require(config.person("p")))
        #expect(reminders.allSatisfy { $0.to == ["claire@horizon.example"] && $0.kind == .dossier })
    }

    @Test func theDefaultPolicyRemindsTheDayBeforeAndFollowsUpEveryWorkingDay() throws {
        let config = try configuration(
            """
            [[dossier]]
            id = "cpf-1"
            requested = 2026-12-03
            """)
        #expect(
            try plan(config) == [
                "p/cpf-1/answer/-1wd": "2026-12-04T09:00:00+01:00",
                "p/cpf-1/answer/+0d": "2026-12-07T09:00:00+01:00",
                "p/cpf-1/answer/follow-up-1": "2026-12-08T09:00:00+01:00",
                "p/cpf-1/answer/follow-up-2": "2026-12-09T09:00:00+01:00",
                "p/cpf-1/answer/follow-up-3": "2026-12-10T09:00:00+01:00",
                "p/cpf-1/answer/follow-up-4": "2026-12-11T09:00:00+01:00",
                "p/cpf-1/answer/follow-up-5": "2026-12-14T09:00:00+01:00",
            ])
        // Done with `jalon done p/cpf-1/answer`: no more relances.
        #expect(try plan(config, acknowledged: ["p/cpf-1/answer"]).isEmpty)
    }

    @Test func stepsDoneInTheFileStop() throws {
        let config = try configuration(
            """
            [[dossier]]
            id = "cpf-1"
            requested = 2026-12-03
            start = 2027-01-05
            remind = ["+0d"]
            follow_up = false
            done = ["answer"]
            """)
        #expect(try plan(config) == ["p/cpf-1/entry/+0d": "2027-01-08T09:00:00+01:00"])
    }

    /// A step misspelt or of the wrong type is named as written, never as Swift's dump of a TOML value.
    @Test func aStepDoneThatIsNotOneIsSaidAsWritten() throws {
        let config = try configuration(
            "[[dossier]]\nid = \"cpf-1\"\nrequested = 2026-12-03\ndone = [\"answr\", 3]\n")
        let lines = config.diagnosticLines
        #expect(lines.count == 2, "\(lines)")
        #expect(lines.contains { $0.contains("answr") && $0.contains("answer") }, "\(lines)")
        #expect(!lines.contains { $0.contains("string(") || $0.contains("integer(") }, "\(lines)")
    }

    @Test func checkWarnsWhenTheStartComesTooSoonAfterTheProposal() throws {
        // Proposed Monday 7 December 2026: eleven working days later is Tuesday 22 December.
        let early = try configuration(
            """
            [[dossier]]
            id = "cpf-1"
            proposed = 2026-12-07
            start = 2026-12-21
            """)
        #expect(
            early.diagnosticLines == [
                "people/p.toml:5:1: warning: the training starts too early on 2026-12-21: it needs 11 working days after the "
                    + "proposal was sent, so 2026-12-22 at the earliest"
            ])
        #expect(early.diagnostics.map(\.code) == ["dossier.start"])
        #expect(early.person("p")?.dossiers.count == 1)
        let onTime = try configuration("[[dossier]]\nid = \"cpf-1\"\nproposed = 2026-12-07\nstart = 2026-12-22\n")
        #expect(onTime.diagnostics.isEmpty, "\(onTime.diagnosticLines)")
        // Before 10 June 2021 no such delay was in force.
        let before = try configuration("[[dossier]]\nid = \"cpf-1\"\nproposed = 2021-06-01\nstart = 2021-06-02\n")
        #expect(before.diagnostics.isEmpty, "\(before.diagnosticLines)")
    }

    @Test func datesGoingBackwardsAreSaidAtTheirPlaceAndTheRestOfTheFilePlans() throws {
        let config = try configuration(
            """
            [[deadline]]
            id = "cv"
            due = 2027-01-15
            remind = ["+0d"]
            follow_up = false

            [[dossier]]
            id = "cpf-1"
            start = 2027-03-01
            end = 2027-02-26
            """)
        #expect(
            config.diagnosticLines == [
                "people/p.toml:11:1: warning: `end` (2027-02-26) comes before `start` (2027-03-01): a dossier's dates "
                    + "follow each other; this dossier is left out until it is corrected, the rest of the file is planned"
            ])
        #expect(config.diagnostics.map(\.code) == ["dossier.dates"])
        #expect(try plan(config) == ["p/cv/+0d": "2027-01-15T09:00:00+01:00"])
    }

    @Test func aDossierIDIsAnItemID() throws {
        let config = try configuration(
            """
            [[deadline]]
            id = "cpf-1"
            due = 2027-01-15

            [[dossier]]
            id = "cpf-1"
            requested = 2026-12-03
            """)
        #expect(config.diagnostics.map(\.code) == ["id.duplicate"])
        #expect(config.person("p") == nil)
    }
}
