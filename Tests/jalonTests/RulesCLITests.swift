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

    /// Past items of every new kind (2024) and future ones (2030), whatever today is.
    func desk(_ scratch: Scratch) throws -> String {
        try scratch.write(
            "d/jalon.toml",
            """
            timezone = "Europe/Paris"
            locale = "en"
            [policy.evaluation]
            enabled = true
            """)
        try scratch.write(
            "d/people/p.toml",
            """
            suivi = false
            retention_consent = false
            funding = "employeur"
            agreement_sent = 2024-03-01
            [[session]]
            id = "conclusion"
            at = 2024-01-16T10:00:00
            phase = "conclusion"
            [[dossier]]
            id = "cpf"
            requested = 2024-02-01
            [[training]]
            id = "fco"
            kind = "fco"
            expires = 2031-06-30
            """)
        return scratch.path + "/d"
    }

    func json(_ arguments: [String]) throws -> [[String: Any]] {
        let result = try jalon(arguments)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
    }

    @Test func theNewKindsShowEverywhereWithTheirOwnKind() throws {
        let scratch = try Scratch()
        let config = try desk(scratch)
        let state = scratch.path + "/state"
        let events = try json(["events", "--config", config, "--from", "2024-01-01", "--to", "2032-01-01", "--json"])
        let kinds = Dictionary(events.map { ($0["item"] as? String ?? "", $0["kind"] as? String ?? "") }) { a, _ in a }
        #expect(
            kinds == [
                "conclusion": "session", "cpf/answer": "dossier", "bilan/retention": "retention",
                "bilan/agreement": "agreement", "bilan/evaluation": "evaluation", "fco": "renewal",
            ])
        let overdue = try json(["overdue", "--config", config, "--state", state, "--json"])
        #expect(
            Set(overdue.compactMap { $0["kind"] as? String }) == ["dossier", "retention", "agreement", "evaluation"])
        let agenda = try json([
            "agenda", "--config", config, "--state", state, "--from", "2030-01-01", "--to", "2032-01-01", "--json",
        ])
        #expect(agenda.contains { $0["id"] as? String == "p/fco/window-opens" && $0["kind"] as? String == "renewal" })
        #expect(agenda.contains { $0["id"] as? String == "p/fco/window-closes" })
        let table = try jalon(["agenda", "--config", config, "--state", state, "--from", "2030-06-01", "--days", "60"])
        #expect(table.stdout.contains("renewal window opens"), "\(table.stdout)")
        let show = try jalon(["show", "p", "--config", config, "--state", state])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("Answer the CPF request — cpf"), "\(show.stdout)")
        #expect(show.stdout.contains("Last day to sign the three-party agreement"), "\(show.stdout)")
        let ics = try jalon(["export", "--ics", "--config", config, "--state", state])
        #expect(ics.status == 0, "\(ics.stderr)")
        #expect(ics.stdout.contains("UID:p/cpf/answer@jalon.invalid"), "\(ics.stdout)")
        #expect(ics.stdout.contains("UID:p/bilan/evaluation@jalon.invalid"))
        let kind = try json([
            "events", "--config", config, "--from", "2024-01-01", "--to", "2032-01-01", "--kind", "dossier", "--json",
        ])
        #expect(kind.map { $0["id"] as? String } == ["p/cpf/answer"])
    }
}
