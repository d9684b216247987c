/// Reads the keys of one TOML table into typed values, reporting every problem at the key that has it.
///
/// Each accessor marks its key as known; `finish()` then warns about every key nobody asked for, with the nearest
/// known key as a suggestion, so that a typo like `remnid` does not pass unseen.
struct TableReader {
    let table: TOML.Table
    let path: TOMLPath
    /// How the table is named in messages: `[[deadline]]`, `jalon.toml`, `[mail]`.
    let context: String
    let diagnostics: DiagnosticCollector
    private var known: [String] = []

    init(_ table: TOML.Table, at path: TOMLPath, context: String, diagnostics: DiagnosticCollector) {
        self.table = table
        self.path = path
        self.context = context
        self.diagnostics = diagnostics
    }

    func keyPath(_ key: String) -> TOMLPath { path + [.key(key)] }

    func error(_ message: String, key: String) { diagnostics.error(message, at: keyPath(key)) }

    func warning(_ message: String, key: String) { diagnostics.warning(message, at: keyPath(key)) }

    /// The raw value of `key`, marking it as known.
    mutating func value(_ key: String) -> TOML.Value? {
        known.append(key)
        return table[key]
    }

    func has(_ key: String) -> Bool { table.position(of: key) != nil }

    /// Reports a value of the wrong type.
    func mismatch(_ key: String, expected: String, found: TOML.Value) {
        var message = "`\(key)` must be \(expected), found \(found.typeDescription)"
        if case .string(let text) = found, expected.contains("date") {
            message +=
                " (write dates without quotes, like \(key) = 2027-03-31\(text.isEmpty ? "" : ", not \"\(text)\""))"
        }
        error(message, key: key)
    }

    mutating func string(_ key: String) -> String? {
        guard let node = value(key) else { return nil }
        guard case .string(let text) = node else {
            mismatch(key, expected: "a string", found: node)
            return nil
        }
        return text
    }

    /// A string that may end up in a mail header (a name, a title, an address): control characters are refused,
    /// because a line break there would let the text write headers of its own.
    mutating func headerText(_ key: String) -> String? {
        guard let text = string(key) else { return nil }
        if let bad = firstControl(text) {
            error(
                "`\(key)` holds a control character (U+\(hex4(bad.value))); it would end up in a mail header",
                key: key)
            return nil
        }
        return text
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let node = value(key) else { return nil }
        guard case .bool(let flag) = node else {
            mismatch(key, expected: "true or false", found: node)
            return nil
        }
        return flag
    }

    mutating func identifier(_ key: String) -> String? {
        guard let text = string(key) else { return nil }
        guard isIdentifier(text) else {
            error(
                "`\(key)` \"\(printable(text))\" is not an identifier: use 1 to 64 of a-z, 0-9, '.', '_' and '-', "
                    + "starting with a letter or a digit", key: key)
            return nil
        }
        return text
    }

    mutating func duration(_ key: String) -> CalendarDuration? {
        guard let node = value(key) else { return nil }
        guard case .string(let text) = node else {
            mismatch(key, expected: "a duration string like \"-14d\" or \"6 months\"", found: node)
            return nil
        }
        do {
            return try CalendarDuration.parse(text)
        } catch {
            self.error("`\(key)`: \(error)", key: key)
            return nil
        }
    }

    /// A list of durations; a single string is taken as a list of one.
    mutating func durations(_ key: String) -> [CalendarDuration]? {
        guard let node = value(key) else { return nil }
        let elements: [(TOML.Value, TOMLPath)]
        switch node {
        case .string: elements = [(node, keyPath(key))]
        case .array(let array, _): elements = array.enumerated().map { ($1, keyPath(key) + [.index($0)]) }
        default:
            mismatch(key, expected: "a list of durations like [\"-14d\", \"-3d\"]", found: node)
            return nil
        }
        var result: [CalendarDuration] = []
        var ok = true
        for (element, at) in elements {
            guard case .string(let text) = element else {
                diagnostics.error("`\(key)` must hold duration strings, found \(element.typeDescription)", at: at)
                ok = false
                continue
            }
            do {
                result.append(try CalendarDuration.parse(text))
            } catch {
                diagnostics.error("`\(key)`: \(error)", at: at)
                ok = false
            }
        }
        return ok ? result : nil
    }

    /// A time of day, as `"09:00"` or a TOML local time `09:00:00`.
    mutating func timeOfDay(_ key: String) -> LocalTime? {
        guard let node = value(key) else { return nil }
        switch node {
        case .time(let time): return time
        case .string(let text):
            if let time = LocalTime(parsing: text) { return time }
            error("`\(key)` \"\(printable(text))\" is not a time of day: expected \"HH:MM\", like \"09:00\"", key: key)
        default:
            mismatch(key, expected: "a time of day like \"09:00\"", found: node)
        }
        return nil
    }

    mutating func zone(_ key: String) -> Zone? {
        guard let text = string(key) else { return nil }
        guard let zone = Zone(identifier: text) else {
            error(
                "unknown time zone \"\(printable(text))\": use an IANA name like \"Europe/Paris\" or \"Indian/Reunion\"",
                key: key)
            return nil
        }
        return zone
    }

    mutating func choice<T: RawRepresentable & CaseIterable>(_ key: String, _: T.Type) -> T?
    where T.RawValue == String {
        guard let text = string(key) else { return nil }
        guard let value = T(rawValue: text) else {
            let allowed = T.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            error("`\(key)` \"\(printable(text))\" is not one of \(allowed)", key: key)
            return nil
        }
        return value
    }

    /// A `to` list: `"person"`, `"consultant"` or email addresses.
    mutating func recipients(_ key: String) -> [Recipient]? {
        guard let node = value(key) else { return nil }
        let elements: [(TOML.Value, TOMLPath)]
        switch node {
        case .string: elements = [(node, keyPath(key))]
        case .array(let array, _): elements = array.enumerated().map { ($1, keyPath(key) + [.index($0)]) }
        default:
            mismatch(key, expected: "a list like [\"person\", \"consultant\"]", found: node)
            return nil
        }
        var result: [Recipient] = []
        var ok = true
        for (element, at) in elements {
            guard case .string(let text) = element else {
                diagnostics.error("`\(key)` must hold strings, found \(element.typeDescription)", at: at)
                ok = false
                continue
            }
            switch text {
            case "person": result.append(.person)
            case "consultant": result.append(.consultant)
            default:
                if let bad = firstControl(text) {
                    diagnostics.error(
                        "`\(key)` holds a control character (U+\(hex4(bad.value))); it would end up in a mail header",
                        at: at)
                    ok = false
                } else if isEmailAddress(text) {
                    result.append(.address(text))
                } else {
                    diagnostics.error(
                        "`\(key)`: \"\(printable(text))\" is neither \"person\", \"consultant\" nor an email address",
                        at: at)
                    ok = false
                }
            }
        }
        return ok ? result : nil
    }

    /// An email address (`name@domain`, no display name).
    mutating func emailAddress(_ key: String) -> String? {
        guard let text = headerText(key) else { return nil }
        guard isEmailAddress(text) else {
            error("`\(key)` \"\(printable(text))\" is not an email address like name@example.org", key: key)
            return nil
        }
        return text
    }

    mutating func table(_ key: String) -> TOML.Table? {
        guard let node = value(key) else { return nil }
        guard case .table(let table) = node else {
            mismatch(key, expected: "a table", found: node)
            return nil
        }
        return table
    }

    /// The tables of a `[[key]]` array, each with its path.
    mutating func arrayOfTables(_ key: String) -> [(TOML.Table, TOMLPath)] {
        guard let node = value(key) else { return [] }
        guard case .array(let array, _) = node else {
            error("`\(key)` must be written as [[\(key)]] tables, found \(node.typeDescription)", key: key)
            return []
        }
        var result: [(TOML.Table, TOMLPath)] = []
        for (index, element) in array.enumerated() {
            let at = keyPath(key) + [.index(index)]
            guard case .table(let table) = element else {
                diagnostics.error("each `\(key)` must be a table, found \(element.typeDescription)", at: at)
                continue
            }
            result.append((table, at))
        }
        return result
    }

    /// Warns about every key that no accessor asked for.
    func finish() {
        func isKnown(_ key: String) -> Bool { known.contains { sameBytes($0, key) } }
        guard table.keys.contains(where: { !isKnown($0) }) else { return }
        for key in table.keys where !isKnown(key) {
            var message = "unknown key `\(printable(key))` in \(context)"
            if let suggestion = closest(to: key, among: known) {
                message += " (did you mean `\(suggestion)`?)"
            }
            message += "; it is ignored"
            warning(message, key: key)
        }
    }
}

