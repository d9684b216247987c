/// One reminder: an item's step, due at an instant, for a list of addresses (SPEC §5).
///
/// What makes a reminder delivered is the pair (`id`, `due`): when an item moves, its reminders are new.
package struct Reminder: Hashable, Sendable {
    /// `PERSON/ITEM/STEP`, STEP being a canonical duration or `follow-up-I`.
    package var id: String
    package var person: String
    package var item: String
    package var kind: ItemKind
    package var step: String
    /// For a follow-up, its number I (1 …); nil for a step of the `remind` list.
    package var followUpIndex: Int?
    package var due: Instant
    /// The zone `due` is written in: the person's.
    package var zone: Zone
    /// Email addresses, sorted, without duplicates; may be empty (the journal still gets the reminder).
    package var to: [String]
    package var title: String
    /// When the item itself is (the session, the deadline, the expiry, the follow-up interview).
    package var base: Instant

    package var isFollowUp: Bool { followUpIndex != nil }

    /// `PERSON/ITEM`, what `jalon done` takes.
    package var itemKey: String { person + "/" + item }

    /// Due first, then by identifier: the agenda's order.
    package static func agendaOrder(_ lhs: Reminder, _ rhs: Reminder) -> Bool {
        lhs.due != rhs.due ? lhs.due < rhs.due : lhs.id < rhs.id
    }
}
