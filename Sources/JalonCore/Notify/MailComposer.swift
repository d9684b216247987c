/// A message ready for sendmail: the envelope and the bytes.
package struct ComposedMail: Sendable, Equatable {
    package var sender: String
    package var recipient: String
    package var message: [UInt8]
}

/// Turns a delivered reminder into an email (SPEC §7): who, what, when — in the person's zone and the
/// configured language — how long until it, where, and what to do.
package struct MailComposer: Sendable {
    package var settings: Settings
    package var templates: MailTemplates

    package init(settings: Settings, templates: MailTemplates = .builtIn) {
        self.settings = settings
        self.templates = templates
    }

    /// The language of a message to `address`: the person's `locale` when it goes to the person, the settings'
    /// otherwise (a consultant reads the firm's language).
    package func language(to address: String, person: Person?) -> Language {
        if let person, person.email == address { return person.language ?? settings.language }
        return settings.language
    }

    /// The person's consultant, when the file names one that the settings declare.
    func consultant(of person: Person?) -> Consultant? { settings.consultant(of: person) }

    /// Where a reply should go: the person's consultant, for every recipient but the consultant.
    func replyTo(for address: String, person: Person?) -> MailAddress? {
        guard let consultant = consultant(of: person), let email = consultant.email, email != address else {
            return nil
        }
        return MailAddress(name: consultant.name, address: email)
    }

    /// The message of a delivered reminder to one of its recipients, or nil when mail is off.
    package func compose(_ delivery: Scheduler.Delivery, person: Person?, to address: String, now: Instant)
        -> ComposedMail?
    {
        guard settings.mail.enabled, let from = settings.mail.from else { return nil }
        let r = delivery.reminder
        let language = language(to: address, person: person)
        let context = context(delivery, person: person, to: address, now: now)
        let message = MailMessage(
            from: from, to: [MailAddress(name: displayName(of: address, person: person), address: address)],
            subject: templates.render("reminder-subject", language, context),
            date: now, zone: r.zone,
            messageID: MailMessage.messageID(reminder: r.id, due: r.due, domain: MailComposer.domain(of: from.address)),
            body: templates.render("reminder-body", language, context),
            extraHeaders: [(name: "X-Jalon-Reminder", value: r.id)], replyTo: replyTo(for: address, person: person))
        return ComposedMail(sender: from.address, recipient: address, message: message.rendered())
    }

    /// The values the reminder templates can use, for the message to `address` (nil: to nobody in particular, in
    /// the settings' language).
    package func context(_ delivery: Scheduler.Delivery, person: Person?, to address: String? = nil, now: Instant)
        -> [String: Any]
    {
        let r = delivery.reminder
        let language = address.map { self.language(to: $0, person: person) } ?? settings.language
        let base = r.zone.local(r.base)
        let when = r.kind == .session ? DateText.dayAndTime(base, language) : DateText.day(base.date, language)
        let past = r.base < now
        let toPerson = person != nil && address != nil && person?.email == address
        let consultant = consultant(of: person)
        let toConsultant = consultant?.email != nil && consultant?.email == address
        let step = nextStep(
            r, person: person, consultant: consultant, toPerson: toPerson || address == nil && !toConsultant
        ).text(language)
        var context: [String: Any] = [
            "id": r.id, "person": r.person, "item": r.item, "step": r.step, "kind": r.kind.rawValue,
            "title": r.title, "heading": LetterText.heading(r.kind).text(language), "when": when, "when_short": when,
            "relative": WordText.relative(seconds: r.base.seconds - now.seconds).text(language),
            "due": DateText.dayAndTime(r.zone.local(r.due), language),
            "late": delivery.outcome == .late, "follow_up": r.isFollowUp,
            "intro": LetterText.intro(r.kind, past: past).text(language),
            "action": step, "next_step": step,
            "person_name": person?.name ?? r.person,
            "greeting": LetterText.greeting(name: address.flatMap { displayName(of: $0, person: person) }).text(
                language),
            "signature": LetterText.signature(
                consultant: toConsultant ? nil : consultant?.name, sender: settings.mail.from?.name
            ).text(language),
            "footer": LetterText.footer(reference: r.id).text(language),
        ]
        if let index = r.followUpIndex { context["follow_up_number"] = index }
        if delivery.outcome == .late, let cause = delivery.cause {
            context["late_reason"] = CatchUpText.cause(cause, zone: settings.zone).text(language)
        }
        if let consultant { context["consultant_name"] = consultant.name }
        if let name = settings.mail.from?.name { context["sender_name"] = name }
        if let item = person?.items.first(where: { $0.id == r.item }) {
            if let place = item.place { context["place"] = place }
            if let duration = item.duration {
                context["duration"] = LetterText.duration(count: abs(duration.count), unit: duration.unit).text(
                    language)
            }
        }
        return context
    }

    /// What the reader of a reminder should do next: the person says it to their consultant (a reply reaches
    /// them); the consultant gets the command.
    func nextStep(_ r: Reminder, person: Person?, consultant: Consultant?, toPerson: Bool) -> LetterText {
        let told = consultant?.nameForReplies
        let name = person?.name ?? r.person
        let id = r.person + "/" + r.item
        switch (r.kind, toPerson) {
        case (.session, true): return .nextStep(.attend(consultant: told))
        case (.session, false): return .nextStep(.prepare(person: name))
        case (.deadline, true), (.renewal, true), (.dossier, true), (.retention, true), (.agreement, true),
            (.evaluation, true):
            return .nextStep(.reportDone(consultant: told, id: id))
        case (.deadline, false), (.renewal, false), (.dossier, false), (.retention, false), (.agreement, false),
            (.evaluation, false):
            return .nextStep(.markDone(id: id))
        case (.suivi, _): return .nextStep(.planSuivi(person: name, id: id))
        }
    }

    func displayName(of address: String, person: Person?) -> String? {
        if let person, person.email == address { return person.name }
        return settings.consultants.values.first { $0.email == address }?.name
    }

    static func domain(of address: String) -> String {
        address.split(separator: "@").last.map(String.init) ?? "localhost"
    }
}
