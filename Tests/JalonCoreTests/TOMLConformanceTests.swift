import Foundation
import Testing

@testable import JalonCore

/// The official TOML conformance suite, toml-test (Fixtures/toml-test: its TOML 1.0.0 cases, MIT licence, commit
/// in VERSION), through the path jalon reads its files with: `ConfigFile.read`, then `ConfigFile.document`. Every
/// valid document must parse to the value its JSON file gives (toml-test's tagged JSON: floats compared as
/// numbers, nan equal to nan, offset date-times as instants), every invalid one must be refused.
@Suite struct TOMLConformanceTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/toml-test/tests").path

    /// The cases of `files-toml-1.0.0`, relative to `root`, without `.toml`.
    static let cases: (valid: [String], invalid: [String]) = {
        let list = (try? String(contentsOfFile: root + "/files-toml-1.0.0", encoding: .utf8)) ?? ""
        let names = list.split(separator: "\n").map(String.init).filter { $0.hasSuffix(".toml") }
            .map { String($0.dropLast(".toml".count)) }
        return (names.filter { $0.hasPrefix("valid/") }, names.filter { $0.hasPrefix("invalid/") })
    }()

    /// The suite's files may come with any mode from a checkout: this test is about the TOML in them.
    static let trust = ConfigFile.Trust(owners: [geteuid(), 0], writableGroups: Set((0...65535).map { gid_t($0) }))

    /// What jalon makes of a file: its document, or nil when the file reader refuses it.
    static func read(_ name: String) -> TOML.Document? {
        guard case .text(let text) = ConfigFile.read(root + "/" + name + ".toml", trust: trust) else { return nil }
        return ConfigFile.document(text)
    }

    @Test func theSuiteIsComplete() {
        #expect(TOMLConformanceTests.cases.valid.count == 210)
        #expect(TOMLConformanceTests.cases.invalid.count == 499)
    }

    @Test(arguments: cases.valid)
    func validDocumentParsesToItsValue(_ name: String) throws {
        let document = try #require(TOMLConformanceTests.read(name), "refused by the file reader")
        #expect(document.errors.isEmpty, "\(document.errors)")
        let data = try #require(FileManager.default.contents(atPath: TOMLConformanceTests.root + "/" + name + ".json"))
        let expected = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        let difference = TaggedJSON.difference(.table(document.table), expected, at: "")
        #expect(difference == nil, "\(difference ?? "")")
    }

    @Test(arguments: cases.invalid)
    func invalidDocumentIsRefused(_ name: String) {
        if let document = TOMLConformanceTests.read(name) {
            #expect(!document.errors.isEmpty, "accepted")
        }
    }
}

/// toml-test's tagged JSON, compared with a parsed value.
enum TaggedJSON {
    /// Where `value` and the expected JSON differ, or nil.
    static func difference(_ value: TOML.Value, _ expected: Any, at path: String) -> String? {
        switch value {
        case .table(let table):
            guard let object = expected as? [String: Any], !isLeaf(object) else { return "\(path): not a table" }
            guard Set(object.keys) == Set(table.keys), object.count == table.count else {
                return "\(path): keys \(table.keys.sorted()) instead of \(object.keys.sorted())"
            }
            for (key, element) in zip(table.keys, table.values) {
                if let difference = difference(element, object[key]!, at: path + "." + key) { return difference }
            }
            return nil
        case .array(let elements, _):
            guard let array = expected as? [Any], array.count == elements.count else {
                return "\(path): not an array of \(elements.count)"
            }
            for (index, element) in elements.enumerated() {
                if let difference = difference(element, array[index], at: path + "[\(index)]") { return difference }
            }
            return nil
        default:
            guard let leaf = expected as? [String: Any], isLeaf(leaf), let type = leaf["type"] as? String,
                let text = leaf["value"] as? String
            else { return "\(path): \(value) where a table or an array is expected" }
            return same(value, type, text) ? nil : "\(path): \(value) instead of \(type) \(text)"
        }
    }

    static func isLeaf(_ object: [String: Any]) -> Bool {
        object.count == 2 && object["type"] is String && object["value"] is String
    }

