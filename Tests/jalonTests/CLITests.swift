import Foundation
import Testing

/// Runs the built `jalon` binary and checks what it prints and how it exits.
@Suite(.serialized) struct CLITests {
    /// The example keeps mail off (`enabled = false` until sendmail is set up) while its people have addresses:
    /// the one thing `check` says is that no email will be sent, at `enabled`.
    @Test func checkSucceedsOnTheExampleConfigurationAndSaysNoEmailWillBeSent() throws {
        let scratch = try Scratch()
        let config = try scratch.copyOfExampleConfiguration()
        let result = try jalon(["check", "--config", config])
        #expect(result.status == 0)
        #expect(
            result.stdout
                == "jalon.toml:14:1: warning: aucun courriel ne sera envoyé\u{202F}: [mail] a enabled = false, "
                + "alors que des rappels ont des destinataires\n", "\(result.stdout)")
        // The example firm writes French (its jalon.toml says locale = "fr"); its mail is off on purpose.
        #expect(result.stderr.contains("4 fichiers de personne, 4 personnes chargées, 0 erreur, 1 avertissement\n"))
    }

    /// On a terminal, long work shows how far it has gone on standard error and erases the line before the
    /// summary; into a pipe or a file, nothing of the kind. `script` gives jalon a terminal;
    /// JALON_PROGRESS_DELAY_MS=0 shows the line at once instead of after half a second.
    @Test func progressShowsOnATerminalOnly() throws {
        let scratch = try Scratch()
        let config = try scratch.copyOfExampleConfiguration()
        let piped = try jalon(["check", "--config", config], environment: ["JALON_PROGRESS_DELAY_MS": "0"])
        #expect(piped.status == 0)
        #expect(!piped.stderr.contains("\u{1B}") && !piped.stderr.contains("\r"), "\(piped.stderr.debugDescription)")
        try #require(
            FileManager.default.isExecutableFile(atPath: "/usr/bin/script"),
            "util-linux's script(1) is needed to give jalon a terminal")
        let typescript = scratch.path + "/typescript"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", "'\(jalonBinary)' check --config '\(config)'", typescript]
        process.environment = [
            "PATH": "/usr/bin:/bin", "HOME": scratch.path, "LANG": "C.UTF-8", "JALON_PROGRESS_DELAY_MS": "0",
        ]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let seen = (try? String(contentsOfFile: typescript, encoding: .utf8)) ?? ""
        let line = "\r\u{1B}[Kjalon: lecture des fichiers de personne"
        // Erased before anything else is printed: the warning that no email will be sent, then the summary.
        let erasedThenWarning = "\r\u{1B}[Kjalon.toml:14:1: warning: "
        #expect(seen.contains(line), "\(seen.debugDescription)")
        #expect(seen.contains(erasedThenWarning), "\(seen.debugDescription)")
        #expect(
            seen.contains("jalon: \(config)\u{202F}: 4 fichiers de personne, 4 personnes chargées"),
            "\(seen.debugDescription)")
    }

    @Test func checkPrintsEveryProblemWithItsLocation() throws {
        let scratch = try Scratch()
        try scratch.write(
            "c/jalon.toml",
            """
            locale = "en"
            timezone = "Mars/Olympus"
            remnid_at = "09:00"
            """)
        try scratch.write(
            "c/people/a.toml",
            """
            name = "A"
            [[deadline]]
            id = "x"
            due = 2027-02-30
            """)
        try scratch.write("c/people/b.toml", "name = \"B\"\n[[session]]\nid = \"s\"\nat = 2026-10-25\n")
        let result = try jalon(["check", "--config", scratch.path + "/c"])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(
            lines[0]
                == "jalon.toml:2:1: error: unknown time zone \"Mars/Olympus\": use an IANA name like \"Europe/Paris\" "
                + "or \"Indian/Reunion\"")
        #expect(
            lines[1] == "jalon.toml:3:1: warning: unknown key `remnid_at` in jalon.toml (did you mean `remind_at`?); "
                + "it is ignored")
        #expect(lines[2].hasPrefix("people/a.toml:4:"))
        #expect(lines[2].contains(": error: "))
        #expect(
            lines[3] == "people/b.toml:4:1: error: a session needs a time: write at = 2026-10-25T14:00:00 (a local "
                + "date-time), not a date alone")
    }

    @Test func checkJSONIsOneArrayOfDiagnosticsWithTheirCodes() throws {
        let scratch = try Scratch()
        try scratch.write("c/jalon.toml", "locale = \"en\"\n[mail]\nform = \"Cabinet <suivi@example.org>\"\n")
        try scratch.write(
            "c/people/p.toml",
            "[[session]]\nid = \"s\"\nat = 2026-12-04T11:00\nphase = \"Conclusion\"\n[[deadline]]\nid = \"d\"\n"
                + "due = 2027-01-15\nremind = [\"3 semaine\"]\n")
        let result = try jalon(["check", "--json", "--config", scratch.path + "/c"])
        #expect(result.status == 1)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(array.count == 4)
        for object in array {
            #expect(Set(object.keys) == ["file", "line", "column", "severity", "code", "message"])
        }
        #expect(
            array.map { "\($0["file"]!):\($0["line"]!):\($0["column"]!) \($0["severity"]!) \($0["code"]!)" } == [
                "jalon.toml:3:1 warning key.unknown",
                "people/p.toml:3:6 error datetime.seconds",
                "people/p.toml:4:1 note spelling.variant",
                "people/p.toml:8:11 warning duration.unsigned",
            ])
        #expect(
            array[1]["message"] as? String
                == "invalid date-time \"2026-12-04T11:00\": add the seconds: 2026-12-04T11:00:00")
        #expect(result.stderr.contains("1 person file, 0 people loaded, 1 error, 2 warnings, 1 note"))
        // The same diagnostics as text; notes end with their code.
        let text = try jalon(["check", "--config", scratch.path + "/c"])
        #expect(text.status == 1)
        #expect(
            text.stdout.split(separator: "\n").map { String($0.split(separator: " ").last ?? "") } == [
                "ignored", "2026-12-04T11:00:00", "[spelling.variant]", "meant)",
            ])
        // Warnings and notes alone do not fail.
        try scratch.write("c/people/p.toml", "[[deadline]]\nid = \"d\"\ndue = 2027-01-15\nremind = [\"3 Semaines\"]\n")
        let fine = try jalon(["check", "--json", "--config", scratch.path + "/c"])
        #expect(fine.status == 0)
        let codes = try #require(try JSONSerialization.jsonObject(with: Data(fine.stdout.utf8)) as? [[String: Any]])
        #expect(codes.map { $0["code"] as? String } == ["key.unknown", "duration.unsigned", "spelling.variant"])
        try scratch.write("c/jalon.toml", "locale = \"en\"\n")
        try scratch.write("c/people/p.toml", "name = \"P\"\n")
        let clean = try jalon(["check", "--json", "--config", scratch.path + "/c"])
        #expect(clean.status == 0 && clean.stdout == "[]\n")
    }

    @Test func configurationDirectoryComesFromTheEnvironment() throws {
        let scratch = try Scratch()
        try scratch.write("c/people/a.toml", "name = 1\n")
        let result = try jalon(["check"], environment: ["JALON_CONFIG_DIR": scratch.path + "/c"])
        #expect(result.status == 1)
        // No jalon.toml: the messages are in French, the default language.
        #expect(result.stdout == "people/a.toml:1:1: error: `name` doit être une chaîne, pas un entier\n")
        let xdg = try jalon(["check"], environment: ["XDG_CONFIG_HOME": scratch.path + "/nothing"])
        #expect(xdg.status == 1)
        #expect(xdg.stderr.contains(scratch.path + "/nothing/jalon"))
    }

    @Test func agendaJSONFollowsTheSpec() throws {
        let scratch = try Scratch()
        let config = try scratch.copyOfExampleConfiguration()
        let result = try jalon(["agenda", "--config", config, "--from", "2026-12-01", "--days", "365", "--json"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let array = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(array.count > 50)
        let keys: Set = ["id", "person", "item", "kind", "step", "follow_up", "due", "to", "title"]
        let formatter = ISO8601DateFormatter()
        var previous: (Date, String)?
        for object in array {
            #expect(keys.isSubset(of: Set(object.keys)))
            let id = try #require(object["id"] as? String)
            let dueText = try #require(object["due"] as? String)
            let due = try #require(formatter.date(from: dueText))
            let to = try #require(object["to"] as? [String])
            #expect(to == to.sorted())
            #expect(id == "\(object["person"]!)/\(object["item"]!)/\(object["step"]!)")
            #expect(
                ["session", "deadline", "renewal", "suivi", "dossier", "retention", "agreement", "evaluation"].contains(
                    object["kind"] as? String ?? ""))
            #expect((object["follow_up"] as? Bool) == (object["step"] as? String ?? "").hasPrefix("follow-up-"))
            #expect(due >= formatter.date(from: "2026-12-01T00:00:00+01:00")!)
            #expect(due < formatter.date(from: "2027-12-01T00:00:00+01:00")!)
            if let (previousDue, previousID) = previous {
                #expect(previousDue < due || (previousDue == due && previousID < id), "sorted: \(previousID), \(id)")
            }
            previous = (due, id)
        }
        let byID = Dictionary(array.map { ($0["id"] as! String, $0) }, uniquingKeysWith: { a, _ in a })
        let first = try #require(byID["marie-dupont/investigation-1/-2d"])
        #expect(first["due"] as? String == "2026-12-01T14:00:00+01:00")
        #expect(first["to"] as? [String] == ["claire.martin@horizon.example", "marie.dupont@example.org"])
        #expect(first["title"] as? String == "Investigation : intérêts et valeurs professionnelles")
        #expect(byID["julien-hoarau/point-creation-1/-2h"]?["due"] as? String == "2026-12-09T18:00:00+04:00")
        #expect(byID["karim-benali/suivi/+0d"]?["due"] as? String == "2026-12-15T09:00:00+01:00")
        #expect(byID["karim-benali/suivi/+0d"]?["kind"] as? String == "suivi")
        let followUp = try #require(byID["karim-benali/inscription-afpa/follow-up-1"])
        #expect(followUp["follow_up"] as? Bool == true)
        // 25 December is a holiday and the deadline policy says "before".
        #expect(followUp["due"] as? String == "2026-12-24T09:00:00+01:00")
        #expect(byID["sophie-lefevre/sst/-90d"]?["due"] as? String == "2026-12-10T08:30:00+01:00")
        // Done sessions produce nothing.
        #expect(byID.keys.filter { $0.hasPrefix("marie-dupont/preliminaire/") }.isEmpty)
    }

    @Test func agendaWindowIsInclusiveThenExclusive() throws {
        let scratch = try Scratch()
        try scratch.write(
            "c/people/p.toml",
            "[[deadline]]\nid = \"d\"\ndue = 2027-01-20T10:00:00\nremind = [\"+0d\", \"+1h\"]\n"
                + "follow_up = false\n")
        func ids(_ from: String, _ to: String) throws -> [String] {
            let result = try jalon(["agenda", "--config", scratch.path + "/c", "--from", from, "--to", to, "--json"])
            #expect(result.status == 0)
            let array = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
            return array.map { $0["id"] as! String }
        }
        #expect(try ids("2027-01-20T10:00:00+01:00", "2027-01-20T11:00:00+01:00") == ["p/d/+0d"])
        #expect(try ids("2027-01-20T09:00:01Z", "2027-01-20T10:00:01Z") == ["p/d/+1h"])
        #expect(try ids("2027-01-20T10:00:01+01:00", "2027-01-20T11:00:00+01:00") == [])
        #expect(try ids("2027-01-20", "2027-01-21") == ["p/d/+0d", "p/d/+1h"])
    }

    @Test func agendaStillListsGoodFilesWhenOthersAreBroken() throws {
        let scratch = try Scratch()
        try scratch.write("c/people/good.toml", "[[deadline]]\nid = \"d\"\ndue = 2027-01-20\nfollow_up = false\n")
        try scratch.write("c/people/broken.toml", "[[deadline]\nid = \"d\"\n")
        try scratch.write(
            "c/people/binary.toml", bytes: (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) })
        let result = try jalon(["agenda", "--config", scratch.path + "/c", "--from", "2027-01-01", "--json"])
        #expect(result.status == 1)
        #expect(!result.signaled)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(array.map { $0["id"] as! String } == ["good/d/-14d", "good/d/-3d", "good/d/+0d"])
        #expect(result.stderr.contains("people/broken.toml:1:"))
        #expect(result.stderr.contains("people/binary.toml:1:"))
    }

    @Test func agendaTableIsGroupedByDayInTheSettingsLanguage() throws {
        let scratch = try Scratch()
        try scratch.write(
            "c/people/p.toml",
            "name = \"P\"\nemail = \"p@example.org\"\n[[deadline]]\nid = \"cv\"\ntitle = \"Mettre à jour le CV\"\n"
                + "due = 2026-12-01\nremind = [\"-1d\", \"+0d\"]\nfollow_up = false\n")
        let fr = try jalon(["agenda", "--config", scratch.path + "/c", "--from", "2026-11-30", "--days", "7"])
        #expect(fr.status == 0)
        #expect(
            fr.stdout == """
                lundi 30 novembre 2026
                  09:00  rappel J-1 · Mettre à jour le CV — échéance le mardi 1er décembre · p
                         p/cv/-1d → p@example.org

                mardi 1er décembre 2026
                  09:00  rappel le jour J · Mettre à jour le CV — échéance le mardi 1er décembre · p
                         p/cv/+0d → p@example.org

                """)
        try scratch.write("c/jalon.toml", "locale = \"en\"\ntimezone = \"America/Guadeloupe\"\n")
        let en = try jalon(["agenda", "--config", scratch.path + "/c", "--from", "2026-11-30", "--days", "7"])
        #expect(
            en.stdout.hasPrefix(
                "Monday 30 November 2026\n  09:00  reminder D-1 · Mettre à jour le CV — due Tuesday 1 December · p\n"))
        let none = try jalon(["agenda", "--config", scratch.path + "/c", "--from", "2027-06-01", "--days", "7"])
        #expect(none.stdout == "No reminders from Tuesday 1 June 2027 to Monday 7 June 2027.\n")
    }

    @Test func badArgumentsAreUsageErrors() throws {
        let scratch = try Scratch()
        try scratch.write("c/jalon.toml", "locale = \"en\"\n")
        let badFrom = try jalon(["agenda", "--config", scratch.path + "/c", "--from", "tomorrow"])
        #expect(badFrom.status == 64)
        #expect(badFrom.stderr.contains("--from \"tomorrow\""))
        let both = try jalon(["agenda", "--config", scratch.path + "/c", "--to", "2027-01-01", "--days", "3"])
        #expect(both.status == 64)
        #expect(both.stderr.contains("give --to or --days, not both"))
        let help = try jalon(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("check"))
        #expect(help.stdout.contains("agenda"))
    }

    @Test func malformedFilesNeverCrashEitherCommand() throws {
        let scratch = try Scratch()
        let valid = """
            id = "p"
            name = "P"
            [[session]]
            id = "s"
            at = 2026-09-08T14:00:00
            [[deadline]]
            id = "d"
            due = 2027-01-01
            """
        try scratch.write("c/people/truncated.toml", String(valid.prefix(40)))
        try scratch.write("c/people/huge-number.toml", "suivi = 99999999999999999999999\n")
        try scratch.write("c/people/deep.toml", "x = " + String(repeating: "[", count: 5000) + "\n")
        try scratch.write(
            "c/people/long-duration.toml",
            "[[deadline]]\nid = \"d\"\ndue = 2027-01-01\nremind = [\"-99999999999999999999d\", \"+99999999wd\"]\n")
        try scratch.write("c/people/dup-table.toml", "[[deadline]]\nid = \"a\"\ndue = 2027-01-01\n[deadline]\n")
        try scratch.write("c/people/types.toml", "session = [1, 2]\ndeadline = [{id = 3}]\ntraining = {}\n")
        for command in [["check"], ["agenda", "--json", "--from", "2026-01-01", "--days", "3650"]] {
            let result = try jalon(command + ["--config", scratch.path + "/c"])
            #expect(!result.signaled, "\(command): \(result.stderr)")
            #expect(result.status == 1, "\(command)")
        }
    }

    @Test func checkAndAgendaSurviveAFolderOfMutatedFilesAndLocateEveryProblem() throws {
        let scratch = try Scratch()
        let config = try scratch.copyOfExampleConfiguration()
        var seeds: [[UInt8]] = []
        let walker = FileManager.default.enumerator(atPath: config + "/people")
        while let relative = walker?.nextObject() as? String {
            if relative.hasSuffix(".toml"),
                let data = FileManager.default.contents(atPath: config + "/people/" + relative)
            {
                seeds.append(Array(data))
            }
        }
        var state: UInt64 = 42
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(max(bound, 1)))
        }
        let tokens: [[UInt8]] =
            ["=", "\"", "[", "]]", "{", "\n", "\u{0}", "99999999999999999999", "2027-02-30", "\u{7}"]
            .map { Array($0.utf8) } + [[0xFF], [0xC3, 0x28]]
        for index in 0..<300 {
            var bytes = seeds[next(seeds.count)]
            switch next(3) {
            case 0: bytes.removeSubrange(next(bytes.count)...)
            case 1: bytes[next(bytes.count)] = UInt8(next(256))
            default: bytes.insert(contentsOf: tokens[next(tokens.count)], at: next(bytes.count))
            }
            try scratch.write("config/people/fuzz/f\(index).toml", bytes: bytes)
        }
        let check = try jalon(["check", "--config", config])
        #expect(!check.signaled)
        #expect(check.status == 1)
        let located = try Regex(#"^[^:]+\.toml:[1-9][0-9]*:[1-9][0-9]*: (error|warning|note): .+$"#)
        for line in check.stdout.split(separator: "\n") {
            #expect(line.wholeMatch(of: located) != nil, "\(line)")
        }
        let agenda = try jalon(["agenda", "--json", "--config", config, "--from", "2026-12-01", "--days", "365"])
        #expect(!agenda.signaled)
        #expect(agenda.status == 1)
        // The four example people are still in the agenda, whatever the other files hold.
        let array = try #require(try JSONSerialization.jsonObject(with: Data(agenda.stdout.utf8)) as? [[String: Any]])
        let people = Set(array.compactMap { $0["person"] as? String })
        #expect(people.isSuperset(of: ["marie-dupont", "karim-benali", "sophie-lefevre", "julien-hoarau"]))
    }
}
