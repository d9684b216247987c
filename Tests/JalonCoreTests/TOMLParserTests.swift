import TOMLKit
import Testing

@testable import JalonCore

// Tests of jalon's own TOML parser (`TOML.parse`): table-driven valid and invalid documents, positions, robustness,
// and a differential comparison with TOMLKit (toml++ 3.4), the parser it replaces: on a corpus (jalon's configuration
// files and the valid cases), on the invalid cases, on generated numbers, dates and times, and on 2,000 seeded
// mutations of the corpus. Where the two may legitimately disagree, `knownDisagreement` and `containsNUL` say why.

// MARK: - A readable dump of a parsed document

/// `{key: value, …}` in document order: integers as written, floats as Swift prints them (always with ".", "e",
/// "inf" or "nan"), strings quoted with \n \t \r \" \\ and \u{…} escapes, dates and times in ISO form, offsets as
/// `Z` or `±HH:MM`.
private func dump(_ table: TOML.Table) -> String {
    "{" + zip(table.keys, table.values).map { dumpKey($0) + ": " + dump($1) }.joined(separator: ", ") + "}"
}

private func dump(_ value: TOML.Value) -> String {
    switch value {
    case .table(let table): return dump(table)
    case .array(let elements, _): return "[" + elements.map(dump).joined(separator: ", ") + "]"
    case .string(let string): return dumpString(string)
    case .integer(let integer): return String(integer)
    case .float(let float): return float.isNaN ? "nan" : String(float)
    case .bool(let bool): return String(bool)
    case .date(let date): return dumpDate(date)
    case .time(let time, let nanoseconds): return dumpTime(time) + dumpFraction(nanoseconds)
    case .dateTime(let dateTime, let offset, let nanoseconds):
        return dumpDate(dateTime.date) + "T" + dumpTime(dateTime.time) + dumpFraction(nanoseconds) + dumpOffset(offset)
    }
}

private func dumpKey(_ key: String) -> String {
    let bare =
        !key.isEmpty
        && key.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-")
        }
    return bare ? key : dumpString(key)
}