/// SPEC §3: `[a-z0-9][a-z0-9._-]{0,63}`.
package func isIdentifier(_ text: String) -> Bool {
    func check(_ bytes: some Collection<UInt8>) -> Bool {
        guard (1...64).contains(bytes.count) else { return false }
        for (i, b) in bytes.enumerated() {
            let alnum = (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39)
            if i == 0 ? !alnum : !(alnum || b == 0x2E || b == 0x5F || b == 0x2D) { return false }
        }
        return true
    }
    return text.utf8.withContiguousStorageIfAvailable { check($0) } ?? check(Array(text.utf8))
}

/// A pragmatic check of an addr-spec: one `@`, a non-empty local part and a dotted domain, nothing that would
/// need quoting or could break a header or a command line (spaces, `<>()[],;:\\"`, control characters).
package func isEmailAddress(_ text: String) -> Bool {
    guard text.utf8.count <= 254, !text.hasPrefix("-") else { return false }  // "-…" would read as an option
    var ats = 0
    for scalar in text.unicodeScalars {
        switch scalar {
        case "@": ats += 1
        case " ", "<", ">", "(", ")", "[", "]", ",", ";", ":", "\\", "\"": return false
        default: if isControl(scalar) { return false }
        }
    }
    let bytes = text.utf8
    guard ats == 1, let at = bytes.firstIndex(of: UInt8(ascii: "@")), at != bytes.startIndex else { return false }
    let domain = bytes[bytes.index(after: at)...]
    let dot = UInt8(ascii: ".")
    guard let first = domain.first, first != dot, domain.last != dot else { return false }
    return !zip(domain, domain.dropFirst()).contains { $0 == dot && $1 == dot }
}

