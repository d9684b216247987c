/// The items finished with `jalon done`, as the state database records them: for each item and base instant, when
/// it was acknowledged.
package struct DoneMarks: Sendable {
    private var times: [Acknowledgement: Instant]

    package init(_ times: [Acknowledgement: Instant] = [:]) {
        self.times = times
    }

    /// When `jalon done` finished the item `PERSON/ITEM` whose base was `base`; nil when it did not.
    package func acknowledgedAt(_ item: String, _ base: Instant) -> Instant? {
        times.isEmpty ? nil : times[Acknowledgement(item: item, base: base)]
    }
}
