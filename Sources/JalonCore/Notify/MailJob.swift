/// Who a queued message goes to, as a role rather than an address: each try looks the address up in the
/// configuration as it is then, so that an address corrected in a person file is the one used.
package enum MailRecipient: Hashable, Sendable, CustomStringConvertible {
    /// The reminder's person (`email` in their file).
    case person
    /// The person's consultant (`consultant` in their file, then that `[[consultant]]`'s `email`).
    case consultant
    /// A `[[consultant]]` by id: the recipient of a digest.
    case namedConsultant(String)
    /// An address written as such (in a `to` list, or given to `jalon test-mail`).
    case address(String)

    /// How it is stored: `person`, `consultant`, `consultant:ID`, `address:ADDRESS`.
    package var description: String {
        switch self {
        case .person: "person"
        case .consultant: "consultant"
        case .namedConsultant(let id): "consultant:" + id
        case .address(let address): "address:" + address
        }
    }

    package init?(stored text: String) {
        if text == "person" {
            self = .person
        } else if text == "consultant" {
            self = .consultant
        } else if text.hasPrefix("consultant:") {
            self = .namedConsultant(String(text.dropFirst("consultant:".count)))
        } else if text.hasPrefix("address:") {
            self = .address(String(text.dropFirst("address:".count)))
        } else {
            return nil
        }
    }

    /// What the journal may say of it: the role, never the address (`JALON_RECIPIENT`).
    package var role: String {
        switch self {
        case .person: "person"
        case .consultant, .namedConsultant: "consultant"
        case .address: "address"
        }
    }
}

/// What a queued message is, and what is needed to write it again at each try (never the rendered bytes, except for
/// messages queued by an older jalon).
package enum MailKind: String, Sendable, Codable, CaseIterable {
    /// A reminder's message to one of its recipients.
    case reminder
    /// A consultant's daily digest.
    case digest
    /// A message asked for by `jalon test-mail`: tried once, its outcome read back by the command.
    case test
    /// A message written whole before jalon queued one message per recipient; sent as it was.
    case rendered
    /// A session's calendar invitation to its person (iMIP): a REQUEST, an update or a CANCEL.
    case invitation
}

/// The data a queued message is composed from at each try, as stored in the queue (JSON).
package struct MailRequest: Hashable, Sendable, Codable {
    // A reminder's own data (the reminder may no longer be planned when a retry comes: the item done, the file gone).
    package var person: String?
    package var item: String?
    package var itemKind: String?
    package var step: String?
    package var followUp: Int?
    /// The person's zone, an IANA identifier.
    package var zone: String?
    package var title: String?
    /// When the item itself is, in seconds since 1970.
    package var base: Int64?
    /// Sent late by the catch-up.
    package var late: Bool?
    /// Why it is late, when jalon knows (`LateCause`): its kind and the interval, in seconds since 1970.
    package var lateCause: String?
    package var lateFrom: Int64?
    package var lateTo: Int64?
    /// For `rendered` messages: the envelope sender.
    package var sender: String?
    // An invitation's own data: what it says at its SEQUENCE (the start is `base`).
    package var method: String?
    package var sequence: Int?
    /// A REQUEST that updates one already sent (its text says the appointment changed).
    package var update: Bool?
    package var end: Int64?
    package var place: String?
    /// A cancellation's person and consultant as they were invited: used when the person's file is gone.
    package var attendee: String?
    package var attendeeName: String?
    package var consultant: String?

    package init() {}

    /// The data of a delivered reminder.
    package init(_ delivery: Scheduler.Delivery) {
        let r = delivery.reminder
        person = r.person
        item = r.item
        itemKind = r.kind.rawValue
        step = r.step
        followUp = r.followUpIndex
        zone = r.zone.identifier
        title = r.title
        base = r.base.seconds
        late = delivery.outcome == .late ? true : nil
        if delivery.outcome == .late, let cause = delivery.cause {
            (lateCause, lateFrom, lateTo) = cause.stored
        }
    }

    /// Why the reminder is late, as stored.
    package var cause: LateCause? {
        guard let lateCause, let lateFrom, let lateTo else { return nil }
        return LateCause(stored: lateCause, from: lateFrom, to: lateTo)
    }
}

/// What identifies a queued message: the reminder (or digest, or test) and due instant it belongs to, and its
/// recipient. One reminder with three recipients is three messages: one refused address never holds up the others.
package struct MailKey: Hashable, Sendable, CustomStringConvertible {
    package var reminder: ReminderKey
    package var recipient: MailRecipient

    package init(reminder: ReminderKey, recipient: MailRecipient) {
        self.reminder = reminder
        self.recipient = recipient
    }

    package var id: String { reminder.id }
    package var description: String { "\(reminder) → \(recipient.role)" }
}

