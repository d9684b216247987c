import Foundation

/// Reads the keys of one TOML table into typed values, reporting every problem at the key that has it.
///
/// Each accessor marks its key as known; `finish()` then warns about every key nobody asked for, with the nearest
/// known key as a suggestion, so that a typo like `remnid` does not pass unseen. A key whose value had a syntax
/// error (`TOML.Table.brokenKeys`) reads as present and without a value: its error is already said.
struct TableReader {
    let table: TOML.Table
    let path: TOMLPath
    /// How the table is named in messages: `[[deadline]]`, `jalon.toml`, `[mail]`.
    let context: DiagnosticText.KeyContext
    let diagnostics: DiagnosticCollector
    private var known: [String] = []

    init(
        _ table: TOML.Table, at path: TOMLPath, context: DiagnosticText.KeyContext, diagnostics: DiagnosticCollector
    ) {
        self.table = table
        self.path = path
        self.context = context
        self.diagnostics = diagnostics
    }

    func keyPath(_ key: String) -> TOMLPath { path + [.key(key)] }

    func error(_ text: DiagnosticText, key: String) { diagnostics.error(text, at: keyPath(key)) }

    func warning(_ text: DiagnosticText, key: String) { diagnostics.warning(text, at: keyPath(key)) }

    func note(_ text: DiagnosticText, key: String) { diagnostics.note(text, at: keyPath(key)) }

    /// The raw value of `key`, marking it as known; nil when absent or broken.
    mutating func value(_ key: String) -> TOML.Value? {
        known.append(key)
        guard !table.isBroken(key) else { return nil }
        return table[key]
    }

    /// Whether `key` is written (even with a broken value).
    func has(_ key: String) -> Bool { table.position(of: key) != nil }

    /// Reports a value of the wrong type; a date in quotes gets the literal to write instead.
    func mismatch(_ key: String, expected: DiagnosticText.Expected, found: TOML.Value) {
        if case .string(let text) = found, [.dateOrDateTime, .sessionDateTime, .date].contains(expected) {
            error(.quotedDate(key: key, expected: expected, literal: WrittenDate.literal(text)), key: key)
        } else {
            error(.wrongType(key: key, expected: expected, found: DiagnosticText.ValueType(found)), key: key)
        }
    }

    /// A local date (`2027-03-31`); any other value is reported.
    mutating func date(_ key: String) -> LocalDate? {
        guard let node = value(key) else { return nil }
        guard case .date(let date) = node else {
            mismatch(key, expected: .date, found: node)
            return nil
        }
        return date
    }

    /// `done` when it is a flag, a date or a date-time: whether the item is done, and on which day when that is
    /// written. Nil for any other value, which the caller reads or reports.
    func doneFlag(_ node: TOML.Value) -> (done: Bool, on: LocalDate?)? {
        switch node {
        case .bool(let flag): (flag, nil)
        case .date(let date): (true, date)
        case .dateTime(let local, _, _): (true, local.date)
        default: nil
        }
    }

    mutating func string(_ key: String) -> String? {
        guard let node = value(key) else { return nil }
        guard case .string(let text) = node else {
            mismatch(key, expected: .string, found: node)
            return nil
        }
        return text
    }

    /// A string that may end up in a mail header (a name, a title, an address): control characters are refused,
    /// because a line break there would let the text write headers of its own.
    mutating func headerText(_ key: String) -> String? {
        guard let text = string(key) else { return nil }
        if let bad = firstControl(text) {
            error(.controlCharacter(key: key, bad.value), key: key)
            return nil
        }
        return text
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let node = value(key) else { return nil }
        guard case .bool(let flag) = node else {
            mismatch(key, expected: .trueOrFalse, found: node)
            return nil
        }
        return flag
    }

    mutating func identifier(_ key: String) -> String? {
        guard let text = string(key) else { return nil }
        guard isIdentifier(text) else {
            error(.notIdentifier(key: key, value: printable(text)), key: key)
            return nil
        }
        return text
    }

    /// One duration, read as `CalendarDuration.read` reads it: a spelling other than SPEC §4's is a note.
    mutating func duration(_ key: String) -> CalendarDuration? {
        guard let node = value(key) else { return nil }
        guard case .string(let text) = node else {
            mismatch(key, expected: .durationString, found: node)
            return nil
        }
        return read(text, key: key, at: self.keyPath(key), warnsUnsigned: false)
    }

