/// When a renewal may be asked for, relative to the expiry: `opens` is the earliest date, `closes` the latest; either
/// may be missing (a card renewed "at least three months before" has no earliest date).
package struct RenewalWindow: Hashable, Sendable {
    package var opens: CalendarDuration?
    package var closes: CalendarDuration?

    package init(opens: CalendarDuration?, closes: CalendarDuration?) {
        self.opens = opens
        self.closes = closes
    }
}

/// One kind of training the catalogue knows: its default title, how long it lasts, when it may be renewed, and where
/// the figures come from.
package struct CatalogEntry: Hashable, Sendable {
    package var kind: String
    package var title: String
    package var validity: CalendarDuration
    package var window: RenewalWindow?
    package var source: String?
    /// The date the source was last read.
    package var checked: LocalDate?

    package init(
        kind: String, title: String, validity: CalendarDuration, window: RenewalWindow? = nil, source: String? = nil,
        checked: LocalDate? = nil
    ) {
        self.kind = kind
        self.title = title
        self.validity = validity
        self.window = window
        self.source = source
        self.checked = checked
    }
}

/// The renewal catalogue: the entries of `Rules/catalog.toml`, compiled into jalon, that `[[catalog]]` tables of
/// `jalon.toml` extend and override.
package enum RenewalCatalog {
    /// The built-in entries, by kind.
    package static let builtIn: [String: CatalogEntry] = {
        let (entries, problems) = parse(String(decoding: PackageResources.catalog_toml, as: UTF8.self))
        precondition(problems.isEmpty, "Rules/catalog.toml has problems: \(problems)")
        return entries
    }()

    /// The entries of a catalogue text, and the problems it has (the built-in one has none: a test says so).
    package static func parse(_ text: String) -> (entries: [String: CatalogEntry], problems: [DiagnosticText]) {
        let document = ConfigFile.document(text)
        let collector = DiagnosticCollector()
        collector.record(document.errors)
        var entries: [String: CatalogEntry] = [:]
        var reader = TableReader(document.table, at: [], context: .table("catalog.toml"), diagnostics: collector)
        for (table, path) in reader.arrayOfTables("catalog") {
            if let entry = CatalogEntryReader.read(table, at: path, over: entries, diagnostics: collector) {
                entries[entry.kind] = entry
            }
        }
        reader.finish()
        return (entries, collector.entries.map(\.text))
    }
}

/// Reads one `[[catalog]]` table, in the built-in catalogue or in `jalon.toml`.
enum CatalogEntryReader {
    /// The entry the table describes: a new kind, or the keys it names over the entry of `existing` with its kind.
    /// Nil when it has an error (reported at its place).
    static func read(
        _ table: TOML.Table, at path: TOMLPath, over existing: [String: CatalogEntry],
        diagnostics: DiagnosticCollector
    ) -> CatalogEntry? {
        var reader = TableReader(table, at: path, context: .table("[[catalog]]"), diagnostics: diagnostics)
        defer { reader.finish() }
        let kind = reader.identifier("kind")
        if !reader.has("kind") {
            diagnostics.error(.rules(.catalogWithoutKind), at: path)
        }
        let title = reader.headerText("title")
        let validity = reader.duration("validity")
        if let validity, validity.count <= 0 {
            reader.error(.rules(.catalogValidityNotPositive), key: "validity")
        }
        let window = readWindow(&reader)
        let source = reader.string("source")
        let checked = reader.date("checked")
        // What the people who keep the catalogue read: jalon does not use them.
        for key in ["source_date", "confidence", "note"] { _ = reader.string(key) }

        guard let kind else { return nil }
        let base = existing[kind]
        if base == nil && validity == nil && !reader.has("validity") {
            diagnostics.error(.rules(.catalogWithoutValidity(kind: kind)), at: path + [.key("kind")])
            return nil
        }
        guard let validity = validity ?? base?.validity, validity.count > 0 else { return nil }
        if reader.has("window") && window == nil { return nil }
        return CatalogEntry(
            kind: kind, title: title ?? base?.title ?? kind, validity: validity, window: window ?? base?.window,
            source: source ?? base?.source, checked: checked ?? base?.checked)
    }

    /// `window = { opens = "-1 year", closes = "-3 months" }`: both before (or at) the expiry, `opens` first.
    private static func readWindow(_ reader: inout TableReader) -> RenewalWindow? {
        guard let table = reader.table("window") else { return nil }
        var sub = TableReader(
            table, at: reader.keyPath("window"), context: .table("`window`"), diagnostics: reader.diagnostics)
        defer { sub.finish() }
        let opens = sub.duration("opens")
        let closes = sub.duration("closes")
        var good = true
        for (key, value) in [("opens", opens), ("closes", closes)] {
            if let value, value.count > 0 {
                sub.error(.rules(.windowAfterExpiry(key: key)), key: key)
                good = false
            }
        }
        if opens == nil && closes == nil {
            if !sub.has("opens") && !sub.has("closes") { reader.error(.rules(.windowEmpty), key: "window") }
            return nil
        }
        if let opens, let closes, good, opensAfter(opens, closes) {
            sub.error(.rules(.windowBackwards), key: "closes")
            good = false
        }
        return good ? RenewalWindow(opens: opens, closes: closes) : nil
    }

    /// Whether `opens` comes after `closes`, both counted back from the same expiry: compared on a fixed date.
    private static func opensAfter(_ opens: CalendarDuration, _ closes: CalendarDuration) -> Bool {
        let calendar = WorkCalendar(zone: .utc, holidays: .none)
        let expiry = calendar.zoned(LocalDateTime(LocalDate(year: 2030, month: 6, day: 15), .midnight))
        return calendar.adding(opens, to: expiry).instant > calendar.adding(closes, to: expiry).instant
    }
}
