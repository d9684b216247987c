extension ArgumentText {
    package var english: String {
        switch self {
        case .notAnEmailAddress(let text): "\"\(text)\" is not an email address"
        }
    }
}
