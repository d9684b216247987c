import Testing

@testable import JalonCore

/// The retry schedules, time moved by hand (SPEC §7).
@Suite struct MailRetryPolicyTests {
    let t0 = Instant(seconds: 1_800_000_000)

    @Test func aDeferredMessageWaitsTheFirstDelayThenDoublingUpToAnHour() {
        let policy = MailRetryPolicy(first: 60)
        var delays: [Int64] = []
        for attempt in 1...10 {
            guard
                case .retry(let at) = policy.decide(.temporary, attempts: attempt, refusedSince: nil, now: t0).decision
            else {
                Issue.record("try \(attempt) was not retried")
                return
            }
            delays.append(at.seconds - t0.seconds)
        }
        #expect(delays == [60, 120, 240, 480, 960, 1920, 3600, 3600, 3600, 3600])
        // Deferred for ever: still retried a year later, and never counted as refused.
        let late = policy.decide(.temporary, attempts: 500, refusedSince: nil, now: t0 + 365 * 86_400)
        #expect(late.decision == .retry(at: t0 + 365 * 86_400 + 3600))
        #expect(late.refusedSince == nil)
    }

    @Test func aRefusedMessageIsRetriedMoreSlowlyForThreeDaysThenWaitsForJalonRetry() {
        let policy = MailRetryPolicy(first: 60)
        var now = t0
        var since: Instant?
        var delays: [Int64] = []
        var attempts = 0
        while true {
            attempts += 1
            let (decision, refused) = policy.decide(.permanent, attempts: attempts, refusedSince: since, now: now)
            since = refused
            guard case .retry(let at) = decision else {
                #expect(decision == .giveUp)
                break
            }
            delays.append(at.seconds - now.seconds)
            now = at
            if attempts > 100 { break }
        }
        #expect(since == t0, "the three days count from the first refusal")
        #expect(Array(delays.prefix(6)) == [60, 240, 960, 3840, 15_360, 21_600])
        #expect(delays.dropFirst(5).dropLast().allSatisfy { $0 == 21_600 }, "\(delays)")
        // Given up at the end of the third day, not before, not hours after.
        #expect(now == t0 + 3 * 86_400)
        #expect(attempts == delays.count + 1)
        #expect((15...20).contains(attempts), "\(attempts) tries in 3 days")
    }

    @Test func theFirstDelayIsTheSettingForBothSchedules() {
        let policy = MailRetryPolicy(first: 1)
        #expect(policy.decide(.temporary, attempts: 1, refusedSince: nil, now: t0).decision == .retry(at: t0 + 1))
        #expect(policy.decide(.permanent, attempts: 1, refusedSince: nil, now: t0).decision == .retry(at: t0 + 1))
        #expect(policy.decide(.permanent, attempts: 2, refusedSince: t0, now: t0 + 1).decision == .retry(at: t0 + 5))
        #expect(MailRetryPolicy(first: 0).first == 1, "a zero delay would retry in a loop")
    }

    @Test func aDeferralAfterARefusalKeepsTheThreeDaysCounting() {
        let policy = MailRetryPolicy(first: 60)
        let deferred = policy.decide(.temporary, attempts: 2, refusedSince: t0, now: t0 + 86_400)
        #expect(deferred.refusedSince == t0)
        let refused = policy.decide(.permanent, attempts: 3, refusedSince: t0, now: t0 + 3 * 86_400 + 1)
        #expect(refused.decision == .giveUp)
        #expect(policy.decide(.sent, attempts: 4, refusedSince: t0, now: t0 + 10).decision == .sent)
    }
}
