extension DiagnosticText {
    package var english: String {
        switch self {
        case .cannotRead(let reason):
            "cannot be read: \(reason.english)"
        case .notRegularFile:
            "is not a regular file"
        case .untrusted(let subject, let problem):
            "\(problem.english(subject.english))\(subject.consequenceEnglish)"
        case .tooLarge(let bytes):
            "the file is \(bytes) bytes long; configuration files are limited to 1 MiB"
        case .grewTooLarge:
            "the file grew past 1 MiB while being read"
        case .nulByte:
            "the file holds a NUL byte: it is not a text file"
        case .notUTF8:
            "the file is not UTF-8 text (an invalid byte sequence here)"
        case .notAFolder:
            "is not a readable folder"
        case .directoryUnusable(let path, let reason):
            "cannot use the configuration directory \(path): \(reason.english)"
        case .notADirectory(let path):
            "\(path) is not a directory"
        case .ignoredFile(.personSuffix(let suggestion)):
            "this file is ignored: person files end in .toml; rename it \(suggestion)"
        case .ignoredFile(.outsidePeople):
            "this file is ignored: person files go in the people/ folder (settings in jalon.toml)"
        case .ignoredFile(.settingsName):
            "this file is ignored: the settings file is named jalon.toml"
        case .noPeopleFolder:
            "there is no people/ folder: jalon reads one file per person from people/NAME.toml"
        case .sendmailUnusable(let problem):
            "\(problem.english); messages would wait in the queue until it can"

        case .expectedLineStart(let found):
            "expected a key, a [table] header or a comment, found \(found.english)"
        case .expectedKey(let found):
            "expected a key, found \(found.english)"
        case .expectedTableName(let found):
            "expected a table name, found \(found.english)"
        case .expectedKeyAfterDot(let found):
            "expected a key after \".\", found \(found.english)"
        case .multilineKey:
            "a multi-line string cannot be a key"
        case .expectedEquals(let key, let found):
            "expected \"=\" after the key \(key), found \(found.english)"
        case .expectedLineEndAfterValue(let key, let found):
            "expected a comment or a new line after the value of \(key), found \(found.english)"
        case .expectedLineEndAfterHeader(let header, let found):
            "expected a comment or a new line after the header \(header), found \(found.english)"
        case .carriageReturn(let found):
            "a carriage return must be followed by a newline, found \(found.english)"
        case .controlInComment(let value):
            "the control character U+\(hex4(value)) is not allowed in a comment"
        case .duplicateKey(let key, let line):
            "the key \(key) is defined twice (first at line \(line))"
        case .cannotDefineKey(let key, let conflict):
            "cannot define \(key): \(conflict.english)"
        case .cannotDefineTable(let header, let isArray, let conflict):
            "cannot define the \(isArray ? "array of tables" : "table") \(header): \(conflict.english)"
        case .expectedHeaderEnd(let header, true, let found):
            "expected \"]]\" after the name of the array of tables \(header), found \(found.english)"
        case .expectedHeaderEnd(let header, false, let found):
            "expected \"]\" after the name of the table \(header), found \(found.english)"
        case .tableDefinedWithDottedKeys(let header, let line):
            "the table \(header) is already defined with dotted keys (line \(line))"
        case .tableDefinedTwice(let header, let line):
            "the table \(header) is defined twice (first at line \(line))"
        case .nestingTooDeep(let levels):
            "nesting is deeper than \(levels) levels"
        case .expectedValue(let found):
            "expected a value, found \(found.english)"
        case .unterminatedArray:
            "unterminated array (expected \"]\")"
        case .expectedArraySeparator(let found):
            "expected \",\" or \"]\" after an array element, found \(found.english)"
        case .unterminatedInlineTable:
            "unterminated inline table (expected \"}\")"
        case .inlineTableTrailingComma:
            "an inline table cannot end with a comma"
        case .expectedInlineKey(let found, let lineBreak):
            "expected a key in the inline table, found \(found.english)"
                + (lineBreak ? " (an inline table must be on one line)" : "")
        case .expectedInlineSeparator(let found, let lineBreak):
            "expected \",\" or \"}\" after a value in the inline table, found \(found.english)"
                + (lineBreak ? " (an inline table must be on one line)" : "")
        case .unterminatedString:
            "unterminated string"
        case .controlInString(let value, let escapable):
            "the control character U+\(hex4(value)) is not allowed in a string"
                + (escapable ? " (use an escape sequence)" : "")
        case .invalidEscape(let shown):
            "invalid escape sequence \"\\\(shown)\""
        case .escapeDigits(let sequence, let digits):
            "invalid escape sequence \"\(sequence)\": \\\(digits == 4 ? "u" : "U") needs \(digits) hexadecimal digits"
        case .escapeNotScalar(let sequence, let value):
            "invalid escape sequence \"\(sequence)\": U+\(hex4(value)) is not a Unicode scalar value"
        case .unterminatedMultilineString:
            "unterminated multi-line string"
        case .lineEndingBackslash(let found):
            "a backslash followed by spaces must end its line in a multi-line string (found \(found.english))"
        case .invalidNumber(let token, nil):
            "invalid number \(token)"
        case .invalidNumber(let token, .leadingZeros?):
            "invalid number \(token): leading zeros are not allowed"
        case .invalidNumber(let token, .underscore?):
            "invalid number \(token): an underscore must be between two digits"
        case .invalidNumber(let token, .signedRadix?):
            "invalid number \(token): only decimal numbers can have a sign"
        case .invalidNumber(let token, .digitAfterPoint?):
            "invalid number \(token): expected a digit after the decimal point"
        case .invalidNumber(let token, .digitInExponent?):
            "invalid number \(token): expected a digit in the exponent"
        case .integerOutOfRange(let written, let tooSmall):
            "integer \(written) is too \(tooSmall ? "small" : "large")"
        case .floatTooLarge(let written):
            "float \(written) is too large"
        case .invalidDate(let written):
            "invalid date \(written)"
        case .invalidTime(let written):
            "invalid time \(written)"
        case .invalidDateTime(let written):
            "invalid date-time \(written)"
        case .invalidOffset(let written):
            "invalid time offset \(written)"
        case .missingSeconds(let written, let suggestion, let isDateTime):
            "invalid \(isDateTime ? "date-time" : "time") \"\(written)\": add the seconds: \(suggestion)"
        case .dayFirstDate(let written, let suggestion):
            "invalid date \"\(written)\": write dates as \(suggestion) (year-month-day)"
        case .unquotedDuration(let written):
            "invalid value \(written): durations are written in quotes, \"\(written)\""
        case .tooManyErrors(let count):
            "more than \(count) syntax errors; the rest of the file is not checked"

        case .wrongType(let key, let expected, let found):
            "`\(key)` must be \(expected.english), found \(found.english)"
        case .quotedDate(let key, let expected, let literal?):
            "`\(key)` must be \(expected.english), found a string: write it without quotes, \(key) = \(literal)"
        case .quotedDate(let key, let expected, nil):
            "`\(key)` must be \(expected.english), found a string (write dates without quotes, like \(key) = "
                + "\(expected == .sessionDateTime ? "2026-09-08T14:00:00" : "2027-03-31"))"
        case .elementWrongType(let key, .durationStrings, let found):
            "`\(key)` must hold duration strings, found \(found.english)"
        case .elementWrongType(let key, .strings, let found):
            "`\(key)` must hold strings, found \(found.english)"
        case .controlCharacter(let key, let value):
            "`\(key)` holds a control character (U+\(hex4(value))); it would end up in a mail header"
        case .notIdentifier(let key, let value):
            "`\(key)` \"\(value)\" is not an identifier: use 1 to 64 of a-z, 0-9, '.', '_' and '-', starting with a "
                + "letter or a digit"
        case .duration(let key, let problem):
            "`\(key)`: \(problem.english)"
        case .unsignedDuration(let key, let written, let count, let unit, let suggestion):
            "`\(key)`: \"\(written)\" is \(count) \(unit.englishName(count)) after the date; did you mean "
                + "\"\(suggestion)\"? (write \"+\(written)\" if after is meant)"
        case .spelling(let key, let written, let canonical):
            "`\(key)`: \"\(written)\" is read as \"\(canonical)\", its canonical spelling"
        case .fractionalSeconds(let key):
            "`\(key)` has a fraction of a second; reminders count whole seconds, so it is dropped"
        case .notATimeOfDay(let key, let value):
            "`\(key)` \"\(value)\" is not a time of day: expected \"HH:MM\", like \"09:00\""
        case .unknownZone(let value):
            "unknown time zone \"\(value)\": use an IANA name like \"Europe/Paris\" or \"Indian/Reunion\""
        case .notOneOf(let key, let value, let allowed):
            "`\(key)` \"\(value)\" is not one of " + allowed.map { "\"\($0)\"" }.joined(separator: ", ")
        case .notARecipient(let key, let value):
            "`\(key)`: \"\(value)\" is neither \"person\", \"consultant\" nor an email address"
        case .notAnAddress(let key, let value):
            "`\(key)` \"\(value)\" is not an email address like name@example.org"
        case .notAMailbox(let key, let value):
            "`\(key)` \"\(value)\" is not an address like \"Cabinet Horizon <suivi@horizon.example>\""
        case .address(let key, let value, let problem):
            "`\(key)` \"\(value)\": \(problem.english)"
        case .addressSpaces(let key, let value):
            "`\(key)` \"\(value)\" has spaces around the address; they are left out"
        case .severalAddresses(let key, let addresses, true):
            "`\(key)`: one string holds several addresses; write one string each: \(key) = ["
                + addresses.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
        case .severalAddresses(let key, let addresses, false):
            "`\(key)` holds several addresses, but takes one; list the others in `to`, like to = [\"person\", "
                + addresses.dropFirst().map { "\"\($0)\"" }.joined(separator: ", ") + "]"
        case .notTableArray(let key, let found):
            "`\(key)` must be written as [[\(key)]] tables, found \(found.english)"
        case .notATableElement(let key, let found):
            "each `\(key)` must be a table, found \(found.english)"
        case .unknownKey(let key, let context, let suggestion):
            "unknown key `\(key)` in \(context.english)"
                + (suggestion.map { " (did you mean `\($0)`?)" } ?? "") + "; it is ignored"
        case .missingID(let section, let example):
            "this [[\(section)]] has no `id`; give it one, like id = \"\(example)\""
        case .followUpNeeds(let key):
            "`follow_up` needs `\(key)`, like { every = \"7d\", count = 3 }"
        case .followUpCountRange:
            "`count` must be a whole number from 0 to 1000"
        case .everyNotPositive:
            "`every` must be positive, like \"7d\""
        case .validForNotPositive:
            "`valid_for` must be positive, like \"24 months\""
        case .afterNotPositive:
            "`after` must be positive: the follow-up interview comes after the bilan"
        case .negativeCatchUp:
            "`catch_up` must not be negative: it is how far back missed reminders are sent"
        case .timeoutRange:
            "`timeout` must be a number of seconds from 1 to 3600, like timeout = 60"
        case .retryRange:
            "`retry` must be a number of seconds from 1 to 86400 (the first delay before a retry), like retry = 60"
        case .calendarFilePath:
            "`file` must be the absolute path of a file, like file = \"/home/claire/Agenda/jalon.ics\""

        case .fileNameNotID(let stem, let suggestion):
            "the file name \"\(stem)\" is not a valid person id; add a line like id = \"\(suggestion)\" "
                + "(a-z, 0-9, '.', '_', '-')"
        case .idDiffersFromFileName(let id, let fileName):
            "the id \"\(id)\" is not the file's name, \"\(fileName)\"; if this file is a copy of \(id)'s, give it "
                + "an id of its own, else rename it \(id).toml"
        case .unknownConsultant(let value, .suggestion(let suggestion)):
            "unknown consultant \"\(value)\" (did you mean \"\(suggestion)\"?)"
        case .unknownConsultant(let value, .noneDeclared):
            "unknown consultant \"\(value)\": jalon.toml declares no [[consultant]]"
        case .unknownConsultant(let value, .declared(let known)):
            "unknown consultant \"\(value)\"; jalon.toml declares " + known.map { "\"\($0)\"" }.joined(separator: ", ")
        case .reservedItemID:
            "the item id \"suivi\" is reserved for the follow-up interview jalon derives; choose another"
        case .duplicateItemID(let id, let section):
            "item id \"\(id)\" is already used by a [[\(section)]] of this person; item ids are unique within a person"
        case .followUpOnSession:
            "`follow_up` has no effect on a session: sessions get no follow-ups"
        case .sessionDateOnly(let date):
            "a session needs a time: write at = \(date)T14:00:00 (a local date-time), not a date alone"
        case .missingAt:
            "this [[session]] has no `at`: when does it take place?"
        case .missingDue:
            "this [[deadline]] has no `due` date"
        case .unknownTrainingKind(let value, let suggestion, let catalog):
            "unknown training kind \"\(value)\""
                + (suggestion.map { " (did you mean \"\($0)\"?)" } ?? "; the catalog has "
                    + catalog.joined(separator: ", "))
                + "; or leave out `kind` and give `title` and `valid_for`"
        case .expiresAndObtained:
            "give either `expires`, or `obtained` with a validity, not both"
        case .noValidity:
            "no validity for this training: add valid_for = \"24 months\", a catalog `kind`, or `expires`"
        case .trainingWithoutDate:
            "this [[training]] has neither `obtained` nor `expires`: when does it run out?"
        case .personIDTaken(let id, let keeper):
            "person id \"\(id)\" is already used by \(keeper); person ids are unique across the directory"
        case .unreachablePerson:
            "no reminder will reach this person by email: reminders are addressed to them, but the file has no "
                + "`email`"
        case .uninvitablePerson(let sessions):
            "invite = true, but this person has no `email`: they get no invitation for "
                + (sessions.count == 1 ? "session " : "sessions ") + sessions.joined(separator: ", ")

        case .sendmailNotAbsolute:
            "`sendmail` must be an absolute path, or an array of an absolute path and its arguments, like "
                + "[\"/usr/bin/msmtp\", \"-C\", \"/etc/msmtprc\"]"
        case .enabledWithoutFrom:
            "mail is enabled but has no `from` address to send from"
        case .duplicateConsultant(let id):
            "consultant id \"\(id)\" is used twice; each [[consultant]] needs its own id"
        case .rules(let problem):
            problem.english
        }
    }
}

