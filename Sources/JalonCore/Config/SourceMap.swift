/// One step of a path into a TOML document: a key of a table or an index into an array.
package enum TOMLPathComponent: Hashable, Sendable, CustomStringConvertible {
    case key(String)
    case index(Int)

    package var description: String {
        switch self {
        case .key(let key): key
        case .index(let index): "[\(index)]"
        }
    }
}

/// A path from the root of a document to a key or a value: `session[1].at` is `[.key("session"), .index(1), .key("at")]`.
package typealias TOMLPath = [TOMLPathComponent]

extension [TOMLPathComponent] {
    /// `session[1].at`.
    package var dotted: String {
        var text = ""
        for component in self {
            switch component {
            case .key(let key): text += text.isEmpty ? key : "." + key
            case .index: text += component.description
            }
        }
        return text
    }
}

/// A 1-based line and column; columns count Unicode scalars, as toml++ does.
package struct SourcePosition: Hashable, Comparable, Sendable {
    package var line: Int
    package var column: Int

    package init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    package static let start = SourcePosition(line: 1, column: 1)

    package static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// Where each key, table header and array element of a TOML document starts.
///
/// TOMLKit does not expose toml++'s source regions for nodes, only for syntax errors, so this small scanner finds
/// them again. It runs only on documents that already parsed, and only when a diagnostic needs a position, so it
/// can trust the grammar and stay short; on anything unexpected it stops early and the caller falls back to the
/// nearest known ancestor.
package struct SourceMap: Sendable {
    private var positions: [TOMLPath: SourcePosition] = [:]

    package init(text: String) {
        var scanner = Scanner(scalars: Array(text.unicodeScalars))
        scanner.scanDocument()
        positions = scanner.positions
    }

    /// The position of the key at `path`, else of its nearest ancestor that has one, else line 1 column 1.
    package func position(of path: TOMLPath) -> SourcePosition {
        var path = path
        while !path.isEmpty {
            if let found = positions[path] { return found }
            path.removeLast()
        }
        return .start
    }

    /// The position recorded for exactly `path`, if any.
    package func exactPosition(of path: TOMLPath) -> SourcePosition? {
        positions[path]
    }
}

private struct Scanner {
    let scalars: [Unicode.Scalar]
    var index = 0
    var line = 1
    var lineStart = 0
    var positions: [TOMLPath: SourcePosition] = [:]
    /// How many elements each array of tables has so far.
    var arrayTables: [TOMLPath: Int] = [:]

    init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    func peek(_ offset: Int) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    var position: SourcePosition { SourcePosition(line: line, column: index - lineStart + 1) }

    mutating func advance() {
        guard let c = current else { return }
        index += 1
        if c == "\n" {
            line += 1
            lineStart = index
        }
    }

    mutating func record(_ path: TOMLPath, _ at: SourcePosition) {
        if positions[path] == nil { positions[path] = at }
    }

    mutating func skipSpaces() {
        while let c = current, c == " " || c == "\t" { advance() }
    }

    /// Skips spaces, newlines and comments.
    mutating func skipBlank() {
        while let c = current {
            if c == " " || c == "\t" || c == "\n" || c == "\r" {
                advance()
            } else if c == "#" {
                while let d = current, d != "\n" { advance() }
            } else {
                return
            }
        }
    }

    mutating func scanDocument() {
        var table: TOMLPath = []
        while true {
            skipBlank()
            guard let c = current else { return }
            let start = index
            if c == "[" {
                let start = position
                let isArray = peek(1) == "["
                advance()
                if isArray { advance() }
                skipSpaces()
                let keys = scanKey()
                guard !keys.isEmpty else { return }
                table = resolve(keys.dropLast().map(\.0))
                let last = keys[keys.count - 1]
                table.append(.key(last.0))
                record(table, start)
                if isArray {
                    let count = arrayTables[table, default: 0]
                    arrayTables[table] = count + 1
                    table.append(.index(count))
                    record(table, start)
                } else if let count = arrayTables[table] {
                    table.append(.index(count - 1))
                }
                while let d = current, d != "\n" { advance() }
            } else {
                scanKeyValue(in: table)
            }
            if index == start { return }  // no progress: not a document this scanner understands
        }
    }

    /// The full path of a header's keys, entering the latest element of every array of tables on the way.
    func resolve(_ keys: [String]) -> TOMLPath {
        var path: TOMLPath = []
        for key in keys {
            path.append(.key(key))
            if let count = arrayTables[path] { path.append(.index(count - 1)) }
        }
        return path
    }

    mutating func scanKeyValue(in table: TOMLPath) {
        let keys = scanKey()
        guard !keys.isEmpty else { return }
        var path = table
        for (key, at) in keys {
            path.append(.key(key))
            record(path, at)
        }
        skipSpaces()
        guard current == "=" else { return }
        advance()
        skipSpaces()
        scanValue(at: path)
    }

    /// A dotted key: simple keys separated by dots, each with where it starts.
    mutating func scanKey() -> [(String, SourcePosition)] {
        var keys: [(String, SourcePosition)] = []
        while true {
            skipSpaces()
            let at = position
            guard let c = current else { return keys }
            if c == "\"" {
                advance()
                keys.append((scanBasicStringBody(), at))
            } else if c == "'" {
                advance()
                var key = ""
                while let d = current, d != "'", d != "\n" {
                    key.unicodeScalars.append(d)
                    advance()
                }
                advance()
                keys.append((key, at))
            } else {
                var key = ""
                while let d = current, d.properties.isAlphabetic || ("0"..."9").contains(d) || d == "_" || d == "-" {
                    key.unicodeScalars.append(d)
                    advance()
                }
                if key.isEmpty { return keys }
                keys.append((key, at))
            }
            skipSpaces()
            guard current == "." else { return keys }
            advance()
        }
    }

    /// The rest of a `"…"` string after its opening quote, with escapes decoded.
    mutating func scanBasicStringBody() -> String {
        var text = ""
        while let c = current, c != "\"", c != "\n" {
            advance()
            guard c == "\\" else {
                text.unicodeScalars.append(c)
                continue
            }
            guard let e = current else { break }
            advance()
            switch e {
            case "b": text += "\u{8}"
            case "t": text += "\t"
            case "n": text += "\n"
            case "f": text += "\u{C}"
            case "r": text += "\r"
            case "e": text += "\u{1B}"
            case "u", "U":
                var hex = ""
                for _ in 0..<(e == "u" ? 4 : 8) {
                    guard let h = current else { break }
                    hex.unicodeScalars.append(h)
                    advance()
                }
                if let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) {
                    text.unicodeScalars.append(scalar)
                }
            default: text.unicodeScalars.append(e)
            }
        }
        advance()
        return text
    }

    mutating func scanValue(at path: TOMLPath) {
        guard let c = current else { return }
        switch c {
        case "\"", "'":
            if peek(1) == c && peek(2) == c {
                scanMultilineString(quote: c)
            } else {
                advance()
                if c == "\"" {
                    _ = scanBasicStringBody()
                } else {
                    while let d = current, d != "'", d != "\n" { advance() }
                    advance()
                }
            }
        case "[":
            advance()
            var element = 0
            while true {
                skipBlank()
                guard let d = current else { return }
                if d == "]" {
                    advance()
                    return
                }
                if d == "," {
                    advance()
                    continue
                }
                let before = index
                let elementPath = path + [.index(element)]
                record(elementPath, position)
                scanValue(at: elementPath)
                element += 1
                if index == before { return }
            }
        case "{":
            advance()
            while true {
                skipBlank()
                guard let d = current else { return }
                if d == "}" {
                    advance()
                    return
                }
                if d == "," {
                    advance()
                    continue
                }
                let before = index
                scanKeyValue(in: path)
                if index == before { return }
            }
        default:
            while let d = current, d != ",", d != "]", d != "}", d != "\n", d != "#" { advance() }
        }
    }

    mutating func scanMultilineString(quote: Unicode.Scalar) {
        advance()
        advance()
        advance()
        while let c = current {
            if c == "\\" && quote == "\"" {
                advance()
                advance()
                continue
            }
            if c == quote && peek(1) == quote && peek(2) == quote {
                advance()
                advance()
                advance()
                // Up to two more quotes belong to the content, right before the closing delimiter.
                if current == quote { advance() }
                if current == quote { advance() }
                return
            }
            advance()
        }
    }
}
