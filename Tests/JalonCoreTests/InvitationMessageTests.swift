import Foundation
import Testing

@testable import JalonCore

/// An invitation as a calendar program receives it (RFC 6047): `multipart/alternative`, a text and a `text/calendar`
/// part whose `method=` is the calendar's METHOD, the consultant as ORGANIZER and the person as ATTENDEE; read by
/// CPython's `email` (strict) and Python's `icalendar`, parsers no one here wrote.
@Suite(.enabled(if: PythonMail.available, "Debian's python3 with icalendar is missing (scripts/test installs it)"))
struct InvitationMessageTests {
    func configuration(_ dir: TemporaryDirectory, locale: String = "") throws -> Configuration {
        try dir.write(
            "jalon.toml",
            """
            timezone = "Europe/Paris"
            [mail]
            from = "Cabinet Horizon <suivi@horizon.example>"
            [[consultant]]
            id = "claire"
            name = "Claire Martin"
            email = "claire@horizon.example"
            [policy.session]
            invite = true
            """)
        try dir.write(
            "people/marie.toml",
            """
            name = "Marie Dupont"
            email = "marie@example.org"
            consultant = "claire"
            \(locale)
            [[session]]
            id = "s1"
            at = 2026-09-08T14:00:00
            title = "Entretien préliminaire"
            duration = "90min"
            place = "Visio, salle 2; code 42"
            """)
        let configuration = try load(dir)
        #expect(configuration.diagnostics.isEmpty, "\(configuration.diagnosticLines)")
        return configuration
    }

    /// The messages of the decisions taken at `now` over `known`, as Python reads them.
    func messages(
        _ configuration: Configuration, known: inout [String: InvitationRecord], now: Instant,
        calendarSequences: [String: Int] = [:], in dir: TemporaryDirectory
    ) throws -> [PythonMail] {
        let candidates = InvitationPlanner.candidates(
            people: configuration.people, settings: configuration.settings, isFinished: { _, _ in false })
        let decisions = InvitationPlanner().decide(
            known: known, candidates: candidates, calendarSequences: calendarSequences, now: now)
        let assembler = MailAssembler(
            context: MailContext(
                settings: configuration.settings,
                people: Dictionary(uniqueKeysWithValues: configuration.people.map { ($0.id, $0) })))
        var result: [PythonMail] = []
        for decision in decisions {
            known[decision.record.uid] = decision.record
            let job = try #require(MailQueue.invitation(decision, settings: configuration.settings))
            #expect(job.kind == .invitation && job.key.recipient == .person)
            guard case .message(let mail) = assembler.compose(job, now: now) else {
                Issue.record("no message")
                continue
            }
            #expect(mail.recipient == "marie@example.org")
            #expect(mail.sender == "suivi@horizon.example")
            result.append(
                try PythonMail.parse(
                    mail.message, in: dir, name: "\(job.key.id.replacingOccurrences(of: "/", with: "_")).eml"))
        }
        return result
    }

