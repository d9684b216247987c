extension CheckText {
    package var english: String {
        switch self {
        case .summary(let directory, let files, let people, let errors, let warnings, let notes):
            "jalon: \(directory): \(count(files, "person file")), \(people == 1 ? "1 person" : "\(people) people") "
                + "loaded, \(count(errors, "error")), \(count(warnings, "warning"))"
                + (notes > 0 ? ", \(count(notes, "note"))" : "")
        }
    }

    private func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
}
