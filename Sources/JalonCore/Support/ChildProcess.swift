import CLinux
import Dispatch
import Foundation
import Synchronization

/// A program run with `posix_spawn`: no shell, every signal unblocked and at its default action (the daemon
/// ignores SIGTERM, SIGHUP and SIGINT for its Dispatch signal sources, and a child must not inherit that), in a
/// process group of its own so that a time-out ends whatever it started too.
///
/// Written by hand rather than with swiftlang/swift-subprocess: on Linux, swift-subprocess watches every child
/// from Swift's global executor (a `Task.sleep` loop of one second, and unstructured tasks), whose first thread
/// starts libdispatch's once-a-second pool monitor for the rest of the process's life (see `QuietDispatch`) — a
/// daemon that had sent one message would then wake every second while it waits days for the next reminder. Here
/// the waiting is one blocking `waitid` on the caller's thread and the time-out one Dispatch timer.
package struct ChildProcess {
    package let pid: pid_t

    /// How a child ended.
    package enum Termination: Equatable, Sendable, CustomStringConvertible {
        case exited(Int32)
        case signaled(Int32)

        /// From a status `waitpid` gave for a child that ended.
        package init(waitStatus status: Int32) {
            let signal = status & 0x7f
            self = signal == 0 ? .exited((status >> 8) & 0xff) : .signaled(signal)
        }

        package var description: String {
            switch self {
            case .exited(let code): "exit \(code)"
            case .signaled(let signal): "signal \(signal)"
            }
        }
    }

    /// Starts `path` with `arguments`, its standard input, output and error on the given descriptors (which
    /// stay the caller's to close), and `environment` (by default, this process's).
    package init(
        _ path: String, _ arguments: [String], input: Int32, output: Int32, error: Int32,
        environment: [String: String]? = nil
    ) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input, 0)
        posix_spawn_file_actions_adddup2(&actions, output, 1)
        posix_spawn_file_actions_adddup2(&actions, error, 2)
        // Nothing else of this process reaches the child: not the state database, the daemon's lock or its control
        // socket (a sendmail that forks a delivery would hold them), nor a file another thread has open for writing
        // at this moment (a program written so could not run: "Text file busy").
        jalon_spawn_close_from(&actions, 3)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?]? = environment.map {
            $0.map { strdup("\($0.key)=\($0.value)") } + [nil]
        }
        defer { for pointer in argv + (envp ?? []) { free(pointer) } }
        var pid: pid_t = 0
        let result =
            envp.map { posix_spawn(&pid, path, &actions, &attributes, argv, $0) }
            ?? posix_spawn(&pid, path, &actions, &attributes, argv, environ)
        guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EINVAL) }
        self.pid = pid
    }

    /// Waits for the child to end and reaps it. After `timeout`, its process group is sent SIGTERM, then
    /// SIGKILL every 2 s until it ends; `timedOut` then says so.
    package func wait(timeout: Duration? = nil) -> (termination: Termination, timedOut: Bool) {
        let timedOut = Atomic<Bool>(false)
        var timer: DispatchSourceTimer?
        if let timeout {
            let source = DispatchSource.makeTimerSource(queue: ChildProcess.timers)
            source.schedule(deadline: .now() + .nanoseconds(Int(clamping: timeout.nanoseconds)), repeating: .seconds(2))
            let pid = self.pid
            source.setEventHandler {
                let first = !timedOut.exchange(true, ordering: .relaxed)
                kill(-pid, first ? SIGTERM : SIGKILL)
            }
            source.resume()
            timer = source
        }
        // Wait without reaping first, so that the timer is gone before the pid can be reused.
        var info = siginfo_t()
        while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) < 0 && errno == EINTR {}
        if let timer { ChildProcess.timers.sync { timer.cancel() } }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (Termination(waitStatus: status), timedOut.load(ordering: .relaxed))
    }

    /// The queue of the time-out timers: serial, so that cancelling on it leaves no handler running.
    private static let timers = DispatchQueue(label: "jalon.child-timeouts")
}

extension Duration {
    /// The duration in whole nanoseconds (negative durations count as zero).
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        guard seconds >= 0 else { return 0 }
        return seconds.multipliedReportingOverflow(by: 1_000_000_000).overflow
            ? .max : seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
