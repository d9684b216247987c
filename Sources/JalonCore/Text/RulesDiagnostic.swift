/// The problems of the renewal catalogue (`[[catalog]]`), of CPF dossiers (`[[dossier]]`) and of the bilan's end
/// keys, as `jalon check` says them (a case of `DiagnosticText`: `.rules(…)`).
package enum RulesDiagnostic: Localizable, Hashable {
    /// A `[[catalog]]` table without `kind`.
    case catalogWithoutKind
    /// A new catalogue kind without `validity`.
    case catalogWithoutValidity(kind: String)
    case catalogValidityNotPositive
    /// A window bound after the expiry (`opens` or `closes` positive).
    case windowAfterExpiry(key: String)
    /// `window = {}`.
    case windowEmpty
    /// `opens` after `closes`.
    case windowBackwards
    /// A key a table of jalon's built-in rules needs (only the tests of the built-in data see it).
    case ruleNeeds(key: String)
    /// A dossier date before the one it follows: `end` before `start`. The dossier is left out.
    case dossierDatesBackwards(later: String, laterDate: LocalDate, earlier: String, earlierDate: LocalDate)
    /// `start` earlier than `proposed` + the least delay of the rules in force.
    case dossierStartTooEarly(start: LocalDate, earliest: LocalDate, minimum: CalendarDuration)
    /// `agreement_sent` on a person whose bilan is not funded by the employer.
    case agreementWithoutEmployer

    package var code: DiagnosticCode {
        switch self {
        case .catalogWithoutKind, .ruleNeeds: .keyMissing
        case .catalogWithoutValidity, .catalogValidityNotPositive: .catalogValidity
        case .windowAfterExpiry, .windowEmpty, .windowBackwards: .catalogWindow
        case .dossierDatesBackwards: .dossierDates
        case .dossierStartTooEarly: .dossierStart
        case .agreementWithoutEmployer: .bilanAgreement
        }
    }

    package static var samples: [RulesDiagnostic] {
        let date = LocalDate(year: 2027, month: 3, day: 1)
        return [
            .catalogWithoutKind, .catalogWithoutValidity(kind: "cnaps"), .catalogValidityNotPositive,
            .windowAfterExpiry(key: "opens"), .windowEmpty, .windowBackwards, .ruleNeeds(key: "effective"),
            .dossierDatesBackwards(
                later: "end", laterDate: date, earlier: "start", earlierDate: LocalDate(year: 2027, month: 3, day: 8)),
            .dossierStartTooEarly(
                start: date, earliest: LocalDate(year: 2027, month: 3, day: 9), minimum: CalendarDuration(11, .workday)),
            .agreementWithoutEmployer,
        ]
    }
}
