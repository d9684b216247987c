extension ProgressText.Phase {
    var english: String {
        switch self {
        case .readingPersonFiles: "reading person files"
        case .computingReminders: "computing reminders"
        }
    }
}

extension ProgressText {
    package var english: String {
        switch self {
        case .started(let phase): "\(phase.english)…"
        case .counting(let phase, let done, let total):
            "\(phase.english): \(ProgressText.grouped(done, separator: ",")) of \(ProgressText.grouped(total, separator: ","))"
        }
    }
}
