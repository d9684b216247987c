import Foundation
import Testing

@testable import JalonCore

/// The catalogue of texts: every text exists in French and in English (the exhaustive switches of `Text/French/`
/// and `Text/English/` make a missing one a build error; this writes every case in both), and each follows its
/// language's typography.
@Suite struct CatalogueTests {
    /// Every catalogue, as (name, French texts, English texts), one pair per sample case.
    static let catalogues: [(String, [(fr: String, en: String)])] = [
        ("JournalText", JournalText.samples.map { ($0.text(.fr), $0.text(.en)) }),
        ("WordText", WordText.samples.map { ($0.text(.fr), $0.text(.en)) }),
        ("CatchUpText", CatchUpText.samples.map { ($0.text(.fr), $0.text(.en)) }),
        ("CommandText", CommandText.samples.map { ($0.text(.fr), $0.text(.en)) }),
        ("StatusText", StatusText.samples.map { ($0.text(.fr), $0.text(.en)) }),
        ("MailText", MailText.samples.map { ($0.text(.fr), $0.text(.en)) }),
        ("ViewText", ViewText.samples.map { ($0.text(.fr), $0.text(.en)) }),
        ("DiagnosticText", DiagnosticText.samples.map { ($0.text(.fr), $0.text(.en)) }),
        ("CheckText", CheckText.samples.map { ($0.text(.fr), $0.text(.en)) }),
        ("LetterText", LetterText.samples.map { ($0.text(.fr), $0.text(.en)) }),
        ("InvitationText", InvitationText.samples.map { ($0.text(.fr), $0.text(.en)) }),
        ("SystemText", SystemText.samples.map { ($0.text(.fr), $0.text(.en)) }),
        ("StoreText", StoreText.samples.map { ($0.text(.fr), $0.text(.en)) }),
        ("SendmailText", SendmailText.samples.map { ($0.text(.fr), $0.text(.en)) }),
        ("ProgressText", ProgressText.samples.map { ($0.text(.fr), $0.text(.en)) }),
        ("ArgumentText", ArgumentText.samples.map { ($0.text(.fr), $0.text(.en)) }),
        ("TemplateText", TemplateText.samples.map { ($0.text(.fr), $0.text(.en)) }),
        ("TitleText", TitleText.samples.map { ($0.text(.fr), $0.text(.en)) }),
        ("RulesText", RulesText.samples.map { ($0.text(.fr), $0.text(.en)) }),
        ("RulesDiagnostic", RulesDiagnostic.samples.map { ($0.text(.fr), $0.text(.en)) }),
    ]

    @Test(arguments: catalogues.map(\.0))
    func everyTextIsWrittenInBothLanguages(_ name: String) throws {
        let texts = try #require(CatalogueTests.catalogues.first { $0.0 == name }).1
        #expect(!texts.isEmpty)
        for (fr, en) in texts {
            #expect(!fr.isEmpty && !en.isEmpty)
            #expect(!fr.contains("\u{FFFD}") && !en.contains("\u{FFFD}"))
        }
        // Two cases never share a text: each says something of its own.
        #expect(Set(texts.map(\.fr)).count == texts.count, "\(name): two French texts are the same")
        #expect(Set(texts.map(\.en)).count == texts.count, "\(name): two English texts are the same")
    }

    @Test(arguments: catalogues.map(\.0))
    func frenchPutsANarrowNoBreakSpaceBeforeHighPunctuation(_ name: String) throws {
        let texts = try #require(CatalogueTests.catalogues.first { $0.0 == name }).1
        for (fr, en) in texts {
            for mark in [":", ";", "?", "!"] {
                #expect(!fr.contains(" " + mark), "\(name): \(fr)")
            }
            #expect(!en.contains("\u{202F}"), "\(name): \(en)")
        }
    }

    @Test func typographyTouchesTheLiteralsOnly() {
        let place = "Visio : https://example.org/a?b"
        let text: FrenchText = "Lieu : \(place) ; « Bilan » ! Prêt ?"
        #expect(
            text.text
                == "Lieu\u{202F}: Visio : https://example.org/a?b\u{202F}; «\u{202F}Bilan\u{202F}»\u{202F}! Prêt\u{202F}?"
        )
        let times: FrenchText = "à 14:00, https://x.example/?q"
        #expect(times.text == "à 14:00, https://x.example/?q")
    }

    /// `journalctl -x` explains every kind of entry, in English and in French: systemd/jalon.catalog has both for
    /// each MESSAGE_ID.
    @Test(arguments: JournalEvent.allCases)
    func theJournalCatalogExplainsEveryEvent(_ event: JournalEvent) throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("systemd/jalon.catalog").path
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.contains("-- \(event.messageID)"), "\(event)")
        #expect(lines.contains("-- \(event.messageID) fr"), "\(event)")
    }
}
