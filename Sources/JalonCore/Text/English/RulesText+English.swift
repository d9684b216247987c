extension RulesText {
    package var english: String {
        switch self {
        case .kind(let kind):
            switch kind {
            case .dossier: "CPF step"
            case .retention: "documents to destroy"
            case .agreement: "three-party agreement"
            case .evaluation: "later evaluation"
            case .session, .deadline, .renewal, .suivi: WordText.kind(kind).english
            }
        case .windowStep(let opens):
            opens ? "renewal window opens" : "last day to request the renewal"
        case .dossierStep(let step, let dossier):
            switch step {
            case .answer: "Answer the CPF request — \(dossier)"
            case .entry: "Declare the start of the training — \(dossier)"
            case .exit: "Declare the end and the service fait — \(dossier)"
            case .serviceFait: "Check that the service fait is validated — \(dossier)"
            }
        case .retentionTitle(nil):
            "Destroy the bilan's documents (R6313-7)"
        case .retentionTitle(let kept?):
            "Destroy the bilan's documents kept with the beneficiary's written consent (at most \(durationText(kept)), R6313-7)"
        case .agreementTitle:
            "Last day to sign the three-party agreement (R6313-8: silence is a refusal)"
        case .evaluationTitle:
            "Later evaluation of the bilan"
        case .when(let kind, let day):
            switch kind {
            case .evaluation: "planned \(day)"
            default: "by \(day)"
            }
        case .mailHeading(let kind):
            switch kind {
            case .dossier: "Mon Compte Formation step"
            case .retention: "Destruction of the bilan's documents"
            case .agreement: "Three-party agreement"
            case .evaluation: "Later evaluation"
            case .session, .deadline, .renewal, .suivi: WordText.kind(kind).english
            }
        case .mailIntro(let kind, let past):
            switch (kind, past) {
            case (.dossier, false): "A Mon Compte Formation step is due (a delay in working days)."
            case (.dossier, true): "The delay of a Mon Compte Formation step has passed."
            case (.retention, false): "The documents of a skills assessment are to be destroyed (R6313-7)."
            case (.retention, true): "The documents of a skills assessment should have been destroyed (R6313-7)."
            case (.agreement, false):
                "The delay to sign the three-party agreement is ending: silence is a refusal (R6313-8)."
            case (.agreement, true):
                "The delay to sign the three-party agreement has passed: without a signature, the employee has refused (R6313-8)."
            case (.evaluation, _):
                "The later evaluation of the skills assessment is to be collected from the beneficiary."
            default: WordText.kind(kind).english
            }
        }
    }

    private func durationText(_ duration: CalendarDuration) -> String {
        let n = duration.count
        switch duration.unit {
        case .year: return n > 1 ? "\(n) years" : "\(n) year"
        case .month: return n > 1 ? "\(n) months" : "\(n) month"
        default: return duration.description
        }
    }
}
