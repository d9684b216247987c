import Foundation

/// `jalon.toml` → `Settings` (SPEC §2).
///
/// Every key that is valid is taken; a key with a problem keeps its default and the problem is reported, so that a
/// typo in one policy does not silence every reminder.
enum SettingsLoader {
    static func load(_ document: TOML.Table, diagnostics: DiagnosticCollector, systemZone: Zone) -> Settings {
        var settings = Settings.defaults(zone: systemZone)
        var reader = TableReader(document, at: [], context: .settingsFile, diagnostics: diagnostics)
        if let zone = reader.zone("timezone") { settings.zone = zone }
        if let language = reader.choice("locale", Language.self) { settings.language = language }
        if let holidays = reader.choice("holidays", HolidaySet.self) { settings.holidays = holidays }
        if let time = reader.timeOfDay("remind_at") { settings.remindAt = time }
        if let catchUp = reader.duration("catch_up") {
            if catchUp.count < 0 {
                reader.error(.negativeCatchUp, key: "catch_up")
            } else {
                settings.catchUp = catchUp
            }
        }
        if let mail = reader.table("mail") {
            settings.mail = loadMail(
                mail, at: reader.keyPath("mail"), defaults: settings.mail, diagnostics: diagnostics)
        }
        for (table, path) in reader.arrayOfTables("consultant") {
            guard let consultant = loadConsultant(table, at: path, diagnostics: diagnostics) else { continue }
            if settings.consultants[consultant.id] != nil {
                diagnostics.error(.duplicateConsultant(id: consultant.id), at: path + [.key("id")])
            } else {
                settings.consultants[consultant.id] = consultant
            }
        }
        for (table, path) in reader.arrayOfTables("catalog") {
            if let entry = CatalogEntryReader.read(table, at: path, over: settings.catalog, diagnostics: diagnostics) {
                settings.catalog[entry.kind] = entry
            }
        }
        if let calendar = reader.table("calendar") {
            settings.calendarFile = loadCalendar(calendar, at: reader.keyPath("calendar"), diagnostics: diagnostics)
        }
        if let policies = reader.table("policy") {
            var policyReader = TableReader(
                policies, at: reader.keyPath("policy"), context: .table("[policy]"), diagnostics: diagnostics)
            for kind in ItemKind.allCases {
                guard let table = policyReader.table(kind.rawValue) else { continue }
                settings.policies[kind] = loadPolicy(
                    table, kind: kind, at: policyReader.keyPath(kind.rawValue), base: settings.policy(kind),
                    diagnostics: diagnostics)
            }
            policyReader.finish()
        }
        reader.finish()
        return settings
    }

    private static func loadMail(
        _ table: TOML.Table, at path: TOMLPath, defaults: MailSettings, diagnostics: DiagnosticCollector
    ) -> MailSettings {
        var mail = defaults
        var reader = TableReader(table, at: path, context: .table("[mail]"), diagnostics: diagnostics)
        if let from = reader.mailbox("from", notAddress: DiagnosticText.notAMailbox) { mail.from = from }
        if let node = reader.value("sendmail") {
            var command: [String]? = nil
            switch node {
            case .string(let program): command = [program]
            case .array(let elements, _):
                let strings = elements.compactMap { if case .string(let s) = $0 { s } else { nil } }
                if strings.count == elements.count && !strings.isEmpty { command = strings }
            default: break
            }
            if let command, command[0].hasPrefix("/") {
                mail.sendmail = command
            } else {
                reader.error(.sendmailNotAbsolute, key: "sendmail")
            }
        }
        if let node = reader.value("timeout") {
            if case .integer(let seconds) = node, (1...3600).contains(seconds) {
                mail.timeout = seconds
            } else {
                reader.error(.timeoutRange, key: "timeout")
            }
        }
        if let node = reader.value("retry") {
            if case .integer(let seconds) = node, (1...86_400).contains(seconds) {
                mail.retry = seconds
            } else {
                reader.error(.retryRange, key: "retry")
            }
        }
        mail.enabled = mail.from != nil
        if let enabled = reader.bool("enabled") {
            if enabled && mail.from == nil {
                // A `from` with a problem of its own has said so already.
                if !reader.has("from") { reader.error(.enabledWithoutFrom, key: "enabled") }
            } else {
                mail.enabled = enabled
            }
        }
        reader.finish()
        return mail
    }

