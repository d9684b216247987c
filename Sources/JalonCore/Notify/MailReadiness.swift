/// Why no email will be sent, when none will.
package enum MailOffReason: String, Sendable, CaseIterable {
    /// `[mail]` has no `from` (or no `[mail]` table, or `from` misspelt).
    case noFrom
    /// `enabled = false`.
    case disabled
}

/// Whether mail is off while reminders have somebody to write to (SPEC §7): `check`, `status` and the journal at
/// start then say that no email will be sent. Pure.
package enum MailReadiness {
    /// Why mail is off, or nil when it is on.
    package static func offReason(_ settings: Settings) -> MailOffReason? {
        if settings.mail.from == nil { return .noFrom }
        return settings.mail.enabled ? nil : .disabled
    }

    /// Why no email will be sent although some reminder has a recipient with an address; nil when mail is on or
    /// nobody would get one anyway.
    package static func offWhileNeeded(_ settings: Settings, people: some Sequence<Person>) -> MailOffReason? {
        guard let reason = offReason(settings) else { return nil }
        let planner = ReminderPlanner(settings: settings)
        for person in people {
            for item in planner.items(of: person) where !item.done {
                if !planner.addresses(item.to, of: person).isEmpty { return reason }
                if let to = item.followUp?.to, !planner.addresses(to, of: person).isEmpty { return reason }
            }
        }
        return nil
    }
}

extension MailReadiness {
    /// `jalon check`'s warning that no email will be sent, at `jalon.toml`'s place: the `enabled` key when mail is
    /// disabled, else the `[mail]` table, else the start of the file. Nil when mail is on or nobody needs it.
    package static func diagnostic(for configuration: Configuration) -> Diagnostic? {
        guard let reason = offWhileNeeded(configuration.settings, people: configuration.people) else { return nil }
        let file = ConfigurationLoader.settingsFile
        var position = SourcePosition.start
        if case .text(let text) = ConfigFile.read(configuration.directory + "/" + file),
            let document = try? TOML.parse(text)
        {
            let keys: TOMLPath = [.key("mail")] + (reason == .disabled ? [.key("enabled")] : [])
            position = document.position(at: keys) ?? document.position(at: [.key("mail")]) ?? .start
        }
        return Diagnostic(
            file: file, position: position, severity: .warning,
            message: MailText.off(reason).text(configuration.settings.language))
    }
}
