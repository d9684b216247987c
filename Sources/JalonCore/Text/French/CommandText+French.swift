extension CommandText {
    package var french: FrenchText {
        switch self {
        case .alreadyRunning(let pid?, let directory):
            "jalon tourne déjà sur \(directory) (pid \(pid)) : un seul démon par dossier d'état"
        case .alreadyRunning(nil, let directory):
            "jalon tourne déjà sur \(directory) : un seul démon par dossier d'état"
        case .cannotLock(let path, let problem):
            "impossible de verrouiller \(path) : \(problem)"
        case .settingsRefused(let errors):
            "jalon.toml a \(errors) erreur(s) : jalon ne démarre pas plutôt que de tourner sur des réglages que vous n'avez pas choisis ; `jalon check` les montre"
        case .configurationDirectoryUnusable(let directory):
            "impossible d'utiliser le dossier de configuration \(directory)"
        case .notAnItem(let argument):
            "« \(argument) » n'est pas PERSONNE/ÉLÉMENT (ou un rappel, PERSONNE/ÉLÉMENT/ÉTAPE), comme marie-dupont/titre-pro"
        case .noPerson(let id, let directory, let suggestion?):
            "aucune personne « \(id) » dans \(directory) (vouliez-vous dire « \(suggestion) » ?)"
        case .noPerson(let id, let directory, nil):
            "aucune personne « \(id) » dans \(directory)"
        case .noItem(let person, let item, let items):
            "\(person) n'a pas d'élément « \(item) » ; ses éléments : \(items.joined(separator: ", "))"
        case .noStep(let item, let step, let steps):
            "\(item) n'a pas de rappel « \(step) » ; ses rappels : \(steps.joined(separator: ", "))"
        case .done(let item, true):
            "\(item) : fait ; ses rappels s'arrêtent (le démon en cours a été prévenu)."
        case .done(let item, false):
            "\(item) : fait ; ses rappels s'arrêtent (aucun démon ne tourne : il le saura au démarrage)."
        case .alreadyDone(let item, let on):
            "\(item) : déjà fait le \(WordText.dayAndTime(on).french)."
        case .doneInFile(let item):
            "\(item) : déjà fait dans son fichier (done = …)."
        case .undone(let item, true):
            "\(item) : n'est plus fait ; ses rappels reprennent (le démon en cours a été prévenu)."
        case .undone(let item, false):
            "\(item) : n'est plus fait ; ses rappels reprennent (aucun démon ne tourne : il le saura au démarrage)."
        case .notDone(let item):
            "\(item) n'est pas marqué fait : rien à reprendre"
        case .undoneInFile(let item):
            "\(item) est fait dans son fichier (done = …) : retirez cette ligne pour le reprendre"
        case .stateUnusable(let problem):
            "impossible d'utiliser l'état : \(problem)"
        case .notATime(let option, let text):
            "\(option) « \(text) » n'est ni une date comme 2026-12-01 ni une date et heure comme 2026-12-01T09:00:00+01:00"
        case .windowReversed(let from, let to):
            "la fenêtre finit (--to \(to)) avant de commencer (--from \(from))"
        case .toAndDays:
            "donnez --to ou --days, pas les deux"
        case .daysOutOfRange(let maximum):
            "--days doit être entre 0 et \(maximum)"
        }
    }
}
