extension TitleText {
    package var french: FrenchText {
        switch self {
        case .phase(.preliminaire): "Entretien préliminaire"
        case .phase(.investigation): "Séance d'investigation"
        case .phase(.conclusion): "Entretien de conclusion"
        case .phase(.suivi): "Entretien de suivi"
        case .phase(.accompagnement): "Séance d'accompagnement"
        case .appointment: "Rendez-vous"
        case .bilanFollowUp: "Entretien de suivi du bilan"
        }
    }
}
