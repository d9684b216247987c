/// What `jalon check` says besides the diagnostics themselves.
package enum CheckText: Localizable {
    /// The one-line summary on standard error.
    case summary(directory: String, files: Int, people: Int, errors: Int, warnings: Int, notes: Int)

    package static var samples: [CheckText] {
        [
            .summary(directory: "/home/claire/.config/jalon", files: 4, people: 4, errors: 0, warnings: 0, notes: 0),
            .summary(directory: "/home/claire/.config/jalon", files: 1, people: 1, errors: 1, warnings: 1, notes: 1),
            .summary(directory: "/home/claire/.config/jalon", files: 3, people: 2, errors: 2, warnings: 3, notes: 2),
        ]
    }
}
