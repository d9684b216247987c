/// Writes a queued invitation at the time of its try (RFC 6047 iMIP): the text, in the person's language, and the
/// calendar, in a `multipart/alternative` message whose calendar part's `method=` is the calendar's METHOD.
///
/// What the invitation says (times, title, place) is what was decided at its SEQUENCE, kept in the queue; who it
/// goes to, the consultant's name and address and the sender are read from the configuration as it is then.
package struct InvitationComposer: Sendable {
    package var context: MailContext

    package init(context: MailContext) {
        self.context = context
    }

    private var settings: Settings { context.settings }

    package func compose(_ job: MailJob, now: Instant) -> MailAssembler.Outcome {
        guard settings.mail.enabled, let from = settings.mail.from else { return .mailOff }
        let request = job.request
        guard let id = request.person, let item = request.item, let start = request.base,
            let sequence = request.sequence, let method = request.method.flatMap(InvitationMethod.init(rawValue:))
        else { return .noAddress }
        // The person as the files say now; a cancellation whose person's file is gone goes to the address it was
        // sent to.
        let person: Person
        if let current = context.people[id] {
            person = current
        } else if let address = request.attendee {
            person = Person(
                id: id, name: request.attendeeName ?? id, email: address, consultant: request.consultant, zone: nil,
                holidays: nil, remindAt: nil, suivi: false, items: [], file: "")
        } else {
            return .noAddress
        }
        guard let email = person.email else { return .noAddress }
        let event = InvitedEvent(
            person: id, item: item, title: request.title ?? item, start: Instant(seconds: start),
            end: request.end.map(Instant.init(seconds:)), zone: request.zone ?? settings.zone.identifier,
            place: request.place)
        let record = InvitationRecord(event: event, sequence: sequence, method: method)
        let composer = MailComposer(settings: settings, templates: context.templates)
        let language = person.language ?? settings.language
        let consultant = composer.consultant(of: person)
        let zone = Zone(identifier: event.zone) ?? settings.zone
        let when = DateText.dayAndTime(zone.local(event.start), language)
        let kind: InvitationText.Kind = method == .cancel ? .cancel : request.update == true ? .update : .request
        let intro = InvitationText.intro(kind, consultant: consultant?.name).text(language)
        let next =
            kind == .cancel
            ? InvitationText.afterCancel(consultant: consultant?.nameForReplies).text(language)
            : LetterText.nextStep(.attend(consultant: consultant?.nameForReplies)).text(language)
        let body =
            [
                LetterText.greeting(name: person.name).text(language), intro,
                InvitationText.details(title: event.title, when: when, place: event.place).text(language), next,
                LetterText.signature(consultant: consultant?.name, sender: from.name).text(language),
                "-- \n" + LetterText.footer(reference: job.key.id).text(language),
            ].joined(separator: "\n\n") + "\n"
        // The organizer is the consultant; without one who has an address, the firm that sends.
        let organizer =
            consultant.flatMap { c in c.email.map { MailAddress(name: c.name, address: $0) } }
            ?? MailAddress(name: from.name, address: from.address)
        let attendee = MailAddress(name: person.name, address: email)
        let ics = InvitationCalendar(
            record: record, organizer: organizer, attendee: attendee,
            summary: ViewText.calendarSummary(kind: .session, title: event.title, person: person.name).text(language),
            description: intro, now: now, language: language
        ).ics()
        let message = MailMessage(
            from: from, to: [attendee],
            subject: InvitationText.subject(kind, title: event.title, when: when).text(language), date: now,
            zone: zone,
            messageID: MailMessage.messageID(
                reminder: job.key.id, due: job.key.reminder.due, domain: MailComposer.domain(of: from.address)),
            body: body, extraHeaders: [(name: "X-Jalon-Reminder", value: job.key.id)],
            replyTo: composer.replyTo(for: email, person: person),
            calendar: CalendarPart(method: method.rawValue, ics: ics))
        return .message(ComposedMail(sender: from.address, recipient: email, message: message.rendered()))
    }
}