extension DiagnosticText.Found {
    var english: String {
        switch self {
        case .endOfFile: "the end of the file"
        case .endOfLine: "the end of the line"
        case .control(let value): "the control character U+\(hex4(value))"
        case .text(let quoted): quoted
        }
    }
}

extension DiagnosticText.Conflict {
    var english: String {
        switch self {
        case .isTableArray(let name, let line): "\(name) is an array of tables (line \(line))"
        case .isHeaderTable(let name, let line):
            "\(name) is a table defined by a header (line \(line)), it cannot be extended with dotted keys"
        case .isInlineTable(let name, let line): "\(name) is an inline table (line \(line)), which cannot be extended"
        case .isAlready(let name, let type, let line): "\(name) is already \(type.english) (line \(line))"
        case .isAlreadyTableArray(let name, let line): "\(name) is already an array of tables (line \(line))"
        case .isAlreadyTable(let name, let line): "\(name) is already a table (line \(line))"
        }
    }
}

extension DiagnosticText.ValueType {
    var english: String {
        switch self {
        case .table: "a table"
        case .inlineTable: "an inline table"
        case .array: "an array"
        case .string: "a string"
        case .integer: "an integer"
        case .float: "a float"
        case .boolean: "a boolean"
        case .date: "a date"
        case .time: "a time"
        case .localDateTime: "a local date-time"
        case .offsetDateTime: "a date-time with an offset"
        case .dateTime: "a date-time"
        }
    }
}

