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

    private var fr: Bool { settings.language == .fr }

    /// The message of a delivered reminder to one of its recipients, or nil when mail is off.
    package func compose(_ delivery: Scheduler.Delivery, person: Person?, to address: String, now: Instant)
        -> ComposedMail?
    {
        guard settings.mail.enabled, let from = settings.mail.from else { return nil }
        let r = delivery.reminder
        let context = context(delivery, person: person, now: now)
        let message = MailMessage(
            from: from, to: [MailAddress(name: displayName(of: address, person: person), address: address)],
            subject: templates.render("reminder-subject", settings.language, context),
            date: now, zone: r.zone,
            messageID: MailMessage.messageID(reminder: r.id, due: r.due, domain: domain(of: from.address)),
            body: templates.render("reminder-body", settings.language, context),
            extraHeaders: [(name: "X-Jalon-Reminder", value: r.id)])
        return ComposedMail(sender: from.address, recipient: address, message: message.rendered())
    }

    /// The values the reminder templates can use.
    package func context(_ delivery: Scheduler.Delivery, person: Person?, now: Instant) -> [String: Any] {
        let r = delivery.reminder
        let base = r.zone.local(r.base)
        let when =
            r.kind == .session
            ? DateText.dayAndTime(base, settings.language) : DateText.day(base.date, settings.language)
        let past = r.base < now
        var context: [String: Any] = [
            "id": r.id, "person": r.person, "item": r.item, "step": r.step, "kind": r.kind.rawValue,
            "title": r.title, "heading": heading(r.kind), "when": when, "when_short": when,
            "relative": JournalMessages(language: settings.language).relative(from: now, to: r.base),
            "due": DateText.dayAndTime(r.zone.local(r.due), settings.language),
            "late": delivery.outcome == .late, "follow_up": r.isFollowUp,
            "intro": intro(r.kind, past: past), "action": action(r.kind, past: past),
            "person_name": person?.name ?? r.person,
        ]
        if let index = r.followUpIndex { context["follow_up_number"] = index }
        if delivery.outcome == .late, let cause = delivery.cause {
            context["late_reason"] = CatchUpText.cause(cause, zone: settings.zone).text(settings.language)
        }
        if let id = person?.consultant, let consultant = settings.consultants[id] {
            context["consultant_name"] = consultant.name
        }
        if let name = settings.mail.from?.name { context["sender_name"] = name }
        if let item = person?.items.first(where: { $0.id == r.item }) {
            if let place = item.place { context["place"] = place }
            if let duration = item.duration { context["duration"] = durationText(duration) }
        }
        return context
    }

    func displayName(of address: String, person: Person?) -> String? {
        if let person, person.email == address { return person.name }
        return settings.consultants.values.first { $0.email == address }?.name
    }

    func domain(of address: String) -> String {
        address.split(separator: "@").last.map(String.init) ?? "localhost"
    }

    func heading(_ kind: ItemKind) -> String {
        switch kind {
        case .session: fr ? "Rendez-vous" : "Appointment"
        case .deadline: fr ? "Échéance" : "Deadline"
        case .renewal: fr ? "Recyclage" : "Renewal"
        case .suivi: fr ? "Entretien de suivi" : "Follow-up interview"
        case .dossier, .retention, .agreement, .evaluation: RulesText.mailHeading(kind).text(settings.language)
        }
    }

    func intro(_ kind: ItemKind, past: Bool) -> String {
        switch (kind, past) {
        case (.session, false): fr ? "Un rendez-vous approche." : "An appointment is coming up."
        case (.session, true): fr ? "Ce rendez-vous a eu lieu." : "This appointment has taken place."
        case (.deadline, false):
            fr ? "Une échéance de la feuille de route approche." : "A deadline of the roadmap is coming up."
        case (.deadline, true):
            fr ? "Une échéance de la feuille de route est passée." : "A deadline of the roadmap has passed."
        case (.renewal, false):
            fr
                ? "Une formation arrive à la fin de sa validité : le recyclage est à prévoir."
                : "A training certificate is about to expire: the refresher course needs planning."
        case (.renewal, true):
            fr ? "Une formation n'est plus valide : le recyclage est à faire." : "A training certificate has expired."
        case (.suivi, _):
            fr
                ? "L'entretien de suivi du bilan de compétences est à organiser (environ six mois après la conclusion)."
                : "The follow-up interview after the skills assessment is due (about six months after its end)."
        case (.dossier, _), (.retention, _), (.agreement, _), (.evaluation, _):
            RulesText.mailIntro(kind, past: past).text(settings.language)
        }
    }

    func action(_ kind: ItemKind, past: Bool) -> String {
        switch kind {
        case .session:
            fr
                ? "En cas d'empêchement, merci de prévenir au plus tôt pour convenir d'une autre date."
                : "If you cannot make it, please say so as soon as possible to agree on another date."
        case .deadline, .renewal:
            fr
                ? "Quand c'est fait, signalez-le : les rappels de cet élément s'arrêteront."
                : "Once it is done, say so: the reminders for this item will stop."
        case .suivi:
            fr
                ? "Proposez une date d'entretien à la personne accompagnée."
                : "Offer the person a date for the interview."
        case .dossier, .retention, .agreement, .evaluation:
            RulesText.mailAction(kind).text(settings.language)
        }
    }

    func durationText(_ duration: CalendarDuration) -> String {
        let n = abs(duration.count)
        let plural = n > 1 ? "s" : ""
        switch duration.unit {
        case .minute: return "\(n) min"
        case .hour: return fr ? "\(n) h" : "\(n) hour\(plural)"
        case .day: return fr ? "\(n) jour\(plural)" : "\(n) day\(plural)"
        case .week: return fr ? "\(n) semaine\(plural)" : "\(n) week\(plural)"
        case .month: return fr ? "\(n) mois" : "\(n) month\(plural)"
        case .year: return fr ? "\(n) an\(plural)" : "\(n) year\(plural)"
        case .workday: return fr ? "\(n) jour\(plural) ouvré\(plural)" : "\(n) working day\(plural)"
        }
    }
}
