import Glibc

/// jalon's own TOML 1.0.0 parser.
///
/// It works on the UTF-8 bytes of the document, keeps where every key and array element was written, builds plain
/// Swift values (freed like any other), and finds every syntax error of a document, each with a message that says
/// what was expected and what was found, at a 1-based line and column (columns count Unicode scalars). After an
/// error it goes on at the next line (or the next element of a list written over several lines, or the next token
/// of a line), so that one mistake gives one error and three mistakes three. It never traps or recurses without
/// bound, whatever the input.
///
/// Where TOML leaves room, it follows toml++ 3.4 (the parser TOMLKit wraps, kept as the reference in the tests):
/// seconds go up to 59, a float that overflows to infinity is an error, and a dotted key may extend a table that a
/// `[a.b.c]` header created implicitly, but not one that a header defined. Unlike toml++ it has no length limit on
/// numbers, keeps fractional seconds to the nanosecond (more digits are truncated, as TOML asks), and refuses
/// nesting deeper than 100 tables and arrays (toml++: 256 arrays and inline tables).
package enum TOML {
    /// A table: keys in document order, with where each key was written.
    package struct Table: Sendable, Equatable {
        package private(set) var keys: [String]
        package private(set) var values: [Value]
        /// Where each key (its first character) is, parallel to `keys`. For a table created by a header `[a.b]` or
        /// `[[a]]`, the key's position is that of the key in the header line; for implicitly created super-tables,
        /// the position of the first key that created them.
        package private(set) var keyPositions: [SourcePosition]
        /// Keys whose value had a syntax error (only in a document with errors): they are written, but their value
        /// stands for nothing, so that a reader neither uses it nor reports the key as missing.
        package private(set) var brokenKeys: [String]

        /// An empty table.
        package init() {
            keys = []
            values = []
            keyPositions = []
            brokenKeys = []
        }

        /// A table with these keys, values and key positions (three arrays of the same length; keys should be
        /// distinct).
        package init(keys: [String], values: [Value], keyPositions: [SourcePosition]) {
            precondition(
                keys.count == values.count && keys.count == keyPositions.count,
                "TOML.Table needs as many values and positions as keys")
            self.keys = keys
            self.values = values
            self.keyPositions = keyPositions
            brokenKeys = []
        }

        fileprivate init(
            unchecked keys: [String], _ values: [Value], _ keyPositions: [SourcePosition], broken: [String]
        ) {
            self.keys = keys
            self.values = values
            self.keyPositions = keyPositions
            brokenKeys = broken
        }

        package var count: Int { keys.count }

        /// The value of `key` (keys compare byte for byte, as TOML keys do); a linear search, tables are small.
        package subscript(key: String) -> Value? {
            guard let index = index(ofKey: key) else { return nil }
            return values[index]
        }

        /// Where `key` is written.
        package func position(of key: String) -> SourcePosition? {
            guard let index = index(ofKey: key) else { return nil }
            return keyPositions[index]
        }

        /// Whether `key`'s value had a syntax error.
        @inline(__always)
        package func isBroken(_ key: String) -> Bool {
            !brokenKeys.isEmpty && brokenKeys.contains { sameKey($0, key) }
        }
    }

    /// A value. The enum is not `indirect`: arrays already give the recursion its indirection, and boxing every
    /// scalar would cost an allocation per value (+25% parse time).
    package enum Value: Sendable, Equatable {
        case table(Table)
        /// An array's elements and where each element starts. An array of tables (`[[x]]`) is an array whose
        /// element positions are those of each `[[x]]` header.
        case array([Value], positions: [SourcePosition])
        case string(String)
        /// Int64 range; overflow is a syntax error.
        case integer(Int)
        case float(Double)
        case bool(Bool)
        case date(LocalDate)
        /// `nanoseconds`: the fraction of the second (0 when none is written; digits past the ninth are dropped).
        case time(LocalTime, nanoseconds: Int32)
        /// `offsetMinutes` is nil for a local date-time; `Z` is 0.
        case dateTime(LocalDateTime, offsetMinutes: Int?, nanoseconds: Int32)
    }

    /// A syntax error: what is wrong, and the 1-based line and column where (columns count Unicode scalars).
    package struct SyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
        package var text: DiagnosticText
        package var line: Int
        package var column: Int

        package init(_ text: DiagnosticText, line: Int, column: Int) {
            self.text = text
            self.line = line
            self.column = column
        }

        /// The message in English (for logs and tests; people read `text` in their language).
        package var message: String { text.english }

        /// `LINE:COLUMN: MESSAGE`, in English.
        package var description: String { "\(line):\(column): \(message)" }
    }

    /// A document and every syntax error found in it. With errors, `table` holds what could be read: the keys
    /// before, between and after the errors, and the keys whose value was wrong among `brokenKeys`.
    package struct Document: Sendable {
        package var table: Table
        /// In the order of their place in the text.
        package var errors: [SyntaxError]
    }

    /// The most syntax errors reported for one document; past it, the rest is not read.
    package static let maximumErrors = 100

    /// Parses a TOML 1.0.0 document.
    ///
    /// - Parameter skippingByteOrderMark: whether a byte order mark may start the text (the file reader,
    ///   `ConfigFile`, has removed it already: a second one is then an error).
    /// - Throws: the first syntax error of the document.
    package static func parse(_ text: String, skippingByteOrderMark: Bool = true) throws(SyntaxError) -> Table {
        let document = parseDocument(text, skippingByteOrderMark: skippingByteOrderMark)
        if let first = document.errors.first { throw first }
        return document.table
    }

    /// Parses a TOML 1.0.0 document and returns every syntax error with what could be read.
    package static func parseDocument(_ text: String, skippingByteOrderMark: Bool = true) -> Document {
        let result =
            text.utf8.withContiguousStorageIfAvailable {
                parse(bytes: $0, skippingByteOrderMark: skippingByteOrderMark)
            }
            ?? Array(text.utf8).withUnsafeBufferPointer {
                parse(bytes: $0, skippingByteOrderMark: skippingByteOrderMark)
            }
        return result
    }

    private static func parse(bytes: UnsafeBufferPointer<UInt8>, skippingByteOrderMark: Bool) -> Document {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return Document(table: Table(), errors: []) }
        var parser = TOMLByteParser(base: base, count: bytes.count, skippingByteOrderMark: skippingByteOrderMark)
        defer { parser.releaseArena() }
        let table = parser.parseDocument()
        return Document(table: table, errors: parser.syntaxErrors())
    }
}

extension TOML.Table {
    /// The position of the key or array element at `path` (e.g. `[.key("deadline"), .index(1), .key("due")]`), nil
    /// if absent.
    package func position(at path: TOMLPath) -> SourcePosition? {
        guard case .key(let key)? = path.first, let index = index(ofKey: key) else { return nil }
        var found = keyPositions[index]
        var container = values[index]
        for component in path.dropFirst() {
            switch (component, container) {
            case (.key(let key), .table(let table)):
                guard let index = table.index(ofKey: key) else { return nil }
                found = table.keyPositions[index]
                container = table.values[index]
            case (.index(let index), .array(let elements, let positions)):
                guard elements.indices.contains(index) else { return nil }
                found = positions[index]
                container = elements[index]
            default:
                return nil
            }
        }
        return found
    }

    fileprivate func index(ofKey key: String) -> Int? {
        for index in keys.indices where sameKey(keys[index], key) { return index }
        return nil
    }
}

/// TOML keys are compared byte for byte, while Swift's `==` also equates canonically equivalent strings
/// ("é" and "e\u{301}"; "\u{212A}" and "K"); `==` first, since it is fast and never says "different" for equal
/// bytes.
@inline(__always)
private func sameKey(_ a: String, _ b: String) -> Bool {
    a == b && sameBytes(a, b)
}

/// Whether the two texts have the same UTF-8 bytes.
@inline(never)
func sameBytes(_ a: String, _ b: String) -> Bool {
    let same = a.utf8.withContiguousStorageIfAvailable { x in
        b.utf8.withContiguousStorageIfAvailable { y in
            x.count == y.count && (x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0)
        }
    }
    return (same ?? nil) ?? a.utf8.elementsEqual(b.utf8)
}

// MARK: - The parser

/// The deepest nesting of tables and arrays (the root table excluded) a document may have.
private let maximumDepth = 100

/// ASCII bytes by name.
private enum Byte {
    static var tab: UInt8 { 0x09 }
    static var newline: UInt8 { 0x0A }
    static var carriageReturn: UInt8 { 0x0D }
    static var space: UInt8 { 0x20 }
    static var quote: UInt8 { 0x22 }
    static var hash: UInt8 { 0x23 }
    static var apostrophe: UInt8 { 0x27 }
    static var plus: UInt8 { 0x2B }
    static var comma: UInt8 { 0x2C }
    static var minus: UInt8 { 0x2D }
    static var dot: UInt8 { 0x2E }
    static var zero: UInt8 { 0x30 }
    static var colon: UInt8 { 0x3A }
    static var equals: UInt8 { 0x3D }
    static var openBracket: UInt8 { 0x5B }
    static var backslash: UInt8 { 0x5C }
    static var closeBracket: UInt8 { 0x5D }
    static var underscore: UInt8 { 0x5F }
    static var openBrace: UInt8 { 0x7B }
    static var closeBrace: UInt8 { 0x7D }
    static var delete: UInt8 { 0x7F }
}

@inline(__always)
private func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }

@inline(__always)
private func isBareKeyByte(_ b: UInt8) -> Bool {
    // A-Z a-z 0-9 _ -, as two 64-bit masks.
    let low: UInt64 = 0x03FF_2000_0000_0000
    let high: UInt64 = 0x07FF_FFFE_87FF_FFFE
    return b < 64 ? (low >> b) & 1 != 0 : b < 128 ? (high >> (b &- 64)) & 1 != 0 : false
}

/// SWAR (8 bytes at a time, little-endian loads): a mask whose lowest set bit (bit 7 of a byte) marks the first
/// byte of `word` equal to `byte`; higher bits may be false positives.
@inline(__always)
private func byteBits(_ word: UInt64, _ byte: UInt8) -> UInt64 {
    let x = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
    return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
}

