extension ArgumentText {
    package var french: FrenchText {
        switch self {
        case .notAnEmailAddress(let text): "« \(text) » n'est pas une adresse électronique"
        }
    }
}
