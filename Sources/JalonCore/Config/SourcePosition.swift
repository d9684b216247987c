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
