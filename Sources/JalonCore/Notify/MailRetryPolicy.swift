/// When a message sendmail did not take is tried again (SPEC §7). Pure: the time is a parameter.
///
/// Two schedules, both starting at `first` seconds (`[mail] retry`, 60 by default):
/// - **deferred** — exit status 75 (EX_TEMPFAIL), a crash, a time-out, a sendmail that cannot be run: the delay
///   doubles after each try, up to an hour, for as long as it takes;
/// - **refused** — any other non-zero status: real MTAs exit 1 for a full disk or a read-only spool as well as for
///   a bad address, so it is tried again too, on a slower schedule (the delay four times longer after each try, up to
///   six hours), for three days from the first refusal; then it waits for `jalon retry`.
package struct MailRetryPolicy: Sendable, Equatable {
    /// The first delay of both schedules, in seconds.
    package var first: Int64
    /// The longest delay between two tries of a deferred message.
    package var deferredCap: Int64 = 3600
    /// The longest delay between two tries of a refused message.
    package var refusedCap: Int64 = 6 * 3600
    /// How long a refused message is tried again, from its first refusal.
    package var refusedFor: Int64 = 3 * 86_400

    package init(first: Int64 = 60) {
        self.first = max(1, first)
    }

    /// What to do after a try.
    package enum Decision: Equatable, Sendable {
        case sent
        /// Try again at `at`.
        case retry(at: Instant)
        /// Refused for `refusedFor`: wait for `jalon retry`.
        case giveUp
    }

    /// The decision after try number `attempts` (1 for the first) ended with `result` at `now`.
    ///
    /// - Parameter refusedSince: when the message was first refused, if it was (`job.refusedSince` before this try).
    /// - Returns: the decision, and when the message counts as refused since (nil while it never was).
    package func decide(
        _ result: SendmailResult.Kind, attempts: Int, refusedSince: Instant?, now: Instant
    ) -> (decision: Decision, refusedSince: Instant?) {
        switch result {
        case .sent:
            return (.sent, refusedSince)
        case .temporary:
            return (.retry(at: now + delay(grow: 2, cap: deferredCap, attempts: attempts)), refusedSince)
        case .permanent:
            let since = refusedSince ?? now
            if now.seconds - since.seconds >= refusedFor { return (.giveUp, since) }
            let next = now + delay(grow: 4, cap: refusedCap, attempts: attempts)
            // The last try falls at the end of the three days, not up to six hours past it.
            return (.retry(at: min(next, since + refusedFor)), since)
        }
    }

    /// `first × grow^(attempts − 1)`, at most `cap`.
    private func delay(grow: Int64, cap: Int64, attempts: Int) -> Int64 {
        var delay = first
        for _ in 1..<max(attempts, 1) {
            if delay >= cap { break }
            delay *= grow
        }
        return min(delay, cap)
    }
}
