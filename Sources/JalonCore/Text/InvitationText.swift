/// The words of a session's calendar invitation (iMIP): its subject, what it says, what to do.
package enum InvitationText: Localizable {
    /// Which message of the session it is.
    package enum Kind: Hashable, Sendable, CaseIterable {
        /// The first invitation (or one after a cancellation).
        case request
        /// The session moved or changed: an update.
        case update
        case cancel
    }

    /// "Invitation : Entretien préliminaire – mardi 8 septembre 2026 à 14 h 00".
    case subject(Kind, title: String, when: String)
    /// The sentence that opens the message.
    case intro(Kind, consultant: String?)
    /// What, when (in the person's zone), where.
    case details(title: String, when: String, place: String?)
    /// What to do after a cancellation.
    case afterCancel(consultant: String?)

    package static var samples: [InvitationText] {
        Kind.allCases.flatMap { kind in
            [
                .subject(kind, title: "Entretien préliminaire", when: "mardi 8 septembre 2026 à 14 h 00"),
                .intro(kind, consultant: "Claire Martin"), .intro(kind, consultant: nil),
            ]
        } + [
            .details(title: "Entretien préliminaire", when: "mardi 8 septembre 2026 à 14 h 00", place: "Visio"),
            .details(title: "Entretien préliminaire", when: "mardi 8 septembre 2026 à 14 h 00", place: nil),
            .afterCancel(consultant: "Claire Martin"), .afterCancel(consultant: nil),
        ]
    }
}
