extension DiagnosticText {
    package var french: FrenchText {
        switch self {
        case .cannotRead(let reason):
            "illisible : \(reason.french)"
        case .notRegularFile:
            "n'est pas un fichier ordinaire"
        case .untrusted(let subject, let problem):
            "\(problem.french(subject.french))\(subject.consequenceFrench)"
        case .tooLarge(let bytes):
            "le fichier fait \(bytes) octets ; les fichiers de configuration sont limités à 1 Mio"
        case .grewTooLarge:
            "le fichier a dépassé 1 Mio pendant sa lecture"
        case .nulByte:
            "le fichier contient un octet NUL : ce n'est pas un fichier texte"
        case .notUTF8:
            "le fichier n'est pas du texte UTF-8 (une suite d'octets invalide ici)"
        case .notAFolder:
            "n'est pas un dossier lisible"
        case .directoryUnusable(let path, let reason):
            "impossible d'utiliser le dossier de configuration \(path) : \(reason.french)"
        case .notADirectory(let path):
            "\(path) n'est pas un dossier"
        case .ignoredFile(.personSuffix(let suggestion)):
            "ce fichier est ignoré : les fichiers de personne se terminent par .toml ; renommez-le \(suggestion)"
        case .ignoredFile(.outsidePeople):
            "ce fichier est ignoré : les fichiers de personne vont dans le dossier people/ (les réglages dans "
                + "jalon.toml)"
        case .ignoredFile(.settingsName):
            "ce fichier est ignoré : le fichier de réglages s'appelle jalon.toml"
        case .noPeopleFolder:
            "il n'y a pas de dossier people/ : jalon lit un fichier par personne, people/NOM.toml"
        case .sendmailUnusable(let problem):
            "\(problem.french) ; les courriels attendraient dans la file jusqu'à ce qu'il fonctionne"

        case .expectedLineStart(let found):
            "on attend une clé, un en-tête [table] ou un commentaire, pas \(found.french)"
        case .expectedKey(let found):
            "on attend une clé, pas \(found.french)"
        case .expectedTableName(let found):
            "on attend un nom de table, pas \(found.french)"
        case .expectedKeyAfterDot(let found):
            "on attend une clé après \".\", pas \(found.french)"
        case .multilineKey:
            "une chaîne multiligne ne peut pas être une clé"
        case .expectedEquals(let key, let found):
            "on attend \"=\" après la clé \(key), pas \(found.french)"
        case .expectedLineEndAfterValue(let key, let found):
            "on attend un commentaire ou une fin de ligne après la valeur de \(key), pas \(found.french)"
        case .expectedLineEndAfterHeader(let header, let found):
            "on attend un commentaire ou une fin de ligne après l'en-tête \(header), pas \(found.french)"
        case .carriageReturn(let found):
            "un retour chariot doit être suivi d'un saut de ligne, pas \(found.french)"
        case .controlInComment(let value):
            "le caractère de contrôle U+\(hex4(value)) n'est pas permis dans un commentaire"
        case .duplicateKey(let key, let line):
            "la clé \(key) est définie deux fois (d'abord ligne \(line))"
        case .cannotDefineKey(let key, let conflict):
            "impossible de définir \(key) : \(conflict.french)"
        case .cannotDefineTable(let header, true, let conflict):
            "impossible de définir le tableau de tables \(header) : \(conflict.french)"
        case .cannotDefineTable(let header, false, let conflict):
            "impossible de définir la table \(header) : \(conflict.french)"
        case .expectedHeaderEnd(let header, true, let found):
            "on attend \"]]\" après le nom du tableau de tables \(header), pas \(found.french)"
        case .expectedHeaderEnd(let header, false, let found):
            "on attend \"]\" après le nom de la table \(header), pas \(found.french)"
        case .tableDefinedWithDottedKeys(let header, let line):
            "la table \(header) est déjà définie par des clés à points (ligne \(line))"
        case .tableDefinedTwice(let header, let line):
            "la table \(header) est définie deux fois (d'abord ligne \(line))"
        case .nestingTooDeep(let levels):
            "l'imbrication dépasse \(levels) niveaux"
        case .expectedValue(let found):
            "on attend une valeur, pas \(found.french)"
        case .unterminatedArray:
            "tableau non fermé (\"]\" attendu)"
        case .expectedArraySeparator(let found):
            "on attend \",\" ou \"]\" après un élément de tableau, pas \(found.french)"
        case .unterminatedInlineTable:
            "table en ligne non fermée (\"}\" attendu)"
        case .inlineTableTrailingComma:
            "une table en ligne ne peut pas finir par une virgule"
        case .expectedInlineKey(let found, let lineBreak):
            "on attend une clé dans la table en ligne, pas \(found.french)\(lineBreak ? FrenchText.oneLine : "")"
        case .expectedInlineSeparator(let found, let lineBreak):
            "on attend \",\" ou \"}\" après une valeur de la table en ligne, pas \(found.french)"
                + "\(lineBreak ? FrenchText.oneLine : "")"
        case .unterminatedString:
            "chaîne non fermée"
        case .controlInString(let value, let escapable):
            "le caractère de contrôle U+\(hex4(value)) n'est pas permis dans une chaîne"
                + "\(escapable ? " (utilisez une séquence d'échappement)" : "")"
        case .invalidEscape(let shown):
            "séquence d'échappement invalide \"\\\(shown)\""
        case .escapeDigits(let sequence, let digits):
            "séquence d'échappement invalide \"\(sequence)\" : \\\(digits == 4 ? "u" : "U") demande \(digits) "
                + "chiffres hexadécimaux"
        case .escapeNotScalar(let sequence, let value):
            "séquence d'échappement invalide \"\(sequence)\" : U+\(hex4(value)) n'est pas un caractère Unicode"
        case .unterminatedMultilineString:
            "chaîne multiligne non fermée"
        case .lineEndingBackslash(let found):
            "une barre oblique inversée suivie d'espaces doit finir sa ligne dans une chaîne multiligne (ici, "
                + "\(found.french))"
        case .invalidNumber(let token, nil):
            "nombre invalide \(token)"
        case .invalidNumber(let token, .leadingZeros?):
            "nombre invalide \(token) : les zéros en tête ne sont pas permis"
        case .invalidNumber(let token, .underscore?):
            "nombre invalide \(token) : un tiret bas doit être entre deux chiffres"
        case .invalidNumber(let token, .signedRadix?):
            "nombre invalide \(token) : seuls les nombres décimaux peuvent avoir un signe"
        case .invalidNumber(let token, .digitAfterPoint?):
            "nombre invalide \(token) : un chiffre est attendu après le point décimal"
        case .invalidNumber(let token, .digitInExponent?):
            "nombre invalide \(token) : un chiffre est attendu dans l'exposant"
        case .integerOutOfRange(let written, let tooSmall):
            "l'entier \(written) est trop \(tooSmall ? "petit" : "grand")"
        case .floatTooLarge(let written):
            "le nombre \(written) est trop grand"
        case .invalidDate(let written):
            "date invalide \(written)"
        case .invalidTime(let written):
            "heure invalide \(written)"
        case .invalidDateTime(let written):
            "date-heure invalide \(written)"
        case .invalidOffset(let written):
            "décalage horaire invalide \(written)"
        case .missingSeconds(let written, let suggestion, let isDateTime):
            "\(isDateTime ? "date-heure" : "heure") invalide \"\(written)\" : ajoutez les secondes : \(suggestion)"
        case .dayFirstDate(let written, let suggestion):
            "date invalide \"\(written)\" : écrivez les dates ainsi : \(suggestion) (année-mois-jour)"
        case .unquotedDuration(let written):
            "valeur invalide \(written) : les durées s'écrivent entre guillemets, \"\(written)\""
        case .tooManyErrors(let count):
            "plus de \(count) erreurs de syntaxe ; la suite du fichier n'est pas vérifiée"

        case .wrongType(let key, let expected, let found):
            "`\(key)` doit être \(expected.french), pas \(found.french)"
        case .quotedDate(let key, let expected, let literal?):
            "`\(key)` doit être \(expected.french), pas une chaîne : écrivez-la sans guillemets, \(key) = \(literal)"
        case .quotedDate(let key, let expected, nil):
            "`\(key)` doit être \(expected.french), pas une chaîne (écrivez les dates sans guillemets, comme "
                + "\(key) = \(expected == .sessionDateTime ? "2026-09-08T14:00:00" : "2027-03-31"))"
        case .elementWrongType(let key, .durationStrings, let found):
            "`\(key)` ne doit contenir que des durées entre guillemets, pas \(found.french)"
        case .elementWrongType(let key, .strings, let found):
            "`\(key)` ne doit contenir que des chaînes, pas \(found.french)"
        case .controlCharacter(let key, let value):
            "`\(key)` contient un caractère de contrôle (U+\(hex4(value))) ; il finirait dans un en-tête de courriel"
        case .notIdentifier(let key, let value):
            "`\(key)` \"\(value)\" n'est pas un identifiant : utilisez de 1 à 64 caractères parmi a-z, 0-9, '.', '_' "
                + "et '-', en commençant par une lettre ou un chiffre"
        case .duration(let key, let problem):
            "`\(key)` : \(problem.french)"
        case .unsignedDuration(let key, let written, let count, let unit, let suggestion):
            "`\(key)` : \"\(written)\" tombe \(count) \(unit.frenchName(count)) après la date ; vouliez-vous dire "
                + "\"\(suggestion)\" ? (écrivez \"+\(written)\" si c'est bien après)"
        case .spelling(let key, let written, let canonical):
            "`\(key)` : \"\(written)\" est lu comme \"\(canonical)\", son orthographe canonique"
        case .fractionalSeconds(let key):
            "`\(key)` a une fraction de seconde ; les rappels comptent des secondes entières, elle est donc ignorée"
        case .notATimeOfDay(let key, let value):
            "`\(key)` \"\(value)\" n'est pas une heure : on attend \"HH:MM\", comme \"09:00\""
        case .unknownZone(let value):
            "fuseau horaire inconnu \"\(value)\" : utilisez un nom IANA comme \"Europe/Paris\" ou \"Indian/Reunion\""
        case .notOneOf(let key, let value, let allowed):
            "`\(key)` \"\(value)\" n'est pas l'une des valeurs \(allowed.map { "\"\($0)\"" }.joined(separator: ", "))"
        case .notARecipient(let key, let value):
            "`\(key)` : \"\(value)\" n'est ni \"person\", ni \"consultant\", ni une adresse électronique"
        case .notAnAddress(let key, let value):
            "`\(key)` \"\(value)\" n'est pas une adresse électronique comme nom@exemple.org"
        case .notAMailbox(let key, let value):
            "`\(key)` \"\(value)\" n'est pas une adresse comme \"Cabinet Horizon <suivi@horizon.example>\""
        case .address(let key, let value, let problem):
            "`\(key)` \"\(value)\" : \(problem.french)"
        case .addressSpaces(let key, let value):
            "`\(key)` \"\(value)\" a des espaces autour de l'adresse ; ils sont ignorés"
        case .severalAddresses(let key, let addresses, true):
            "`\(key)` : une chaîne contient plusieurs adresses ; écrivez-en une par chaîne : \(key) = "
                + "[\(addresses.map { "\"\($0)\"" }.joined(separator: ", "))]"
        case .severalAddresses(let key, let addresses, false):
            "`\(key)` contient plusieurs adresses, mais n'en prend qu'une ; mettez les autres dans `to`, comme "
                + "to = [\"person\", \(addresses.dropFirst().map { "\"\($0)\"" }.joined(separator: ", "))]"
        case .notTableArray(let key, let found):
            "`\(key)` doit s'écrire en tables [[\(key)]], pas \(found.french)"
        case .notATableElement(let key, let found):
            "chaque `\(key)` doit être une table, pas \(found.french)"
        case .unknownKey(let key, let context, let suggestion?):
            "clé inconnue `\(key)` dans \(context.french) (vouliez-vous dire `\(suggestion)` ?) ; elle est ignorée"
        case .unknownKey(let key, let context, nil):
            "clé inconnue `\(key)` dans \(context.french) ; elle est ignorée"
        case .missingID(let section, let example):
            "[[\(section)]] sans `id` : donnez-lui en un, comme id = \"\(example)\""
        case .followUpNeeds(let key):
            "`follow_up` demande `\(key)`, comme { every = \"7d\", count = 3 }"
        case .followUpCountRange:
            "`count` doit être un nombre entier de 0 à 1000"
        case .everyNotPositive:
            "`every` doit être positif, comme \"7d\""
        case .validForNotPositive:
            "`valid_for` doit être positif, comme \"24 mois\""
        case .afterNotPositive:
            "`after` doit être positif : l'entretien de suivi vient après le bilan"
        case .negativeCatchUp:
            "`catch_up` ne peut pas être négatif : il dit jusqu'où remonter pour envoyer les rappels manqués"
        case .timeoutRange:
            "`timeout` doit être un nombre de secondes de 1 à 3600, comme timeout = 60"
        case .retryRange:
            "`retry` doit être un nombre de secondes de 1 à 86400 (le premier délai avant un nouvel essai), comme retry = 60"
        case .calendarFilePath:
            "`file` doit être le chemin absolu d'un fichier, comme file = \"/home/claire/Agenda/jalon.ics\""

        case .fileNameNotID(let stem, let suggestion):
            "le nom de fichier \"\(stem)\" n'est pas un identifiant de personne valide ; ajoutez une ligne comme "
                + "id = \"\(suggestion)\" (a-z, 0-9, '.', '_', '-')"
        case .idDiffersFromFileName(let id, let fileName):
            "l'id \"\(id)\" n'est pas le nom du fichier, \"\(fileName)\" ; si ce fichier est une copie de celui de "
                + "\(id), donnez-lui son propre id, sinon renommez-le \(id).toml"
        case .unknownConsultant(let value, .suggestion(let suggestion)):
            "consultant inconnu \"\(value)\" (vouliez-vous dire \"\(suggestion)\" ?)"
        case .unknownConsultant(let value, .noneDeclared):
            "consultant inconnu \"\(value)\" : jalon.toml ne déclare aucun [[consultant]]"
        case .unknownConsultant(let value, .declared(let known)):
            "consultant inconnu \"\(value)\" ; jalon.toml déclare \(known.map { "\"\($0)\"" }.joined(separator: ", "))"
        case .reservedItemID:
            "l'id d'élément \"suivi\" est réservé à l'entretien de suivi que jalon déduit ; choisissez-en un autre"
        case .duplicateItemID(let id, let section):
            "l'id d'élément \"\(id)\" est déjà pris dans un [[\(section)]] de cette personne ; les id d'éléments sont "
                + "uniques pour une personne"
        case .followUpOnSession:
            "`follow_up` est sans effet sur une séance : les séances n'ont pas de relances"
        case .sessionDateOnly(let date):
            "une séance a besoin d'une heure : écrivez at = \(date)T14:00:00 (une date-heure locale), pas une date "
                + "seule"
        case .missingAt:
            "[[session]] sans `at` : quand a-t-elle lieu ?"
        case .missingDue:
            "[[deadline]] sans date `due`"
        case .unknownTrainingKind(let value, let suggestion?, _):
            "type de formation inconnu \"\(value)\" (vouliez-vous dire \"\(suggestion)\" ?) ; ou retirez `kind` et "
                + "donnez `title` et `valid_for`"
        case .unknownTrainingKind(let value, nil, let catalog):
            "type de formation inconnu \"\(value)\" ; le catalogue a \(catalog.joined(separator: ", ")) ; ou retirez "
                + "`kind` et donnez `title` et `valid_for`"
        case .expiresAndObtained:
            "donnez soit `expires`, soit `obtained` avec une validité, pas les deux"
        case .noValidity:
            "pas de validité pour cette formation : ajoutez valid_for = \"24 mois\", un `kind` du catalogue, ou "
                + "`expires`"
        case .trainingWithoutDate:
            "[[training]] sans `obtained` ni `expires` : quand expire-t-elle ?"
        case .personIDTaken(let id, let keeper):
            "l'id de personne \"\(id)\" est déjà pris par \(keeper) ; les id de personnes sont uniques dans le dossier"
        case .unreachablePerson:
            "aucun rappel n'atteindra cette personne par courriel : des rappels lui sont adressés, mais le fichier "
                + "n'a pas d'`email`"
        case .uninvitablePerson(let sessions):
            "invite = true, mais cette personne n'a pas d'`email` : elle ne recevra pas d'invitation pour \(sessions.count == 1 ? "la séance" : "les séances") \(sessions.joined(separator: ", "))"

        case .sendmailNotAbsolute:
            "`sendmail` doit être un chemin absolu, ou un tableau d'un chemin absolu et de ses arguments, comme "
                + "[\"/usr/bin/msmtp\", \"-C\", \"/etc/msmtprc\"]"
        case .enabledWithoutFrom:
            "l'envoi de courriels est activé, mais sans adresse `from` d'expédition"
        case .duplicateConsultant(let id):
            "l'id de consultant \"\(id)\" sert deux fois ; chaque [[consultant]] a besoin du sien"
        case .rules(let problem):
            problem.french
        }
    }
}

