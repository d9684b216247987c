import Foundation
import Testing

@testable import JalonCore

/// Which invitations go: the first, an update when the session moves, a cancellation when it is removed or done
/// before it starts; none without an address, none twice.
@Suite struct InvitationPlannerTests {
    let now = Instant(seconds: 1_788_000_000)  // 2026-08-29
    let planner = InvitationPlanner()

    func event(start: Int64 = 1_788_876_000, place: String? = "Visio", item: String = "s1") -> InvitedEvent {
        InvitedEvent(
            person: "marie", item: item, title: "Entretien préliminaire", start: Instant(seconds: start),
            end: Instant(seconds: start + 7200), zone: "Europe/Paris", place: place)
    }

    func candidate(
        _ event: InvitedEvent, invite: Bool = true, done: Bool = false, reachable: Bool = true
    ) -> InvitationCandidate {
        InvitationCandidate(event: event, invite: invite, done: done, reachable: reachable)
    }

    /// Plans, then records the decisions as the store does, and returns both.
    func step(
        _ known: inout [String: InvitationRecord], _ candidates: [InvitationCandidate], at instant: Instant? = nil
    )
        -> [InvitationPlanner.Decision]
    {
        let decisions = planner.decide(known: known, candidates: candidates, now: instant ?? now)
        for decision in decisions { known[decision.record.uid] = decision.record }
        return decisions
    }

    @Test func aSessionThatFirstAppearsIsARequestAtSequenceZero() throws {
        var known: [String: InvitationRecord] = [:]
        let decisions = step(&known, [candidate(event())])
        let decision = try #require(decisions.first)
        #expect(decisions.count == 1)
        #expect(decision.record.method == .request)
        #expect(decision.record.sequence == 0)
        #expect(decision.record.uid == "marie/s1@jalon.invalid")
        #expect(!decision.isUpdate)
        // Planned again with nothing changed: nothing more.
        #expect(step(&known, [candidate(event())]).isEmpty)
    }

    @Test func aSessionThatMovesIsAnUpdateWithAHigherSequence() throws {
        var known: [String: InvitationRecord] = [:]
        _ = step(&known, [candidate(event())])
        let moved = step(&known, [candidate(event(start: 1_788_962_400))])
        let decision = try #require(moved.first)
        #expect(moved.count == 1)
        #expect(decision.record.method == .request && decision.isUpdate)
        #expect(decision.record.sequence == 1)
        #expect(decision.record.event.start == Instant(seconds: 1_788_962_400))
        // A new place is an update too.
        let elsewhere = step(&known, [candidate(event(start: 1_788_962_400, place: "Salle 2"))])
        #expect(elsewhere.map(\.record.sequence) == [2])
        #expect(step(&known, [candidate(event(start: 1_788_962_400, place: "Salle 2"))]).isEmpty)
    }

    @Test func theCalendarFilesSequenceIsNeverContradicted() {
        var known: [String: InvitationRecord] = [:]
        let first = planner.decide(
            known: known, candidates: [candidate(event())], calendarSequences: ["marie/s1@jalon.invalid": 3], now: now)
        #expect(first.map(\.record.sequence) == [3])
        for decision in first { known[decision.record.uid] = decision.record }
        let moved = planner.decide(
            known: known, candidates: [candidate(event(start: 1_788_962_400))],
            calendarSequences: ["marie/s1@jalon.invalid": 3], now: now)
        #expect(moved.map(\.record.sequence) == [4])
    }

    @Test func aRemovedSessionOrAPersonGoneIsCancelledBeforeItStarts() throws {
        var known: [String: InvitationRecord] = [:]
        _ = step(&known, [candidate(event()), candidate(event(item: "s2"))])
        // s2 removed from the file.
        let decisions = step(&known, [candidate(event())])
        let cancel = try #require(decisions.first)
        #expect(decisions.count == 1)
        #expect(cancel.record.method == .cancel)
        #expect(cancel.record.uid == "marie/s2@jalon.invalid")
        #expect(cancel.record.sequence == 1)
        // What the cancellation says is the session as it was invited.
        #expect(cancel.record.event == event(item: "s2"))
        #expect(step(&known, [candidate(event())]).isEmpty, "cancelled once")
        // The whole person gone.
        #expect(step(&known, []).map(\.record.method) == [.cancel])
    }

