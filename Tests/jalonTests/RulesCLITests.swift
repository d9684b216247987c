import Foundation
import JalonCore
import Testing

/// `jalon done` and `undone` on the items the rules derive: a dossier's step (`PERSON/DOSSIER/STEP`, or one of its
/// reminders `PERSON/DOSSIER/STEP/REMINDER`) and the bilan's end (`PERSON/bilan/evaluation`).
@Suite(.serialized) struct RulesCLITests {
    func configuration(_ scratch: Scratch) throws -> (config: String, state: String) {
        try scratch.write(
            "c/jalon.toml",
            """
            timezone = "Europe/Paris"
            locale = "en"
            [policy.evaluation]
            enabled = true
            follow_up = false
            """)
        try scratch.write(
            "c/people/p.toml",
            """
            suivi = false
            [[session]]
            id = "conclusion"
            at = 2027-01-12T10:00:00
            phase = "conclusion"
            remind = []
            [[dossier]]
            id = "cpf"
            requested = 2027-01-04
            start = 2027-02-01
            remind = ["+0d"]
            follow_up = false
            """)
        return (scratch.path + "/c", scratch.path + "/state")
    }

    func agendaIDs(_ config: String, _ state: String) throws -> [String] {
        let result = try jalon([
            "agenda", "--config", config, "--state", state, "--from", "2027-01-01", "--days", "365", "--json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let array = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
        return array.compactMap { $0["id"] as? String }
    }

    @Test func doneTakesADossiersStepAndTheBilansEnd() throws {
        let scratch = try Scratch()
        let (config, state) = try configuration(scratch)
        #expect(
            try agendaIDs(config, state) == [
                "p/cpf/answer/+0d", "p/cpf/entry/+0d", "p/bilan/evaluation/+0d",
            ])

        let step = try jalon(["done", "--config", config, "--state", state, "p/cpf/answer"])
        #expect(step.status == 0, "\(step.stderr)")
        #expect(step.stdout.hasPrefix("p/cpf/answer: done"), "\(step.stdout)")
        let reminder = try jalon(["done", "--config", config, "--state", state, "p/cpf/entry/+0d"])
        #expect(reminder.status == 0, "\(reminder.stderr)")
        #expect(reminder.stdout.hasPrefix("p/cpf/entry: done"), "\(reminder.stdout)")
        let evaluation = try jalon(["done", "--config", config, "--state", state, "p/bilan/evaluation"])
        #expect(evaluation.status == 0, "\(evaluation.stderr)")
        #expect(try agendaIDs(config, state).isEmpty)

        let undone = try jalon(["undone", "--config", config, "--state", state, "p/cpf/answer"])
        #expect(undone.status == 0, "\(undone.stderr)")
        #expect(undone.stdout.hasPrefix("p/cpf/answer: no longer done"), "\(undone.stdout)")
        #expect(try agendaIDs(config, state) == ["p/cpf/answer/+0d"])

        let unknown = try jalon(["done", "--config", config, "--state", state, "p/cpf/exit"])
        #expect(unknown.status == 1, "the dossier has no end yet, so no exit step: \(unknown.stdout)")
    }
}
