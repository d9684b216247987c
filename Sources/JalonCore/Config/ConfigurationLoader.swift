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
    package var message: String
    package var description: String { message }
}

/// The outcome of reading one person file, kept by the daemon so that a reload re-reads only what changed.
package struct PersonFile: Sendable {
    /// Relative to the configuration directory.
    package var path: String
    package var person: Person?
    package var diagnostics: [Diagnostic]
}

/// Reads a configuration directory (SPEC §1–3, §8).
package struct ConfigurationLoader: Sendable {
    package var directory: String
    package var systemZone: Zone
    package var trust: ConfigFile.Trust
    /// Told how many person files are read so far, and how many there are, as the reading goes (from any thread).
    package var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?

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
        diagnostics += settingsDiagnostics
        if settings.mail.enabled, let problem = Sendmail(command: settings.mail.sendmail).problem() {
            diagnostics.append(
                Diagnostic(
                    file: Self.settingsFile, position: .start, severity: .warning,
                    message: problem + "; messages would wait in the queue until it can"))
        }
        diagnostics += MailTemplates.load(configurationDirectory: directory).1
        let (paths, walkDiagnostics) = personFilePaths()
        diagnostics += walkDiagnostics
        let files = loadPersonFiles(paths, settings: settings)
        return assemble(settings: settings, files: files, diagnostics: diagnostics)
    }

    /// Puts person files together: a person id that an earlier file (in byte order of path) already holds is an
    /// error in the later file, which is then left out.
    package func assemble(settings: Settings, files: [PersonFile], diagnostics: [Diagnostic]) -> Configuration {
        var all = diagnostics
        var people: [Person] = []
        var owners: [String: String] = [:]
        for file in files {
            all += file.diagnostics
            guard let person = file.person else { continue }
            if let other = owners[person.id] {
                let position = idPosition(in: file.path)
                all.append(
                    Diagnostic(
                        file: file.path, position: position, severity: .error,
                        message: "person id \"\(person.id)\" is already used by \(other); person ids are unique "
                            + "across the directory"))
                continue
            }
            owners[person.id] = file.path
            people.append(person)
        }
        all.sort(by: Diagnostic.ordered)
        return Configuration(
            directory: directory, settings: settings, people: people, diagnostics: all, personFileCount: files.count)
    }

    /// Where the `id` key of a person file is, or its start when the id comes from the file name.
    private func idPosition(in path: String) -> SourcePosition {
        guard case .text(let text) = ConfigFile.read(absolute(path), trust: trust),
            let document = try? TOML.parse(text)
        else { return .start }
        return document.position(of: "id") ?? .start
    }

    package func absolute(_ relative: String) -> String {
        directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
    }

    private func checkDirectory(_ diagnostics: inout [Diagnostic]) throws(ConfigurationError) {
        var st = stat()
        guard stat(directory, &st) == 0 else {
            throw ConfigurationError(
                message: "cannot use the configuration directory \(directory): \(String(cString: strerror(errno)))")
        }
        guard st.st_mode & S_IFMT == S_IFDIR else {
            throw ConfigurationError(message: "\(directory) is not a directory")
        }
        if let problem = trust.problem(with: st, what: "the configuration directory") {
            diagnostics.append(
                Diagnostic(
                    file: ".", position: .start, severity: .error,
                    message: problem + "; nothing in it is read"))
        }
    }

    /// `jalon.toml`, or the defaults when there is none.
    package func loadSettings() -> (Settings, [Diagnostic]) {
        let path = absolute(Self.settingsFile)
        var st = stat()
        guard lstat(path, &st) == 0 else { return (.defaults(zone: systemZone), []) }
        let collector = DiagnosticCollector()
        switch ConfigFile.read(path, trust: trust) {
        case .refused(let message, let position):
            collector.error(message, at: position)
            return (.defaults(zone: systemZone), collector.resolved(file: Self.settingsFile, document: nil))
        case .text(let text):
            do throws(TOML.SyntaxError) {
                let document = try TOML.parse(text)
                let settings = SettingsLoader.load(document, diagnostics: collector, systemZone: systemZone)
                return (settings, collector.resolved(file: Self.settingsFile, document: document))
            } catch {
                collector.error(error.message, at: SourcePosition(line: error.line, column: error.column))
                return (.defaults(zone: systemZone), collector.resolved(file: Self.settingsFile, document: nil))
            }
        }
    }

    /// Every `*.toml` under `people/`, at any depth, in byte order; names starting with `.` are skipped.
    package func personFilePaths() -> ([String], [Diagnostic]) {
        var paths: [String] = []
        var diagnostics: [Diagnostic] = []
        var st = stat()
        guard lstat(absolute(Self.peopleFolder), &st) == 0 else { return ([], []) }
        walk(Self.peopleFolder, into: &paths, diagnostics: &diagnostics)
        paths.sort(by: bytesPrecede)
        return (paths, diagnostics)
    }

    private func walk(_ relative: String, into paths: inout [String], diagnostics: inout [Diagnostic]) {
        let path = absolute(relative)
        var st = stat()
        guard stat(path, &st) == 0, st.st_mode & S_IFMT == S_IFDIR else {
            diagnostics.append(
                Diagnostic(file: relative, position: .start, severity: .error, message: "is not a readable folder"))
            return
        }
        if let problem = trust.problem(with: st, what: "this folder") {
            diagnostics.append(
                Diagnostic(
                    file: relative, position: .start, severity: .error,
                    message: problem + "; the files in it are refused"))
            return
        }
        guard let dir = opendir(path) else {
            diagnostics.append(
                Diagnostic(
                    file: relative, position: .start, severity: .error,
                    message: "cannot be read: \(String(cString: strerror(errno)))"))
            return
        }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name.hasPrefix(".") { continue }
            let child = relative + "/" + name
            var childStat = stat()
            guard lstat(absolute(child), &childStat) == 0 else { continue }
            switch childStat.st_mode & S_IFMT {
            case S_IFDIR:
                walk(child, into: &paths, diagnostics: &diagnostics)
            case S_IFREG, S_IFLNK:
                // A symbolic link to a file is read like the file (ConfigFile checks what it points to); links to
                // folders are not followed, so that no cycle can form.
                if name.hasSuffix(".toml") {
                    if childStat.st_mode & S_IFMT == S_IFLNK {
                        var target = stat()
                        if stat(absolute(child), &target) == 0 && target.st_mode & S_IFMT == S_IFDIR { continue }
                    }
                    paths.append(child)
                }
            default:
                continue
            }
        }
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
    package static func personFile(_ relative: String, bytes: [UInt8], settings: Settings) -> PersonFile {
        let outcome: ConfigFile.Outcome =
            bytes.count > ConfigFile.maximumSize
            ? .refused(message: "the file is \(bytes.count) bytes long; configuration files are limited to 1 MiB", position: .start)
            : ConfigFile.decode(bytes)
        return ConfigurationLoader(directory: "/nonexistent", systemZone: settings.zone).personFile(
            relative, outcome, settings: settings)
    }

    private func personFile(_ relative: String, _ outcome: ConfigFile.Outcome, settings: Settings) -> PersonFile {
        let collector = DiagnosticCollector()
        let name = relative.split(separator: "/").last.map(String.init) ?? relative
        let stem = String(name.dropLast(".toml".count))
        switch outcome {
        case .refused(let message, let position):
            collector.error(message, at: position)
            return PersonFile(
                path: relative, person: nil, diagnostics: collector.resolved(file: relative, document: nil))
        case .text(let text):
            do throws(TOML.SyntaxError) {
                let document = try TOML.parse(text)
                let person = PersonLoader.load(
                    document, file: relative, fileStem: stem, settings: settings, diagnostics: collector)
                return PersonFile(
                    path: relative, person: person, diagnostics: collector.resolved(file: relative, document: document))
            } catch {
                collector.error(error.message, at: SourcePosition(line: error.line, column: error.column))
                return PersonFile(
                    path: relative, person: nil, diagnostics: collector.resolved(file: relative, document: nil))
            }
        }
    }
}
