/// A text a person reads — in the journal, `status`, the views, an error, a mail — with its parameters.
///
/// Every such text is a case of one of the `…Text` enums (one per concern: `JournalText`, …), and is written once
/// per language: the French catalogue is `Text/French/`, the English one `Text/English/`, each an exhaustive
/// `switch`, so that a text missing in one language does not compile. The logic never chooses words by language;
/// it picks a case and asks for `text(language)`.
package protocol Localizable: Sendable {
    /// The text in French, from `Text/French/`: typeset as French wants it (see `FrenchText`).
    var french: FrenchText { get }
    /// The text in English, from `Text/English/`.
    var english: String { get }
    /// One value of every case, so that the catalogue's test can write each in both languages.
    static var samples: [Self] { get }
}

extension Localizable {
    /// The text in `language`.
    package func text(_ language: Language) -> String {
        switch language {
        case .fr: french.text
        case .en: english
        }
    }
}

/// French text, typeset as French typography wants it: a narrow no-break space (U+202F) before « : ; ? ! », and
/// inside « guillemets ».
///
/// Only the literal parts of the catalogue's strings are typeset, never the values put into them: a title, a place
/// or a path is shown as the user wrote it. Write the catalogue with ordinary spaces (`"Rappel \(id) : \(title)"`);
/// this type puts the right space in.
package struct FrenchText: ExpressibleByStringInterpolation, Sendable, CustomStringConvertible {
    package var text: String

    package init(stringLiteral value: String) {
        text = FrenchText.typeset(value)
    }

    package init(stringInterpolation: StringInterpolation) {
        text = stringInterpolation.text
    }

    package var description: String { text }

    package struct StringInterpolation: StringInterpolationProtocol {
        var text = ""

        package init(literalCapacity: Int, interpolationCount: Int) {
            text.reserveCapacity(literalCapacity + 16 * interpolationCount)
        }

        package mutating func appendLiteral(_ literal: String) {
            text += FrenchText.typeset(literal)
        }

        package mutating func appendInterpolation(_ value: some CustomStringConvertible) {
            text += value.description
        }

        /// Another French text: already typeset.
        package mutating func appendInterpolation(_ value: FrenchText) {
            text += value.text
        }
    }

    /// The narrow no-break space French puts before « : ; ? ! » and inside guillemets.
    package static let narrowSpace: Character = "\u{202F}"

    /// Replaces the space before « : ; ? ! » (or adds one after a word), and the spaces inside « », by a narrow
    /// no-break space. A colon inside a word or a time ("14:00", "https://") is left alone: only a colon after a
    /// space is typeset.
    static func typeset(_ literal: String) -> String {
        // Bytes first: most literals hold none of these, and calendars of 100,000 events ask for millions. (0xAB and
        // 0xBB end « and » in UTF-8; other characters that share them only take the slower path.)
        guard literal.utf8.contains(where: { $0 == 0x3A || $0 == 0x3B || $0 == 0x3F || $0 == 0x21 || $0 | 0x10 == 0xBB })
        else { return literal }
        let narrow: [UInt8] = [0xE2, 0x80, 0xAF]  // U+202F in UTF-8
        var out: [UInt8] = []
        out.reserveCapacity(literal.utf8.count + 8)
        for scalar in literal.unicodeScalars {
            switch scalar {
            case ":", ";", "?", "!", "»":
                if out.last == 0x20 {
                    out.removeLast()
                    out += narrow
                } else if out.count >= 2 && out[out.count - 2] == 0xC2 && out[out.count - 1] == 0xA0 {  // U+00A0
                    out.removeLast(2)
                    out += narrow
                }
            case " " where out.count >= 2 && out[out.count - 2] == 0xC2 && out[out.count - 1] == 0xAB:  // after «
                out += narrow
                continue
            default:
                break
            }
            UTF8.encode(scalar) { out.append($0) }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
