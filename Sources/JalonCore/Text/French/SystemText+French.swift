extension SystemText {
    package var french: FrenchText {
        switch self {
        case .noSuchFile: "fichier ou dossier introuvable"
        case .permissionDenied: "permission refusée"
        case .diskFull: "disque plein"
        case .quotaExceeded: "quota de disque dépassé"
        case .readOnlyFileSystem: "système de fichiers en lecture seule"
        case .notADirectory: "un élément du chemin n'est pas un dossier"
        case .isADirectory: "c'est un dossier"
        case .alreadyExists: "le fichier existe déjà"
        case .directoryNotEmpty: "le dossier n'est pas vide"
        case .tooManyOpenFiles: "trop de fichiers ouverts"
        case .nameTooLong: "nom de fichier trop long"
        case .tooManySymbolicLinks: "trop de liens symboliques (une boucle ?)"
        case .inputOutput: "erreur d'entrée-sortie du disque"
        case .busy: "occupé par un autre processus"
        case .outOfMemory: "mémoire insuffisante"
        case .damaged: "contenu endommagé"
        case .notText: "ce n'est pas du texte UTF-8"
        case .fileTooLarge: "fichier trop gros"
        case .timedOut: "délai dépassé"
        case .invalidArgument: "nom ou argument invalide"
        case .notAProgram: "ce n'est pas un programme exécutable"
        case .systemError(let code): "erreur système n° \(code) (errno -l la nomme)"
        case .unknown: "erreur inconnue"
        }
    }
}
