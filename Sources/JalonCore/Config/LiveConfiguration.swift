/// The configuration as the daemon holds it across reloads (SPEC §8).
///
/// Each person file keeps its last good version: a file that breaks goes on producing the reminders it produced
/// before, and its problems are reported. A person id belongs to the file that held it first; a later file that
/// claims it is in error and is left out, so that adding a file never takes reminders away from another.
package struct LiveConfiguration: Sendable {
    package struct Entry: Sendable {
        /// The version in use: the file's last good content.
        package var person: Person?
        /// The problems of the file as it is now on disk.
        package var diagnostics: [Diagnostic]
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
        for path in removed {
            troubled[path] = nil
            guard let entry = entries.removeValue(forKey: path) else { continue }
            if let id = entry.person?.id, owners[id] == path {
                owners[id] = nil
                people[id] = nil
                change.people.insert(id)
            }
        }
        for file in files.sorted(by: { bytesPrecede($0.path, $1.path) }) {
            var entry = entries[file.path] ?? Entry(person: nil, diagnostics: [])
            entry.diagnostics = file.diagnostics
            if let person = file.person {
                if let owner = owners[person.id], owner != file.path {
                    let problem = Diagnostic(
                        file: file.path, position: .start, severity: .error,
                        message: "person id \"\(person.id)\" is already used by \(owner); person ids are unique across "
                            + "the directory")
                    entry.diagnostics.append(problem)
                } else {
                    if let old = entry.person, old.id != person.id, owners[old.id] == file.path {
                        owners[old.id] = nil
                        people[old.id] = nil
                        change.people.insert(old.id)
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
        change.diagnostics.sort(by: Diagnostic.ordered)
        return change
    }
}