    /// A list of durations (`remind`); a single string is taken as a list of one. A positive step written without
    /// its sign is a warning: `"3d"` after the date was probably meant before it.
    mutating func durations(_ key: String) -> [CalendarDuration]? {
        guard let node = value(key) else { return nil }
        let elements: [TOML.Value]
        let isList: Bool
        switch node {
        case .string: (elements, isList) = ([node], false)
        case .array(let array, _): (elements, isList) = (array, true)
        default:
            mismatch(key, expected: .durationList, found: node)
            return nil
        }
        var result: [CalendarDuration] = []
        result.reserveCapacity(elements.count)
        var ok = true
        for (index, element) in elements.enumerated() {
            // The path of an element is made only when there is something to say about it.
            var at: TOMLPath { isList ? keyPath(key) + [.index(index)] : keyPath(key) }
            guard case .string(let text) = element else {
                diagnostics.error(
                    .elementWrongType(key: key, expected: .durationStrings, found: DiagnosticText.ValueType(element)),
                    at: at)
                ok = false
                continue
            }
            if let duration = read(text, key: key, at: at, warnsUnsigned: true) {
                result.append(duration)
            } else {
                ok = false
            }
        }
        return ok ? result : nil
    }

    private func read(
        _ text: String, key: String, at path: @autoclosure () -> TOMLPath, warnsUnsigned: Bool
    ) -> CalendarDuration? {
        do {
            let reading = try CalendarDuration.read(text)
            var written: String { printable(text.trimmingCharacters(in: .whitespaces)) }
            if let canonical = reading.canonicalSpelling {
                diagnostics.note(.spelling(key: key, written: written, canonical: canonical), at: path())
            }
            if warnsUnsigned && !reading.isSigned && reading.duration.count > 0 {
                let spelt = reading.canonicalSpelling ?? text
                diagnostics.warning(
                    .unsignedDuration(
                        key: key, written: written, count: reading.duration.count, unit: reading.duration.unit,
                        suggestion: CalendarDuration.negated(spelt)),
                    at: path())
            }
            return reading.duration
        } catch {
            diagnostics.error(.duration(key: key, error), at: path())
            return nil
        }
    }

    /// A time of day, as `"09:00"` or a TOML local time `09:00:00`.
    mutating func timeOfDay(_ key: String) -> LocalTime? {
        guard let node = value(key) else { return nil }
        switch node {
        case .time(let time, _): return time
        case .string(let text):
            if let time = LocalTime(parsing: text) { return time }
            error(.notATimeOfDay(key: key, value: printable(text)), key: key)
        default:
            mismatch(key, expected: .timeOfDay, found: node)
        }
        return nil
    }

    mutating func zone(_ key: String) -> Zone? {
        guard let text = string(key) else { return nil }
        guard let zone = Zone(identifier: text) else {
            error(.unknownZone(value: printable(text)), key: key)
            return nil
        }
        return zone
    }

    /// One of the values of `T`; written in another case or without accents, it is read so, with a note.
    mutating func choice<T: RawRepresentable & CaseIterable>(_ key: String, _: T.Type) -> T?
    where T.RawValue == String {
        guard let text = string(key) else { return nil }
        if let value = T(rawValue: text) { return value }
        let folded = foldedSpelling(text)
        if let value = T.allCases.first(where: { foldedSpelling($0.rawValue) == folded }) {
            note(.spelling(key: key, written: printable(text), canonical: value.rawValue), key: key)
            return value
        }
        error(.notOneOf(key: key, value: printable(text), allowed: T.allCases.map(\.rawValue)), key: key)
        return nil
    }

