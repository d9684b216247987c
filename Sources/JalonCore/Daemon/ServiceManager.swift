import CSystemd
import Glibc

/// Talks to systemd through `sd_notify`: readiness, reloads, status and the watchdog.
///
/// Without `$NOTIFY_SOCKET` (not started by systemd) every call does nothing, which `sd_notify` already ensures.
package struct ServiceManager: Sendable {
    package init() {}

    package func ready(status: String) { send("READY=1\nSTATUS=\(status)") }

    package func reloading() {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let microseconds = UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1000
        send("RELOADING=1\nMONOTONIC_USEC=\(microseconds)")
    }

    package func stopping() { send("STOPPING=1") }

    package func status(_ text: String) { send("STATUS=\(text)") }

    package func watchdog() { send("WATCHDOG=1") }

    /// The watchdog period systemd asks for (`WatchdogSec=`), in microseconds, or nil when there is none.
    package func watchdogPeriod() -> UInt64? {
        var microseconds: UInt64 = 0
        return sd_watchdog_enabled(0, &microseconds) > 0 && microseconds > 0 ? microseconds : nil
    }

    private func send(_ state: String) {
        _ = sd_notify(0, state)
    }
}
