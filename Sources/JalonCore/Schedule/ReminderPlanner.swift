/// An item with everything its reminders need: its base time and the rules that apply to it after merging the
/// item's own keys over its policy.
package struct PlannedItem: Sendable {
    package var person: String
    package var id: String
    package var kind: ItemKind
    package var title: String
    package var base: ZonedTime
    package var remind: [CalendarDuration]
    package var to: [Recipient]
    package var followUp: FollowUp?
    package var onNonWorking: NonWorkingRule
    package var done: Bool
    package var phase: Phase?
    package var place: String?
    package var duration: CalendarDuration?
    /// A renewal's window (from its catalogue entry): two more reminders, when it opens and on its last day.
    package var window: RenewalWindow? = nil

    package var key: String { person + "/" + id }
}

/// Turns people into items and items into reminders (SPEC §5). Pure: no clock, no files.
package struct ReminderPlanner: Sendable {
    package var settings: Settings

    package init(settings: Settings) {
        self.settings = settings
    }

    /// The person's zone and holidays, falling back to the settings'.
    package func calendar(for person: Person) -> WorkCalendar {
        WorkCalendar(zone: person.zone ?? settings.zone, holidays: person.holidays ?? settings.holidays)
    }

    /// The person's items, with the derived follow-up interview (`suivi`) when it exists.
    package func items(of person: Person) -> [PlannedItem] {
        let calendar = calendar(for: person)
        let remindAt = person.remindAt ?? settings.remindAt
        var planned: [PlannedItem] = []
        planned.reserveCapacity(person.items.count + 1)
        var latestConclusion: Instant?
        var hasSuiviSession = false
        for item in person.items {
            let base = baseTime(of: item, calendar: calendar, remindAt: remindAt)
            if item.kind == .session {
                if item.phase == .conclusion, latestConclusion.map({ base.instant > $0 }) ?? true {
                    latestConclusion = base.instant
                }
                if item.phase == .suivi { hasSuiviSession = true }
            }
            let policy = settings.policy(item.kind)
            planned.append(
                PlannedItem(
                    person: person.id, id: item.id, kind: item.kind, title: title(of: item), base: base,
                    remind: item.remind ?? policy.remind, to: item.to ?? policy.to,
                    followUp: item.kind == .session ? nil : (item.followUp ?? policy.followUp),
                    onNonWorking: item.onNonWorking ?? policy.onNonWorking, done: item.done, phase: item.phase,
                    place: item.place, duration: item.duration,
                    window: item.kind == .renewal ? item.trainingKind.flatMap { settings.catalog[$0]?.window } : nil))
        }
        if person.suivi, !hasSuiviSession, let conclusion = latestConclusion {
            let policy = settings.policy(.suivi)
            let date = calendar.zone.local(conclusion).date
            let day = calendar.date(date, plus: policy.after)
            planned.append(
                PlannedItem(
                    person: person.id, id: "suivi", kind: .suivi,
                    title: TitleText.bilanFollowUp.text(settings.language),
                    base: calendar.zoned(LocalDateTime(day, remindAt)), remind: policy.remind, to: policy.to,
                    followUp: policy.followUp, onNonWorking: policy.onNonWorking, done: false, phase: .suivi,
                    place: nil, duration: nil))
        }
        planned += derivedItems(of: person, conclusion: latestConclusion, calendar: calendar, remindAt: remindAt)
        return planned
    }

    /// The items of the person's dossiers and of the end of their bilan, after the file's own.
    private func derivedItems(
        of person: Person, conclusion: Instant?, calendar: WorkCalendar, remindAt: LocalTime
    ) -> [PlannedItem] {
        guard !person.dossiers.isEmpty || conclusion != nil || person.bilan.agreementSent != nil else { return [] }
        var result: [PlannedItem] = []
        let dossiers = DossierPlanner(settings: settings, rules: .builtIn)
        for dossier in person.dossiers {
            result += dossiers.items(of: dossier, person: person, calendar: calendar, remindAt: remindAt)
        }
        result += BilanEndPlanner(settings: settings, rules: .builtIn).items(
            of: person, end: conclusion.map { calendar.zone.local($0).date }, calendar: calendar, remindAt: remindAt)
        return result
    }

    /// Every reminder of `person` due in `window` (all of them by default), in no particular order.
    ///
    /// - Parameter isAcknowledged: whether `jalon done` finished the item `PERSON/ITEM` whose base was this instant.
    package func reminders(
        for person: Person, in window: Range<Instant> = Instant.distantPast..<Instant.distantFuture,
        isAcknowledged: (String, Instant) -> Bool = { _, _ in false }
    ) -> [Reminder] {
        let calendar = calendar(for: person)
        var result: [Reminder] = []
        for item in items(of: person) where !item.done && !isAcknowledged(item.key, item.base.instant) {
            result += reminders(for: item, of: person, calendar: calendar, in: window)
        }
        return result
    }

    /// The reminders of one item due in `window`: one per canonical step of its `remind` list, then its follow-ups.
    package func reminders(
        for item: PlannedItem, of person: Person, calendar: WorkCalendar,
        in window: Range<Instant> = Instant.distantPast..<Instant.distantFuture
    ) -> [Reminder] {
        var result: [Reminder] = []
        let prefix = item.key + "/"
        /// The reminder `offset` from the item's base, moved off a non-working day as the item says, if in `window`.
        func add(_ step: String, _ offset: CalendarDuration, followUpIndex: Int?, to: [String]) {
            let due = calendar.applying(item.onNonWorking, to: calendar.adding(offset, to: item.base))
            guard window.contains(due.instant) else { return }
            result.append(
                Reminder(
                    id: prefix + step, person: person.id, item: item.id, kind: item.kind, step: step,
                    followUpIndex: followUpIndex, due: due.instant, zone: calendar.zone, to: to, title: item.title,
                    base: item.base.instant))
        }
        var steps: [CalendarDuration] = []
        let to = addresses(item.to, of: person)
        for duration in item.remind where !steps.contains(duration) {
            steps.append(duration)
            add(duration.description, duration, followUpIndex: nil, to: to)
        }
        if let followUp = item.followUp, followUp.count > 0 {
            let followUpTo = followUp.to.map { addresses($0, of: person) } ?? to
            for index in 1...followUp.count {
                add("follow-up-\(index)", followUp.every.times(index), followUpIndex: index, to: followUpTo)
            }
        }
        // A renewal's window: on the day it opens and on its last day, counted back from the expiry.
        for (step, offset) in item.window?.steps ?? [] { add(step, offset, followUpIndex: nil, to: to) }
        return result
    }

    /// The email addresses a `to` list names for this person, sorted and without duplicates; recipients without an
    /// address are dropped.
    package func addresses(_ recipients: [Recipient], of person: Person) -> [String] {
        var result: [String] = []
        for recipient in recipients {
            let email: String?
            switch recipient {
            case .person: email = person.email
            case .consultant: email = person.consultant.flatMap { settings.consultants[$0]?.email }
            case .address(let address): email = address
            }
            if let email, !result.contains(email) { result.append(email) }
        }
        return result.count > 1 ? result.sorted() : result
    }

    /// Where an item's reminders count from, as a wall-clock time in the person's zone.
    func baseTime(of item: Item, calendar: WorkCalendar, remindAt: LocalTime) -> ZonedTime {
        switch item.base {
        case .when(.date(let date)), .expires(let date):
            return calendar.zoned(LocalDateTime(date, remindAt))
        case .when(.local(let local)):
            return calendar.zoned(local)
        case .when(.offset(let local, let minutes)):
            let instant = Instant(seconds: local.wallSeconds - Int64(minutes) * 60)
            return ZonedTime(local: calendar.zone.local(instant), instant: instant)
        case .obtained(let date, let validity):
            return calendar.zoned(LocalDateTime(calendar.date(date, plus: validity), remindAt))
        }
    }

    /// The item's title, else a title from what it is.
    func title(of item: Item) -> String {
        if let title = item.title { return title }
        if let kind = item.trainingKind, let entry = settings.catalog[kind] { return entry.title }
        if let phase = item.phase { return TitleText.phase(phase).text(settings.language) }
        return item.kind == .session ? TitleText.appointment.text(settings.language) : item.id
    }
}
