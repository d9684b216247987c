import Foundation

/// A problem found in the configuration, at a place in a file.
package struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    package enum Severity: String, Sendable, Comparable {
        /// The file is left out (or, for `jalon.toml`, the key keeps its default).
        case error
        /// Read, but probably not what was meant.
        case warning
        /// Read as meant, written otherwise than the canonical way: says which spelling is canonical.
        case note

        package static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .note: 2
            }
        }
    }

    /// The file, relative to the configuration directory.
    package var file: String
    package var position: SourcePosition
    package var severity: Severity
    /// A stable identifier of the kind of problem (`toml.syntax`, `duration.unsigned`, …), for editors and scripts;
    /// the README lists them.
    package var code: String
    /// The text, in the language of the settings.
    package var message: String

    package init(file: String, position: SourcePosition, severity: Severity, code: String, message: String) {
        self.file = file
        self.position = position
        self.severity = severity
        self.code = code
        self.message = message
    }

    /// A problem of the catalogue, written in `language`.
    package init(
        file: String, position: SourcePosition, severity: Severity, text: DiagnosticText, language: Language
    ) {
        self.init(
            file: file, position: position, severity: severity, code: text.code.rawValue, message: text.text(language))
    }

    /// A problem of the catalogue, for callers that do not know the settings' language: written in French, the
    /// default one.
    package init(file: String, position: SourcePosition, severity: Severity, message text: DiagnosticText) {
        self.init(file: file, position: position, severity: severity, text: text, language: .fr)
    }

    /// A problem from outside the configuration language (a message template), with the code `template`.
    package init(file: String, position: SourcePosition, severity: Severity, message: String) {
        self.init(
            file: file, position: position, severity: severity, code: DiagnosticCode.template.rawValue,
            message: message)
    }

    /// `PATH:LINE:COLUMN: error: MESSAGE`, the form compilers use and editors jump to.
    package var description: String {
        "\(file):\(position.line):\(position.column): \(severity.rawValue): \(message)"
    }

    /// File by file in byte order, then by position, errors before warnings before notes at the same place.
    package static func ordered(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        if !sameBytes(lhs.file, rhs.file) { return bytesPrecede(lhs.file, rhs.file) }
        if lhs.position != rhs.position { return lhs.position < rhs.position }
        return lhs.severity < rhs.severity
    }
}

extension Diagnostic {
    /// One JSON array of `{"file", "line", "column", "severity", "code", "message"}`, one object a line: what
    /// `jalon check --json` prints.
    package static func json(_ diagnostics: [Diagnostic]) -> String {
        var out = JSONWriter()
        out.raw("[")
        for (index, diagnostic) in diagnostics.enumerated() {
            out.raw(index == 0 ? "\n{\"file\":" : ",\n{\"file\":")
            out.string(diagnostic.file)
            out.raw(",\"line\":")
            out.bytes += String(diagnostic.position.line).utf8
            out.raw(",\"column\":")
            out.bytes += String(diagnostic.position.column).utf8
            out.raw(",\"severity\":")
            out.string(diagnostic.severity.rawValue)
            out.raw(",\"code\":")
            out.string(diagnostic.code)
            out.raw(",\"message\":")
            out.string(diagnostic.message)
            out.raw("}")
        }
        out.raw(diagnostics.isEmpty ? "]\n" : "\n]\n")
        return String(decoding: out.bytes, as: UTF8.self)
    }
}

/// Collects the problems of one file against paths into the document; positions are looked up at the end, and
/// only when there is something to report, because finding them means scanning the text again.
final class DiagnosticCollector {
    enum Place {
        /// The key (or array element) at this path, else its nearest ancestor.
        case path(TOMLPath)
        case position(SourcePosition)
    }

    private(set) var entries: [(place: Place, severity: Diagnostic.Severity, text: DiagnosticText)] = []

    var hasErrors: Bool { entries.contains { $0.severity == .error } }
    var isEmpty: Bool { entries.isEmpty }

    func error(_ text: DiagnosticText, at path: TOMLPath) {
        entries.append((.path(path), .error, text))
    }

    func warning(_ text: DiagnosticText, at path: TOMLPath) {
        entries.append((.path(path), .warning, text))
    }

    func note(_ text: DiagnosticText, at path: TOMLPath) {
        entries.append((.path(path), .note, text))
    }

    func error(_ text: DiagnosticText, at position: SourcePosition) {
        entries.append((.position(position), .error, text))
    }

    func warning(_ text: DiagnosticText, at position: SourcePosition) {
        entries.append((.position(position), .warning, text))
    }

    /// The syntax errors of a document, each at its place.
    func record(_ errors: [TOML.SyntaxError]) {
        for error in errors {
            entries.append((.position(SourcePosition(line: error.line, column: error.column)), .error, error.text))
        }
    }

    /// The diagnostics of `file` written in `language`, with their positions in its parsed `document`: a path's
    /// position, else its nearest ancestor's, else the start of the file. Notes only when `notes` is true.
    func resolved(file: String, document: TOML.Table?, language: Language, notes: Bool = true) -> [Diagnostic] {
        guard !entries.isEmpty else { return [] }
        func locate(_ path: TOMLPath) -> SourcePosition {
            var path = path
            while !path.isEmpty {
                if let found = document?.position(at: path) { return found }
                path.removeLast()
            }
            return .start
        }
        var diagnostics: [Diagnostic] = []
        diagnostics.reserveCapacity(entries.count)
        for entry in entries where notes || entry.severity != .note {
            let position: SourcePosition
            switch entry.place {
            case .path(let path): position = locate(path)
            case .position(let at): position = at
            }
            diagnostics.append(
                Diagnostic(
                    file: file, position: position, severity: entry.severity, text: entry.text, language: language))
        }
        return diagnostics
    }
}

/// Byte order of the UTF-8 texts (paths are sorted so, whatever the locale; for identifiers, which are ASCII, it
/// is also Swift's order), compared with `memcmp` rather than character by character.
package func bytesPrecede(_ a: String, _ b: String) -> Bool {
    let order = a.utf8.withContiguousStorageIfAvailable { x in
        b.utf8.withContiguousStorageIfAvailable { y -> Bool in
            let common = min(x.count, y.count)
            let sign = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
            return sign != 0 ? sign < 0 : x.count < y.count
        }
    }
    return (order ?? nil) ?? a.utf8.lexicographicallyPrecedes(b.utf8)
}
