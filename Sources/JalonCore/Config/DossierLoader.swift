/// A `[[dossier]]` table → `Dossier`, and the person keys of the bilan's end → `BilanTerms`.
enum DossierLoader {
    /// The dossier, or nil when it has a problem: an error, or dates that go backwards (a warning: the rest of the
    /// file still plans). The id is returned whenever it is readable, so that a duplicate is reported.
    static func load(
        _ table: TOML.Table, at path: TOMLPath, calendar: WorkCalendar, rules: RuleBook,
        diagnostics: DiagnosticCollector
    ) -> (id: String?, dossier: Dossier?) {
        var reader = TableReader(table, at: path, context: .table("[[dossier]]"), diagnostics: diagnostics)
        defer { reader.finish() }
        let id = reader.identifier("id")
        if !reader.has("id") {
            diagnostics.error(.missingID(section: "dossier", example: "cpf-1"), at: path)
        }
        let title = reader.headerText("title")
        let funding = reader.headerText("funding") ?? "cpf"
        let overrides = ItemOverrides.read(&reader, kind: .dossier)
        let keys = ["requested", "proposed", "start", "end"]
        var dates: [String: LocalDate] = [:]
        for key in keys {
            if let date = reader.date(key) { dates[key] = date }
        }
        var done = false
        var stepsDone: Set<DossierStep> = []
        if let node = reader.value("done") {
            if let flag = reader.doneFlag(node) {
                done = flag.done
            } else if case .array(let elements, _) = node {
                for element in elements {
                    guard case .string(let name) = element else {
                        reader.mismatch("done", expected: .doneValue, found: element)
                        continue
                    }
                    if let step = DossierStep(rawValue: name) {
                        stepsDone.insert(step)
                    } else {
                        reader.error(
                            .notOneOf(
                                key: "done", value: printable(name), allowed: DossierStep.allCases.map(\.rawValue)),
                            key: "done")
                    }
                }
            } else {
                reader.mismatch("done", expected: .doneValue, found: node)
            }
        }
        guard let id else { return (nil, nil) }
        // requested ≤ proposed ≤ start ≤ end, for the dates given.
        var previous: (String, LocalDate)?
        for key in keys {
            guard let date = dates[key] else { continue }
            if let (earlierKey, earlier) = previous, date < earlier {
                reader.warning(
                    .rules(
                        .dossierDatesBackwards(later: key, laterDate: date, earlier: earlierKey, earlierDate: earlier)),
                    key: key)
                return (id, nil)
            }
            previous = (key, date)
        }
        if let proposed = dates["proposed"], let start = dates["start"],
            let minimum = RuleBook.inForce(rules.cpf, on: proposed)?.minStartAfterProposal
        {
            let earliest = calendar.date(proposed, plus: minimum)
            if start < earliest {
                reader.warning(
                    .rules(.dossierStartTooEarly(start: start, earliest: earliest, minimum: minimum)),
                    key: "start")
            }
        }
        return (
            id,
            Dossier(
                id: id, title: title, funding: funding, requested: dates["requested"], proposed: dates["proposed"],
                start: dates["start"], end: dates["end"], remind: overrides.remind, to: overrides.to,
                followUp: overrides.followUp, onNonWorking: overrides.onNonWorking, done: done, stepsDone: stepsDone)
        )
    }

    /// `retention_consent`, `funding`, `agreement_sent` and `evaluation` of a person file.
    static func bilanTerms(_ reader: inout TableReader) -> BilanTerms {
        var terms = BilanTerms()
        terms.retentionConsent = reader.bool("retention_consent")
        terms.funding = reader.headerText("funding")
        terms.agreementSent = reader.date("agreement_sent")
        terms.evaluation = reader.bool("evaluation")
        if terms.agreementSent != nil && !terms.fundedByEmployer {
            reader.warning(.rules(.agreementWithoutEmployer), key: "agreement_sent")
        }
        return terms
    }
}
