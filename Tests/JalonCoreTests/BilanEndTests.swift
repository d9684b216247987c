import Foundation
import Testing

@testable import JalonCore

/// The end of a bilan: the destruction of its documents (R6313-7), the signature of the three-party agreement when
/// the employer funds it (R6313-8), and the evaluation "à froid".
@Suite struct BilanEndTests {
    /// A conclusion on Tuesday 15 June 2027 at 14:00, with `extra` keys on the person.
    func plan(_ extra: String, settings: String = "") throws -> (Configuration, [String: String]) {
        let dir = try TemporaryDirectory()
        try dir.write(
            "jalon.toml",
            "locale = \"en\"\n" + settings + "\n[[consultant]]\nid = \"claire\"\nemail = \"c@h.example\"\n")
        try dir.write(
            "people/p.toml",
            """
            consultant = "claire"
            suivi = false
            \(extra)

            [[session]]
            id = "conclusion"
            at = 2027-06-15T14:00:00
            phase = "conclusion"
            remind = []
            """)
        let config = try load(dir)
        var result: [String: String] = [:]
        if let person = config.person("p") {
            for r in ReminderPlanner(settings: config.settings).reminders(for: person) {
                result[r.id] = r.zone.rfc3339(r.due)
            }
        }
        return (config, result)
    }

    @Test func nothingIsDerivedUnlessAsked() throws {
        let (config, due) = try plan("")
        #expect(config.diagnostics.isEmpty, "\(config.diagnosticLines)")
        #expect(due.isEmpty)
    }

    @Test func documentsAreDestroyedAtTheEndWithoutConsent() throws {
        let (config, due) = try plan("retention_consent = false")
        #expect(config.diagnostics.isEmpty, "\(config.diagnosticLines)")
        #expect(
            due == [
                "p/bilan/retention/-14d": "2027-06-01T09:00:00+02:00",
                "p/bilan/retention/+0d": "2027-06-15T09:00:00+02:00",
                "p/bilan/retention/follow-up-1": "2027-06-22T09:00:00+02:00",
                "p/bilan/retention/follow-up-2": "2027-06-29T09:00:00+02:00",
                "p/bilan/retention/follow-up-3": "2027-07-06T09:00:00+02:00",
            ])
        let items = ReminderPlanner(settings: config.settings).items(of: try #require(config.person("p")))
        #expect(items.last?.kind == .retention)
        #expect(items.last?.title == "Destroy the bilan's documents (R6313-7)")
        // The firm's policy turns it on for every bilan.
        let (_, everyone) = try plan(
            "", settings: "[policy.retention]\nenabled = true\nremind = [\"+0d\"]\nfollow_up = false")
        #expect(everyone == ["p/bilan/retention/+0d": "2027-06-15T09:00:00+02:00"])
    }

    @Test func withConsentTheyAreKeptAsLongAsTheRuleInForceAtTheEndAllows() throws {
        let (config, due) = try plan(
            "retention_consent = true", settings: "[policy.retention]\nremind = [\"-30d\", \"+0d\"]\nfollow_up = false")
        #expect(config.diagnostics.isEmpty, "\(config.diagnosticLines)")
        // R6313-7 since 31 December 2023: three years.
        #expect(
            due == [
                "p/bilan/retention/-30d": "2030-05-16T09:00:00+02:00",
                "p/bilan/retention/+0d": "2030-06-15T09:00:00+02:00",
            ])
        let items = ReminderPlanner(settings: config.settings).items(of: try #require(config.person("p")))
        #expect(
            items.last?.title
                == "Destroy the bilan's documents kept with the beneficiary's written consent (at most 3 years, R6313-7)"
        )
    }

    @Test func anEmployerFundedBilanHasTenDaysToSignTheAgreement() throws {
        let (config, due) = try plan("funding = \"employeur\"\nagreement_sent = 2027-03-01")
        #expect(config.diagnostics.isEmpty, "\(config.diagnosticLines)")
        #expect(
            due == [
                "p/bilan/agreement/-3d": "2027-03-08T09:00:00+01:00",
                "p/bilan/agreement/+0d": "2027-03-11T09:00:00+01:00",
            ])
        let reminders = ReminderPlanner(settings: config.settings).reminders(for: try #require(config.person("p")))
        #expect(reminders.allSatisfy { $0.kind == .agreement && $0.to == ["c@h.example"] })
        let (other, nothing) = try plan("funding = \"cpf\"\nagreement_sent = 2027-03-01")
        #expect(other.diagnostics.map(\.code) == ["bilan.agreement"])
        #expect(nothing.isEmpty)
    }

    @Test func theEvaluationComesAfterTheEndWithRelances() throws {
        let (config, due) = try plan("evaluation = true")
        #expect(config.diagnostics.isEmpty, "\(config.diagnosticLines)")
        #expect(
            due == [
                "p/bilan/evaluation/+0d": "2027-12-15T09:00:00+01:00",
                "p/bilan/evaluation/follow-up-1": "2027-12-29T09:00:00+01:00",
                "p/bilan/evaluation/follow-up-2": "2028-01-12T09:00:00+01:00",
                "p/bilan/evaluation/follow-up-3": "2028-01-26T09:00:00+01:00",
            ])
        let (_, threeMonths) = try plan(
            "", settings: "[policy.evaluation]\nenabled = true\nafter = \"3 months\"\nfollow_up = false")
        #expect(threeMonths == ["p/bilan/evaluation/+0d": "2027-09-15T09:00:00+02:00"])
        let (_, off) = try plan("evaluation = false", settings: "[policy.evaluation]\nenabled = true")
        #expect(off.isEmpty)
    }
}
