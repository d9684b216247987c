import Foundation
import Synchronization

/// Reading one person without parsing the whole directory, for `jalon show`.
extension ConfigurationLoader {
    /// The settings and the person `id`, as `load()` would give them, parsing only the files that can hold that id.
    ///
    /// A file can hold it when its name is `ID.toml` (the default id) or its text contains the id (an `id = "…"`
    /// key), or an escape (`\u…`) that might spell it. Those files are parsed in byte order of their path; of the
    /// good ones with the id, the person is the one `load()` keeps (`keeper(of:among:)`: the file named like the
    /// id, else the first).
    ///
    /// - Returns: nil for the person when no good file holds the id.
    /// - Throws: `ConfigurationError` when the directory cannot be read.
    package func loadPerson(_ id: String) throws(ConfigurationError) -> (Settings, Person?) {
        var st = stat()
        guard stat(directory, &st) == 0, st.st_mode & S_IFMT == S_IFDIR else {
            // `load()` says what is wrong with the directory.
            _ = try load()
            return (.defaults(zone: systemZone), nil)
        }
        let (settings, _) = loadSettings()
        if trust.problem(with: st) != nil { return (settings, nil) }
        let (paths, _) = personFilePaths()
        let needle = Array(id.utf8)
        let named = "/" + id + ".toml"
        let candidate = UnsafeMutableBufferPointer<Bool>.allocate(capacity: paths.count)
        candidate.initialize(repeating: false)
        defer { candidate.deallocate() }
        nonisolated(unsafe) let slots = candidate
        QuietDispatch.perform(iterations: paths.count) { index in
            let path = paths[index]
            if path.hasSuffix(named) {
                slots[index] = true
                return
            }
            guard case .text(let text) = ConfigFile.read(absolute(path), trust: trust) else { return }
            slots[index] = ConfigurationLoader.mayHold(text, needle)
        }
        let claimants = paths.indices.filter { candidate[$0] }.map { loadPersonFile(paths[$0], settings: settings) }
            .filter { $0.person?.id == id }
        return (settings, ConfigurationLoader.keeper(of: id, among: claimants).flatMap { claimants[$0].person })
    }

    /// Whether `text` contains `needle`, or a TOML escape that could spell it.
    private static func mayHold(_ text: String, _ needle: [UInt8]) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            func contains(_ pattern: [UInt8]) -> Bool {
                guard !pattern.isEmpty, bytes.count >= pattern.count else { return pattern.isEmpty }
                let first = pattern[0]
                var index = 0
                let last = bytes.count - pattern.count
                while index <= last {
                    if bytes[index] == first {
                        var matched = 1
                        while matched < pattern.count && bytes[index + matched] == pattern[matched] { matched += 1 }
                        if matched == pattern.count { return true }
                    }
                    index += 1
                }
                return false
            }
            return contains(needle) || contains([0x5C, 0x75]) || contains([0x5C, 0x55])
        }
    }
}
