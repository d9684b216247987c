import Foundation
import Testing

@testable import JalonCore

/// The emails a beneficiary reads: a reply reaches their consultant, they are greeted by name, signed by their
/// consultant, told what to do next, in their own language and with that language's typography; and the
/// consultant's digest over a rolling 7 days, with the ids `jalon done` takes.
@Suite struct BeneficiaryMailTests {
    /// French settings; Marie reads French, John (`locale = "en"`) English; both with Claire as consultant.
    func configuration(_ dir: TemporaryDirectory) throws -> Configuration {
        try dir.write(
            "jalon.toml",
            """
            timezone = "Europe/Paris"
            locale = "fr"
            [mail]
            from = "Cabinet Horizon <suivi@horizon.example>"
            [[consultant]]
            id = "claire"
            name = "Claire Martin"
            email = "claire@horizon.example"
            """)
        for (id, name, locale) in [("marie", "Marie Dupont", ""), ("john", "John Smith", "locale = \"en\"\n")] {
            try dir.write(
                "people/\(id).toml",
                """
                name = "\(name)"
                email = "\(id)@example.org"
                consultant = "claire"
                \(locale)
                [[session]]
                id = "s1"
                at = 2026-09-08T14:00:00
                title = "Entretien préliminaire"
                duration = "2h"
                place = "Visio"
                remind = ["-2d"]
                [[deadline]]
                id = "cv"
                title = "Mettre le CV à jour"
                due = 2026-09-10
                remind = ["-3d"]
                """)
        }
        let configuration = try load(dir)
        #expect(configuration.diagnostics.isEmpty, "\(configuration.diagnosticLines)")
        return configuration
    }

