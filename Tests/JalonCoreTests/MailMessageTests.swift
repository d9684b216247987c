import Foundation
import Testing

@testable import JalonCore

/// The message builder of SPEC §7: encoded words, folding, quoted-printable, Date, Message-ID, and a round trip
/// through Python's `email` package with its strict policy.
@Suite struct MailMessageTests {
    // MARK: Encoded words

    @Test func asciiSubjectStaysPlain() {
        let lines = headerLines(make(subject: "Reminder: appointment tomorrow at 09:00").rendered())
        #expect(lines.contains("Subject: Reminder: appointment tomorrow at 09:00"))
    }

    @Test func frenchSubjectIsEncodedWordsOnCharacterBoundaries() throws {
        let subject = String(repeating: "Échéance « titre professionnel » — ça approche ; ", count: 6)
        let value = try #require(field("Subject", in: make(subject: subject).rendered()))
        let pieces = try decodeEncodedWords(value)
        #expect(pieces.count > 1)
        // Each word is valid UTF-8 by itself, and the words cut between characters.
        let texts = try pieces.map { try #require(String(validating: $0, as: UTF8.self)) }
        #expect(texts.joined() == subject)
        #expect(texts.map(\.count).reduce(0, +) == subject.count)
    }

    @Test(arguments: [
        // "é" as e + U+0301, and a base letter with three combining marks.
        String(repeating: "e\u{301}te\u{301} ", count: 30),
        String(repeating: "a\u{302}\u{323}\u{301}", count: 40),
        // Emoji with skin-tone modifiers, a ZWJ family (25 bytes), flags, keycaps.
        String(repeating: "👍🏽👩🏾‍💻👨‍👩‍👧‍👦🇫🇷🇷🇪1️⃣", count: 8),
        // Hangul built from conjoining jamo, and Devanagari clusters.
        String(repeating: "\u{1100}\u{1161}\u{11A8}नमस्ते", count: 20),
    ])
    func encodedWordsNeverCutAGraphemeCluster(_ text: String) throws {
        for (rendered, name) in [
            (make(subject: text).rendered(), "Subject"),
            (make(to: [MailAddress(name: text, address: "a@example.org")]).rendered(), "To"),
        ] {
            let lines = headerLines(rendered)
            for line in lines { #expect(line.utf8.count <= 78, "\(line)") }
            let value = try #require(field(name, in: rendered))
            let encoded = name == "Subject" ? value : String(value.prefix { $0 != "<" }.dropLast())
            let pieces = try decodeEncodedWords(encoded)
            let texts = try pieces.map { try #require(String(validating: $0, as: UTF8.self)) }
            // A display name loses the spaces at its ends.
            let expected = name == "Subject" ? text : MailMessage.displayName(text)
            #expect(texts.joined() == expected)
            // Cutting inside a cluster would make the pieces hold more clusters than the whole.
            #expect(texts.map(\.count).reduce(0, +) == expected.count)
        }
    }

    @Test func clusterLongerThanAWordIsCutBetweenScalars() throws {
        // One grapheme cluster of 1 + 40 scalars, 81 bytes: more than the 45 one encoded word carries.
        let cluster = "e" + String(repeating: "\u{301}", count: 40)
        let subject = "x" + cluster + "y"
        let value = try #require(field("Subject", in: make(subject: subject).rendered()))
        let pieces = try decodeEncodedWords(value)
        #expect(pieces.count >= 2)
        for piece in pieces { #expect(String(validating: piece, as: UTF8.self) != nil) }
        #expect(String(decoding: pieces.joined(), as: UTF8.self) == subject)
    }

    @Test func everyEncodedWordIsAtMost75Characters() {
        let subject = String(repeating: "日本語のテキスト", count: 40)
        let names = ["Zoé", String(repeating: "Ñandú ", count: 30), String(repeating: "Ψ", count: 200)]
        let rendered = make(
            subject: subject, to: names.map { MailAddress(name: $0, address: "x@example.org") },
            extraHeaders: [(name: "X-Jalon-Note", value: String(repeating: "ø", count: 300))]
        ).rendered()
        let header = headerLines(rendered).joined(separator: "\n")
        let words = encodedWordTokens(header)
        #expect(words.count > 20)
        for word in words { #expect(word.count <= 75, "\(word)") }
    }

    @Test func displayNames() {
        let lines = headerLines(
            make(to: [
                MailAddress(name: "Jean Dupont", address: "jean@example.org"),
                MailAddress(name: "Dupont, Jean \"JD\" \\ fils", address: "jd@example.org"),
                MailAddress(name: "J. R. R. Tolkien", address: "jrr@example.org"),
                MailAddress(name: nil, address: "plain@example.org"),
                MailAddress(name: "", address: "empty@example.org"),
            ]).rendered())
        let to = unfold(lines, "To")
        #expect(
            to == #"Jean Dupont <jean@example.org>, "Dupont, Jean \"JD\" \\ fils" <jd@example.org>, "#
                + #""J. R. R. Tolkien" <jrr@example.org>, plain@example.org, empty@example.org"#)
    }

    @Test func nonASCIINameKeepsItsPlainAtoms() throws {
        let lines = headerLines(
            make(from: MailAddress(name: "Marie-Hélène de La Tour", address: "mh@example.org")).rendered())
        let from = try #require(unfold(lines, "From"))
        #expect(from.hasPrefix("=?utf-8?B?"))
        #expect(from.hasSuffix(" de La Tour <mh@example.org>"))
        let word = String(from.prefix { $0 != " " })
        #expect(try decodeEncodedWords(word).first.map { String(decoding: $0, as: UTF8.self) } == "Marie-Hélène")
    }

    @Test func textLookingLikeAnEncodedWordIsEncoded() throws {
        let subject = "Voir =?utf-8?Q?pas_un_mot?= ici"
        let value = try #require(field("Subject", in: make(subject: subject).rendered()))
        #expect(value.hasPrefix("=?utf-8?B?"))
        #expect(String(decoding: try decodeEncodedWords(value).joined(), as: UTF8.self) == subject)
    }

    // MARK: Folding and line lengths

    @Test func longASCIISubjectFoldsAtSpaces() throws {
        let subject = (1...40).map { "word\($0)" }.joined(separator: " ")
        let rendered = make(subject: subject).rendered()
        let lines = headerLines(rendered)
        let start = try #require(lines.firstIndex { $0.hasPrefix("Subject: ") })
        #expect(lines[start + 1].hasPrefix(" "))
        for line in lines { #expect(line.utf8.count <= 78) }
        #expect(unfold(lines, "Subject") == subject)
        #expect(!headerLines(rendered).joined().contains("=?"))
    }

    @Test func longToListFoldsBetweenAddresses() throws {
        let to = (1...30).map { MailAddress(name: $0 % 3 == 0 ? nil : "Person \($0)", address: "p\($0)@example.org") }
        let lines = headerLines(make(to: to).rendered())
        let start = try #require(lines.firstIndex { $0.hasPrefix("To: ") })
        var end = start + 1
        while end < lines.count, lines[end].hasPrefix(" ") { end += 1 }
        #expect(end - start > 5)
        for line in lines[start..<end] {
            #expect(line.utf8.count <= 78, "\(line)")
            // Each line holds whole addresses: "Name <addr>," or "addr,".
            #expect(line.hasSuffix(",") || line == lines[end - 1], "\(line)")
        }
        let expected = to.map { address in address.name.map { "\($0) <\(address.address)>" } ?? address.address }
        #expect(unfold(lines, "To") == expected.joined(separator: ", "))
    }

    @Test func noLineExceeds998BytesWhateverTheInput() throws {
        let giant = String(repeating: "x", count: 5_000)
        let message = make(
            subject: giant,
            from: MailAddress(name: String(repeating: "N", count: 2_000), address: "sender@example.org"),
            to: [
                MailAddress(name: String(repeating: "é", count: 3_000), address: "a@example.org"),
                MailAddress(name: "ok", address: String(repeating: "l", count: 1_500) + "@example.org"),
            ],
            messageID: String(repeating: "m", count: 2_000) + "@example.org",
            body: String(repeating: "y", count: 10_000) + "\n" + String(repeating: "é", count: 5_000),
            extraHeaders: [(name: String(repeating: "H", count: 300), value: String(repeating: "v", count: 3_000))])
        let rendered = message.rendered()
        let lines = rendered.split(separator: 0x0A, omittingEmptySubsequences: false)
        for line in lines { #expect(line.count <= 998) }
        // Only the unfoldable address and Message-ID may pass 78 in the header; nothing passes 76 in the body.
        let header = headerLines(rendered)
        let long = header.filter { $0.utf8.count > 78 }
        #expect(long.allSatisfy { $0.contains("lllll") || $0.contains("mmmmm") }, "\(long)")
        let subject = try decodeEncodedWords(try #require(field("Subject", in: rendered)))
        #expect(String(decoding: subject.joined(), as: UTF8.self) == giant)
        for line in bodyLines(rendered) { #expect(line.utf8.count <= 76) }
    }

    @Test func controlCharactersNeverStartAHeaderLine() throws {
        let evil = "Hello\r\nBcc: victim@example.org\nX-Evil: 1\rend"
        let message = make(
            subject: evil,
            from: MailAddress(name: "Name\r\nBcc: x@example.org", address: "a@example.org\r\nBcc: y@example.org"),
            to: [MailAddress(name: "Zoé\nBcc: z@example.org", address: "b@example.org")],
            messageID: "id@example.org\r\nBcc: w@example.org",
            extraHeaders: [
                (name: "X-Test\r\nBcc", value: "v\r\nBcc: u@example.org"), (name: "Subject", value: "again"),
            ])
        let lines = headerLines(message.rendered())
        let names = [
            "From:", "To:", "Subject:", "Date:", "Message-ID:", "Auto-Submitted:", "MIME-Version:", "Content-Type:",
            "Content-Transfer-Encoding:", "X-Test--Bcc:",
        ]
        for line in lines {
            #expect(line.hasPrefix(" ") || names.contains { line.hasPrefix($0) }, "\(line)")
            #expect(!line.unicodeScalars.contains { $0 == "\r" })
        }
        #expect(lines.filter { $0.hasPrefix("Subject:") }.count == 1)
        // The doubled space (from "\r\n") keeps it from being plain text: it is encoded.
        let subject = try decodeEncodedWords(try #require(unfold(lines, "Subject")))
        #expect(String(decoding: subject.joined(), as: UTF8.self) == "Hello  Bcc: victim@example.org X-Evil: 1 end")
    }

    @Test func headerOrder() {
        let lines = headerLines(
            make(extraHeaders: [(name: "X-Jalon-Reminder", value: "marie-dupont/titre-pro/-14d")]).rendered())
        let names = lines.filter { !$0.hasPrefix(" ") }.map { String($0.prefix { $0 != ":" }) }
        #expect(
            names == [
                "From", "To", "Subject", "Date", "Message-ID", "Auto-Submitted", "MIME-Version", "Content-Type",
                "Content-Transfer-Encoding", "X-Jalon-Reminder",
            ])
        #expect(lines.contains("Auto-Submitted: auto-generated"))
        #expect(lines.contains("MIME-Version: 1.0"))
        #expect(lines.contains("Content-Type: text/plain; charset=utf-8"))
        #expect(lines.contains("Content-Transfer-Encoding: quoted-printable"))
        #expect(lines.contains("X-Jalon-Reminder: marie-dupont/titre-pro/-14d"))
        #expect(lines.contains("Message-ID: <jalon.1805446800.marie-dupont.titre-pro.-14d@horizon.example>"))
    }

    @Test func emptyRecipientsAndSubject() {
        let lines = headerLines(make(subject: "", to: []).rendered())
        #expect(lines.contains("To: undisclosed-recipients:;"))
        #expect(lines.contains("Subject:"))
    }

    // MARK: Quoted-printable

    @Test func quotedPrintableEscapes() {
        #expect(qp("a=b") == "a=3Db=\n")
        #expect(qp("trailing space \nand tab\t\n") == "trailing space=20\nand tab=09\n")
        #expect(qp("inner  spaces stay\n") == "inner  spaces stay\n")
        #expect(qp("café\n") == "caf=C3=A9\n")
        #expect(qp(".\n.. x\nFrom here\nFrom\nFromage\n") == "=2E\n=2E. x\n=46rom here\nFrom\nFromage\n")
        #expect(qp("") == "")
        #expect(qp("\n\n") == "\n\n")
        #expect(qp("no newline") == "no newline=\n")
        #expect(qp("crlf\r\nlone\rcr\n") == "crlf\nlone=0Dcr\n")
        #expect(qp("bell\u{7}\n") == "bell=07\n")
    }

    @Test func quotedPrintable76CharacterBoundary() {
        let exactly76 = String(repeating: "a", count: 76)
        #expect(qp(exactly76 + "\n") == exactly76 + "\n")
        let seventySeven = String(repeating: "a", count: 77)
        #expect(qp(seventySeven + "\n") == String(repeating: "a", count: 75) + "=\naa\n")
        // A trailing space at the boundary becomes "=20", which no longer fits: it moves to the next line.
        let spaceAt76 = String(repeating: "a", count: 75) + " "
        #expect(qp(spaceAt76 + "\n") == String(repeating: "a", count: 75) + "=\n=20\n")
        // An escape is never split: "=3D" at column 74 does not fit before the "=" of the soft break.
        let equalsNearEnd = String(repeating: "a", count: 73) + "=b"
        #expect(qp(equalsNearEnd + "\n") == String(repeating: "a", count: 73) + "=\n=3Db\n")
    }

    @Test func quotedPrintableKeepsAMultiByteCharacterOnOneLine() {
        // "€" is three escapes (9 characters); with 70 "a" before it, it cannot fit in 75.
        let text = String(repeating: "a", count: 70) + "€" + "b"
        #expect(qp(text + "\n") == String(repeating: "a", count: 70) + "=\n=E2=82=ACb\n")
        // 66 + 9 = 75: it just fits before the soft break.
        let fits = String(repeating: "a", count: 66) + "€" + "bb"
        #expect(qp(fits + "\n") == String(repeating: "a", count: 66) + "=E2=82=AC=\nbb\n")
        for emojiLine in [String(repeating: "😀", count: 100), String(repeating: "xé", count: 200)] {
            let encoded = qp(emojiLine + "\n")
            for line in encoded.split(separator: "\n") {
                #expect(line.count <= 76)
                // A soft-broken line ends with a complete character: its bytes decode on their own.
                let bytes = qpDecode(String(line))
                #expect(String(validating: bytes, as: UTF8.self) != nil, "\(line)")
            }
            #expect(String(decoding: qpDecode(encoded), as: UTF8.self) == emojiLine + "\n")
        }
    }

    @Test(arguments: [
        "", "x", "\n", "a\n\nb\n", String(repeating: "=", count: 200), String(repeating: " ", count: 150) + "\n",
        String(repeating: "\t", count: 90), String(repeating: "a ", count: 300), String(repeating: "é", count: 10_000),
        "Ligne avec espace final \nFrom the start\n.point\n" + String(repeating: "🇫🇷", count: 50),
    ])
    func quotedPrintableRoundTrip(_ text: String) {
        let encoded = qp(text)
        for line in encoded.split(separator: "\n", omittingEmptySubsequences: false) {
            #expect(line.count <= 76)
            #expect(!line.hasSuffix(" ") && !line.hasSuffix("\t"))
            #expect(line.utf8.allSatisfy { $0 < 0x80 })
        }
        #expect(String(decoding: qpDecode(encoded), as: UTF8.self) == text)
    }

    // MARK: Date

    @Test(arguments: [
        // Paris, summer (CEST) and winter (CET).
        ("Europe/Paris", Int64(1_788_868_800), "Tue, 08 Sep 2026 14:00:00 +0200"),
        ("Europe/Paris", Int64(1_800_000_000), "Fri, 15 Jan 2027 09:00:00 +0100"),
        // Réunion has no daylight saving time: +0400 in January and in July.
        ("Indian/Reunion", Int64(1_768_453_200), "Thu, 15 Jan 2026 09:00:00 +0400"),
        ("Indian/Reunion", Int64(1_782_887_400), "Wed, 01 Jul 2026 10:30:00 +0400"),
        ("UTC", Int64(0), "Thu, 01 Jan 1970 00:00:00 +0000"),
        ("America/St_Johns", Int64(1_800_000_000), "Fri, 15 Jan 2027 04:30:00 -0330"),
    ])
    func dateHeader(_ zone: String, _ seconds: Int64, _ expected: String) throws {
        let zone = try #require(Zone(identifier: zone))
        let lines = headerLines(make(date: Instant(seconds: seconds), zone: zone).rendered())
        #expect(lines.contains("Date: " + expected))
    }

    // MARK: Message-ID

    @Test func messageIDExample() {
        #expect(
            MailMessage.messageID(
                reminder: "marie-dupont/titre-pro/-14d", due: Instant(seconds: 1_805_446_800), domain: "horizon.example"
            )
                == "jalon.1805446800.marie-dupont.titre-pro.-14d@horizon.example")
    }

    @Test(arguments: [
        ("marie-dupont/titre-pro/-14d", "marie-dupont.titre-pro.-14d"),
        ("jean.dupont/cap.1/+7d", "jean=2Edupont.cap=2E1.+7d"),
        ("a+b/c-d/e_f", "a+b.c-d.e_f"),
        ("/lead", "=2Flead"),
        ("trail/", "trail=2F"),
        ("double//slash", "double=2F.slash"),
        ("dots../..x", "dots=2E=2E.=2E=2Ex"),
        ("égalité=oui/été", "=C3=A9galit=C3=A9=3Doui.=C3=A9t=C3=A9"),
        ("with space/and<angle>", "with=20space.and=3Cangle=3E"),
        ("/", "=2F"),
        ("", ""),
    ])
    func messageIDIsAValidDotAtom(_ id: String, _ expectedPart: String) {
        let made = MailMessage.messageID(reminder: id, due: Instant(seconds: 1_805_446_800), domain: "horizon.example")
        let expected = "jalon.1805446800" + (expectedPart.isEmpty ? "" : "." + expectedPart) + "@horizon.example"
        #expect(made == expected)
        let parts = made.split(separator: "@", omittingEmptySubsequences: false)
        #expect(parts.count == 2)
        #expect(isDotAtom(parts[0]), "\(made)")
        #expect(isDotAtom(parts[1]), "\(made)")
    }

    @Test func messageIDsDifferForDifferentIdsAndDueInstants() {
        let ids = ["a.b/c", "a/b.c", "a/b/c", "a.b.c", "a//b", "a/=2Fb", "a=2E/b", "a/b", "a/b "]
        let made = ids.map { MailMessage.messageID(reminder: $0, due: Instant(seconds: 100), domain: "x.example") }
        #expect(Set(made).count == ids.count)
        #expect(
            MailMessage.messageID(reminder: "a/b", due: Instant(seconds: 100), domain: "x.example")
                != MailMessage.messageID(reminder: "a/b", due: Instant(seconds: 101), domain: "x.example"))
        #expect(
            MailMessage.messageID(reminder: "a", due: Instant(seconds: -5), domain: "x.example")
                == "jalon.-5.a@x.example")
    }

    @Test func messageIDDomainIsADotAtom() {
        #expect(MailMessage.messageID(reminder: "a", due: Instant(seconds: 1), domain: "") == "jalon.1.a@localhost")
        #expect(
            MailMessage.messageID(reminder: "a", due: Instant(seconds: 1), domain: ".x..example.")
                == "jalon.1.a@x.example")
        #expect(
            MailMessage.messageID(reminder: "a", due: Instant(seconds: 1), domain: "b d.example")
                == "jalon.1.a@b=20d.example")
    }

    // MARK: Equatable

    @Test func equalityIncludesExtraHeaders() {
        let a = make(extraHeaders: [(name: "X-A", value: "1")])
        #expect(a == make(extraHeaders: [(name: "X-A", value: "1")]))
        #expect(a != make(extraHeaders: [(name: "X-A", value: "2")]))
        #expect(a != make(extraHeaders: [(name: "X-B", value: "1")]))
        #expect(a != make(extraHeaders: []))
        #expect(a != make(subject: "other", extraHeaders: [(name: "X-A", value: "1")]))
    }

    // MARK: Round trip through Python

    /// Messages are parsed by CPython's `email` package with `policy=email.policy.strict` (any defect raises);
    /// the decoded subject, addresses, date and body must be exactly what went in.
    @Test(
        .enabled(
            if: python3Path != nil, "python3 is not installed: the round trip through Python's email package is skipped"
        ))
    func roundTripThroughPythonEmail() throws {
        let paris = Zone(identifier: "Europe/Paris")!
        let reunion = Zone(identifier: "Indian/Reunion")!
        let frenchBody = """
            Bonjour Marie-Hélène,

            L'échéance « Titre professionnel Conseiller en insertion professionnelle » arrive dans 14 jours : \
            le dossier professionnel doit être déposé avant le 22 septembre 2026 à 17 h. Merci de vérifier que \
            toutes les pièces sont prêtes (attestation, évaluation = 100 %, relevé de notes).\u{20}
            .Une ligne qui commence par un point
            From the beginning of a line
            Émoji : 👍🏽 👨‍👩‍👧‍👦 🇫🇷 — et un e\u{301} composé.
            \tTabulation en tête et en fin\t

            Cordialement,
            L'équipe Horizon
            """
        let messages: [MailMessage] = [
            make(
                subject: "Rappel : échéance « Titre professionnel » dans 14 jours — Marie-Hélène Lefèvre-Dubois",
                from: MailAddress(name: "Cabinet Horizon — Bilans & Orientation", address: "rappels@horizon.example"),
                to: [
                    MailAddress(name: "Marie-Hélène Lefèvre-Dubois", address: "marie-helene@example.org"),
                    MailAddress(name: "Dupont, Jean \"JD\"", address: "jean.dupont@example.org"),
                    MailAddress(name: nil, address: "secretariat@horizon.example"),
                    MailAddress(name: "J. R. R. Tolkien", address: "jrr@example.org"),
                    MailAddress(name: "François de La Rochefoucauld-Liancourt", address: "francois@example.org"),
                ],
                date: Instant(seconds: 1_788_868_800), zone: paris,
                messageID: MailMessage.messageID(
                    reminder: "marie-helene/titre-pro/-14d", due: Instant(seconds: 1_790_089_200),
                    domain: "horizon.example"),
                body: frenchBody,
                extraHeaders: [(name: "X-Jalon-Reminder", value: "marie-helene/titre-pro/-14d")]),
            make(
                subject: "Reminder: your follow-up interview after the skills assessment is due within the next "
                    + "two weeks, please offer a date to the person you are accompanying",
                from: MailAddress(name: "Horizon Career Guidance", address: "reminders@horizon.example"),
                to: (1...14).map {
                    MailAddress(name: "Consultant Number \($0) of the Regional Office", address: "c\($0)@example.org")
                },
                date: Instant(seconds: 1_800_000_000), zone: reunion,
                messageID: MailMessage.messageID(
                    reminder: "john.smith/suivi/+6m", due: Instant(seconds: 1_800_000_000), domain: "horizon.example"),
                body: "Hello,\n\n" + String(repeating: "A very long line without any break at all. ", count: 240)
                    + "\n" + String(repeating: "=", count: 500) + "\n\nRegards\n"),
            make(
                subject: "  Spaces  at the ends and a fake =?utf-8?Q?word?= \t ",
                from: MailAddress(name: "Léa", address: "lea@example.org"),
                to: [
                    MailAddress(name: "Zoë \"the\" Ω\\ Tester", address: "zoe@example.org"),
                    MailAddress(name: "👩🏾‍💻 Dev", address: "dev@example.org"),
                    MailAddress(name: "Ḁ̴̦̈́ė\u{301}\u{302}", address: "combining@example.org"),
                ],
                date: Instant(seconds: 1_768_453_200), zone: paris,
                body: String(repeating: "é", count: 10_000) + "\nlone\rcarriage\n\u{7}bell\n\n"),
            make(
                subject: String(repeating: "x", count: 5_000),
                to: [MailAddress(name: "N" + String(repeating: "-", count: 40) + "N", address: "n@example.org")],
                body: String(repeating: "y", count: 10_000)),
            make(
                subject: String(repeating: "Échéance dépassée ", count: 40) + "🇷🇪",
                body: ""),
        ]
        let folder = try TemporaryDirectory()
        var paths: [String] = []
        for (index, message) in messages.enumerated() {
            paths.append(try folder.write("message-\(index).eml", bytes: message.rendered()))
        }
        let parsed = try parseWithPython(paths)
        try #require(parsed.count == messages.count)
        for (message, result) in zip(messages, parsed) {
            #expect(result.defects.isEmpty, "\(result.defects)")
            #expect(result.subject == message.subject)
            #expect(result.from.map(\.address) == [message.from.address])
            #expect(result.to.map(\.address) == message.to.map(\.address))
            #expect(result.from.map(\.name) == [message.from.name ?? ""])
            #expect(result.to.map(\.name) == message.to.map { $0.name ?? "" })
            #expect(result.body == message.body)
            #expect(result.date == message.zone.rfc3339(message.date))
            #expect(result.messageID == "<\(message.messageID)>")
            #expect(result.autoSubmitted == "auto-generated")
            #expect(result.contentType == "text/plain; utf-8; quoted-printable")
            for (name, value) in message.extraHeaders {
                #expect(result.extra[name] == value)
            }
        }
    }

    /// A name whose non-ASCII run needs two encoded words: RFC 2047 §6.2 says the space between them is not part
    /// of the text. Python's legacy decoder agrees; its modern address parser kept that space until gh-128110.
    @Test(
        .enabled(
            if: python3Path != nil, "python3 is not installed: the round trip through Python's email package is skipped"
        ),
        arguments: [
            "Éléonore-Bérénice Châteaubriand-Lévêque-Dupré Ménéstrier Ölçüm",
            String(repeating: "N", count: 300),
            String(repeating: "é", count: 1_000),
        ])
    func longEncodedNameRoundTrip(_ name: String) throws {
        let message = make(to: [MailAddress(name: name, address: "long@example.org")])
        let header = try #require(field("To", in: message.rendered()))
        #expect(encodedWordTokens(header).count >= 2)
        let folder = try TemporaryDirectory()
        let path = try folder.write("long-name.eml", bytes: message.rendered())
        let parsed = try #require(try parseWithPython([path]).first)
        #expect(parsed.defects.isEmpty)
        #expect(parsed.legacyTo == "\(name) <long@example.org>")
        #expect(parsed.to.map(\.address) == ["long@example.org"])
        withKnownIssue(
            "CPython before gh-128110 keeps the space between adjacent encoded words in a phrase", isIntermittent: true
        ) {
            #expect(parsed.to.map(\.name) == [name])
        }
    }

    @Test func displayNamesAreTrimmedAndTheirSpacesCollapsed() {
        let lines = headerLines(
            make(
                from: MailAddress(name: "  Jean \t  Dupont ", address: "j@example.org"),
                to: [
                    MailAddress(name: "   ", address: "blank@example.org"),
                    MailAddress(name: " Zoé ", address: "z@example.org"),
                ]
            ).rendered())
        #expect(unfold(lines, "From") == "Jean Dupont <j@example.org>")
        #expect(unfold(lines, "To") == "blank@example.org, =?utf-8?B?Wm/DqQ==?= <z@example.org>")
    }
}

// MARK: - Helpers

private func make(
    subject: String = "Rappel",
    from: MailAddress = MailAddress(name: "Horizon", address: "rappels@horizon.example"),
    to: [MailAddress] = [MailAddress(name: "Marie Dupont", address: "marie@example.org")],
    date: Instant = Instant(seconds: 1_788_868_800),
    zone: Zone = Zone(identifier: "Europe/Paris")!,
    messageID: String = "jalon.1805446800.marie-dupont.titre-pro.-14d@horizon.example",
    body: String = "Bonjour,\n",
    extraHeaders: [(name: String, value: String)] = []
) -> MailMessage {
    MailMessage(
        from: from, to: to, subject: subject, date: date, zone: zone, messageID: messageID, body: body,
        extraHeaders: extraHeaders)
}

/// The header lines of a rendered message, as they are (folded).
private func headerLines(_ rendered: [UInt8]) -> [String] {
    var lines: [String] = []
    for line in rendered.split(separator: 0x0A, omittingEmptySubsequences: false) {
        if line.isEmpty { break }
        lines.append(String(decoding: line, as: UTF8.self))
    }
    return lines
}

private func bodyLines(_ rendered: [UInt8]) -> [String] {
    let lines = rendered.split(separator: 0x0A, omittingEmptySubsequences: false)
    guard let blank = lines.firstIndex(where: \.isEmpty) else { return [] }
    return lines[(blank + 1)...].map { String(decoding: $0, as: UTF8.self) }
}

/// The unfolded value of the field `name` (RFC 5322 §2.2.3: the line breaks go, the spaces stay), without the
/// space after the colon.
private func unfold(_ lines: [String], _ name: String) -> String? {
    guard let start = lines.firstIndex(where: { $0.hasPrefix(name + ":") }) else { return nil }
    var value = String(lines[start].dropFirst(name.count + 1))
    var next = start + 1
    while next < lines.count, lines[next].hasPrefix(" ") {
        value += lines[next]
        next += 1
    }
    return value.hasPrefix(" ") ? String(value.dropFirst()) : value
}

private func field(_ name: String, in rendered: [UInt8]) -> String? {
    unfold(headerLines(rendered), name)
}

/// The `=?utf-8?B?…?=` words of a header text.
private func encodedWordTokens(_ text: String) -> [String] {
    text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init).filter {
        $0.hasPrefix("=?") && $0.hasSuffix("?=")
    }
}

private struct NotAnEncodedWord: Error { var text: String }

/// Decodes a value made only of B encoded words separated by whitespace, one byte array per word.
private func decodeEncodedWords(_ value: String) throws -> [[UInt8]] {
    try value.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { token in
        guard token.hasPrefix("=?utf-8?B?"), token.hasSuffix("?="), token.count <= 75,
            let data = Data(base64Encoded: String(token.dropFirst(10).dropLast(2)))
        else { throw NotAnEncodedWord(text: String(token)) }
        return Array(data)
    }
}

private func qp(_ text: String) -> String {
    String(decoding: MailMessage.quotedPrintable(text), as: UTF8.self)
}

/// A strict quoted-printable decoder for the tests: every "=" is a soft break or an escape with upper-case hex.
private func qpDecode(_ encoded: String) -> [UInt8] {
    let bytes = Array(encoded.utf8)
    var out: [UInt8] = []
    var index = 0
    func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
    while index < bytes.count {
        if bytes[index] == UInt8(ascii: "=") {
            if index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                index += 2
            } else if index == bytes.count - 1 {
                index += 1
            } else if index + 2 < bytes.count, let high = hex(bytes[index + 1]), let low = hex(bytes[index + 2]) {
                out.append(high << 4 | low)
                index += 3
            } else {
                Issue.record("bad escape at \(index) in \(encoded)")
                return out
            }
        } else {
            out.append(bytes[index])
            index += 1
        }
    }
    return out
}

/// RFC 5322 dot-atom-text: atext runs separated by single dots.
private func isDotAtom(_ text: Substring) -> Bool {
    let atext = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~")
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    return !parts.isEmpty && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(atext.contains) }
}

private let python3Path = findExecutable("python3")

private func findExecutable(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for folder in path.split(separator: ":") {
        let candidate = "\(folder)/\(name)"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
}

private struct PythonAddress: Decodable {
    var name: String
    var address: String
}

private struct PythonResult: Decodable {
    var subject: String
    var from: [PythonAddress]
    var to: [PythonAddress]
    var legacyTo: String
    var date: String
    var messageID: String
    var autoSubmitted: String
    var contentType: String
    var body: String
    var extra: [String: String]
    var defects: [String]
}

private let pythonScript = #"""
    import email, email.policy, json, sys
    from email.header import decode_header, make_header

    results = []
    for path in sys.argv[1:]:
        with open(path, 'rb') as f:
            data = f.read()
        msg = email.message_from_bytes(data, policy=email.policy.strict)
        defects = [repr(d) for d in msg.defects]
        for name in msg.keys():
            defects += ['%s: %r' % (name, d) for d in getattr(msg[name], 'defects', ())]
        def addresses(name):
            return [{'name': a.display_name, 'address': a.addr_spec} for a in msg[name].addresses]
        raw = email.message_from_bytes(data, policy=email.policy.compat32)
        standard = {'from', 'to', 'subject', 'date', 'message-id', 'auto-submitted', 'mime-version',
                    'content-type', 'content-transfer-encoding'}
        results.append({
            'subject': str(msg['Subject']),
            'from': addresses('From'),
            'to': addresses('To'),
            'legacyTo': str(make_header(decode_header(raw['To']))),
            'date': msg['Date'].datetime.isoformat(),
            'messageID': str(msg['Message-ID']).strip(),
            'autoSubmitted': str(msg['Auto-Submitted']),
            'contentType': '%s; %s; %s' % (msg.get_content_type(), msg.get_content_charset(),
                                           msg['Content-Transfer-Encoding']),
            'body': msg.get_content(),
            'extra': {k: str(v) for k, v in msg.items() if k.lower() not in standard},
            'defects': defects,
        })
    print(json.dumps(results))
    """#

private func parseWithPython(_ paths: [String]) throws -> [PythonResult] {
    let data = try PythonMail.run(python3Path ?? "/usr/bin/python3", ["-c", pythonScript] + paths)
    return try JSONDecoder().decode([PythonResult].self, from: data)
}