    private static func loadConsultant(
        _ table: TOML.Table, at path: TOMLPath, diagnostics: DiagnosticCollector
    ) -> Consultant? {
        var reader = TableReader(table, at: path, context: .table("[[consultant]]"), diagnostics: diagnostics)
        defer { reader.finish() }
        let id = reader.identifier("id")
        if !reader.has("id") {
            diagnostics.error(.missingID(section: "consultant", example: "claire"), at: path)
        }
        let name = reader.headerText("name")
        let email = reader.mailbox("email", notAddress: DiagnosticText.notAnAddress)
        let digest = reader.timeOfDay("digest")
        guard let id else { return nil }
        return Consultant(id: id, name: name ?? email?.name ?? id, email: email?.address, digest: digest)
    }

    /// A `[policy.KIND]` table over `base`: the keys it names replace, the others keep their value.
    private static func loadPolicy(
        _ table: TOML.Table, kind: ItemKind, at path: TOMLPath, base: Policy, diagnostics: DiagnosticCollector
    ) -> Policy {
        var policy = base
        var reader = TableReader(
            table, at: path, context: .table("[policy.\(kind.rawValue)]"), diagnostics: diagnostics)
        let overrides = ItemOverrides.read(&reader, kind: kind)
        if let remind = overrides.remind { policy.remind = remind }
        if let to = overrides.to { policy.to = to }
        if let followUp = overrides.followUp { policy.followUp = followUp }
        if let rule = overrides.onNonWorking { policy.onNonWorking = rule }
        if let invite = overrides.invite { policy.invite = invite }
        if kind == .retention || kind == .evaluation, let enabled = reader.bool("enabled") {
            policy.enabled = enabled
        }
        if kind == .suivi || kind == .evaluation, let after = reader.duration("after") {
            if after.count <= 0 {
                reader.error(.afterNotPositive, key: "after")
            } else {
                policy.after = after
            }
        }
        reader.finish()
        return policy
    }
}

/// The keys an item shares with its policy: `remind`, `to`, `follow_up`, `on_non_working`.
struct ItemOverrides {
    var remind: [CalendarDuration]?
    var to: [Recipient]?
    /// Nil: not given; `.some(nil)`: `follow_up = false`.
    var followUp: FollowUp??
    var onNonWorking: NonWorkingRule?
    /// Sessions only: `invite`.
    var invite: Bool?

    static func read(_ reader: inout TableReader, kind: ItemKind) -> ItemOverrides {
        var result = ItemOverrides()
        if kind == .session { result.invite = reader.bool("invite") }
        result.remind = reader.durations("remind")
        result.to = reader.recipients("to")
        result.onNonWorking = reader.choice("on_non_working", NonWorkingRule.self)
        if let node = reader.value("follow_up") {
            switch node {
            case .bool(false):
                result.followUp = .some(nil)
            case .table(let table):
                var sub = TableReader(
                    table, at: reader.keyPath("follow_up"), context: .table("`follow_up`"),
                    diagnostics: reader.diagnostics)
                let every = sub.duration("every")
                let to = sub.recipients("to")
                var count: Int?
                if let countNode = sub.value("count") {
                    if case .integer(let n) = countNode, (0...1000).contains(n) {
                        count = n
                    } else {
                        sub.error(.followUpCountRange, key: "count")
                    }
                }
                if let every, every.count <= 0 {
                    sub.error(.everyNotPositive, key: "every")
                } else if every == nil && !sub.has("every") {
                    reader.error(.followUpNeeds(key: "every"), key: "follow_up")
                } else if count == nil && !sub.has("count") {
                    reader.error(.followUpNeeds(key: "count"), key: "follow_up")
                } else if let every, let count {
                    result.followUp = .some(FollowUp(every: every, count: count, to: to))
                }
                sub.finish()
            default:
                reader.mismatch("follow_up", expected: .followUp, found: node)
            }
        }
        return result
    }
}
