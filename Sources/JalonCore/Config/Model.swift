/// The language of messages and of the agenda.
package enum Language: String, CaseIterable, Sendable {
    case fr
    case en
}

/// The kinds of item that produce reminders (SPEC §5), with those the rules providers live by derive: a step of a
/// CPF dossier, the destruction of a bilan's documents, the signature of its three-party agreement, its evaluation
/// "à froid".
package enum ItemKind: String, CaseIterable, Sendable {
    case session
    case deadline
    case renewal
    case suivi
    case dossier
    case retention
    case agreement
    case evaluation
}

/// The phases of a bilan and of what follows it.
package enum Phase: String, CaseIterable, Sendable {
    case preliminaire
    case investigation
    case conclusion
    case suivi
    case accompagnement
}

/// Who a reminder goes to, as written in a `to` list.
package enum Recipient: Hashable, Sendable {
    case person
    case consultant
    case address(String)
}

/// Repeated reminders after the base: step i is due at base + i × `every`.
package struct FollowUp: Hashable, Sendable {
    package var every: CalendarDuration
    package var count: Int
    /// Nil: the item's own `to`.
    package var to: [Recipient]?
}

/// The reminder rules of one kind of item, after merging `jalon.toml` over the built-in defaults.
package struct Policy: Hashable, Sendable {
    package var remind: [CalendarDuration]
    package var to: [Recipient]
    package var followUp: FollowUp?
    package var onNonWorking: NonWorkingRule
    /// For `suivi` only: how long after the conclusion session the follow-up interview falls.
    package var after: CalendarDuration
    /// For `retention` and `evaluation`: whether every bilan's end derives the item (`enabled = true`); off by
    /// default, a person file's `retention_consent` or `evaluation` turns it on (or off) for that person.
    package var enabled: Bool = true
    /// For sessions only: whether the person gets a calendar invitation (iMIP) for each session.
    package var invite = false

    /// The built-in policies of SPEC §2.
    package static func builtIn(_ kind: ItemKind) -> Policy {
        func d(_ count: Int, _ unit: CalendarDuration.Unit) -> CalendarDuration { CalendarDuration(count, unit) }
        switch kind {
        case .session:
            return Policy(
                remind: [d(-2, .day), d(-2, .hour)], to: [.person, .consultant], followUp: nil,
                onNonWorking: .keep, after: d(6, .month))
        case .deadline:
            return Policy(
                remind: [d(-14, .day), d(-3, .day), d(0, .day)], to: [.person],
                followUp: FollowUp(every: d(7, .day), count: 3, to: [.person, .consultant]),
                onNonWorking: .keep, after: d(6, .month))
        case .renewal:
            return Policy(
                remind: [d(-90, .day), d(-30, .day), d(-7, .day)], to: [.person],
                followUp: FollowUp(every: d(14, .day), count: 2, to: [.person, .consultant]),
                onNonWorking: .keep, after: d(6, .month))
        case .suivi:
            return Policy(
                remind: [d(-14, .day), d(0, .day)], to: [.consultant], followUp: nil,
                onNonWorking: .keep, after: d(6, .month))
        case .dossier, .retention, .agreement, .evaluation:
            return RulesPolicies.builtIn(kind)
        }
    }
}

/// An email address with an optional display name: `Cabinet Horizon <suivi@horizon.example>`.
package struct MailAddress: Hashable, Sendable, CustomStringConvertible {
    package var name: String?
    package var address: String

    package init(name: String?, address: String) {
        self.name = name
        self.address = address
    }

    package var description: String {
        guard let name, !name.isEmpty else { return address }
        return "\(name) <\(address)>"
    }
}

package struct MailSettings: Hashable, Sendable {
    package var from: MailAddress?
    /// The program and its extra arguments, run with no shell.
    package var sendmail: [String]
    package var enabled: Bool
    /// How long sendmail may take with one message before it is stopped and the message retried, in seconds.
    package var timeout: Int = 60
    /// The first delay before a message sendmail did not take is tried again, in seconds (`MailRetryPolicy`).
    package var retry: Int = 60
}

