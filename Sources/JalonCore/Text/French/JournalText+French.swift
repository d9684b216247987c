extension JournalText {
    /// " (why)", or nothing.
    private static func parenthesized(_ cause: CatchUpText?) -> FrenchText { cause.map { " (\($0.french))" } ?? "" }

    /// " ; why", or nothing.
    private static func afterSemicolon(_ cause: CatchUpText?) -> FrenchText { cause.map { " ; \($0.french)" } ?? "" }

    package var french: FrenchText {
        switch self {
        case .reminder(let id, let title, let kind, let at, let away):
            "Rappel \(id) : \(title) — \(WordText.kind(kind).french), \(WordText.dayAndTime(at).french), \(WordText.relative(seconds: away).french)"
        case .followUp(let index, let id, let title, let kind, let at, let away):
            "Relance \(index) \(id) : \(title) — \(WordText.kind(kind).french), \(WordText.dayAndTime(at).french), \(WordText.relative(seconds: away).french)"
        case .late(let id, let title, let kind, let at, let away, let followUp, let cause):
            if let followUp {
                "Rappel en retard (relance \(followUp)) \(id) : \(title) — \(WordText.kind(kind).french), \(WordText.dayAndTime(at).french), \(WordText.relative(seconds: away).french)\(JournalText.parenthesized(cause))"
            } else {
                "Rappel en retard \(id) : \(title) — \(WordText.kind(kind).french), \(WordText.dayAndTime(at).french), \(WordText.relative(seconds: away).french)\(JournalText.parenthesized(cause))"
            }
        case .missed(let id, let title, let due, let reason, let cause):
            "Rappel manqué \(id) (prévu le \(WordText.dayAndTime(due).french)\(JournalText.afterSemicolon(cause))) : \(title) — non envoyé : \(reason.french)"
        case .skipped(let count):
            "\(count) rappel(s) prévu(s) avant que jalon ne connaisse leur élément n'ont pas été envoyés (notés comme ignorés)"
        case .plannedFromLastGoodVersion(let file, let line, let column, let savedAt):
            "\(file):\(line):\(column): ce fichier a des erreurs ; sa personne est planifiée d'après sa dernière version valide, du \(WordText.dayAndTime(savedAt).french)"
        case .startRefused(let errors):
            "jalon.toml a \(errors) erreur(s) : jalon ne démarre pas plutôt que de tourner sur des réglages qui n'ont pas été choisis"
        case .started(let directory):
            "jalon démarre (\(directory))"
        case .stopped:
            "jalon s'arrête"
        case .reloaded(let read, let removed, let errors):
            "configuration relue : \(read) fichier(s) lu(s), \(removed) retiré(s), \(errors) erreur(s)"
        case .configurationDirectoryGone(let directory):
            "\(directory) : le dossier de configuration a disparu ; jalon garde la dernière configuration valide"
        case .configurationDirectoryMissing(let directory):
            "\(directory) : le dossier de configuration est introuvable ; jalon garde la dernière configuration valide"
        case .sendmailUnusable(let problem):
            "\(problem.french) ; les courriels restent en file jusqu'à ce qu'il fonctionne, le journal continue"
        case .cannotRecordState(let problem):
            "impossible d'enregistrer l'état : \(problem) ; jalon continue et réessaie"
        case .stateRecordedAgain(let path):
            "l'état est de nouveau enregistré dans \(path)"
        case .unrecordedAtStop(let count, let problem):
            "\(count) rappel(s) remis n'ont pas pu être enregistrés (\(problem ?? "état indisponible")) ; ils seront remis de nouveau au prochain démarrage"
        case .cannotRecordMail(let id, let problem):
            "impossible d'enregistrer l'envoi de \(id) : \(problem) ; jalon réessaie"
        case .mailDeferred(let id, let recipient, let attempt, let status, let next):
            "envoi du rappel \(id) à \(recipient) reporté (essai \(attempt)) : \(status) ; nouvel essai \(WordText.dayAndTime(next).french)"
        case .mailRefused(let id, let recipient, let attempt, let status, let next, let until):
            "envoi du rappel \(id) à \(recipient) refusé (essai \(attempt)) : \(status) ; nouvel essai \(WordText.dayAndTime(next).french), jusqu'au \(WordText.dayAndTime(until).french), puis il attend jalon retry"
        case .mailGivenUp(let id, let recipient, let attempts, let status):
            "envoi du rappel \(id) à \(recipient) refusé pendant 3 jours (\(attempts) essais) : \(status) ; jalon retry \(id) pour le remettre en file"
        case .mailSentAfterFailing(let id, let recipient, let attempt):
            "envoi du rappel \(id) à \(recipient) réussi à l'essai \(attempt), après des échecs"
        case .mailDropped(let id, let recipient):
            "rappel \(id) non envoyé à \(recipient) : la configuration n'a plus d'adresse pour ce destinataire"
        case .mailOff(let reason):
            MailText.off(reason).french
        case .sendmailPrivilegesLost(let problem):
            MailText.privilegesLost(problem).french
        }
    }
}

extension WordText {
    package var french: FrenchText {
        switch self {
        case .kind(let kind):
            switch kind {
            case .session: "séance"
            case .deadline: "échéance"
            case .renewal: "recyclage"
            case .suivi: "entretien de suivi"
            case .dossier, .retention, .agreement, .evaluation: RulesText.kind(kind).french
            }
        case .relative(let seconds):
            switch Distance(seconds: seconds) {
            case .now: "maintenant"
            case .minutes(let n):
                seconds > 0 ? "dans \(n) minute\(n > 1 ? "s" : "")" : "il y a \(n) minute\(n > 1 ? "s" : "")"
            case .hours(let n):
                seconds > 0 ? "dans \(n) heure\(n > 1 ? "s" : "")" : "il y a \(n) heure\(n > 1 ? "s" : "")"
            case .days(let n): seconds > 0 ? "dans \(n) jour\(n > 1 ? "s" : "")" : "il y a \(n) jour\(n > 1 ? "s" : "")"
            }
        case .dayAndTime(let local):
            "\(DateText.dayAndTime(local, .fr))"
        }
    }
}
