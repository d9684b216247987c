extension CatchUpText {
    package var french: FrenchText {
        switch self {
        case .stopped(let from, let to):
            "jalon était arrêté du \(WordText.dayAndTime(from).french) au \(WordText.dayAndTime(to).french)"
        case .interrupted(let lastSeen, let restarted):
            "jalon s'est arrêté sans arrêt propre après le \(WordText.dayAndTime(lastSeen).french) et a redémarré le \(WordText.dayAndTime(restarted).french)"
        case .asleep(let from, let to):
            "la machine était en veille du \(WordText.dayAndTime(from).french) au \(WordText.dayAndTime(to).french)"
        case .clockMoved(let from, let to):
            "l'horloge a été déplacée du \(WordText.dayAndTime(from).french) au \(WordText.dayAndTime(to).french)"
        case .tooOld:
            "il est plus ancien que la fenêtre de rattrapage (catch_up)"
        case .replaced(let id):
            "\(id) part à sa place"
        case .superseded(let id, let due):
            "\(id) arrive le \(WordText.dayAndTime(due).french)"
        }
    }
}
