extension TitleText {
    package var english: String {
        switch self {
        case .phase(.preliminaire): "Preliminary interview"
        case .phase(.investigation): "Investigation session"
        case .phase(.conclusion): "Conclusion interview"
        case .phase(.suivi): "Follow-up interview"
        case .phase(.accompagnement): "Support session"
        case .appointment: "Appointment"
        case .bilanFollowUp: "Bilan follow-up interview"
        }
    }
}
