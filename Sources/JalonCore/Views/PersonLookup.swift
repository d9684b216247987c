/// Suggestions for an identifier that names nobody: the known ones nearest to it.
package enum PersonLookup {
    /// Up to `limit` of `known` nearest to `wanted`: those that contain it first (a first name typed alone), then by
    /// edit distance, then in byte order.
    package static func closest(to wanted: String, among known: [String], limit: Int = 3) -> [String] {
        let w = Array(wanted.unicodeScalars)
        let ranked = known.map { id -> (String, Bool, Int) in
            (id, !wanted.isEmpty && id.contains(wanted), editDistance(w, Array(id.unicodeScalars)))
        }
        return ranked.sorted { a, b in
            if a.1 != b.1 { return a.1 }
            if a.2 != b.2 { return a.2 < b.2 }
            return bytesPrecede(a.0, b.0)
        }.prefix(limit).map(\.0)
    }
}
