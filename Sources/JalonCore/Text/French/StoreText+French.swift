extension StoreText {
    package var french: FrenchText {
        switch self {
        case .cannotCreateDirectory(let directory): "impossible de créer le dossier d'état \(directory)"
        case .notADirectory(let directory): "le dossier d'état \(directory) n'est pas un dossier"
        case .directoryNotPrivate(let directory):
            "le dossier d'état \(directory) est ouvert aux autres utilisateurs et ne peut pas être rendu privé"
        case .cannotCreateDatabase(let path): "impossible de créer la base d'état \(path)"
        case .damaged(let path): "la base d'état \(path) est endommagée"
        case .damagedOrForeign(let path):
            "la base d'état \(path) est endommagée ou n'est pas une base jalon ; déplacez-la pour repartir de zéro (l'historique des envois serait perdu)"
        case .newerSchema(let path):
            "la base d'état \(path) a été écrite par un jalon plus récent ; mettez jalon à jour pour l'utiliser"
        case .cannotWrite(let path): "impossible d'écrire la base d'état \(path)"
        case .cannotSetUpForWriting(let path):
            "impossible de préparer la base d'état \(path) pour l'écriture (mode WAL)"
        case .cannotUse(let path): "impossible d'utiliser la base d'état \(path)"
        case .failed(let path): "la base d'état \(path) a échoué"
        }
    }
}