/// SWAR: the same for the first byte below 0x20 or equal to 0x7F (a control character, or tab).
@inline(__always)
private func controlBits(_ word: UInt64) -> UInt64 {
    ((word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080) | byteBits(word, 0x7F)
}

@inline(__always)
private func load8(_ pointer: UnsafePointer<UInt8>) -> UInt64 {
    UInt64(littleEndian: UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self))
}

/// A control character that TOML forbids in strings and comments (all but tab).
@inline(__always)
private func isForbiddenControl(_ b: UInt8) -> Bool {
    (b < 0x20 && b != Byte.tab) || b == Byte.delete
}

@inline(__always)
private func hexValue(_ b: UInt8) -> UInt32? {
    if isDigit(b) { return UInt32(b &- 0x30) }
    let lower = b | 0x20
    if lower >= 0x61 && lower <= 0x66 { return UInt32(lower - 0x61 + 10) }
    return nil
}

/// A table under construction. Tables that may still receive keys live in the parser's arena and are linked from
/// their parent by index; everything else (scalars, static arrays, closed inline tables) is already a final value.
private struct Node {
    enum Kind {
        /// The root, a table defined by a `[header]`, or an element of an array of tables.
        case header
        /// A super-table a header created (`a` for `[a.b]`): a header may still define it, a dotted key extend it.
        case implicit
        /// A table a dotted key created (`a` for `a.b = 1`).
        case dotted
        /// An inline table being parsed.
        case inline
    }

    /// A key whose value is a table or an array of tables of the arena; its slot in `values` holds a placeholder.
    struct Link {
        var target: Int
        var isTableArray: Bool
    }

    var keys: [String] = []
    var values: [TOML.Value] = []
    var positions: [SourcePosition] = []
    /// For each key, -1, or the arena table (`2 * index`) or array of tables (`2 * index + 1`) it stands for; empty
    /// while the table has no such key.
    var links: [Int] = []
    /// An index of the keys, built once a table is large, so that a document with many keys stays linear.
    var index: [ByteKey: Int]?
    /// One bit per key hash (`KeySegment.bit`): most keys are new, and this says so without comparing strings.
    var mask: UInt64 = 0
    var kind: Kind
    /// The line of the header that defined this table, or 0.
    var headerLine = 0
    /// How many tables and arrays enclose this table (the root is at depth 0).
    var depth: Int
    /// Keys whose value had a syntax error.
    var broken: [String] = []

    init(kind: Kind, depth: Int) {
        self.kind = kind
        self.depth = depth
    }
}

/// A string hashed and compared byte for byte.
private struct ByteKey: Hashable {
    var string: String

    static func == (lhs: ByteKey, rhs: ByteKey) -> Bool { sameKey(lhs.string, rhs.string) }

    func hash(into hasher: inout Hasher) {
        var string = string
        string.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

/// One segment of a key: its text, a hash of its bytes, and where it starts and ends in the source.
private struct KeySegment {
    var key = ""
    var hash: UInt64 = 0
    var start = 0
    var end = 0

    var bit: UInt64 { 1 << (hash >> 58) }
}

/// A hash of a key's bytes (`KeySegment.hash`): its length and first and last 8 bytes. Equal hashes are always
/// confirmed by comparing the keys. `readable` says whether 8 bytes can be read from `bytes`, even past `count`.
@inline(__always)
private func keyHash(_ bytes: UnsafePointer<UInt8>, _ count: Int, readable: Bool) -> UInt64 {
    var first: UInt64 = 0
    var last: UInt64 = 0
    if count >= 8 {
        first = load8(bytes)
        last = load8(bytes + count - 8)
    } else if readable {
        first = load8(bytes) & ((1 << UInt64(truncatingIfNeeded: count &* 8)) &- 1)
    } else {
        for i in 0..<count { first |= UInt64(bytes[i]) << UInt64(truncatingIfNeeded: i &* 8) }
    }
    let h = (first ^ UInt64(truncatingIfNeeded: count) << 56) &* 0x9E37_79B9_7F4A_7C15
    return (h ^ (h >> 29) ^ last) &* 0xBF58_476D_1CE4_E5B9
}

/// SWAR: a mask with bit 7 of each byte of `word` set where the byte is in `low...high` (bytes below 0x80).
@inline(__always)
private func rangeBits(_ word: UInt64, _ low: UInt8, _ high: UInt8) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    return (word &+ ones &* UInt64(0x80 &- low)) & ~(word &+ ones &* UInt64(0x7F &- high)) & (ones &* 0x80)
}

/// SWAR: a mask with bit 7 set for each byte of `word` that cannot be in a bare key (A-Z a-z 0-9 _ -).
@inline(__always)
private func nonBareKeyBits(_ word: UInt64) -> UInt64 {
    let ascii = word & 0x7F7F_7F7F_7F7F_7F7F
    let bare =
        rangeBits(ascii | 0x2020_2020_2020_2020, 0x61, 0x7A) | rangeBits(ascii, 0x30, 0x39)
        | rangeBits(ascii, 0x5F, 0x5F) | rangeBits(ascii, 0x2D, 0x2D)
    return (~bare | word) & 0x8080_8080_8080_8080
}

/// An array of tables (`[[a]]`) under construction: arena indices of its tables and the position of each header.
private struct TableArrayNode {
    var elements: [Int] = []
    var positions: [SourcePosition] = []
}

/// Stands in the slot of a key whose table is still in the arena.
private let placeholder = TOML.Value.bool(false)

/// Tables with more keys than this get a hash index.
private let indexThreshold = 16

/// A syntax error while parsing: what, and where as a byte offset (turned into a line and column at the end).
private struct Failure: Error {
    var text: DiagnosticText
    var offset: Int
    /// Where parsing goes on after it, when not at the start of the next line.
    var resume: Int? = nil
    /// Already among the parser's failures: whoever catches it only resynchronises.
    var recorded = false
}

/// The document's bytes, and what can be computed from them alone (names of what was found, scalar fields).
/// Kept apart from the parser's state so that calling these costs no copy of that state.
private struct Source {
    let base: UnsafePointer<UInt8>
    let end: Int
    /// 3 when the document starts with a byte order mark that is skipped (it does not count as a column).
    let bomLength: Int

    init(base: UnsafePointer<UInt8>, count: Int, skippingByteOrderMark: Bool) {
        self.base = base
        self.end = count
        bomLength =
            skippingByteOrderMark && count >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF ? 3 : 0
    }

    @inline(__always)
    func byte(_ offset: Int) -> UInt8 { offset < end ? base[offset] : 0 }

    func fail(_ text: DiagnosticText, at offset: Int) -> Failure {
        Failure(text: text, offset: offset)
    }

    /// The Unicode scalar that starts at `offset`.
    func scalar(at offset: Int) -> Unicode.Scalar {
        let lead = base[offset]
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        let text = String(
            decoding: UnsafeBufferPointer(start: base + offset, count: min(length, end - offset)), as: UTF8.self)
        return text.unicodeScalars.first ?? "\u{FFFD}"
    }

    /// What is at `offset`, for a message: a character, the end of the line, …
    func found(_ offset: Int) -> DiagnosticText.Found {
        guard offset < end else { return .endOfFile }
        let b = base[offset]
        if b == Byte.newline || (b == Byte.carriageReturn && byte(offset + 1) == Byte.newline) {
            return .endOfLine
        }
        let s = scalar(at: offset)
        if s.value < 0x20 || s.value == 0x7F || (s.value >= 0x80 && s.value < 0xA0) {
            return .control(s.value)
        }
        return .text(s == "\"" ? "'\"'" : "\"\(Character(s))\"")
    }

    /// Source text for a message: cut after 40 scalars, control characters (but tab) shown as `\u{…}`.
    func snippet(_ from: Int, _ to: Int) -> String {
        let text = String(decoding: UnsafeBufferPointer(start: base + from, count: max(0, to - from)), as: UTF8.self)
        var shown = ""
        for (index, scalar) in text.unicodeScalars.enumerated() {
            if index == 40 { return shown + "…" }
            if (scalar.value < 0x20 && scalar != "\t") || scalar.value == 0x7F {
                shown += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                shown.unicodeScalars.append(scalar)
            }
        }
        return shown
    }

    /// Whether a scalar value (number, boolean, date) may end before `offset`.
    @inline(__always)
    func isValueEnd(_ offset: Int) -> Bool {
        guard offset < end else { return true }
        switch base[offset] {
        case Byte.space, Byte.tab, Byte.newline, Byte.carriageReturn, Byte.comma, Byte.closeBracket, Byte.closeBrace,
            Byte.hash:
            return true
        default:
            return false
        }
    }

    /// Where the value token that starts at `offset` ends, for messages.
    func tokenEnd(_ offset: Int) -> Int {
        var o = offset
        while !isValueEnd(o) { o += 1 }
        return o
    }

    /// A key as written, in quotes unless it is one quoted key.
    func quoted(_ from: Int, _ to: Int) -> String {
        let text = snippet(from, to)
        if let first = text.first, first == "\"" || first == "'", text.count >= 2, text.last == first,
            !text.dropFirst().dropLast().contains(first)
        {
            return text
        }
        return "\"\(text)\""
    }

    /// Whether the inline table's problem at `offset` is that it went on past its line.
    func lineBreak(_ offset: Int) -> Bool {
        let b = byte(offset)
        return offset < end && (b == Byte.newline || b == Byte.carriageReturn)
    }

    /// The start of the line after the one `offset` is on (the end of the document on the last line).
    func nextLineStart(after offset: Int) -> Int {
        guard offset < end else { return end }
        guard let found = memchr(base + offset, Int32(Byte.newline), end - offset) else { return end }
        return UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base + 1
    }

    /// The start of the line `offset` is on.
    func lineStart(of offset: Int) -> Int {
        var o = min(offset, end)
        while o > bomLength && base[o - 1] != Byte.newline { o -= 1 }
        return o
    }

    /// Whether a line that starts (after spaces) at `offset` reads as `key = …`: inside an unclosed array, it is
    /// where the array should have ended.
    func looksLikeKeyValue(_ offset: Int) -> Bool {
        var o = offset
        var sawKey = false
        while o < end {
            let b = base[o]
            if isBareKeyByte(b) {
                sawKey = true
                o += 1
            } else if b == Byte.quote || b == Byte.apostrophe {
                o += 1
                while o < end && base[o] != b && base[o] != Byte.newline { o += 1 }
                guard o < end && base[o] == b else { return false }
                sawKey = true
                o += 1
            } else if b == Byte.space || b == Byte.tab || b == Byte.dot {
                o += 1
            } else {
                return sawKey && b == Byte.equals
            }
        }
        return false
    }