    @Test func aSessionMarkedDoneBeforeItStartsIsCancelledAndOneAfterIsNot() {
        var known: [String: InvitationRecord] = [:]
        _ = step(&known, [candidate(event()), candidate(event(item: "s2"))])
        let done = step(&known, [candidate(event(), done: true), candidate(event(item: "s2"))])
        #expect(done.map(\.record.method) == [.cancel])
        #expect(done.map(\.record.uid) == ["marie/s1@jalon.invalid"])
        // Once it has happened, neither done nor removed sends anything.
        let after = Instant(seconds: 1_788_876_000 + 3600)
        #expect(step(&known, [candidate(event(item: "s2"), done: true)], at: after).isEmpty)
        #expect(step(&known, [], at: after).isEmpty)
    }

    @Test func aCancelledSessionThatComesBackIsInvitedAgainWithAHigherSequence() {
        var known: [String: InvitationRecord] = [:]
        _ = step(&known, [candidate(event())])
        _ = step(&known, [candidate(event(), done: true)])
        let again = step(&known, [candidate(event())])
        #expect(again.map(\.record.method) == [.request])
        #expect(again.map(\.record.sequence) == [2])
    }

    @Test func nobodyWithoutAnAddressNothingPastNothingWithoutInvite() {
        var known: [String: InvitationRecord] = [:]
        #expect(step(&known, [candidate(event(), reachable: false)]).isEmpty)
        #expect(step(&known, [candidate(event(), invite: false)]).isEmpty)
        #expect(step(&known, [candidate(event(start: now.seconds - 60))]).isEmpty)
        #expect(known.isEmpty)
        // A person who gets an address is invited then.
        #expect(step(&known, [candidate(event())]).map(\.record.method) == [.request])
        // invite turned off: what was sent stays, nothing is cancelled.
        #expect(step(&known, [candidate(event(start: 1_788_962_400), invite: false)]).isEmpty)
    }

    @Test func candidatesComeFromThePolicyAndTheSessionAndCheckWarnsWithoutAnAddress() throws {
        let dir = try TemporaryDirectory()
        try dir.write("jalon.toml", "timezone = \"Europe/Paris\"\n[policy.session]\ninvite = true\n")
        try dir.write(
            "people/marie.toml",
            """
            name = "Marie Dupont"
            email = "marie@example.org"
            [[session]]
            id = "s1"
            at = 2026-09-08T14:00:00
            duration = "2h"
            [[session]]
            id = "s2"
            at = 2026-09-09T14:00:00
            invite = false
            [[session]]
            id = "s3"
            at = 2026-09-10T14:00:00
            done = true
            """)
        try dir.write("people/paul.toml", "name = \"Paul\"\n[[session]]\nid = \"s1\"\nat = 2026-09-08T10:00:00\n")
        let configuration = try load(dir)
        #expect(
            configuration.diagnostics.map(\.code) == ["person.uninvitable"],
            "\(configuration.diagnosticLines)")
        #expect(configuration.diagnosticLines.first?.hasPrefix("people/paul.toml:1:1: warning: invite = true") == true)
        let candidates = InvitationPlanner.candidates(
            people: configuration.people, settings: configuration.settings,
            isFinished: { item, _ in item == "marie/s1" })
        let byID = Dictionary(uniqueKeysWithValues: candidates.map { ($0.event.person + "/" + $0.event.item, $0) })
        #expect(byID["marie/s1"]?.invite == true && byID["marie/s1"]?.done == true, "done with jalon done")
        #expect(byID["marie/s1"]?.event.end == Instant(seconds: 1_788_868_800 + 7200), "14:00 in Paris is 12:00 UTC")
        #expect(byID["marie/s2"]?.invite == false)
        #expect(byID["marie/s3"]?.done == true)
        #expect(byID["paul/s1"]?.reachable == false)
        // `invite` belongs to sessions: elsewhere it is an unknown key.
        try dir.write("jalon.toml", "[policy.deadline]\ninvite = true\n")
        #expect(try load(dir).diagnostics.contains { $0.code == "key.unknown" })
    }
}
