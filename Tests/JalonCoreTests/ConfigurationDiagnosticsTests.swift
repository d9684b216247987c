import Foundation
import Testing

@testable import JalonCore

/// What `jalon check` says about what people really write: every mistake at its place, the fix named, what is
/// certain read with a note, what is silently wrong a warning, and codes for each.
@Suite struct ConfigurationDiagnosticsTests {
    /// A configuration directory holding `files` (jalon.toml defaults to `locale = "en"`), read with notes.
    static func check(_ files: [String: String], notes: Bool = true) throws -> Configuration {
        let dir = try TemporaryDirectory()
        if files["jalon.toml"] == nil { try dir.write("jalon.toml", "locale = \"en\"\n") }
        try dir.write("people/.keep", "")
        for (path, text) in files { try dir.write(path, text) }
        var loader = ConfigurationLoader(directory: dir.path, systemZone: Zone(identifier: "Europe/Paris")!)
        loader.notes = notes
        return try loader.load()
    }

    /// `FILE:LINE:COLUMN severity code` of each diagnostic.
    static func places(_ configuration: Configuration) -> [String] {
        configuration.diagnostics.map {
            "\($0.file):\($0.position.line):\($0.position.column) \($0.severity.rawValue) \($0.code)"
        }
    }

    // MARK: Every problem in a file

