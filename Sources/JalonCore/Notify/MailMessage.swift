/// An email as jalon hands it to sendmail (SPEC §7): RFC 5322 header fields, then a MIME `text/plain` body in
/// UTF-8, quoted-printable.
///
/// Choices, for whoever reads a raw message:
///
/// - Header text that is not plain ASCII (the subject, display names, extra header values) is written as RFC 2047
///   encoded words in the B (base64) encoding. B has the same rules in unstructured text (`Subject`) and in a phrase
///   (a display name), where Q would have to escape most punctuation; its 4-for-3 growth makes the size of a word
///   exact, so each word is filled to the RFC 2047 limit of 75 characters and to the line's width. Q would keep a
///   mostly French subject legible in the raw source, and that is all it would bring.
/// - Encoded words are cut between grapheme clusters ("é" as e + U+0301 or an emoji with modifiers stays whole).
///   A cluster longer than one word can carry (45 bytes) is cut between Unicode scalars, never inside a UTF-8
///   sequence.
/// - Header lines are folded at whitespace to at most 78 characters, continuation lines starting with a space. An
///   unstructured value is either plain (printable ASCII words fitting a line) or wholly encoded; a display name
///   keeps its plain ASCII atoms and encodes each run of the other words as a unit, so that two encoded words only
///   meet inside a run (some decoders, CPython's before gh-128110, wrongly keep the space between them in a phrase).
/// - No line ever exceeds 998 bytes: the only tokens that cannot be folded or encoded are addresses and the
///   Message-ID, and one longer than a line (which no real address is) is cut with a folding space as a last resort.
///   Recipients go to sendmail as arguments, never read from `To`, so that cannot misdirect a message.
/// - CR and LF in any header value become spaces, so no value can start a header field of its own. A display name
///   is trimmed and its runs of spaces and tabs made one space, as a phrase means anyway.
package struct MailMessage: Sendable, Equatable {
    package var from: MailAddress
    package var to: [MailAddress]
    package var subject: String
    package var date: Instant
    /// The `Date` header is written with this zone's offset at `date`.
    package var zone: Zone
    /// Without angle brackets, e.g. `jalon.1805446800.marie-dupont.titre-pro.-14d@horizon.example`.
    package var messageID: String
    /// Plain text, lines separated by "\n".
    package var body: String
    /// Written after the standard fields, e.g. `("X-Jalon-Reminder", "marie-dupont/titre-pro/-14d")`. A name that
    /// repeats one of the standard fields is left out.
    package var extraHeaders: [(name: String, value: String)]
    /// `Reply-To` (RFC 5322 §3.6.2): where a reply goes, the person's consultant.
    package var replyTo: MailAddress?
    /// A calendar sent along with the text (an iMIP invitation, RFC 6047): the message is then
    /// `multipart/alternative`, the text first and the calendar second.
    package var calendar: CalendarPart?

    package init(
        from: MailAddress, to: [MailAddress], subject: String, date: Instant, zone: Zone, messageID: String,
        body: String, extraHeaders: [(name: String, value: String)] = [], replyTo: MailAddress? = nil,
        calendar: CalendarPart? = nil
    ) {
        self.replyTo = replyTo
        self.calendar = calendar
        self.from = from
        self.to = to
        self.subject = subject
        self.date = date
        self.zone = zone
        self.messageID = messageID
        self.body = body
        self.extraHeaders = extraHeaders
    }

    package static func == (lhs: MailMessage, rhs: MailMessage) -> Bool {
        lhs.from == rhs.from && lhs.to == rhs.to && lhs.subject == rhs.subject && lhs.date == rhs.date
            && lhs.zone == rhs.zone && lhs.messageID == rhs.messageID && lhs.body == rhs.body
            && lhs.extraHeaders.count == rhs.extraHeaders.count
            && zip(lhs.extraHeaders, rhs.extraHeaders).allSatisfy { $0.name == $1.name && $0.value == $1.value }
            && lhs.replyTo == rhs.replyTo && lhs.calendar == rhs.calendar
    }

    /// The message as bytes for sendmail: header fields, a blank line, then the body.
    ///
    /// Lines end in "\n" alone: sendmail's local submission (`sendmail -oi -f … -- rcpt…` on standard input) takes
    /// the system's native line endings and turns them into CRLF when it speaks SMTP.
    package func rendered() -> [UInt8] {
        var fields: [[String]] = [
            Self.addressField("From", [from]),
            Self.addressField("To", to),
        ]
        if let replyTo { fields.append(Self.addressField("Reply-To", [replyTo])) }
        fields += [
            Self.unstructuredField("Subject", subject),
            ["Date: " + Self.dateText(date, zone: zone)],
            Self.messageIDField(messageID),
            ["Auto-Submitted: auto-generated"],
            ["MIME-Version: 1.0"],
        ]
        let boundary = calendar.map { _ in Self.boundary(messageID) }
        if let boundary {
            fields.append(["Content-Type: multipart/alternative; boundary=\"\(boundary)\""])
        } else {
            fields += [["Content-Type: text/plain; charset=utf-8"], ["Content-Transfer-Encoding: quoted-printable"]]
        }
        for header in extraHeaders {
            let name = Self.fieldName(header.name)
            guard !Self.standardFields.contains(name.lowercased()) else { continue }
            fields.append(Self.unstructuredField(name, header.value))
        }
        var out: [UInt8] = []
        for line in fields.joined().flatMap(Self.hardWrapped) {
            out += line.utf8
            out.append(0x0A)
        }
        out.append(0x0A)
        if let calendar, let boundary {
            out += Self.alternative(text: body, calendar: calendar, boundary: boundary)
        } else {
            out += Self.quotedPrintable(body)
        }
        return out
    }

    /// A Message-ID derived from the reminder id and its due instant, so that a resend is recognisable:
    /// `jalon.<due seconds>.<id>@<domain>`, with each "/" of the id turned into "." and every other character
    /// outside RFC 5322 `atext` (the id's own dots included, and "=" as the escape character) written as `=XX` per
    /// UTF-8 byte, so that the local part is a valid dot-atom and two ids never give the same Message-ID. A "/" that
    /// would make an empty dot-atom part (leading, trailing, doubled) is written `=2F` instead.
    package static func messageID(reminder: String, due: Instant, domain: String) -> String {
        let bytes = Array(reminder.utf8)
        var id = ""
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "/") {
                let previousIsPart = !id.isEmpty && !id.hasSuffix(".")
                let nextIsPart = index + 1 < bytes.count && bytes[index + 1] != UInt8(ascii: "/")
                id += previousIsPart && nextIsPart ? "." : "=2F"
            } else if isAtext(byte) && byte != UInt8(ascii: "=") {
                id.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                id += hexEscape(byte)
            }
        }
        let local = "jalon.\(due.seconds)" + (id.isEmpty ? "" : "." + id)
        return local + "@" + messageIDDomain(domain)
    }
}

