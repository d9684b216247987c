extension CheckText {
    package var french: FrenchText {
        switch self {
        case .summary(let directory, let files, let people, let errors, let warnings, let notes):
            // "jalon:" is the program's name, as every command line tool writes it, not French prose.
            "\("jalon:") \(directory) : \(count(files, "fichier", "fichiers")) de personne, "
                + "\(count(people, "personne chargée", "personnes chargées")), \(count(errors, "erreur", "erreurs")), "
                + "\(count(warnings, "avertissement", "avertissements"))"
                + "\(notes > 0 ? ", " + count(notes, "note", "notes") : "")"
        }
    }

    /// French puts 0 and 1 in the singular.
    private func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n < 2 ? one : many)" }
}