extension FrenchText {
    fileprivate static let oneLine: FrenchText = " (une table en ligne tient sur une seule ligne)"
}

extension DiagnosticText.Found {
    var french: FrenchText {
        switch self {
        case .endOfFile: "la fin du fichier"
        case .endOfLine: "la fin de la ligne"
        case .control(let value): "le caractère de contrôle U+\(hex4(value))"
        case .text(let quoted): "\(quoted)"
        }
    }
}

extension DiagnosticText.Conflict {
    var french: FrenchText {
        switch self {
        case .isTableArray(let name, let line): "\(name) est un tableau de tables (ligne \(line))"
        case .isHeaderTable(let name, let line):
            "\(name) est une table définie par un en-tête (ligne \(line)), qu'on ne peut pas étendre par des clés à points"
        case .isInlineTable(let name, let line):
            "\(name) est une table en ligne (ligne \(line)), qu'on ne peut pas étendre"
        case .isAlready(let name, let type, let line): "\(name) est déjà \(type.french) (ligne \(line))"
        case .isAlreadyTableArray(let name, let line): "\(name) est déjà un tableau de tables (ligne \(line))"
        case .isAlreadyTable(let name, let line): "\(name) est déjà une table (ligne \(line))"
        }
    }
}

extension DiagnosticText.ValueType {
    var french: FrenchText {
        switch self {
        case .table: "une table"
        case .inlineTable: "une table en ligne"
        case .array: "un tableau"
        case .string: "une chaîne"
        case .integer: "un entier"
        case .float: "un nombre à virgule"
        case .boolean: "un booléen"
        case .date: "une date"
        case .time: "une heure"
        case .localDateTime: "une date-heure locale"
        case .offsetDateTime: "une date-heure avec décalage"
        case .dateTime: "une date-heure"
        }
    }
}

