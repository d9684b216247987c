import Foundation

/// One daemon per state directory (SPEC §6): an exclusive `flock` on `jalon.lock` in the state directory, held for
/// the daemon's whole life and taken before it sends anything. The file (0600) holds the pid of the daemon that
/// holds it, so that a second one can say which daemon runs.
///
/// The lock goes with the process: a daemon killed with SIGKILL leaves the file, not the lock. The descriptor is
/// close-on-exec, so a sendmail that outlives the daemon does not keep it.
package final class StartupGuard {
    package static let fileName = "jalon.lock"

    /// Why the lock could not be taken.
    package enum Failure: Error, Equatable, Sendable {
        /// Another process holds it; its pid when the file says it.
        case held(pid: Int?)
        /// The file cannot be made, opened or locked.
        case unusable(path: String, problem: String)
    }

    package let path: String
    private var fd: Int32

    /// Takes the lock of `stateDirectory`, making the directory (0700) when it is missing.
    ///
    /// - Throws: `Failure.held` at once when another process holds it (no waiting).
    package init(stateDirectory: String, pid: Int32 = getpid()) throws(Failure) {
        path = stateDirectory + "/" + StartupGuard.fileName
        var st = stat()
        if stat(stateDirectory, &st) != 0 {
            try? FileManager.default.createDirectory(
                atPath: stateDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        var descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        var writable = true
        if descriptor < 0 && (errno == EROFS || errno == EACCES) {
            // A state directory that cannot be written does not stop the daemon (it keeps outcomes in memory and
            // tries again): lock the file a previous run left, or else the directory itself.
            writable = false
            descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
            if descriptor < 0 { descriptor = open(stateDirectory, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        }
        guard descriptor >= 0 else {
            throw .unusable(path: path, problem: String(cString: strerror(errno)))
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let error = errno
            close(descriptor)
            if error == EWOULDBLOCK { throw .held(pid: StartupGuard.holder(path)) }
            throw .unusable(path: path, problem: String(cString: strerror(error)))
        }
        if writable {
            fchmod(descriptor, 0o600)
            let text = Array("\(pid)\n".utf8)
            if ftruncate(descriptor, 0) == 0 {
                _ = text.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
            }
        }
        fd = descriptor
    }

    deinit { release() }

    /// Lets the lock go (the daemon stops).
    package func release() {
        guard fd >= 0 else { return }
        close(fd)
        fd = -1
    }

    /// The pid written in the lock file at `path`. The holder writes it just after locking: a few short tries.
    package static func holder(_ path: String) -> Int? {
        for attempt in 0..<5 {
            if let text = try? String(contentsOfFile: path, encoding: .utf8),
                let pid = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)), pid > 0
            {
                return pid
            }
            if attempt < 4 { usleep(10_000) }
        }
        return nil
    }
}
