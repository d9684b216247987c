import Foundation
import Testing

@testable import JalonCore

/// Words people read come from the catalogue (`Sources/JalonCore/Text/`): this walks the rest of `Sources/` and
/// fails on what would put other words in front of them — a literal printed or thrown with words in it, a raw
/// error (`localizedDescription`, `"\(error)"`, `strerror`), a `language == .fr ? … : …` choice — unless the
/// allow-list below says why that one is not for people to read.
@Suite struct VoiceGuardTests {
    /// What may stay, each with why: (path inside `Sources/`, a piece of the line, the reason).
    static let allowed: [(path: String, needle: String, why: String)] = [
        (
            "jalon-bench/", "",
            "the benchmark tool is for developers: it writes BENCHMARKS.md, in English like the repository"
        ),
        (
            "jalon/SendmailPrivilegesCommand.swift", "Output.standardOutput(",
            "`sendmail-privileges` answers scripts/install (setuid/setgid/plain PROGRAM), not a person"
        ),
    ]

    /// A call that shows or throws its first argument, when that argument starts as a string literal.
    static let speaking = [
        "print(", "Output.standardError(", "Output.standardOutput(", "FileHandle.standardError.write(",
        "FileHandle.standardOutput.write(", "ValidationError(", "message: ", "problem: ", "reason: ", "status: ",
    ]

    /// Raw errors that never reach a person.
    static let raw = [
        "localizedDescription", "\\(error)", "String(describing: error", "strerror(", "language == .fr",
        "language == .en", "fr ? \"", "\"\\(error.",
    ]

    static var sources: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
    }

    /// The Swift files of `Sources/` outside the catalogue, as paths relative to it.
    static func files() -> [String] {
        let root = sources.path
        let walker = FileManager.default.enumerator(atPath: root)
        var files: [String] = []
        while let path = walker?.nextObject() as? String {
            if path.hasSuffix(".swift") && !path.hasPrefix("JalonCore/Text/") { files.append(path) }
        }
        return files.sorted()
    }

    /// The literal characters of the string literal that opens `text` (after its `"`), interpolations left out.
    static func literal(_ text: Substring) -> String {
        var out = ""
        var index = text.startIndex
        var depth = 0
        while index < text.endIndex {
            let c = text[index]
            if depth > 0 {
                if c == "(" { depth += 1 }
                if c == ")" { depth -= 1 }
            } else if c == "\\" {
                let next = text.index(after: index)
                guard next < text.endIndex else { break }
                if text[next] == "(" { depth = 1 }
                index = next
            } else if c == "\"" {
                break
            } else {
                out.append(c)
            }
            index = text.index(after: index)
        }
        return out
    }

    /// Whether `literal` holds a word: two letters in a row, once the program's name that starts every line of
    /// jalon's (`jalon: `) is taken out.
    static func hasWords(_ literal: String) -> Bool {
        var text = literal
        if let range = text.range(of: "jalon: ") { text.removeSubrange(range) }
        if text.hasPrefix("[K") { text.removeFirst(2) }  // the end of an escape sequence: ESC is written \u{1B}
        var run = 0
        for c in text {
            run = c.isLetter ? run + 1 : 0
            if run >= 2 { return true }
        }
        return false
    }

    /// Every line that breaks the rule, as `PATH:LINE: TEXT`.
    static func offences() throws -> [String] {
        var found: [String] = []
        for path in files() {
            let text = try String(contentsOf: sources.appendingPathComponent(path), encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let code = line.drop { $0 == " " }
                if code.hasPrefix("//") { continue }
                var bad = raw.contains { code.contains($0) }
                for call in speaking {
                    var rest = code[...]
                    while let range = rest.range(of: call + "\"") {
                        if hasWords(literal(rest[range.upperBound...])) { bad = true }
                        rest = rest[range.upperBound...]
                    }
                }
                let excused = allowed.contains {
                    path.hasPrefix($0.path) && ($0.needle.isEmpty || code.contains($0.needle))
                }
                if bad && !excused { found.append("\(path):\(number + 1): \(code)") }
            }
        }
        return found
    }

    @Test func noWordsOutsideTheCatalogue() throws {
        let files = VoiceGuardTests.files()
        try #require(files.count > 50, "Sources/ not found at \(VoiceGuardTests.sources.path)")
        let offences = try VoiceGuardTests.offences()
        #expect(
            offences.isEmpty,
            "words people read belong in Sources/JalonCore/Text/:\n\(offences.joined(separator: "\n"))")
    }

    /// The guard itself catches what it is for.
    @Test(arguments: [
        ("Output.standardError(\"jalon: cannot read \\(path)\\n\")", true),
        ("throw ValidationError(\"\\\"\\(address)\\\" is not an email address\")", true),
        ("Output.standardError(\"jalon: \" + text.text(language) + \"\\n\")", false),
        ("Output.standardError(\"\\r\\u{1B}[K\")", false),
        ("Diagnostic(file: f, position: p, severity: .error, message: \"template error\")", true),
    ])
    func theGuardSeesALiteralWithWords(_ line: String, _ offends: Bool) {
        let seen = VoiceGuardTests.speaking.contains { call in
            var rest = line[...]
            while let range = rest.range(of: call + "\"") {
                if VoiceGuardTests.hasWords(VoiceGuardTests.literal(rest[range.upperBound...])) { return true }
                rest = rest[range.upperBound...]
            }
            return false
        }
        #expect(seen == offends, "\(line)")
    }

    /// Every catalogue of `Text/` is in `CatalogueTests`' list, so that each of its texts is written in both
    /// languages there.
    @Test func everyCatalogueIsTested() throws {
        let folder = VoiceGuardTests.sources.appendingPathComponent("JalonCore/Text")
        var declared: Set<String> = []
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            for line in text.split(separator: "\n") where line.contains(": Localizable") {
                guard let range = line.range(of: "enum ") else { continue }
                declared.insert(String(line[range.upperBound...].prefix { $0.isLetter || $0.isNumber }))
            }
        }
        #expect(declared.count >= 10, "\(declared)")
        let tested = Set(CatalogueTests.catalogues.map(\.0))
        #expect(declared.subtracting(tested).isEmpty, "not in CatalogueTests: \(declared.subtracting(tested).sorted())")
    }

    /// Every entry of the allow-list is still needed: one that matches nothing is taken out.
    @Test func everyExcuseIsUsed() throws {
        for entry in VoiceGuardTests.allowed {
            let files = VoiceGuardTests.files().filter { $0.hasPrefix(entry.path) }
            #expect(!files.isEmpty, "\(entry.path): no such file (\(entry.why))")
            if entry.needle.isEmpty { continue }
            let used = try files.contains { path in
                try String(contentsOf: VoiceGuardTests.sources.appendingPathComponent(path), encoding: .utf8)
                    .contains(entry.needle)
            }
            #expect(used, "\(entry.path): \(entry.needle) is not there any more (\(entry.why))")
        }
    }
}