    @Test func threeIndependentMistakesAreThreeErrorsAtTheirPlaces() throws {
        let config = try Self.check([
            "jalon.toml": "locale = \"en\"\n[[consultant]]\nid = \"claire\"\n",
            "people/syntax.toml": """
            name = "Syntaxe
            consultant = "claire"

            [[session]]
            id = "s1"
            at = 2026-12-04T11:00

            [[deadline]]
            id = "d1"
            due = 31/03/2027
            """,
            "people/mixed.toml": """
            name = "Mixte"
            consultant = "clare"

            [[deadline]]
            id = "d1"
            due = 2027-03-31
            remind = ["-14d", "-3 fortnights"]
            title = "oops
            """,
            "people/values.toml": """
            name = "Valeurs"
            timezone = "Europe/Pariss"

            [[session]]
            id = "s1"
            at = 2026-12-04T11:00:00
            phase = "bilan"

            [[deadline]]
            id = "d1"
            """,
            "people/good.toml": "name = \"Bonne\"\n[[deadline]]\nid = \"d\"\ndue = 2027-01-15\n",
        ])
        #expect(
            Self.places(config) == [
                "people/mixed.toml:2:1 error consultant.unknown",
                "people/mixed.toml:7:19 error duration.unit",
                "people/mixed.toml:8:9 error toml.string",
                "people/syntax.toml:1:8 error toml.string",
                "people/syntax.toml:6:6 error datetime.seconds",
                "people/syntax.toml:10:7 error date.format",
                "people/values.toml:2:1 error timezone.unknown",
                "people/values.toml:7:1 error value.choice",
                "people/values.toml:9:1 error key.missing",
            ])
        // The good file is read whole; the others are left out.
        #expect(config.people.map(\.id) == ["good"])
    }

    @Test func nothingInABrokenFileChangesAnotherFilesReminders() throws {
        let marie = "name = \"Marie\"\n[[deadline]]\nid = \"d\"\ndue = 2027-01-15\nremind = [\"-3d\", \"+0d\"]\n"
        let alone = try Self.check(["people/marie.toml": marie])
        let together = try Self.check([
            "people/marie.toml": marie,
            "people/broken.toml": "id = \"marie\"\nname = \"Broken\n[[deadline]]\nid = \"d\"\ndue = 2027-01-15\n",
        ])
        let planner = ReminderPlanner(settings: alone.settings)
        let reminders = { (config: Configuration) in
            try #require(config.person("marie")).items.isEmpty
                ? [] : planner.reminders(for: try #require(config.person("marie"))).map { "\($0.id) \($0.due)" }
        }
        #expect(try reminders(together) == reminders(alone))
        #expect(together.person("marie")?.file == "people/marie.toml")
    }

    // MARK: Messages for what people write

    @Test(arguments: [
        (
            "\"1h30\"", "duration.compound", #"`remind`: "-1h30" has two units, a duration takes one: write "-90min""#,
            "-"
        ),
        ("\"2 h 15\"", "duration.compound", #"write "-135min""#, "-"),
        ("\"1.5h\"", "duration.decimal", #""-1.5h" is not a whole number of units: write "-90min""#, "-"),
        (
            "\"1,5 mois\"", "duration.decimal",
            #"a month has no fixed length: write whole months, or days, like "-45d""#, "-"
        ),
        ("\"1,5 jour ouvré\"", "duration.decimal", "durations count whole units", "-"),
        ("\"2.5 semaines\"", "duration.decimal", #"write "-420h""#, "-"),
        ("\"1.5 ans\"", "duration.decimal", #"write "-18mo""#, "-"),
        (
            "\"−3d\"", "duration.sign",
            #""−3d" starts with a typographic dash (U+2212), not a minus sign: write "-3d""#, ""
        ),
        ("\"–3d\"", "duration.sign", #"(U+2013), not a minus sign: write "-3d""#, ""),
        ("\"3 fortnights\"", "duration.unit", #"unknown unit "fortnights""#, "-"),
        ("\"trois jours\"", "duration.invalid", #""trois jours" is not a duration"#, ""),
    ])
    func durationMistakesNameTheFix(_ written: String, _ code: String, _ message: String, _ sign: String) throws {
        let remind = sign.isEmpty ? written : "\"" + sign + written.dropFirst()
        let config = try Self.check([
            "people/p.toml": "[[deadline]]\nid = \"d\"\ndue = 2027-01-15\nremind = [\(remind)]\n"
        ])
        let diagnostic = try #require(config.diagnostics.first)
        #expect(config.diagnostics.count == 1, "\(config.diagnosticLines)")
        #expect(diagnostic.code == code)
        #expect(diagnostic.position == SourcePosition(line: 4, column: 11))
        #expect(diagnostic.message.contains(message), "\(diagnostic.message)")
    }

    @Test func datesInQuotesGetTheLiteralToWrite() throws {
        let config = try Self.check([
            "people/p.toml": """
            [[session]]
            id = "s"
            at = "2026-12-04 11:00"
            [[deadline]]
            id = "d"
            due = "31/03/2027"
            [[training]]
            id = "t"
            title = "T"
            expires = "le 12 mai"
            """
        ])
        #expect(
            config.diagnosticLines == [
                "people/p.toml:3:1: error: `at` must be a date-time like 2026-09-08T14:00:00, found a string: write it "
                    + "without quotes, at = 2026-12-04T11:00:00",
                "people/p.toml:6:1: error: `due` must be a date or a date-time, found a string: write it without "
                    + "quotes, due = 2027-03-31",
                "people/p.toml:10:1: error: `expires` must be a date like 2025-05-12, found a string (write dates "
                    + "without quotes, like expires = 2027-03-31)",
            ])
    }

    // MARK: Forgiving where the meaning is certain

    @Test func accentAndCaseVariantsAreReadWithANote() throws {
        let person = """
            holidays = "Alsace-Moselle"

            [[session]]
            id = "p1"
            at = 2026-12-04T11:00:00
            phase = "préliminaire"
            remind = ["-2 jours ouvres", "-1 Semaine", "-2 H"]
            to = ["Person", "consultant"]

            [[session]]
            id = "i1"
            at = 2026-12-11T11:00:00
            phase = "Investigation"
            on_non_working = "Before"
            """
        let config = try Self.check(["people/p.toml": person])
        #expect(!config.hasErrors)
        #expect(Set(config.diagnostics.map(\.severity)) == [.note])
        #expect(
            config.diagnostics.map(\.message) == [
                #"`holidays`: "Alsace-Moselle" is read as "alsace-moselle", its canonical spelling"#,
                #"`phase`: "préliminaire" is read as "preliminaire", its canonical spelling"#,
                #"`remind`: "-2 jours ouvres" is read as "-2 jours ouvrés", its canonical spelling"#,
                #"`remind`: "-1 Semaine" is read as "-1 semaine", its canonical spelling"#,
                #"`remind`: "-2 H" is read as "-2 h", its canonical spelling"#,
                #"`to`: "Person" is read as "person", its canonical spelling"#,
                #"`phase`: "Investigation" is read as "investigation", its canonical spelling"#,
                #"`on_non_working`: "Before" is read as "before", its canonical spelling"#,
            ])
        #expect(Set(config.diagnostics.map(\.code)) == ["spelling.variant"])
        let read = try #require(config.person("p"))
        #expect(read.holidays == .alsaceMoselle)
        #expect(read.items.map(\.phase) == [.preliminaire, .investigation])
        #expect(
            read.items[0].remind == [
                CalendarDuration(-2, .workday), CalendarDuration(-1, .week), CalendarDuration(-2, .hour),
            ])
        #expect(read.items[0].to == [.person, .consultant])
        #expect(read.items[1].onNonWorking == .before)
        // Without notes (the daemon, the agenda), nothing is said.
        #expect(try Self.check(["people/p.toml": person], notes: false).diagnostics.isEmpty)
    }

    // MARK: Addresses

    @Test func aNameAndAddressIsAPersonsEmail() throws {
        let config = try Self.check([
            "people/thomas.toml": "email = \"Thomas Petit <thomas.petit@example.org>\"\n",
            "people/named.toml": "name = \"T. P.\"\nemail = \"\\\"Petit, Thomas\\\" <tp@example.org>\"\n",
        ])
        #expect(config.diagnostics.isEmpty, "\(config.diagnosticLines)")
        #expect(config.person("thomas")?.name == "Thomas Petit")
        #expect(config.person("thomas")?.email == "thomas.petit@example.org")
        #expect(config.person("named")?.name == "T. P.")
        #expect(config.person("named")?.email == "tp@example.org")
    }

    @Test func addressesSMTPWouldRefuseAreErrorsThatSayWhy() throws {
        let config = try Self.check([
            "people/p.toml": """
            email = " marie@example.org "

            [[deadline]]
            id = "d"
            due = 2027-01-15
            to = [
              "a@example.org, b@example.org",
              "josé@example.org",
              "jose@évm.example",
              "jmarie@-vm",
              "a@exemple..fr",
              "\(String(repeating: "x", count: 65))@example.org",
              "rh@example.org ",
            ]
            """,
            "people/q.toml": "email = \"q@example.org; r@example.org\"\n",
        ])
        #expect(
            config.diagnosticLines == [
                #"people/p.toml:1:1: warning: `email` " marie@example.org " has spaces around the address; they are left out"#,
                #"people/p.toml:7:3: error: `to`: one string holds several addresses; write one string each: to = ["a@example.org", "b@example.org"]"#,
                #"people/p.toml:8:3: error: `to` "josé@example.org": the part before "@" is not ASCII, which mail servers without SMTPUTF8 refuse; use an ASCII address for this person"#,
                #"people/p.toml:9:3: error: `to` "jose@évm.example": the domain is not ASCII, which mail cannot carry as written; write it in its xn-- form: "jose@xn--vm-9ia.example""#,
                #"people/p.toml:10:3: error: `to` "jmarie@-vm": the part "-vm" of the domain starts or ends with "-"; mail servers refuse it"#,
                #"people/p.toml:11:3: error: `to` "a@exemple..fr": the domain has an empty part (two dots in a row, or a dot at an end); mail servers refuse it"#,
                "people/p.toml:12:3: error: `to` \"\(String(repeating: "x", count: 65))@example.org\": the part before \"@\" is 65 bytes long; mail servers take at most 64",
                #"people/p.toml:13:3: warning: `to` "rh@example.org " has spaces around the address; they are left out"#,
                #"people/q.toml:1:1: error: `email` holds several addresses, but takes one; list the others in `to`, like to = ["person", "r@example.org"]"#,
            ])
        #expect(
            Set(config.diagnostics.map(\.code)) == [
                "address.spaces", "address.several", "address.non-ascii", "address.label", "address.too-long",
            ])
    }

    @Test func anInternationalDomainInItsASCIIFormIsFine() throws {
        let config = try Self.check(["people/p.toml": "email = \"jose@xn--vm-9ia.example\"\n"])
        #expect(config.diagnostics.isEmpty)
        #expect(EmailAddress.asciiDomain("Bücher.example") == "xn--bcher-kva.example")
        #expect(EmailAddress.asciiDomain("exemple-é.fr") == "xn--exemple--i1a.fr")
    }

    // MARK: Warnings for what is silently wrong

    @Test func aRemindStepWithoutItsSignIsAWarning() throws {
        let config = try Self.check([
            "jalon.toml": "locale = \"en\"\n[policy.deadline]\nremind = [\"14d\", \"-3d\"]\n",
            "people/p.toml": """
            [[deadline]]
            id = "d"
            due = 2027-01-15
            remind = ["3 semaine", "+3d", "0d", "-1d", "1 jour", "2 jours ouvrés"]
            """,
        ])
        #expect(
            config.diagnosticLines == [
                #"jalon.toml:3:11: warning: `remind`: "14d" is 14 days after the date; did you mean "-14d"? (write "+14d" if after is meant)"#,
                #"people/p.toml:4:11: warning: `remind`: "3 semaine" is 3 weeks after the date; did you mean "-3 semaines"? (write "+3 semaine" if after is meant)"#,
                #"people/p.toml:4:44: warning: `remind`: "1 jour" is 1 day after the date; did you mean "-1 jour"? (write "+1 jour" if after is meant)"#,
                #"people/p.toml:4:54: warning: `remind`: "2 jours ouvrés" is 2 working days after the date; did you mean "-2 jours ouvrés"? (write "+2 jours ouvrés" if after is meant)"#,
            ])
        #expect(Set(config.diagnostics.map(\.code)) == ["duration.unsigned"])
        // Warnings only: the steps are read as written.
        #expect(config.person("p")?.items.first?.remind?.first == CalendarDuration(3, .week))
    }

    @Test func filesThatLookLikeConfigurationButAreNotReadAreWarnings() throws {
        let dir = try TemporaryDirectory()
        try dir.write("jalon.toml", "locale = \"en\"\n")
        try dir.write("people/marie.toml.txt", "name = \"Marie\"\n")
        try dir.write("people/sub/karim.TOML", "name = \"Karim\"\n")
        try dir.write("people/ok.toml", "name = \"OK\"\n")
        try dir.write("people/backup.toml~", "")
        try dir.write("people/.swap.toml.swp", "")
        try dir.write("sophie.toml", "name = \"Sophie\"\n")
        try dir.write("archives/old/julien.toml", "name = \"Julien\"\n")
        try dir.write("Jalon.toml", "")
        try dir.write("jalon.toml~", "")
        try dir.write("jalon.toml.bak", "")
        try dir.write("templates/reminder-body.fr.mustache", "{{title}}")
        let config = try load(dir)
        #expect(
            config.diagnosticLines == [
                "Jalon.toml:1:1: warning: this file is ignored: the settings file is named jalon.toml",
                "archives/old/julien.toml:1:1: warning: this file is ignored: person files go in the people/ folder "
                    + "(settings in jalon.toml)",
                "people/marie.toml.txt:1:1: warning: this file is ignored: person files end in .toml; rename it "
                    + "marie.toml",
                "people/sub/karim.TOML:1:1: warning: this file is ignored: person files end in .toml; rename it "
                    + "karim.toml",
                "sophie.toml:1:1: warning: this file is ignored: person files go in the people/ folder (settings in "
                    + "jalon.toml)",
            ])
        #expect(config.people.map(\.id) == ["ok"])
        let empty = try TemporaryDirectory()
        try empty.write("jalon.toml", "locale = \"en\"\n")
        #expect(
            try load(empty).diagnosticLines == [
                ".:1:1: warning: there is no people/ folder: jalon reads one file per person from people/NAME.toml"
            ])
    }

    @Test func aPersonNoReminderWillReachByEmailIsAWarning() throws {
        let dir = try TemporaryDirectory()
        let sendmail = try dir.write("bin/sendmail", "#!/bin/sh\nexit 0\n", mode: 0o755)
        let mail = "locale = \"en\"\n[mail]\nfrom = \"Cabinet <suivi@example.org>\"\nsendmail = \"\(sendmail)\"\n"
        let deadline = "[[deadline]]\nid = \"d\"\ndue = 2027-01-15\n"
        let files = [
            "people/no-email.toml": "name = \"Sans adresse\"\n" + deadline,
            "people/with-email.toml": "email = \"a@example.org\"\n" + deadline,
            "people/consultant-only.toml": deadline + "to = [\"rh@example.org\"]\nfollow_up = false\n",
            "people/nothing.toml": "name = \"Rien\"\n",
            "people/done.toml": deadline + "done = true\n",
        ]
        var all = files
        all["jalon.toml"] = mail
        let config = try Self.check(all)
        #expect(
            config.diagnosticLines == [
                "people/no-email.toml:1:1: warning: no reminder will reach this person by email: reminders are "
                    + "addressed to them, but the file has no `email`"
            ])
        #expect(config.diagnostics.first?.code == "person.unreachable")
        // Mail that is off reaches nobody: that is not this person's problem.
        #expect(try Self.check(files).diagnostics.isEmpty)
    }

    @Test func aPersonWhoseIdIsNotTheFileNameIsAWarning() throws {
        let config = try Self.check([
            "people/copie.toml": "# copied from Marie's\nid = \"marie-dupont\"\n",
            "people/Élodie Fabre.toml": "id = \"elodie-fabre\"\n",
            "people/karim.toml": "id = \"karim\"\n",
        ])
        #expect(
            config.diagnosticLines == [
                #"people/copie.toml:2:1: warning: the id "marie-dupont" is not the file's name, "copie.toml"; if this file is a copy of marie-dupont's, give it an id of its own, else rename it marie-dupont.toml"#
            ])
        #expect(config.diagnostics.first?.code == "id.file-mismatch")
    }

    // MARK: Person id clashes

    @Test func theFileNamedLikeTheIdKeepsItAndTheNewcomerIsBlamedAtItsId() throws {
        let marie = """
            id = "marie-dupont"
            name = "Marie Dupont"
            email = "marie@example.org"
            [[deadline]]
            id = "d"
            due = 2027-01-15
            """
        let config = try Self.check([
            "people/marie-dupont.toml": marie,
            "people/a/copie.toml": "name = \"Copie\"\n\n  id = \"marie-dupont\"\nemail = \"autre@example.org\"\n",
        ])
        #expect(
            config.diagnostics.filter { $0.severity == .error }.map(\.description) == [
                #"people/a/copie.toml:3:3: error: person id "marie-dupont" is already used by people/marie-dupont.toml; person ids are unique across the directory"#
            ])
        #expect(config.people.map(\.file) == ["people/marie-dupont.toml"])
        #expect(config.person("marie-dupont")?.email == "marie@example.org")
    }

    @Test func aFileNamedInFullKeepsTheIdItsNameGives() throws {
        let config = try Self.check([
            "people/Marie Dupont.toml": "id = \"marie-dupont\"\n",
            "people/a.toml": "id = \"marie-dupont\"\n",
        ])
        #expect(config.people.map(\.file) == ["people/Marie Dupont.toml"])
        #expect(config.diagnostics.filter { $0.severity == .error }.map(\.file) == ["people/a.toml"])
    }

    /// `jalon show` reads only the files that may hold the id, and gives the person `load()` keeps.
    @Test(arguments: [
        ["people/a.toml": "id = \"marie-dupont\"\n", "people/marie-dupont.toml": "name = \"Marie\"\n"],
        ["people/a.toml": "id = \"marie-dupont\"\n", "people/Marie Dupont.toml": "id = \"marie-dupont\"\n"],
        ["people/b.toml": "id = \"marie-dupont\"\n", "people/c.toml": "id = \"marie-dupont\"\n"],
    ])
    func onePersonIsThePersonTheLoaderKeeps(_ files: [String: String]) throws {
        let dir = try TemporaryDirectory()
        try dir.write("jalon.toml", "locale = \"en\"\n")
        for (path, text) in files { try dir.write(path, text) }
        let loader = ConfigurationLoader(directory: dir.path, systemZone: Zone(identifier: "Europe/Paris")!)
        let kept = try #require(try loader.load().person("marie-dupont"))
        let (_, alone) = try loader.loadPerson("marie-dupont")
        #expect(alone?.file == kept.file)
    }

    @Test(arguments: [
        ("Élodie Fabre", "elodie-fabre"), ("Marie  Dupont", "marie-dupont"), ("JEAN_Luc", "jean_luc"),
        ("  ", "marie-dupont"), ("-x-", "x"), ("Ça va", "ca-va"), ("émile.zola", "emile.zola"),
    ])
    func theIdSuggestedForAFileNameIsDerivedFromIt(_ stem: String, _ id: String) throws {
        #expect(PersonLoader.suggestedID(stem) == id)
        let config = try Self.check(["people/\(stem).toml": "name = \"X\"\n"])
        if !isIdentifier(stem) {
            #expect(config.diagnostics.first?.message.contains("add a line like id = \"\(id)\"") == true)
            #expect(config.diagnostics.first?.code == "id.file-name")
        }
    }

    // MARK: Did you mean, in every table

    @Test func unknownKeysGetTheNearestKnownOneInEveryTable() throws {
        let config = try Self.check([
            "jalon.toml": """
            locale = "en"
            timezon = "Europe/Paris"
            [mail]
            form = "Cabinet <suivi@example.org>"
            [[consultant]]
            id = "claire"
            emial = "claire@example.org"
            [policy]
            sesion = {}
            [policy.session]
            remnid = ["-1d"]
            [policy.deadline]
            follow_up = { evry = "7d", every = "7d", count = 1 }
            """,
            "people/p.toml": """
            emial = "p@example.org"
            [[session]]
            id = "s"
            at = 2026-12-04T11:00:00
            phsae = "conclusion"
            [[training]]
            id = "t"
            title = "T"
            obtained = 2026-01-01
            valid_fro = "2 ans"
            valid_for = "2 ans"
            [[deadline]]
            id = "d"
            due = 2027-01-01
            follow_up = { every = "7d", count = 1, To = ["person"] }
            """,
        ])
        let suggestions = config.diagnostics.filter { $0.code == "key.unknown" }.map(\.message)
        #expect(
            suggestions == [
                "unknown key `timezon` in jalon.toml (did you mean `timezone`?); it is ignored",
                "unknown key `form` in [mail] (did you mean `from`?); it is ignored",
                "unknown key `emial` in [[consultant]] (did you mean `email`?); it is ignored",
                "unknown key `sesion` in [policy] (did you mean `session`?); it is ignored",
                "unknown key `remnid` in [policy.session] (did you mean `remind`?); it is ignored",
                "unknown key `evry` in `follow_up` (did you mean `every`?); it is ignored",
                "unknown key `emial` in a person file (did you mean `email`?); it is ignored",
                "unknown key `phsae` in [[session]] (did you mean `phase`?); it is ignored",
                "unknown key `valid_fro` in [[training]] (did you mean `valid_for`?); it is ignored",
                "unknown key `To` in `follow_up` (did you mean `to`?); it is ignored",
            ])
    }

    // MARK: Settings

    @Test func jalonTomlSpeaksItsOwnLanguageOrFrench() throws {
        let english = try Self.check(["jalon.toml": "locale = \"en\"\ntimezone = \"Mars/Olympus\"\nbad = \n"])
        #expect(english.diagnostics.map(\.message).first?.hasPrefix("unknown time zone") == true)
        #expect(english.diagnostics.map(\.code) == ["timezone.unknown", "toml.syntax"])
        let french = try Self.check(["jalon.toml": "timezone = \"Mars/Olympus\"\n"])
        #expect(french.diagnostics.map(\.message).first?.hasPrefix("fuseau horaire inconnu") == true)
        let unknown = try Self.check(["jalon.toml": "locale = \"de\"\n"])
        #expect(unknown.diagnostics.first?.message.contains("n'est pas l'une des valeurs \"fr\", \"en\"") == true)
    }

    @Test func aSettingsFileWithAnErrorKeepsWhatItCouldRead() throws {
        // The consultants of a broken jalon.toml are still known: the person files are not blamed for it.
        let config = try Self.check([
            "jalon.toml": "locale = \"en\"\n[[consultant]]\nid = \"claire\"\nname = \"Claire\n",
            "people/p.toml": "consultant = \"claire\"\n",
        ])
        #expect(Self.places(config) == ["jalon.toml:4:8 error toml.string"])
    }

    @Test func mailEnabledWithoutFromIsStillAnError() throws {
        let config = try Self.check(["jalon.toml": "locale = \"en\"\n[mail]\nenabled = true\n"])
        #expect(
            config.diagnosticLines == ["jalon.toml:3:1: error: mail is enabled but has no `from` address to send from"])
    }

    @Test func aFractionOfASecondIsANote() throws {
        let config = try Self.check([
            "people/p.toml": "[[session]]\nid = \"s\"\nat = 2026-12-04T11:00:00.5\nremind = [\"-1d\"]\n"
        ])
        #expect(Self.places(config) == ["people/p.toml:3:1 note datetime.fraction"])
        #expect(
            config.person("p")?.items.first?.base
                == .when(
                    .local(LocalDateTime(LocalDate(year: 2026, month: 12, day: 4), LocalTime(hour: 11, minute: 0)))))
    }
}

extension ConfigurationDiagnosticsTests {
    /// Every code `jalon check --json` may print is in the README's table, and the table has no other.
    @Test func theReadmeListsEveryCode() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let listed = Set(
            text.split(separator: "\n").compactMap { line -> String? in
                guard line.hasPrefix("| `"), let end = line.dropFirst(3).firstIndex(of: "`") else { return nil }
                let code = String(line.dropFirst(3)[..<end])
                return code.contains(".") || code == "template" ? code : nil
            })
        #expect(listed == Set(DiagnosticCode.allCases.map(\.rawValue)))
        // And every code is some text's.
        #expect(Set(DiagnosticText.samples.map(\.code)).union([.template]) == Set(DiagnosticCode.allCases))
    }
}