extension DiagnosticText.Expected {
    var french: FrenchText {
        switch self {
        case .string: "une chaîne"
        case .trueOrFalse: "true ou false"
        case .durationString: "une durée entre guillemets comme \"-14d\" ou \"6 mois\""
        case .durationList: "une liste de durées comme [\"-14d\", \"-3d\"]"
        case .timeOfDay: "une heure comme \"09:00\""
        case .recipientList: "une liste comme [\"person\", \"consultant\"]"
        case .table: "une table"
        case .dateOrDateTime: "une date ou une date-heure"
        case .sessionDateTime: "une date-heure comme 2026-09-08T14:00:00"
        case .date: "une date comme 2025-05-12"
        case .doneValue: "true, false ou la date où c'était fait"
        case .followUp: "false ou une table comme { every = \"7d\", count = 3 }"
        }
    }
}

extension DiagnosticText.Subject {
    var french: String {
        switch self {
        case .file: "le fichier"
        case .folder: "ce dossier"
        case .directory: "le dossier de configuration"
        }
    }

    var consequenceFrench: FrenchText {
        switch self {
        case .file: ""
        case .folder: " ; les fichiers qu'il contient sont refusés"
        case .directory: " ; rien n'y est lu"
        }
    }
}

extension DiagnosticText.TrustProblem {
    func french(_ what: String) -> FrenchText {
        switch self {
        case .writableByEveryone(let mode):
            "\(what) est modifiable par tous les utilisateurs (mode \(mode)) ; lancez chmod o-w dessus"
        case .writableByGroup(let mode):
            "\(what) est modifiable par son groupe (mode \(mode)) ; lancez chmod g-w dessus"
        case .otherOwner(let uid):
            "\(what) appartient à un autre utilisateur (uid \(uid)), qui pourrait le modifier"
        }
    }
}

