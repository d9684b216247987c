import Foundation
import Testing

@testable import JalonCore

/// The renewal catalogue as data (`Sources/JalonCore/Rules/catalog.toml`), `[[catalog]]` in jalon.toml, and the
/// reminders of renewal windows.
@Suite struct RenewalCatalogTests {
    static let dataFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/JalonCore/Rules/catalog.toml")

    @Test func theBuiltInCatalogueIsTheDataFileWithASourceAndADateForEveryEntry() throws {
        let text = try String(contentsOf: Self.dataFile, encoding: .utf8)
        let (entries, problems) = RenewalCatalog.parse(text)
        #expect(problems.isEmpty, "\(problems.map { $0.text(.en) })")
        let tables = text.split(separator: "\n").filter { $0 == "[[catalog]]" }.count
        #expect(entries.count == tables)
        // The compiled-in text is the file's.
        #expect(RenewalCatalog.builtIn == entries)
        for entry in entries.values {
            #expect(entry.source.map { !$0.isEmpty } == true, "\(entry.kind) cites no source")
            #expect(entry.checked != nil, "\(entry.kind) has no checked date")
        }
    }

    @Test func theSpecificationsKindsKeepTheirTitleAndValidity() {
        let catalog = RenewalCatalog.builtIn
        let expected: [(String, String, CalendarDuration)] = [
            ("sst", "Sauveteur Secouriste du Travail (MAC)", CalendarDuration(24, .month)),
            ("habilitation-electrique", "Habilitation électrique", CalendarDuration(3, .year)),
            ("caces", "CACES", CalendarDuration(5, .year)),
            ("fco", "Formation continue obligatoire (FCO)", CalendarDuration(5, .year)),
            ("aipr", "Autorisation d'intervention à proximité des réseaux (AIPR)", CalendarDuration(5, .year)),
            ("ssiap", "SSIAP (remise à niveau)", CalendarDuration(36, .month)),
            ("certiphyto", "Certiphyto", CalendarDuration(5, .year)),
        ]
        for (kind, title, validity) in expected {
            #expect(catalog[kind]?.title == title)
            #expect(catalog[kind]?.validity == validity, "\(kind)")
        }
        // CACES by recommendation: R482 lasts ten years, the others five.
        #expect(catalog["caces-r482"]?.validity == CalendarDuration(10, .year))
        for r in ["r483", "r484", "r485", "r486", "r487", "r489", "r490"] {
            #expect(catalog["caces-\(r)"]?.validity == CalendarDuration(5, .year), "\(r)")
        }
        #expect(catalog["cnaps-carte-pro"]?.window == RenewalWindow(opens: nil, closes: CalendarDuration(-3, .month)))
        #expect(
            catalog["fco"]?.window
                == RenewalWindow(opens: CalendarDuration(-1, .year), closes: CalendarDuration(0, .day)))
        #expect(catalog["pcr"]?.validity == CalendarDuration(5, .year))
        #expect(catalog["amiante-ss4"]?.validity == CalendarDuration(3, .year))
    }

    func plan(_ person: String, settings: String = "") throws -> (Configuration, [String: String]) {
        let dir = try TemporaryDirectory()
        try dir.write("jalon.toml", settings)
        try dir.write("people/p.toml", person)
        let config = try load(dir)
        var result: [String: String] = [:]
        if let person = config.person("p") {
            for r in ReminderPlanner(settings: config.settings).reminders(for: person) {
                result[r.id] = r.zone.rfc3339(r.due)
            }
        }
        return (config, result)
    }

    @Test func aWindowGivesTheDayItOpensAndTheLastDayToAsk() throws {
        // Certiphyto obtained 12 May 2025 expires 12 May 2030; asked for between 6 and 3 months before.
        let (config, due) = try plan(
            """
            [[training]]
            id = "phyto"
            kind = "certiphyto"
            obtained = 2025-05-12
            remind = []
            follow_up = false
            """)
        #expect(config.diagnostics.isEmpty, "\(config.diagnosticLines)")
        #expect(
            due == [
                "p/phyto/window-opens": "2029-11-12T09:00:00+01:00",
                "p/phyto/window-closes": "2030-02-12T09:00:00+01:00",
            ])
    }

    @Test func aWindowWithOnlyItsLastDayAndTheItemsNonWorkingRule() throws {
        // The CNAPS card: at least three months before; 2031-06-14 is a Saturday, moved to Friday 13.
        let (_, due) = try plan(
            """
            [[training]]
            id = "carte"
            kind = "cnaps-carte-pro"
            expires = 2031-09-14
            remind = []
            follow_up = false
            on_non_working = "before"
            """)
        #expect(due == ["p/carte/window-closes": "2031-06-13T09:00:00+02:00"])
    }

    @Test func catalogTablesOverrideKeysAndAddKinds() throws {
        let (config, due) = try plan(
            """
            [[training]]
            id = "sst"
            kind = "sst"
            obtained = 2026-01-15
            remind = ["+0d"]
            follow_up = false

            [[training]]
            id = "grue"
            kind = "habilitation-grue"
            obtained = 2026-01-15
            remind = ["+0d"]
            follow_up = false
            """,
            settings: """
                [[catalog]]
                kind = "sst"
                validity = "12 months"

                [[catalog]]
                kind = "habilitation-grue"
                title = "Habilitation grue (interne)"
                validity = "2 years"
                window = { opens = "-2 months" }
                source = "Règlement intérieur, article 12"
                checked = 2026-11-30
                """)
        #expect(config.diagnostics.isEmpty, "\(config.diagnosticLines)")
        #expect(config.settings.catalog["sst"]?.title == "Sauveteur Secouriste du Travail (MAC)")
        #expect(
            due == [
                "p/sst/+0d": "2027-01-15T09:00:00+01:00",
                "p/grue/+0d": "2028-01-15T09:00:00+01:00",
                "p/grue/window-opens": "2027-11-15T09:00:00+01:00",
            ])
        let titles = ReminderPlanner(settings: config.settings).items(of: try #require(config.person("p"))).map(\.title)
        #expect(titles == ["Sauveteur Secouriste du Travail (MAC)", "Habilitation grue (interne)"])
    }

    @Test func badCatalogEntriesAreReportedAtTheirPlaceAndTheOthersKept() throws {
        let (config, due) = try plan(
            """
            [[training]]
            id = "grue"
            kind = "grue"
            obtained = 2026-01-15
            remind = ["+0d"]
            follow_up = false
            """,
            settings: """
                locale = "en"

                [[catalog]]
                kind = "nacelle"
                title = "Nacelle"

                [[catalog]]
                kind = "grue"
                validity = "1 year"
                window = { opens = "+1 month", closes = "-1 month" }

                [[catalog]]
                kind = "grue"
                validity = "1 year"
                window = { opens = "-1 month", closes = "-2 months" }

                [[catalog]]
                kind = "grue"
                validity = "2 years"
                """)
        #expect(
            config.diagnosticLines == [
                "jalon.toml:4:1: error: catalogue entry \"nacelle\" has no validity: add validity = \"5 years\" for "
                    + "instance (the entry is left out)",
                "jalon.toml:10:12: error: `opens` counts back from the expiry: write a negative duration, like "
                    + "\"-3 months\"",
                "jalon.toml:15:32: error: the window closes before it opens: `opens` must come before `closes`",
            ])
        #expect(config.diagnostics.map(\.code) == ["catalog.validity", "catalog.window", "catalog.window"])
        #expect(due == ["p/grue/+0d": "2028-01-15T09:00:00+01:00"])
    }

    @Test func theAgendaNamesAWindowsSteps() throws {
        let step = Reminder(
            id: "p/fco/window-opens", person: "p", item: "fco", kind: .renewal, step: "window-opens",
            followUpIndex: nil, due: Instant(seconds: 0), zone: .utc, to: [], title: "FCO", base: Instant(seconds: 0))
        #expect(Agenda.stepText(step, .fr) == "ouverture de la fenêtre de renouvellement")
        #expect(Agenda.stepText(step, .en) == "renewal window opens")
    }
}