    static func same(_ value: TOML.Value, _ type: String, _ text: String) -> Bool {
        switch (value, type) {
        case (.string(let string), "string"):
            return Array(string.utf8) == Array(text.utf8)
        case (.integer(let integer), "integer"):
            return Int(text) == integer
        case (.float(let float), "float"):
            let number: Double? =
                switch text {
                case "nan", "+nan", "-nan": .nan
                case "inf", "+inf": .infinity
                case "-inf": -.infinity
                default: Double(text)
                }
            guard let number else { return false }
            return number == float || (number.isNaN && float.isNaN)
        case (.bool(let flag), "bool"):
            return text == String(flag)
        case (.date(let date), "date-local"):
            return Written(text).date == date
        case (.time(let time, let nanoseconds), "time-local"):
            let written = Written(text)
            return written.time == time && written.nanoseconds == nanoseconds
        case (.dateTime(let local, nil, let nanoseconds), "datetime-local"):
            let written = Written(text)
            return written.date == local.date && written.time == local.time && written.nanoseconds == nanoseconds
        case (.dateTime(let local, let offset?, let nanoseconds), "datetime"):
            let written = Written(text)
            guard let date = written.date, let time = written.time, let writtenOffset = written.offsetMinutes else {
                return false
            }
            let instant = local.wallSeconds - Int64(offset * 60)
            let expected = LocalDateTime(date, time).wallSeconds - Int64(writtenOffset * 60)
            return instant == expected && written.nanoseconds == nanoseconds
        default:
            return false
        }
    }

    /// A date, a time and an offset as toml-test writes them (`1979-05-27T07:32:00.999-07:00`).
    struct Written {
        var date: LocalDate?
        var time: LocalTime?
        var nanoseconds: Int32 = 0
        var offsetMinutes: Int?

        init(_ text: String) {
            var rest = Substring(text)
            if rest.count >= 10, rest.dropFirst(4).first == "-" {
                let parts = rest.prefix(10).split(separator: "-").compactMap { Int($0) }
                if parts.count == 3 { date = LocalDate(year: parts[0], month: parts[1], day: parts[2]) }
                rest = rest.dropFirst(10).drop { $0 == "T" || $0 == "t" || $0 == " " }
            }
            guard rest.count >= 8 else { return }
            let fields = rest.prefix(8).split(separator: ":").compactMap { Int($0) }
            guard fields.count == 3 else { return }
            time = LocalTime(hour: fields[0], minute: fields[1], second: fields[2])
            rest = rest.dropFirst(8)
            if rest.first == "." {
                let digits = rest.dropFirst().prefix { $0.isNumber }
                let nine = String((digits + "000000000").prefix(9))
                nanoseconds = Int32(nine) ?? -1
                rest = rest.dropFirst(1 + digits.count)
            }
            if rest == "Z" || rest == "z" {
                offsetMinutes = 0
            } else if let sign = rest.first, sign == "+" || sign == "-", rest.count == 6 {
                let parts = rest.dropFirst().split(separator: ":").compactMap { Int($0) }
                if parts.count == 2 { offsetMinutes = (sign == "-" ? -1 : 1) * (parts[0] * 60 + parts[1]) }
            }
        }
    }
}

extension TOMLConformanceTests {
    /// The comparison is not blind: a fraction of a second, a float, a string's bytes and an offset all count.
    @Test func theComparisonSeesDifferences() throws {
        let document = try TOML.parse("t = 10:32:00.555\nf = 0.1\ns = \"é\"\nd = 1987-07-05T17:45:00Z")
        #expect(TaggedJSON.difference(document["t"]!, ["type": "time-local", "value": "10:32:00"], at: "t") != nil)
        #expect(TaggedJSON.difference(document["t"]!, ["type": "time-local", "value": "10:32:00.555"], at: "t") == nil)
        #expect(TaggedJSON.difference(document["f"]!, ["type": "float", "value": "0.2"], at: "f") != nil)
        #expect(TaggedJSON.difference(document["s"]!, ["type": "string", "value": "e\u{301}"], at: "s") != nil)
        #expect(
            TaggedJSON.difference(document["d"]!, ["type": "datetime", "value": "1987-07-05T18:45:00+01:00"], at: "d")
                == nil)
        #expect(
            TaggedJSON.difference(document["d"]!, ["type": "datetime", "value": "1987-07-05T17:45:00+01:00"], at: "d")
                != nil)
    }
}
