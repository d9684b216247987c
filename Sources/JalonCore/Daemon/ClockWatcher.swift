import CLinux
import Dispatch
import Glibc

/// Tells when the wall clock is set (by NTP, by hand, or by the kernel after a resume that it corrects).
///
/// libdispatch does not report it, so a CLOCK_REALTIME timerfd armed far ahead with TFD_TIMER_CANCEL_ON_SET is
/// watched with a read source: its read fails with ECANCELED when the clock jumps.
final class ClockWatcher: @unchecked Sendable {  // confined to its queue
    private let fd: Int32
    private let source: DispatchSourceRead

    /// - Parameter changed: called on `queue` after each jump.
    init?(queue: DispatchQueue, changed: @escaping @Sendable () -> Void) {
        fd = timerfd_create(CLOCK_REALTIME, Int32(TFD_NONBLOCK | TFD_CLOEXEC))
        guard fd >= 0 else { return nil }
        source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
        let fd = self.fd
        guard ClockWatcher.arm(fd) else {
            close(fd)
            return nil
        }
        source.setEventHandler { @Sendable in
            var expirations: UInt64 = 0
            let n = read(fd, &expirations, 8)
            if n < 0 && errno == ECANCELED {
                _ = ClockWatcher.arm(fd)
                changed()
            } else if n == 8 {
                _ = ClockWatcher.arm(fd)  // the far-ahead deadline itself passed: arm again
            }
        }
        source.setCancelHandler { @Sendable in close(fd) }
        source.resume()
    }

    deinit { source.cancel() }

    /// Arms the timer ten years ahead, absolute, cancelled when the clock is set.
    private static func arm(_ fd: Int32) -> Bool {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var spec = itimerspec()
        spec.it_value.tv_sec = now.tv_sec + 10 * 366 * 86_400
        return timerfd_settime(fd, Int32(TFD_TIMER_ABSTIME) | Int32(TFD_TIMER_CANCEL_ON_SET), &spec, nil) == 0
    }
}
