extension InvitationText {
    package var english: String {
        switch self {
        case .subject(.request, let title, let when): "Invitation: \(title) – \(when)"
        case .subject(.update, let title, let when): "Appointment changed: \(title) – \(when)"
        case .subject(.cancel, let title, let when): "Appointment cancelled: \(title) – \(when)"
        case .intro(.request, let consultant?):
            "\(consultant) invites you to this appointment. The invitation attached adds it to your calendar."
        case .intro(.request, nil):
            "You are invited to this appointment. The invitation attached adds it to your calendar."
        case .intro(.update, let consultant?):
            "\(consultant) has changed this appointment. The invitation attached updates your calendar."
        case .intro(.update, nil):
            "This appointment has changed. The invitation attached updates your calendar."
        case .intro(.cancel, let consultant?):
            "\(consultant) has cancelled this appointment. The message attached removes it from your calendar."
        case .intro(.cancel, nil):
            "This appointment is cancelled. The message attached removes it from your calendar."
        case .details(let title, let when, let place?):
            "  What:      \(title)\n  When:      \(when)\n  Where:     \(place)"
        case .details(let title, let when, nil):
            "  What:      \(title)\n  When:      \(when)"
        case .afterCancel(let consultant?):
            "To agree on another date, reply to this message: it will reach \(consultant)."
        case .afterCancel(nil):
            "To agree on another date, reply to this message."
        }
    }
}
