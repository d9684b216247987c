import Foundation
import Testing

@testable import JalonCore

/// The items the rules derive in the mail and the consultant's digest.
@Suite struct RulesMailTests {
    func configuration() throws -> Configuration {
        let dir = try TemporaryDirectory()
        try dir.write(
            "jalon.toml",
            """
            timezone = "Europe/Paris"
            [mail]
            from = "Cabinet <suivi@horizon.example>"
            sendmail = "/bin/true"
            [[consultant]]
            id = "claire"
            email = "claire@horizon.example"
            digest = "08:00"
            """)
        try dir.write(
            "people/p.toml",
            """
            name = "Paul"
            email = "paul@example.org"
            consultant = "claire"
            funding = "employeur"
            agreement_sent = 2027-03-01
            [[dossier]]
            id = "cpf"
            title = "Permis C"
            start = 2027-03-08
            """)
        return try load(dir)
    }

    @Test func aReminderOfADossierStepSaysWhatToDo() throws {
        let config = try configuration()
        #expect(config.diagnostics.isEmpty, "\(config.diagnosticLines)")
        let person = try #require(config.person("p"))
        let reminder = try #require(
            ReminderPlanner(settings: config.settings).reminders(for: person).first { $0.id == "p/cpf/entry/+0d" })
        let context = MailComposer(settings: config.settings, templates: .builtIn).context(
            Scheduler.Delivery(reminder: reminder, outcome: .onTime), person: person,
            now: DeskFixture.paris("2027-03-10T08:00:00+01:00"))
        #expect(context["kind"] as? String == "dossier")
        #expect(context["heading"] as? String == "Démarche CPF")
        #expect(context["title"] as? String == "Déclarer l'entrée en formation — Permis C")
        #expect(
            context["intro"] as? String
                == "Une démarche Mon Compte Formation arrive à échéance (délai en jours ouvrés).")
    }

    @Test func theDigestListsTheWeeksDerivedItems() throws {
        let config = try configuration()
        let now = DeskFixture.paris("2027-03-08T08:00:00+01:00")
        let digest = DigestComposer(composer: MailComposer(settings: config.settings, templates: .builtIn))
        let job = try #require(
            digest.compose(
                for: config.settings.consultants["claire"]!, at: now, people: config.people,
                isFinished: { _, _ in false }))
        let body = quotedPrintableDecoded(job.message)
        // Entry declared by Thursday 11 March (Monday 8 + 3 jours ouvrés); the agreement signed by then too.
        #expect(body.contains("Déclarer l'entrée en formation — Permis C"), "\(body)")
        #expect(body.contains("convention tripartite"), "\(body)")
    }

    /// The text of a quoted-printable message: soft line breaks joined, `=XX` turned back into bytes.
    func quotedPrintableDecoded(_ message: [UInt8]) -> String {
        var out: [UInt8] = []
        var index = 0
        func hex(_ byte: UInt8) -> UInt8? {
            switch byte {
            case 0x30...0x39: byte - 0x30
            case 0x41...0x46: byte - 0x41 + 10
            default: nil
            }
        }
        while index < message.count {
            let byte = message[index]
            if byte == 0x3D, index + 1 < message.count {
                if message[index + 1] == 0x0A {
                    index += 2
                    continue
                }
                if message[index + 1] == 0x0D, index + 2 < message.count, message[index + 2] == 0x0A {
                    index += 3
                    continue
                }
                if index + 2 < message.count, let high = hex(message[index + 1]), let low = hex(message[index + 2]) {
                    out.append(high << 4 | low)
                    index += 3
                    continue
                }
            }
            out.append(byte)
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
