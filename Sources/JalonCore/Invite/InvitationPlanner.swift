/// What a session's invitation says: enough to write it again at each try, and to cancel it once the session is
/// gone from the files.
package struct InvitedEvent: Hashable, Sendable {
    package var person: String
    package var item: String
    package var title: String
    package var start: Instant
    package var end: Instant?
    /// The person's zone, in which DTSTART and DTEND are written.
    package var zone: String
    package var place: String?
    /// Who it was sent to, and by which consultant: so that a cancellation still reaches the person when their
    /// whole file is gone. Kept only while the invitation stands (not part of what makes an update).
    package var attendee: MailAddress? = nil
    package var consultant: String? = nil

    package init(
        person: String, item: String, title: String, start: Instant, end: Instant?, zone: String, place: String?,
        attendee: MailAddress? = nil, consultant: String? = nil
    ) {
        self.attendee = attendee
        self.consultant = consultant
        self.person = person
        self.item = item
        self.title = title
        self.start = start
        self.end = end
        self.zone = zone
        self.place = place
    }

    /// The UID, the calendar export's: `PERSON/ITEM@jalon.invalid`.
    package var uid: String { CalendarExport.uid(person: person, item: item) }

    /// A hash of what a change of makes an update: the times, the zone, the title and the place.
    package var fingerprint: Int64 {
        var text = "\(start.seconds)|\(end?.seconds ?? -1)|\(zone)|\(title)|"
        text += place ?? "\u{0}"
        return CalendarSequences.fingerprint(text.utf8)
    }
}

/// The iTIP method of an invitation (RFC 5546 §3.2).
package enum InvitationMethod: String, Sendable, Codable {
    /// The first invitation, or an update (same UID, higher SEQUENCE).
    case request = "REQUEST"
    case cancel = "CANCEL"
}

/// The last invitation a session's person was sent (the state database's `invitation` table).
package struct InvitationRecord: Hashable, Sendable {
    package var event: InvitedEvent
    package var sequence: Int
    package var method: InvitationMethod

    package init(event: InvitedEvent, sequence: Int, method: InvitationMethod) {
        self.event = event
        self.sequence = sequence
        self.method = method
    }

    package var uid: String { event.uid }
}

/// A session as the files say it now, for the invitation planner.
package struct InvitationCandidate: Hashable, Sendable {
    package var event: InvitedEvent
    /// `invite` on the session, else `[policy.session] invite`.
    package var invite: Bool
    /// Done in the file, or with `jalon done`.
    package var done: Bool
    /// The person has an email address.
    package var reachable: Bool

    package init(event: InvitedEvent, invite: Bool, done: Bool, reachable: Bool) {
        self.event = event
        self.invite = invite
        self.done = done
        self.reachable = reachable
    }
}

/// Decides which invitations go (RFC 6047 iMIP, RFC 5546 iTIP), from what the person was last sent and the sessions
/// as the files say now. Pure: the time is a parameter.
///
/// - A session with `invite` whose person has an address, not done and still to come, that was never sent (or was
///   cancelled): a REQUEST.
/// - One whose time, title or place changed since the last REQUEST, still to come: a REQUEST with the same UID and
///   a higher SEQUENCE.
/// - One done, or gone from the files (its item or its person removed), before it starts, after a REQUEST: a
///   CANCEL, SEQUENCE one higher.
/// - Nothing for a session in the past, one whose `invite` was turned off (what was sent stays), or a person
///   without an address.
///
/// Each decision is a new record: planning again from the records it leaves decides nothing more, so an invitation
/// is queued once per (UID, SEQUENCE).
package struct InvitationPlanner: Sendable {
    package struct Decision: Hashable, Sendable {
        package var record: InvitationRecord
        /// Whether it is an update of an invitation already sent (a REQUEST after another).
        package var isUpdate: Bool
    }

    package init() {}

    /// - Parameters:
    ///   - known: the last invitation of each session, by UID.
    ///   - candidates: every session of the files, with or without `invite`.
    ///   - calendarSequences: the SEQUENCE the calendar file gives each UID, when known: an invitation never says
    ///     less, so that the two agree.
    package func decide(
        known: [String: InvitationRecord], candidates: [InvitationCandidate],
        calendarSequences: [String: Int] = [:], now: Instant
    ) -> [Decision] {
        var decisions: [Decision] = []
        var present: Set<String> = []
        for candidate in candidates {
            let event = candidate.event
            let uid = event.uid
            present.insert(uid)
            guard candidate.invite, candidate.reachable else { continue }
            let last = known[uid]
            if candidate.done {
                if let last, last.method == .request, last.event.start > now, event.start > now {
                    decisions.append(
                        Decision(
                            record: InvitationRecord(event: last.event, sequence: last.sequence + 1, method: .cancel),
                            isUpdate: false))
                }
                continue
            }
            guard event.start > now else { continue }
            switch last {
            case nil:
                decisions.append(
                    Decision(
                        record: InvitationRecord(
                            event: event, sequence: max(0, calendarSequences[uid] ?? 0), method: .request),
                        isUpdate: false))
            case let last? where last.method == .cancel || last.event.fingerprint != event.fingerprint:
                let sequence = max(last.sequence + 1, calendarSequences[uid] ?? 0)
                decisions.append(
                    Decision(
                        record: InvitationRecord(event: event, sequence: sequence, method: .request),
                        isUpdate: last.method == .request))
            default:
                break
            }
        }
        // Sessions gone from the files, whose invitation still stands and which were still to come.
        for (uid, last) in known.sorted(by: { bytesPrecede($0.key, $1.key) })
        where !present.contains(uid) && last.method == .request && last.event.start > now {
            decisions.append(
                Decision(
                    record: InvitationRecord(event: last.event, sequence: last.sequence + 1, method: .cancel),
                    isUpdate: false))
        }
        return decisions
    }

    /// The sessions of `people` as candidates, done when the file or `jalon done` says so.
    ///
    /// - Parameter isFinished: whether `jalon done` finished the item (`PERSON/ITEM`, base).
    package static func candidates(
        people: some Sequence<Person>, settings: Settings, isFinished: (String, Instant) -> Bool
    ) -> [InvitationCandidate] {
        let planner = ReminderPlanner(settings: settings)
        let policy = settings.policy(.session).invite
        var candidates: [InvitationCandidate] = []
        for person in people {
            let sessions = person.items.filter { $0.kind == .session }
            guard !sessions.isEmpty else { continue }
            let invites = Dictionary(sessions.map { ($0.id, $0.invite ?? policy) }, uniquingKeysWith: { a, _ in a })
            for event in CalendarEvent.events(of: person, planner: planner, acknowledgedAt: { _, _ in nil })
            where event.kind == .session {
                guard let invite = invites[event.item] else { continue }  // the derived follow-up interview
                let invited = InvitedEvent(
                    person: person.id, item: event.item, title: event.title, start: event.start, end: event.end,
                    zone: event.zone.identifier, place: event.place,
                    attendee: person.email.map { MailAddress(name: person.name, address: $0) },
                    consultant: person.consultant)
                candidates.append(
                    InvitationCandidate(
                        event: invited, invite: invite, done: event.done || isFinished(event.id, event.start),
                        reachable: person.email != nil))
            }
        }
        return candidates
    }
}