    /// A `to` list: `"person"`, `"consultant"` or email addresses.
    mutating func recipients(_ key: String) -> [Recipient]? {
        guard let node = value(key) else { return nil }
        let elements: [TOML.Value]
        let isList: Bool
        switch node {
        case .string: (elements, isList) = ([node], false)
        case .array(let array, _): (elements, isList) = (array, true)
        default:
            mismatch(key, expected: .recipientList, found: node)
            return nil
        }
        var result: [Recipient] = []
        result.reserveCapacity(elements.count)
        var ok = true
        for (index, element) in elements.enumerated() {
            var at: TOMLPath { isList ? keyPath(key) + [.index(index)] : keyPath(key) }
            guard case .string(let text) = element else {
                diagnostics.error(
                    .elementWrongType(key: key, expected: .strings, found: DiagnosticText.ValueType(element)), at: at)
                ok = false
                continue
            }
            switch text {
            case "person": result.append(.person)
            case "consultant": result.append(.consultant)
            default:
                let folded = foldedSpelling(text)
                if folded == "person" || folded == "consultant" {
                    diagnostics.note(.spelling(key: key, written: printable(text), canonical: folded), at: at)
                    result.append(folded == "person" ? .person : .consultant)
                } else if let address = address(text, key: key, at: at, notAddress: DiagnosticText.notARecipient) {
                    result.append(.address(address.address))
                } else {
                    ok = false
                }
            }
        }
        return ok ? result : nil
    }

    /// An email address, alone or as `Name <address>` (SPEC §2's `from`, a person's or a consultant's `email`).
    mutating func mailbox(_ key: String, notAddress: (String, String) -> DiagnosticText) -> MailAddress? {
        guard let text = string(key) else { return nil }
        return address(text, key: key, at: self.keyPath(key), notAddress: notAddress, takesName: true)
    }

    /// The address in `text`, or nil with the problem reported at `path`: a control character, several addresses,
    /// what is not an address, what SMTP would refuse. Spaces around it are a warning.
    private func address(
        _ text: String, key: String, at path: @autoclosure () -> TOMLPath,
        notAddress: (String, String) -> DiagnosticText, takesName: Bool = false
    ) -> MailAddress? {
        // Most addresses are written bare, with nothing around them.
        if EmailAddress.hasAddressShape(text) {
            if let problem = EmailAddress.problem(text) {
                diagnostics.error(.address(key: key, value: printable(text), problem), at: path())
                return nil
            }
            return MailAddress(name: nil, address: text)
        }
        let path = path()
        if let bad = firstControl(text) {
            diagnostics.error(.controlCharacter(key: key, bad.value), at: path)
            return nil
        }
        if let addresses = EmailAddress.several(text) {
            diagnostics.error(.severalAddresses(key: key, addresses: addresses, inList: !takesName), at: path)
            return nil
        }
        let (name, address, trimmed) = EmailAddress.split(text)
        guard EmailAddress.hasAddressShape(address), takesName || name == nil else {
            diagnostics.error(notAddress(key, printable(text)), at: path)
            return nil
        }
        if let problem = EmailAddress.problem(address) {
            diagnostics.error(.address(key: key, value: printable(address), problem), at: path)
            return nil
        }
        if trimmed { diagnostics.warning(.addressSpaces(key: key, value: printable(text)), at: path) }
        return MailAddress(name: name, address: address)
    }

    mutating func table(_ key: String) -> TOML.Table? {
        guard let node = value(key) else { return nil }
        guard case .table(let table) = node else {
            mismatch(key, expected: .table, found: node)
            return nil
        }
        return table
    }

    /// The tables of a `[[key]]` array, each with its path.
    mutating func arrayOfTables(_ key: String) -> [(TOML.Table, TOMLPath)] {
        guard let node = value(key) else { return [] }
        guard case .array(let array, _) = node else {
            error(.notTableArray(key: key, found: DiagnosticText.ValueType(node)), key: key)
            return []
        }
        var result: [(TOML.Table, TOMLPath)] = []
        for (index, element) in array.enumerated() {
            let at = keyPath(key) + [.index(index)]
            guard case .table(let table) = element else {
                diagnostics.error(.notATableElement(key: key, found: DiagnosticText.ValueType(element)), at: at)
                continue
            }
            result.append((table, at))
        }
        return result
    }

    /// Warns about every key that no accessor asked for (but those whose line has a syntax error already).
    func finish() {
        func isKnown(_ key: String) -> Bool { known.contains { sameBytes($0, key) } || table.isBroken(key) }
        guard table.keys.contains(where: { !isKnown($0) }) else { return }
        for key in table.keys where !isKnown(key) {
            warning(
                .unknownKey(key: printable(key), context: context, suggestion: closest(to: key, among: known)),
                key: key)
        }
    }
}