    @Test func aRequestIsMultipartWithTheMethodOfItsCalendar() throws {
        let dir = try TemporaryDirectory()
        let configuration = try configuration(dir)
        var known: [String: InvitationRecord] = [:]
        let now = Instant(seconds: 1_788_000_000)
        let mail = try #require(try messages(configuration, known: &known, now: now, in: dir).first)
        #expect(mail.defects.isEmpty, "\(mail.defects)")
        #expect(mail.contentType == "multipart/alternative")
        #expect(mail.parts.map(\.contentType) == ["text/plain", "text/calendar"])
        let calendar = try #require(mail.parts.last)
        #expect(calendar.params["method"] == "REQUEST")
        #expect(calendar.params["method"] == mail.method, "the MIME method= is the calendar's METHOD")
        #expect(calendar.params["charset"] == "utf-8")
        #expect(mail.hasTimeZone)
        let event = try #require(mail.events.first)
        #expect(mail.events.count == 1)
        #expect(event.uid == "marie/s1@jalon.invalid")
        #expect(event.sequence == 0)
        #expect(event.tzid == "Europe/Paris")
        #expect(event.start == "2026-09-08T14:00:00+02:00" || event.start == "2026-09-08T14:00:00", "\(event)")
        #expect(event.end?.hasPrefix("2026-09-08T15:30:00") == true, "\(event)")
        #expect(event.location == "Visio, salle 2; code 42")
        #expect(event.organizer == "mailto:claire@horizon.example" && event.organizerName == "Claire Martin")
        #expect(event.attendee == "mailto:marie@example.org" && event.attendeeName == "Marie Dupont")
        #expect(event.status == "CONFIRMED")
        #expect(mail.headers["reply-to"] == "Claire Martin <claire@horizon.example>")
        #expect(
            mail.headers["subject"] == "Invitation\u{202F}: Entretien préliminaire – mardi 8 septembre 2026 à 14 h 00")
        let text = try #require(mail.text)
        #expect(text.hasPrefix("Bonjour Marie Dupont,\n\nClaire Martin vous invite à ce rendez-vous."), "\(text)")
        #expect(text.contains("Quand \u{202F}: mardi 8 septembre 2026 à 14 h 00"), "\(text)")
        #expect(text.contains("\nBien cordialement,\nClaire Martin\nCabinet Horizon\n"), "\(text)")
    }

    @Test func aMoveIsAnUpdateAndARemovalACancelWithTheSameUID() throws {
        let dir = try TemporaryDirectory()
        var configuration = try configuration(dir)
        var known: [String: InvitationRecord] = [:]
        let now = Instant(seconds: 1_788_000_000)
        _ = try messages(configuration, known: &known, now: now, in: dir)
        try dir.write(
            "people/marie.toml",
            """
            name = "Marie Dupont"
            email = "marie@example.org"
            consultant = "claire"
            [[session]]
            id = "s1"
            at = 2026-09-09T10:00:00
            title = "Entretien préliminaire"
            """)
        configuration = try load(dir)
        let update = try #require(try messages(configuration, known: &known, now: now, in: dir).first)
        #expect(update.method == "REQUEST" && update.parts.last?.params["method"] == "REQUEST")
        #expect(update.events.first?.uid == "marie/s1@jalon.invalid")
        #expect(update.events.first?.sequence == 1)
        #expect(update.events.first?.start?.hasPrefix("2026-09-09T10:00:00") == true)
        #expect(update.headers["subject"]?.hasPrefix("Rendez-vous modifié\u{202F}:") == true)
        try dir.write(
            "people/marie.toml", "name = \"Marie Dupont\"\nemail = \"marie@example.org\"\nconsultant = \"claire\"\n")
        configuration = try load(dir)
        let cancel = try #require(try messages(configuration, known: &known, now: now, in: dir).first)
        #expect(cancel.method == "CANCEL" && cancel.parts.last?.params["method"] == "CANCEL")
        #expect(cancel.events.first?.uid == "marie/s1@jalon.invalid")
        #expect(cancel.events.first?.sequence == 2)
        #expect(cancel.events.first?.status == "CANCELLED")
        #expect(cancel.events.first?.start?.hasPrefix("2026-09-09T10:00:00") == true, "the session as it was invited")
        #expect(cancel.text?.contains("Claire Martin a annulé ce rendez-vous.") == true)
    }

    @Test func aFirstInvitationAtTheCalendarFilesHigherSequenceIsStillAnInvitation() throws {
        let dir = try TemporaryDirectory()
        let configuration = try configuration(dir)
        var known: [String: InvitationRecord] = [:]
        let mail = try #require(
            try messages(
                configuration, known: &known, now: Instant(seconds: 1_788_000_000),
                calendarSequences: ["marie/s1@jalon.invalid": 2], in: dir
            ).first)
        #expect(mail.events.first?.sequence == 2)
        #expect(mail.headers["subject"]?.hasPrefix("Invitation\u{202F}:") == true, "\(mail.headers)")
    }

    @Test func aPersonWhoseFileIsRemovedWholeStillGetsTheCancellation() throws {
        let dir = try TemporaryDirectory()
        var configuration = try configuration(dir)
        var known: [String: InvitationRecord] = [:]
        let now = Instant(seconds: 1_788_000_000)
        _ = try messages(configuration, known: &known, now: now, in: dir)
        #expect(known.values.first?.event.attendee?.address == "marie@example.org")
        try FileManager.default.removeItem(atPath: dir.url("people/marie.toml"))
        configuration = try load(dir)
        #expect(configuration.people.isEmpty)
        let cancel = try #require(try messages(configuration, known: &known, now: now, in: dir).first)
        #expect(cancel.method == "CANCEL")
        #expect(cancel.headers["to"] == "Marie Dupont <marie@example.org>")
        #expect(cancel.events.first?.organizer == "mailto:claire@horizon.example", "the same organizer as before")
        #expect(cancel.headers["reply-to"] == "Claire Martin <claire@horizon.example>")
    }

    @Test func anEnglishSpeakingPersonGetsAnEnglishInvitation() throws {
        let dir = try TemporaryDirectory()
        let configuration = try configuration(dir, locale: "locale = \"en\"")
        var known: [String: InvitationRecord] = [:]
        let mail = try #require(
            try messages(configuration, known: &known, now: Instant(seconds: 1_788_000_000), in: dir).first)
        #expect(mail.headers["subject"] == "Invitation: Entretien préliminaire – Tuesday 8 September 2026 at 2:00 pm")
        let text = try #require(mail.text)
        #expect(text.hasPrefix("Hello Marie Dupont,\n\nClaire Martin invites you to this appointment."), "\(text)")
        #expect(!text.contains("\u{202F}"))
    }
}
