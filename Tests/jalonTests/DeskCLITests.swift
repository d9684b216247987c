import Foundation
import Testing

/// The consultant's desk through the built binary: `agenda`'s table, `events`, `show`, `overdue` and `export`, and
/// their answers to bad input.
@Suite(.serialized) struct DeskCLITests {
    /// A directory with a bilan in Paris and a beneficiary in Réunion.
    func configuration(_ scratch: Scratch, locale: String = "fr") throws -> String {
        try scratch.write(
            "c/jalon.toml",
            """
            timezone = "Europe/Paris"
            locale = "\(locale)"
            [[consultant]]
            id = "claire"
            name = "Claire Martin"
            """)
        try scratch.write(
            "c/people/marie-dupont.toml",
            """
            name = "Marie Dupont"
            email = "marie@example.org"
            consultant = "claire"
            [[session]]
            id = "conclusion"
            at = 2026-12-07T09:30:00
            phase = "conclusion"
            title = "Entretien de conclusion"
            duration = "2h"
            remind = ["-2d"]
            [[deadline]]
            id = "cv"
            title = "Mettre à jour le CV"
            due = 2026-11-20
            """)
        try scratch.write(
            "c/people/julien-hoarau.toml",
            """
            name = "Julien Hoarau"
            timezone = "Indian/Reunion"
            [[session]]
            id = "point"
            at = 2026-12-09T20:00:00
            title = "Point d'étape"
            remind = ["-2h"]
            """)
        return scratch.path + "/c"
    }