private func dumpString(_ string: String) -> String {
    var out = "\""
    for scalar in string.unicodeScalars {
        switch scalar {
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        case "\r": out += "\\r"
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}

private func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

private func dumpDate(_ date: LocalDate) -> String {
    let year = String(date.year)
    return String(repeating: "0", count: max(0, 4 - year.count)) + year + "-" + two(date.month) + "-" + two(date.day)
}

private func dumpTime(_ time: LocalTime) -> String { two(time.hour) + ":" + two(time.minute) + ":" + two(time.second) }

/// `.5`, `.123456789`: the fraction of a second without its trailing zeros; nothing for none.
private func dumpFraction(_ nanoseconds: Int32) -> String {
    guard nanoseconds != 0 else { return "" }
    var digits = String(nanoseconds)
    digits = String(repeating: "0", count: 9 - digits.count) + digits
    while digits.hasSuffix("0") { digits.removeLast() }
    return "." + digits
}

private func dumpOffset(_ offset: Int?) -> String {
    guard let offset else { return "" }
    if offset == 0 { return "Z" }
    return (offset < 0 ? "-" : "+") + two(abs(offset) / 60) + ":" + two(abs(offset) % 60)
}

/// Expects `text` to fail with exactly one syntax error, `message` (in English) at `line`:`column`.
private func expectSyntaxError(
    _ text: String, _ message: String, line: Int, column: Int, sourceLocation: SourceLocation = #_sourceLocation
) {
    let errors = TOML.parseDocument(text).errors
    #expect(errors.count == 1, "\(errors)", sourceLocation: sourceLocation)
    #expect(errors.first?.message == message, sourceLocation: sourceLocation)
    #expect(errors.first?.line == line && errors.first?.column == column, "\(errors)", sourceLocation: sourceLocation)
}

// MARK: - Comparing with TOMLKit

/// TOMLKit's result as a `TOML.Table` (positions unknown: all `.start`; keys in TOMLKit's order, which is sorted).
private func convert(_ table: TOMLTable) -> TOML.Table {
    let keys = table.keys
    let values = table.values.map { convert($0) }
    return TOML.Table(keys: keys, values: values, keyPositions: Array(repeating: .start, count: keys.count))
}

private func convert(_ value: any TOMLValueConvertible) -> TOML.Value {
    switch value.type {
    case .table:
        return .table(convert(value.table!))
    case .array:
        let array = value.array!
        let elements = (0..<array.count).map { convert(array[$0]) }
        return .array(elements, positions: Array(repeating: .start, count: elements.count))
    case .string:
        return .string(value.string!)
    case .int:
        return .integer(value.int!)
    case .double:
        return .float(value.double!)
    case .bool:
        return .bool(value.bool!)
    case .date:
        let d = value.date!
        return .date(LocalDate(year: d.year, month: d.month, day: d.day))
    case .time:
        let t = value.time!
        return .time(LocalTime(hour: t.hour, minute: t.minute, second: t.second), nanoseconds: Int32(t.nanoSecond))
    case .dateTime:
        let dt = value.dateTime!
        return .dateTime(
            LocalDateTime(
                LocalDate(year: dt.date.year, month: dt.date.month, day: dt.date.day),
                LocalTime(hour: dt.time.hour, minute: dt.time.minute, second: dt.time.second)),
            offsetMinutes: dt.offset?.offset, nanoseconds: Int32(dt.time.nanoSecond))
    }
}

/// TOMLKit's verdict: the document, or its error.
private func tomlKitParse(_ text: String) -> Result<TOML.Table, TOMLParseError> {
    do {
        return .success(convert(try TOMLTable(string: text)))
    } catch let error as TOMLParseError {
        return .failure(error)
    } catch {
        fatalError("TOMLKit threw \(error)")
    }
}

/// What both parsers must agree on: keys sorted byte-wise, positions dropped, NaN made comparable.
private func normalized(_ table: TOML.Table) -> TOML.Table {
    let order = table.keys.indices.sorted { Array(table.keys[$0].utf8).lexicographicallyPrecedes(table.keys[$1].utf8) }
    return TOML.Table(
        keys: order.map { table.keys[$0] }, values: order.map { normalized(table.values[$0]) },
        keyPositions: Array(repeating: .start, count: order.count))
}

private func normalized(_ value: TOML.Value) -> TOML.Value {
    switch value {
    case .table(let table): return .table(normalized(table))
    case .array(let elements, _):
        return .array(elements.map(normalized), positions: Array(repeating: .start, count: elements.count))
    case .float(let float) where float.isNaN: return .string("(nan)")
    default: return value
    }
}

/// Whether a string or key of the document holds U+0000, which TOMLKit truncates (it reads strings and keys with
/// `String(cString:)`).
private func containsNUL(_ table: TOML.Table) -> Bool {
    table.keys.contains { $0.utf8.contains(0) } || table.values.contains(where: containsNUL)
}

private func containsNUL(_ value: TOML.Value) -> Bool {
    switch value {
    case .table(let table): containsNUL(table)
    case .array(let elements, _): elements.contains(where: containsNUL)
    case .string(let string): string.utf8.contains(0)
    default: false
    }
}

/// Why TOMLKit and jalon may legitimately disagree on `text`, or nil. Every case is a toml++ (or TOMLKit) limit or
/// bug, not a question of TOML:
private func knownDisagreement(_ text: String) -> String? {
    var text = text
    return text.withUTF8 { knownDisagreement(bytes: $0) }
}

private func knownDisagreement(bytes: UnsafeBufferPointer<UInt8>) -> String? {
    let count = bytes.count
    func at(_ i: Int) -> UInt8 { i < count ? bytes[i] : 0 }
    func isDigit(_ i: Int) -> Bool { at(i) >= 48 && at(i) <= 57 }
    func isBlank(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 13 || byte == 10 }
    func isKeyStart(_ byte: UInt8) -> Bool {
        (byte | 0x20 >= 97 && byte | 0x20 <= 122) || (byte >= 48 && byte <= 57) || byte == 95 || byte == 45
            || byte == 34 || byte == 39 || byte == 93
    }
    var numberLength = 0
    var brackets = 0
    var previous: UInt8 = 0  // the last byte that is neither blank nor in a comment
    var inComment = false
    for i in 0..<count {
        let byte = bytes[i]
        // TOMLKit hands the document to toml++ as a C string: everything after a U+0000 is silently ignored, so
        // `a = 1␀garbage` is accepted. TOML forbids U+0000 outside strings (and unescaped inside); jalon rejects it.
        if byte == 0 { return "U+0000 in the document (TOMLKit truncates it there)" }
        // toml++ refuses numbers longer than 126 characters ("numeric value too long to identify type") and more
        // than 128 digits after a point ("exceeds length limit of 128 digits"); TOML sets no limit, jalon has none.
        numberLength = (byte >= 48 && byte <= 57) || byte == 95 || byte == 46 ? numberLength + 1 : 0
        if numberLength > 120 { return "a number of more than 120 characters (toml++ length limit)" }
        // toml++ allows 256 nested arrays and inline tables, jalon 100 levels of tables and arrays.
        if byte == 91 || byte == 123 { brackets += 1 }
        // toml++ asserts that a table header's name starts with a key character (`parse_key`: "Assertion
        // `is_bare_key_character(*cp) || is_string_delimiter(*cp)' failed"): `[=a]`, `[.a]`, `[[[a]]]`, `[` then a
        // line break abort the (debug) test process, and are undefined behaviour in release builds, where the
        // assertion becomes an assumption. jalon reports "expected a table name". Lines that start with `[` are
        // checked loosely (inside a multi-line array they are not headers): a few more documents are skipped.
        if i == 0 || bytes[i - 1] == 10 {
            var j = i
            while at(j) == 32 || at(j) == 9 || (at(j) == 0xEF && at(j + 1) == 0xBB && at(j + 2) == 0xBF) {
                j += at(j) == 0xEF ? 3 : 1
            }
            if at(j) == 91 {
                j += at(j + 1) == 91 ? 2 : 1
                while at(j) == 32 || at(j) == 9 { j += 1 }
                if !isKeyStart(at(j)) {
                    return "a table header whose name starts with no key character (assertion in toml++)"
                }
            }
        }
        // Other assertions in toml++'s value parser (same consequences), found by fuzzing it:
        // - a date, then `T`, then no digit (`1979-05-27Tx07:32:00`): "Assertion `is_decimal_digit(*cp)' failed";
        // - ten characters shaped like a date, a space, one digit, a terminator (`1979-05-27 0,`, `1979-05-2= 7 0`):
        //   "Assertion `!is_value_terminator(*cp)' failed" (its look-ahead for a date-time with a space);
        // - `}` where an array expects a value (`[1, }]`, `[\n}`): "Assertion `!is_value_terminator(*cp)' failed".
        // jalon rejects them all with a syntax error. The patterns are loose: they may skip a few valid documents.
        if at(i + 4) == 45 && at(i + 7) == 45 {
            if isDigit(i) && isDigit(i + 1) && isDigit(i + 2) && isDigit(i + 3) && isDigit(i + 5) && isDigit(i + 6)
                && isDigit(i + 8) && isDigit(i + 9) && i + 11 < count && at(i + 10) | 0x20 == 116 && !isDigit(i + 11)
            {
                return "a date, T and no digit (assertion in toml++)"
            }
            if i + 12 < count && !(i..<i + 10).contains(where: { isBlank(bytes[$0]) }) && at(i + 10) == 32
                && isDigit(i + 11) && (isBlank(at(i + 12)) || [44, 93, 125, 35].contains(at(i + 12)))
            {
                return "a date, a space and one digit (assertion in toml++)"
            }
        }
        if inComment {
            inComment = byte != 10
        } else if byte == 35 {
            inComment = true
        } else if !isBlank(byte) {
            if byte == 125 && (previous == 91 || previous == 44) {
                return "} where an array expects a value (assertion in toml++)"
            }
            previous = byte
        }
    }
    if brackets > 100 { return "more than 100 brackets (nesting limits differ)" }
    return nil
}

// MARK: - Cases

struct TOMLValidCase: Sendable, CustomTestStringConvertible {
    let name: String
    let toml: String
    let expected: String
    init(_ name: String, _ toml: String, _ expected: String) {
        (self.name, self.toml, self.expected) = (name, toml, expected)
    }
    var testDescription: String { name }
}

struct TOMLInvalidCase: Sendable, CustomTestStringConvertible {
    let toml: String
    let line: Int
    let column: Int
    let message: String
    init(_ toml: String, _ line: Int, _ column: Int, _ message: String) {
        (self.toml, self.line, self.column, self.message) = (toml, line, column, message)
    }
    var testDescription: String { toml.debugDescription }
}

@Suite struct TOMLParserTests {
    static let validCases: [TOMLValidCase] = [
        // Documents, comments, whitespace, line endings.
        TOMLValidCase("empty document", "", "{}"),
        TOMLValidCase("only blank lines and comments", "\n  \n# comment\n\t# another\n\n", "{}"),
        TOMLValidCase(
            "comments everywhere", "# header\na = 1 # after a value\n\n  b = 2\t# tab then comment\n#end",
            "{a: 1, b: 2}"),
        TOMLValidCase("no final newline", "a = 1", "{a: 1}"),
        TOMLValidCase("CRLF line endings", "a = 1\r\n[t]\r\nb = \"x\"\r\n# c\r\n", "{a: 1, t: {b: \"x\"}}"),
        TOMLValidCase("byte order mark", "\u{FEFF}a = 1", "{a: 1}"),
        TOMLValidCase("tabs around the equals sign", "a\t=\t1", "{a: 1}"),
        TOMLValidCase("comment with non-ASCII and tabs", "# héllo\twörld 😀\na = 1", "{a: 1}"),

        // Keys.
        TOMLValidCase(
            "bare keys", "key = 1\nbare_key = 2\nbare-key = 3\n1234 = 4", "{key: 1, bare_key: 2, bare-key: 3, 1234: 4}"),
        TOMLValidCase(
            "quoted keys", #""127.0.0.1" = 1"# + "\n" + #""ʎǝʞ" = 2"# + "\n" + #"'quoted "value"' = 3"#,
            #"{"127.0.0.1": 1, "ʎǝʞ": 2, "quoted \"value\"": 3}"#),
        TOMLValidCase("empty quoted keys", "\"\" = 1\n[a]\n'' = 2", #"{"": 1, a: {"": 2}}"#),
        TOMLValidCase("escapes in a quoted key", #""a\u0041\t" = 1"#, #"{"aA\t": 1}"#),
        TOMLValidCase(
            "dotted keys",
            "name = \"Orange\"\nphysical.color = \"orange\"\nphysical.shape = \"round\"\nsite.\"google.com\" = true",
            #"{name: "Orange", physical: {color: "orange", shape: "round"}, site: {"google.com": true}}"#),
        TOMLValidCase(
            "whitespace around dots", "fruit . color = \"yellow\"\n fruit .\tflavor = 'banana'",
            #"{fruit: {color: "yellow", flavor: "banana"}}"#),
        TOMLValidCase("a float-looking key is dotted", "3.14159 = \"pi\"", #"{3: {14159: "pi"}}"#),
        TOMLValidCase(
            "keys that look like values", "true = 1\nfalse = 2\ninf = 3\nnan = 4\n0x10 = 5\n1979-05-27 = 6",
            "{true: 1, false: 2, inf: 3, nan: 4, 0x10: 5, 1979-05-27: 6}"),
        TOMLValidCase(
            "dotted keys in any order", "apple.type = \"fruit\"\norange.type = \"fruit\"\napple.skin = \"thin\"",
            #"{apple: {type: "fruit", skin: "thin"}, orange: {type: "fruit"}}"#),
        TOMLValidCase(
            "keys differing only by normalization are distinct", "\"\u{E9}\" = 1\n\"e\u{301}\" = 2",
            "{\"\u{E9}\": 1, \"e\u{301}\": 2}"),

        // Strings.
        TOMLValidCase(
            "basic string escapes", #"s = "b\b t\t n\n f\f r\r q\" bs\\ u\u00E9 U\U0001F600 \u0000""#,
            #"{s: "b\u{8} t\t n\n f\u{C} r\r q\" bs\\ ué U😀 \u{0}"}"#),
        TOMLValidCase("tab inside a string", "s = \"a\tb\"\nl = 'c\td'", #"{s: "a\tb", l: "c\td"}"#),
        TOMLValidCase(
            "non-ASCII strings", "s = \"Ünïcødé 日本 😀\"\nl = 'Ça va ?'", #"{s: "Ünïcødé 日本 😀", l: "Ça va ?"}"#),
        TOMLValidCase(
            "literal strings", #"winpath = 'C:\Users\nodejs\templates'"# + "\n" + #"regex = '<\i\c*\s*>'"#,
            #"{winpath: "C:\\Users\\nodejs\\templates", regex: "<\\i\\c*\\s*>"}"#),
        TOMLValidCase(
            "empty strings", "a = \"\"\nb = ''\nc = \"\"\"\"\"\"\nd = ''''''", #"{a: "", b: "", c: "", d: ""}"#),
        TOMLValidCase(
            "multi-line basic string trims its first newline", "s = \"\"\"\nRoses are red\nViolets are blue\"\"\"",
            #"{s: "Roses are red\nViolets are blue"}"#),
        TOMLValidCase(
            "multi-line basic string with CRLF", "s = \"\"\"\r\nline one\r\nline two\r\n\"\"\"",
            #"{s: "line one\nline two\n"}"#),
        TOMLValidCase(
            "line-ending backslash",
            "s = \"\"\"\nThe quick brown \\\n\n\n  fox jumps over \\\n    the lazy dog.\"\"\"",
            #"{s: "The quick brown fox jumps over the lazy dog."}"#),
        TOMLValidCase(
            "line-ending backslash followed by spaces and CRLF", "s = \"\"\"a \\  \t\r\n   b\"\"\"", #"{s: "a b"}"#),
        TOMLValidCase("line-ending backslash before the closing quotes", "s = \"\"\"a\\\n  \"\"\"", #"{s: "a"}"#),
        TOMLValidCase("escaped backslash at the end of a line", "s = \"\"\"a\\\\\nb\"\"\"", #"{s: "a\\\nb"}"#),
        TOMLValidCase(
            "quotes inside multi-line basic strings",
            #"""
            a = """Here are two quotation marks: "". Simple enough."""
            b = """Here are three quotation marks: ""\"."""
            c = """Here are fifteen quotation marks: ""\"""\"""\"""\"""\"."""
            d = """"This," she said, "is just a pointless statement.""""
            e = """""two"""""
            """#,
            #"{a: "Here are two quotation marks: \"\". Simple enough.", b: "Here are three quotation marks: \"\"\".", "#
                + #"c: "Here are fifteen quotation marks: \"\"\"\"\"\"\"\"\"\"\"\"\"\"\".", "#
                + #"d: "\"This,\" she said, \"is just a pointless statement.\"", e: "\"\"two\"\""}"#),
        TOMLValidCase(
            "multi-line literal strings",
            "s = '''\nThe first newline is\ntrimmed in raw strings.\n   All other whitespace\n   is preserved.\n'''\nr = '''I [dw]on't need \\d{2} apples'''",
            #"{s: "The first newline is\ntrimmed in raw strings.\n   All other whitespace\n   is preserved.\n", r: "I [dw]on't need \\d{2} apples"}"#
        ),
        TOMLValidCase(
            "quotes inside multi-line literal strings",
            "q = '''Here are fifteen quotation marks: \"\"\"\"\"\"\"\"\"\"\"\"\"\"\"'''\napos = ''''That,' she said, 'is still pointless.''''\ntwo = '''''a'''''",
            #"{q: "Here are fifteen quotation marks: \"\"\"\"\"\"\"\"\"\"\"\"\"\"\"", apos: "'That,' she said, 'is still pointless.'", two: "''a''"}"#
        ),
        TOMLValidCase("multi-line string in an array", "a = [\"\"\"\nx\ny\"\"\", '''\nz''']", #"{a: ["x\ny", "z"]}"#),
        TOMLValidCase(
            "long string", "s = \"" + String(repeating: "abcdéfgh", count: 500) + "\"",
            #"{s: ""# + String(repeating: "abcdéfgh", count: 500) + #""}"#),

        // Integers.
        TOMLValidCase(
            "decimal integers",
            "a = +99\nb = 42\nc = 0\nd = -17\ne = 1_000\nf = 5_349_221\ng = 53_49_221\nh = 1_2_3_4_5\ni = -0\nj = +0",
            "{a: 99, b: 42, c: 0, d: -17, e: 1000, f: 5349221, g: 5349221, h: 12345, i: 0, j: 0}"),
        TOMLValidCase(
            "hexadecimal, octal and binary integers",
            "a = 0xDEADBEEF\nb = 0xdeadbeef\nc = 0xdead_beef\nd = 0o01234567\ne = 0o755\nf = 0b11010110\ng = 0x0\nh = 0x00000000000000000000000001",
            "{a: 3735928559, b: 3735928559, c: 3735928559, d: 342391, e: 493, f: 214, g: 0, h: 1}"),
        TOMLValidCase(
            "integer limits",
            "max = 9223372036854775807\nmin = -9223372036854775808\nhex = 0x7FFFFFFFFFFFFFFF\noct = 0o777777777777777777777\nbin = 0b111111111111111111111111111111111111111111111111111111111111111",
            "{max: 9223372036854775807, min: -9223372036854775808, hex: 9223372036854775807, oct: 9223372036854775807, bin: 9223372036854775807}"
        ),

        // Floats.
        TOMLValidCase(
            "floats",
            "a = +1.0\nb = 3.1415\nc = -0.01\nd = 5e+22\ne = 1e06\nf = -2E-2\ng = 6.626e-34\nh = 224_617.445_991_228\ni = 0.0\nj = -0.0\nk = 1e1_0\nl = 0e0",
            "{a: 1.0, b: 3.1415, c: -0.01, d: 5e+22, e: 1000000.0, f: -0.02, g: 6.626e-34, h: 224617.445991228, i: 0.0, j: -0.0, k: 10000000000.0, l: 0.0}"
        ),
        TOMLValidCase(
            "infinity and nan", "a = inf\nb = +inf\nc = -inf\nd = nan\ne = +nan\nf = -nan",
            "{a: inf, b: inf, c: -inf, d: nan, e: nan, f: nan}"),
        TOMLValidCase(
            "float precision and range",
            "a = 3.141592653589793238462643383279\nb = 1.7976931348623157e308\nc = 4.9406564584124654e-324\nd = 0.1\ne = 1e-400\nf = 123456789012345678901234567890.5\ng = 9007199254740993.0\nh = 2.2250738585072014e-308",
            "{a: 3.141592653589793, b: 1.7976931348623157e+308, c: 5e-324, d: 0.1, e: 0.0, f: 1.2345678901234568e+29, g: 9007199254740992.0, h: 2.2250738585072014e-308}"
        ),

        // Booleans.
        TOMLValidCase("booleans", "t = true\nf = false\na = [true,false]", "{t: true, f: false, a: [true, false]}"),

        // Dates and times.
        TOMLValidCase(
            "offset date-times",
            "a = 1979-05-27T07:32:00Z\nb = 1979-05-27T00:32:00-07:00\nc = 1979-05-27T00:32:00.999999-07:00\nd = 1979-05-27 07:32:00Z\ne = 1979-05-27t07:32:00z\nf = 2000-01-01T00:00:00+23:59\ng = 2000-01-01T00:00:00-00:00",
            "{a: 1979-05-27T07:32:00Z, b: 1979-05-27T00:32:00-07:00, c: 1979-05-27T00:32:00.999999-07:00, d: 1979-05-27T07:32:00Z, e: 1979-05-27T07:32:00Z, f: 2000-01-01T00:00:00+23:59, g: 2000-01-01T00:00:00Z}"
        ),
        TOMLValidCase(
            "local date-times",
            "a = 1979-05-27T07:32:00\nb = 1979-05-27T00:32:00.999999\nc = 1979-05-27 07:32:00.1234567891234",
            // Digits past the ninth are dropped, not rounded (TOML 1.0: "truncated, not rounded").
            "{a: 1979-05-27T07:32:00, b: 1979-05-27T00:32:00.999999, c: 1979-05-27T07:32:00.123456789}"),
        TOMLValidCase(
            "local dates", "a = 1979-05-27\nb = 2024-02-29\nc = 0000-01-01\nd = 9999-12-31\ne = 2000-02-29 # leap",
            "{a: 1979-05-27, b: 2024-02-29, c: 0000-01-01, d: 9999-12-31, e: 2000-02-29}"),
        TOMLValidCase(
            "local times", "a = 07:32:00\nb = 00:32:00.999999\nc = 23:59:59\nd = [00:00:00, 12:00:00.5]",
            "{a: 07:32:00, b: 00:32:00.999999, c: 23:59:59, d: [00:00:00, 12:00:00.5]}"),
        TOMLValidCase(
            "dates in arrays and inline tables", "a = [1979-05-27 ,1979-05-27 07:32:00]\nb = {d = 1979-05-27}",
            "{a: [1979-05-27, 1979-05-27T07:32:00], b: {d: 1979-05-27}}"),

        // Arrays.
        TOMLValidCase(
            "arrays",
            """
            integers = [ 1, 2, 3 ]
            colors = [ "red", "yellow", "green" ]
            nested_arrays_of_ints = [ [ 1, 2 ], [3, 4, 5] ]
            nested_mixed_array = [ [ 1, 2 ], ["a", "b", "c"] ]
            string_array = [ "all", 'strings', \"\"\"are the same\"\"\", '''type''' ]
            numbers = [ 0.1, 0.2, 0.5, 1, 2, 5 ]
            contributors = [
              "Foo Bar <foo@example.com>",
              { name = "Baz Qux", email = "bazqux@example.com", url = "https://example.com/bazqux" }
            ]
            """,
            #"{integers: [1, 2, 3], colors: ["red", "yellow", "green"], nested_arrays_of_ints: [[1, 2], [3, 4, 5]], "#
                + #"nested_mixed_array: [[1, 2], ["a", "b", "c"]], string_array: ["all", "strings", "are the same", "type"], "#
                + #"numbers: [0.1, 0.2, 0.5, 1, 2, 5], contributors: ["Foo Bar <foo@example.com>", "#
                + #"{name: "Baz Qux", email: "bazqux@example.com", url: "https://example.com/bazqux"}]}"#),
        TOMLValidCase(
            "multi-line arrays with comments and a trailing comma",
            "a = [\n  1, # one\n  2,\n  # nothing\n]\nb = [ 1 , 2 , ]",
            "{a: [1, 2], b: [1, 2]}"),
        TOMLValidCase(
            "empty arrays", "a = []\nb = [ ]\nc = [\n]\nd = [ # c\n]\ne = [[]]", "{a: [], b: [], c: [], d: [], e: [[]]}"
        ),
        TOMLValidCase("array with CRLF", "a = [\r\n1,\r\n2\r\n]", "{a: [1, 2]}"),

        // Inline tables.
        TOMLValidCase(
            "inline tables",
            "name = { first = \"Tom\", last = \"Preston-Werner\" }\npoint = { x = 1, y = 2 }\nanimal = { type.name = \"pug\" }",
            #"{name: {first: "Tom", last: "Preston-Werner"}, point: {x: 1, y: 2}, animal: {type: {name: "pug"}}}"#),
        TOMLValidCase(
            "nested and empty inline tables", "a = { b = { c = [ { d = 1 }, {} ] }, e = {} }\nf={}",
            "{a: {b: {c: [{d: 1}, {}]}, e: {}}, f: {}}"),
        TOMLValidCase(
            "dotted keys inside an inline table", "a = { b.c = 1, b.d = 2, e . f . g = 3 }",
            "{a: {b: {c: 1, d: 2}, e: {f: {g: 3}}}}"),
        TOMLValidCase(
            "values spanning lines inside an inline table", "a = { b = [\n1,\n2], c = \"\"\"\nx\"\"\" }",
            #"{a: {b: [1, 2], c: "x"}}"#),

        // Tables.
        TOMLValidCase(
            "tables",
            "[table-1]\nkey1 = \"some string\"\nkey2 = 123\n\n[table-2]\nkey1 = \"another string\"\nkey2 = 456",
            #"{table-1: {key1: "some string", key2: 123}, table-2: {key1: "another string", key2: 456}}"#),
        TOMLValidCase(
            "quoted and dotted header", "[dog.\"tater.man\"]\ntype.name = \"pug\"",
            #"{dog: {"tater.man": {type: {name: "pug"}}}}"#),
        TOMLValidCase(
            "whitespace in headers", "[a.b.c]\n[ d.e.f ]\n[ g .  h  . i ]\n[ j . \"ʞ\" . 'l' ]\n[[ m ]]",
            #"{a: {b: {c: {}}}, d: {e: {f: {}}}, g: {h: {i: {}}}, j: {"ʞ": {l: {}}}, m: [{}]}"#),
        TOMLValidCase("super-table defined afterwards", "[x.y.z.w]\n[x]\na = 1", "{x: {y: {z: {w: {}}}, a: 1}}"),
        TOMLValidCase("empty tables", "[a]\n[b]\n[c] # comment", "{a: {}, b: {}, c: {}}"),
        TOMLValidCase(
            "header under a table defined by dotted keys",
            "[fruit]\napple.color = \"red\"\napple.taste.sweet = true\n\n[fruit.apple.texture]\nsmooth = true",
            #"{fruit: {apple: {color: "red", taste: {sweet: true}, texture: {smooth: true}}}}"#),
        TOMLValidCase("header under a root dotted key", "a.b = 1\n[a.c]\nd = 2", "{a: {b: 1, c: {d: 2}}}"),
        TOMLValidCase(
            "dotted key extending an implicitly created table (as toml++ allows)", "[a.b.c]\nz = 1\n[a]\nb.d = 2",
            "{a: {b: {c: {z: 1}, d: 2}}}"),
        TOMLValidCase(
            "header defining an implicit table that only dotted sub-tables extended (as toml++ allows)",
            "[a.b.c]\n[a]\nb.d.e = 1\n[a.b]\nf = 2", "{a: {b: {c: {}, d: {e: 1}, f: 2}}}"),

        // Arrays of tables.
        TOMLValidCase(
            "array of tables",
            "[[products]]\nname = \"Hammer\"\nsku = 738594937\n\n[[products]]  # empty table within the array\n\n[[products]]\nname = \"Nail\"\nsku = 284758393\ncolor = \"gray\"",
            #"{products: [{name: "Hammer", sku: 738594937}, {}, {name: "Nail", sku: 284758393, color: "gray"}]}"#),
        TOMLValidCase(
            "nested arrays of tables",
            """
            [[fruits]]
            name = "apple"

            [fruits.physical]  # subtable
            color = "red"
            shape = "round"

            [[fruits.varieties]]  # nested array of tables
            name = "red delicious"

            [[fruits.varieties]]
            name = "granny smith"

            [[fruits]]
            name = "banana"

            [[fruits.varieties]]
            name = "plantain"
            """,
            #"{fruits: [{name: "apple", physical: {color: "red", shape: "round"}, varieties: [{name: "red delicious"}, {name: "granny smith"}]}, "#
                + #"{name: "banana", varieties: [{name: "plantain"}]}]}"#),
        TOMLValidCase(
            "sub-tables of each element", "[[a]]\n[a.b]\nx = 1\n[[a]]\n[a.b]\nx = 2", "{a: [{b: {x: 1}}, {b: {x: 2}}]}"),
        TOMLValidCase("array of tables under a table", "[[a.b]]\nx = 1\n[a]\nc = 2", "{a: {b: [{x: 1}], c: 2}}"),
        TOMLValidCase(
            "static array of inline tables", "points = [ { x = 1, y = 2, z = 3 },\n  { x = 7, y = 8, z = 9 } ]",
            "{points: [{x: 1, y: 2, z: 3}, {x: 7, y: 8, z: 9}]}"),
        TOMLValidCase(
            "a person file",
            """
            # Agnès Arnaud — bilan terminé.
            id         = "agnes-arnaud"
            consultant = "thomas"

            [[session]]
            id       = "preliminaire"
            at       = 2026-07-13T09:00:00+02:00
            done     = true

            [[deadline]]
            id    = "toeic"
            due   = 2026-12-29
            remind = ["-7d", "-2d"]
            follow_up = { every = "7d", count = 3 }
            """,
            #"{id: "agnes-arnaud", consultant: "thomas", session: [{id: "preliminaire", at: 2026-07-13T09:00:00+02:00, done: true}], "#
                + #"deadline: [{id: "toeic", due: 2026-12-29, remind: ["-7d", "-2d"], follow_up: {every: "7d", count: 3}}]}"#
        ),
    ]

    static let invalidCases: [TOMLInvalidCase] = [
        // Key-value pairs.
        TOMLInvalidCase("name = \"x\"\nname x", 2, 6, #"expected "=" after the key "name", found "x""#),
        TOMLInvalidCase("a", 1, 2, #"expected "=" after the key "a", found the end of the file"#),
        TOMLInvalidCase("a b = 1", 1, 3, #"expected "=" after the key "a", found "b""#),
        TOMLInvalidCase("= 1", 1, 1, #"expected a key, a [table] header or a comment, found "=""#),
        TOMLInvalidCase("a. = 1", 1, 4, #"expected a key after ".", found "=""#),
        TOMLInvalidCase(".a = 1", 1, 1, #"expected a key, a [table] header or a comment, found ".""#),
        TOMLInvalidCase("a..b = 1", 1, 3, #"expected a key after ".", found ".""#),
        TOMLInvalidCase("é = 1", 1, 1, #"found "é""#),
        TOMLInvalidCase("a =", 1, 4, "expected a value, found the end of the file"),
        TOMLInvalidCase("a =\n1", 1, 4, "expected a value, found the end of the line"),
        TOMLInvalidCase("a = # no value", 1, 5, ##"expected a value, found "#""##),
        TOMLInvalidCase("a = 1 b = 2", 1, 7, #"expected a comment or a new line after the value of "a", found "b""#),
        TOMLInvalidCase("a = \"x\"y", 1, 8, #"after the value of "a", found "y""#),
        TOMLInvalidCase("a = @", 1, 5, #"expected a value, found "@""#),
        TOMLInvalidCase("\"\"\"key\"\"\" = 1", 1, 1, "a multi-line string cannot be a key"),
        TOMLInvalidCase("\nid = 1\nid = 2", 3, 1, #"the key "id" is defined twice (first at line 2)"#),
        TOMLInvalidCase("a.b = 1\na . b = 2", 2, 1, #"the key "a . b" is defined twice (first at line 1)"#),
        TOMLInvalidCase("[t]\nx = 1\n\"x\" = 2", 3, 1, #"the key "x" is defined twice (first at line 2)"#),
        TOMLInvalidCase("a = 1\na.b = 2", 2, 1, #"cannot define "a.b": "a" is already an integer (line 1)"#),
        TOMLInvalidCase("a.b = 1\na.b.c = 2", 2, 3, #"cannot define "a.b.c": "a.b" is already an integer (line 1)"#),
        TOMLInvalidCase("a = {b = 1}\na.c = 2", 2, 1, #""a" is an inline table (line 1), which cannot be extended"#),
        TOMLInvalidCase(
            "[a.b]\nc = 1\n[a]\nb.d = 2", 4, 1,
            #"cannot define "b.d": "b" is a table defined by a header (line 1), it cannot be extended with dotted keys"#
        ),
        TOMLInvalidCase("[[a.b]]\n[a]\nb.c = 1", 3, 1, #"cannot define "b.c": "b" is an array of tables (line 1)"#),
        TOMLInvalidCase("a = 1\r", 1, 6, "a carriage return must be followed by a newline"),
        TOMLInvalidCase("a = 1\rb = 2", 1, 6, "a carriage return must be followed by a newline"),

        // Comments.
        TOMLInvalidCase("# a\u{1}b", 1, 4, "the control character U+0001 is not allowed in a comment"),
        TOMLInvalidCase("a = 1 # \u{7F}", 1, 9, "the control character U+007F is not allowed in a comment"),
        TOMLInvalidCase("#\rb", 1, 2, "a carriage return must be followed by a newline"),
        TOMLInvalidCase("a = 1\n\u{0}", 2, 1, "found the control character U+0000"),
        // TOMLKit accepts this one: it reads the document as a C string, which ends at U+0000.
        TOMLInvalidCase("a = 1\u{0}garbage", 1, 5, #"invalid number "1\u{0}garbage""#),

        // Strings.
        TOMLInvalidCase("s = \"abc", 1, 5, "unterminated string"),
        TOMLInvalidCase("s = \"abc\nd\"", 1, 5, "unterminated string"),
        TOMLInvalidCase("s = 'abc\n'", 1, 5, "unterminated string"),
        TOMLInvalidCase("s = \"\"\"abc\n\n", 1, 5, "unterminated multi-line string"),
        TOMLInvalidCase("s = '''abc''", 1, 5, "unterminated multi-line string"),
        TOMLInvalidCase(#"s = "\x41""#, 1, 6, #"invalid escape sequence "\x""#),
        TOMLInvalidCase(#"s = "\ ""#, 1, 6, #"invalid escape sequence "\ ""#),
        TOMLInvalidCase(#"s = "\é""#, 1, 6, #"invalid escape sequence "\é""#),
        TOMLInvalidCase(
            #"s = "\uD800""#, 1, 6, #"invalid escape sequence "\uD800": U+D800 is not a Unicode scalar value"#),
        TOMLInvalidCase(
            #"s = "\U00110000""#, 1, 6, #"invalid escape sequence "\U00110000": U+110000 is not a Unicode scalar value"#
        ),
        TOMLInvalidCase(#"s = "\u12""#, 1, 6, #"invalid escape sequence "\u12": \u needs 4 hexadecimal digits"#),
        TOMLInvalidCase(#"s = "\UABC""#, 1, 6, #"\U needs 8 hexadecimal digits"#),
        TOMLInvalidCase("s = \"a\u{1}b\"", 1, 7, "the control character U+0001 is not allowed in a string"),
        TOMLInvalidCase("s = 'a\u{7F}b'", 1, 7, "the control character U+007F is not allowed in a string"),
        TOMLInvalidCase("s = \"\"\"a\u{8}b\"\"\"", 1, 9, "the control character U+0008 is not allowed in a string"),
        TOMLInvalidCase("s = \"\"\"a\\ b\"\"\"", 1, 9, "a backslash followed by spaces must end its line"),
        TOMLInvalidCase("s = \"\"\"a\rb\"\"\"", 1, 9, "a carriage return must be followed by a newline"),
        TOMLInvalidCase("s = \"\"\"a\"\"\"\"\"\"", 1, 14, #"after the value of "s", found '"'"#),
        TOMLInvalidCase("s = '''\n\nabc'''x", 3, 7, #"after the value of "s", found "x""#),
        TOMLInvalidCase("\"a\nb\" = 1", 1, 1, "unterminated string"),

        // Integers.
        TOMLInvalidCase("i = 99999999999999999999", 1, 5, "integer 99999999999999999999 is too large"),
        TOMLInvalidCase("i = 9223372036854775808", 1, 5, "integer 9223372036854775808 is too large"),
        TOMLInvalidCase("i = -9223372036854775809", 1, 5, "integer -9223372036854775809 is too small"),
        TOMLInvalidCase("i = 0x8000000000000000", 1, 5, "integer 0x8000000000000000 is too large"),
        TOMLInvalidCase("i = 0b1111111111111111111111111111111111111111111111111111111111111111", 1, 5, "is too large"),
        TOMLInvalidCase("i = 01", 1, 5, #"invalid number "01": leading zeros are not allowed"#),
        TOMLInvalidCase("i = 0_0", 1, 5, "leading zeros are not allowed"),
        TOMLInvalidCase("i = -01", 1, 5, "leading zeros are not allowed"),
        TOMLInvalidCase("i = 1__2", 1, 5, #"invalid number "1__2": an underscore must be between two digits"#),
        TOMLInvalidCase("i = _1", 1, 5, #"expected a value, found "_""#),
        TOMLInvalidCase("i = 1_", 1, 5, "an underscore must be between two digits"),
        TOMLInvalidCase("i = 0x_1", 1, 5, #"invalid number "0x_1""#),
        TOMLInvalidCase("i = 0x1_", 1, 5, "an underscore must be between two digits"),
        TOMLInvalidCase("i = 0x", 1, 5, #"invalid number "0x""#),
        TOMLInvalidCase("i = +0x1", 1, 5, "only decimal numbers can have a sign"),
        TOMLInvalidCase("i = 0b102", 1, 5, #"invalid number "0b102""#),
        TOMLInvalidCase("i = 0o8", 1, 5, #"invalid number "0o8""#),
        TOMLInvalidCase("i = 0X1", 1, 5, #"invalid number "0X1""#),
        TOMLInvalidCase("i = 12abc", 1, 5, #"invalid number "12abc""#),
        TOMLInvalidCase("i = +", 1, 5, #"invalid number "+""#),
        TOMLInvalidCase("i = -_1", 1, 5, #"invalid number "-_1""#),

        // Floats.
        TOMLInvalidCase("f = 1.", 1, 5, #"invalid number "1.": expected a digit after the decimal point"#),
        TOMLInvalidCase("f = 1.e5", 1, 5, "expected a digit after the decimal point"),
        TOMLInvalidCase("f = .5", 1, 5, #"expected a value, found ".""#),
        TOMLInvalidCase("f = 1e", 1, 5, #"invalid number "1e": expected a digit in the exponent"#),
        TOMLInvalidCase("f = 1e+", 1, 5, "expected a digit in the exponent"),
        TOMLInvalidCase("f = 1e_5", 1, 5, "expected a digit in the exponent"),
        TOMLInvalidCase("f = 1._5", 1, 5, "expected a digit after the decimal point"),
        TOMLInvalidCase("f = 1.5_", 1, 5, "an underscore must be between two digits"),
        TOMLInvalidCase("f = 01.5", 1, 5, "leading zeros are not allowed"),
        TOMLInvalidCase("f = 1.2.3", 1, 5, #"invalid number "1.2.3""#),
        TOMLInvalidCase("f = 1e5.0", 1, 5, #"invalid number "1e5.0""#),
        TOMLInvalidCase("f = 1e400", 1, 5, "float 1e400 is too large"),
        TOMLInvalidCase("f = -1.8e308", 1, 5, "float -1.8e308 is too large"),
        TOMLInvalidCase("f = Inf", 1, 5, #"expected a value, found "I""#),
        TOMLInvalidCase("f = infinity", 1, 5, #"expected a value, found "infinity""#),
        TOMLInvalidCase("f = nan1", 1, 5, #"expected a value, found "nan1""#),
        TOMLInvalidCase("f = -nanx", 1, 5, #"expected a value, found "-nanx""#),

        // Booleans.
        TOMLInvalidCase("b = True", 1, 5, #"expected a value, found "T""#),
        TOMLInvalidCase("b = tru", 1, 5, #"expected a value, found "tru""#),
        TOMLInvalidCase("b = truex", 1, 5, #"expected a value, found "truex""#),
        TOMLInvalidCase("b = falsey", 1, 5, #"expected a value, found "falsey""#),

        // Dates and times: toml++ 3.4 accepts hours 0-23, minutes and seconds 0-59 (no leap second).
        TOMLInvalidCase("d = 2027-02-30", 1, 5, "invalid date 2027-02-30"),
        TOMLInvalidCase("d = 2023-02-29", 1, 5, "invalid date 2023-02-29"),
        TOMLInvalidCase("d = 1900-02-29", 1, 5, "invalid date 1900-02-29"),
        TOMLInvalidCase("d = 1979-13-01", 1, 5, "invalid date 1979-13-01"),
        TOMLInvalidCase("d = 1979-00-10", 1, 5, "invalid date 1979-00-10"),
        TOMLInvalidCase("d = 1979-04-31T00:00:00", 1, 5, "invalid date 1979-04-31"),
        TOMLInvalidCase("d = 1979-5-27", 1, 5, #"invalid date "1979-5-27""#),
        TOMLInvalidCase("d = 1979-05-7", 1, 5, #"invalid date "1979-05-7""#),
        TOMLInvalidCase("d = 19790-05-27", 1, 5, #"invalid number "19790-05-27""#),
        TOMLInvalidCase("d = 1979-05-27x", 1, 5, #"invalid date "1979-05-27x""#),
        TOMLInvalidCase("d = 1979-05-27T", 1, 5, #"invalid date-time "1979-05-27T""#),
        TOMLInvalidCase("d = 1979-05-27T07:32", 1, 5, #"invalid date-time "1979-05-27T07:32""#),
        TOMLInvalidCase("d = 1979-05-27 07:32", 1, 5, #"invalid date-time "1979-05-27 07:32""#),
        TOMLInvalidCase("d = 1979-05-27T7:32:00", 1, 5, "invalid date-time"),
        TOMLInvalidCase("d = 1979-05-27T07:32:00.", 1, 5, "invalid date-time"),
        TOMLInvalidCase("d = 1979-05-27T07:32:00+01", 1, 5, #"invalid date-time "1979-05-27T07:32:00+01""#),
        TOMLInvalidCase("d = 1979-05-27T07:32:00+0100", 1, 5, "invalid date-time"),
        TOMLInvalidCase("d = 1979-05-27T07:32:00Z1", 1, 5, "invalid date-time"),
        TOMLInvalidCase("d = 1979-05-27T24:00:00", 1, 5, "invalid time 24:00:00"),
        TOMLInvalidCase("d = 1979-05-27T23:59:60Z", 1, 5, "invalid time 23:59:60"),
        TOMLInvalidCase("d = 1979-05-27T07:32:00+24:00", 1, 5, "invalid time offset +24:00"),
        TOMLInvalidCase("d = 1979-05-27T07:32:00-23:60", 1, 5, "invalid time offset -23:60"),
        TOMLInvalidCase("d = 1979-05-27 x", 1, 16, #"after the value of "d", found "x""#),
        TOMLInvalidCase("t = 24:00:00", 1, 5, "invalid time 24:00:00"),
        TOMLInvalidCase("t = 23:60:00", 1, 5, "invalid time 23:60:00"),
        TOMLInvalidCase("t = 23:59:60", 1, 5, "invalid time 23:59:60"),
        TOMLInvalidCase("t = 07:32", 1, 5, #"invalid time "07:32""#),
        TOMLInvalidCase("t = 07:32:00Z", 1, 5, #"invalid time "07:32:00Z""#),
        TOMLInvalidCase("t = 07:32:00-01:00", 1, 5, "invalid time"),
        TOMLInvalidCase("t = 7:32:00", 1, 5, #"invalid number "7:32:00""#),

        // Arrays.
        TOMLInvalidCase("a = [1 2]", 1, 8, #"expected "," or "]" after an array element, found "2""#),
        TOMLInvalidCase("a = [,]", 1, 6, #"expected a value, found ",""#),
        TOMLInvalidCase("a = [1,,2]", 1, 8, #"expected a value, found ",""#),
        TOMLInvalidCase("a = [1,\n2", 1, 5, #"unterminated array (expected "]")"#),
        TOMLInvalidCase("a = [", 1, 5, "unterminated array"),
        TOMLInvalidCase("a = ]", 1, 5, #"expected a value, found "]""#),
        TOMLInvalidCase("a = [1]]", 1, 8, #"after the value of "a", found "]""#),
        TOMLInvalidCase("a = [ # c\n \u{1} ]", 2, 2, #"expected a value, found the control character U+0001"#),

        // Inline tables.
        TOMLInvalidCase("a = {b = 1,}", 1, 11, "an inline table cannot end with a comma"),
        TOMLInvalidCase("a = {,}", 1, 6, #"expected a key in the inline table, found ",""#),
        TOMLInvalidCase(
            "a = {b = 1\n}", 1, 11,
            #"expected "," or "}" after a value in the inline table, found the end of the line (an inline table must be on one line)"#
        ),
        TOMLInvalidCase(
            "a = {\n}", 1, 6,
            "expected a key in the inline table, found the end of the line (an inline table must be on one line)"),
        TOMLInvalidCase(
            "a = {b = 1 c = 2}", 1, 12, #"expected "," or "}" after a value in the inline table, found "c""#),
        TOMLInvalidCase("a = {b = 1, b = 2}", 1, 13, #"the key "b" is defined twice (first at line 1)"#),
        TOMLInvalidCase(
            "a = {b = {c = 1}, b.d = 2}", 1, 19, #""b" is an inline table (line 1), which cannot be extended"#),
        TOMLInvalidCase("a = {b.c = 1, b = 2}", 1, 15, #"the key "b" is defined twice"#),
        TOMLInvalidCase("a = {b = 1", 1, 5, #"unterminated inline table (expected "}")"#),
        TOMLInvalidCase("a = {b = 1}}", 1, 12, #"after the value of "a", found "}""#),

        // Tables.
        TOMLInvalidCase("[deadline]\n[deadline]", 2, 1, "the table [deadline] is defined twice (first at line 1)"),
        TOMLInvalidCase("[a]\n[ a ]", 2, 1, "the table [a] is defined twice"),
        TOMLInvalidCase("[a.b]\n[a]\n[a]", 3, 1, "the table [a] is defined twice (first at line 2)"),
        TOMLInvalidCase("[a]\n[a.b]\n[a]", 3, 1, "the table [a] is defined twice"),
        TOMLInvalidCase("[]", 1, 2, #"expected a table name, found "]""#),
        TOMLInvalidCase("[a", 1, 3, #"expected "]" after the name of the table [a], found the end of the file"#),
        TOMLInvalidCase("[a\n]", 1, 3, #"expected "]" after the name of the table [a], found the end of the line"#),
        TOMLInvalidCase("[a.]", 1, 4, #"expected a key after ".", found "]""#),
        TOMLInvalidCase("[a]b = 1", 1, 4, #"expected a comment or a new line after the header [a], found "b""#),
        TOMLInvalidCase("[\"a\nb\"]", 1, 2, "unterminated string"),
        TOMLInvalidCase(
            "[[a]", 1, 5, #"expected "]]" after the name of the array of tables [[a]], found the end of the file"#),
        TOMLInvalidCase("[[a] ]", 1, 5, #"expected "]]" after the name of the array of tables [[a]], found " ""#),
        TOMLInvalidCase("[ [a]]", 1, 3, #"expected a table name, found "[""#),
        TOMLInvalidCase("a = 1\n[a]", 2, 1, #"cannot define the table [a]: "a" is already an integer (line 1)"#),
        TOMLInvalidCase("a = 1\n[a.b]", 2, 2, #"cannot define the table [a.b]: "a" is already an integer (line 1)"#),
        TOMLInvalidCase("a = {}\n[a]", 2, 1, #"cannot define the table [a]: "a" is already an inline table (line 1)"#),
        TOMLInvalidCase(
            "a = {}\n[a.b]", 2, 2,
            #"cannot define the table [a.b]: "a" is an inline table (line 1), which cannot be extended"#),
        TOMLInvalidCase("a = [{}]\n[a.b]", 2, 2, #"cannot define the table [a.b]: "a" is already an array (line 1)"#),
        TOMLInvalidCase("a.b = 1\n[a]", 2, 1, "the table [a] is already defined with dotted keys (line 1)"),
        TOMLInvalidCase("a.b.c = 1\n[a.b]", 2, 1, "the table [a.b] is already defined with dotted keys (line 1)"),
        TOMLInvalidCase("[x]\ny.z = 1\n[x.y]", 3, 1, "the table [x.y] is already defined with dotted keys (line 2)"),
        TOMLInvalidCase(
            "[a]\nb = 1\n[a.b]", 3, 1, #"cannot define the table [a.b]: "a.b" is already an integer (line 2)"#),
        TOMLInvalidCase(
            "[a.b.c]\n[a]\nb.d = 1\n[a.b]", 4, 1, "the table [a.b] is already defined with dotted keys (line 1)"),

        // Arrays of tables.
        TOMLInvalidCase(
            "[a]\n[[a]]", 2, 1, #"cannot define the array of tables [[a]]: "a" is already a table (line 1)"#),
        TOMLInvalidCase(
            "[[a]]\n[a]", 2, 1, #"cannot define the table [a]: "a" is already an array of tables (line 1)"#),
        TOMLInvalidCase(
            "a = []\n[[a]]", 2, 1, #"cannot define the array of tables [[a]]: "a" is already an array (line 1)"#),
        TOMLInvalidCase("a = [{}]\n[[a]]", 2, 1, #""a" is already an array (line 1)"#),
        TOMLInvalidCase(
            "[a.b]\n[[a]]", 2, 1, #"cannot define the array of tables [[a]]: "a" is already a table (line 1)"#),
        TOMLInvalidCase(
            "[[a]]\nb = 1\n[a.b]", 3, 1, #"cannot define the table [a.b]: "a.b" is already an integer (line 2)"#),

        // Nesting.
        TOMLInvalidCase(
            "a = " + String(repeating: "[", count: 101) + String(repeating: "]", count: 101), 1, 105,
            "nesting is deeper than 100 levels"),
        TOMLInvalidCase(
            "a = " + String(repeating: "{b = ", count: 101) + "1" + String(repeating: "}", count: 101), 1, 505,
            "nesting is deeper than 100 levels"),
    ]

    // MARK: Valid and invalid documents

    @Test(arguments: validCases)
    func parsesValidDocument(_ c: TOMLValidCase) throws {
        let table = try TOML.parse(c.toml)
        #expect(dump(table) == c.expected)
        #expect(table.keys.count == table.values.count && table.keys.count == table.keyPositions.count)
    }

    @Test(arguments: invalidCases)
    func rejectsInvalidDocument(_ c: TOMLInvalidCase) {
        do {
            let table = try TOML.parse(c.toml)
            Issue.record("accepted: \(dump(table))")
        } catch {
            #expect(error.message.contains(c.message), "message: \(error.message)")
            #expect(
                (error.line, error.column) == (c.line, c.column),
                "at \(error.line):\(error.column), expected \(c.line):\(c.column): \(error.message)")
        }
    }

    // MARK: Positions

    @Test func positionsCountUnicodeScalars() throws {
        let text = """
            # Réglages — été
            nom = "Élodie" ; x = 1
            """
        // `;` is not TOML: the error is after the string, counted in scalars (É is one).
        expectSyntaxError(
            text, #"expected a comment or a new line after the value of "nom", found ";""#, line: 2, column: 16)
    }

    @Test func positionsOfKeysHeadersAndElements() throws {
        let text = """
            # Cafés
            "café" = { "thé" = 1, "日本" . "語" = 2 }
            liste = ["é", "ü", 3, [4, "😀", 5]]
            x.y = 1
            [ "été" . hiver ]
            "clé" = 1
            [[session]]
            at = 1
              [[session]]
            at = 2
            [session.sub]
            "é" = "ü"
            """
        let table = try TOML.parse(text)
        let expected: [(TOMLPath, Int, Int)] = [
            ([.key("café")], 2, 1),
            ([.key("café"), .key("thé")], 2, 12),
            ([.key("café"), .key("日本")], 2, 23),
            ([.key("café"), .key("日本"), .key("語")], 2, 30),
            ([.key("liste")], 3, 1),
            ([.key("liste"), .index(0)], 3, 10),
            ([.key("liste"), .index(1)], 3, 15),
            ([.key("liste"), .index(2)], 3, 20),
            ([.key("liste"), .index(3)], 3, 23),
            ([.key("liste"), .index(3), .index(1)], 3, 27),
            ([.key("liste"), .index(3), .index(2)], 3, 32),
            ([.key("x")], 4, 1),
            ([.key("x"), .key("y")], 4, 3),
            ([.key("été")], 5, 3),
            ([.key("été"), .key("hiver")], 5, 11),
            ([.key("été"), .key("hiver"), .key("clé")], 6, 1),
            ([.key("session")], 7, 3),
            ([.key("session"), .index(0)], 7, 1),
            ([.key("session"), .index(0), .key("at")], 8, 1),
            ([.key("session"), .index(1)], 9, 3),
            ([.key("session"), .index(1), .key("at")], 10, 1),
            ([.key("session"), .index(1), .key("sub")], 11, 10),
            ([.key("session"), .index(1), .key("sub"), .key("é")], 12, 1),
        ]
        for (path, line, column) in expected {
            #expect(table.position(at: path) == SourcePosition(line: line, column: column), "\(path.dotted)")
        }
        #expect(table.position(of: "liste") == SourcePosition(line: 3, column: 1))
        #expect(table.position(of: "absent") == nil)
        #expect(table.position(at: []) == nil)
        #expect(table.position(at: [.key("absent")]) == nil)
        #expect(table.position(at: [.key("session"), .index(2)]) == nil)
        #expect(table.position(at: [.key("session"), .key("at")]) == nil)
        #expect(table.position(at: [.key("liste"), .index(0), .key("x")]) == nil)
        #expect(table.position(at: [.index(0)]) == nil)
    }

    @Test func positionsInAPersonFile() throws {
        let table = try TOML.parse(TOMLParserTests.configFiles[1])
        #expect(table.position(at: [.key("deadline"), .index(1), .key("due")]) == SourcePosition(line: 32, column: 1))
        #expect(table.position(at: [.key("deadline"), .index(1)]) == SourcePosition(line: 29, column: 1))
        #expect(
            table.position(at: [.key("deadline"), .index(1), .key("remind"), .index(2)])
                == SourcePosition(line: 33, column: 42))
        #expect(table.position(at: [.key("session"), .index(0), .key("at")]) == SourcePosition(line: 10, column: 1))
        guard case .array(let deadlines, _)? = table["deadline"], case .table(let second) = deadlines[1] else {
            Issue.record("no [[deadline]]")
            return
        }
        #expect(second["due"] == .date(LocalDate(year: 2027, month: 3, day: 31)))
    }

    @Test func positionsOfImplicitTablesAndBOM() throws {
        let table = try TOML.parse("\u{FEFF}[a.b.c]\n[a]\nb.d = 1\n\te.f = 2\n[g]\nh.i.j = 3")
        #expect(table.position(at: [.key("a")]) == SourcePosition(line: 1, column: 2))
        #expect(table.position(at: [.key("a"), .key("b")]) == SourcePosition(line: 1, column: 4))
        #expect(table.position(at: [.key("a"), .key("b"), .key("c")]) == SourcePosition(line: 1, column: 6))
        #expect(table.position(at: [.key("a"), .key("b"), .key("d")]) == SourcePosition(line: 3, column: 3))
        #expect(table.position(at: [.key("a"), .key("e")]) == SourcePosition(line: 4, column: 2))
        #expect(table.position(at: [.key("a"), .key("e"), .key("f")]) == SourcePosition(line: 4, column: 4))
        #expect(table.position(at: [.key("g"), .key("h"), .key("i"), .key("j")]) == SourcePosition(line: 6, column: 5))
    }

    @Test func positionsAfterMultiLineStrings() throws {
        let table = try TOML.parse("a = \"\"\"\nun\ndeux \\\n  trois\"\"\"\nb = ['''\nx''', \"é\"]\nc = 1")
        #expect(table.position(of: "b") == SourcePosition(line: 5, column: 1))
        #expect(table.position(at: [.key("b"), .index(1)]) == SourcePosition(line: 6, column: 7))
        #expect(table.position(of: "c") == SourcePosition(line: 7, column: 1))
        #expect(table["a"] == .string("un\ndeux trois"))
    }

    @Test func errorPositionsAfterMultiLineValues() {
        expectSyntaxError("a = [\n1,\n2]\nd = 2027-02-30", "invalid date 2027-02-30", line: 4, column: 5)
        expectSyntaxError("# é\nnote = '''\nabc\n", "unterminated multi-line string", line: 2, column: 8)
    }

    @Test func tableAccessors() throws {
        let table = try TOML.parse("b = 1\na = 'x'")
        #expect(table.count == 2)
        #expect(table.keys == ["b", "a"])
        #expect(table["a"] == .string("x"))
        #expect(table["c"] == nil)
        #expect(TOML.Table().count == 0)
        #expect(try TOML.parse("") == TOML.Table())
    }

    // MARK: Robustness

    @Test func deepNestingIsAnErrorNotACrash() {
        for opening in ["[", "{a=", "[{a="] {
            let text = "x = " + String(repeating: opening, count: 10_000)
            #expect(throws: TOML.SyntaxError.self) { try TOML.parse(text) }
            do {
                _ = try TOML.parse(text)
            } catch {
                #expect(error.message == "nesting is deeper than 100 levels")
            }
        }
        let dotted = Array(repeating: "a", count: 10_000).joined(separator: ".")
        for text in [dotted + " = 1", "[" + dotted + "]", "[[" + dotted + "]]", "x = {" + dotted + " = 1}"] {
            #expect(throws: TOML.SyntaxError.self) { try TOML.parse(text) }
        }
    }

    @Test func nestingUpToTheLimitIsAccepted() throws {
        let arrays = try TOML.parse("x = " + String(repeating: "[", count: 100) + String(repeating: "]", count: 100))
        var value = arrays["x"]!
        var depth = 0
        while case .array(let elements, _) = value, let first = elements.first {
            value = first
            depth += 1
        }
        #expect(depth == 99)
        // 101 segments: 100 tables and a value; a header makes them all tables.
        let keys = (1...101).map { "k\($0)" }.joined(separator: ".")
        #expect(throws: Never.self) { try TOML.parse(keys + " = 1") }
        #expect(throws: Never.self) { try TOML.parse("[" + (1...100).map { "k\($0)" }.joined(separator: ".") + "]") }
        #expect(throws: TOML.SyntaxError.self) { try TOML.parse("[" + keys + "]") }
        expectSyntaxError(keys + ".k102 = 1", "nesting is deeper than 100 levels", line: 1, column: 393)
        #expect(throws: TOML.SyntaxError.self) { try TOML.parse("[t]\n" + keys + " = 1") }
        #expect(throws: TOML.SyntaxError.self) { try TOML.parse(keys + " = [1]") }
    }

    @Test func hugeInputs() throws {
        let long = String(repeating: "é-ü ", count: 262_144)  // 1.25 MB on one line
        let table = try TOML.parse("s = \"" + long + "\"\nt = '" + long + "'")
        #expect(table["s"] == .string(long))
        #expect(table["t"] == .string(long))
        let digits = "1" + String(repeating: "0", count: 1_000_000)
        #expect(throws: TOML.SyntaxError.self) { try TOML.parse("i = " + digits) }
        #expect(try TOML.parse("f = " + digits + ".0e-1000000")["f"] == .float(1))
        #expect(throws: TOML.SyntaxError.self) { try TOML.parse("f = " + digits + ".0") }
        var many = ""
        for i in 0..<20_000 { many += "k\(i) = \(i)\n" }
        let wide = try TOML.parse(many + "[t]\n" + many)
        #expect(wide.count == 20_001)
        #expect(wide["k19999"] == .integer(19_999))
        expectSyntaxError(many + "k5 = 0", #"the key "k5" is defined twice (first at line 6)"#, line: 20_001, column: 1)
    }

    @Test func everyPrefixOfTheCorpusParsesOrFails() {
        for document in TOMLParserTests.corpus {
            let scalars = Array(document.unicodeScalars)
            let step = max(1, scalars.count / 200)
            for end in stride(from: 0, through: scalars.count, by: step) {
                var prefix = String.UnicodeScalarView()
                prefix.append(contentsOf: scalars[..<end])
                _ = try? TOML.parse(String(prefix))
            }
        }
    }

    @Test func controlCharactersAreRejectedOutsideEscapes() throws {
        for code in Array(0..<0x20).filter({ $0 != 0x09 && $0 != 0x0A }) + [0x7F] {
            let character = String(UnicodeScalar(UInt8(code)))
            for text in [
                "s = \"a\(character)b\"", "s = 'a\(character)b'", "s = \"\"\"a\(character)b\"\"\"",
                "s = '''a\(character)b'''", "# a\(character)b",
            ] {
                #expect(throws: TOML.SyntaxError.self, "\(text.debugDescription)") { try TOML.parse(text) }
            }
        }
        // C1 controls are not control characters for TOML.
        #expect(try TOML.parse("s = \"\u{80}\u{9F}\"")["s"] == .string("\u{80}\u{9F}"))
    }

    // MARK: The corpus: jalon's own configuration files, and the valid cases

    static let configFiles: [String] = [
        #"""
        # Cabinet Horizon — réglages de jalon.
        # Chaque clé a une valeur par défaut ; voir la référence de configuration dans le README.

        timezone  = "Europe/Paris"
        locale    = "fr"
        holidays  = "metropole"
        remind_at = "09:00"
        catch_up  = "7d"

        [mail]
        from     = "Cabinet Horizon <suivi@horizon.example>"
        sendmail = "/usr/sbin/sendmail"
        # L'envoi n'est actif que si vous le décidez : passez à true une fois sendmail configuré.
        enabled  = false

        [[consultant]]
        id    = "claire"
        name  = "Claire Martin"
        email = "claire.martin@horizon.example"

        [[consultant]]
        id    = "thomas"
        name  = "Thomas Nguyen"
        email = "thomas.nguyen@horizon.example"

        # Rendez-vous : la veille ouvrée n'existe pas dans le code, on prévient 2 jours et 2 heures avant.
        [policy.session]
        remind = ["-2d", "-2h"]
        to     = ["person", "consultant"]

        # Échéances de la feuille de route : relances hebdomadaires si rien n'est fait.
        [policy.deadline]
        remind         = ["-14d", "-3d", "+0d"]
        to             = ["person"]
        follow_up      = { every = "7d", count = 3, to = ["person", "consultant"] }
        on_non_working = "before"

        # Entretien de suivi, 6 mois après la conclusion du bilan.
        [policy.suivi]
        after  = "6 mois"
        remind = ["-14d", "-2 jours ouvrés", "+0d"]
        to     = ["consultant"]

        """#,
        #"""
        # Accompagnement à la création d'entreprise, depuis La Réunion.
        id         = "julien-hoarau"
        name       = "Julien Hoarau"
        email      = "julien.hoarau@example.re"
        consultant = "thomas"
        timezone   = "Indian/Reunion"

        [[session]]
        id    = "point-creation-1"
        at    = 2026-12-09T17:00:00+01:00   # fixé depuis Paris : 20 h 00 à La Réunion
        phase = "accompagnement"
        title = "Point d'étape : étude de marché"
        duration = "1h"
        place = "Visio : https://visio.horizon.example/thomas"

        [[session]]
        id    = "point-creation-2"
        at    = 2027-02-10T09:00:00       # heure de La Réunion
        phase = "accompagnement"
        title = "Point d'étape : prévisionnel financier"
        duration = "1h"
        place = "Visio : https://visio.horizon.example/thomas"

        [[deadline]]
        id    = "etude-marche"
        title = "Terminer l'étude de marché (restauration rapide, Saint-Pierre)"
        due   = 2027-01-15

        [[deadline]]
        id    = "business-plan"
        title = "Déposer le business plan auprès de la BGE Réunion"
        due   = 2027-03-31
        remind = ["-1 mois", "-10 jours ouvrés", "+0d"]

        [[deadline]]
        id    = "immatriculation"
        title = "Immatriculer l'entreprise"
        due   = 2027-06-30

        """#,
        #"""
        # Bilan de compétences en cours : phase d'investigation.
        id         = "marie-dupont"
        name       = "Marie Dupont"
        email      = "marie.dupont@example.org"
        consultant = "claire"

        [[session]]
        id    = "preliminaire"
        at    = 2026-11-17T14:00:00
        phase = "preliminaire"
        title = "Entretien préliminaire"
        duration = "2h"
        place = "Cabinet Horizon, 12 rue des Tanneurs, Lyon"
        done  = true

        [[session]]
        id    = "investigation-1"
        at    = 2026-12-03T14:00:00
        phase = "investigation"
        title = "Investigation : intérêts et valeurs professionnelles"
        duration = "3h"
        place = "Cabinet Horizon, 12 rue des Tanneurs, Lyon"

        [[session]]
        id    = "investigation-2"
        at    = 2026-12-17T09:30:00
        phase = "investigation"
        title = "Investigation : enquêtes métiers"
        duration = "3h"
        place = "Visio : https://visio.horizon.example/claire"

        [[session]]
        id    = "investigation-3"
        at    = 2027-01-12T14:00:00
        phase = "investigation"
        title = "Investigation : compétences transférables"
        duration = "3h"
        place = "Cabinet Horizon, 12 rue des Tanneurs, Lyon"

        [[session]]
        id    = "conclusion"
        at    = 2027-01-28T14:00:00
        phase = "conclusion"
        title = "Entretien de conclusion et remise de la synthèse"
        duration = "2h"
        place = "Cabinet Horizon, 12 rue des Tanneurs, Lyon"

        [[deadline]]
        id    = "enquetes-metiers"
        title = "Réaliser trois enquêtes métiers auprès de professionnels"
        due   = 2027-01-08
        remind = ["-7d", "-2d"]
        follow_up = false

        """#,
        #"""
        # Bilan terminé le 15 juin 2026 : la feuille de route court, l'entretien de suivi approche.
        id         = "karim-benali"
        name       = "Karim Benali"
        email      = "karim.benali@example.net"
        consultant = "claire"

        [[session]]
        id    = "preliminaire"
        at    = 2026-04-14T10:00:00
        phase = "preliminaire"
        done  = true

        [[session]]
        id    = "investigation"
        at    = 2026-05-12T10:00:00
        phase = "investigation"
        done  = true

        [[session]]
        id    = "conclusion"
        at    = 2026-06-15T10:00:00
        phase = "conclusion"
        title = "Remise du document de synthèse"
        done  = true

        # Feuille de route : reconversion vers le métier de technicien de maintenance.
        [[deadline]]
        id    = "inscription-afpa"
        title = "S'inscrire à la formation Technicien de maintenance industrielle"
        due   = 2026-12-18

        [[deadline]]
        id    = "stage"
        title = "Trouver un stage d'immersion (PMSMP) en entreprise"
        due   = 2027-02-26

        [[deadline]]
        id    = "titre-pro"
        title = "Obtenir le titre professionnel Technicien de maintenance industrielle"
        due   = 2027-09-30
        remind = ["-2 mois", "-14d", "+0d"]

        [[deadline]]
        id    = "destruction-documents"
        title = "Détruire les documents du bilan (consentement de conservation d'un an, R6313-7)"
        due   = 2027-06-15
        to    = ["consultant"]
        follow_up = false

        """#,
        #"""
        # Salariée en Alsace : recyclages obligatoires à suivre (jours fériés d'Alsace-Moselle).
        id         = "sophie-lefevre"
        name       = "Sophie Lefèvre"
        email      = "sophie.lefevre@example.com"
        consultant = "thomas"
        holidays   = "alsace-moselle"
        remind_at  = "08:30"

        [[training]]
        id       = "sst"
        kind     = "sst"
        obtained = 2025-03-10

        [[training]]
        id       = "habilitation-electrique"
        kind     = "habilitation-electrique"
        title    = "Habilitation électrique B1V-BR"
        obtained = 2024-06-03
        on_non_working = "before"

        [[training]]
        id      = "caces-r489"
        kind    = "caces"
        title   = "CACES R489 catégorie 3 (chariots élévateurs)"
        expires = 2027-10-21
        remind  = ["-4 mois", "-2 mois", "-14d"]

        [[session]]
        id    = "point-annuel"
        at    = 2027-01-14T11:00:00
        phase = "accompagnement"
        title = "Point annuel sur le plan de formation"
        duration = "1h"
        place = "Visio : https://visio.horizon.example/thomas"

        """#,
    ]

    static let corpus: [String] = configFiles + validCases.map(\.toml)

    // MARK: Differential tests against TOMLKit

    @Test func configFilesParseAndAgreeWithTOMLKit() throws {
        for text in TOMLParserTests.configFiles {
            let ours = try TOML.parse(text)
            let theirs = try tomlKitParse(text).get()
            #expect(normalized(ours) == normalized(theirs), "\(dump(normalized(ours)))\n\(dump(theirs))")
        }
    }

    @Test(arguments: validCases)
    func validCaseAgreesWithTOMLKit(_ c: TOMLValidCase) throws {
        let ours = try TOML.parse(c.toml)
        guard !containsNUL(ours) else { return }  // TOMLKit truncates strings at U+0000: see `containsNUL`.
        switch tomlKitParse(c.toml) {
        case .success(let theirs):
            #expect(
                normalized(ours) == normalized(theirs), "ours:   \(dump(normalized(ours)))\ntoml++: \(dump(theirs))")
        case .failure(let error):
            Issue.record("TOMLKit rejects it: \(error.debugDescription)")
        }
    }

    @Test(arguments: invalidCases)
    func invalidCaseIsRejectedByTOMLKit(_ c: TOMLInvalidCase) {
        guard knownDisagreement(c.toml) == nil else { return }
        if case .success(let table) = tomlKitParse(c.toml) {
            Issue.record("TOMLKit accepts it: \(dump(table))")
        }
    }

    /// Fragments that mutations insert or write over: TOML's punctuation, and the bytes that change a token's kind.
    static let fragments: [String] = [
        "\"", "'", "[", "]", "{", "}", "=", ".", ",", "#", "\n", "\r\n", "\r", "\t", " ", "\\", "\"\"\"", "'''", "[[",
        "]]", "_", "+", "-", ":", "0", "1", "9", "e", "E", "x", "o", "b", "T", "Z", "z", "t", "f", "i", "n", "a", "é",
        "\u{1}", "\u{7F}", "\\u00E9", "\\U0001F600", "\\x", "true", "inf", "nan", "1979-05-27", "07:32:00", "a.b",
        "[x]\n", "[[x]]\n", "x = 1\n", "= ", " = ", "0x", "00", "2027-02-30", "24:00:00",
    ]

    /// A random mutation of `text`: a truncation, a deleted, replaced or inserted fragment, a duplicated, deleted or
    /// swapped line.
    static func mutate(_ text: String, using random: inout SplitMix64) -> String {
        var scalars = Array(text.unicodeScalars)
        func fragment() -> [Unicode.Scalar] { Array(fragments.randomElement(using: &random)!.unicodeScalars) }
        func index() -> Int { scalars.isEmpty ? 0 : Int.random(in: 0...scalars.count, using: &random) }
        var lines: [Substring] {
            String(String.UnicodeScalarView(scalars)).split(separator: "\n", omittingEmptySubsequences: false)
        }
        switch Int.random(in: 0..<9, using: &random) {
        case 0:
            scalars = Array(scalars[..<index()])
        case 1 where !scalars.isEmpty:
            let at = Int.random(in: 0..<scalars.count, using: &random)
            scalars.remove(at: at)
        case 2 where !scalars.isEmpty:
            let at = Int.random(in: 0..<scalars.count, using: &random)
            scalars.replaceSubrange(at...at, with: fragment())
        case 3, 4:
            scalars.insert(contentsOf: fragment(), at: index())
        case 5:
            var all = lines
            if let line = all.randomElement(using: &random) {
                all.insert(line, at: Int.random(in: 0...all.count, using: &random))
            }
            scalars = Array(all.joined(separator: "\n").unicodeScalars)
        case 6:
            var all = lines
            if !all.isEmpty { all.remove(at: Int.random(in: 0..<all.count, using: &random)) }
            scalars = Array(all.joined(separator: "\n").unicodeScalars)
        case 7:
            var all = lines
            if all.count >= 2 {
                all.swapAt(Int.random(in: 0..<all.count, using: &random), Int.random(in: 0..<all.count, using: &random))
            }
            scalars = Array(all.joined(separator: "\n").unicodeScalars)
        default:
            // Write a digit, a letter or a quote over a character of a value.
            if let at = scalars.indices.randomElement(using: &random) {
                scalars[at] = ["0", "5", "9", "a", "\"", "'", ":", "-", "T"].randomElement(using: &random)!
            }
        }
        return String(String.UnicodeScalarView(scalars))
    }

    /// Compares both parsers on `documents`; returns the disagreements.
    static func compareWithTOMLKit(_ documents: [String]) -> (disagreements: [String], accepted: Int, rejected: Int) {
        var disagreements: [String] = []
        var accepted = 0
        var rejected = 0
        for text in documents where knownDisagreement(text) == nil {
            let ours = Result { () throws(TOML.SyntaxError) in try TOML.parse(text) }
            switch (ours, tomlKitParse(text)) {
            case (.success(let table), .success(let reference)):
                accepted += 1
                if !containsNUL(table) && normalized(table) != normalized(reference) {
                    disagreements.append(
                        "values differ for \(text.debugDescription)\nours:   \(dump(normalized(table)))\ntoml++: \(dump(reference))"
                    )
                }
            case (.failure, .failure):
                rejected += 1
            case (.success(let table), .failure(let error)):
                disagreements.append(
                    "only TOMLKit rejects \(text.debugDescription): \(error.debugDescription)\nours: \(dump(table))")
            case (.failure(let error), .success):
                disagreements.append("only jalon rejects \(text.debugDescription): \(error)")
            }
        }
        return (disagreements, accepted, rejected)
    }

    /// Random decimal, hexadecimal, octal and binary numbers, floats with up to 30 digits and exponents up to ±400,
    /// special floats, signs and underscores, valid or not: both parsers must agree on each, bit for bit.
    @Test func numbersAgreeWithTOMLKit() {
        var random = SplitMix64(seed: 7)
        func digits(_ count: Int, underscores: Bool = true) -> String {
            var text = ""
            for i in 0..<count {
                if underscores && i > 0 && Int.random(in: 0..<6, using: &random) == 0 { text += "_" }
                text += String(Int.random(in: 0...9, using: &random))
            }
            return text
        }
        var documents: [String] = []
        for _ in 0..<1_500 {
            var literal = ["", "", "+", "-"].randomElement(using: &random)!
            switch Int.random(in: 0..<10, using: &random) {
            case 0:
                literal = ["0x", "0o", "0b"].randomElement(using: &random)!
                let alphabet = Array(literal == "0x" ? "0123456789abcdefABCDEF" : literal == "0o" ? "01234567" : "01")
                for i in 0..<Int.random(in: 1...24, using: &random) {
                    if i > 0 && Int.random(in: 0..<8, using: &random) == 0 { literal += "_" }
                    literal.append(alphabet.randomElement(using: &random)!)
                }
            case 1:
                literal += [
                    "inf", "nan", "0", "0.0", "0e0", "1e-400", "1e400", "9223372036854775807", "9223372036854775808",
                ]
                .randomElement(using: &random)!
            default:
                literal +=
                    Int.random(in: 0..<4, using: &random) == 0 ? "0" : String(Int.random(in: 1...9, using: &random))
                literal += digits(Int.random(in: 0...19, using: &random))
                if Int.random(in: 0..<2, using: &random) == 0 {
                    literal += "." + digits(Int.random(in: 1...12, using: &random))
                }
                if Int.random(in: 0..<3, using: &random) == 0 {
                    literal += ["e", "E", "e+", "e-", "E-"].randomElement(using: &random)!
                    literal += digits(Int.random(in: 1...3, using: &random), underscores: false)
                }
            }
            // One in ten gets a defect: a stray or doubled underscore, a dot, a letter.
            if Int.random(in: 0..<10, using: &random) == 0 {
                var characters = Array(literal)
                characters.insert(
                    ["_", ".", "e", "x", "__", "-"].randomElement(using: &random)!.first!,
                    at: Int.random(in: 0...characters.count, using: &random))
                literal = String(characters)
            }
            documents.append("x = \(literal)")
            documents.append("a = [\(literal), \(literal)]")
        }
        let (disagreements, accepted, rejected) = TOMLParserTests.compareWithTOMLKit(documents)
        #expect(
            disagreements.isEmpty,
            "\(disagreements.count) disagreements:\n\(disagreements.prefix(10).joined(separator: "\n\n"))")
        #expect(accepted > 1_000 && rejected > 100, "accepted \(accepted), rejected \(rejected)")
    }

    /// Dates, times and date-times with fields in and out of range (day 0-32 of every month of leap and common
    /// years, hours to 25, minutes and seconds to 61, offsets to ±24:60): both parsers must agree on each.
    @Test func datesAndTimesAgreeWithTOMLKit() {
        var random = SplitMix64(seed: 11)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        var documents: [String] = []
        for year in [1900, 2000, 2023, 2024, 0, 9999] {
            for month in 0...13 {
                for day in [0, 1, 28, 29, 30, 31, 32] {
                    let y = String(repeating: "0", count: 4 - String(year).count) + String(year)
                    documents.append("d = \(y)-\(two(month))-\(two(day))")
                }
            }
        }
        for _ in 0..<600 {
            let time =
                "\(two(Int.random(in: 0...25, using: &random))):\(two(Int.random(in: 0...61, using: &random)))"
                + ":\(two(Int.random(in: 0...61, using: &random)))"
                + (Int.random(in: 0..<3, using: &random) == 0
                    ? "." + String(Int.random(in: 0...999_999, using: &random)) : "")
            let offset = [
                "", "Z", "z",
                "+\(two(Int.random(in: 0...24, using: &random))):\(two(Int.random(in: 0...60, using: &random)))",
                "-\(two(Int.random(in: 0...24, using: &random))):\(two(Int.random(in: 0...60, using: &random)))",
            ].randomElement(using: &random)!
            let separator = ["T", "t", " "].randomElement(using: &random)!
            documents.append("t = \(time)")
            documents.append("dt = 2024-02-\(two(Int.random(in: 27...30, using: &random)))\(separator)\(time)\(offset)")
            documents.append("a = [\(time), 1979-05-27\(separator)\(time)\(offset)]")
        }
        let (disagreements, accepted, rejected) = TOMLParserTests.compareWithTOMLKit(documents)
        #expect(
            disagreements.isEmpty,
            "\(disagreements.count) disagreements:\n\(disagreements.prefix(10).joined(separator: "\n\n"))")
        #expect(accepted > 300 && rejected > 300, "accepted \(accepted), rejected \(rejected)")
    }

    @Test func mutationsAgreeWithTOMLKit() {
        var random = SplitMix64(seed: 20_260_401)
        let corpus = TOMLParserTests.corpus.filter { $0.utf8.count < 4_000 }
        var accepted = 0
        var rejected = 0
        var excluded = 0
        var disagreements: [String] = []
        for _ in 0..<2_000 {
            var text = corpus.randomElement(using: &random)!
            for _ in 0..<Int.random(in: 1...3, using: &random) { text = TOMLParserTests.mutate(text, using: &random) }
            if knownDisagreement(text) != nil {
                excluded += 1
                continue
            }
            let ours = Result { () throws(TOML.SyntaxError) in try TOML.parse(text) }
            let theirs = tomlKitParse(text)
            switch (ours, theirs) {
            case (.success(let table), .success(let reference)):
                accepted += 1
                if !containsNUL(table) && normalized(table) != normalized(reference) {
                    disagreements.append(
                        "values differ for \(text.debugDescription)\nours:   \(dump(normalized(table)))\ntoml++: \(dump(reference))"
                    )
                }
            case (.failure, .failure):
                rejected += 1
            case (.success(let table), .failure(let error)):
                disagreements.append(
                    "only TOMLKit rejects \(text.debugDescription): \(error.debugDescription)\nours: \(dump(table))")
            case (.failure(let error), .success):
                disagreements.append("only jalon rejects \(text.debugDescription): \(error)")
            }
        }
        #expect(
            disagreements.isEmpty,
            "\(disagreements.count) disagreements:\n\(disagreements.prefix(10).joined(separator: "\n\n"))")
        // The mutations must exercise both outcomes.
        #expect(accepted > 200 && rejected > 200, "accepted \(accepted), rejected \(rejected), excluded \(excluded)")
    }
}