package struct Consultant: Hashable, Sendable {
    package var id: String
    package var name: String
    package var email: String?
    /// When set, one digest a day at this time replaces the consultant's individual emails.
    package var digest: LocalTime?

    /// The name to tell a beneficiary to write to: only a consultant with an address gets a reply.
    package var nameForReplies: String? { email != nil ? name : nil }
}

extension [String: Consultant] {
    /// The name of the consultant with this id, else the id itself (a file may name one the settings do not
    /// declare).
    package func name(of id: String?) -> String? {
        id.map { self[$0]?.name ?? $0 }
    }
}

extension Settings {
    /// The person's consultant, when the file names one that the settings declare.
    package func consultant(of person: Person?) -> Consultant? {
        person?.consultant.flatMap { consultants[$0] }
    }
}

/// `jalon.toml`, with every default applied.
package struct Settings: Sendable {
    package var zone: Zone
    package var language: Language
    package var holidays: HolidaySet
    package var remindAt: LocalTime
    package var catchUp: CalendarDuration
    package var mail: MailSettings
    package var consultants: [String: Consultant]
    package var policies: [ItemKind: Policy]
    /// `[calendar] file`: where the daemon keeps its calendar; nil: `calendar.ics` in the state directory.
    package var calendarFile: String? = nil
    /// The renewal catalogue: the built-in one with the `[[catalog]]` tables of `jalon.toml` over it.
    package var catalog: [String: CatalogEntry] = RenewalCatalog.builtIn

    /// The defaults, with the system's zone (or `zone` when given).
    package static func defaults(zone: Zone = .system) -> Settings {
        Settings(
            zone: zone, language: .fr, holidays: .metropole, remindAt: LocalTime(hour: 9, minute: 0),
            catchUp: CalendarDuration(7, .day),
            mail: MailSettings(from: nil, sendmail: ["/usr/sbin/sendmail"], enabled: false),
            consultants: [:],
            policies: Dictionary(uniqueKeysWithValues: ItemKind.allCases.map { ($0, Policy.builtIn($0)) }))
    }

    package func policy(_ kind: ItemKind) -> Policy { policies[kind] ?? Policy.builtIn(kind) }
}

/// When something happens, as written: a date, a local date-time, or a date-time with an offset.
package enum DateSpec: Hashable, Sendable {
    case date(LocalDate)
    case local(LocalDateTime)
    case offset(LocalDateTime, minutes: Int)
}

/// A `[[session]]`, `[[deadline]]` or `[[training]]` of a person, as written.
package struct Item: Hashable, Sendable {
    package enum Base: Hashable, Sendable {
        /// A session's `at` or a deadline's `due`.
        case when(DateSpec)
        /// A training's expiry: an explicit date, or obtained + validity.
        case expires(LocalDate)
        case obtained(LocalDate, validity: CalendarDuration)
    }

    package var id: String
    package var kind: ItemKind
    package var title: String?
    package var base: Base
    package var phase: Phase?
    package var duration: CalendarDuration?
    package var place: String?
    /// A training's catalog kind.
    package var trainingKind: String?
    package var remind: [CalendarDuration]?
    package var to: [Recipient]?
    /// Nil: the policy's; `.some(nil)`: `follow_up = false`.
    package var followUp: FollowUp??
    package var onNonWorking: NonWorkingRule?
    package var done: Bool
    /// The date of `done = 2027-03-01` (the local date of a date-time), when the file gives one.
    package var doneOn: LocalDate? = nil
    /// A session's `invite`: nil, the policy's.
    package var invite: Bool? = nil
}

/// One person file.
package struct Person: Hashable, Sendable {
    package var id: String
    package var name: String
    package var email: String?
    package var consultant: String?
    package var zone: Zone?
    package var holidays: HolidaySet?
    package var remindAt: LocalTime?
    package var suivi: Bool
    package var items: [Item]
    /// The file, relative to the configuration directory.
    package var file: String
    /// `[[dossier]]`: CPF dossiers.
    package var dossiers: [Dossier] = []
    /// The keys of the bilan's end: `retention_consent`, `funding`, `agreement_sent`.
    package var bilan: BilanTerms = BilanTerms()
    /// `locale`: the language of the messages the person receives; nil, the settings'.
    package var language: Language? = nil
}
