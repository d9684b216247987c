import Dispatch
import Foundation
import Synchronization

/// Everything read from a configuration directory: the settings, the people whose files are good, and every
/// problem found.
package struct Configuration: Sendable {
    package var directory: String
    package var settings: Settings
    /// People from files without errors, in byte order of their path.
    package var people: [Person]
    /// Every problem, ordered by file and position.
    package var diagnostics: [Diagnostic]
    /// How many person files were read (good or not).
    package var personFileCount: Int

    package var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// A configuration directory that cannot be used at all.
package struct ConfigurationError: Error, CustomStringConvertible {
    package var text: DiagnosticText
    /// In the default language (French): no settings could be read to say another.
    package var message: String { text.text(Settings.defaults(zone: .utc).language) }
    package var description: String { message }
}

/// The outcome of reading one person file, kept by the daemon so that a reload re-reads only what changed.
package struct PersonFile: Sendable {
    /// Relative to the configuration directory.
    package var path: String
    package var person: Person?
    package var diagnostics: [Diagnostic]
    /// Where the person's `id` is written (the start of the file when the id is the file's name): where a clash
    /// of ids is reported.
    package var idPosition: SourcePosition

    package init(path: String, person: Person?, diagnostics: [Diagnostic], idPosition: SourcePosition = .start) {
        self.path = path
        self.person = person
        self.diagnostics = diagnostics
        self.idPosition = idPosition
    }

    /// The file's name without `.toml`: the default id.
    package var stem: String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.hasSuffix(".toml") ? String(name.dropLast(".toml".count)) : name
    }

    /// Whether the file is named like `id` (`marie-dupont.toml`, or `Marie Dupont.toml`): such a file keeps the id
    /// when others claim it too.
    package func isNamed(like id: String) -> Bool {
        sameBytes(stem, id) || PersonLoader.suggestedID(stem) == id
    }
}

