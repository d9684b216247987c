/// `[calendar]` in `jalon.toml`: where the daemon keeps its calendar file.
///
/// ```toml
/// [calendar]
/// file = "/home/claire/Agenda/jalon.ics"   # default: calendar.ics in the state directory
/// ```
extension SettingsLoader {
    static func loadCalendar(_ table: TOML.Table, at path: TOMLPath, diagnostics: DiagnosticCollector) -> String? {
        var reader = TableReader(table, at: path, context: .table("[calendar]"), diagnostics: diagnostics)
        defer { reader.finish() }
        guard let file = reader.string("file") else { return nil }
        guard file.hasPrefix("/"), !file.hasSuffix("/"), !file.unicodeScalars.contains(where: isControl) else {
            reader.error(.calendarFilePath, key: "file")
            return nil
        }
        return file
    }
}
