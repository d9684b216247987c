/// The configuration as the daemon holds it across reloads (SPEC §8).
///
/// Each person file keeps its last good version: a file that breaks goes on producing the reminders it produced
/// before, and its problems are reported. A person id belongs to the file that holds it already; a file that
/// claims it later is in error at its `id` and is left out, so that adding a file never takes reminders away from
/// another. Among files that claim a free id together (at start), the one named like the id keeps it, else the
/// first in byte order, as `jalon check` says. When the holder of an id lets it go (removed, or given another id),
/// the files that claimed it get it by the same rule.
package struct LiveConfiguration: Sendable {
    package struct Entry: Sendable {
        /// The version in use: the file's last good content.
        package var person: Person?
        /// The problems of the file as it is now on disk.
        package var diagnostics: [Diagnostic]
        /// The person of a good file whose id another file holds, with where its `id` is written.
        var claim: (person: Person, idPosition: SourcePosition)?
    }

    /// What a change did, for the scheduler and the journal.
    package struct Change: Sendable {
        /// Persons whose reminders must be recomputed (their file changed, appeared or went away).
        package var people: Set<String> = []
        /// New problems, to report.
        package var diagnostics: [Diagnostic] = []
    }

    package private(set) var settings: Settings
    package private(set) var settingsDiagnostics: [Diagnostic] = []
    package private(set) var entries: [String: Entry] = [:]
    /// Person id → the file that holds it.
    package private(set) var owners: [String: String] = [:]
    /// The persons in use, by id (kept up to date with `owners`).
    package private(set) var people: [String: Person] = [:]

    package init(settings: Settings) {
        self.settings = settings
    }

    /// Every current problem, in file and position order.
    package var diagnostics: [Diagnostic] {
        (settingsDiagnostics + troubled.values.flatMap { $0 }).sorted(by: Diagnostic.ordered)
    }

    /// The problems of the files that have some, so that listing them does not walk every file.
    private var troubled: [String: [Diagnostic]] = [:]

    /// Replaces the settings (when `jalon.toml` is good) or keeps them (when it is not).
    ///
    /// - Returns: whether the settings in use changed; every person must then be recomputed.
    package mutating func applySettings(_ new: Settings?, diagnostics: [Diagnostic]) -> Bool {
        settingsDiagnostics = diagnostics
        guard let new else { return false }
        settings = new
        return true
    }

    /// Takes freshly read files, and the paths of files that are gone.
    package mutating func apply(_ files: [PersonFile], removed: [String]) -> Change {
        var change = Change()
        var released: Set<String> = []
        for path in removed {
            troubled[path] = nil
            guard let entry = entries.removeValue(forKey: path) else { continue }
            if let id = entry.person?.id, owners[id] == path {
                owners[id] = nil
                people[id] = nil
                change.people.insert(id)
                released.insert(id)
            }
        }
        let files = files.sorted { bytesPrecede($0.path, $1.path) }
        // Ids that several of these files claim while no other file holds them: the keeper is chosen as a whole.
        var claimants: [String: [PersonFile]] = [:]
        for file in files {
            guard let id = file.person?.id else { continue }
            if let owner = owners[id], !files.contains(where: { $0.path == owner }) { continue }
            claimants[id, default: []].append(file)
        }
        var keepers: [String: String] = [:]
        for (id, claims) in claimants where claims.count > 1 {
            let holder = owners[id].flatMap { owner in claims.first { $0.path == owner && $0.person?.id == id } }
            keepers[id] = holder?.path ?? ConfigurationLoader.keeper(of: id, among: claims).map { claims[$0].path }
        }
        for file in files {
            var entry = entries[file.path] ?? Entry(person: nil, diagnostics: [])
            entry.diagnostics = file.diagnostics
            entry.claim = nil
            if let person = file.person {
                let holder = owners[person.id].flatMap { $0 == file.path ? nil : $0 } ?? keepers[person.id]
                if let holder, holder != file.path {
                    entry.diagnostics.append(
                        Diagnostic(
                            file: file.path, position: file.idPosition, severity: .error,
                            text: .personIDTaken(id: person.id, keeper: holder), language: settings.language))
                    entry.claim = (person, file.idPosition)
                    if let old = entry.person, owners[old.id] == file.path, old.id != person.id {
                        owners[old.id] = nil
                        people[old.id] = nil
                        change.people.insert(old.id)
                        released.insert(old.id)
                        entry.person = nil
                    }
                } else {
                    if let old = entry.person, old.id != person.id, owners[old.id] == file.path {
                        owners[old.id] = nil
                        people[old.id] = nil
                        change.people.insert(old.id)
                        released.insert(old.id)
                    }
                    entry.person = person
                    owners[person.id] = file.path
                    people[person.id] = person
                    change.people.insert(person.id)
                }
            }
            change.diagnostics += entry.diagnostics
            troubled[file.path] = entry.diagnostics.isEmpty ? nil : entry.diagnostics
            entries[file.path] = entry
        }
        for id in released.sorted() where owners[id] == nil { handOver(id, &change) }
        change.diagnostics.sort(by: Diagnostic.ordered)
        return change
    }

    /// Gives the free id `id` to the files that claimed it while another held it, by the rule of `jalon check`.
    private mutating func handOver(_ id: String, _ change: inout Change) {
        let claims = entries.filter { $0.value.claim?.person.id == id }.keys.sorted(by: bytesPrecede)
        let files = claims.map { PersonFile(path: $0, person: entries[$0]?.claim?.person, diagnostics: []) }
        guard let index = ConfigurationLoader.keeper(of: id, among: files) else { return }
        let keeper = claims[index]
        for path in claims {
            guard var entry = entries[path], let claim = entry.claim else { continue }
            entry.diagnostics.removeAll { $0.code == DiagnosticCode.personDuplicate.rawValue }
            if path == keeper {
                entry.person = claim.person
                entry.claim = nil
                owners[id] = path
                people[id] = claim.person
                change.people.insert(id)
            } else {
                entry.diagnostics.append(
                    Diagnostic(
                        file: path, position: claim.idPosition, severity: .error,
                        text: .personIDTaken(id: id, keeper: keeper), language: settings.language))
            }
            troubled[path] = entry.diagnostics.isEmpty ? nil : entry.diagnostics
            entries[path] = entry
        }
    }
}
