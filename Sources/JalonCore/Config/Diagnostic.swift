import Foundation

/// A problem found in the configuration, at a place in a file.
package struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    package enum Severity: String, Sendable {
        case error
        case warning
    }

    /// The file, relative to the configuration directory.
    package var file: String
    package var position: SourcePosition
    package var severity: Severity
    package var message: String

    package init(file: String, position: SourcePosition, severity: Severity, message: String) {
        self.file = file
        self.position = position
        self.severity = severity
        self.message = message
    }

    /// `PATH:LINE:COLUMN: error: MESSAGE`, the form compilers use and editors jump to.
    package var description: String {
        "\(file):\(position.line):\(position.column): \(severity.rawValue): \(message)"
    }

    /// File by file in byte order, then by position, errors before warnings at the same place.
    package static func ordered(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        if !sameBytes(lhs.file, rhs.file) { return bytesPrecede(lhs.file, rhs.file) }
        if lhs.position != rhs.position { return lhs.position < rhs.position }
        return lhs.severity == .error && rhs.severity == .warning
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

    private(set) var entries: [(place: Place, severity: Diagnostic.Severity, message: String)] = []

    var hasErrors: Bool { entries.contains { $0.severity == .error } }
    var isEmpty: Bool { entries.isEmpty }

    func error(_ message: String, at path: TOMLPath) {
        entries.append((.path(path), .error, message))
    }

    func warning(_ message: String, at path: TOMLPath) {
        entries.append((.path(path), .warning, message))
    }

    func error(_ message: String, at position: SourcePosition) {
        entries.append((.position(position), .error, message))
    }

    /// The diagnostics of `file` with their positions in its parsed `document`: a path's position, else its nearest
    /// ancestor's, else the start of the file.
    func resolved(file: String, document: TOML.Table?) -> [Diagnostic] {
        guard !entries.isEmpty else { return [] }
        func locate(_ path: TOMLPath) -> SourcePosition {
            var path = path
            while !path.isEmpty {
                if let found = document?.position(at: path) { return found }
                path.removeLast()
            }
            return .start
        }
        return entries.map { entry in
            let position: SourcePosition
            switch entry.place {
            case .path(let path): position = locate(path)
            case .position(let at): position = at
            }
            return Diagnostic(file: file, position: position, severity: entry.severity, message: entry.message)
        }
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
