import Foundation
import Synchronization

/// One daemon per state directory (SPEC §6): an exclusive `flock` on `jalon.lock` in the state directory, held for
/// the daemon's whole life and taken before it sends anything. The file (0600) holds the pid of the daemon that
/// holds it, so that a second one can say which daemon runs.
///
/// The lock goes with the process: a daemon killed with SIGKILL leaves the file, not the lock. The descriptor is
/// close-on-exec, so a sendmail that outlives the daemon does not keep it — but a sendmail being started when the
/// daemon was killed holds it until it has started (a few milliseconds; longer on a loaded machine). So when the
/// lock is held and the pid in the file no longer runs, the lock is about to be free: it is tried again for a short
/// while (`patience`) before giving up. A daemon that does run is reported at once.
package final class StartupGuard: Sendable {
    package static let fileName = "jalon.lock"

    /// Why the lock could not be taken.
    package enum Failure: Error, Equatable, Sendable {
        /// Another process holds it; its pid when the file says it.
        case held(pid: Int?)
        /// The file cannot be made, opened or locked.
        case unusable(path: String, problem: SystemText)
    }

    package let path: String
    /// The locked descriptor; -1 once released.
    private let fd: Mutex<Int32>

    /// Takes the lock of `stateDirectory`, making the directory (0700) when it is missing.
    ///
    /// - Parameters:
    ///   - patience: how long to try again while the lock is held but its holder, as the file names it, is gone.
    ///   - isRunning: whether a process runs (`kill(pid, 0)`).
    /// - Throws: `Failure.held` at once when a running process holds it.
    package init(
        stateDirectory: String, pid: Int32 = getpid(), patience: Duration = .seconds(2),
        isRunning: (Int) -> Bool = StartupGuard.isRunning
    ) throws(Failure) {
        path = stateDirectory + "/" + StartupGuard.fileName
        // What cannot be done here, the state database says when it opens.
        try? Store.prepareDirectory(stateDirectory)
        var descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        var writable = true
        if descriptor < 0 && [EROFS, EACCES, EPERM, ENOSPC, EDQUOT].contains(errno) {
            // A state directory that cannot be written (read-only, full) does not stop the daemon (it keeps outcomes
            // in memory and tries again): lock the file a previous run left, or else the directory itself.
            writable = false
            descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
            if descriptor < 0 { descriptor = open(stateDirectory, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        }
        guard descriptor >= 0 else {
            throw .unusable(path: path, problem: SystemText(errno: errno))
        }
        let clock = ContinuousClock()
        let giveUp = clock.now + patience
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let error = errno
            guard error == EWOULDBLOCK else {
                close(descriptor)
                throw .unusable(path: path, problem: SystemText(errno: error))
            }
            let holder = StartupGuard.holder(path)
            if let holder, !isRunning(holder), clock.now < giveUp {
                usleep(20_000)
                continue
            }
            close(descriptor)
            throw .held(pid: holder)
        }
        if writable {
            fchmod(descriptor, 0o600)
            let text = Array("\(pid)\n".utf8)
            if ftruncate(descriptor, 0) == 0 {
                _ = text.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
            }
        }
        fd = Mutex(descriptor)
    }

    deinit { release() }

    /// Lets the lock go (the daemon stops).
    package func release() {
        fd.withLock { fd in
            guard fd >= 0 else { return }
            close(fd)
            fd = -1
        }
    }

    /// Whether process `pid` runs (one of another user's counts).
    package static func isRunning(_ pid: Int) -> Bool {
        pid > 0 && pid <= Int(Int32.max) && (kill(pid_t(pid), 0) == 0 || errno == EPERM)
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
