extension RulesDiagnostic {
    package var french: FrenchText {
        switch self {
        case .catalogWithoutKind:
            "ce [[catalog]] n'a pas de `kind` : ajoutez kind = \"…\", la valeur que prend `kind` dans un [[training]]"
        case .catalogWithoutValidity(let kind):
            "l'entrée de catalogue \"\(kind)\" n'a pas de durée de validité : ajoutez validity = \"5 ans\" par exemple "
                + "(cette entrée est ignorée)"
        case .catalogValidityNotPositive:
            "la durée de validité doit être positive"
        case .windowAfterExpiry(let key):
            "`\(key)` se compte avant l'expiration : écrivez une durée négative, comme \"-3 mois\""
        case .windowEmpty:
            "la fenêtre de renouvellement est vide : donnez `opens` (au plus tôt), `closes` (au plus tard) ou les deux"
        case .windowBackwards:
            "la fenêtre se ferme avant de s'ouvrir : `opens` doit venir avant `closes`"
        case .ruleNeeds(let key):
            "cette règle n'a pas de `\(key)`"
        case .dossierDatesBackwards(let later, let laterDate, let earlier, let earlierDate):
            "`\(later)` (\(laterDate)) vient avant `\(earlier)` (\(earlierDate)) : les dates d'un dossier se suivent ; "
                + "ce dossier est ignoré jusqu'à correction, le reste du fichier est planifié"
        case .dossierStartTooEarly(let start, let earliest, let minimum):
            "l'entrée en formation le \(start) vient trop tôt : il faut \(minimum.unit == .workday ? "\(minimum.count) jours ouvrés" : minimum.description) après l'envoi de la proposition, "
                + "soit le \(earliest) au plus tôt"
        case .agreementWithoutEmployer:
            "`agreement_sent` ne sert qu'aux bilans financés par l'employeur : ajoutez funding = \"employeur\""
        }
    }
}
