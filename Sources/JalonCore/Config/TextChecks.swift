import Foundation

// What the loaders ask of the text they read: identifiers, control characters, spellings, the nearest known word.

/// Lower case, without accents: how a value written with another case or accents (`"Préliminaire"`) is
/// recognised.
func foldedSpelling(_ text: String) -> String {
    text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
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

/// The candidate nearest to `word`, when it is near enough to be a plausible typo: an edit distance that counts a
/// swap of two neighbours as one edit (`form` → `from`), case and accents aside, at most a third of the candidate's
/// length (one edit for short words).
package func closest(to word: String, among candidates: [String]) -> String? {
    let w = Array(foldedSpelling(word).unicodeScalars)
    guard w.count <= 64 else { return nil }
    var best: (String, Int)?
    for candidate in Set(candidates) {
        let c = Array(candidate.unicodeScalars)
        let distance = editDistance(w, c)
        if distance <= max(1, c.count / 3),
            best.map({ distance < $0.1 || (distance == $0.1 && candidate < $0.0) }) ?? true
        {
            best = (candidate, distance)
        }
    }
    return best?.0
}