// MARK: - Header fields

extension MailMessage {
    /// The widest a header line should be (RFC 5322 §2.1.1), and the widest it may be.
    static let foldWidth = 78
    static let lineLimit = 998
    /// The longest encoded word (RFC 2047 §2) and the bytes it carries in B: 75 - 12 = 63, so 15 groups of 4.
    static let encodedWordLimit = 75
    static let encodedWordMaxBytes = 45

    static let standardFields: Set<String> = [
        "from", "to", "reply-to", "subject", "date", "message-id", "auto-submitted", "mime-version", "content-type",
        "content-transfer-encoding",
    ]

    /// CR and LF become spaces: nothing a caller gives can end a header field early.
    static func headerSafe(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" }) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(scalar == "\r" || scalar == "\n" ? " " : scalar)
        }
        return String(scalars)
    }

    /// A field name is printable ASCII without ":" (RFC 5322 §2.2); anything else becomes "-". Kept short enough
    /// that an encoded word still fits after it on the first line.
    static func fieldName(_ name: String) -> String {
        var result = ""
        for scalar in name.unicodeScalars.prefix(50) {
            result += (33...126).contains(scalar.value) && scalar != ":" ? String(scalar) : "-"
        }
        return result.isEmpty ? "X-Jalon" : result
    }

    /// An unstructured field (RFC 5322 §3.2.5): plain when the text is printable ASCII words that each fit a line,
    /// otherwise a run of encoded words, each filling the rest of its line.
    static func unstructuredField(_ name: String, _ value: String) -> [String] {
        let text = headerSafe(value)
        var folder = MailHeaderFolder(name: name)
        if text.isEmpty { return folder.finished() }
        if let words = plainWords(text, firstRoom: folder.room) {
            for word in words { folder.append(String(word)) }
        } else {
            // A fold right after the colon would put a space at the start of the value for some readers
            // (CPython's among them): the first word is sized to the first line instead.
            folder.appendEncoded(text, mayFoldFirst: false)
        }
        return folder.finished()
    }

    /// The words of `text` when it can be written as is: printable ASCII, single spaces between words, none at the
    /// ends (they would not survive unfolding and parsing), nothing that looks like an encoded word, and words that
    /// fit a line.
    static func plainWords(_ text: String, firstRoom: Int) -> [Substring]? {
        guard text.unicodeScalars.allSatisfy({ (0x20...0x7E).contains($0.value) }), !text.contains("=?"),
            !text.hasPrefix(" "), !text.hasSuffix(" "), !text.contains("  ")
        else { return nil }
        let words = text.split(separator: " ")
        guard let first = words.first, first.utf8.count <= firstRoom,
            words.allSatisfy({ $0.utf8.count <= foldWidth - 2 })
        else { return nil }
        return words
    }

    /// `From` or `To`: addresses separated by commas, folded between addresses, and inside one only when it does
    /// not fit a line by itself.
    static func addressField(_ name: String, _ addresses: [MailAddress]) -> [String] {
        var folder = MailHeaderFolder(name: name)
        if addresses.isEmpty {
            // RFC 5322 wants at least one address; this is the customary empty group.
            folder.append("undisclosed-recipients:;")
            return folder.finished()
        }
        for (index, address) in addresses.enumerated() {
            let separator = index + 1 < addresses.count ? "," : ""
            // Written alone on a fresh line: if it fits there, it is kept whole.
            var alone = MailHeaderFolder(name: nil)
            appendAddress(address, separator: separator, to: &alone)
            let lines = alone.finished()
            if lines.count == 1, folder.hasValue {
                folder.append(String(lines[0].dropFirst()))
            } else {
                appendAddress(address, separator: separator, to: &folder)
            }
        }
        return folder.finished()
    }

    fileprivate static func appendAddress(
        _ address: MailAddress, separator: String, to folder: inout MailHeaderFolder
    ) {
        let addr = headerSafe(address.address)
        let name = displayName(address.name ?? "")
        guard !name.isEmpty else {
            folder.append(addr + separator)
            return
        }
        let printable = name.unicodeScalars.allSatisfy { (0x20...0x7E).contains($0.value) } && !name.contains("=?")
        let words = name.split(separator: " ", omittingEmptySubsequences: false)
        if printable, words.allSatisfy(isPlainAtom) {
            for word in words { folder.append(String(word)) }
        } else if printable, name.utf8.count + 2 + quotedPairs(in: name) <= foldWidth - 1 {
            folder.append(quotedString(name))
        } else {
            // Plain atoms stay legible; each run of other words, with the spaces inside it, is encoded as a unit.
            var run: [Substring] = []
            func flush() {
                if !run.isEmpty { folder.appendEncoded(run.joined(separator: " "), mayFoldFirst: true) }
                run = []
            }
            for word in words {
                if isPlainAtom(word) {
                    flush()
                    folder.append(String(word))
                } else {
                    run.append(word)
                }
            }
            flush()
        }
        folder.append("<" + addr + ">" + separator)
    }

    /// A display name with CR and LF made spaces, without spaces or tabs at its ends, and with each run of them
    /// made one space: a phrase means no more (RFC 5322 §3.2.2), and decoders differ on what they keep.
    static func displayName(_ name: String) -> String {
        headerSafe(name).split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    /// A word of a phrase that can be written as it is: RFC 5322 `atext` only, short enough for a line, and not
    /// looking like an encoded word.
    static func isPlainAtom(_ word: Substring) -> Bool {
        !word.isEmpty && word.utf8.count <= foldWidth - 2 && word.utf8.allSatisfy(isAtext) && !word.contains("=?")
    }

    static func quotedPairs(in text: String) -> Int {
        text.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "\"") || $1 == UInt8(ascii: "\\") ? 1 : 0) }
    }

    static func quotedString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            if scalar == "\"" || scalar == "\\" { result += "\\" }
            result.unicodeScalars.append(scalar)
        }
        return result + "\""
    }

    static func messageIDField(_ id: String) -> [String] {
        var text = id
        if text.hasPrefix("<") && text.hasSuffix(">") && text.count >= 2 { text = String(text.dropFirst().dropLast()) }
        // A msg-id is one token: whatever is not visible ASCII (CR and LF included) or would end it is escaped.
        var safe = ""
        for byte in text.utf8 {
            if (0x21...0x7E).contains(byte) && byte != UInt8(ascii: "<") && byte != UInt8(ascii: ">") {
                safe.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                safe += hexEscape(byte)
            }
        }
        var folder = MailHeaderFolder(name: "Message-ID")
        folder.append("<" + safe + ">")
        return folder.finished()
    }

    /// The domain of a Message-ID: a dot-atom, its labels escaped as the id is; "localhost" when nothing is left.
    static func messageIDDomain(_ domain: String) -> String {
        var labels: [String] = []
        for label in domain.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: true) {
            var text = ""
            for byte in label {
                if isAtext(byte) && byte != UInt8(ascii: "=") {
                    text.unicodeScalars.append(Unicode.Scalar(byte))
                } else {
                    text += hexEscape(byte)
                }
            }
            labels.append(text)
        }
        return labels.isEmpty ? "localhost" : labels.joined(separator: ".")
    }

    /// RFC 5322 §3.2.3 `atext`.
    static func isAtext(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "!#$%&'*+-/=?^_`{|}~".utf8.contains(byte)
        }
    }

    static func hexEscape(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF".unicodeScalars)
        return "=" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
    }

    /// The last resort for a token longer than a line (an absurd address or Message-ID): cut between Unicode
    /// scalars, each piece on a continuation line.
    static func hardWrapped(_ line: String) -> [String] {
        guard line.utf8.count > lineLimit else { return [line] }
        var lines: [String] = []
        var current = ""
        var length = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if length + size > lineLimit {
                lines.append(current)
                current = " "
                length = 1
            }
            current.unicodeScalars.append(scalar)
            length += size
        }
        lines.append(current)
        return lines
    }

    // MARK: Encoded words

    /// An RFC 2047 encoded word, B encoding, for these UTF-8 bytes.
    static func encodedWord(_ bytes: some Collection<UInt8>) -> String {
        "=?utf-8?B?" + base64(bytes) + "?="
    }

    /// The bytes an encoded word can carry when it has `room` characters: the 12 of `=?utf-8?B??=` and whole
    /// groups of 4 base64 characters.
    static func encodedCapacity(room: Int) -> Int {
        max(0, min(room, encodedWordLimit) - 12) / 4 * 3
    }

    /// The units an encoded word is cut between: grapheme clusters, or the scalars of a cluster too long for a
    /// word.
    static func encodingUnits(_ text: String) -> [[UInt8]] {
        var units: [[UInt8]] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if bytes.count <= encodedWordMaxBytes {
                units.append(bytes)
            } else {
                for scalar in character.unicodeScalars { units.append(Array(String(scalar).utf8)) }
            }
        }
        return units
    }

    static func base64(_ bytes: some Collection<UInt8>) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        let input = Array(bytes)
        var out: [UInt8] = []
        out.reserveCapacity((input.count + 2) / 3 * 4)
        var index = 0
        while index < input.count {
            let b0 = UInt32(input[index])
            let b1 = index + 1 < input.count ? UInt32(input[index + 1]) : 0
            let b2 = index + 2 < input.count ? UInt32(input[index + 2]) : 0
            let group = b0 << 16 | b1 << 8 | b2
            out.append(alphabet[Int(group >> 18 & 63)])
            out.append(alphabet[Int(group >> 12 & 63)])
            out.append(index + 1 < input.count ? alphabet[Int(group >> 6 & 63)] : UInt8(ascii: "="))
            out.append(index + 2 < input.count ? alphabet[Int(group & 63)] : UInt8(ascii: "="))
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: Date

    static let weekdayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// RFC 5322 §3.3, English names: `Tue, 08 Sep 2026 14:00:00 +0200`, with the zone's offset at `instant`.
    static func dateText(_ instant: Instant, zone: Zone) -> String {
        // The format has no seconds in the offset: only local mean times before 1912 had any, and the wall time is
        // computed from the offset as written, so the two always agree.
        let offset = zone.offset(at: instant) / 60 * 60
        let local = LocalDateTime(wallSeconds: instant.seconds + Int64(offset))
        let sign = offset < 0 ? "-" : "+"
        let minutes = abs(offset) / 60
        return weekdayNames[local.date.weekday - 1] + ", " + pad(local.date.day, 2) + " "
            + monthNames[local.date.month - 1] + " " + pad(local.date.year, 4) + " " + pad(local.time.hour, 2) + ":"
            + pad(local.time.minute, 2) + ":" + pad(local.time.second, 2) + " " + sign + pad(minutes / 60, 2)
            + pad(minutes % 60, 2)
    }
}

