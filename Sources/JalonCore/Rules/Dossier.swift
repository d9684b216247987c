/// The steps a CPF dossier derives, each an item of kind `dossier` named `DOSSIER/STEP`.
package enum DossierStep: String, CaseIterable, Sendable {
    /// The provider answers the request: `requested` + the answer delay.
    case answer
    /// The entry is declared: `start` + its delay.
    case entry
    /// The exit, with the service fait, is declared: `end` + its delay.
    case exit
    /// The Caisse des Dépôts has validated the service fait: the declared exit + its delay.
    case serviceFait = "service-fait"
}

/// A `[[dossier]]` of a person: a CPF (Mon Compte Formation) dossier, with the dates known so far.
package struct Dossier: Hashable, Sendable {
    package var id: String
    package var title: String?
    /// `funding`, as written ("cpf" by default).
    package var funding: String
    package var requested: LocalDate?
    package var proposed: LocalDate?
    package var start: LocalDate?
    package var end: LocalDate?
    package var remind: [CalendarDuration]?
    package var to: [Recipient]?
    package var followUp: FollowUp??
    package var onNonWorking: NonWorkingRule?
    /// `done = true` (or a date): every step is finished.
    package var done: Bool
    /// `done = ["answer", "entry"]`: those steps are finished.
    package var stepsDone: Set<DossierStep>
}

/// A person's keys about the end of their bilan (R6313-7, R6313-8).
package struct BilanTerms: Hashable, Sendable {
    /// `retention_consent = true`: the beneficiary agreed in writing that documents be kept; nil when the file does
    /// not say (the item then exists only when `[policy.retention] enabled = true`).
    package var retentionConsent: Bool?
    /// `funding`: "employeur" for a bilan funded by the employer.
    package var funding: String?
    /// `agreement_sent`: when the employer sent the draft three-party agreement.
    package var agreementSent: LocalDate?
    /// `evaluation = true` or `false` turns the evaluation "à froid" on or off for the person; nil: the policy's
    /// `enabled`.
    package var evaluation: Bool?

    package init() {}

    /// Whether the bilan is funded by the employer (`funding = "employeur"`, or "employer").
    package var fundedByEmployer: Bool { funding == "employeur" || funding == "employer" }
}

/// The built-in policies of the kinds the rules derive.
enum RulesPolicies {
    static func builtIn(_ kind: ItemKind) -> Policy {
        func d(_ count: Int, _ unit: CalendarDuration.Unit) -> CalendarDuration { CalendarDuration(count, unit) }
        switch kind {
        case .dossier:
            // A step's deadline is a few working days away: the day before and the day itself, then every working
            // day until it is done.
            return Policy(
                remind: [d(-1, .workday), d(0, .day)], to: [.consultant],
                followUp: FollowUp(every: d(1, .workday), count: 5, to: nil), onNonWorking: .keep,
                after: d(6, .month))
        case .retention:
            return Policy(
                remind: [d(-14, .day), d(0, .day)], to: [.consultant],
                followUp: FollowUp(every: d(7, .day), count: 3, to: nil), onNonWorking: .keep, after: d(6, .month),
                enabled: false)
        case .agreement:
            return Policy(
                remind: [d(-3, .day), d(0, .day)], to: [.consultant], followUp: nil, onNonWorking: .keep,
                after: d(6, .month))
        case .evaluation:
            return Policy(
                remind: [d(0, .day)], to: [.consultant],
                followUp: FollowUp(every: d(14, .day), count: 3, to: nil), onNonWorking: .keep, after: d(6, .month),
                enabled: false)
        case .session, .deadline, .renewal, .suivi:
            return Policy.builtIn(kind)
        }
    }
}
