/// A person file → `Person` (SPEC §3).
enum PersonLoader {
    /// Reads one person file; returns nil when it has an error (the problems are in `diagnostics`).
    ///
    /// - Parameters:
    ///   - fileStem: the file name without `.toml`, the default id.
    ///   - settings: for the consultants the file may name.
    static func load(
        _ document: TOML.Table, file: String, fileStem: String, settings: Settings,
        diagnostics: DiagnosticCollector
    ) -> Person? {
        var reader = TableReader(document, at: [], context: "a person file", diagnostics: diagnostics)
        var id = reader.identifier("id")
        if !reader.has("id") {
            if isIdentifier(fileStem) {
                id = fileStem
            } else {
                diagnostics.error(
                    "the file name \"\(printable(fileStem))\" is not a valid person id; add a line like "
                        + "id = \"marie-dupont\" (a-z, 0-9, '.', '_', '-')", at: SourcePosition.start)
            }
        }
        let name = reader.headerText("name")
        let email = reader.emailAddress("email")
        var consultant = reader.identifier("consultant")
        if let wanted = consultant, settings.consultants[wanted] == nil {
            let known = settings.consultants.keys.sorted()
            var message = "unknown consultant \"\(wanted)\""
            if let suggestion = closest(to: wanted, among: known) {
                message += " (did you mean \"\(suggestion)\"?)"
            } else if known.isEmpty {
                message += ": jalon.toml declares no [[consultant]]"
            } else {
                message += "; jalon.toml declares " + known.map { "\"\($0)\"" }.joined(separator: ", ")
            }
            reader.error(message, key: "consultant")
            consultant = nil
        }
        let zone = reader.zone("timezone")
        let holidays = reader.choice("holidays", HolidaySet.self)
        let remindAt = reader.timeOfDay("remind_at")
        let suivi = reader.bool("suivi") ?? true

        var items: [Item] = []
        var seen: [String: String] = [:]
        let sections: [(String, ItemKind)] = [("session", .session), ("deadline", .deadline), ("training", .renewal)]
        for (key, kind) in sections {
            for (table, path) in reader.arrayOfTables(key) {
                let (itemID, item) = loadItem(table, kind: kind, section: key, at: path, diagnostics: diagnostics)
                // An item with other problems still holds its id, so that a duplicate is reported at once.
                guard let itemID else { continue }
                if itemID == "suivi" {
                    diagnostics.error(
                        "the item id \"suivi\" is reserved for the follow-up interview jalon derives; choose another",
                        at: path + [.key("id")])
                } else if let other = seen[itemID] {
                    diagnostics.error(
                        "item id \"\(itemID)\" is already used by a [[\(other)]] of this person; item ids are unique "
                            + "within a person", at: path + [.key("id")])
                } else {
                    seen[itemID] = key
                    if let item { items.append(item) }
                }
            }
        }
        reader.finish()
        guard let id, !diagnostics.hasErrors else { return nil }
        return Person(
            id: id, name: name ?? id, email: email, consultant: consultant, zone: zone, holidays: holidays,
            remindAt: remindAt, suivi: suivi, items: items, file: file)
    }

    private static func loadItem(
        _ table: TOML.Table, kind: ItemKind, section: String, at path: TOMLPath,
        diagnostics: DiagnosticCollector
    ) -> (id: String?, item: Item?) {
        var reader = TableReader(table, at: path, context: "[[\(section)]]", diagnostics: diagnostics)
        defer { reader.finish() }
        let id = reader.identifier("id")
        if !reader.has("id") {
            diagnostics.error("this [[\(section)]] has no `id`; give it one, like id = \"s1\"", at: path)
        }
        let title = reader.headerText("title")
        let overrides = ItemOverrides.read(&reader, kind: kind)
        if kind == .session, reader.has("follow_up") {
            reader.warning("`follow_up` has no effect on a session: sessions get no follow-ups", key: "follow_up")
        }
        var done = false
        var doneOn: LocalDate?
        if let node = reader.value("done") {
            switch node {
            case .bool(let flag): done = flag
            case .date(let date): (done, doneOn) = (true, date)
            case .dateTime(let local, _): (done, doneOn) = (true, local.date)
            default: reader.mismatch("done", expected: "true, false or the date it was done", found: node)
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
                case .dateTime(let local, let offset):
                    base = .when(offset.map { .offset(local, minutes: $0) } ?? .local(local))
                case .date(let date):
                    reader.error(
                        "a session needs a time: write at = \(date)T14:00:00 (a local date-time), not a date alone",
                        key: "at")
                default:
                    reader.mismatch("at", expected: "a date-time like 2026-09-08T14:00:00", found: node)
                }
            } else {
                diagnostics.error("this [[session]] has no `at`: when does it take place?", at: path)
            }
        case .deadline:
            if let node = reader.value("due") {
                switch node {
                case .date(let date): base = .when(.date(date))
                case .dateTime(let local, let offset):
                    base = .when(offset.map { .offset(local, minutes: $0) } ?? .local(local))
                default: reader.mismatch("due", expected: "a date or a date-time", found: node)
                }
            } else {
                diagnostics.error("this [[deadline]] has no `due` date", at: path)
            }
        case .renewal:
            trainingKind = reader.string("kind")
            let catalog = trainingKind.flatMap { TrainingKind.catalog[$0] }
            if let wanted = trainingKind, catalog == nil {
                var message = "unknown training kind \"\(printable(wanted))\""
                let known = TrainingKind.catalog.keys.sorted()
                if let suggestion = closest(to: wanted, among: known) {
                    message += " (did you mean \"\(suggestion)\"?)"
                } else {
                    message += "; the catalog has " + known.joined(separator: ", ")
                }
                message += "; or leave out `kind` and give `title` and `valid_for`"
                reader.error(message, key: "kind")
            }
            let obtained = date(&reader, "obtained")
            let validFor = reader.duration("valid_for")
            let expires = date(&reader, "expires")
            if let validFor, validFor.count <= 0 {
                reader.error("`valid_for` must be positive, like \"24 months\"", key: "valid_for")
            }
            if let expires {
                if reader.has("obtained") || reader.has("valid_for") {
                    reader.error(
                        "give either `expires`, or `obtained` with a validity, not both", key: "expires")
                } else {
                    base = .expires(expires)
                }
            } else if let obtained {
                if let validity = validFor ?? catalog?.validity {
                    if validity.count > 0 { base = .obtained(obtained, validity: validity) }
                } else if trainingKind == nil || catalog != nil {
                    reader.error(
                        "no validity for this training: add valid_for = \"24 months\", a catalog `kind`, or `expires`",
                        key: "obtained")
                }
            } else if !reader.has("obtained") && !reader.has("expires") {
                diagnostics.error(
                    "this [[training]] has neither `obtained` nor `expires`: when does it run out?", at: path)
            }
        case .suivi:
            break
        }
        guard let id, let base else { return (id, nil) }
        return (id, Item(
            id: id, kind: kind, title: title, base: base, phase: phase, duration: duration, place: place,
            trainingKind: trainingKind, remind: overrides.remind, to: overrides.to, followUp: overrides.followUp,
            onNonWorking: overrides.onNonWorking, done: done, doneOn: doneOn))
    }

    /// A local date; a date-time is refused, since `remind_at` gives the time.
    private static func date(_ reader: inout TableReader, _ key: String) -> LocalDate? {
        guard let node = reader.value(key) else { return nil }
        guard case .date(let date) = node else {
            reader.mismatch(key, expected: "a date like 2025-05-12", found: node)
            return nil
        }
        return date
    }
}
