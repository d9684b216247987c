/// A rule that applies from a date until the next version of it takes effect.
package protocol VersionedRule: Sendable {
    var effective: LocalDate { get }
}

/// The provider's deadlines on Mon Compte Formation (EDOF) for a CPF dossier.
package struct CPFRules: VersionedRule, Hashable {
    package var effective: LocalDate
    /// From `requested` to the provider's answer.
    package var answer: CalendarDuration
    /// The least time from the proposal (`proposed`) to the start; nil before such a rule existed.
    package var minStartAfterProposal: CalendarDuration?
    /// From `start` to the declared entry.
    package var entryDeclared: CalendarDuration
    /// From `end` to the declared exit (and service fait).
    package var exitDeclared: CalendarDuration
    /// From the declared exit to the validation of the service fait by the Caisse des Dépôts.
    package var serviceFaitValidated: CalendarDuration
}

/// R6313-7: how long a bilan's documents may be kept with the beneficiary's written consent.
package struct RetentionRule: VersionedRule, Hashable {
    package var effective: LocalDate
    package var keepWithConsent: CalendarDuration
}

/// R6313-8: the employee's delay to sign the three-party agreement of an employer-funded bilan.
package struct AgreementRule: VersionedRule, Hashable {
    package var effective: LocalDate
    package var signWithin: CalendarDuration
}

/// The rules of `Rules/rules.toml`, compiled into jalon, each list in the order of its effective dates.
package struct RuleBook: Sendable {
    package var cpf: [CPFRules]
    package var retention: [RetentionRule]
    package var agreement: [AgreementRule]

    package static let builtIn: RuleBook = {
        let (book, problems) = parse(String(decoding: PackageResources.rules_toml, as: UTF8.self))
        precondition(problems.isEmpty, "Rules/rules.toml has problems: \(problems)")
        return book
    }()

    /// The version of `rules` in force on `date`: the latest that took effect on or before it; nil before the first.
    package static func inForce<Rule: VersionedRule>(_ rules: [Rule], on date: LocalDate) -> Rule? {
        rules.last { $0.effective <= date }
    }

    /// The rules of a text, and its problems (the built-in one has none: a test says so).
    package static func parse(_ text: String) -> (book: RuleBook, problems: [DiagnosticText]) {
        let document = ConfigFile.document(text)
        let collector = DiagnosticCollector()
        collector.record(document.errors)
        var reader = TableReader(document.table, at: [], context: .table("rules.toml"), diagnostics: collector)
        var book = RuleBook(cpf: [], retention: [], agreement: [])
        for (table, path) in reader.arrayOfTables("cpf") {
            var sub = Sub(table, path, "[[cpf]]", collector)
            if let effective = sub.effective(), let answer = sub.required("answer"),
                let entry = sub.required("entry_declared"), let exit = sub.required("exit_declared"),
                let validated = sub.required("service_fait_validated")
            {
                book.cpf.append(
                    CPFRules(
                        effective: effective, answer: answer,
                        minStartAfterProposal: sub.reader.duration("min_start_after_proposal"), entryDeclared: entry,
                        exitDeclared: exit, serviceFaitValidated: validated))
            }
            sub.finish()
        }
        for (table, path) in reader.arrayOfTables("retention") {
            var sub = Sub(table, path, "[[retention]]", collector)
            if let effective = sub.effective(), let keep = sub.required("keep_with_consent") {
                book.retention.append(RetentionRule(effective: effective, keepWithConsent: keep))
            }
            sub.finish()
        }
        for (table, path) in reader.arrayOfTables("agreement") {
            var sub = Sub(table, path, "[[agreement]]", collector)
            if let effective = sub.effective(), let sign = sub.required("sign_within") {
                book.agreement.append(AgreementRule(effective: effective, signWithin: sign))
            }
            sub.finish()
        }
        reader.finish()
        book.cpf.sort { $0.effective < $1.effective }
        book.retention.sort { $0.effective < $1.effective }
        book.agreement.sort { $0.effective < $1.effective }
        return (book, collector.entries.map(\.text))
    }

    /// One table of the rules, with the keys every version has.
    private struct Sub {
        var reader: TableReader
        let path: TOMLPath

        init(_ table: TOML.Table, _ path: TOMLPath, _ name: String, _ diagnostics: DiagnosticCollector) {
            reader = TableReader(table, at: path, context: .table(name), diagnostics: diagnostics)
            self.path = path
        }

        mutating func effective() -> LocalDate? {
            guard case .date(let date)? = reader.value("effective") else {
                reader.diagnostics.error(.rules(.ruleNeeds(key: "effective")), at: path)
                return nil
            }
            return date
        }

        mutating func required(_ key: String) -> CalendarDuration? {
            let value = reader.duration(key)
            if value == nil { reader.diagnostics.error(.rules(.ruleNeeds(key: key)), at: path) }
            return value
        }

        mutating func finish() {
            for key in ["terms", "article", "source", "confidence", "note"] { _ = reader.string(key) }
            if let node = reader.value("checked"), case .date = node {
            } else {
                reader.diagnostics.error(.rules(.ruleNeeds(key: "checked")), at: path)
            }
            reader.finish()
        }
    }
}
