extension SendmailText {
    package var french: FrenchText {
        switch self {
        case .noProgram: "aucun programme sendmail n'est configuré"
        case .cannotRun(let program, let reason): "impossible de lancer sendmail \(program) : \(reason.french)"
        case .cannotPrepare(let reason): "impossible de préparer le message : \(reason.french)"
        case .timedOut(let seconds): "sans réponse après \(seconds) s"
        case .exitStatus(let code): "code de sortie \(code)"
        case .killedBySignal(let signal): "tué par le signal \(signal)"
        }
    }
}
