/// The daily digest of a consultant with `digest = "08:00"`: one message a day in place of individual emails —
/// today's sessions, what comes in a rolling 7 days (today and the 6 days after it, in the settings' zone), overdue
/// items not yet done — each with the `PERSON/ITEM` id that `jalon done` takes.
package struct DigestComposer: Sendable {
    package var composer: MailComposer

    package init(composer: MailComposer) {
        self.composer = composer
    }

    private var settings: Settings { composer.settings }

    /// The reminder id a digest is recorded under: `digest/CONSULTANT`, due at the digest's instant.
    package static func key(consultant: String, at instant: Instant) -> ReminderKey {
        ReminderKey(id: "digest/" + consultant, due: instant)
    }

    /// The digest instants of `consultant` on `day`, in the settings' zone.
    package func instant(of consultant: Consultant, on day: LocalDate) -> Instant? {
        guard let time = consultant.digest else { return nil }
        return settings.zone.resolve(LocalDateTime(day, time))
    }

    /// The latest digest instant at or before `now`, and the next one after it.
    package func occurrences(of consultant: Consultant, around now: Instant) -> (last: Instant, next: Instant)? {
        let today = settings.zone.local(now).date
        guard let todays = instant(of: consultant, on: today) else { return nil }
        if todays <= now {
            return (todays, instant(of: consultant, on: today.adding(days: 1))!)
        }
        return (instant(of: consultant, on: today.adding(days: -1))!, todays)
    }

    /// The digest message of `consultant` at `instant`, or nil when mail is off or the consultant has no address.
    ///
    /// - Parameter isFinished: whether an item (`PERSON/ITEM`, base) was finished with `jalon done`.
    package func compose(
        for consultant: Consultant, at instant: Instant, people: [Person],
        isFinished: (String, Instant) -> Bool
    ) -> ComposedMail? {
        guard settings.mail.enabled, let from = settings.mail.from, let email = consultant.email else { return nil }
        let zone = settings.zone
        let today = zone.local(instant).date
        let until = today.adding(days: 6)
        let weekEnd = zone.resolve(LocalDateTime(today.adding(days: 7), LocalTime(hour: 0, minute: 0)))
        let planner = ReminderPlanner(settings: settings)
        var sessions: [(Instant, [String: Any])] = []
        var week: [(Instant, [String: Any])] = []
        let language = settings.language
        for person in people where person.consultant == consultant.id {
            for item in planner.items(of: person) where !item.done && !isFinished(item.key, item.base.instant) {
                let at = item.base.instant
                let local = zone.local(at)
                var entry: [String: Any] = [
                    "title": item.title, "person_name": person.name, "person": person.id, "id": item.key,
                    "kind": WordText.kind(item.kind).text(language),
                ]
                if item.kind == .session, local.date == today {
                    entry["time"] = DateText.time(local.time, language)
                    if let place = item.place { entry["place"] = place }
                    sessions.append((at, entry))
                } else if at >= instant && at < weekEnd {
                    entry["date"] =
                        item.kind == .session
                        ? DateText.dayAndTime(local, language) : DateText.day(local.date, language)
                    week.append((at, entry))
                }
            }
        }
        // What is overdue is the list `jalon overdue` prints for this consultant, in its order.
        let overdue = OverdueList(
            people: people, settings: settings, now: instant, consultant: consultant.id, isFinished: isFinished
        ).events.map { event -> [String: Any] in
            [
                "title": event.title, "person_name": event.personName, "person": event.person, "id": event.id,
                "kind": WordText.kind(event.kind).text(language), "date": DateText.day(event.date, language),
            ]
        }
        let order: ((Instant, [String: Any]), (Instant, [String: Any])) -> Bool = { $0.0 < $1.0 }
        let sessionLines = sessions.sorted(by: order).map(\.1)
        let weekLines = week.sorted(by: order).map(\.1)
        var context: [String: Any] = [
            "consultant_name": consultant.name, "date": DateText.day(today, language),
            "sessions": sessionLines, "week": weekLines,
            "overdue": overdue, "count": sessions.count + week.count + overdue.count,
            "until": DateText.day(until, language),
        ]
        if let first = (sessionLines.first ?? weekLines.first ?? overdue.first)?["id"] { context["example"] = first }
        if let name = from.name { context["sender_name"] = name }
        let key = DigestComposer.key(consultant: consultant.id, at: instant)
        let message = MailMessage(
            from: from, to: [MailAddress(name: consultant.name, address: email)],
            subject: composer.templates.render("digest-subject", settings.language, context), date: instant, zone: zone,
            messageID: MailMessage.messageID(
                reminder: key.id, due: instant, domain: MailComposer.domain(of: from.address)),
            body: composer.templates.render("digest-body", settings.language, context),
            extraHeaders: [(name: "X-Jalon-Digest", value: consultant.id)])
        return ComposedMail(sender: from.address, recipient: email, message: message.rendered())
    }

}
