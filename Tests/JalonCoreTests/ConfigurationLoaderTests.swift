import Foundation
import Testing

@testable import JalonCore

@Suite struct ConfigurationLoaderTests {
    @Test func emptyDirectoryGivesDefaults() throws {
        let dir = try TemporaryDirectory()
        let config = try load(dir)
        // The one thing said: there is no person to read.
        #expect(config.diagnostics.map(\.code) == ["people.missing"])
        #expect(config.people.isEmpty)
        #expect(config.settings.language == .fr)
        #expect(config.settings.holidays == .metropole)
        #expect(config.settings.remindAt == LocalTime(hour: 9, minute: 0))
        #expect(config.settings.catchUp == CalendarDuration(7, .day))
        #expect(config.settings.zone.identifier == "Europe/Paris")
        #expect(config.settings.mail.enabled == false)
        #expect(config.settings.policy(.deadline) == Policy.builtIn(.deadline))
    }

    @Test func missingDirectoryIsAnError() {
        #expect(throws: ConfigurationError.self) {
            try ConfigurationLoader(directory: "/nonexistent/jalon-config").load()
        }
    }

    @Test func policyTableReplacesOnlyTheKeysItNames() throws {
        let dir = try TemporaryDirectory()
        try dir.write("people/.keep", "")
        try dir.write(
            "jalon.toml",
            """
            [policy.deadline]
            remind = ["-1 semaine", "+0 jours"]

            [policy.renewal]
            follow_up = false
            on_non_working = "after"

            [policy.suivi]
            after = "3 mois"
            """)
        let config = try load(dir)
        #expect(config.diagnostics.isEmpty)
        let deadline = config.settings.policy(.deadline)
        #expect(deadline.remind == [CalendarDuration(-1, .week), CalendarDuration(0, .day)])
        #expect(deadline.to == [.person])
        #expect(deadline.followUp == Policy.builtIn(.deadline).followUp)
        let renewal = config.settings.policy(.renewal)
        #expect(renewal.followUp == nil)
        #expect(renewal.onNonWorking == .after)
        #expect(renewal.remind == Policy.builtIn(.renewal).remind)
        #expect(config.settings.policy(.suivi).after == CalendarDuration(3, .month))
        #expect(config.settings.policy(.suivi).to == [.consultant])
    }

    @Test func settingsAreRead() throws {
        let dir = try TemporaryDirectory()
        // A sendmail of the test's own: the settings must read the same whatever this machine has installed.
        let sendmail = try dir.write("bin/msmtp", "#!/bin/sh\nexit 0\n", mode: 0o755)
        try dir.write("people/.keep", "")
        try dir.write(
            "jalon.toml",
            """
            timezone = "Indian/Reunion"
            locale = "en"
            holidays = "alsace-moselle"
            remind_at = "08:15"
            catch_up = "2 jours"

            [mail]
            from = "Cabinet Horizon <suivi@horizon.example>"
            sendmail = ["\(sendmail)", "-C", "/etc/msmtprc"]

            [[consultant]]
            id = "claire"
            name = "Claire Martin"
            email = "claire@horizon.example"
            digest = "08:00"
            """)
        let config = try load(dir)
        #expect(config.diagnostics.isEmpty)
        let s = config.settings
        #expect(s.zone.identifier == "Indian/Reunion")
        #expect(s.language == .en)
        #expect(s.holidays == .alsaceMoselle)
        #expect(s.remindAt == LocalTime(hour: 8, minute: 15))
        #expect(s.catchUp == CalendarDuration(2, .day))
        #expect(s.mail.from == MailAddress(name: "Cabinet Horizon", address: "suivi@horizon.example"))
        #expect(s.mail.sendmail == [sendmail, "-C", "/etc/msmtprc"])
        #expect(s.mail.enabled)
        #expect(
            s.consultants["claire"]
                == Consultant(
                    id: "claire", name: "Claire Martin", email: "claire@horizon.example",
                    digest: LocalTime(hour: 8, minute: 0)))
    }

    @Test func unknownKeysAreWarningsAtTheirPlaceWithASuggestion() throws {
        let dir = try TemporaryDirectory()
        try dir.write("jalon.toml", "locale = \"en\"\n")
        try dir.write(
            "people/marie.toml",
            """
            name = "Marie"

            [[deadline]]
            id = "cv"
            due = 2027-01-31
              remnid = ["-3d"]
            colour = "blue"
            """)
        let config = try load(dir)
        #expect(
            config.diagnosticLines == [
                "people/marie.toml:6:3: warning: unknown key `remnid` in [[deadline]] (did you mean `remind`?); "
                    + "it is ignored",
                "people/marie.toml:7:1: warning: unknown key `colour` in [[deadline]]; it is ignored",
            ])
        // Warnings do not stop a file from loading.
        #expect(config.person("marie")?.items.map(\.id) == ["cv"])
        #expect(!config.hasErrors)
    }

    @Test func syntaxErrorsCarryTOMLKitsPosition() throws {
        let dir = try TemporaryDirectory()
        try dir.write("people/a.toml", "name = \"A\"\n\n[[deadline]\nid = \"x\"\ndue = 2027-01-01\n")
        let config = try load(dir)
        #expect(config.diagnostics.count == 1)
        let d = try #require(config.diagnostics.first)
        #expect(d.file == "people/a.toml")
        #expect(d.severity == .error)
        #expect(d.code == "toml.syntax")
        #expect(d.position.line == 3)
        #expect(config.people.isEmpty)
    }

    @Test func everyProblemOfAFileIsReportedAtItsKey() throws {
        let dir = try TemporaryDirectory()
        try dir.write(
            "jalon.toml",
            """
            locale = "en"
            [[consultant]]
            id = "claire"
            """)
        try dir.write(
            "people/p.toml",
            """
            id = "p"
            consultant = "clare"
            timezone = "Europe/Pariss"

            [[session]]
            id = "s1"
            at = 2026-09-08

            [[deadline]]
            id = "s1"
            due = 2027-01-01
            remind = ["-14d", "-3 fortnights"]

            [[training]]
            id = "t"
            title = "Habilitation\\u0007"
            expires = 2027-01-01
            """)
        let config = try load(dir)
        #expect(
            config.diagnosticLines == [
                "people/p.toml:2:1: error: unknown consultant \"clare\" (did you mean \"claire\"?)",
                "people/p.toml:3:1: error: unknown time zone \"Europe/Pariss\": use an IANA name like "
                    + "\"Europe/Paris\" or \"Indian/Reunion\"",
                "people/p.toml:7:1: error: a session needs a time: write at = 2026-09-08T14:00:00 (a local date-time), "
                    + "not a date alone",
                "people/p.toml:10:1: error: item id \"s1\" is already used by a [[session]] of this person; item ids "
                    + "are unique within a person",
                "people/p.toml:12:19: error: `remind`: unknown unit \"fortnights\"; use min, h, d, w, mo, y or wd (or "
                    + "minutes, heures, jours, semaines, mois, ans, jours ouvrés)",
                "people/p.toml:16:1: error: `title` holds a control character (U+0007); it would end up in a mail "
                    + "header",
            ])
        #expect(config.people.isEmpty)
    }

    @Test func reservedAndInvalidIdentifiers() throws {
        let dir = try TemporaryDirectory()
        try dir.write("jalon.toml", "locale = \"en\"\n")
        try dir.write(
            "people/Marie Dupont.toml",
            """
            [[deadline]]
            id = "suivi"
            due = 2027-01-01

            [[deadline]]
            id = "Bad Id"
            due = 2027-01-01
            """)
        let config = try load(dir)
        #expect(
            config.diagnosticLines == [
                "people/Marie Dupont.toml:1:1: error: the file name \"Marie Dupont\" is not a valid person id; add a "
                    + "line like id = \"marie-dupont\" (a-z, 0-9, '.', '_', '-')",
                "people/Marie Dupont.toml:2:1: error: the item id \"suivi\" is reserved for the follow-up interview "
                    + "jalon derives; choose another",
                "people/Marie Dupont.toml:6:1: error: `id` \"Bad Id\" is not an identifier: use 1 to 64 of a-z, 0-9, "
                    + "'.', '_' and '-', starting with a letter or a digit",
            ])
    }

    @Test func duplicatePersonIdsAcrossFilesKeepTheFirstInByteOrder() throws {
        let dir = try TemporaryDirectory()
        try dir.write("jalon.toml", "locale = \"en\"\n")
        try dir.write("people/b/second.toml", "id = \"marie\"\nname = \"Marie B\"\n")
        try dir.write("people/a.toml", "name = \"A\"\nid = \"marie\"\n")
        let config = try load(dir)
        // Neither file is named like the id: the first in byte order keeps it.
        #expect(
            config.diagnostics.filter { $0.severity == .error }.map(\.description) == [
                "people/b/second.toml:1:1: error: person id \"marie\" is already used by people/a.toml; person ids are "
                    + "unique across the directory"
            ])
        #expect(
            config.diagnostics.filter { $0.severity == .warning }.map(\.code) == [
                "id.file-mismatch", "id.file-mismatch",
            ])
        #expect(config.people.map(\.file) == ["people/a.toml"])
    }

    @Test func aBrokenFileDoesNotTakeOtherFilesWithIt() throws {
        let dir = try TemporaryDirectory()
        try dir.write("people/a.toml", "name = \"A\"\n[[deadline]]\nid = \"d\"\ndue = 2027-01-01\n")
        try dir.write("people/b.toml", "name = \"B\n")
        try dir.write("people/c.toml", bytes: [0x6E, 0x61, 0x6D, 0x65, 0x20, 0x3D, 0x20, 0x22, 0xFF, 0xFE, 0x22, 0x0A])
        try dir.write("people/d.toml", "name = \"D\"\n")
        try dir.write("jalon.toml", "locale = \"en\"\n")
        let config = try load(dir)
        #expect(config.people.map(\.id) == ["a", "d"])
        #expect(config.diagnostics.map(\.file) == ["people/b.toml", "people/c.toml"])
        #expect(
            config.diagnosticLines.last
                == "people/c.toml:1:9: error: the file is not UTF-8 text (an invalid byte sequence here)")
    }

    @Test func filesThatAreNotConfigurationAreIgnored() throws {
        let dir = try TemporaryDirectory()
        try dir.write("people/.marie.toml.swp", "garbage")
        try dir.write("people/.hidden.toml", "garbage = ")
        try dir.write("people/marie.toml~", "garbage = ")
        try dir.write("people/notes.txt", "garbage = ")
        try dir.write("people/.git/config.toml", "garbage = ")
        try dir.write("people/z/y/x.toml", "name = \"X\"\n")
        try dir.write("people/a.toml", "name = \"A\"\n")
        let config = try load(dir)
        #expect(config.diagnostics.isEmpty)
        #expect(config.people.map(\.file) == ["people/a.toml", "people/z/y/x.toml"])
        #expect(config.personFileCount == 2)
    }

    @Test func filesAndFoldersOthersCanWriteAreRefused() throws {
        let dir = try TemporaryDirectory()
        try dir.write("jalon.toml", "locale = \"en\"\n")
        try dir.write("people/open.toml", "name = \"A\"\n", mode: 0o666)
        try dir.write("people/shared/b.toml", "name = \"B\"\n")
        chmod(dir.url("people/shared"), 0o777)
        try dir.write("people/ok.toml", "name = \"C\"\n")
        let config = try load(dir)
        #expect(
            config.diagnosticLines == [
                "people/open.toml:1:1: error: the file is writable by every user (mode 666); run chmod o-w on it",
                "people/shared:1:1: error: this folder is writable by every user (mode 777); run chmod o-w on it; "
                    + "the files in it are refused",
            ])
        #expect(config.people.map(\.id) == ["ok"])
    }

    @Test func aConfigurationDirectoryOthersCanWriteIsRefusedWhole() throws {
        let dir = try TemporaryDirectory()
        try dir.write("people/a.toml", "name = \"A\"\n")
        chmod(dir.path, 0o777)
        // Nothing is read, jalon.toml included: the message is in French, the default language.
        let config = try load(dir)
        #expect(config.people.isEmpty)
        #expect(
            config.diagnosticLines == [
                ".:1:1: error: le dossier de configuration est modifiable par tous les utilisateurs (mode 777)\u{202F}; "
                    + "lancez chmod o-w dessus\u{202F}; rien n'y est lu"
            ])
    }

    @Test func groupWritableIsRefusedUnlessTheGroupIsTheUsersPrivateGroup() throws {
        let dir = try TemporaryDirectory()
        try dir.write("people/a.toml", "name = \"A\"\n", mode: 0o664)
        try dir.write("jalon.toml", "locale = \"en\"\n")
        let strict = ConfigFile.Trust(owners: [geteuid()], writableGroups: [])
        let refused = try ConfigurationLoader(
            directory: dir.path, systemZone: Zone(identifier: "Europe/Paris")!, trust: strict
        ).load()
        #expect(
            refused.diagnosticLines == [
                "people/a.toml:1:1: error: the file is writable by its group (mode 664); run chmod g-w on it"
            ])
        var st = stat()
        stat(dir.url("people/a.toml"), &st)
        let lenient = ConfigFile.Trust(owners: [geteuid()], writableGroups: [st.st_gid])
        let accepted = try ConfigurationLoader(
            directory: dir.path, systemZone: Zone(identifier: "Europe/Paris")!, trust: lenient
        ).load()
        #expect(accepted.diagnostics.isEmpty)
    }

    @Test func oversizedAndBinaryFilesAreRefused() throws {
        let dir = try TemporaryDirectory()
        try dir.write("people/big.toml", "# " + String(repeating: "x", count: 1 << 20) + "\n")
        try dir.write("people/nul.toml", bytes: Array("name = \"A\"\n\nid = \"a\0b\"\n".utf8))
        try dir.write("jalon.toml", "locale = \"en\"\n")
        let config = try load(dir)
        #expect(
            config.diagnosticLines == [
                "people/big.toml:1:1: error: the file is 1048579 bytes long; configuration files are limited to 1 MiB",
                "people/nul.toml:3:8: error: the file holds a NUL byte: it is not a text file",
            ])
    }

    @Test func personDefaultsAndOverrides() throws {
        let dir = try TemporaryDirectory()
        try dir.write(
            "jalon.toml",
            """
            [[consultant]]
            id = "claire"
            name = "Claire Martin"
            """)
        try dir.write(
            "people/x/marie-dupont.toml",
            """
            name = "Marie Dupont"
            email = "marie@example.org"
            consultant = "claire"
            timezone = "Indian/Reunion"
            holidays = "none"
            remind_at = "08:30"
            suivi = false

            [[session]]
            id = "s1"
            at = 2026-09-08T14:00:00+02:00
            phase = "conclusion"
            duration = "2h"
            place = "Visio"

            [[deadline]]
            id = "d"
            due = 2027-03-31T18:00:00
            remind = "-1d"
            to = ["person", "conseil@example.org"]
            follow_up = { every = "1 mois", count = 2 }
            on_non_working = "before"
            done = 2027-03-01

            [[training]]
            id = "sst"
            kind = "sst"
            obtained = 2025-05-12
            """)
        let config = try load(dir)
        #expect(config.diagnostics.isEmpty)
        let person = try #require(config.person("marie-dupont"))
        #expect(person.name == "Marie Dupont")
        #expect(person.zone?.identifier == "Indian/Reunion")
        #expect(person.holidays == HolidaySet.none)
        #expect(person.remindAt == LocalTime(hour: 8, minute: 30))
        #expect(person.suivi == false)
        #expect(person.file == "people/x/marie-dupont.toml")
        let session = person.items[0]
        #expect(session.kind == .session)
        #expect(
            session.base
                == .when(
                    .offset(
                        LocalDateTime(LocalDate(year: 2026, month: 9, day: 8), LocalTime(hour: 14, minute: 0)),
                        minutes: 120)))
        #expect(session.phase == .conclusion)
        #expect(session.duration == CalendarDuration(2, .hour))
        let deadline = person.items[1]
        #expect(deadline.remind == [CalendarDuration(-1, .day)])
        #expect(deadline.to == [.person, .address("conseil@example.org")])
        #expect(deadline.followUp == .some(FollowUp(every: CalendarDuration(1, .month), count: 2, to: nil)))
        #expect(deadline.onNonWorking == .before)
        #expect(deadline.done)
        let training = person.items[2]
        #expect(training.kind == .renewal)
        #expect(
            training.base == .obtained(LocalDate(year: 2025, month: 5, day: 12), validity: CalendarDuration(24, .month))
        )
    }

    @Test func wrongTypesAreErrorsNotCrashes() throws {
        let dir = try TemporaryDirectory()
        try dir.write(
            "jalon.toml", "locale = \"en\"\n")
        try dir.write(
            "people/w.toml",
            """
            name = 12
            suivi = "yes"
            session = "not a table"

            [[deadline]]
            id = "d"
            due = "2027-03-31"
            remind = [1, 2]
            follow_up = true
            """)
        let config = try load(dir)
        #expect(
            config.diagnosticLines == [
                "people/w.toml:1:1: error: `name` must be a string, found an integer",
                "people/w.toml:2:1: error: `suivi` must be true or false, found a string",
                "people/w.toml:3:1: error: `session` must be written as [[session]] tables, found a string",
                "people/w.toml:7:1: error: `due` must be a date or a date-time, found a string: write it without "
                    + "quotes, due = 2027-03-31",
                "people/w.toml:8:11: error: `remind` must hold duration strings, found an integer",
                "people/w.toml:8:14: error: `remind` must hold duration strings, found an integer",
                "people/w.toml:9:1: error: `follow_up` must be false or a table like { every = \"7d\", count = 3 }, "
                    + "found a boolean",
            ])
    }

    @Test func mailSettingsAreChecked() throws {
        let dir = try TemporaryDirectory()
        try dir.write(
            "jalon.toml",
            """
            locale = "en"
            [mail]
            from = "Cabinet <pas une adresse>"
            sendmail = "sendmail"
            enabled = true
            """)
        let config = try load(dir)
        #expect(
            config.diagnosticLines == [
                ".:1:1: warning: there is no people/ folder: jalon reads one file per person from people/NAME.toml",
                "jalon.toml:3:1: error: `from` \"Cabinet <pas une adresse>\" is not an address like \"Cabinet Horizon "
                    + "<suivi@horizon.example>\"",
                "jalon.toml:4:1: error: `sendmail` must be an absolute path, or an array of an absolute path and its "
                    + "arguments, like [\"/usr/bin/msmtp\", \"-C\", \"/etc/msmtprc\"]",
            ])
    }

    @Test func theExampleConfigurationIsClean() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Config").path
        // A checkout made with a permissive umask would be refused; that is not what this test is about.
        let trust = ConfigFile.Trust(owners: [geteuid(), 0], writableGroups: Set((0...65535).map { gid_t($0) }))
        let config = try ConfigurationLoader(directory: root, systemZone: Zone(identifier: "UTC")!, trust: trust).load()
        #expect(config.diagnostics.isEmpty)
        #expect(config.people.count == 4)
    }

    @Test(arguments: [
        ("anne@example.org", true), ("a.b+c@mail.example.fr", true), ("élodie@exemple.fr", false),
        ("elodie@xn--exemple-9ua.fr", true), ("jmarie@-vm", false), ("a@b-.example", false),
        (String(repeating: "a", count: 65) + "@b.fr", false), (String(repeating: "a", count: 64) + "@b.fr", true),
        ("a@" + String(repeating: "b", count: 64) + ".fr", false),
        (
            String(repeating: "a", count: 64) + "@"
                + String(repeating: String(repeating: "b", count: 63) + ".", count: 2)
                + String(repeating: "c", count: 61), true
        ),
        ("x@y", true), ("", false), ("@example.org", false), ("anne@", false), ("anne", false),
        ("a@b@c", false), ("-oQ@example.org", false), ("anne @example.org", false), ("<anne@example.org>", false),
        ("anne@example..org", false), ("anne@.example.org", false), ("anne@example.org.", false),
        ("anne@exa,mple.org", false), ("an\"ne@example.org", false), ("anne\t@example.org", false),
        ("anne\u{85}@example.org", false), ("anne\u{2028}@example.org", false), ("anne@exa\u{7F}mple.org", false),
        (String(repeating: "a", count: 250) + "@b.fr", false),
        (
            String(repeating: "a", count: 64) + "@"
                + String(repeating: String(repeating: "b", count: 63) + ".", count: 2)
                + String(repeating: "c", count: 62), false
        ),
    ])
    func emailAddresses(_ text: String, _ valid: Bool) {
        #expect(isEmailAddress(text) == valid, "\(text.debugDescription)")
    }

    @Test(
        arguments: [
            ("Séance « bilan » — l’été", nil), ("plain", nil), ("a\tb", "\t"), ("a\u{7F}", "\u{7F}"),
            ("é\u{85}", "\u{85}"), ("\u{9F}x", "\u{9F}"), ("\u{A0}ok", nil), ("x\u{2028}", "\u{2028}"),
            ("x\u{2029}", "\u{2029}"), ("\u{2027}\u{202A}", nil), ("line\nbreak", "\n"),
        ] as [(String, Unicode.Scalar?)])
    func controlCharacters(_ text: String, _ first: Unicode.Scalar?) {
        #expect(firstControl(text) == first, "\(text.debugDescription)")
    }
}
