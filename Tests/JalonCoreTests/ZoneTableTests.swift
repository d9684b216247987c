import Foundation
import Testing

@testable import JalonCore

/// Zone's own offset table must agree with Foundation's TimeZone everywhere it answers.
@Suite struct ZoneTableTests {
    @Test(arguments: [
        "Europe/Paris", "Indian/Reunion", "America/Guadeloupe", "America/Martinique", "America/Cayenne",
        "Pacific/Noumea", "Indian/Mayotte", "Europe/Moscow", "America/Sao_Paulo", "Australia/Lord_Howe",
        "Pacific/Apia", "Africa/Casablanca", "America/Santiago", "Asia/Kolkata", "UTC",
    ])
    func offsetsMatchFoundation(_ identifier: String) throws {
        let zone = try #require(Zone(identifier: identifier))
        let tz = try #require(TimeZone(identifier: identifier))
        // Every hour around the transitions of recent years, and 20,000 instants spread from 1900 to 2200.
        var instants: [Int64] = []
        for hour in stride(from: Int64(1_577_836_800), to: 1_830_000_000, by: 3600) { instants.append(hour) }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15  // a fixed seed: a failure can be reproduced
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            instants.append(-2_208_988_800 + Int64(state >> 33) % 9_467_107_200)
        }
        for seconds in instants {
            let expected = tz.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
            let got = zone.offset(at: Instant(seconds: seconds))
            #expect(got == expected, "\(identifier) at \(seconds)")
            if got != expected { return }
        }
    }
}
