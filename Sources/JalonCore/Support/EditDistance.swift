/// The optimal string alignment distance between two sequences: how many insertions, deletions, substitutions and
/// swaps of neighbours turn one into the other (`form` → `from` is one edit).
func editDistance<Element: Equatable>(_ a: [Element], _ b: [Element]) -> Int {
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var twoBack = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var row = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        row[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                row[j] = min(row[j], twoBack[j - 2] + 1)
            }
        }
        (twoBack, previous, row) = (previous, row, twoBack)
    }
    return previous[b.count]
}
