/// The words of the items the rules derive — renewal windows, CPF dossier steps, the bilan's end — in the agenda,
/// the views, the journal and the mail.
package enum RulesText: Localizable {
    /// The word for a kind the rules derive: "démarche CPF", "CPF step".
    case kind(ItemKind)
    /// The step of a renewal window: "ouverture de la fenêtre de renouvellement".
    case windowStep(opens: Bool)
    /// A dossier step's title: "Déclarer l'entrée en formation — Titre pro DWWM".
    case dossierStep(DossierStep, dossier: String)
    /// The destruction of the bilan's documents, at its end or after `keptFor` with the beneficiary's consent.
    case retentionTitle(keptFor: CalendarDuration?)
    case agreementTitle
    case evaluationTitle
    /// When such an item is due, in the agenda: "à faire au plus tard le jeudi 31 mars".
    case when(ItemKind, String)
    /// A mail's heading.
    case mailHeading(ItemKind)
    /// A mail's first paragraph, before the date (`past`) or after it.
    case mailIntro(ItemKind, past: Bool)

    /// The kinds the rules derive.
    package static let kinds: [ItemKind] = [.dossier, .retention, .agreement, .evaluation]

    package static var samples: [RulesText] {
        var all: [RulesText] = [
            .when(.dossier, "jeudi 31 mars"), .when(.evaluation, "jeudi 31 mars"),
            .windowStep(opens: true), .windowStep(opens: false), .retentionTitle(keptFor: nil),
            .retentionTitle(keptFor: CalendarDuration(3, .year)), .retentionTitle(keptFor: CalendarDuration(1, .year)),
            .agreementTitle, .evaluationTitle,
        ]
        all += DossierStep.allCases.map { .dossierStep($0, dossier: "Titre pro DWWM") }
        for kind in kinds {
            all += [.kind(kind), .mailHeading(kind), .mailIntro(kind, past: false)]
            // The evaluation says the same before and after its date.
            if kind != .evaluation { all.append(.mailIntro(kind, past: true)) }
        }
        return all
    }
}
