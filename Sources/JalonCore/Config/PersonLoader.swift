/// A person file → `Person` (SPEC §3).
enum PersonLoader {
    /// Reads one person file; returns nil when it has an error (the problems are in `diagnostics`).
    ///
    /// - Parameters:
    ///   - fileStem: the file name without `.toml`, the default id.
    ///   - settings: for the consultants the file may name, and the policies that say whom reminders reach.
    static func load(
        _ document: TOML.Table, file: String, fileStem: String, settings: Settings,
        diagnostics: DiagnosticCollector
    ) -> Person? {
        var reader = TableReader(document, at: [], context: .personFile, diagnostics: diagnostics)
        var id = reader.identifier("id")
        if !reader.has("id") {
            if isIdentifier(fileStem) {
                id = fileStem
            } else {
                diagnostics.error(
                    .fileNameNotID(stem: printable(fileStem), suggestion: suggestedID(fileStem)),
                    at: SourcePosition.start)
            }
        } else if let id, id != fileStem, id != suggestedID(fileStem) {
            reader.warning(.idDiffersFromFileName(id: id, fileName: printable(fileStem) + ".toml"), key: "id")
        }
        let name = reader.headerText("name")
        let email = reader.mailbox("email", notAddress: DiagnosticText.notAnAddress)
        var consultant = reader.identifier("consultant")
        if let wanted = consultant, settings.consultants[wanted] == nil {
            let known = settings.consultants.keys.sorted()
            let hint: DiagnosticText.ConsultantHint =
                if let suggestion = closest(to: wanted, among: known) {
                    .suggestion(suggestion)
                } else if known.isEmpty {
                    .noneDeclared
                } else {
                    .declared(known)
                }
            reader.error(.unknownConsultant(value: wanted, hint), key: "consultant")
            consultant = nil
        }
        let zone = reader.zone("timezone")
        let holidays = reader.choice("holidays", HolidaySet.self)
        let remindAt = reader.timeOfDay("remind_at")
        let suivi = reader.bool("suivi") ?? true
        let bilan = DossierLoader.bilanTerms(&reader)
        let language = reader.choice("locale", Language.self)

        var items: [Item] = []
        var seen: [String: String] = [:]
        /// Whether `itemID` may be taken by an item of `section`: not reserved, not taken by another.
        func claim(_ itemID: String, _ section: String, at path: TOMLPath) -> Bool {
            if itemID == "suivi" {
                diagnostics.error(.reservedItemID, at: path + [.key("id")])
            } else if let other = seen[itemID] {
                diagnostics.error(.duplicateItemID(id: itemID, section: other), at: path + [.key("id")])
            } else {
                seen[itemID] = section
                return true
            }
            return false
        }
        let sections: [(String, ItemKind)] = [("session", .session), ("deadline", .deadline), ("training", .renewal)]
        for (key, kind) in sections {
            for (table, path) in reader.arrayOfTables(key) {
                let (itemID, item) = loadItem(
                    table, kind: kind, section: key, at: path, catalog: settings.catalog, diagnostics: diagnostics)
                // An item with other problems still holds its id, so that a duplicate is reported at once.
                if let itemID, claim(itemID, key, at: path), let item { items.append(item) }
            }
        }
        var dossiers: [Dossier] = []
        let calendar = WorkCalendar(zone: zone ?? settings.zone, holidays: holidays ?? settings.holidays)
        for (table, path) in reader.arrayOfTables("dossier") {
            let (dossierID, dossier) = DossierLoader.load(
                table, at: path, calendar: calendar, rules: .builtIn, diagnostics: diagnostics)
            if let dossierID, claim(dossierID, "dossier", at: path), let dossier { dossiers.append(dossier) }
        }
        reader.finish()
        guard let id, !diagnostics.hasErrors else { return nil }
        let person = Person(
            id: id, name: name ?? email?.name ?? id, email: email?.address, consultant: consultant, zone: zone,
            holidays: holidays, remindAt: remindAt, suivi: suivi, items: items, file: file,
            dossiers: dossiers, bilan: bilan, language: language)
        if settings.mail.enabled && person.email == nil && remindsThemselves(person, settings: settings) {
            diagnostics.warning(.unreachablePerson, at: [.key("name")])
        }
        let inviteByDefault = settings.policy(.session).invite
        let invited = person.items.filter { $0.kind == .session && !$0.done && ($0.invite ?? inviteByDefault) }
        if person.email == nil && !invited.isEmpty {
            diagnostics.warning(.uninvitablePerson(sessions: invited.map(\.id)), at: [.key("name")])
        }
        return person
    }

