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

    /// The steps of a renewal's window and their offsets from the expiry (the item's base): the day it opens and its
    /// last day, those it has.
    var steps: [(step: String, offset: CalendarDuration)] {
        [(Self.opensStep, opens), (Self.closesStep, closes)].compactMap { step, offset in offset.map { (step, $0) } }
    }
}