    /// The message of `person`'s reminder for `item` to `address`, as CPython reads it.
    func message(
        _ configuration: Configuration, _ person: String, _ item: String, to address: String,
        in dir: TemporaryDirectory
    ) throws -> PythonMail {
        let who = try #require(configuration.person(person))
        let reminder = try #require(
            ReminderPlanner(settings: configuration.settings).reminders(for: who).first { $0.item == item })
        let composed = try #require(
            MailComposer(settings: configuration.settings).compose(
                Scheduler.Delivery(reminder: reminder, outcome: .onTime), person: who, to: address,
                now: reminder.due))
        return try PythonMail.parse(composed.message, in: dir, name: "\(person)-\(item)-\(address).eml")
    }

    @Test(.enabled(if: PythonMail.available, "Debian's python3 with icalendar is missing (scripts/test installs it)"))
    func aBeneficiaryRepliesToTheirConsultantWhoSignsTheMessage() throws {
        let dir = try TemporaryDirectory()
        let configuration = try configuration(dir)
        let mail = try message(configuration, "marie", "s1", to: "marie@example.org", in: dir)
        #expect(mail.defects.isEmpty, "\(mail.defects)")
        #expect(mail.headers["reply-to"] == "Claire Martin <claire@horizon.example>")
        #expect(mail.headers["to"] == "Marie Dupont <marie@example.org>")
        let text = try #require(mail.text)
        #expect(text.hasPrefix("Bonjour Marie Dupont,\n"), "\(text)")
        #expect(
            text.contains("répondez à ce message pour prévenir Claire Martin au plus tôt et convenir d'une autre date"),
            "\(text)")
        #expect(text.contains("\nBien cordialement,\nClaire Martin\nCabinet Horizon\n"), "\(text)")
        // French typography: a narrow no-break space before the colon, never an ordinary one.
        #expect(text.contains("Quand \u{202F}: mardi 8 septembre 2026 à 14 h 00"), "\(text)")
        #expect(text.contains("Durée \u{202F}: 2 h"), "\(text)")
        for mark in [":", ";", "?", "!"] {
            #expect(!text.contains(" " + mark), "an ordinary space before \(mark)")
        }
        #expect(mail.headers["subject"]?.contains("Rendez-vous\u{202F}: Entretien préliminaire") == true)
    }

    @Test(.enabled(if: PythonMail.available, "Debian's python3 with icalendar is missing (scripts/test installs it)"))
    func aDeadlineTellsThePersonToReplyAndTheConsultantTheCommand() throws {
        let dir = try TemporaryDirectory()
        let configuration = try configuration(dir)
        let toMarie = try #require(try message(configuration, "marie", "cv", to: "marie@example.org", in: dir).text)
        #expect(toMarie.contains("répondez à ce message pour le dire à Claire Martin"), "\(toMarie)")
        #expect(!toMarie.contains("jalon done"), "a beneficiary is not told to run a program")
        let mail = try message(configuration, "marie", "cv", to: "claire@horizon.example", in: dir)
        // The consultant's own copy: no Reply-To to themselves, greeted by name, told the command.
        #expect(mail.headers["reply-to"] == nil)
        let toClaire = try #require(mail.text)
        #expect(toClaire.hasPrefix("Bonjour Claire Martin,\n"), "\(toClaire)")
        #expect(toClaire.contains("jalon done marie/cv"), "\(toClaire)")
        #expect(toClaire.contains("\nBien cordialement,\nCabinet Horizon\n"), "\(toClaire)")
    }

    @Test(.enabled(if: PythonMail.available, "Debian's python3 with icalendar is missing (scripts/test installs it)"))
    func anEnglishSpeakingBeneficiaryOfAFrenchFirmReadsEnglish() throws {
        let dir = try TemporaryDirectory()
        let configuration = try configuration(dir)
        #expect(configuration.person("john")?.language == .en)
        #expect(configuration.person("marie")?.language == nil)
        let mail = try message(configuration, "john", "s1", to: "john@example.org", in: dir)
        let text = try #require(mail.text)
        #expect(text.hasPrefix("Hello John Smith,\n"), "\(text)")
        #expect(text.contains("When:      Tuesday 8 September 2026 at 2:00 pm"), "\(text)")
        #expect(text.contains("reply to this message to tell Claire Martin"), "\(text)")
        #expect(text.contains("\nKind regards,\nClaire Martin\nCabinet Horizon\n"), "\(text)")
        #expect(mail.headers["subject"]?.hasPrefix("Appointment: Entretien préliminaire") == true)
        // No French typography in English, not even a narrow space.
        #expect(!text.contains("\u{202F}") && !text.contains(" :"), "\(text)")
        // The consultant's copy of John's reminder is in the firm's language.
        let copy = try #require(try message(configuration, "john", "s1", to: "claire@horizon.example", in: dir).text)
        #expect(copy.hasPrefix("Bonjour Claire Martin,\n"), "\(copy)")
    }

    @Test func localeOnAPersonIsCheckedLikeTheSettingsOne() throws {
        let dir = try TemporaryDirectory()
        try dir.write("people/ana.toml", "name = \"Ana\"\nlocale = \"pt\"\n")
        let configuration = try load(dir)
        #expect(
            configuration.diagnosticLines.contains {
                $0.hasPrefix("people/ana.toml:2:1: error:") && $0.contains("locale")
            })
    }

    @Test(.enabled(if: PythonMail.available, "Debian's python3 with icalendar is missing (scripts/test installs it)"))
    func theDigestCoversARolling7DaysWithTheIdsToMarkDone() throws {
        let dir = try TemporaryDirectory()
        let configuration = try configuration(dir)
        var settings = configuration.settings
        settings.consultants["claire"]?.digest = LocalTime(hour: 8, minute: 0)
        let consultant = try #require(settings.consultants["claire"])
        let composer = DigestComposer(composer: MailComposer(settings: settings))
        // Thursday 3 September 2026, 08:00 in Paris: the session of Tuesday 8 and the deadline of Thursday 10
        // (at 09:00) are within 7 days — today and the 6 days after it, until Wednesday 9 — the deadline is not.
        let day = LocalDate(year: 2026, month: 9, day: 3)
        let at = try #require(composer.instant(of: consultant, on: day))
        let composed = try #require(
            composer.compose(for: consultant, at: at, people: configuration.people, isFinished: { _, _ in false }))
        let mail = try PythonMail.parse(composed.message, in: dir)
        #expect(mail.defects.isEmpty, "\(mail.defects)")
        let text = try #require(mail.text)
        #expect(text.hasPrefix("Bonjour Claire Martin,\n"), "\(text)")
        #expect(text.contains("pour les 7 jours jusqu'au mercredi 9 septembre 2026"), "\(text)")
        #expect(text.contains("mardi 8 septembre 2026 à 14 h 00\u{202F}: Entretien préliminaire"), "\(text)")
        #expect(text.contains("– Marie Dupont – marie/s1\n"), "\(text)")
        #expect(text.contains("– John Smith – john/s1\n"), "\(text)")
        #expect(!text.contains("marie/cv"), "the deadline on the 10th is 7 days away: \(text)")
        #expect(text.contains("jalon done john/s1"), "an example with an id of the list: \(text)")
        // One day later the deadline comes into the window.
        let next = try #require(composer.instant(of: consultant, on: day.adding(days: 1)))
        let later = try #require(
            composer.compose(for: consultant, at: next, people: configuration.people, isFinished: { _, _ in false }))
        let laterText = try #require(try PythonMail.parse(later.message, in: dir, name: "later.eml").text)
        #expect(laterText.contains("Mettre le CV à jour (échéance) – Marie Dupont – marie/cv\n"), "\(laterText)")
    }
}
