import Dispatch
import Glibc

/// What changed in the configuration directory since the last report.
struct DirectoryChanges: Sendable {
    /// Files (relative to the configuration directory) that were written, created, moved or removed.
    var files: Set<String> = []
    /// A folder appeared or went away, or the kernel dropped events: every file must be looked at again.
    var rescan = false
    /// The configuration directory itself was removed or moved away.
    var directoryGone = false
    /// The configuration directory (re)appeared.
    var directoryBack = false
    /// /etc/localtime changed: the system's time zone may be another.
    var systemZone = false

    var isEmpty: Bool { files.isEmpty && !rescan && !directoryGone && !directoryBack && !systemZone }
}

/// Watches the configuration directory, its folders and /etc/localtime with inotify, through a Dispatch read
/// source (Linux has no DispatchSource for file system objects), and reports changes after a short quiet period so
/// that an editor's save — write a copy, rename it over the file — makes one reload.
final class DirectoryWatcher: @unchecked Sendable {  // confined to its queue
    private let fd: Int32
    private let source: DispatchSourceRead
    private let queue: DispatchQueue
    private let root: String
    private let quietPeriod: DispatchTimeInterval
    private let report: (DirectoryChanges) -> Void
    /// Watch descriptor → folder relative to `root` ("" for `root` itself).
    private var folders: [Int32: String] = [:]
    private var etcWatch: Int32 = -1
    private var parentWatch: Int32 = -1
    private var pending = DirectoryChanges()
    private var debounce: DispatchWorkItem?

    private static let folderMask: UInt32 =
        UInt32(
            IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB
                | IN_DELETE_SELF
                | IN_MOVE_SELF) | UInt32(IN_ONLYDIR)

    /// - Parameter report: called on `queue` with what changed, after `quietPeriod` without events.
    init?(
        root: String, queue: DispatchQueue, quietPeriod: DispatchTimeInterval = .milliseconds(20),
        report: @escaping (DirectoryChanges) -> Void
    ) {
        fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        self.root = root
        self.queue = queue
        self.quietPeriod = quietPeriod
        self.report = report
        source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
        let fd = self.fd
        source.setCancelHandler { @Sendable in close(fd) }
        source.setEventHandler { @Sendable [weak self] in self?.drain() }
        addTree("")
        etcWatch = inotify_add_watch(
            fd, "/etc", UInt32(IN_CREATE | IN_MOVED_TO | IN_CLOSE_WRITE | IN_DELETE | IN_ATTRIB))
        let parent = root.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        parentWatch = inotify_add_watch(fd, parent.isEmpty ? "/" : parent, UInt32(IN_CREATE | IN_MOVED_TO))
        source.resume()
    }

    deinit { source.cancel() }

    private func absolute(_ relative: String) -> String { relative.isEmpty ? root : root + "/" + relative }

    /// Watches `relative` and every folder below it (names starting with "." are skipped, as the loader does).
    private func addTree(_ relative: String) {
        let wd = inotify_add_watch(fd, absolute(relative), DirectoryWatcher.folderMask)
        guard wd >= 0 else { return }
        folders[wd] = relative
        guard let dir = opendir(absolute(relative)) else { return }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = entry.entryName
            guard !name.hasPrefix("."), entry.pointee.d_type == UInt8(DT_DIR) else { continue }
            addTree(relative.isEmpty ? name : relative + "/" + name)
        }
    }

    /// Reads every queued event and restarts the quiet period.
    private func drain() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= n {
                let (wd, mask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (event.wd, event.mask, Int(event.len))
                }
                let nameStart = offset + MemoryLayout<inotify_event>.size
                let name = String(
                    decoding: buffer[nameStart..<nameStart + length].prefix { $0 != 0 }, as: UTF8.self)
                handle(wd: wd, mask: mask, name: name)
                offset = nameStart + length
            }
        }
        debounce?.cancel()
        let item = DispatchWorkItem { [weak self] in
            guard let self, !self.pending.isEmpty else { return }
            let changes = self.pending
            self.pending = DirectoryChanges()
            self.report(changes)
        }
        debounce = item
        queue.asyncAfter(deadline: .now() + quietPeriod, execute: item)
    }

    private func handle(wd: Int32, mask: UInt32, name: String) {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            pending.rescan = true
            return
        }
        if wd == etcWatch {
            if name == "localtime" { pending.systemZone = true }
            return
        }
        if wd == parentWatch {
            if name == root.split(separator: "/").last.map(String.init) {
                // The configuration directory is back: watch it again.
                for (watch, _) in folders { inotify_rm_watch(fd, watch) }
                folders = [:]
                addTree("")
                pending.directoryBack = true
                pending.rescan = true
            }
            return
        }
        guard let folder = folders[wd] else { return }
        if mask & UInt32(IN_IGNORED) != 0 {
            folders[wd] = nil
            return
        }
        if mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF) != 0 {
            if folder.isEmpty { pending.directoryGone = true } else { pending.rescan = true }
            return
        }
        guard !name.hasPrefix(".") else { return }
        let path = folder.isEmpty ? name : folder + "/" + name
        if mask & UInt32(IN_ISDIR) != 0 {
            if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { addTree(path) }
            pending.rescan = true
        } else {
            pending.files.insert(path)
        }
    }
}