// MARK: - Folding

/// Builds one header field of a `MailMessage` as lines of at most 78 characters, folding (RFC 5322 §2.2.3) at the
/// space before a token; continuation lines start with that space.
private struct MailHeaderFolder {
    private var lines: [String] = []
    private var current: String
    private var length: Int
    /// Whether a token follows the field name yet.
    private(set) var hasValue = false

    /// `name` nil starts on a continuation line, to measure a token group on its own.
    init(name: String?) {
        current = name.map { $0 + ":" } ?? ""
        length = current.utf8.count
    }

    /// The characters a token can take on the current line after its separating space.
    var room: Int { MailMessage.foldWidth - length - 1 }

    /// Adds a token after a space, on a new line when it does not fit this one. Right after the field name, it
    /// moves to the next line only if it fits there; a token too long for any line stays where it is (and
    /// `MailMessage.hardWrapped` keeps its line under 998 bytes).
    mutating func append(_ token: String) {
        let size = token.utf8.count
        if size > room, length > 0, hasValue || size <= MailMessage.foldWidth - 1 { fold() }
        current += " " + token
        length += 1 + size
        hasValue = true
    }

    private mutating func fold() {
        lines.append(current)
        current = ""
        length = 0
    }

    /// Adds `text` as encoded words, each as long as the rest of its line allows. With `mayFoldFirst` false the
    /// first word stays on the current line, its first cluster cut into scalars if it must be to fit.
    mutating func appendEncoded(_ text: String, mayFoldFirst: Bool) {
        var units = MailMessage.encodingUnits(text)
        var index = 0
        var first = true
        var remaining = units.reduce(0) { $0 + $1.count }
        while index < units.count {
            var capacity = MailMessage.encodedCapacity(room: room)
            // A scrap of a word at the end of a line helps nobody: better start on the next one.
            if capacity < min(remaining, 15), mayFoldFirst || !first, length > 0 {
                fold()
                capacity = MailMessage.encodedWordMaxBytes
            }
            if capacity < units[index].count, first, !mayFoldFirst, units[index].count > 4 {
                let scalars = String(decoding: units[index], as: UTF8.self).unicodeScalars.map {
                    Array(String($0).utf8)
                }
                units.replaceSubrange(index...index, with: scalars)
            }
            if capacity < units[index].count {
                if length > 0 { fold() }
                capacity = MailMessage.encodedWordMaxBytes
            }
            // Every unit fits an empty word, so each pass takes at least one.
            var bytes: [UInt8] = []
            while index < units.count, bytes.count + units[index].count <= capacity {
                bytes += units[index]
                index += 1
            }
            remaining -= bytes.count
            current += " " + MailMessage.encodedWord(bytes)
            length = current.utf8.count
            hasValue = true
            first = false
        }
    }