    /// The start of the line after the `}` that closes an inline table written over several lines (a mistake
    /// people make), when one comes before a table header; nil otherwise.
    func lineAfterClosingBrace(from offset: Int) -> Int? {
        var o = offset
        var depth = 0
        var lines = 0
        var lineStart = true
        while o < end && lines < 50 {
            let b = base[o]
            switch b {
            case Byte.newline:
                lines += 1
                lineStart = true
                o += 1
                continue
            case Byte.openBracket where lineStart:
                return nil
            case Byte.quote, Byte.apostrophe:
                o += 1
                while o < end && base[o] != b && base[o] != Byte.newline { o += 1 }
            case Byte.hash:
                while o < end && base[o] != Byte.newline { o += 1 }
                continue
            case Byte.openBrace:
                depth += 1
            case Byte.closeBrace:
                if depth == 0 { return nextLineStart(after: o) }
                depth -= 1
            default:
                break
            }
            if b != Byte.space && b != Byte.tab { lineStart = false }
            o += 1
        }
        return nil
    }

    /// Where an array goes on after a bad element that starts at `offset`: past the next `,` of the line, or at
    /// its `]`, brackets and braces in between balanced and strings passed over; nil when the line has neither.
    func elementEnd(from offset: Int) -> Int? {
        var o = offset
        var depth = 0
        while o < end {
            let b = base[o]
            switch b {
            case Byte.newline, Byte.hash:
                return nil
            case Byte.quote, Byte.apostrophe:
                o += 1
                while o < end && base[o] != b && base[o] != Byte.newline { o += base[o] == Byte.backslash ? 2 : 1 }
                guard o < end && base[o] == b else { return nil }
            case Byte.openBracket, Byte.openBrace:
                depth += 1
            case Byte.closeBracket, Byte.closeBrace:
                if depth == 0 { return b == Byte.closeBracket ? o : nil }
                depth -= 1
            case Byte.comma where depth == 0:
                return o + 1
            default:
                break
            }
            o += 1
        }
        return nil
    }

    /// The string of the bytes `from..<to` (valid UTF-8: they come from a Swift string, cut at ASCII delimiters).
    @inline(__always)
    func makeString(_ from: Int, _ to: Int) -> String {
        let count = to &- from
        if count == 0 { return "" }
        if count <= 15 {
            // Up to 15 ASCII bytes make a small string that needs no validation: the cheapest way to build one.
            return String(unsafeUninitializedCapacity: count) { buffer in
                buffer.baseAddress!.initialize(from: base + from, count: count)
                return count
            }
        }
        return String(decoding: UnsafeBufferPointer(start: base + from, count: count), as: UTF8.self)
    }

    @inline(__always)
    func digits(_ offset: Int, _ count: Int) -> Bool {
        for i in 0..<count where !(offset + i < end && isDigit(base[offset + i])) { return false }
        return true
    }

    @inline(__always)
    func number(_ offset: Int, _ count: Int) -> Int {
        var value = 0
        for i in 0..<count { value = value * 10 + Int(base[offset + i] &- 0x30) }
        return value
    }

    func invalidNumber(_ start: Int, _ problem: DiagnosticText.NumberProblem? = nil) -> Failure {
        fail(.invalidNumber(token: quoted(start, tokenEnd(start)), problem), at: start)
    }

    /// Skips digits and single underscores between them, from a digit at `offset`.
    func skipDigits(_ offset: Int, _ start: Int) throws(Failure) -> Int {
        var o = offset
        while o < end {
            let b = base[o]
            if isDigit(b) {
                o += 1
            } else if b == Byte.underscore {
                guard isDigit(byte(o + 1)), o + 1 < end else { throw invalidNumber(start, .underscore) }
                o += 1
            } else {
                break
            }
        }
        return o
    }

    /// `HH:MM:SS` and an optional fraction at `offset`; nil if malformed. The fraction is kept to the nanosecond.
    func timeFields(at offset: Int) -> (LocalTime, nanoseconds: Int32, end: Int)? {
        guard digits(offset, 2), byte(offset + 2) == Byte.colon, digits(offset + 3, 2),
            byte(offset + 5) == Byte.colon, digits(offset + 6, 2)
        else { return nil }
        var o = offset + 8
        var nanoseconds: Int32 = 0
        if o < end && base[o] == Byte.dot {
            o += 1
            guard o < end, isDigit(base[o]) else { return nil }
            var scale: Int32 = 100_000_000
            while o < end && isDigit(base[o]) {
                nanoseconds += Int32(base[o] &- 0x30) * scale
                scale /= 10
                o += 1
            }
        }
        let time = LocalTime(hour: number(offset, 2), minute: number(offset + 3, 2), second: number(offset + 6, 2))
        return (time, nanoseconds, o)
    }

    /// `HH:MM` at `offset`, not followed by more of a time: a time written without its seconds.
    func hoursAndMinutes(at offset: Int) -> Bool {
        digits(offset, 2) && byte(offset + 2) == Byte.colon && digits(offset + 3, 2) && !isDigit(byte(offset + 5))
            && byte(offset + 5) != Byte.colon
    }

    func checkTime(_ time: LocalTime, _ from: Int, _ to: Int, tokenStart: Int) throws(Failure) {
        guard time.hour <= 23, time.minute <= 59, time.second <= 59 else {
            throw fail(.invalidTime(written: snippet(from, to)), at: tokenStart)
        }
    }

    /// `3d`, `-14d`, `2wd` at `start`: a duration without its quotes.
    func unquotedDuration(_ start: Int) -> Failure? {
        let stop = tokenEnd(start)
        var o = start
        if byte(o) == Byte.plus || byte(o) == Byte.minus { o += 1 }
        let digitsStart = o
        while o < stop && isDigit(base[o]) { o += 1 }
        guard o > digitsStart, o < stop else { return nil }
        let written = snippet(start, stop)
        guard (try? CalendarDuration.read(written)) != nil else { return nil }
        return fail(.unquotedDuration(written: written), at: start)
    }

    /// `31/03/2027` (or with `.` or `-`) at `start`: a date written day first, to be written `2027-03-31`
    /// (`03/31/2027`, month first, when the first number cannot be a month).
    func dayFirstDate(_ start: Int) -> Failure? {
        let stop = tokenEnd(start)
        guard stop - start >= 8, stop - start <= 10 else { return nil }
        let token = Array(UnsafeBufferPointer(start: base + start, count: stop - start))
        guard let separator = token.first(where: { !isDigit($0) }),
            separator == UInt8(ascii: "/") || separator == Byte.dot || separator == Byte.minus
        else { return nil }
        let parts = token.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(isDigit) }), parts[0].count <= 2,
            parts[1].count <= 2, parts[2].count == 4
        else { return nil }
        func value(_ digits: ArraySlice<UInt8>) -> Int { digits.reduce(0) { $0 * 10 + Int($1 - 0x30) } }
        var (day, month) = (value(parts[0]), value(parts[1]))
        if month > 12 && day <= 12 { (day, month) = (month, day) }
        let date = LocalDate(year: value(parts[2]), month: month, day: day)
        guard date.isValid else { return nil }
        return fail(.dayFirstDate(written: snippet(start, stop), suggestion: "\(date)"), at: start)
    }
}

/// How to name an existing value in a message: as `DiagnosticText.ValueType` does, except that a table met while
/// parsing is an inline one and a date-time with an offset is just "a date-time".
private func describe(_ value: TOML.Value) -> DiagnosticText.ValueType {
    switch value {
    case .table: .inlineTable
    case .dateTime(_, _?, _): .dateTime
    default: DiagnosticText.ValueType(value)
    }
}
private struct TOMLByteParser {
    let base: UnsafePointer<UInt8>
    let end: Int
    var pos = 0
    /// The current line (1-based) and the offset of its first byte; kept up to date as newlines are consumed.
    var line = 1
    var lineStart = 0
    /// The last offset whose column was computed on the current line, to count columns incrementally.
    var anchorOffset = -1
    var anchorColumn = 1
    let source: Source

    /// The tables under construction (index 0 is the root), in memory this parser owns (`releaseArena`): the parser
    /// reaches them constantly, and a plain pointer spares the uniqueness checks of an array of arrays.
    var nodes: UnsafeMutablePointer<Node>
    var nodeCount = 0
    var nodeCapacity = 16
    var tableArrays: [TableArrayNode] = []

    /// The key being parsed: its first segment, and the others of a dotted key.
    var firstSegment = KeySegment()
    var otherSegments: [KeySegment] = []
    var segmentCount = 0
    /// Bytes of a string with escapes or of a multi-line string.
    var scratch: [UInt8] = []

    /// The syntax errors found so far, in the order they were found.
    var failures: [Failure] = []
    /// `failures.count`, kept apart so that the hot path reads one integer to see whether a value had an error.
    var failureCount = 0
    /// Set when `TOML.maximumErrors` is passed: the rest of the document is not read.
    var stopped = false

    init(base: UnsafePointer<UInt8>, count: Int, skippingByteOrderMark: Bool) {
        self.base = base
        self.end = count
        source = Source(base: base, count: count, skippingByteOrderMark: skippingByteOrderMark)
        nodes = .allocate(capacity: nodeCapacity)
    }

    /// Frees the arena of tables; the parser must not be used afterwards.
    mutating func releaseArena() {
        nodes.deinitialize(count: nodeCount)
        nodes.deallocate()
        nodeCount = 0
    }

    /// Adds a table to the arena; returns its index.
    mutating func newNode(kind: Node.Kind, depth: Int) -> Int {
        if nodeCount == nodeCapacity {
            let larger = UnsafeMutablePointer<Node>.allocate(capacity: nodeCapacity * 2)
            larger.moveInitialize(from: nodes, count: nodeCount)
            nodes.deallocate()
            nodes = larger
            nodeCapacity *= 2
        }
        (nodes + nodeCount).initialize(to: Node(kind: kind, depth: depth))
        nodeCount += 1
        return nodeCount - 1
    }

    // MARK: Errors and recovery

