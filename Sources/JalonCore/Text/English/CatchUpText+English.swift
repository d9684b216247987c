extension CatchUpText {
    package var english: String {
        switch self {
        case .stopped(let from, let to):
            "jalon was stopped from \(WordText.dayAndTime(from).english) to \(WordText.dayAndTime(to).english)"
        case .interrupted(let lastSeen, let restarted):
            "jalon ended without a clean stop some time after \(WordText.dayAndTime(lastSeen).english) and started again on \(WordText.dayAndTime(restarted).english)"
        case .asleep(let from, let to):
            "the machine was asleep from \(WordText.dayAndTime(from).english) to \(WordText.dayAndTime(to).english)"
        case .clockMoved(let from, let to):
            "the clock was moved from \(WordText.dayAndTime(from).english) to \(WordText.dayAndTime(to).english)"
        case .tooOld:
            "it is older than the catch-up window (catch_up)"
        case .replaced(let id):
            "\(id) goes instead"
        case .superseded(let id, let due):
            "\(id) comes due on \(WordText.dayAndTime(due).english)"
        }
    }
}
