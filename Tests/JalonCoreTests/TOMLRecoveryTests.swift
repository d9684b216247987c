import Testing

@testable import JalonCore

/// After a syntax error the parser goes on, so that a document with N independent mistakes gets exactly N errors,
/// each at its place, and the rest of the document is read.
@Suite struct TOMLRecoveryTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let toml: String
        /// `line:column code` of each error, in order.
        let errors: [String]
        /// Keys of the root table read despite the errors.
        let keys: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "three lines, three mistakes",
            toml: """
                name = "Marie
                consultant = "claire"
                at = 2026-12-04T11:00
                email = "marie@example.org"
                due = 31/03/2027
                suivi = true
                """,
            errors: ["1:8 toml.string", "3:6 datetime.seconds", "5:7 date.format"],
            keys: ["name", "consultant", "at", "email", "due", "suivi"]),
        Case(
            name: "mistakes in a list written over several lines",
            toml: """
                remind = [
                  "-14d",
                  3d,
                  "-2d" "-1d",
                  @,
                  "+0d",
                ]
                after = 1
                """,
            errors: ["3:3 duration.unquoted", "4:9 toml.syntax", "5:3 toml.syntax"],
            keys: ["remind", "after"]),
        Case(
            name: "a list that is never closed ends where the next key begins",
            toml: """
                remind = ["-14d", "-3d"
                to = ["person"]
                title = "x" y
                done = tru
                """,
            errors: ["1:10 toml.syntax", "3:13 toml.syntax", "4:8 toml.syntax"],
            keys: ["remind", "to", "title", "done"]),
        Case(
            name: "headers: a missing bracket still opens the table; one defined twice reads nothing",
            toml: """
                [[session]
                id = "s1"
                [deadline]
                id = "d"
                [deadline]
                id = "d2"
                [training]
                note = "a\\qb"
                """,
            errors: ["1:11 toml.syntax", "5:1 toml.duplicate", "8:10 toml.string"],
            keys: ["session", "deadline", "training"]),
        Case(
            name: "an inline table written over several lines is one mistake",
            toml: """
                follow_up = { every = "7d",
                  count = 3 }
                id = "x"
                id = "y"
                s = '''never closed
                """,
            errors: ["1:28 toml.syntax", "4:1 toml.duplicate", "5:5 toml.string"],
            keys: ["follow_up", "id", "s"]),
        Case(
            name: "strings, comments and line ends",
            toml: "a = \"\\x\" # ok\nb = 1 # \u{7}\nc = 2\rd = 3\n",
            errors: ["1:6 toml.string", "2:9 toml.syntax", "3:6 toml.syntax"],
            keys: ["a", "b", "c", "d"]),
    ]

    @Test(arguments: cases)
    func everyMistakeOnceAtItsPlace(_ c: Case) {
        let document = TOML.parseDocument(c.toml)
        #expect(
            document.errors.map { "\($0.line):\($0.column) \($0.text.code.rawValue)" } == c.errors,
            "\(document.errors.map(\.description))")
        #expect(document.table.keys == c.keys)
    }

    @Test func keysWithAWrongValueAreBrokenNotMissing() {
        let document = TOML.parseDocument("a = 2026-12-04T11:00\nb = [1, @]\nc = { d = }\ne = 1")
        #expect(document.errors.count == 3)
        #expect(document.table.brokenKeys == ["a", "b", "c"])
        #expect(document.table.isBroken("a") && !document.table.isBroken("e"))
        #expect(document.table["e"] == .integer(1))
    }

    @Test func aKeyWithoutItsEqualsSignIsWrittenNotMissing() {
        let document = TOML.parseDocument("[[session]]\nid \"s1\"\nat = 2026-12-04T11:00:00\n")
        #expect(document.errors.map(\.line) == [2])
        guard case .array(let sessions, _)? = document.table["session"], case .table(let session)? = sessions.first
        else {
            Issue.record("no session")
            return
        }
        #expect(session.keys == ["id", "at"])
        #expect(session.isBroken("id"))
    }

    @Test func aKeyDefinedTwiceKeepsItsFirstValueAndItsValueIsStillRead() {
        let document = TOML.parseDocument("a = 1\na = [\n  2,\n  3,\n]\nb = 4")
        #expect(document.errors.map(\.line) == [2])
        #expect(document.table["a"] == .integer(1))
        #expect(document.table["b"] == .integer(4))
    }

    @Test func theFirstErrorIsTheOneThrown() {
        #expect(throws: TOML.SyntaxError.self) { try TOML.parse("a = [1,\n2\nb = @\nc = 1") }
        do {
            _ = try TOML.parse("x = 1\ny = @\nz = [1")
        } catch {
            #expect((error.line, error.column) == (2, 5))
        }
    }

    @Test func tooManyErrorsStop() {
        let document = TOML.parseDocument(String(repeating: "@\n", count: 500))
        #expect(document.errors.count == TOML.maximumErrors + 1)
        #expect(document.errors.last?.text == .tooManyErrors(count: TOML.maximumErrors))
    }

    @Test func friendlyMessagesNameTheFix() {
        let messages = [
            ("at = 2026-12-04T11:00", #"invalid date-time "2026-12-04T11:00": add the seconds: 2026-12-04T11:00:00"#),
            ("at = 2026-12-04 11:00+01:00", "add the seconds: 2026-12-04 11:00:00+01:00"),
            ("t = 09:00", #"invalid time "09:00": add the seconds: 09:00:00"#),
            ("due = 31/03/2027", #"invalid date "31/03/2027": write dates as 2027-03-31 (year-month-day)"#),
            ("due = 31.03.2027", "write dates as 2027-03-31"),
            ("due = 03/31/2027", "write dates as 2027-03-31"),
            ("r = -14d", #"invalid value -14d: durations are written in quotes, "-14d""#),
        ]
        for (toml, message) in messages {
            let errors = TOML.parseDocument(toml).errors
            #expect(errors.count == 1, "\(toml)")
            #expect(errors.first?.message.contains(message) == true, "\(errors.first?.message ?? "")")
        }
    }

    @Test func aSecondByteOrderMarkIsAnErrorThroughTheFileReader() throws {
        let once: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a = 1\n".utf8)
        let twice: [UInt8] = [0xEF, 0xBB, 0xBF] + once
        guard case .text(let text) = ConfigFile.decode(once), case .text(let doubled) = ConfigFile.decode(twice) else {
            Issue.record("not text")
            return
        }
        #expect(ConfigFile.document(text).errors.isEmpty)
        #expect(ConfigFile.document(doubled).errors.map { ($0.line, $0.column) }.first! == (1, 1))
    }

    @Test func fractionalSecondsAreKeptToTheNanosecond() throws {
        let table = try TOML.parse("a = 1977-12-21T10:32:00.555\nb = 10:32:00.1234567899\nc = 1979-05-27T00:32:00.5Z")
        #expect(
            table["a"]
                == .dateTime(
                    LocalDateTime(
                        LocalDate(year: 1977, month: 12, day: 21), LocalTime(hour: 10, minute: 32, second: 0)),
                    offsetMinutes: nil, nanoseconds: 555_000_000))
        #expect(table["b"] == .time(LocalTime(hour: 10, minute: 32, second: 0), nanoseconds: 123_456_789))
        #expect(
            table["c"]
                == .dateTime(
                    LocalDateTime(LocalDate(year: 1979, month: 5, day: 27), LocalTime(hour: 0, minute: 32, second: 0)),
                    offsetMinutes: 0, nanoseconds: 500_000_000))
    }
}