extension DiagnosticText.AddressProblem {
    var french: FrenchText {
        switch self {
        case .emptyLabel:
            "le domaine a une partie vide (deux points de suite, ou un point à un bout) ; les serveurs de courriel le "
                + "refusent"
        case .hyphenLabel(let label):
            "la partie \"\(label)\" du domaine commence ou finit par \"-\" ; les serveurs de courriel la refusent"
        case .labelTooLong(let label):
            "la partie \"\(label)\" du domaine dépasse 63 caractères ; les serveurs de courriel la refusent"
        case .localPartTooLong(let bytes):
            "la partie avant \"@\" fait \(bytes) octets ; les serveurs de courriel en acceptent 64 au plus"
        case .tooLong(let bytes):
            "l'adresse fait \(bytes) octets ; les serveurs de courriel en acceptent 254 au plus"
        case .nonASCIIDomain(let suggestion):
            "le domaine n'est pas en ASCII, ce que le courriel ne transporte pas tel quel ; écrivez-le sous sa forme "
                + "xn-- : \"\(suggestion)\""
        case .nonASCIILocalPart:
            "la partie avant \"@\" n'est pas en ASCII, ce que refusent les serveurs sans SMTPUTF8 ; utilisez une "
                + "adresse ASCII pour cette personne"
        }
    }
}