/// A message in the queue (the state database's `mail` table): waiting, sent, given up on, or dropped.
package struct MailJob: Hashable, Sendable {
    package enum State: String, Sendable, CaseIterable {
        /// Waiting for its first try or for a retry.
        case pending
        case sent
        /// Refused for 3 days (or, for a test, refused once): waits for `jalon retry`.
        case failed
        /// Its recipient has no address any more in the configuration: nothing to send it to.
        case dropped
    }

    package var key: MailKey
    package var kind: MailKind
    package var request: MailRequest
    /// Only for `rendered` messages.
    package var message: [UInt8]?
    package var state: State = .pending
    package var attempts = 0
    package var nextAttempt = Instant(seconds: 0)
    /// When sendmail first refused it (a status other than 75, a crash or a time-out): the 3 days count from there.
    package var refusedSince: Instant?
    /// What sendmail answered last time ("exit status 1: …"), or why it could not be tried.
    package var lastResult: String?

    package init(key: MailKey, kind: MailKind, request: MailRequest, message: [UInt8]? = nil) {
        self.key = key
        self.kind = kind
        self.request = request
        self.message = message
    }
}

/// Turns what the daemon hands over into queue entries: one per reminder and recipient.
package enum MailQueue {
    /// The messages of a delivered reminder: one per recipient, each named by its role (`person`, `consultant` or an
    /// address written in `to`), less the consultants who get a digest instead. None when mail is off.
    package static func jobs(for delivery: Scheduler.Delivery, person: Person?, settings: Settings) -> [MailJob] {
        guard settings.mail.enabled, settings.mail.from != nil else { return [] }
        let r = delivery.reminder
        let digest = Set(settings.consultants.values.compactMap { $0.digest != nil ? $0.email : nil })
        let consultantEmail = settings.consultant(of: person)?.email
        let request = MailRequest(delivery)
        let reminder = ReminderKey(id: r.id, due: r.due)
        var jobs: [MailJob] = []
        for address in r.to where !digest.contains(address) {
            let recipient: MailRecipient
            if let person, person.email == address {
                recipient = .person
            } else if consultantEmail == address {
                recipient = .consultant
            } else {
                recipient = .address(address)
            }
            jobs.append(
                MailJob(key: MailKey(reminder: reminder, recipient: recipient), kind: .reminder, request: request))
        }
        return jobs
    }

    /// The digest of `consultant` at `instant`, or nil when mail is off or the consultant has no address.
    package static func digest(consultant: Consultant, at instant: Instant, settings: Settings) -> MailJob? {
        guard settings.mail.enabled, settings.mail.from != nil, consultant.email != nil else { return nil }
        return MailJob(
            key: MailKey(
                reminder: DigestComposer.key(consultant: consultant.id, at: instant),
                recipient: .namedConsultant(consultant.id)),
            kind: .digest, request: MailRequest())
    }

    /// The invitation a decision of the `InvitationPlanner` sends the session's person: named by the session and its
    /// SEQUENCE (`PERSON/ITEM/invitation-N`, due at the session's start), so that it is queued once per (UID,
    /// SEQUENCE). None when mail is off.
    package static func invitation(_ decision: InvitationPlanner.Decision, settings: Settings) -> MailJob? {
        guard settings.mail.enabled, settings.mail.from != nil else { return nil }
        let record = decision.record
        let event = record.event
        var request = MailRequest()
        request.person = event.person
        request.item = event.item
        request.itemKind = ItemKind.session.rawValue
        request.step = "invitation-\(record.sequence)"
        request.zone = event.zone
        request.title = event.title
        request.base = event.start.seconds
        request.end = event.end?.seconds
        request.place = event.place
        request.method = record.method.rawValue
        request.sequence = record.sequence
        request.update = decision.isUpdate ? true : nil
        if record.method == .cancel {
            request.attendee = event.attendee?.address
            request.attendeeName = event.attendee?.name
            request.consultant = event.consultant
        }
        let key = ReminderKey(id: event.person + "/" + event.item + "/" + request.step!, due: event.start)
        return MailJob(key: MailKey(reminder: key, recipient: .person), kind: .invitation, request: request)
    }

    /// A test message to `address`, asked for at `now` (`jalon test-mail` through the running daemon).
    package static func test(to address: String, at now: Instant, token: String) -> MailJob {
        MailJob(
            key: MailKey(reminder: ReminderKey(id: "test-mail/" + token, due: now), recipient: .address(address)),
            kind: .test, request: MailRequest())
    }
}
