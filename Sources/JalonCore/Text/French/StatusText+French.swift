extension StatusText {
    package var french: FrenchText {
        switch self {
        case .running(let pid, let since): "jalon tourne (pid \(pid), depuis \(since))"
        case .notRunning(let pid, let lastWrote):
            "jalon ne tourne pas (le pid \(pid) a écrit son état pour la dernière fois à \(lastWrote))"
        case .configuration(let directory, let people, let readAt):
            "configuration : \(directory), \(people) personne(s), lue à \(readAt)"
        case .state(let path): "état : \(path)"
        case .reminders(let pending, let delivered, let missed):
            "rappels : \(pending) en attente, \(delivered) remis et \(missed) manqué(s) depuis le démarrage du démon"
        case .stateNotRecorded(let problem, let waiting):
            "état non enregistré : \(problem) (\(waiting) résultat(s) en attente ; jalon réessaie)"
        case .noNextReminders: "prochains rappels : aucun"
        case .nextReminders: "prochains rappels :"
        case .nextReminder(let due, let id, let title): "  \(due)  \(id)  \(title)"
        case .noProblems: "problèmes : aucun"
        case .problems: "problèmes (les fichiers gardent leur dernière version valide) :"
        case .problem(let problem): "  \(problem)"
        case .noState(let directory): "pas d'état dans \(directory) : `jalon run` y a-t-il déjà démarré ?"
        case .cannotRead(let problem): "impossible de lire l'état : \(problem)"
        case .neverWritten(let path): "le démon n'a pas encore écrit son état dans \(path)"
        case .lineNext(let id, let due): "prochain \(id) à \(due)"
        case .lineNothingPending: "aucun rappel en attente"
        case .linePending(let count): "\(count) en attente"
        case .linePeople(let count): "\(count) personne(s)"
        case .lineConfigurationErrors(let count): "\(count) erreur(s) de configuration"
        case .lineStateNotRecorded(let waiting): "état non enregistré : \(waiting) en attente"
        }
    }
}