extension DiagnosticText.KeyContext {
    var french: String {
        switch self {
        case .personFile: "un fichier de personne"
        case .settingsFile: "jalon.toml"
        case .table(let name): name
        }
    }
}

extension CalendarDuration.ParseError {
    var french: FrenchText {
        switch self {
        case .empty:
            "une durée est vide"
        case .noNumber(let text):
            "\"\(text)\" n'est pas une durée : on attend un nombre et une unité, comme \"-14d\" ou \"6 mois\""
        case .unknownUnit(let unit):
            "unité inconnue \"\(unit)\" ; utilisez min, h, d, w, mo, y ou wd (ou minutes, heures, jours, semaines, "
                + "mois, ans, jours ouvrés)"
        case .tooLarge(let text, let unit):
            "\"\(text)\" est une durée trop longue : au plus \(unit.maximumCount)\(unit.rawValue), environ 200 ans"
        case .compound(let text, let suggestion):
            "\"\(text)\" a deux unités, une durée n'en prend qu'une : écrivez \"\(suggestion)\""
        case .decimal(let text, let suggestion?, false):
            "\"\(text)\" n'est pas un nombre entier d'unités : écrivez \"\(suggestion)\""
        case .decimal(let text, let suggestion?, true):
            "\"\(text)\" n'est pas un nombre entier d'unités, et un mois n'a pas de longueur fixe : écrivez des mois "
                + "entiers, ou des jours, comme \"\(suggestion)\""
        case .decimal(let text, nil, _):
            "\"\(text)\" n'est pas un nombre entier d'unités : les durées comptent des unités entières"
        case .typographicSign(let text, let scalar, let suggestion):
            "\"\(text)\" commence par un tiret typographique (U+\(hex4(scalar))), pas par un signe moins : écrivez "
                + "\"\(suggestion)\""
        }
    }
}

extension CalendarDuration.Unit {
    func frenchName(_ count: Int) -> String {
        let one = count.magnitude < 2
        return switch self {
        case .minute: one ? "minute" : "minutes"
        case .hour: one ? "heure" : "heures"
        case .day: one ? "jour" : "jours"
        case .week: one ? "semaine" : "semaines"
        case .month: "mois"
        case .year: one ? "an" : "ans"
        case .workday: one ? "jour ouvré" : "jours ouvrés"
        }
    }
}

extension FrenchText {
    /// Two French texts one after the other (each already typeset), so that long catalogue lines can be split.
    static func + (lhs: FrenchText, rhs: FrenchText) -> FrenchText {
        var joined = lhs
        joined.text += rhs.text
        return joined
    }
}
