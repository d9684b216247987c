/// Something the daemon keeps in memory until the state database has it, and writes again after a failure: the
/// first-seen records, the run log, the saved person files (the outcomes of reminders have their own, faster path in
/// `StateRecorder`).
protocol PendingState: AnyObject {
    /// Whether something waits to be written.
    var hasPending: Bool { get }

    /// Writes what waits, or a part of it when there is much (`hasPending` then stays true); what is not written
    /// stays.
    func write(to store: Store, now: Instant) throws(StoreError)

    /// Whether what waits must be written before the daemon stops: what cannot be learnt again at the next start.
    var essential: Bool { get }
}
