extension InvitationText {
    package var french: FrenchText {
        switch self {
        case .subject(.request, let title, let when): "Invitation : \(title) – \(when)"
        case .subject(.update, let title, let when): "Rendez-vous modifié : \(title) – \(when)"
        case .subject(.cancel, let title, let when): "Rendez-vous annulé : \(title) – \(when)"
        case .intro(.request, let consultant?):
            "\(consultant) vous invite à ce rendez-vous. L'invitation jointe l'ajoute à votre agenda."
        case .intro(.request, nil):
            "Vous êtes invité(e) à ce rendez-vous. L'invitation jointe l'ajoute à votre agenda."
        case .intro(.update, let consultant?):
            "\(consultant) a modifié ce rendez-vous. L'invitation jointe met votre agenda à jour."
        case .intro(.update, nil):
            "Ce rendez-vous a été modifié. L'invitation jointe met votre agenda à jour."
        case .intro(.cancel, let consultant?):
            "\(consultant) a annulé ce rendez-vous. Le message joint le retire de votre agenda."
        case .intro(.cancel, nil):
            "Ce rendez-vous est annulé. Le message joint le retire de votre agenda."
        case .details(let title, let when, let place?):
            "  Quoi   : \(title)\n  Quand  : \(when)\n  Où     : \(place)"
        case .details(let title, let when, nil):
            "  Quoi   : \(title)\n  Quand  : \(when)"
        case .afterCancel(let consultant?):
            "Pour convenir d'une autre date, répondez à ce message : il parviendra à \(consultant)."
        case .afterCancel(nil):
            "Pour convenir d'une autre date, répondez à ce message."
        }
    }
}
