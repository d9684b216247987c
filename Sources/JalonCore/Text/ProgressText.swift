/// The line that says, on a terminal, how far long work has gone: `jalon: reading person files: 41,200 of 100,000`
/// (after the program's name, which is not translated).
package enum ProgressText: Localizable {
    package enum Phase: Sendable, CaseIterable {
        case readingPersonFiles
        case computingReminders
    }

    /// The phase has begun and does not know yet how much there is.
    case started(Phase)
    case counting(Phase, done: Int, total: Int)

    package static var samples: [ProgressText] {
        Phase.allCases.flatMap { [.started($0), .counting($0, done: 41_200, total: 100_000)] }
    }

    /// 41200 → "41,200" in English, "41 200" with a narrow no-break space in French.
    static func grouped(_ n: Int, separator: Character) -> String {
        let digits = Array(String(n))
        var out = ""
        for (i, digit) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(separator) }
            out.append(digit)
        }
        return out
    }
}