    /// The lines, the first one starting with the field name (or with a space when there was none).
    func finished() -> [String] { lines + [current] }
}

// MARK: - Body

extension MailMessage {
    /// The body in quoted-printable (RFC 2045 §6.7), lines ending in "\n".
    ///
    /// Each "\n" of the text is a line break ("\r\n" counts as one; a lone "\r" is escaped). Encoded lines are at
    /// most 76 characters, with "=" soft line breaks; "=", control characters, bytes above 127 and a space or tab
    /// ending a line are escaped, and the escapes of one character (up to four "=XX") are never split across a soft
    /// break. A "." or "From " starting an encoded line is escaped too (=2E, =46), so that neither an SMTP dot nor
    /// an mbox "From " line can touch the text. When the text does not end with "\n", its last line ends with a
    /// soft break: the message still ends with a line break and the decoded text is exactly `body`.
    static func quotedPrintable(_ body: String) -> [UInt8] {
        let bytes = Array(body.utf8)
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        var out: [UInt8] = []
        let endsWithBreak = lines.last?.isEmpty ?? true
        if endsWithBreak { lines.removeLast() }
        for (index, line) in lines.enumerated() {
            let isLast = index == lines.count - 1
            var content = line
            if content.last == 0x0D && !(isLast && !endsWithBreak) { content = content.dropLast() }
            encodeLine(content, softEnd: isLast && !endsWithBreak, into: &out)
        }
        return out
    }