    @Test func agendaSaysALineIsAReminderAndWhenTheItemIs() throws {
        let scratch = try Scratch()
        let config = try configuration(scratch)
        let result = try jalon(["agenda", "--config", config, "--from", "2026-12-05", "--to", "2026-12-10"])
        #expect(result.status == 0)
        #expect(
            result.stdout == """
                samedi 5 décembre 2026
                  09:30  rappel J-2 · Entretien de conclusion — lundi 7 décembre à 9 h 30 · marie-dupont
                         marie-dupont/conclusion/-2d → marie@example.org

                mercredi 9 décembre 2026
                  15:00 (18:00 Indian/Reunion)  rappel 2 h avant · Point d'étape — mercredi 9 décembre à 17 h 00 (20 h 00 Indian/Reunion) · julien-hoarau
                         julien-hoarau/point/-2h → journal seulement

                """)
    }

    @Test func eventsByDayAndAsJSON() throws {
        let scratch = try Scratch()
        let config = try configuration(scratch)
        let table = try jalon(["events", "--config", config, "--from", "2026-12-01", "--days", "14"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(
            table.stdout == """
                lundi 7 décembre 2026
                  09:30–11:30  Entretien de conclusion (séance, conclusion) · Marie Dupont
                      marie-dupont/conclusion

                mercredi 9 décembre 2026
                  17:00 (20:00 Indian/Reunion)  Point d'étape (séance) · Julien Hoarau
                      julien-hoarau/point

                """)
        let json = try jalon(["events", "--config", config, "--from", "2026-11-01", "--days", "60", "--json"])
        #expect(json.status == 0)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(
            array.map { $0["id"] as? String } == ["marie-dupont/cv", "marie-dupont/conclusion", "julien-hoarau/point"])
        #expect(array[2]["start"] as? String == "2026-12-09T20:00:00+04:00")
        #expect(array[2]["end"] is NSNull)
        #expect(array[1]["end"] as? String == "2026-12-07T11:30:00+01:00")
        let kind = try jalon(
            ["events", "--config", config, "--from", "2026-11-01", "--days", "60", "--json", "--kind", "deadline"])
        let kinds = try #require(try JSONSerialization.jsonObject(with: Data(kind.stdout.utf8)) as? [[String: Any]])
        #expect(kinds.map { $0["id"] as? String } == ["marie-dupont/cv"])
        let consultant = try jalon(
            ["events", "--config", config, "--from", "2026-11-01", "--days", "60", "--json", "--consultant", "claire"])
        #expect(!consultant.stdout.contains("julien-hoarau"))
    }

    /// `jalon done` in the state database shows in `events`, `overdue` and `show`, which open it read-only and
    /// never create one.
    @Test func doneInTheStateDatabaseShowsEverywhere() throws {
        let scratch = try Scratch()
        let config = try configuration(scratch)
        let state = scratch.path + "/state"
        let overdue = try jalon(["overdue", "--config", config, "--state", state, "--json"])
        #expect(overdue.status == 0)
        #expect(!FileManager.default.fileExists(atPath: state), "the views never create the state directory")
        let before = try #require(try JSONSerialization.jsonObject(with: Data(overdue.stdout.utf8)) as? [[String: Any]])
        #expect(before.map { $0["id"] as? String } == ["marie-dupont/cv"])
        #expect((before.first?["days_overdue"] as? Int ?? 0) > 0)

        let done = try jalon(["done", "marie-dupont/cv", "--config", config, "--state", state])
        #expect(done.status == 0, "\(done.stderr)")
        let after = try jalon(["overdue", "--config", config, "--state", state])
        #expect(after.stdout == "Rien en retard.\n")
        let events = try jalon(
            ["events", "--config", config, "--state", state, "--from", "2026-11-20", "--days", "1", "--json"])
        let array = try #require(try JSONSerialization.jsonObject(with: Data(events.stdout.utf8)) as? [[String: Any]])
        #expect(array.first?["done"] as? Bool == true)
        #expect(array.first?["done_on"] is String)
        let show = try jalon(["show", "marie-dupont", "--config", config, "--state", state, "--json"])
        #expect(show.status == 0, "\(show.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        let items = try #require(object["items"] as? [[String: Any]])
        #expect(items.first { $0["item"] as? String == "cv" }?["state"] as? String == "done")
        let table = try jalon(["show", "marie-dupont", "--config", config, "--state", state])
        #expect(
            table.stdout.hasPrefix("Marie Dupont (marie-dupont) · Europe/Paris · consultant\u{202F}: Claire Martin\n"))
        #expect(table.stdout.contains("Mettre à jour le CV (échéance) · Marie Dupont · fait le "))
    }

    @Test func badInputGetsAClearMessageAndAStatusNeverASignal() throws {
        let scratch = try Scratch()
        let config = try configuration(scratch)
        let unknown = try jalon(["show", "marie", "--config", config])
        #expect(unknown.status == 1)
        #expect(
            unknown.stderr
                == "jalon\u{202F}: aucune personne «\u{202F}marie\u{202F}»\u{202F}; les plus proches\u{202F}: marie-dupont, "
                + "julien-hoarau\n")
        let events = try jalon(["events", "--config", config, "--person", "julien"])
        #expect(events.status == 1)
        #expect(events.stderr.contains("julien-hoarau"))
        let consultant = try jalon(["overdue", "--config", config, "--consultant", "clare"])
        #expect(consultant.status == 1)
        #expect(consultant.stderr.contains("claire"))
        let reversed = try jalon(["events", "--config", config, "--from", "2027-01-10", "--to", "2027-01-01"])
        #expect(reversed.status == 64)
        #expect(reversed.stderr.contains("2027-01-01") && reversed.stderr.contains("2027-01-10"))
        let agenda = try jalon(["agenda", "--config", config, "--from", "2027-01-10", "--to", "2027-01-01"])
        #expect(agenda.status == 64)
        let export = try jalon(["export", "--ics", "--config", config, "--from", "2027-01-10", "--to", "2027-01-01"])
        #expect(export.status == 64)
        let kind = try jalon(["events", "--config", config, "--kind", "meeting"])
        #expect(kind.status == 64)
        #expect(kind.stderr.contains("meeting"))
        let noFormat = try jalon(["export", "--config", config])
        #expect(noFormat.status == 64)
        #expect(noFormat.stderr.contains("--ics"))
        for command in [
            ["show"], ["show", ""], ["show", "../x"], ["events", "--days", "-1"], ["events", "--from", "2027-02-30"],
            ["export", "--ics", "--person", "nobody"], ["overdue", "--json", "--consultant", ""],
        ] {
            let result = try jalon(command + ["--config", config])
            #expect(!result.signaled, "\(command)")
            #expect(result.status != 0, "\(command)")
            #expect(!result.stderr.isEmpty, "\(command)")
        }
    }

    @Test func showFindsOnePersonAmongManyWithoutParsingThemAll() throws {
        let scratch = try Scratch()
        let config = try configuration(scratch, locale: "en")
        // A file whose name is not its id, and one that claims an id already taken (it is in error: left out).
        try scratch.write("c/people/zz/other.toml", "id = \"leo-martin\"\nname = \"Léo Martin\"\n")
        try scratch.write("c/people/zz/zz-copy.toml", "id = \"marie-dupont\"\nname = \"Someone Else\"\n")
        let show = try jalon(["show", "leo-martin", "--config", config])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.hasPrefix("Léo Martin (leo-martin) · Europe/Paris · no consultant\n"))
        let marie = try jalon(["show", "marie-dupont", "--config", config])
        #expect(marie.stdout.hasPrefix("Marie Dupont (marie-dupont)"))
    }
}
