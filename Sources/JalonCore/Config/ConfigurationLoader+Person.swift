import Foundation
import Synchronization

/// Reading one person without parsing the whole directory, for `jalon show`.
extension ConfigurationLoader {
    /// The settings and the person `id`, as `load()` would give them, parsing only the files that can hold that id.
    ///
    /// A file can hold it when its name is `ID.toml` (the default id) or its text contains the id (an `id = "…"`
    /// key), or an escape (`\u…`) that might spell it. Those files are parsed in byte order of their path; the
    /// first good one with the id is the person — the file `load()` would keep, since it gives an id to the first
    /// good file that claims it.
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
        let candidate = UnsafeMutableBufferPointer<Bool>.allocate(capacity: paths.count)
        candidate.initialize(repeating: false)
        defer { candidate.deallocate() }
        nonisolated(unsafe) let slots = candidate
        QuietDispatch.perform(iterations: paths.count) { index in
            let path = paths[index]
            if path.hasSuffix("/" + id + ".toml") {
                slots[index] = true
                return
            }
            guard case .text(let text) = ConfigFile.read(absolute(path), trust: trust) else { return }
            slots[index] = ConfigurationLoader.mayHold(text, needle)
        }
        for (index, path) in paths.enumerated() where candidate[index] {
            if let person = loadPersonFile(path, settings: settings).person, person.id == id {
                return (settings, person)
            }
        }
        return (settings, nil)
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
