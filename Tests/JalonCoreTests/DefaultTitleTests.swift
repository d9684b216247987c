import Foundation
import Testing

@testable import JalonCore

/// An item without a title is named from its phase (or as an appointment) in the settings' language, and the
/// follow-up interview jalon plans itself too.
@Suite struct DefaultTitleTests {
    func titles(locale: String) throws -> [String: String] {
        let dir = try TemporaryDirectory()
        try dir.write("jalon.toml", "locale = \"\(locale)\"\n")
        try dir.write(
            "people/p.toml",
            """
            suivi = true
            [[session]]
            id = "c"
            at = 2026-06-15T10:00:00
            phase = "conclusion"
            [[session]]
            id = "r"
            at = 2026-06-16T10:00:00
            """)
        let config = try load(dir)
        #expect(config.diagnostics.isEmpty, "\(config.diagnosticLines)")
        let reminders = ReminderPlanner(settings: config.settings).reminders(for: try #require(config.person("p")))
        return Dictionary(reminders.map { ($0.item, $0.title) }) { first, _ in first }
    }

    @Test func inFrench() throws {
        #expect(
            try titles(locale: "fr")
                == ["c": "Entretien de conclusion", "r": "Rendez-vous", "suivi": "Entretien de suivi du bilan"])
    }

    @Test func inEnglish() throws {
        #expect(
            try titles(locale: "en")
                == ["c": "Conclusion interview", "r": "Appointment", "suivi": "Bilan follow-up interview"])
    }
}
