import Foundation
import Testing

@testable import JalonCore

/// Seeded mutations of valid person files through the loader and the planner: never a crash, every error at a
/// place inside the file. 10,000 cases here; `JALON_FUZZ_CASES` asks for more (scripts/bench --fuzz N), and
/// `JALON_FUZZ_SEED` for another seed.
@Suite struct ConfigurationFuzzTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// The example person files, and one of every kind of value, as seeds.
    static let corpus: [[UInt8]] = {
        var files: [[UInt8]] = []
        let enumerator = FileManager.default.enumerator(atPath: root + "/Config/people")
        while let relative = enumerator?.nextObject() as? String {
            if relative.hasSuffix(".toml"), let data = FileManager.default.contents(atPath: root + "/Config/people/" + relative) {
                files.append(Array(data))
            }
        }
        files.append(
            Array(
                """
                id = "x"
                name = "Zoé"
                email = "zoe@example.org"
                timezone = "America/Guadeloupe"
                holidays = "alsace-moselle"
                remind_at = "07:45"
                [[session]]
                id = "c"
                at = 2027-03-28T02:30:00
                phase = "conclusion"
                remind = ["-1 jour ouvré", "-90 minutes", "+0d"]
                on_non_working = "after"
                [[deadline]]
                id = "d"
                due = 2027-01-31T18:00:00+04:00
                follow_up = { every = "1 mois", count = 12, to = ["person", "rh@example.org"] }
                [[training]]
                id = "t"
                kind = "caces"
                obtained = 2024-02-29
                valid_for = "5 ans"
                done = 2027-01-01

                """.utf8))
        return files
    }()

    static let tokens: [[UInt8]] = [
        "=", "\"", "'", "[", "]", "[[", "]]", "{", "}", ",", "\n", "#", ".", "\"\"\"", "'''", "\\", "\\u0000", "\\uD800",
        "99999999999999999999", "-9223372036854775808", "1e999", "nan", "inf", "0x", "9999-12-31", "0000-01-01",
        "2027-02-30", "24:00:00", "\"-99999999 jours ouvrés\"", "\"+52000wd\"", "\"200 ans\"", "true", "[]", "{}",
        "\u{0}", "\u{7}", "\u{2028}", "é", "\u{301}", "👩‍👩‍👧",
    ].map { Array($0.utf8) }

    static func mutate(_ seed: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
        var bytes = seed
        for _ in 0...random.below(3) {
            let at = random.below(bytes.count + 1)
            switch random.below(11) {
            case 0:  // truncated
                bytes.removeSubrange(at...)
            case 1:  // random bytes, invalid UTF-8 included
                for _ in 0...random.below(8) where !bytes.isEmpty {
                    bytes[random.below(bytes.count)] = UInt8(truncatingIfNeeded: random.next())
                }
            case 2:  // a token, anywhere
                bytes.insert(contentsOf: tokens[random.below(tokens.count)], at: at)
            case 3:  // a huge string
                bytes.insert(contentsOf: Array("x = \"".utf8) + [UInt8](repeating: 0x61, count: 100_000) + [0x22, 0x0A], at: lineStart(bytes, at))
            case 4:  // deep nesting
                let depth = 1 + random.below(3000)
                bytes.insert(contentsOf: Array("x = ".utf8) + [UInt8](repeating: random.below(2) == 0 ? 0x5B : 0x7B, count: depth), at: lineStart(bytes, at))
            case 5:  // a duplicated table or line
                let start = lineStart(bytes, at)
                let end = bytes[start...].firstIndex(of: 0x0A).map { $0 + 1 } ?? bytes.count
                let copy = Array(bytes[start..<end])
                bytes.insert(contentsOf: copy, at: lineStart(bytes, random.below(bytes.count + 1)))
            case 6:  // invalid UTF-8 sequences
                let bad: [[UInt8]] = [[0xC3, 0x28], [0xFF], [0xE2, 0x82], [0xF0, 0x90, 0x80], [0xED, 0xA0, 0x80]]
                bytes.insert(contentsOf: bad[random.below(bad.count)], at: at)
            case 7:  // lines swapped
                var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
                if lines.count > 2 { lines.swapAt(random.below(lines.count), random.below(lines.count)) }
                bytes = Array(lines.joined(separator: [0x0A]))
            case 8:  // a value replaced by a token
                if let equals = bytes[lineStart(bytes, at)...].firstIndex(of: 0x3D) {
                    let end = bytes[equals...].firstIndex(of: 0x0A) ?? bytes.count
                    bytes.replaceSubrange((equals + 1)..<end, with: [0x20] + tokens[random.below(tokens.count)])
                }
            case 9:  // a slice deleted
                let end = min(bytes.count, at + random.below(40))
                bytes.removeSubrange(at..<end)
            default:  // a NUL
                bytes.insert(0, at: at)
            }
        }
        return bytes
    }

    static func lineStart(_ bytes: [UInt8], _ at: Int) -> Int {
        guard at > 0 else { return 0 }
        return (bytes[..<min(at, bytes.count)].lastIndex(of: 0x0A).map { $0 + 1 }) ?? 0
    }

    /// The loop runs on a Dispatch queue: tests of the daemon in this process need the cooperative pool's few
    /// threads for their sendmail tasks, and this one keeps a core busy for many seconds.
    @Test func mutatedPersonFilesNeverCrashAndEveryErrorHasAPlace() async throws {
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                Self.fuzz()
                done.resume()
            }
        }
    }

    static func fuzz() {
        let environment = ProcessInfo.processInfo.environment
        let cases = environment["JALON_FUZZ_CASES"].flatMap(Int.init) ?? 10_000
        var random = SplitMix64(seed: environment["JALON_FUZZ_SEED"].flatMap(UInt64.init) ?? 20_261_127)
        var settings = Settings.defaults(zone: Zone(identifier: "Europe/Paris")!)
        settings.consultants["claire"] = Consultant(id: "claire", name: "Claire", email: "c@example.org", digest: nil)
        settings.consultants["thomas"] = Consultant(id: "thomas", name: "Thomas", email: nil, digest: nil)
        let planner = ReminderPlanner(settings: settings)
        var broken = 0
        for index in 0..<cases {
            let seed = corpus[random.below(corpus.count)]
            let bytes = mutate(seed, &random)
            let file = ConfigurationLoader.personFile("people/case-\(index).toml", bytes: bytes, settings: settings)
            let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).count
            for diagnostic in file.diagnostics {
                let place = diagnostic.position
                // A position inside the file (one past its last line for an error at the end of the file).
                guard place.line >= 1, place.column >= 1, place.line <= lines + 1, !diagnostic.message.isEmpty else {
                    Issue.record("case \(index): \(diagnostic) is not at a place in a \(lines)-line file")
                    return
                }
                #expect(diagnostic.description.hasPrefix("people/case-\(index).toml:\(place.line):\(place.column): "))
            }
            if let person = file.person {
                #expect(!file.diagnostics.contains { $0.severity == .error }, "case \(index)")
                _ = planner.reminders(for: person)
            } else {
                broken += 1
                #expect(file.diagnostics.contains { $0.severity == .error }, "case \(index): refused without an error")
            }
        }
        // The mutations must exercise both outcomes, or the fuzzer tests little.
        #expect(broken > cases / 4 && broken < cases, "\(broken) of \(cases) mutated files were refused")
    }
}
