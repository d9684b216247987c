import Foundation
import Testing

@testable import JalonCore

/// The `invitation` table: what each person was last sent, recorded with its message in one transaction.
@Suite struct InvitationStoreTests {
    let settings: Settings = {
        var settings = Settings.defaults(zone: Zone(identifier: "Europe/Paris")!)
        settings.mail = MailSettings(
            from: MailAddress(name: "Cabinet Horizon", address: "suivi@horizon.example"), sendmail: ["/bin/true"],
            enabled: true)
        return settings
    }()

    let event = InvitedEvent(
        person: "marie", item: "s1", title: "Entretien", start: Instant(seconds: 1_788_876_000),
        end: Instant(seconds: 1_788_883_200), zone: "Europe/Paris", place: nil,
        attendee: MailAddress(name: "Marie Dupont", address: "marie@example.org"), consultant: "claire")

    @Test func decisionsAndTheirMessagesAreRecordedTogetherOncePerSequence() throws {
        let dir = try TemporaryDirectory()
        let store = try Store(directory: dir.url("state"))
        #expect(try store.invitations().isEmpty)
        let now = Instant(seconds: 1_788_000_000)
        let candidates = [InvitationCandidate(event: event, invite: true, done: false, reachable: true)]
        let decisions = InvitationPlanner().decide(known: try store.invitations(), candidates: candidates, now: now)
        let jobs = decisions.compactMap { MailQueue.invitation($0, settings: settings) }
        #expect(jobs.map(\.key.id) == ["marie/s1/invitation-0"])
        try store.recordInvitations(decisions.map(\.record), mail: jobs, at: now)
        let known = try store.invitations()
        #expect(known["marie/s1@jalon.invalid"] == decisions.first?.record)
        // Planned again from the store: nothing; queued again (a replay): still one message.
        #expect(InvitationPlanner().decide(known: known, candidates: candidates, now: now).isEmpty)
        try store.recordInvitations(decisions.map(\.record), mail: jobs, at: now)
        #expect(try store.mail(in: .pending).filter { $0.kind == .invitation }.count == 1)
        // The person's file gone: a cancellation, which takes the address with it; the table forgets it.
        let cancel = InvitationPlanner().decide(known: known, candidates: [], now: now)
        let cancelJobs = cancel.compactMap { MailQueue.invitation($0, settings: settings) }
        #expect(cancelJobs.first?.request.attendee == "marie@example.org")
        try store.recordInvitations(cancel.map(\.record), mail: cancelJobs, at: now)
        let after = try #require(try store.invitations()["marie/s1@jalon.invalid"])
        #expect(after.method == .cancel && after.sequence == 1)
        #expect(after.event.attendee == nil)
        let pending = try store.mail(in: .pending).filter { $0.kind == .invitation }
        #expect(pending.map(\.key.id).sorted() == ["marie/s1/invitation-0", "marie/s1/invitation-1"])
        // A lower SEQUENCE never replaces a higher one.
        try store.recordInvitations(decisions.map(\.record), mail: [], at: now)
        #expect(try store.invitations()["marie/s1@jalon.invalid"]?.method == .cancel)
    }
}