    /// The id a file name suggests: `Élodie Fabre` → `elodie-fabre` (lower case, no accents, a dash for each run of
    /// other characters, at most 64 characters); `marie-dupont` when nothing of the name is left.
    static func suggestedID(_ stem: String) -> String {
        var id = ""
        var dash = false
        for scalar in foldedSpelling(stem).unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "." || scalar == "_" {
                if dash && !id.isEmpty { id.append("-") }
                dash = false
                id.unicodeScalars.append(scalar)
            } else {
                dash = true
            }
        }
        while let first = id.first, !first.isLetter && !first.isNumber { id.removeFirst() }
        id = String(id.prefix(64))
        return isIdentifier(id) ? id : "marie-dupont"
    }

    /// Whether some reminder of the person's items is addressed to the person (SPEC §3, §5): their `to`, their
    /// follow-ups' `to`, or the derived follow-up interview's.
    private static func remindsThemselves(_ person: Person, settings: Settings) -> Bool {
        for item in person.items where !item.done {
            let policy = settings.policy(item.kind)
            let to = item.to ?? policy.to
            if !(item.remind ?? policy.remind).isEmpty && to.contains(.person) { return true }
            if item.kind != .session, let followUp = item.followUp ?? policy.followUp, followUp.count > 0,
                (followUp.to ?? to).contains(.person)
            {
                return true
            }
        }
        let sessions = person.items.filter { $0.kind == .session }
        if person.suivi, sessions.contains(where: { $0.phase == .conclusion }),
            !sessions.contains(where: { $0.phase == .suivi })
        {
            let policy = settings.policy(.suivi)
            return !policy.remind.isEmpty && policy.to.contains(.person)
        }
        return false
    }

    private static func loadItem(
        _ table: TOML.Table, kind: ItemKind, section: String, at path: TOMLPath,
        catalog entries: [String: CatalogEntry],
        diagnostics: DiagnosticCollector
    ) -> (id: String?, item: Item?) {
        var reader = TableReader(table, at: path, context: .table("[[\(section)]]"), diagnostics: diagnostics)
        defer { reader.finish() }
        let id = reader.identifier("id")
        if !reader.has("id") {
            diagnostics.error(.missingID(section: section, example: "s1"), at: path)
        }
        let title = reader.headerText("title")
        let overrides = ItemOverrides.read(&reader, kind: kind)
        if kind == .session, reader.has("follow_up") {
            reader.warning(.followUpOnSession, key: "follow_up")
        }
        var done = false
        var doneOn: LocalDate?
        if let node = reader.value("done") {
            if let flag = reader.doneFlag(node) {
                (done, doneOn) = flag
            } else {
                reader.mismatch("done", expected: .doneValue, found: node)
            }
        }

        var base: Item.Base?
        var phase: Phase?
        var duration: CalendarDuration?
        var place: String?
        var trainingKind: String?
        switch kind {
        case .session:
            phase = reader.choice("phase", Phase.self)
            duration = reader.duration("duration")
            place = reader.string("place")
            if let node = reader.value("at") {
                switch node {
                case .dateTime(let local, let offset, let nanoseconds):
                    if nanoseconds != 0 { reader.note(.fractionalSeconds(key: "at"), key: "at") }
                    base = .when(offset.map { .offset(local, minutes: $0) } ?? .local(local))
                case .date(let date):
                    reader.error(.sessionDateOnly(date: "\(date)"), key: "at")
                default:
                    reader.mismatch("at", expected: .sessionDateTime, found: node)
                }
            } else if !reader.has("at") {
                diagnostics.error(.missingAt, at: path)
            }
        case .deadline:
            if let node = reader.value("due") {
                switch node {
                case .date(let date): base = .when(.date(date))
                case .dateTime(let local, let offset, let nanoseconds):
                    if nanoseconds != 0 { reader.note(.fractionalSeconds(key: "due"), key: "due") }
                    base = .when(offset.map { .offset(local, minutes: $0) } ?? .local(local))
                default: reader.mismatch("due", expected: .dateOrDateTime, found: node)
                }
            } else if !reader.has("due") {
                diagnostics.error(.missingDue, at: path)
            }
        case .renewal:
            trainingKind = reader.string("kind")
            let catalog = trainingKind.flatMap { entries[$0] }
            if let wanted = trainingKind, catalog == nil {
                let known = entries.keys.sorted()
                reader.error(
                    .unknownTrainingKind(
                        value: printable(wanted), suggestion: closest(to: wanted, among: known), catalog: known),
                    key: "kind")
            }
            let obtained = reader.date("obtained")
            let validFor = reader.duration("valid_for")
            let expires = reader.date("expires")
            if let validFor, validFor.count <= 0 {
                reader.error(.validForNotPositive, key: "valid_for")
            }
            if let expires {
                if reader.has("obtained") || reader.has("valid_for") {
                    reader.error(.expiresAndObtained, key: "expires")
                } else {
                    base = .expires(expires)
                }
            } else if let obtained {
                if let validity = validFor ?? catalog?.validity {
                    if validity.count > 0 { base = .obtained(obtained, validity: validity) }
                } else if (trainingKind == nil || catalog != nil) && !reader.has("valid_for") {
                    reader.error(.noValidity, key: "obtained")
                }
            } else if !reader.has("obtained") && !reader.has("expires") {
                diagnostics.error(.trainingWithoutDate, at: path)
            }
        case .suivi, .dossier, .retention, .agreement, .evaluation:
            break
        }
        guard let id, let base else { return (id, nil) }
        return (
            id,
            Item(
                id: id, kind: kind, title: title, base: base, phase: phase, duration: duration, place: place,
                trainingKind: trainingKind, remind: overrides.remind, to: overrides.to, followUp: overrides.followUp,
                onNonWorking: overrides.onNonWorking, done: done, doneOn: doneOn, invite: overrides.invite)
        )
    }

    /// A local date; a date-time is refused, since `remind_at` gives the time.
}
