extension RenewalWindow {
    /// The step of the reminder on the day the window opens: `PERSON/ITEM/window-opens`.
    package static let opensStep = "window-opens"
    /// The step of the reminder on the last day to ask for the renewal: `PERSON/ITEM/window-closes`.
    package static let closesStep = "window-closes"

    /// The words of a window's step, nil for another step.
    static func stepText(_ step: String) -> RulesText? {
        switch step {
        case opensStep: .windowStep(opens: true)
        case closesStep: .windowStep(opens: false)
        default: nil
        }
    }

    /// The reminders of a renewal's window: on the day it opens and on its last day, counted back from the expiry
    /// (the item's base), to the item's recipients, moved off non-working days as the item's other reminders are.
    func reminders(
        for item: PlannedItem, to: [String], calendar: WorkCalendar, in window: Range<Instant>
    ) -> [Reminder] {
        var result: [Reminder] = []
        for (step, offset) in [(Self.opensStep, opens), (Self.closesStep, closes)] {
            guard let offset else { continue }
            let due = calendar.applying(item.onNonWorking, to: calendar.adding(offset, to: item.base))
            guard window.contains(due.instant) else { continue }
            result.append(
                Reminder(
                    id: item.key + "/" + step, person: item.person, item: item.id, kind: item.kind, step: step,
                    followUpIndex: nil, due: due.instant, zone: calendar.zone, to: to, title: item.title,
                    base: item.base.instant))
        }
        return result
    }
}
