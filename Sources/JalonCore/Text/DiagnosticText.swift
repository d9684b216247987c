/// The texts of `jalon check`'s diagnostics: every problem the configuration can have, with what is needed to say it
/// (SPEC §1–3, §8).
///
/// Each case has a stable `code` (`DiagnosticCode`) for editors and scripts; the words are in
/// `Text/French/DiagnosticText+French.swift` and `Text/English/DiagnosticText+English.swift`. Values quoted from the
/// files (keys, snippets, addresses) are passed as written, already cut and escaped for one line.
package enum DiagnosticText: Localizable, Hashable {
    // MARK: Files and folders

    case cannotRead(reason: SystemText)
    case notRegularFile
    case untrusted(Subject, TrustProblem)
    case tooLarge(bytes: Int)
    case grewTooLarge
    case nulByte
    case notUTF8
    case notAFolder
    case directoryUnusable(path: String, reason: SystemText)
    case notADirectory(path: String)
    /// A file that looks like configuration and that jalon does not read.
    case ignoredFile(IgnoredFile)
    case noPeopleFolder
    /// The configured sendmail cannot be run; `problem` says why.
    case sendmailUnusable(problem: SendmailText)

    // MARK: TOML syntax

    case expectedLineStart(found: Found)
    case expectedKey(found: Found)
    case expectedTableName(found: Found)
    case expectedKeyAfterDot(found: Found)
    case multilineKey
    /// `key` is quoted as written.
    case expectedEquals(key: String, found: Found)
    case expectedLineEndAfterValue(key: String, found: Found)
    case expectedLineEndAfterHeader(header: String, found: Found)
    case carriageReturn(found: Found)
    case controlInComment(UInt32)
    case duplicateKey(key: String, firstLine: Int)
    case cannotDefineKey(key: String, Conflict)
    case cannotDefineTable(header: String, isArray: Bool, Conflict)
    case expectedHeaderEnd(header: String, isArray: Bool, found: Found)
    case tableDefinedWithDottedKeys(header: String, line: Int)
    case tableDefinedTwice(header: String, firstLine: Int)
    case nestingTooDeep(levels: Int)
    case expectedValue(found: Found)
    case unterminatedArray
    case expectedArraySeparator(found: Found)
    case unterminatedInlineTable
    case inlineTableTrailingComma
    case expectedInlineKey(found: Found, lineBreak: Bool)
    case expectedInlineSeparator(found: Found, lineBreak: Bool)
    case unterminatedString
    case controlInString(UInt32, escapable: Bool)
    /// `shown` is what follows the backslash.
    case invalidEscape(shown: String)
    case escapeDigits(sequence: String, digits: Int)
    case escapeNotScalar(sequence: String, value: UInt32)
    case unterminatedMultilineString
    case lineEndingBackslash(found: Found)
    /// `token` is quoted as written.
    case invalidNumber(token: String, NumberProblem?)
    case integerOutOfRange(written: String, tooSmall: Bool)
    case floatTooLarge(written: String)
    case invalidDate(written: String)
    case invalidTime(written: String)
    case invalidDateTime(written: String)
    case invalidOffset(written: String)
    /// `2026-12-04T11:00`, `07:32`: TOML wants the seconds.
    case missingSeconds(written: String, suggestion: String, isDateTime: Bool)
    /// `31/03/2027`: a date written day first.
    case dayFirstDate(written: String, suggestion: String)
    /// `3d`, `-14d`: a duration without its quotes.
    case unquotedDuration(written: String)
    case tooManyErrors(count: Int)

    // MARK: Values

    case wrongType(key: String, expected: Expected, found: ValueType)
    /// A date or date-time in quotes; `literal` is how to write it, when the string reads as one.
    case quotedDate(key: String, expected: Expected, literal: String?)
    case elementWrongType(key: String, expected: ElementKind, found: ValueType)
    case controlCharacter(key: String, UInt32)
    case notIdentifier(key: String, value: String)
    case duration(key: String, CalendarDuration.ParseError)
    /// A `remind` step without a sign that falls after the date: probably meant before it.
    case unsignedDuration(key: String, written: String, count: Int, unit: CalendarDuration.Unit, suggestion: String)
    /// Read as `canonical`, written otherwise (case, accents): the canonical spelling, as a note.
    case spelling(key: String, written: String, canonical: String)
    case fractionalSeconds(key: String)
    case notATimeOfDay(key: String, value: String)
    case unknownZone(value: String)
    case notOneOf(key: String, value: String, allowed: [String])
    case notARecipient(key: String, value: String)
    case notAnAddress(key: String, value: String)
    case notAMailbox(key: String, value: String)
    /// An address SMTP would refuse.
    case address(key: String, value: String, AddressProblem)
    case addressSpaces(key: String, value: String)
    case severalAddresses(key: String, addresses: [String], inList: Bool)
    case notTableArray(key: String, found: ValueType)
    case notATableElement(key: String, found: ValueType)
    case unknownKey(key: String, context: KeyContext, suggestion: String?)
    case missingID(section: String, example: String)
    case followUpNeeds(key: String)
    case followUpCountRange
    case everyNotPositive
    case validForNotPositive
    case afterNotPositive
    case negativeCatchUp
    case timeoutRange
    /// `[mail] retry` out of 1…86400.
    case retryRange
    /// `[calendar] file` not an absolute path of a file.
    case calendarFilePath

    // MARK: People

    case fileNameNotID(stem: String, suggestion: String)
    case idDiffersFromFileName(id: String, fileName: String)
    case unknownConsultant(value: String, ConsultantHint)
    case reservedItemID
    case duplicateItemID(id: String, section: String)
    case followUpOnSession
    case sessionDateOnly(date: String)
    case missingAt
    case missingDue
    case unknownTrainingKind(value: String, suggestion: String?, catalog: [String])
    case expiresAndObtained
    case noValidity
    case trainingWithoutDate
    case personIDTaken(id: String, keeper: String)
    case unreachablePerson
    /// `invite = true` for sessions of a person who has no `email`: they get no invitation.
    case uninvitablePerson(sessions: [String])

    // MARK: Settings

    case sendmailNotAbsolute
    case enabledWithoutFrom
    case duplicateConsultant(id: String)

    // MARK: Rules

    /// The renewal catalogue, CPF dossiers and the bilan's end: `RulesDiagnostic`.
    case rules(RulesDiagnostic)

    // MARK: Parts of the texts

    /// What the parser found where it expected something else.
    package enum Found: Hashable, Sendable {
        case endOfFile
        case endOfLine
        case control(UInt32)
        /// One character or a token, quoted as written (`"x"`, `'"'`, `"tru"`).
        case text(String)
    }

    /// Why a key or a table cannot be defined; `name` is quoted as written.
    package enum Conflict: Hashable, Sendable {
        case isTableArray(name: String, line: Int)
        case isHeaderTable(name: String, line: Int)
        case isInlineTable(name: String, line: Int)
        case isAlready(name: String, ValueType, line: Int)
        case isAlreadyTableArray(name: String, line: Int)
        case isAlreadyTable(name: String, line: Int)
    }

    package enum NumberProblem: Hashable, Sendable {
        case leadingZeros
        case underscore
        case signedRadix
        case digitAfterPoint
        case digitInExponent
    }

    /// The type of a TOML value, in messages.
    package enum ValueType: Hashable, Sendable {
        case table, inlineTable, array, string, integer, float, boolean, date, time
        case localDateTime, offsetDateTime, dateTime

        package init(_ value: TOML.Value) {
            switch value {
            case .table: self = .table
            case .array: self = .array
            case .string: self = .string
            case .integer: self = .integer
            case .float: self = .float
            case .bool: self = .boolean
            case .date: self = .date
            case .time: self = .time
            case .dateTime(_, let offset, _): self = offset == nil ? .localDateTime : .offsetDateTime
            }
        }
    }

    /// What a key must hold.
    package enum Expected: Hashable, Sendable {
        case string, trueOrFalse, durationString, durationList, timeOfDay, recipientList, table
        case dateOrDateTime, sessionDateTime, date, doneValue, followUp
    }

    /// What the elements of a list must be.
    package enum ElementKind: Hashable, Sendable {
        case durationStrings, strings
    }

    /// Why a configuration file or folder may not be trusted.
    package enum TrustProblem: Hashable, Sendable {
        case writableByEveryone(mode: String)
        case writableByGroup(mode: String)
        case otherOwner(uid: UInt32)
    }

    package enum Subject: Hashable, Sendable {
        case file, folder, directory
    }

    package enum IgnoredFile: Hashable, Sendable {
        /// A person file whose name does not end in `.toml` exactly (`x.toml.txt`, `x.TOML`).
        case personSuffix(suggestion: String)
        /// A `.toml` file outside `people/`.
        case outsidePeople
        /// Something named almost like `jalon.toml`.
        case settingsName
    }

    /// Why an address would be refused by an MTA (RFC 5321), or cannot be sent without SMTPUTF8.
    package enum AddressProblem: Hashable, Sendable {
        case emptyLabel
        case hyphenLabel(label: String)
        case labelTooLong(label: String)
        case localPartTooLong(bytes: Int)
        case tooLong(bytes: Int)
        /// The domain is not ASCII; `suggestion` is the address with the domain in its `xn--` form.
        case nonASCIIDomain(suggestion: String)
        case nonASCIILocalPart
    }

    package enum KeyContext: Hashable, Sendable {
        case personFile
        case settingsFile
        /// `[[deadline]]`, `[mail]`, `` `follow_up` ``.
        case table(String)
    }

    package enum ConsultantHint: Hashable, Sendable {
        case suggestion(String)
        case noneDeclared
        case declared([String])
    }

    // MARK: Codes

    /// The stable identifier of this kind of problem.
    package var code: DiagnosticCode {
        switch self {
        case .cannotRead, .notRegularFile: .fileUnreadable
        case .untrusted: .filePermissions
        case .tooLarge, .grewTooLarge: .fileTooLarge
        case .nulByte, .notUTF8: .fileNotText
        case .notAFolder: .fileUnreadable
        case .directoryUnusable, .notADirectory: .directoryUnusable
        case .ignoredFile: .fileIgnored
        case .noPeopleFolder: .peopleMissing
        case .sendmailUnusable: .mailSendmailUnusable
        case .expectedLineStart, .expectedKey, .expectedTableName, .expectedKeyAfterDot, .multilineKey,
            .expectedEquals, .expectedLineEndAfterValue, .expectedLineEndAfterHeader, .carriageReturn,
            .controlInComment, .expectedHeaderEnd, .expectedValue, .unterminatedArray, .expectedArraySeparator,
            .unterminatedInlineTable, .inlineTableTrailingComma, .expectedInlineKey, .expectedInlineSeparator,
            .tooManyErrors:
            .tomlSyntax
        case .duplicateKey, .tableDefinedTwice: .tomlDuplicate
        case .cannotDefineKey, .cannotDefineTable, .tableDefinedWithDottedKeys: .tomlConflict
        case .nestingTooDeep: .tomlNesting
        case .unterminatedString, .controlInString, .invalidEscape, .escapeDigits, .escapeNotScalar,
            .unterminatedMultilineString, .lineEndingBackslash:
            .tomlString
        case .invalidNumber, .integerOutOfRange, .floatTooLarge: .tomlNumber
        case .invalidDate, .invalidTime, .invalidDateTime, .invalidOffset: .tomlDateTime
        case .missingSeconds: .dateTimeSeconds
        case .dayFirstDate: .dateFormat
        case .unquotedDuration: .durationUnquoted
        case .wrongType, .elementWrongType, .notTableArray, .notATableElement: .valueType
        case .quotedDate: .valueQuotedDate
        case .controlCharacter: .valueControlCharacter
        case .notIdentifier: .idInvalid
        case .duration(_, let problem):
            switch problem {
            case .empty, .noNumber: .durationInvalid
            case .unknownUnit: .durationUnit
            case .tooLarge: .durationTooLarge
            case .compound: .durationCompound
            case .decimal: .durationDecimal
            case .typographicSign: .durationSign
            }
        case .unsignedDuration: .durationUnsigned
        case .spelling: .spellingVariant
        case .fractionalSeconds: .dateTimeFraction
        case .notATimeOfDay: .timeInvalid
        case .unknownZone: .timezoneUnknown
        case .notOneOf: .valueChoice
        case .notARecipient: .recipientInvalid
        case .notAnAddress, .notAMailbox: .addressInvalid
        case .address(_, _, let problem):
            switch problem {
            case .emptyLabel, .hyphenLabel, .labelTooLong: .addressLabel
            case .localPartTooLong, .tooLong: .addressTooLong
            case .nonASCIIDomain, .nonASCIILocalPart: .addressNonASCII
            }
        case .addressSpaces: .addressSpaces
        case .severalAddresses: .addressSeveral
        case .unknownKey: .keyUnknown
        case .missingID, .followUpNeeds, .missingAt, .missingDue, .trainingWithoutDate: .keyMissing
        case .followUpCountRange, .everyNotPositive, .validForNotPositive, .afterNotPositive, .negativeCatchUp,
            .timeoutRange, .retryRange:
            .valueRange
        case .calendarFilePath: .pathNotAbsolute
        case .fileNameNotID: .idFileName
        case .idDiffersFromFileName: .idFileMismatch
        case .unknownConsultant: .consultantUnknown
        case .reservedItemID: .idReserved
        case .duplicateItemID, .duplicateConsultant: .idDuplicate
        case .followUpOnSession: .followUpSession
        case .sessionDateOnly: .sessionDateOnly
        case .unknownTrainingKind: .trainingKind
        case .expiresAndObtained, .noValidity: .trainingValidity
        case .personIDTaken: .personDuplicate
        case .unreachablePerson: .personUnreachable
        case .uninvitablePerson: .personUninvitable
        case .sendmailNotAbsolute: .mailSendmail
        case .enabledWithoutFrom: .mailFrom
        case .rules(let problem): problem.code
        }
    }

    package static var samples: [DiagnosticText] {
        let found: [Found] = [.endOfFile, .endOfLine, .control(1), .text("\"x\"")]
        let conflicts: [Conflict] = [
            .isTableArray(name: "\"a\"", line: 1), .isHeaderTable(name: "\"b\"", line: 2),
            .isInlineTable(name: "\"c\"", line: 3), .isAlready(name: "\"d\"", .integer, line: 4),
            .isAlreadyTableArray(name: "\"e\"", line: 5), .isAlreadyTable(name: "\"f\"", line: 6),
        ]
        let types: [ValueType] = [
            .table, .inlineTable, .array, .string, .integer, .float, .boolean, .date, .time, .localDateTime,
            .offsetDateTime, .dateTime,
        ]
        let expected: [Expected] = [
            .string, .trueOrFalse, .durationString, .durationList, .timeOfDay, .recipientList, .table,
            .dateOrDateTime, .sessionDateTime, .date, .doneValue, .followUp,
        ]
        let numbers: [NumberProblem?] = [
            nil, .leadingZeros, .underscore, .signedRadix, .digitAfterPoint, .digitInExponent,
        ]
        let durations: [CalendarDuration.ParseError] = [
            .empty, .noNumber("jours"), .unknownUnit("fortnights"), .tooLarge("99999d", .day),
            .compound("1h30", suggestion: "90min"), .decimal("1.5h", suggestion: "90min", approximate: false),
            .decimal("1,5 mois", suggestion: "45d", approximate: true),
            .decimal("1.5wd", suggestion: nil, approximate: false),
            .typographicSign("−3d", scalar: 0x2212, suggestion: "-3d"),
        ]
        let addresses: [AddressProblem] = [
            .emptyLabel, .hyphenLabel(label: "-vm"), .labelTooLong(label: String(repeating: "a", count: 64)),
            .localPartTooLong(bytes: 65), .tooLong(bytes: 255), .nonASCIIDomain(suggestion: "jose@xn--vm-9ia.example"),
            .nonASCIILocalPart,
        ]
        var all: [DiagnosticText] = [
            .cannotRead(reason: .permissionDenied), .notRegularFile,
            .untrusted(.file, .writableByEveryone(mode: "666")), .untrusted(.folder, .writableByGroup(mode: "775")),
            .untrusted(.directory, .otherOwner(uid: 1001)), .untrusted(.file, .otherOwner(uid: 1001)),
            .untrusted(.folder, .writableByEveryone(mode: "777")),
            .untrusted(.directory, .writableByEveryone(mode: "777")),
            .tooLarge(bytes: 2_000_000), .grewTooLarge, .nulByte, .notUTF8, .notAFolder,
            .directoryUnusable(path: "/home/claire/.config/jalon", reason: .noSuchFile),
            .notADirectory(path: "/home/claire/notes.txt"),
            .ignoredFile(.personSuffix(suggestion: "marie.toml")), .ignoredFile(.outsidePeople),
            .ignoredFile(.settingsName), .noPeopleFolder,
            .sendmailUnusable(problem: .cannotRun(program: "/usr/sbin/sendmail", reason: .noSuchFile)),
            .multilineKey, .controlInComment(1), .duplicateKey(key: "\"id\"", firstLine: 2),
            .tableDefinedWithDottedKeys(header: "[a]", line: 1), .tableDefinedTwice(header: "[a]", firstLine: 1),
            .nestingTooDeep(levels: 100), .unterminatedArray, .unterminatedInlineTable, .inlineTableTrailingComma,
            .unterminatedString, .controlInString(1, escapable: true), .controlInString(0x7F, escapable: false),
            .invalidEscape(shown: "x"), .escapeDigits(sequence: "\\u12", digits: 4),
            .escapeDigits(sequence: "\\UABC", digits: 8), .escapeNotScalar(sequence: "\\uD800", value: 0xD800),
            .unterminatedMultilineString, .integerOutOfRange(written: "99999999999999999999", tooSmall: false),
            .integerOutOfRange(written: "-9223372036854775809", tooSmall: true), .floatTooLarge(written: "1e400"),
            .invalidDate(written: "2027-02-30"), .invalidTime(written: "24:00:00"),
            .invalidDateTime(written: "\"1979-05-27T\""), .invalidOffset(written: "+24:00"),
            .missingSeconds(written: "2026-12-04T11:00", suggestion: "2026-12-04T11:00:00", isDateTime: true),
            .missingSeconds(written: "07:32", suggestion: "07:32:00", isDateTime: false),
            .dayFirstDate(written: "31/03/2027", suggestion: "2027-03-31"), .tooManyErrors(count: 100),
            .unquotedDuration(written: "-3d"),
            .quotedDate(key: "due", expected: .dateOrDateTime, literal: "2027-03-31"),
            .quotedDate(key: "due", expected: .dateOrDateTime, literal: nil),
            .elementWrongType(key: "remind", expected: .durationStrings, found: .integer),
            .elementWrongType(key: "to", expected: .strings, found: .integer),
            .controlCharacter(key: "title", 7), .notIdentifier(key: "id", value: "Bad Id"),
            .unsignedDuration(key: "remind", written: "3 semaine", count: 3, unit: .week, suggestion: "-3 semaines"),
            .spelling(key: "remind", written: "2 jours ouvres", canonical: "2 jours ouvrés"),
            .fractionalSeconds(key: "at"), .notATimeOfDay(key: "remind_at", value: "9h"),
            .unknownZone(value: "Europe/Pariss"),
            .notOneOf(key: "holidays", value: "france", allowed: ["metropole", "alsace-moselle", "none"]),
            .notARecipient(key: "to", value: "everyone"), .notAnAddress(key: "email", value: "marie"),
            .notAMailbox(key: "from", value: "Cabinet <pas une adresse>"),
            .addressSpaces(key: "email", value: "marie@example.org "),
            .severalAddresses(key: "to", addresses: ["a@example.org", "b@example.org"], inList: true),
            .severalAddresses(key: "email", addresses: ["a@example.org", "b@example.org"], inList: false),
            .notTableArray(key: "session", found: .string), .notATableElement(key: "session", found: .integer),
            .unknownKey(key: "remnid", context: .table("[[deadline]]"), suggestion: "remind"),
            .unknownKey(key: "colour", context: .personFile, suggestion: nil),
            .unknownKey(key: "form", context: .settingsFile, suggestion: "from"),
            .missingID(section: "session", example: "s1"), .followUpNeeds(key: "every"), .followUpNeeds(key: "count"),
            .followUpCountRange, .everyNotPositive, .validForNotPositive, .afterNotPositive, .negativeCatchUp,
            .timeoutRange, .retryRange, .calendarFilePath,
            .fileNameNotID(stem: "Élodie Fabre", suggestion: "elodie-fabre"),
            .idDiffersFromFileName(id: "marie-dupont", fileName: "copie.toml"),
            .unknownConsultant(value: "clare", .suggestion("claire")), .unknownConsultant(value: "x", .noneDeclared),
            .unknownConsultant(value: "x", .declared(["claire", "thomas"])), .reservedItemID,
            .duplicateItemID(id: "s1", section: "session"), .followUpOnSession, .sessionDateOnly(date: "2026-09-08"),
            .missingAt, .missingDue, .unknownTrainingKind(value: "sts", suggestion: "sst", catalog: ["sst", "caces"]),
            .unknownTrainingKind(value: "x", suggestion: nil, catalog: ["sst", "caces"]), .expiresAndObtained,
            .noValidity, .trainingWithoutDate, .personIDTaken(id: "marie-dupont", keeper: "people/marie-dupont.toml"),
            .unreachablePerson, .uninvitablePerson(sessions: ["s1", "s2"]), .sendmailNotAbsolute, .enabledWithoutFrom,
            .duplicateConsultant(id: "claire"),
        ]
        all += RulesDiagnostic.samples.map { .rules($0) }
        for (index, found) in found.enumerated() {
            all += [
                .expectedLineStart(found: found), .expectedKey(found: found), .expectedTableName(found: found),
                .expectedKeyAfterDot(found: found), .expectedEquals(key: "\"k\(index)\"", found: found),
                .expectedLineEndAfterValue(key: "\"k\(index)\"", found: found),
                .expectedLineEndAfterHeader(header: "[t\(index)]", found: found), .carriageReturn(found: found),
                .expectedHeaderEnd(header: "[t\(index)]", isArray: false, found: found),
                .expectedHeaderEnd(header: "[[t\(index)]]", isArray: true, found: found),
                .expectedValue(found: found), .expectedArraySeparator(found: found),
                .expectedInlineKey(found: found, lineBreak: false), .expectedInlineKey(found: found, lineBreak: true),
                .expectedInlineSeparator(found: found, lineBreak: false),
                .expectedInlineSeparator(found: found, lineBreak: true), .lineEndingBackslash(found: found),
            ]
        }
        for conflict in conflicts {
            all += [
                .cannotDefineKey(key: "\"a.b\"", conflict),
                .cannotDefineTable(header: "[a.b]", isArray: false, conflict),
                .cannotDefineTable(header: "[[a.b]]", isArray: true, conflict),
            ]
        }
        for (index, type) in types.enumerated() {
            all.append(.wrongType(key: "k\(index)", expected: expected[index % expected.count], found: type))
        }
        for (index, expected) in expected.enumerated() {
            all.append(.wrongType(key: "e\(index)", expected: expected, found: .boolean))
        }
        for problem in numbers { all.append(.invalidNumber(token: "\"01\"", problem)) }
        for problem in durations { all.append(.duration(key: "remind", problem)) }
        for problem in addresses { all.append(.address(key: "email", value: "josé@-vm..example", problem)) }
        for unit in CalendarDuration.Unit.allCases {
            all.append(
                .unsignedDuration(key: "remind", written: "2 \(unit)", count: 2, unit: unit, suggestion: "-2\(unit)"))
            all.append(
                .unsignedDuration(key: "remind", written: "1 \(unit)", count: 1, unit: unit, suggestion: "-1\(unit)"))
        }
        return all
    }
}

