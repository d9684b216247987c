/// After each planning, queues the invitations the sessions call for (`InvitationPlanner`): it reads what each
/// person was last sent, and records the decisions with their messages in one transaction, so that a restart never
/// queues one twice. The mail worker sends them like reminders: retried, and recorded once.
struct InvitationSender {
    /// Plans and queues the invitations of `people` at `now`; returns how many messages were queued.
    ///
    /// Nothing is decided while mail is off (the invitations go once it is on) or without a writable state database
    /// (they are decided at the next reload): an invitation is only ever decided where it can be recorded.
    @discardableResult
    func update(
        settings: Settings, people: some Collection<Person>, acknowledgements: Set<Acknowledgement>, store: Store?,
        now: Instant
    ) -> Int {
        guard let store, settings.mail.enabled, settings.mail.from != nil, let known = try? store.invitations()
        else { return 0 }
        // Most configurations invite nobody: a glance at the files, and no planning at every reload.
        let anyInvite =
            settings.policy(.session).invite || people.contains { $0.items.contains { $0.invite == true } }
        guard anyInvite || !known.isEmpty else { return 0 }
        let candidates = InvitationPlanner.candidates(people: people, settings: settings) {
            acknowledgements.contains(Acknowledgement(item: $0, base: $1))
        }
        let calendar = (try? store.calendarSequences()) ?? [:]
        let decisions = InvitationPlanner().decide(
            known: known, candidates: candidates, calendarSequences: calendar.mapValues(\.sequence), now: now)
        guard !decisions.isEmpty else { return 0 }
        let jobs = decisions.compactMap { MailQueue.invitation($0, settings: settings) }
        do {
            try store.recordInvitations(decisions.map(\.record), mail: jobs, at: now)
        } catch {
            return 0
        }
        return jobs.count
    }
}
