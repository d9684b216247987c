/// The last good version of every person file, kept in the state database so that a restart while a file is broken
/// still plans that person from it, and says so (SPEC §8).
///
/// Saving happens after a planning, a few hundred files at a time (`PendingState`): the texts are read again from
/// the disk, and kept only when the file is still the one that was read without error. A file that changed since is
/// read again by the reload its change causes.
final class PersonFileArchive: PendingState {
    /// A broken file planned from its saved version.
    struct Restored: Sendable {
        var path: String
        var savedAt: Instant
        /// Where its first problem is.
        var problem: Diagnostic?
    }

    /// Files to save, with the identity they had when they were read without error.
    private var toSave: [String: FileIdentity] = [:]
    /// Saved files that seem gone (they are checked again before they are forgotten).
    private var toForget: Set<String> = []
    private let loader: ConfigurationLoader
    /// Files saved per `write`: a first start with 100,000 people saves about 120 MB.
    private let chunk: Int

    init(loader: ConfigurationLoader, chunk: Int = 200) {
        self.loader = loader
        self.chunk = max(1, chunk)
    }

    var hasPending: Bool { !toSave.isEmpty || !toForget.isEmpty }

    /// What is saved and what is on disk are compared again at the next start (`reconcile`).
    var essential: Bool { false }

    /// At start: the files that are broken now get the person of their saved version, when it still reads without
    /// error with today's settings.
    func restore(_ files: [PersonFile], settings: Settings, store: Store?) -> (
        files: [PersonFile], restored: [Restored]
    ) {
        guard let store else { return (files, []) }
        var result = files
        var restored: [Restored] = []
        for index in result.indices where result[index].person == nil {
            let file = result[index]
            guard let saved = try? store.archivedPersonFile(file.path) else { continue }
            let old = ConfigurationLoader.personFile(file.path, bytes: Array(saved.text.utf8), settings: settings)
            guard let person = old.person else { continue }
            result[index].person = person
            restored.append(
                Restored(
                    path: file.path, savedAt: saved.savedAt,
                    problem: file.diagnostics.first { $0.severity == .error } ?? file.diagnostics.first))
        }
        return (result, restored)
    }

    /// At start: what is saved and what is on disk now. Good files saved with another identity, or not saved, are
    /// saved again; saved files that are gone are forgotten.
    func reconcile(present: [String: FileIdentity], good: Set<String>, store: Store?) {
        let saved = (try? store?.archivedPersonFileIdentities()) ?? [:]
        for path in good {
            if let identity = present[path], saved[path] != identity.description { toSave[path] = identity }
        }
        for path in saved.keys where present[path] == nil { toForget.insert(path) }
    }

    /// A file was read without error, as it was at `identity`.
    func read(_ path: String, identity: FileIdentity) {
        toSave[path] = identity
        toForget.remove(path)
    }

    /// A file is gone.
    func removed(_ path: String) {
        toSave[path] = nil
        toForget.insert(path)
    }

    func write(to store: Store, now: Instant) throws(StoreError) {
        if !toForget.isEmpty {
            // Only files gone from the disk: one in a folder jalon refuses (open to others) is not listed, but its
            // saved version may be wanted again.
            try store.forgetPersonFiles(toForget.filter { FileIdentity(path: loader.absolute($0)) == nil })
            toForget = []
        }
        let paths = Array(toSave.keys.prefix(chunk))
        var files: [ArchivedPersonFile] = []
        for path in paths {
            let absolute = loader.absolute(path)
            guard case .text(let text) = ConfigFile.read(absolute, trust: loader.trust),
                let identity = toSave[path], FileIdentity(path: absolute) == identity
            else { continue }
            files.append(ArchivedPersonFile(path: path, text: text, identity: identity.description, savedAt: now))
        }
        try store.archive(files)
        for path in paths { toSave[path] = nil }
        // Let the table's storage go once everything is saved: a first start fills it with every file.
        if toSave.isEmpty { toSave = [:] }
    }
}
