extension RulesText {
    package var french: FrenchText {
        switch self {
        case .kind(let kind):
            switch kind {
            case .dossier: "démarche CPF"
            case .retention: "destruction des documents"
            case .agreement: "convention tripartite"
            case .evaluation: "évaluation à froid"
            case .session, .deadline, .renewal, .suivi: "\(WordText.kind(kind).french)"
            }
        case .windowStep(let opens):
            opens ? "ouverture de la fenêtre de renouvellement" : "dernier jour pour demander le renouvellement"
        case .dossierStep(let step, let dossier):
            switch step {
            case .answer: "Répondre à la demande CPF — \(dossier)"
            case .entry: "Déclarer l'entrée en formation — \(dossier)"
            case .exit: "Déclarer la sortie et le service fait — \(dossier)"
            case .serviceFait: "Vérifier la validation du service fait — \(dossier)"
            }
        case .retentionTitle(nil):
            "Détruire les documents du bilan (R6313-7)"
        case .retentionTitle(let kept?):
            "Détruire les documents du bilan conservés avec l'accord écrit du bénéficiaire (au plus \(durationText(kept)), R6313-7)"
        case .agreementTitle:
            "Fin du délai de signature de la convention tripartite (R6313-8 : le silence vaut refus)"
        case .evaluationTitle:
            "Évaluation à froid du bilan"
        case .when(let kind, let day):
            switch kind {
            case .evaluation: "prévue le \(day)"
            default: "au plus tard le \(day)"
            }
        case .mailHeading(let kind):
            switch kind {
            case .dossier: "Démarche CPF"
            case .retention: "Destruction des documents du bilan"
            case .agreement: "Convention tripartite"
            case .evaluation: "Évaluation à froid"
            case .session, .deadline, .renewal, .suivi: "\(WordText.kind(kind).french)"
            }
        case .mailIntro(let kind, let past):
            switch (kind, past) {
            case (.dossier, false): "Une démarche Mon Compte Formation arrive à échéance (délai en jours ouvrés)."
            case (.dossier, true): "Le délai d'une démarche Mon Compte Formation est passé."
            case (.retention, false): "Les documents d'un bilan de compétences sont à détruire (R6313-7)."
            case (.retention, true): "Les documents d'un bilan de compétences auraient dû être détruits (R6313-7)."
            case (.agreement, false):
                "Le délai de signature de la convention tripartite du bilan approche : sans signature, le silence vaut refus (R6313-8)."
            case (.agreement, true):
                "Le délai de signature de la convention tripartite est passé : sans signature, le salarié est réputé avoir refusé (R6313-8)."
            case (.evaluation, _): "L'évaluation à froid du bilan est à recueillir auprès du bénéficiaire."
            default: "\(WordText.kind(kind).french)"
            }
        }
    }

    private func durationText(_ duration: CalendarDuration) -> String {
        let n = duration.count
        switch duration.unit {
        case .year: return n > 1 ? "\(n) ans" : "\(n) an"
        case .month: return "\(n) mois"
        default: return duration.description
        }
    }
}
