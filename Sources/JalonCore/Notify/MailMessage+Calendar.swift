/// The calendar part of an iMIP message (RFC 6047): an iCalendar object and the iTIP method it carries.
package struct CalendarPart: Hashable, Sendable {
    /// `REQUEST` or `CANCEL` (RFC 5546): the same as the `METHOD` of `ics`, and written as the MIME `method=`.
    package var method: String
    /// The iCalendar object, lines ending in CRLF.
    package var ics: [UInt8]

    package init(method: String, ics: [UInt8]) {
        self.method = method
        self.ics = ics
    }
}

extension MailMessage {
    /// The boundary of a multipart body: made of the Message-ID's hash, so that the same message is the same bytes,
    /// and of characters that quoted-printable and base64 never write at the start of a line ("=_").
    static func boundary(_ messageID: String) -> String {
        let hash = CalendarSequences.fingerprint(messageID.utf8)
        return "=_jalon_" + String(UInt64(bitPattern: hash), radix: 16)
    }

    /// A `multipart/alternative` body (RFC 2046 §5.1.4): the text, quoted-printable, then the calendar in base64
    /// (its CRLF line ends are part of the object, and base64 keeps them through any MTA), with
    /// `Content-Type: text/calendar; charset=utf-8; method=…` as RFC 6047 §2.4 asks.
    static func alternative(text: String, calendar: CalendarPart, boundary: String) -> [UInt8] {
        var out: [UInt8] = []
        func line(_ text: String) {
            out += text.utf8
            out.append(0x0A)
        }
        // No preamble: mail programs that know MIME skip it, and a sentence there would be in one language only.
        line("--" + boundary)
        line("Content-Type: text/plain; charset=utf-8")
        line("Content-Transfer-Encoding: quoted-printable")
        line("")
        out += quotedPrintable(text)
        line("")
        line("--" + boundary)
        line("Content-Type: text/calendar; charset=utf-8; method=" + calendar.method)
        line("Content-Transfer-Encoding: base64")
        line("")
        let encoded = Array(base64(calendar.ics).utf8)
        var start = 0
        while start < encoded.count {
            let end = min(encoded.count, start + 76)
            out += encoded[start..<end]
            out.append(0x0A)
            start = end
        }
        line("")
        line("--" + boundary + "--")
        return out
    }
}