extension DiagnosticText.Expected {
    var english: String {
        switch self {
        case .string: "a string"
        case .trueOrFalse: "true or false"
        case .durationString: "a duration string like \"-14d\" or \"6 months\""
        case .durationList: "a list of durations like [\"-14d\", \"-3d\"]"
        case .timeOfDay: "a time of day like \"09:00\""
        case .recipientList: "a list like [\"person\", \"consultant\"]"
        case .table: "a table"
        case .dateOrDateTime: "a date or a date-time"
        case .sessionDateTime: "a date-time like 2026-09-08T14:00:00"
        case .date: "a date like 2025-05-12"
        case .doneValue: "true, false or the date it was done"
        case .followUp: "false or a table like { every = \"7d\", count = 3 }"
        }
    }
}

extension DiagnosticText.Subject {
    var english: String {
        switch self {
        case .file: "the file"
        case .folder: "this folder"
        case .directory: "the configuration directory"
        }
    }

    var consequenceEnglish: String {
        switch self {
        case .file: ""
        case .folder: "; the files in it are refused"
        case .directory: "; nothing in it is read"
        }
    }
}

extension DiagnosticText.TrustProblem {
    func english(_ what: String) -> String {
        switch self {
        case .writableByEveryone(let mode): "\(what) is writable by every user (mode \(mode)); run chmod o-w on it"
        case .writableByGroup(let mode): "\(what) is writable by its group (mode \(mode)); run chmod g-w on it"
        case .otherOwner(let uid): "\(what) belongs to another user (uid \(uid)), who could change it"
        }
    }
}

