/// What the configuration says at the time of a try: everything a queued message is composed from.
package struct MailContext: Sendable {
    package var settings: Settings
    package var templates: MailTemplates
    package var people: [String: Person]
    package var acknowledgements: Set<Acknowledgement>

    package init(
        settings: Settings, templates: MailTemplates = .builtIn, people: [String: Person] = [:],
        acknowledgements: Set<Acknowledgement> = []
    ) {
        self.settings = settings
        self.templates = templates
        self.people = people
        self.acknowledgements = acknowledgements
    }
}

/// Writes a queued message at the time of its try, from the configuration as it is then (SPEC §7): the recipient's
/// address is looked up again (an address corrected in a person file is used), so are names, the sender and the
/// templates. Pure: the time is a parameter.
package struct MailAssembler: Sendable {
    package var context: MailContext

    package init(context: MailContext) {
        self.context = context
    }

    package enum Outcome: Equatable, Sendable {
        case message(ComposedMail)
        /// The recipient has no address any more (the person or consultant lost theirs, or is gone).
        case noAddress
        /// Mail is off: `[mail]` has no `from`, or is disabled.
        case mailOff
    }

    private var settings: Settings { context.settings }

    package func compose(_ job: MailJob, now: Instant) -> Outcome {
        guard settings.mail.enabled, let from = settings.mail.from else {
            // A message written whole by an older jalon carries its own sender.
            if job.kind == .rendered, let message = job.message, let sender = job.request.sender,
                case .address(let address) = job.key.recipient
            {
                return .message(ComposedMail(sender: sender, recipient: address, message: message))
            }
            return .mailOff
        }
        switch job.kind {
        case .reminder:
            return reminder(job, now: now)
        case .digest:
            guard case .namedConsultant(let id) = job.key.recipient, let consultant = settings.consultants[id] else {
                return .noAddress
            }
            let acknowledged = context.acknowledgements
            let composed = DigestComposer(composer: MailComposer(settings: settings, templates: context.templates))
                .compose(
                    for: consultant, at: job.key.reminder.due, people: Array(context.people.values),
                    isFinished: { acknowledged.contains(Acknowledgement(item: $0, base: $1)) })
            return composed.map(Outcome.message) ?? .noAddress
        case .test:
            guard case .address(let address) = job.key.recipient else { return .noAddress }
            return .message(TestMessage(settings: settings).compose(to: address, now: now))
        case .invitation:
            return InvitationComposer(context: context).compose(job, now: now)
        case .rendered:
            guard let message = job.message, case .address(let address) = job.key.recipient else { return .noAddress }
            return .message(
                ComposedMail(sender: job.request.sender ?? from.address, recipient: address, message: message))
        }
    }

    /// A reminder's message: the reminder rebuilt from its stored data, the person and the recipient from the
    /// configuration now.
    private func reminder(_ job: MailJob, now: Instant) -> Outcome {
        let request = job.request
        let person = request.person.flatMap { context.people[$0] }
        let address: String?
        switch job.key.recipient {
        case .person: address = person?.email
        case .consultant: address = settings.consultant(of: person)?.email
        case .namedConsultant(let id): address = settings.consultants[id]?.email
        case .address(let literal): address = literal
        }
        guard let address else { return .noAddress }
        let zone = request.zone.flatMap { Zone(identifier: $0) } ?? settings.zone
        // The title as the file says now, when the item is still there.
        var title = request.title ?? request.item ?? job.key.id
        if let person, let item = person.items.first(where: { $0.id == request.item }) {
            title = ReminderPlanner(settings: settings).title(of: item)
        }
        let reminder = Reminder(
            id: job.key.id, person: request.person ?? "", item: request.item ?? "",
            kind: request.itemKind.flatMap(ItemKind.init(rawValue:)) ?? .deadline, step: request.step ?? "",
            followUpIndex: request.followUp, due: job.key.reminder.due, zone: zone, to: [address], title: title,
            base: Instant(seconds: request.base ?? job.key.reminder.due.seconds))
        let delivery = Scheduler.Delivery(
            reminder: reminder, outcome: request.late == true ? .late : .onTime, cause: request.cause)
        let composer = MailComposer(settings: settings, templates: context.templates)
        return composer.compose(delivery, person: person, to: address, now: now).map(Outcome.message) ?? .mailOff
    }
}

/// The message `jalon test-mail` sends: built like a reminder's, in the configured language.
package struct TestMessage: Sendable {
    package var settings: Settings

    package init(settings: Settings) {
        self.settings = settings
    }

    /// The test message to `address` at `now`; the settings must have a sender (`[mail] from`).
    package func compose(to address: String, now: Instant) -> ComposedMail {
        let from = settings.mail.from ?? MailAddress(name: nil, address: "jalon@localhost")
        let message = MailMessage(
            from: from, to: [MailAddress(name: nil, address: address)],
            subject: MailText.testSubject.text(settings.language), date: now, zone: settings.zone,
            messageID: MailMessage.messageID(
                reminder: "test-mail/\(now.seconds)", due: now,
                domain: MailComposer.domain(of: from.address)),
            body: MailText.testBody(program: settings.mail.sendmail[0]).text(settings.language), extraHeaders: [])
        return ComposedMail(sender: from.address, recipient: address, message: message.rendered())
    }
}