    /// Keeps a syntax error; past `TOML.maximumErrors`, says so once and stops.
    @inline(never)
    mutating func record(_ failure: Failure) {
        guard !stopped else { return }
        if failures.count == TOML.maximumErrors {
            failures.append(Failure(text: .tooManyErrors(count: TOML.maximumErrors), offset: failure.offset))
            failureCount += 1
            stopped = true
            return
        }
        failures.append(failure)
        failureCount += 1
    }

    /// Goes on parsing at `offset`, counting the lines passed over (from the start when `offset` is before the
    /// current line).
    mutating func resynchronise(at offset: Int) {
        let target = stopped ? end : min(max(offset, 0), end)
        var o = lineStart
        if target < lineStart {
            line = 1
            lineStart = source.bomLength
            o = source.bomLength
        }
        while o < target, let found = memchr(base + o, Int32(Byte.newline), target - o) {
            o = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base + 1
            line += 1
            lineStart = o
        }
        pos = target
        anchorOffset = -1
    }

    /// After a failure that spoils the rest of a line (or more): keeps it, and goes on where it says.
    @inline(never)
    mutating func recover(_ failure: Failure) {
        if !failure.recorded { record(failure) }
        resynchronise(at: failure.resume ?? source.nextLineStart(after: max(failure.offset, pos)))
    }

    /// The syntax errors with their lines and columns, in the order of their place in the document.
    func syntaxErrors() -> [TOML.SyntaxError] {
        guard !failures.isEmpty else { return [] }
        let ordered = failures.enumerated().sorted { ($0.element.offset, $0.offset) < ($1.element.offset, $1.offset) }
        var errors: [TOML.SyntaxError] = []
        errors.reserveCapacity(ordered.count)
        var line = 1
        var start = source.bomLength
        var o = source.bomLength
        for (_, failure) in ordered {
            let offset = max(min(failure.offset, end), source.bomLength)
            while o < offset {
                if base[o] == Byte.newline {
                    line += 1
                    start = o + 1
                }
                o += 1
            }
            var column = 1
            for c in start..<max(start, offset) where base[c] & 0xC0 != 0x80 { column += 1 }
            errors.append(TOML.SyntaxError(failure.text, line: line, column: column))
        }
        return errors
    }

    // MARK: Bytes and positions

    @inline(__always)
    var current: UInt8 { pos < end ? base[pos] : 0 }

    /// The position of `offset`, which must be on the current line.
    @inline(__always)
    mutating func position(_ offset: Int) -> SourcePosition {
        var o: Int
        var column: Int
        if anchorOffset >= lineStart && anchorOffset <= offset {
            o = anchorOffset
            column = anchorColumn
        } else {
            o = lineStart
            column = 1
        }
        while o < offset {
            if base[o] & 0xC0 != 0x80 { column += 1 }
            o += 1
        }
        anchorOffset = offset
        anchorColumn = column
        return SourcePosition(line: line, column: column)
    }

    @inline(__always)
    mutating func newline(startingAt offset: Int) {
        line += 1
        lineStart = offset
    }

    @inline(__always)
    mutating func skipSpaces() {
        var o = pos
        while o + 8 <= end {
            let other = load8(base + o) ^ 0x2020_2020_2020_2020
            if other == 0 {
                o += 8
                continue
            }
            o += other.trailingZeroBitCount >> 3
            if base[o] != Byte.tab {
                pos = o
                return
            }
            o += 1
        }
        while o < end && (base[o] == Byte.space || base[o] == Byte.tab) { o += 1 }
        pos = o
    }

    /// Consumes a line break at `pos` (`\n` or `\r\n`); a carriage return alone is an error, then passed over like
    /// a space.
    @inline(__always)
    mutating func consumeNewline() {
        if base[pos] == Byte.carriageReturn {
            guard source.byte(pos + 1) == Byte.newline else { return loneCarriageReturn() }
            pos += 1
        }
        pos += 1
        newline(startingAt: pos)
    }

    @inline(never)
    mutating func loneCarriageReturn() {
        record(source.fail(.carriageReturn(found: source.found(pos + 1)), at: pos))
        pos += 1
    }

    /// Skips a comment up to (not including) the line break that ends it; a control character in it is an error,
    /// and the comment goes on.
    mutating func skipComment() {
        var o = pos + 1
        while o + 8 <= end {
            let special = controlBits(load8(base + o))
            if special == 0 {
                o += 8
                continue
            }
            o += special.trailingZeroBitCount >> 3
            if base[o] != Byte.tab { break }
            o += 1
        }
        pos = o
        while pos < end {
            let b = base[pos]
            if b >= 0x20 && b != Byte.delete || b == Byte.tab {
                pos += 1
            } else if b == Byte.newline || (b == Byte.carriageReturn && source.byte(pos + 1) == Byte.newline) {
                return
            } else if b == Byte.carriageReturn {
                record(source.fail(.carriageReturn(found: source.found(pos + 1)), at: pos))
                pos += 1
            } else {
                record(source.fail(.controlInComment(UInt32(b)), at: pos))
                pos += 1
            }
        }
    }

    /// Skips spaces, line breaks and comments (inside arrays).
    mutating func skipBlank() {
        while pos < end {
            switch base[pos] {
            case Byte.space, Byte.tab: pos += 1
            case Byte.newline, Byte.carriageReturn: consumeNewline()
            case Byte.hash: skipComment()
            default: return
            }
        }
    }

    /// After a key-value pair: spaces, then a comment, a line break or the end of the file.
    @inline(__always)
    mutating func expectLineEnd(afterValueOf keyStart: Int, _ keyEnd: Int) throws(Failure) {
        skipSpaces()
        guard pos < end else { return }
        switch base[pos] {
        case Byte.newline, Byte.carriageReturn: consumeNewline()
        case Byte.hash: skipComment()
        default:
            throw source.fail(
                .expectedLineEndAfterValue(key: source.quoted(keyStart, keyEnd), found: source.found(pos)), at: pos)
        }
    }

    // MARK: Document

    mutating func parseDocument() -> TOML.Table {
        pos = source.bomLength
        lineStart = source.bomLength
        _ = newNode(kind: .header, depth: 0)
        var table = 0
        // Once `stopped`, recovering goes to the end.
        while pos < end {
            let b = base[pos]
            switch b {
            case Byte.space, Byte.tab:
                pos += 1
            case Byte.newline, Byte.carriageReturn:
                consumeNewline()
            case Byte.hash:
                skipComment()
            case Byte.openBracket:
                do throws(Failure) {
                    table = try parseHeader()
                } catch {
                    recover(error)
                    // The keys under a header that cannot be defined go into a table of their own, linked nowhere:
                    // their own mistakes are still found, and no key of another table is said to be defined twice.
                    table = newNode(kind: .header, depth: 1)
                }
            default:
                guard isBareKeyByte(b) || b == Byte.quote || b == Byte.apostrophe else {
                    recover(source.fail(.expectedLineStart(found: source.found(pos)), at: pos))
                    continue
                }
                let keyStart = pos
                do throws(Failure) {
                    try parseKeyValue(into: table, topLevel: true)
                    try expectLineEnd(afterValueOf: keyStart, segmentEndOfLastKey)
                } catch {
                    recover(error)
                }
            }
        }
        return finish(0)
    }

    /// The end offset of the last segment of the key parsed last (for messages after the value was parsed, the
    /// value's own keys may have replaced it, so `parseKeyValue` keeps it here).
    var segmentEndOfLastKey = 0

    // MARK: Keys

    enum KeyContext { case keyValue, header }

    mutating func segment(_ i: Int) -> KeySegment { i == 0 ? firstSegment : otherSegments[i - 1] }

    /// Takes the text of key segment `i` out of the segment buffers (without copying it).
    mutating func takeKey(_ i: Int) -> String {
        var key = ""
        if i == 0 { swap(&key, &firstSegment.key) } else { swap(&key, &otherSegments[i - 1].key) }
        return key
    }

    /// Reads a possibly dotted key into `firstSegment` and `otherSegments`, and the spaces after it.
    mutating func parseKey(_ context: KeyContext) throws(Failure) {
        segmentCount = 0
        while true {
            let start = pos
            let b = current
            let key: String
            let hash: UInt64
            if isBareKeyByte(b) && pos < end {
                var o = pos &+ 1
                while true {
                    if o &+ 8 <= end {
                        let stop = nonBareKeyBits(load8(base + o))
                        if stop == 0 {
                            o &+= 8
                            continue
                        }
                        o &+= stop.trailingZeroBitCount >> 3
                    } else {
                        while o < end && isBareKeyByte(base[o]) { o &+= 1 }
                    }
                    break
                }
                key = source.makeString(pos, o)
                hash = keyHash(base + pos, o &- pos, readable: pos &+ 8 <= end)
                pos = o
            } else if (b == Byte.quote || b == Byte.apostrophe) && pos < end {
                if source.byte(pos + 1) == b && source.byte(pos + 2) == b {
                    throw source.fail(.multilineKey, at: pos)
                }
                var quoted = b == Byte.quote ? try parseBasicString() : try parseLiteralString()
                hash = quoted.withUTF8 { keyHash($0.baseAddress ?? base, $0.count, readable: false) }
                key = quoted
            } else if segmentCount == 0 {
                switch context {
                case .keyValue: throw source.fail(.expectedKey(found: source.found(pos)), at: pos)
                case .header: throw source.fail(.expectedTableName(found: source.found(pos)), at: pos)
                }
            } else {
                throw source.fail(.expectedKeyAfterDot(found: source.found(pos)), at: pos)
            }
            if segmentCount == 0 {
                firstSegment.key = key
                firstSegment.hash = hash
                firstSegment.start = start
                firstSegment.end = pos
            } else {
                if segmentCount == 1 { otherSegments.removeAll(keepingCapacity: true) }
                otherSegments.append(KeySegment(key: key, hash: hash, start: start, end: pos))
            }
            segmentCount += 1
            skipSpaces()
            guard pos < end && base[pos] == Byte.dot else { return }
            pos += 1
            skipSpaces()
        }
    }

    /// The index of `key`, whose `KeySegment.bit` is `bit`, in the table `node`.
    mutating func find(_ key: String, _ bit: UInt64, in node: Int) -> Int? {
        guard nodes[node].mask & bit != 0 else { return nil }
        if let index = nodes[node].index { return index[ByteKey(string: key)] }
        let keys = nodes[node].keys
        for i in keys.indices where sameKey(keys[i], key) { return i }
        return nil
    }