extension DiagnosticText.AddressProblem {
    var english: String {
        switch self {
        case .emptyLabel:
            "the domain has an empty part (two dots in a row, or a dot at an end); mail servers refuse it"
        case .hyphenLabel(let label):
            "the part \"\(label)\" of the domain starts or ends with \"-\"; mail servers refuse it"
        case .labelTooLong(let label):
            "the part \"\(label)\" of the domain is longer than 63 characters; mail servers refuse it"
        case .localPartTooLong(let bytes):
            "the part before \"@\" is \(bytes) bytes long; mail servers take at most 64"
        case .tooLong(let bytes):
            "the address is \(bytes) bytes long; mail servers take at most 254"
        case .nonASCIIDomain(let suggestion):
            "the domain is not ASCII, which mail cannot carry as written; write it in its xn-- form: \"\(suggestion)\""
        case .nonASCIILocalPart:
            "the part before \"@\" is not ASCII, which mail servers without SMTPUTF8 refuse; use an ASCII address "
                + "for this person"
        }
    }
}

extension DiagnosticText.KeyContext {
    var english: String {
        switch self {
        case .personFile: "a person file"
        case .settingsFile: "jalon.toml"
        case .table(let name): name
        }
    }
}

extension CalendarDuration.ParseError {
    var english: String {
        switch self {
        case .empty:
            "a duration is empty"
        case .noNumber(let text):
            "\"\(text)\" is not a duration: expected a number and a unit, like \"-14d\" or \"6 months\""
        case .unknownUnit(let unit):
            "unknown unit \"\(unit)\"; use min, h, d, w, mo, y or wd (or minutes, heures, jours, semaines, mois, ans, "
                + "jours ouvrés)"
        case .tooLarge(let text, let unit):
            "\"\(text)\" is too large a duration: at most \(unit.maximumCount)\(unit.rawValue), about 200 years"
        case .compound(let text, let suggestion):
            "\"\(text)\" has two units, a duration takes one: write \"\(suggestion)\""
        case .decimal(let text, let suggestion?, false):
            "\"\(text)\" is not a whole number of units: write \"\(suggestion)\""
        case .decimal(let text, let suggestion?, true):
            "\"\(text)\" is not a whole number of units, and a month has no fixed length: write whole months, or "
                + "days, like \"\(suggestion)\""
        case .decimal(let text, nil, _):
            "\"\(text)\" is not a whole number of units: durations count whole units"
        case .typographicSign(let text, let scalar, let suggestion):
            "\"\(text)\" starts with a typographic dash (U+\(hex4(scalar))), not a minus sign: write \"\(suggestion)\""
        }
    }
}

extension CalendarDuration.Unit {
    func englishName(_ count: Int) -> String {
        let one = count == 1 || count == -1
        return switch self {
        case .minute: one ? "minute" : "minutes"
        case .hour: one ? "hour" : "hours"
        case .day: one ? "day" : "days"
        case .week: one ? "week" : "weeks"
        case .month: one ? "month" : "months"
        case .year: one ? "year" : "years"
        case .workday: one ? "working day" : "working days"
        }
    }
}
