extension RulesDiagnostic {
    package var english: String {
        switch self {
        case .catalogWithoutKind:
            "this [[catalog]] has no `kind`: add kind = \"…\", the value a [[training]]'s `kind` takes"
        case .catalogWithoutValidity(let kind):
            "catalogue entry \"\(kind)\" has no validity: add validity = \"5 years\" for instance (the entry is left out)"
        case .catalogValidityNotPositive:
            "the validity must be positive"
        case .windowAfterExpiry(let key):
            "`\(key)` counts back from the expiry: write a negative duration, like \"-3 months\""
        case .windowEmpty:
            "the renewal window is empty: give `opens` (the earliest), `closes` (the latest) or both"
        case .windowBackwards:
            "the window closes before it opens: `opens` must come before `closes`"
        case .ruleNeeds(let key):
            "this rule has no `\(key)`"
        case .dossierDatesBackwards(let later, let laterDate, let earlier, let earlierDate):
            "`\(later)` (\(laterDate)) comes before `\(earlier)` (\(earlierDate)): a dossier's dates follow each other; "
                + "this dossier is left out until it is corrected, the rest of the file is planned"
        case .dossierStartTooEarly(let start, let earliest, let minimum):
            "the training starts too early on \(start): it needs \(minimum.unit == .workday ? "\(minimum.count) working days" : minimum.description) after the proposal was sent, "
                + "so \(earliest) at the earliest"
        case .agreementWithoutEmployer:
            "`agreement_sent` is only for bilans funded by the employer: add funding = \"employeur\""
        }
    }
}
