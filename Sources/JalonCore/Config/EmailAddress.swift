import Foundation

/// Email addresses as the configuration holds them: an addr-spec an MTA accepts without SMTPUTF8 (RFC 5321).
enum EmailAddress {
    /// Whether `text` is shaped like an addr-spec: one `@`, a part on each side, and nothing that would need quoting
    /// or could break a header or a command line (spaces, `<>()[],;:\\"`, control characters), nor a leading `-`
    /// (it would read as an option). What SMTP then refuses is `problem(_:)`'s business.
    static func hasAddressShape(_ text: String) -> Bool {
        guard let first = text.utf8.first, first != UInt8(ascii: "-") else { return false }
        var ats = 0
        var atOffset = 0
        var offset = 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "@":
                ats += 1
                atOffset = offset
            case " ", "<", ">", "(", ")", "[", "]", ",", ";", ":", "\\", "\"": return false
            default: if isControl(scalar) { return false }
            }
            offset += UTF8.width(scalar)
        }
        return ats == 1 && atOffset > 0 && atOffset < offset - 1
    }

    /// What an MTA would refuse in an address of the right shape, or nil: a part that is not ASCII (no SMTPUTF8),
    /// more than 254 bytes in all or 64 before the `@`, a domain label that is empty, longer than 63 bytes, or
    /// starts or ends with `-`. An internationalised domain in its `xn--` form is ASCII, and fine.
    static func problem(_ address: String) -> DiagnosticText.AddressProblem? {
        var text = address
        return text.withUTF8 { bytes -> DiagnosticText.AddressProblem? in
            guard let at = bytes.lastIndex(of: UInt8(ascii: "@")) else { return nil }
            func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
            if bytes[..<at].contains(where: { $0 >= 0x80 }) { return .nonASCIILocalPart }
            if bytes[(at + 1)...].contains(where: { $0 >= 0x80 }) {
                let domain = string((at + 1)..<bytes.count)
                return .nonASCIIDomain(suggestion: string(0..<at) + "@" + (asciiDomain(domain) ?? domain))
            }
            if bytes.count > 254 { return .tooLong(bytes: bytes.count) }
            if at > 64 { return .localPartTooLong(bytes: at) }
            var labelStart = at + 1
            for index in (at + 1)...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: ".") {
                let label = labelStart..<index
                labelStart = index + 1
                if label.isEmpty { return .emptyLabel }
                if label.count > 63 { return .labelTooLong(label: string(label)) }
                if bytes[label.lowerBound] == UInt8(ascii: "-") || bytes[label.upperBound - 1] == UInt8(ascii: "-") {
                    return .hyphenLabel(label: string(label))
                }
            }
            return nil
        }
    }

    /// The domain with each non-ASCII label in its IDNA `xn--` form (lower case, NFC, Punycode): what to write
    /// instead of it. Nil when a label cannot be encoded.
    static func asciiDomain(_ domain: String) -> String? {
        var labels: [String] = []
        for label in domain.split(separator: ".", omittingEmptySubsequences: false) {
            let normalized = label.lowercased().precomposedStringWithCanonicalMapping
            if normalized.unicodeScalars.allSatisfy(\.isASCII) {
                labels.append(normalized)
            } else {
                guard let encoded = punycode(normalized) else { return nil }
                labels.append("xn--" + encoded)
            }
        }
        return labels.joined(separator: ".")
    }

    /// RFC 3492 Punycode of one label.
    static func punycode(_ label: String) -> String? {
        let base = 36
        let tMin = 1
        let tMax = 26
        let skew = 38
        let damp = 700
        func digit(_ d: Int) -> Character {
            Character(Unicode.Scalar(UInt8(d < 26 ? d + 97 : d - 26 + 48)))
        }
        func adapt(_ delta: Int, _ points: Int, _ first: Bool) -> Int {
            var delta = first ? delta / damp : delta / 2
            delta += delta / points
            var k = 0
            while delta > ((base - tMin) * tMax) / 2 {
                delta /= base - tMin
                k += base
            }
            return k + (base - tMin + 1) * delta / (delta + skew)
        }
        let input = label.unicodeScalars.map { Int($0.value) }
        var output = String(label.unicodeScalars.filter(\.isASCII).map(Character.init))
        let basicCount = output.count
        var handled = basicCount
        if basicCount > 0 { output.append("-") }
        var n = 128
        var delta = 0
        var bias = 72
        while handled < input.count {
            guard let m = input.filter({ $0 >= n }).min() else { return nil }
            let (product, overflow) = (m - n).multipliedReportingOverflow(by: handled + 1)
            guard !overflow else { return nil }
            delta += product
            n = m
            for c in input {
                if c < n { delta += 1 }
                if c == n {
                    var q = delta
                    var k = base
                    while true {
                        let t = k <= bias ? tMin : k >= bias + tMax ? tMax : k - bias
                        if q < t { break }
                        output.append(digit(t + (q - t) % (base - t)))
                        q = (q - t) / (base - t)
                        k += base
                    }
                    output.append(digit(q))
                    bias = adapt(delta, handled + 1, handled == basicCount)
                    delta = 0
                    handled += 1
                }
            }
            delta += 1
            n += 1
        }
        return output
    }

    /// The addresses in a text that holds several (`"a@x.org, b@y.org"`), or nil when it holds one at most.
    static func several(_ text: String) -> [String]? {
        var ats = 0
        for byte in text.utf8 where byte == UInt8(ascii: "@") { ats += 1 }
        guard ats >= 2 else { return nil }
        let parts = text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == " " || $0 == "\t" }).map(String.init)
        let addresses = parts.filter { $0.contains("@") }
        return addresses.count >= 2 ? addresses : nil
    }

    /// `Name <address>` or a bare address, with the spaces around each part taken away: (name, address, whether
    /// spaces were taken away from around the address).
    static func split(_ text: String) -> (name: String?, address: String, trimmed: Bool) {
        let outer = text.trimmingCharacters(in: .whitespaces)
        if outer.hasSuffix(">"), let open = outer.lastIndex(of: "<") {
            let inner = String(outer[outer.index(after: open)..<outer.index(before: outer.endIndex)])
            let address = inner.trimmingCharacters(in: .whitespaces)
            var name = outer[..<open].trimmingCharacters(in: .whitespaces)
            if name.count >= 2 && name.hasPrefix("\"") && name.hasSuffix("\"") {
                name = String(name.dropFirst().dropLast())
            }
            return (name.isEmpty ? nil : name, address, address != inner || outer != text)
        }
        return (nil, outer, outer != text)
    }
}

/// Whether `text` is an addr-spec jalon can hand to an MTA: the right shape, and nothing SMTP refuses
/// (`EmailAddress`).
package func isEmailAddress(_ text: String) -> Bool {
    EmailAddress.hasAddressShape(text) && EmailAddress.problem(text) == nil
}
