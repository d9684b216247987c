/// One reminder: an item's step, due at an instant, for a list of addresses (SPEC §5).
///
/// What makes a reminder delivered is the pair (`id`, `due`): when an item moves, its reminders are new.
///
/// A class with constant fields: the agenda and the scheduler sort and pass around hundreds of thousands of them,
/// and a reference is one count to keep where a struct of strings and arrays is a dozen.
package final class Reminder: Hashable, Sendable, CustomStringConvertible {
    /// `PERSON/ITEM/STEP`, STEP being a canonical duration or `follow-up-I`.
    package let id: String
    package let person: String
    package let item: String
    package let kind: ItemKind
    package let step: String
    /// For a follow-up, its number I (1 …); nil for a step of the `remind` list.
    package let followUpIndex: Int?
    package let due: Instant
    /// The zone `due` is written in: the person's.
    package let zone: Zone
    /// Email addresses, sorted, without duplicates; may be empty (the journal still gets the reminder).
    package let to: [String]
    package let title: String
    /// When the item itself is (the session, the deadline, the expiry, the follow-up interview).
    package let base: Instant

    package init(
        id: String, person: String, item: String, kind: ItemKind, step: String, followUpIndex: Int?, due: Instant,
        zone: Zone, to: [String], title: String, base: Instant
    ) {
        self.id = id
        self.person = person
        self.item = item
        self.kind = kind
        self.step = step
        self.followUpIndex = followUpIndex
        self.due = due
        self.zone = zone
        self.to = to
        self.title = title
        self.base = base
    }

    package static func == (lhs: Reminder, rhs: Reminder) -> Bool {
        lhs === rhs
            || (lhs.id == rhs.id && lhs.due == rhs.due && lhs.to == rhs.to && lhs.title == rhs.title
                && lhs.zone == rhs.zone && lhs.base == rhs.base && lhs.kind == rhs.kind)
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(due)
    }

    package var description: String { "\(id)@\(zone.rfc3339(due))" }

    package var isFollowUp: Bool { followUpIndex != nil }

    /// `PERSON/ITEM`, what `jalon done` takes.
    package var itemKey: String { person + "/" + item }

    /// `reminders` in the agenda's order. Sorted through plain keys — the due second, the identifier's first eight
    /// bytes, the position — so that comparing and moving them touches no reference count; only identifiers that
    /// share their first eight bytes and their due second are compared whole.
    package static func sortedForAgenda(_ reminders: [Reminder]) -> [Reminder] {
        struct Key {
            var due: Int64
            var prefix: UInt64
            var index: Int
        }
        var keys = reminders.indices.map { index in
            var prefix: UInt64 = 0
            var taken = 0
            for byte in reminders[index].id.utf8.prefix(8) {
                prefix = prefix << 8 | UInt64(byte)
                taken += 1
            }
            // Left-aligned, so that a shorter identifier that is a prefix of a longer one comes first.
            prefix <<= UInt64(8 * (8 - taken))
            return Key(due: reminders[index].due.seconds, prefix: prefix, index: index)
        }
        keys.sort { a, b in
            if a.due != b.due { return a.due < b.due }
            if a.prefix != b.prefix { return a.prefix < b.prefix }
            return bytesPrecede(reminders[a.index].id, reminders[b.index].id)
        }
        return keys.map { reminders[$0.index] }
    }

    /// Due first, then by identifier: the agenda's order. Identifiers are ASCII (SPEC §3), so their byte order is
    /// their order.
    package static func agendaOrder(_ lhs: Reminder, _ rhs: Reminder) -> Bool {
        lhs.due != rhs.due ? lhs.due < rhs.due : bytesPrecede(lhs.id, rhs.id)
    }
}
