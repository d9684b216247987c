extension ProgressText.Phase {
    var french: FrenchText {
        switch self {
        case .readingPersonFiles: "lecture des fichiers de personne"
        case .computingReminders: "calcul des rappels"
        }
    }
}

extension ProgressText {
    package var french: FrenchText {
        switch self {
        case .started(let phase): "\(phase.french)…"
        case .counting(let phase, let done, let total):
            "\(phase.french) : \(ProgressText.grouped(done, separator: FrenchText.narrowSpace)) sur \(ProgressText.grouped(total, separator: FrenchText.narrowSpace))"
        }
    }
}