    mutating func link(_ node: Int, _ slot: Int) -> Node.Link? {
        guard slot < nodes[node].links.count else { return nil }
        let code = nodes[node].links[slot]
        return code < 0 ? nil : Node.Link(target: code >> 1, isTableArray: code & 1 == 1)
    }

    /// Records that the key at `slot` of `node` stands for an arena table or array of tables.
    mutating func setLink(_ node: Int, _ slot: Int, target: Int, isTableArray: Bool) {
        if nodes[node].links.isEmpty { nodes[node].links = Array(repeating: -1, count: nodes[node].keys.count) }
        nodes[node].links[slot] = target << 1 | (isTableArray ? 1 : 0)
    }

    /// Adds a key (whose `KeySegment.bit` is `bit`), its value and its position to the table `node`; returns its
    /// index.
    @discardableResult
    mutating func append(
        to node: Int, _ key: consuming String, _ bit: UInt64, _ value: consuming TOML.Value,
        _ position: SourcePosition
    ) -> Int {
        let table = nodes + node
        let slot = table.pointee.keys.count
        if slot == 0 {
            table.pointee.keys.reserveCapacity(8)
            table.pointee.values.reserveCapacity(8)
            table.pointee.positions.reserveCapacity(8)
        }
        if slot + 1 >= indexThreshold {
            if table.pointee.index == nil {
                var index: [ByteKey: Int] = [:]
                for (i, key) in table.pointee.keys.enumerated() { index[ByteKey(string: key)] = i }
                table.pointee.index = index
            }
            table.pointee.index![ByteKey(string: copy key)] = slot
        }
        table.pointee.keys.append(key)
        table.pointee.values.append(value)
        table.pointee.positions.append(position)
        table.pointee.mask |= bit
        if !table.pointee.links.isEmpty { table.pointee.links.append(-1) }
        return slot
    }

    /// Adds a table of the arena under the key segment `i` in `parent`.
    mutating func addTable(to parent: Int, segment i: Int, kind: Node.Kind) throws(Failure) -> Int {
        let depth = nodes[parent].depth + 1
        let start = i == 0 ? firstSegment.start : otherSegments[i - 1].start
        guard depth <= maximumDepth else { throw source.fail(.nestingTooDeep(levels: maximumDepth), at: start) }
        let child = newNode(kind: kind, depth: depth)
        let bit = i == 0 ? firstSegment.bit : otherSegments[i - 1].bit
        let slot = append(to: parent, takeKey(i), bit, placeholder, position(start))
        setLink(parent, slot, target: child, isTableArray: false)
        return child
    }

    /// Parses `key = value` into the table `table`, up to the end of the value.
    ///
    /// On a line of the document (`topLevel`), a key that cannot be defined (written twice, or under a value that
    /// is not a table) is an error whose value is still read, so that its lines are not taken for keys; and a key
    /// whose value has an error is kept among its table's broken keys. Inside an inline table, any error ends the
    /// table.
    mutating func parseKeyValue(into table: Int, topLevel: Bool = false) throws(Failure) {
        let keyStart = pos
        try parseKey(.keyValue)
        let count = segmentCount
        let (lastStart, lastEnd, bit) =
            count == 1
            ? (firstSegment.start, firstSegment.end, firstSegment.bit)
            : (otherSegments[count - 2].start, otherSegments[count - 2].end, otherSegments[count - 2].bit)
        guard pos < end && base[pos] == Byte.equals else {
            let failure = source.fail(
                .expectedEquals(key: source.quoted(keyStart, lastEnd), found: source.found(pos)), at: pos)
            // `id "s1"`: the key is written, its value is not read; it is not missing either.
            if topLevel && count == 1 { markWritten(in: table) }
            throw failure
        }
        pos += 1
        skipSpaces()
        var node = table
        if count > 1 {
            for i in 0..<(count - 1) {
                do throws(Failure) {
                    node = try descendDotted(from: node, segment: i, keyStart: keyStart, keyEnd: lastEnd)
                } catch {
                    guard topLevel else { throw error }
                    return try dropValue(after: error, keyEnd: lastEnd)
                }
            }
        }
        // The value may hold keys of its own (inline tables): the key leaves the segment buffers first.
        let key = takeKey(count - 1)
        if let slot = find(key, bit, in: node) {
            let first = nodes[node].positions[slot].line
            let failure = source.fail(
                .duplicateKey(key: source.quoted(keyStart, lastEnd), firstLine: first), at: keyStart)
            guard topLevel else { throw failure }
            return try dropValue(after: failure, keyEnd: lastEnd)
        }
        let keyPosition = position(lastStart)
        let before = failureCount
        let value: TOML.Value
        do throws(Failure) {
            value = try parseValue(depth: nodes[node].depth + 1)
        } catch {
            if topLevel {
                nodes[node].broken.append(key)
                append(to: node, key, bit, placeholder, keyPosition)
            }
            throw error
        }
        if failureCount > before { nodes[node].broken.append(key) }
        append(to: node, key, bit, value, keyPosition)
        segmentEndOfLastKey = lastEnd
    }

    /// Adds the one-segment key just read to `table` as a broken key, unless it is there already.
    @inline(never)
    mutating func markWritten(in table: Int) {
        let position = position(firstSegment.start)
        let bit = firstSegment.bit
        let key = takeKey(0)
        guard find(key, bit, in: table) == nil else { return }
        nodes[table].broken.append(key)
        append(to: table, key, bit, placeholder, position)
    }

    /// After a key that cannot be defined: keeps its error, and reads its value (so that the lines of a list are
    /// not taken for keys) without keeping it.
    mutating func dropValue(after failure: Failure, keyEnd: Int) throws(Failure) {
        record(failure)
        _ = try parseValue(depth: 1)
        segmentEndOfLastKey = keyEnd
    }

    /// The table the dotted key segment `i` names under `node`, created if absent.
    mutating func descendDotted(
        from node: Int, segment i: Int, keyStart: Int, keyEnd: Int
    ) throws(Failure) -> Int {
        let segment = segment(i)
        guard let slot = find(segment.key, segment.bit, in: node) else {
            return try addTable(to: node, segment: i, kind: .dotted)
        }
        let line = nodes[node].positions[slot].line
        let prefix = source.quoted(keyStart, segment.end)
        let problem: DiagnosticText.Conflict
        if let link = link(node, slot) {
            if link.isTableArray {
                problem = .isTableArray(name: prefix, line: line)
            } else {
                let target = link.target
                switch nodes[target].kind {
                case .dotted, .implicit, .inline: return target
                case .header: problem = .isHeaderTable(name: prefix, line: line)
                }
            }
        } else {
            let value = nodes[node].values[slot]
            if case .table = value {
                problem = .isInlineTable(name: prefix, line: line)
            } else {
                problem = .isAlready(name: prefix, describe(value), line: line)
            }
        }
        throw source.fail(.cannotDefineKey(key: source.quoted(keyStart, keyEnd), problem), at: segment.start)
    }

    // MARK: Headers

    /// Parses `[a.b]` or `[[a.b]]` and its line; returns the table that the following keys go into. A header whose
    /// name was read but whose closing brackets or end of line are wrong is an error, and still defines its table.
    mutating func parseHeader() throws(Failure) -> Int {
        let headerStart = pos
        let headerPosition = position(pos)
        pos += 1
        let isArray = pos < end && base[pos] == Byte.openBracket
        if isArray { pos += 1 }
        skipSpaces()
        let keyStart = pos
        try parseKey(.header)
        let count = segmentCount
        let last = count == 1 ? firstSegment : otherSegments[count - 2]
        var display: String {
            let name = source.snippet(keyStart, last.end)
            return isArray ? "[[\(name)]]" : "[\(name)]"
        }
        // After the name, what can only be a mistyped end of header: the line's end, a comment, one "]".
        var mistypedEnd: Bool {
            let b = source.byte(pos)
            return pos >= end || b == Byte.newline || b == Byte.carriageReturn || b == Byte.hash
                || b == Byte.closeBracket
        }
        var spoiled = false
        if isArray {
            if pos + 1 < end && base[pos] == Byte.closeBracket && base[pos + 1] == Byte.closeBracket {
                pos += 2
            } else {
                let at = pos < end && base[pos] == Byte.closeBracket ? pos + 1 : pos
                let failure = source.fail(
                    .expectedHeaderEnd(header: display, isArray: true, found: source.found(at)), at: at)
                guard mistypedEnd else { throw failure }
                record(failure)
                spoiled = true
            }
        } else if pos < end && base[pos] == Byte.closeBracket {
            pos += 1
        } else {
            let failure = source.fail(
                .expectedHeaderEnd(header: display, isArray: false, found: source.found(pos)), at: pos)
            guard mistypedEnd else { throw failure }
            record(failure)
            spoiled = true
        }
        if !spoiled {
            skipSpaces()
            if pos < end {
                switch base[pos] {
                case Byte.newline, Byte.carriageReturn, Byte.hash: break
                default:
                    record(
                        source.fail(.expectedLineEndAfterHeader(header: display, found: source.found(pos)), at: pos))
                    spoiled = true
                }
            }
        }
        // The rest of a line with an error is not read; the table is the one its name says.
        let next = spoiled ? source.nextLineStart(after: pos) : pos
        defer { if spoiled { resynchronise(at: next) } }

        // The super-tables.
        var node = 0
        for i in 0..<(count - 1) {
            let segment = segment(i)
            guard let slot = find(segment.key, segment.bit, in: node) else {
                node = try addTable(to: node, segment: i, kind: .implicit)
                continue
            }
            if let link = link(node, slot) {
                if link.isTableArray {
                    node = tableArrays[link.target].elements.last!
                } else {
                    node = link.target
                }
                continue
            }
            let value = nodes[node].values[slot]
            let line = nodes[node].positions[slot].line
            let prefix = source.quoted(keyStart, segment.end)
            let problem: DiagnosticText.Conflict
            if case .table = value {
                problem = .isInlineTable(name: prefix, line: line)
            } else {
                problem = .isAlready(name: prefix, describe(value), line: line)
            }
            throw source.fail(.cannotDefineTable(header: display, isArray: isArray, problem), at: segment.start)
        }

        // The table itself.
        if let slot = find(last.key, last.bit, in: node) {
            let line = nodes[node].positions[slot].line
            var name: String { source.quoted(keyStart, last.end) }
            if let link = link(node, slot) {
                let target = link.target
                if link.isTableArray {
                    if isArray {
                        let depth = nodes[node].depth + 2
                        guard depth <= maximumDepth else {
                            throw source.fail(.nestingTooDeep(levels: maximumDepth), at: last.start)
                        }
                        let element = newNode(kind: .header, depth: depth)
                        tableArrays[target].elements.append(element)
                        tableArrays[target].positions.append(headerPosition)
                        return element
                    }
                    throw source.fail(
                        .cannotDefineTable(
                            header: display, isArray: false, .isAlreadyTableArray(name: name, line: line)),
                        at: headerStart)
                }
                if isArray {
                    throw source.fail(
                        .cannotDefineTable(header: display, isArray: true, .isAlreadyTable(name: name, line: line)),
                        at: headerStart)
                }
                switch nodes[target].kind {
                case .implicit:
                    if onlyTables(target) {
                        nodes[target].kind = .header
                        nodes[target].headerLine = headerPosition.line
                        return target
                    }
                    throw source.fail(.tableDefinedWithDottedKeys(header: display, line: line), at: headerStart)
                case .dotted:
                    throw source.fail(.tableDefinedWithDottedKeys(header: display, line: line), at: headerStart)
                case .header, .inline:
                    let first = nodes[target].headerLine > 0 ? nodes[target].headerLine : line
                    throw source.fail(.tableDefinedTwice(header: display, firstLine: first), at: headerStart)
                }
            }
            let value = nodes[node].values[slot]
            throw source.fail(
                .cannotDefineTable(
                    header: display, isArray: isArray, .isAlready(name: name, describe(value), line: line)),
                at: headerStart)
        }
        if !isArray {
            let table = try addTable(to: node, segment: count - 1, kind: .header)
            nodes[table].headerLine = headerPosition.line
            return table
        }
        let depth = nodes[node].depth + 2
        guard depth <= maximumDepth else { throw source.fail(.nestingTooDeep(levels: maximumDepth), at: last.start) }
        let element = newNode(kind: .header, depth: depth)
        let array = tableArrays.count
        var tableArray = TableArrayNode()
        tableArray.elements.reserveCapacity(8)
        tableArray.positions.reserveCapacity(8)
        tableArray.elements.append(element)
        tableArray.positions.append(headerPosition)
        tableArrays.append(tableArray)
        let slot = append(to: node, takeKey(count - 1), last.bit, placeholder, position(last.start))
        setLink(node, slot, target: array, isTableArray: true)
        return element
    }

