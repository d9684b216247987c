/// The title an item gets when its file gives none, in the settings' language: from its phase, or from what it is.
package enum TitleText: Localizable {
    case phase(Phase)
    /// A session without a phase.
    case appointment
    /// The follow-up interview jalon plans itself six months after a bilan's conclusion (`suivi = true`).
    case bilanFollowUp

    package static var samples: [TitleText] { Phase.allCases.map(TitleText.phase) + [.appointment, .bilanFollowUp] }
}