/// The stable identifiers of the kinds of problem `jalon check` reports (its `--json` output's `code`). The README
/// lists them; a test checks that it lists every one.
package enum DiagnosticCode: String, CaseIterable, Sendable {
    case fileUnreadable = "file.unreadable"
    case filePermissions = "file.permissions"
    case fileTooLarge = "file.too-large"
    case fileNotText = "file.not-text"
    case fileIgnored = "file.ignored"
    case directoryUnusable = "directory.unusable"
    case peopleMissing = "people.missing"
    case tomlSyntax = "toml.syntax"
    case tomlDuplicate = "toml.duplicate"
    case tomlConflict = "toml.conflict"
    case tomlNesting = "toml.nesting"
    case tomlString = "toml.string"
    case tomlNumber = "toml.number"
    case tomlDateTime = "toml.datetime"
    case dateTimeSeconds = "datetime.seconds"
    case dateTimeFraction = "datetime.fraction"
    case dateFormat = "date.format"
    case valueType = "value.type"
    case valueQuotedDate = "value.quoted-date"
    case valueControlCharacter = "value.control-character"
    case valueChoice = "value.choice"
    case valueRange = "value.range"
    case pathNotAbsolute = "path.not-absolute"
    case keyUnknown = "key.unknown"
    case keyMissing = "key.missing"
    case spellingVariant = "spelling.variant"
    case idInvalid = "id.invalid"
    case idReserved = "id.reserved"
    case idDuplicate = "id.duplicate"
    case idFileName = "id.file-name"
    case idFileMismatch = "id.file-mismatch"
    case personDuplicate = "person.duplicate"
    case personUnreachable = "person.unreachable"
    case personUninvitable = "person.uninvitable"
    case durationInvalid = "duration.invalid"
    case durationUnit = "duration.unit"
    case durationTooLarge = "duration.too-large"
    case durationCompound = "duration.compound"
    case durationDecimal = "duration.decimal"
    case durationSign = "duration.sign"
    case durationUnsigned = "duration.unsigned"
    case durationUnquoted = "duration.unquoted"
    case timeInvalid = "time.invalid"
    case timezoneUnknown = "timezone.unknown"
    case consultantUnknown = "consultant.unknown"
    case trainingKind = "training.kind"
    case trainingValidity = "training.validity"
    case sessionDateOnly = "session.date-only"
    case followUpSession = "follow-up.session"
    case recipientInvalid = "recipient.invalid"
    case addressInvalid = "address.invalid"
    case addressNonASCII = "address.non-ascii"
    case addressTooLong = "address.too-long"
    case addressLabel = "address.label"
    case addressSpaces = "address.spaces"
    case addressSeveral = "address.several"
    case mailSendmail = "mail.sendmail"
    case mailSendmailUnusable = "mail.sendmail-unusable"
    case mailFrom = "mail.from"
    case catalogValidity = "catalog.validity"
    case catalogWindow = "catalog.window"
    case dossierDates = "dossier.dates"
    case dossierStart = "dossier.start"
    case bilanAgreement = "bilan.agreement"
    case template = "template"
}