    /// Whether an implicitly created table holds only tables (toml++'s condition for a header to define it).
    mutating func onlyTables(_ node: Int) -> Bool {
        let values = nodes[node].values
        for slot in values.indices where link(node, slot) == nil {
            switch values[slot] {
            case .table: continue
            case .array(let elements, _):
                guard !elements.isEmpty else { return false }
                for element in elements {
                    guard case .table = element else { return false }
                }
            default: return false
            }
        }
        return true
    }

    // MARK: Building the result

    /// Turns the arena table `node` into a final table, moving its arrays out (recursion is bounded by
    /// `maximumDepth`).
    mutating func finish(_ node: Int) -> TOML.Table {
        var keys: [String] = []
        var values: [TOML.Value] = []
        var positions: [SourcePosition] = []
        var links: [Int] = []
        var broken: [String] = []
        swap(&keys, &nodes[node].keys)
        swap(&values, &nodes[node].values)
        swap(&positions, &nodes[node].positions)
        swap(&links, &nodes[node].links)
        swap(&broken, &nodes[node].broken)
        for (slot, code) in links.enumerated() where code >= 0 {
            let target = code >> 1
            if code & 1 == 1 {
                var array = TableArrayNode()
                swap(&array, &tableArrays[target])
                var elements: [TOML.Value] = []
                elements.reserveCapacity(array.elements.count)
                for element in array.elements { elements.append(.table(finish(element))) }
                values[slot] = .array(elements, positions: array.positions)
            } else {
                values[slot] = .table(finish(target))
            }
        }
        return TOML.Table(unchecked: keys, values, positions, broken: broken)
    }

    // MARK: Values

    /// Parses a value whose tables and arrays would be at `depth`. A malformed number, date, time or boolean is an
    /// error that ends with its token: a placeholder stands for it, and the line goes on.
    mutating func parseValue(depth: Int) throws(Failure) -> TOML.Value {
        guard pos < end else { throw source.fail(.expectedValue(found: .endOfFile), at: pos) }
        let b = base[pos]
        switch b {
        case Byte.quote:
            if source.byte(pos + 1) == Byte.quote && source.byte(pos + 2) == Byte.quote {
                return .string(try parseMultilineString(literal: false))
            }
            return .string(try parseBasicString())
        case Byte.apostrophe:
            if source.byte(pos + 1) == Byte.apostrophe && source.byte(pos + 2) == Byte.apostrophe {
                return .string(try parseMultilineString(literal: true))
            }
            return .string(try parseLiteralString())
        case Byte.openBracket:
            return try parseArray(depth: depth)
        case Byte.openBrace:
            return try parseInlineTable(depth: depth)
        case UInt8(ascii: "t"), UInt8(ascii: "f"):
            let start = pos
            do throws(Failure) {
                return try parseBool()
            } catch {
                record(error)
                pos = max(source.tokenEnd(start), pos)
                return placeholder
            }
        case Byte.plus, Byte.minus, UInt8(ascii: "i"), UInt8(ascii: "n"), 0x30...0x39:
            let start = pos
            do throws(Failure) {
                return try parseNumberOrDate()
            } catch {
                record(error)
                pos = max(error.resume ?? source.tokenEnd(start), pos)
                return placeholder
            }
        default:
            throw source.fail(.expectedValue(found: source.found(pos)), at: pos)
        }
    }

    mutating func parseBool() throws(Failure) -> TOML.Value {
        let start = pos
        if source.byte(pos) == 0x74, source.byte(pos + 1) == 0x72, source.byte(pos + 2) == 0x75,
            source.byte(pos + 3) == 0x65, source.isValueEnd(pos + 4)
        {
            pos += 4
            return .bool(true)
        }
        if source.byte(pos) == 0x66, source.byte(pos + 1) == 0x61, source.byte(pos + 2) == 0x6C,
            source.byte(pos + 3) == 0x73, source.byte(pos + 4) == 0x65,
            source.isValueEnd(pos + 5)
        {
            pos += 5
            return .bool(false)
        }
        throw source.fail(.expectedValue(found: .text(source.quoted(start, source.tokenEnd(start)))), at: start)
    }

    /// An array. An error in an element of an array written over several lines spoils that line only: the array
    /// goes on at the next one. A line that reads `key = …` where an element was expected means that the array
    /// was not closed.
    mutating func parseArray(depth: Int) throws(Failure) -> TOML.Value {
        let start = pos
        guard depth <= maximumDepth else { throw source.fail(.nestingTooDeep(levels: maximumDepth), at: pos) }
        pos += 1
        var elements: [TOML.Value] = []
        var positions: [SourcePosition] = []
        // The line of the opening bracket, then of the last element: an element must not read `key = …` on a line
        // of its own.
        var lastLine = line
        var closed = false
        // Where the element being read (or the separator after it) starts: after an error, the array goes on
        // past it, at the next "," or "]" of the line.
        var skipFrom = pos
        while !closed {
            do throws(Failure) {
                skipBlank()
                guard pos < end else { throw Failure(text: .unterminatedArray, offset: start, resume: end) }
                if base[pos] == Byte.closeBracket {
                    pos += 1
                    break
                }
                if line != lastLine && source.looksLikeKeyValue(pos) {
                    throw Failure(text: .unterminatedArray, offset: start, resume: lineStart)
                }
                if elements.isEmpty {
                    elements.reserveCapacity(4)
                    positions.reserveCapacity(4)
                }
                let elementPosition = position(pos)
                skipFrom = pos
                let element = try parseValue(depth: depth + 1)
                positions.append(elementPosition)
                elements.append(element)
                lastLine = line
                skipBlank()
                guard pos < end else { throw Failure(text: .unterminatedArray, offset: start, resume: end) }
                skipFrom = pos
                let b = base[pos]
                if b == Byte.comma {
                    pos += 1
                } else if b == Byte.closeBracket {
                    pos += 1
                    closed = true
                } else if line != lastLine && source.looksLikeKeyValue(pos) {
                    throw Failure(text: .unterminatedArray, offset: start, resume: lineStart)
                } else if startsValue(b) {
                    // A missing comma: said, and the next element is read.
                    record(source.fail(.expectedArraySeparator(found: source.found(pos)), at: pos))
                } else {
                    throw source.fail(.expectedArraySeparator(found: source.found(pos)), at: pos)
                }
            } catch {
                // An unclosed array (this one or one inside it) ends where its failure says.
                guard error.resume == nil || error.recorded else { throw error }
                var failure = error
                if !failure.recorded {
                    record(failure)
                    failure.recorded = true
                    failure.resume = source.nextLineStart(after: max(failure.offset, pos))
                }
                if !stopped, let next = source.elementEnd(from: skipFrom), next > skipFrom {
                    resynchronise(at: next)
                    continue
                }
                // Nothing more of the array on this line: one that began on it ends with it, one written over
                // several lines goes on at the next.
                guard start < source.lineStart(of: skipFrom), !stopped, let resume = failure.resume else {
                    throw failure
                }
                resynchronise(at: resume)
            }
        }
        return .array(elements, positions: positions)
    }