/// Reads a configuration directory (SPEC §1–3, §8).
package struct ConfigurationLoader: Sendable {
    package var directory: String
    package var systemZone: Zone
    package var trust: ConfigFile.Trust
    /// Told how many person files are read so far, and how many there are, as the reading goes (from any thread).
    package var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?
    /// Whether the diagnostics include notes (a spelling read as its canonical one): `jalon check` shows them; the
    /// daemon and the agenda do not.
    package var notes = false

    package init(directory: String, systemZone: Zone = .system, trust: ConfigFile.Trust = .current) {
        self.directory = directory
        self.systemZone = systemZone
        self.trust = trust
    }

    package static let settingsFile = "jalon.toml"
    package static let peopleFolder = "people"

    /// Reads the whole directory, person files in parallel.
    ///
    /// - Throws: `ConfigurationError` when the directory does not exist or cannot be read.
    package func load() throws(ConfigurationError) -> Configuration {
        var diagnostics: [Diagnostic] = []
        try checkDirectory(&diagnostics)
        if diagnostics.contains(where: { $0.severity == .error }) {
            return Configuration(
                directory: directory, settings: .defaults(zone: systemZone), people: [], diagnostics: diagnostics,
                personFileCount: 0)
        }
        let (settings, settingsDiagnostics) = loadSettings()
        let language = settings.language
        diagnostics += settingsDiagnostics
        if settings.mail.enabled, let problem = Sendmail(command: settings.mail.sendmail).problem() {
            diagnostics.append(
                Diagnostic(
                    file: Self.settingsFile, position: .start, severity: .warning,
                    text: .sendmailUnusable(problem: problem), language: language))
        }
        diagnostics += MailTemplates.load(configurationDirectory: directory, language: language).1
        let (paths, walkDiagnostics) = personFilePaths(language: language)
        diagnostics += walkDiagnostics
        diagnostics += strayFiles(language: language)
        let files = loadPersonFiles(paths, settings: settings)
        return assemble(settings: settings, files: files, diagnostics: diagnostics)
    }

    /// Puts person files together. When several files claim one person id, the file named like the id keeps it
    /// (else the first in byte order of path); each other one is in error at its `id`, naming the keeper, and is
    /// left out.
    package func assemble(settings: Settings, files: [PersonFile], diagnostics: [Diagnostic]) -> Configuration {
        var all = diagnostics
        var claimants: [String: [Int]] = [:]
        for (index, file) in files.enumerated() {
            all += file.diagnostics
            if let id = file.person?.id { claimants[id, default: []].append(index) }
        }
        var people: [Person] = []
        for (index, file) in files.enumerated() {
            guard let person = file.person, let claims = claimants[person.id] else { continue }
            let keeper =
                claims.count == 1
                ? index
                : Self.keeper(of: person.id, among: claims.map { files[$0] })
                    .map { claims[$0] } ?? index
            if keeper == index {
                people.append(person)
            } else {
                all.append(
                    Diagnostic(
                        file: file.path, position: file.idPosition, severity: .error,
                        text: .personIDTaken(id: person.id, keeper: files[keeper].path), language: settings.language))
            }
        }
        all.sort(by: Diagnostic.ordered)
        return Configuration(
            directory: directory, settings: settings, people: people, diagnostics: all, personFileCount: files.count)
    }

    /// Which of `files` (in byte order of path), all claiming `id`, keeps it: the first named like it, else the
    /// first.
    package static func keeper(of id: String, among files: [PersonFile]) -> Int? {
        guard !files.isEmpty else { return nil }
        return files.firstIndex { $0.isNamed(like: id) } ?? 0
    }

    package func absolute(_ relative: String) -> String {
        directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
    }

    private func checkDirectory(_ diagnostics: inout [Diagnostic]) throws(ConfigurationError) {
        var st = stat()
        guard stat(directory, &st) == 0 else {
            throw ConfigurationError(
                text: .directoryUnusable(path: directory, reason: SystemText(errno: errno)))
        }
        guard st.st_mode & S_IFMT == S_IFDIR else {
            throw ConfigurationError(text: .notADirectory(path: directory))
        }
        if let problem = trust.problem(with: st) {
            diagnostics.append(
                Diagnostic(file: ".", position: .start, severity: .error, message: .untrusted(.directory, problem)))
        }
    }

    /// `jalon.toml`, or the defaults when there is none. With errors, the settings are those that could be read
    /// (every other key keeps its default); the diagnostics are in the language the file declares, else French.
    package func loadSettings() -> (Settings, [Diagnostic]) {
        let path = absolute(Self.settingsFile)
        var st = stat()
        guard lstat(path, &st) == 0 else { return (.defaults(zone: systemZone), []) }
        let collector = DiagnosticCollector()
        switch ConfigFile.read(path, trust: trust) {
        case .refused(let problem, let position):
            collector.error(problem, at: position)
            return (
                .defaults(zone: systemZone),
                collector.resolved(file: Self.settingsFile, document: nil, language: .fr, notes: notes)
            )
        case .text(let text):
            let document = ConfigFile.document(text)
            collector.record(document.errors)
            let settings = SettingsLoader.load(document.table, diagnostics: collector, systemZone: systemZone)
            return (
                settings,
                collector.resolved(
                    file: Self.settingsFile, document: document.table, language: settings.language, notes: notes)
            )
        }
    }

    /// Every `*.toml` under `people/`, at any depth, in byte order; names starting with `.` are skipped. Files that
    /// look like person files but are not read (`x.toml.txt`, `x.TOML`) are warnings in `language`.
    package func personFilePaths(language: Language = .fr) -> ([String], [Diagnostic]) {
        var paths: [String] = []
        var diagnostics: [Diagnostic] = []
        var st = stat()
        guard lstat(absolute(Self.peopleFolder), &st) == 0 else { return ([], []) }
        walk(Self.peopleFolder, into: &paths, diagnostics: &diagnostics, language: language)
        paths.sort(by: bytesPrecede)
        return (paths, diagnostics)
    }

    private func walk(
        _ relative: String, into paths: inout [String], diagnostics: inout [Diagnostic], language: Language
    ) {
        func problem(_ text: DiagnosticText, _ severity: Diagnostic.Severity = .error, file: String = relative) {
            diagnostics.append(
                Diagnostic(file: file, position: .start, severity: severity, text: text, language: language))
        }
        let path = absolute(relative)
        var st = stat()
        guard stat(path, &st) == 0, st.st_mode & S_IFMT == S_IFDIR else {
            problem(.notAFolder)
            return
        }
        if let untrusted = trust.problem(with: st) {
            problem(.untrusted(.folder, untrusted))
            return
        }
        guard let dir = opendir(path) else {
            problem(.cannotRead(reason: SystemText(errno: errno)))
            return
        }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = entry.entryName
            if name.hasPrefix(".") { continue }
            let child = relative + "/" + name
            var childStat = stat()
            guard lstat(absolute(child), &childStat) == 0 else { continue }
            switch childStat.st_mode & S_IFMT {
            case S_IFDIR:
                walk(child, into: &paths, diagnostics: &diagnostics, language: language)
            case S_IFREG, S_IFLNK:
                // A symbolic link to a file is read like the file (ConfigFile checks what it points to); links to
                // folders are not followed, so that no cycle can form.
                if childStat.st_mode & S_IFMT == S_IFLNK {
                    var target = stat()
                    if stat(absolute(child), &target) == 0 && target.st_mode & S_IFMT == S_IFDIR { continue }
                }
                if name.hasSuffix(".toml") {
                    paths.append(child)
                } else if let stem = Self.misnamedPersonFile(name) {
                    problem(.ignoredFile(.personSuffix(suggestion: stem + ".toml")), .warning, file: child)
                }
            default:
                continue
            }
        }
    }

    /// The name without its extension when `name` looks like a person file that jalon does not read: `.toml` in
    /// another case (`x.TOML`), or `.toml.txt` (what some editors save).
    static func misnamedPersonFile(_ name: String) -> String? {
        let lower = name.lowercased()
        for suffix in [".toml.txt", ".toml"] where lower.hasSuffix(suffix) && name.utf8.count > suffix.utf8.count {
            return String(name.dropLast(suffix.count))
        }
        return nil
    }

    /// Configuration that is not where jalon reads it: `.toml` files outside `people/` (a misspelt `jalon.toml`
    /// among them), and no `people/` folder at all. Folders below the top level are looked into up to 4 levels
    /// and 2,000 entries.
    private func strayFiles(language: Language) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func warn(_ text: DiagnosticText, _ file: String) {
            diagnostics.append(
                Diagnostic(file: file, position: .start, severity: .warning, text: text, language: language))
        }
        var st = stat()
        if lstat(absolute(Self.peopleFolder), &st) != 0 { warn(.noPeopleFolder, ".") }
        var budget = 2000
        func look(_ relative: String, depth: Int) {
            guard let dir = opendir(relative.isEmpty ? directory : absolute(relative)) else { return }
            defer { closedir(dir) }
            var names: [String] = []
            while let entry = readdir(dir), budget > 0 {
                budget -= 1
                let name = entry.entryName
                if !name.hasPrefix(".") { names.append(name) }
            }
            for name in names.sorted(by: bytesPrecede) {
                let child = relative.isEmpty ? name : relative + "/" + name
                var childStat = stat()
                guard stat(absolute(child), &childStat) == 0 else { continue }
                if childStat.st_mode & S_IFMT == S_IFDIR {
                    let skipped = relative.isEmpty && (name == Self.peopleFolder || name == MailTemplates.folder)
                    if !skipped && depth < 4 { look(child, depth: depth + 1) }
                } else if childStat.st_mode & S_IFMT == S_IFREG, !(relative.isEmpty && name == Self.settingsFile) {
                    let lower = name.lowercased()
                    // A backup (`jalon.toml~`, `jalon.toml.bak`) is meant to be left alone.
                    if relative.isEmpty && (lower == Self.settingsFile || lower == Self.settingsFile + ".txt") {
                        warn(.ignoredFile(.settingsName), child)
                    } else if lower.hasSuffix(".toml") || lower.hasSuffix(".toml.txt") {
                        warn(.ignoredFile(.outsidePeople), child)
                    }
                }
            }
        }
        look("", depth: 0)
        return diagnostics
    }

    /// Reads person files in parallel (on the daemon's quiet queues, see `QuietDispatch`); the result is in the
    /// order of `paths`.
    package func loadPersonFiles(_ paths: [String], settings: Settings) -> [PersonFile] {
        let results = UnsafeMutableBufferPointer<PersonFile>.allocate(capacity: paths.count)
        defer { results.deallocate() }
        nonisolated(unsafe) let slots = results
        let done = Atomic<Int>(0)
        let progress = self.progress
        progress?(0, paths.count)
        QuietDispatch.perform(iterations: paths.count) { index in
            (slots.baseAddress! + index).initialize(to: loadPersonFile(paths[index], settings: settings))
            if let progress { progress(done.add(1, ordering: .relaxed).newValue, paths.count) }
        }
        let files = Array(results)
        _ = results.baseAddress.map { $0.deinitialize(count: paths.count) }
        return files
    }

    /// Reads one person file.
    package func loadPersonFile(_ relative: String, settings: Settings) -> PersonFile {
        personFile(relative, ConfigFile.read(absolute(relative), trust: trust), settings: settings)
    }

    /// A person file from its bytes, as if read at `relative` (the fuzzer feeds it without touching the disk).
    package static func personFile(
        _ relative: String, bytes: [UInt8], settings: Settings, notes: Bool = false
    ) -> PersonFile {
        let outcome: ConfigFile.Outcome =
            bytes.count > ConfigFile.maximumSize
            ? .refused(message: .tooLarge(bytes: bytes.count), position: .start)
            : ConfigFile.decode(bytes)
        var loader = ConfigurationLoader(directory: "/nonexistent", systemZone: settings.zone)
        loader.notes = notes
        return loader.personFile(relative, outcome, settings: settings)
    }

    private func personFile(_ relative: String, _ outcome: ConfigFile.Outcome, settings: Settings) -> PersonFile {
        let collector = DiagnosticCollector()
        let name = relative.split(separator: "/").last.map(String.init) ?? relative
        let stem = String(name.dropLast(".toml".count))
        let language = settings.language
        switch outcome {
        case .refused(let problem, let position):
            collector.error(problem, at: position)
            return PersonFile(
                path: relative, person: nil,
                diagnostics: collector.resolved(file: relative, document: nil, language: language, notes: notes))
        case .text(let text):
            let document = ConfigFile.document(text)
            collector.record(document.errors)
            let person = PersonLoader.load(
                document.table, file: relative, fileStem: stem, settings: settings, diagnostics: collector)
            return PersonFile(
                path: relative, person: document.errors.isEmpty ? person : nil,
                diagnostics: collector.resolved(
                    file: relative, document: document.table, language: language, notes: notes),
                idPosition: document.table.position(of: "id") ?? .start)
        }
    }
}