    private static func encodeLine(_ line: ArraySlice<UInt8>, softEnd: Bool, into out: inout [UInt8]) {
        // Units: one character each (a UTF-8 sequence), encoded whole.
        var units: [Range<Int>] = []
        var position = line.startIndex
        while position < line.endIndex {
            let lead = line[position]
            let size = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
            let end = min(position + size, line.endIndex)
            units.append(position..<end)
            position = end
        }
        var column = 0
        for (number, unit) in units.enumerated() {
            let hardEnd = number == units.count - 1 && !softEnd
            func encoded(atLineStart: Bool) -> [UInt8] {
                var result: [UInt8] = []
                for byte in line[unit] {
                    let literal: Bool
                    switch byte {
                    case 0x20, 0x09: literal = !hardEnd
                    case UInt8(ascii: "."): literal = !atLineStart
                    case UInt8(ascii: "F"):
                        literal = !(atLineStart && line[unit.lowerBound...].starts(with: "From ".utf8))
                    case 0x3D: literal = false
                    case 0x21...0x7E: literal = true
                    default: literal = false
                    }
                    if literal { result.append(byte) } else { result += hexEscape(byte).utf8 }
                }
                return result
            }
            var text = encoded(atLineStart: column == 0)
            // A line that goes on needs room for its "=".
            let limit = hardEnd ? 76 : 75
            if column + text.count > limit {
                out += "=\n".utf8
                column = 0
                text = encoded(atLineStart: true)
            }
            out += text
            column += text.count
        }
        out += (softEnd ? "=\n" : "\n").utf8
    }
}
