import Foundation
import Testing

@testable import JalonCore

@Suite struct MailTemplatesTests {
    let context: [String: Any] = [
        "title": "Entretien préliminaire", "heading": "Rendez-vous", "when": "mardi 8 septembre 2026 à 14 h 00",
        "when_short": "mardi 8 septembre 2026 à 14 h 00", "relative": "dans 2 jours", "person_name": "Marie Dupont",
        "intro": "Un rendez-vous approche.", "next_step": "En cas d'empêchement, merci de prévenir.", "id": "m/s1/-2d",
        "greeting": "Bonjour Marie Dupont,", "signature": "Bien cordialement,\nClaire Martin",
        "late": false, "follow_up": false,
    ]

    @Test(arguments: [Language.fr, .en])
    func everyBuiltInTemplateRendersWithItsParagraphs(_ language: Language) {
        let templates = MailTemplates.builtIn
        for name in MailTemplates.names {
            #expect(!templates.render(name, language, [:]).isEmpty, "\(name).\(language)")
        }
        var withPlace = context
        withPlace["place"] = "Visio"
        withPlace["duration"] = "2 h"
        for values in [context, withPlace] {
            let body = templates.render("reminder-body", language, values)
            // The paragraph saying what to do stands apart, with or without the optional lines before it.
            #expect(body.contains("\n\n\(context["next_step"]!)\n\n"), "\(body)")
            #expect(body.hasPrefix("Bonjour Marie Dupont,\n\n"), "\(body)")
            #expect(body.contains("\n\nBien cordialement,\nClaire Martin\n\n-- \n"), "\(body)")
            #expect(!body.contains("&"), "no HTML escaping in plain text")
        }
        let digest = templates.render(
            "digest-body", language,
            ["consultant_name": "Claire", "date": "lundi", "sessions": [], "week": [], "overdue": []])
        #expect(!digest.contains("\n\n\n"))
        #expect(digest.components(separatedBy: "\n\n").count >= 5, "\(digest)")
    }

    @Test func aTitleIsNeverHTMLEscaped() {
        var values = context
        values["title"] = "R&D <urgent> \"vite\""
        #expect(MailTemplates.builtIn.render("reminder-subject", .fr, values).contains("R&D <urgent> \"vite\""))
    }

    @Test func overridesAreReadAndBrokenOnesReportedAtTheirLine() throws {
        let dir = try TemporaryDirectory()
        try dir.write("templates/reminder-subject.fr.mustache", "Rappel {{title}}")
        try dir.write("templates/reminder-body.en.mustache", "Hello\n{{#late}}late\n{{/lat}}\n")
        try dir.write("templates/welcome.fr.mustache", "x")
        let (templates, problems) = MailTemplates.load(configurationDirectory: dir.path)
        #expect(templates.render("reminder-subject", .fr, context) == "Rappel Entretien préliminaire")
        #expect(problems.map(\.file) == ["templates/reminder-body.en.mustache", "templates/welcome.fr.mustache"])
        #expect(problems[0].severity == .error)
        #expect(problems[0].position.line == 3)
        #expect(problems[0].message.contains("closed with another name"))
        #expect(problems[1].severity == .warning)
        // The broken one is replaced by the built-in template.
        #expect(templates.render("reminder-body", .en, context).contains("\n  What:      Entretien préliminaire\n"))
    }
}