    /// Whether a value can start with `b`.
    func startsValue(_ b: UInt8) -> Bool {
        switch b {
        case Byte.quote, Byte.apostrophe, Byte.openBracket, Byte.openBrace, Byte.plus, Byte.minus, 0x30...0x39,
            UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "i"), UInt8(ascii: "n"):
            true
        default:
            false
        }
    }

    mutating func parseInlineTable(depth: Int) throws(Failure) -> TOML.Value {
        let start = pos
        guard depth <= maximumDepth else { throw source.fail(.nestingTooDeep(levels: maximumDepth), at: pos) }
        pos += 1
        let node = newNode(kind: .inline, depth: depth)
        skipSpaces()
        if current == Byte.closeBrace && pos < end {
            pos += 1
            return .table(finish(node))
        }
        var comma = -1
        while true {
            skipSpaces()
            let b = current
            guard pos < end, isBareKeyByte(b) || b == Byte.quote || b == Byte.apostrophe else {
                if pos >= end { throw source.fail(.unterminatedInlineTable, at: start) }
                if b == Byte.closeBrace && comma >= 0 {
                    throw source.fail(.inlineTableTrailingComma, at: comma)
                }
                throw Failure(
                    text: .expectedInlineKey(found: source.found(pos), lineBreak: source.lineBreak(pos)), offset: pos,
                    resume: source.lineBreak(pos) ? source.lineAfterClosingBrace(from: pos) : nil)
            }
            try parseKeyValue(into: node)
            skipSpaces()
            guard pos < end else { throw source.fail(.unterminatedInlineTable, at: start) }
            if base[pos] == Byte.comma {
                comma = pos
                pos += 1
            } else if base[pos] == Byte.closeBrace {
                pos += 1
                break
            } else {
                throw Failure(
                    text: .expectedInlineSeparator(found: source.found(pos), lineBreak: source.lineBreak(pos)),
                    offset: pos, resume: source.lineBreak(pos) ? source.lineAfterClosingBrace(from: pos) : nil)
            }
        }
        return .table(finish(node))
    }

    // MARK: Strings

    /// `"…"`, at `pos`. A bad escape sequence or a control character is an error, and the string goes on.
    mutating func parseBasicString() throws(Failure) -> String {
        let open = pos
        var o = pos + 1
        while o + 8 <= end {
            let word = load8(base + o)
            let special = controlBits(word) | byteBits(word, Byte.quote) | byteBits(word, Byte.backslash)
            if special == 0 {
                o += 8
                continue
            }
            o += special.trailingZeroBitCount >> 3
            if base[o] == Byte.quote {
                pos = o + 1
                return source.makeString(open + 1, o)
            }
            if base[o] != Byte.tab { break }
            o += 1
        }
        while o < end {
            let b = base[o]
            if b == Byte.quote {
                pos = o + 1
                return source.makeString(open + 1, o)
            }
            if b == Byte.backslash || isForbiddenControl(b) { break }
            o += 1
        }
        guard o < end else { throw source.fail(.unterminatedString, at: open) }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(start: base + open + 1, count: o - open - 1))
        while true {
            guard o < end else { throw source.fail(.unterminatedString, at: open) }
            let b = base[o]
            if b == Byte.quote {
                pos = o + 1
                return String(decoding: scratch, as: UTF8.self)
            }
            if b == Byte.backslash {
                let next = source.byte(o + 1)
                if o + 1 >= end || next == Byte.newline || next == Byte.carriageReturn {
                    throw source.fail(.unterminatedString, at: open)
                }
                o = parseEscape(at: o)
                continue
            }
            if isForbiddenControl(b) {
                if b == Byte.newline || b == Byte.carriageReturn { throw source.fail(.unterminatedString, at: open) }
                record(source.fail(.controlInString(UInt32(b), escapable: true), at: o))
            } else {
                scratch.append(b)
            }
            o += 1
        }
    }

    /// Appends the character of the escape sequence at `offset` (a backslash) to `scratch`; returns where it ends.
    /// A bad sequence is an error, and is left out.
    mutating func parseEscape(at offset: Int) -> Int {
        let e = source.byte(offset + 1)
        let simple: UInt8
        switch e {
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "r"): simple = 0x0D
        case Byte.quote: simple = Byte.quote
        case Byte.backslash: simple = Byte.backslash
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let digits = e == UInt8(ascii: "u") ? 4 : 8
            var value: UInt32 = 0
            for i in 0..<digits {
                guard offset + 2 + i < end, let digit = hexValue(base[offset + 2 + i]) else {
                    let text = source.snippet(offset, offset + 2 + i)
                    record(source.fail(.escapeDigits(sequence: text, digits: digits), at: offset))
                    return offset + 2 + i
                }
                value = value << 4 | digit
            }
            guard let scalar = Unicode.Scalar(value) else {
                record(
                    source.fail(
                        .escapeNotScalar(sequence: source.snippet(offset, offset + 2 + digits), value: value),
                        at: offset))
                return offset + 2 + digits
            }
            UTF8.encode(scalar) { scratch.append($0) }
            return offset + 2 + digits
        default:
            let s = source.scalar(at: offset + 1)
            let shown = s.value < 0x20 || s.value == 0x7F ? "U+" + hex4(s.value) : String(Character(s))
            record(source.fail(.invalidEscape(shown: shown), at: offset))
            return offset + 1
        }
        scratch.append(simple)
        return offset + 2
    }

    /// `'…'`, at `pos`. A control character is an error, and the string goes on without it.
    mutating func parseLiteralString() throws(Failure) -> String {
        let open = pos
        var o = pos + 1
        while o + 8 <= end {
            let word = load8(base + o)
            let special = controlBits(word) | byteBits(word, Byte.apostrophe)
            if special == 0 {
                o += 8
                continue
            }
            o += special.trailingZeroBitCount >> 3
            if base[o] == Byte.apostrophe {
                pos = o + 1
                return source.makeString(open + 1, o)
            }
            if base[o] != Byte.tab { break }
            o += 1
        }
        var clean = true
        while o < end {
            let b = base[o]
            if b == Byte.apostrophe {
                pos = o + 1
                if clean { return source.makeString(open + 1, o) }
                let kept = UnsafeBufferPointer(start: base + open + 1, count: o - open - 1).filter {
                    !isForbiddenControl($0)
                }
                return String(decoding: kept, as: UTF8.self)
            }
            if isForbiddenControl(b) {
                if b == Byte.newline || b == Byte.carriageReturn { throw source.fail(.unterminatedString, at: open) }
                record(source.fail(.controlInString(UInt32(b), escapable: false), at: o))
                clean = false
            }
            o += 1
        }
        throw source.fail(.unterminatedString, at: open)
    }

    /// `"""…"""` or `'''…'''`, at `pos`. Errors inside it (escape sequences, control characters) are kept and the
    /// string goes on; one that is never closed ends the document.
    mutating func parseMultilineString(literal: Bool) throws(Failure) -> String {
        let open = pos
        let delimiter = literal ? Byte.apostrophe : Byte.quote
        var o = pos + 3
        if source.byte(o) == Byte.newline && o < end {
            o += 1
            newline(startingAt: o)
        } else if source.byte(o) == Byte.carriageReturn && source.byte(o + 1) == Byte.newline && o + 1 < end {
            o += 2
            newline(startingAt: o)
        }
        scratch.removeAll(keepingCapacity: true)
        while true {
            guard o < end else { throw Failure(text: .unterminatedMultilineString, offset: open, resume: end) }
            let b = base[o]
            if b == delimiter {
                var count = 1
                while source.byte(o + count) == delimiter && o + count < end { count += 1 }
                if count >= 3 {
                    // Up to two quotes just before the closing delimiter belong to the string.
                    let extra = min(count - 3, 2)
                    for _ in 0..<extra { scratch.append(delimiter) }
                    o += 3 + extra
                    break
                }
                for _ in 0..<count { scratch.append(delimiter) }
                o += count
                continue
            }
            if b == Byte.backslash && !literal {
                let next = source.byte(o + 1)
                if o + 1 < end
                    && (next == Byte.space || next == Byte.tab || next == Byte.newline || next == Byte.carriageReturn)
                {
                    // A line-ending backslash: it, the line break and all whitespace after it are trimmed.
                    var q = o + 1
                    while q < end && (base[q] == Byte.space || base[q] == Byte.tab) { q += 1 }
                    guard q < end,
                        base[q] == Byte.newline
                            || (base[q] == Byte.carriageReturn && source.byte(q + 1) == Byte.newline)
                    else {
                        record(source.fail(.lineEndingBackslash(found: source.found(q)), at: o))
                        o = q
                        continue
                    }
                    while q < end {
                        let c = base[q]
                        if c == Byte.space || c == Byte.tab {
                            q += 1
                        } else if c == Byte.newline {
                            q += 1
                            newline(startingAt: q)
                        } else if c == Byte.carriageReturn && source.byte(q + 1) == Byte.newline && q + 1 < end {
                            q += 2
                            newline(startingAt: q)
                        } else {
                            break
                        }
                    }
                    o = q
                    continue
                }
                if o + 1 >= end { throw Failure(text: .unterminatedMultilineString, offset: open, resume: end) }
                o = parseEscape(at: o)
                continue
            }
            if b == Byte.newline {
                scratch.append(Byte.newline)
                o += 1
                newline(startingAt: o)
                continue
            }
            if b == Byte.carriageReturn {
                if source.byte(o + 1) == Byte.newline && o + 1 < end {
                    scratch.append(Byte.newline)
                    o += 2
                    newline(startingAt: o)
                } else {
                    record(source.fail(.carriageReturn(found: source.found(o + 1)), at: o))
                    o += 1
                }
                continue
            }
            if isForbiddenControl(b) {
                record(source.fail(.controlInString(UInt32(b), escapable: !literal), at: o))
            } else {
                scratch.append(b)
            }
            o += 1
        }
        pos = o
        return String(decoding: scratch, as: UTF8.self)
    }

    // MARK: Numbers, dates and times

    mutating func parseNumberOrDate() throws(Failure) -> TOML.Value {
        do throws(Failure) {
            return try parseNumberOrDateToken()
        } catch {
            // A date written day first, or a duration without its quotes, reads as a broken number: say how to
            // write it.
            guard case .invalidNumber(_, let problem) = error.text else { throw error }
            if let better = source.dayFirstDate(error.offset) { throw better }
            if problem == nil, let better = source.unquotedDuration(error.offset) { throw better }
            throw error
        }
    }

    mutating func parseNumberOrDateToken() throws(Failure) -> TOML.Value {
        let start = pos
        let first = base[pos]
        if isDigit(first) {
            if source.digits(pos, 4) && source.byte(pos + 4) == Byte.minus && pos + 4 < end {
                return try parseDateTime()
            }
            if source.digits(pos, 2) && source.byte(pos + 2) == Byte.colon && pos + 2 < end {
                return try parseLocalTime()
            }
        }
        var o = pos
        let negative = first == Byte.minus
        if first == Byte.plus || first == Byte.minus { o += 1 }
        let c = source.byte(o)
        if o < end && (c == UInt8(ascii: "i") || c == UInt8(ascii: "n")) {
            let isInf = source.byte(o) == 0x69 && source.byte(o + 1) == 0x6E && source.byte(o + 2) == 0x66
            let isNaN = source.byte(o) == 0x6E && source.byte(o + 1) == 0x61 && source.byte(o + 2) == 0x6E
            guard (isInf || isNaN) && source.isValueEnd(o + 3) else {
                throw source.fail(
                    .expectedValue(found: .text(source.quoted(start, source.tokenEnd(start)))), at: start)
            }
            pos = o + 3
            if isNaN { return .float(negative ? -Double.nan : Double.nan) }
            return .float(negative ? -Double.infinity : Double.infinity)
        }
        guard o < end, isDigit(c) else { throw source.invalidNumber(start) }
        if c == Byte.zero {
            let radixByte = source.byte(o + 1)
            let radix: UInt64 =
                radixByte == UInt8(ascii: "x")
                ? 16 : radixByte == UInt8(ascii: "o") ? 8 : radixByte == UInt8(ascii: "b") ? 2 : 0
            if radix != 0 {
                guard o == start else { throw source.invalidNumber(start, .signedRadix) }
                return try parseRadixInteger(radix: radix)
            }
        }

        // Integer part.
        let integerStart = o
        var magnitude: UInt64 = 0
        var overflow = false
        while o < end {
            let b = base[o]
            if isDigit(b) {
                let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times10.addingReportingOverflow(UInt64(b &- 0x30))
                magnitude = sum
                overflow = overflow || o1 || o2
                o += 1
            } else if b == Byte.underscore {
                guard isDigit(source.byte(o + 1)), o + 1 < end else { throw source.invalidNumber(start, .underscore) }
                o += 1
            } else {
                break
            }
        }
        if c == Byte.zero && o - integerStart > 1 { throw source.invalidNumber(start, .leadingZeros) }
        var isFloat = false
        if o < end && base[o] == Byte.dot {
            isFloat = true
            o += 1
            guard o < end, isDigit(base[o]) else { throw source.invalidNumber(start, .digitAfterPoint) }
            o = try source.skipDigits(o, start)
        }
        if o < end && (base[o] | 0x20) == UInt8(ascii: "e") {
            isFloat = true
            o += 1
            if o < end && (base[o] == Byte.plus || base[o] == Byte.minus) { o += 1 }
            guard o < end, isDigit(base[o]) else { throw source.invalidNumber(start, .digitInExponent) }
            o = try source.skipDigits(o, start)
        }
        guard source.isValueEnd(o) else { throw source.invalidNumber(start) }
        pos = o
        if isFloat { return .float(try makeFloat(start, o)) }
        let limit: UInt64 = negative ? 1 << 63 : UInt64(Int.max)
        guard !overflow && magnitude <= limit else {
            throw source.fail(.integerOutOfRange(written: source.snippet(start, o), tooSmall: negative), at: start)
        }
        return .integer(negative ? Int(truncatingIfNeeded: 0 &- magnitude) : Int(magnitude))
    }

    mutating func parseRadixInteger(radix: UInt64) throws(Failure) -> TOML.Value {
        let start = pos
        var o = pos + 2
        var magnitude: UInt64 = 0
        var overflow = false
        var count = 0
        while o < end {
            let b = base[o]
            if let digit = hexValue(b), UInt64(digit) < radix {
                let (times, o1) = magnitude.multipliedReportingOverflow(by: radix)
                let (sum, o2) = times.addingReportingOverflow(UInt64(digit))
                magnitude = sum
                overflow = overflow || o1 || o2
                count += 1
                o += 1
            } else if b == Byte.underscore && count > 0 {
                guard o + 1 < end, let next = hexValue(base[o + 1]), UInt64(next) < radix else {
                    throw source.invalidNumber(start, .underscore)
                }
                o += 1
            } else {
                break
            }
        }
        guard count > 0, source.isValueEnd(o) else { throw source.invalidNumber(start) }
        guard !overflow && magnitude <= UInt64(Int.max) else {
            throw source.fail(.integerOutOfRange(written: source.snippet(start, o), tooSmall: false), at: start)
        }
        pos = o
        return .integer(Int(magnitude))
    }

    /// Converts a validated decimal float literal.
    mutating func makeFloat(_ start: Int, _ stop: Int) throws(Failure) -> Double {
        // Exact fast path (Clinger): at most 15 significant digits and a power of ten up to 22.
        var o = start
        var negative = false
        if base[o] == Byte.plus || base[o] == Byte.minus {
            negative = base[o] == Byte.minus
            o += 1
        }
        var mantissa: UInt64 = 0
        var significant = 0
        var fractionDigits = 0
        var inFraction = false
        var exponent = 0
        var exponentNegative = false
        var fast = true
        while o < stop {
            let b = base[o]
            if isDigit(b) {
                if mantissa != 0 || b != Byte.zero {
                    significant += 1
                    if significant > 15 { fast = false }
                    mantissa = mantissa &* 10 &+ UInt64(b &- 0x30)
                }
                if inFraction { fractionDigits += 1 }
            } else if b == Byte.dot {
                inFraction = true
            } else if (b | 0x20) == UInt8(ascii: "e") {
                o += 1
                if base[o] == Byte.plus || base[o] == Byte.minus {
                    exponentNegative = base[o] == Byte.minus
                    o += 1
                }
                while o < stop {
                    let d = base[o]
                    if isDigit(d) { exponent = min(exponent * 10 + Int(d &- 0x30), 1_000_000) }
                    o += 1
                }
                break
            }
            o += 1
        }
        let power = (exponentNegative ? -exponent : exponent) - fractionDigits
        var value: Double
        if fast && power >= -22 && power <= 22 {
            value = Double(mantissa)
            if power < 0 { value /= powersOfTen[-power] } else { value *= powersOfTen[power] }
            if mantissa == 0 { value = 0 }
        } else {
            scratch.removeAll(keepingCapacity: true)
            for i in start..<stop where base[i] != Byte.underscore && base[i] != Byte.plus { scratch.append(base[i]) }
            if scratch.first == Byte.minus { scratch.removeFirst() }
            value = Double(String(decoding: scratch, as: UTF8.self)) ?? .nan
        }
        guard value.isFinite else {
            throw source.fail(.floatTooLarge(written: source.snippet(start, stop)), at: start)
        }
        return negative ? -value : value
    }

    mutating func parseLocalTime() throws(Failure) -> TOML.Value {
        let start = pos
        guard let (time, nanoseconds, o) = source.timeFields(at: pos), source.isValueEnd(o) else {
            if source.hoursAndMinutes(at: start) && source.isValueEnd(start + 5) {
                let written = source.snippet(start, start + 5)
                throw source.fail(
                    .missingSeconds(written: written, suggestion: written + ":00", isDateTime: false), at: start)
            }
            throw source.fail(.invalidTime(written: source.quoted(start, source.tokenEnd(start))), at: start)
        }
        try source.checkTime(time, start, o, tokenStart: start)
        pos = o
        return .time(time, nanoseconds: nanoseconds)
    }

    mutating func parseDateTime() throws(Failure) -> TOML.Value {
        let start = pos
        guard source.digits(pos + 5, 2), source.byte(pos + 7) == Byte.minus, source.digits(pos + 8, 2) else {
            throw source.fail(.invalidDate(written: source.quoted(start, source.tokenEnd(start))), at: start)
        }
        let date = LocalDate(
            year: source.number(pos, 4), month: source.number(pos + 5, 2), day: source.number(pos + 8, 2))
        var o = pos + 10
        let separator = source.byte(o)
        let hasTime =
            o < end
            && ((separator | 0x20) == UInt8(ascii: "t")
                || (separator == Byte.space && source.digits(o + 1, 2) && source.byte(o + 3) == Byte.colon))
        if !hasTime {
            guard source.isValueEnd(o) else {
                throw source.fail(.invalidDate(written: source.quoted(start, source.tokenEnd(start))), at: start)
            }
            guard date.isValid else { throw source.fail(.invalidDate(written: source.snippet(start, o)), at: start) }
            pos = o
            return .date(date)
        }
        let timeStart = o + 1
        // A failure takes the whole token with it, the time after a space included.
        var tokenEnd: Int { source.tokenEnd(timeStart) }
        func failure(_ text: DiagnosticText) -> Failure { Failure(text: text, offset: start, resume: tokenEnd) }
        guard let (time, nanoseconds, timeEnd) = source.timeFields(at: timeStart) else {
            if source.hoursAndMinutes(at: timeStart) {
                let suggestion =
                    source.snippet(start, timeStart + 5) + ":00" + source.snippet(timeStart + 5, tokenEnd)
                throw failure(
                    .missingSeconds(
                        written: source.snippet(start, tokenEnd), suggestion: suggestion, isDateTime: true))
            }
            throw failure(.invalidDateTime(written: source.quoted(start, tokenEnd)))
        }
        o = timeEnd
        var offset: Int?
        var offsetValid = true
        if o < end && (base[o] | 0x20) == UInt8(ascii: "z") {
            offset = 0
            o += 1
        } else if o < end && (base[o] == Byte.plus || base[o] == Byte.minus) {
            guard source.digits(o + 1, 2), source.byte(o + 3) == Byte.colon, source.digits(o + 4, 2) else {
                throw failure(.invalidDateTime(written: source.quoted(start, tokenEnd)))
            }
            let hours = source.number(o + 1, 2)
            let minutes = source.number(o + 4, 2)
            offsetValid = hours <= 23 && minutes <= 59
            offset = (base[o] == Byte.minus ? -1 : 1) * (hours * 60 + minutes)
            o += 6
        }
        guard source.isValueEnd(o) else { throw failure(.invalidDateTime(written: source.quoted(start, tokenEnd))) }
        guard date.isValid else { throw failure(.invalidDate(written: source.snippet(start, start + 10))) }
        guard time.hour <= 23, time.minute <= 59, time.second <= 59 else {
            throw failure(.invalidTime(written: source.snippet(timeStart, timeEnd)))
        }
        guard offsetValid else { throw failure(.invalidOffset(written: source.snippet(timeEnd, o))) }
        pos = o
        return .dateTime(LocalDateTime(date, time), offsetMinutes: offset, nanoseconds: nanoseconds)
    }
}

private let powersOfTen: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
    1e21, 1e22,
]
