/// The words of the emails a person or a consultant receives about a reminder: the greeting, what the item is, the
/// next step (to whom to say what), the signature. The templates (`MailTemplates`) lay them out.
package enum LetterText: Localizable {
    /// "Bonjour Marie Dupont,"; without a name, "Bonjour,".
    case greeting(name: String?)
    /// What kind of item it is, for the subject and the body.
    case heading(ItemKind)
    /// The sentence that opens the message; `past` when the item's time has passed.
    case intro(ItemKind, past: Bool)
    /// What the reader should do now.
    case nextStep(NextStep)
    /// The closing and who signs: the person's consultant, the sender's name (the firm), or jalon.
    case signature(consultant: String?, sender: String?)
    /// A session's length: "2 h", "90 min".
    case duration(count: Int, unit: CalendarDuration.Unit)
    /// The line at the foot of every reminder: sent by jalon, and the reminder's reference.
    case footer(reference: String)

    /// The concrete next step of a reminder, by who reads it.
    package enum NextStep: Hashable, Sendable {
        /// A session, to its person: whom to tell when they cannot come (a reply reaches the consultant).
        case attend(consultant: String?)
        /// A deadline or a renewal, to its person: whom to tell when it is done.
        case reportDone(consultant: String?, id: String)
        /// A deadline or a renewal, to the consultant (or another address): the command that closes it.
        case markDone(id: String)
        /// A session, to the consultant.
        case prepare(person: String)
        /// The follow-up interview, to the consultant: offer a date, then write the session.
        case planSuivi(person: String, id: String)
    }

    package static var samples: [LetterText] {
        [
            .greeting(name: "Marie Dupont"), .greeting(name: nil),
            .signature(consultant: "Claire Martin", sender: "Cabinet Horizon"),
            .signature(consultant: "Claire Martin", sender: nil),
            .signature(consultant: nil, sender: "Cabinet Horizon"),
            .signature(consultant: nil, sender: nil),
            .nextStep(.attend(consultant: "Claire Martin")), .nextStep(.attend(consultant: nil)),
            .nextStep(.reportDone(consultant: "Claire Martin", id: "marie/titre")),
            .nextStep(.reportDone(consultant: nil, id: "marie/titre")), .nextStep(.markDone(id: "marie/titre")),
            .nextStep(.prepare(person: "Marie Dupont")),
            .nextStep(.planSuivi(person: "Marie Dupont", id: "marie/suivi")),
            .footer(reference: "marie/s1/-2d"),
        ] + ItemKind.allCases.flatMap { [.heading($0), .intro($0, past: false)] }
            + [ItemKind.session, .deadline, .renewal].map { .intro($0, past: true) }
            + CalendarDuration.Unit.allCases.flatMap { [.duration(count: 1, unit: $0), .duration(count: 3, unit: $0)] }
    }
}