/// The first control character of `text` (see `isControl`). The bytes are looked at first: without a byte below
/// 0x20, DEL, or the lead bytes of C1 controls (0xC2) and of U+2028/U+2029 (0xE2), there is none.
func firstControl(_ text: String) -> Unicode.Scalar? {
    func suspect(_ bytes: some Sequence<UInt8>) -> Bool {
        bytes.contains { (byte: UInt8) -> Bool in byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == 0xE2 }
    }
    let suspected = text.utf8.withContiguousStorageIfAvailable { suspect($0) } ?? suspect(text.utf8)
    return suspected ? text.unicodeScalars.first(where: isControl) : nil
}

/// C0 and C1 control characters and DEL; tabs included, since no header text needs one.
func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}"
}

func hex4(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}

/// Text made safe to quote in a one-line message: control characters are escaped, very long text is cut.
func printable(_ text: String, limit: Int = 80) -> String {
    var result = ""
    var count = 0
    for scalar in text.unicodeScalars {
        if count == limit {
            result += "…"
            break
        }
        if isControl(scalar) {
            result += "\\u{\(hex4(scalar.value))}"
        } else {
            result.unicodeScalars.append(scalar)
        }
        count += 1
    }
    return result
}

/// The candidate nearest to `word` by edit distance, when it is near enough to be a plausible typo.
package func closest(to word: String, among candidates: [String]) -> String? {
    let w = Array(word.lowercased().unicodeScalars)
    guard w.count <= 64 else { return nil }
    var best: (String, Int)?
    for candidate in Set(candidates) {
        let c = Array(candidate.unicodeScalars)
        let distance = editDistance(w, c)
        if distance <= max(1, c.count / 3), best.map({ distance < $0.1 || (distance == $0.1 && candidate < $0.0) }) ?? true {
            best = (candidate, distance)
        }
    }
    return best?.0
}
