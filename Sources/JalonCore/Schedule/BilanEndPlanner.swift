/// The items the end of a bilan derives (Code du travail R6313-7, R6313-8; Qualiopi indicator 30): the destruction
/// of its documents, the signature of the three-party agreement when the employer funds it, and the evaluation "à
/// froid". Their ids hold a slash (`bilan/retention`), so that no id of a file can take them. Pure: no clock.
struct BilanEndPlanner {
    var settings: Settings
    var rules: RuleBook

    static let retentionID = "bilan/retention"
    static let agreementID = "bilan/agreement"
    static let evaluationID = "bilan/evaluation"

    /// - Parameter end: the local date of the person's latest conclusion session, nil when there is none.
    func items(of person: Person, end: LocalDate?, calendar: WorkCalendar, remindAt: LocalTime) -> [PlannedItem] {
        var result: [PlannedItem] = []
        let terms = person.bilan
        func add(_ kind: ItemKind, _ id: String, _ title: RulesText, _ day: LocalDate) {
            let policy = settings.policy(kind)
            result.append(
                PlannedItem(
                    person: person.id, id: id, kind: kind, title: title.text(settings.language),
                    base: calendar.zoned(LocalDateTime(day, remindAt)), remind: policy.remind, to: policy.to,
                    followUp: policy.followUp, onNonWorking: policy.onNonWorking, done: false, phase: nil, place: nil,
                    duration: nil))
        }
        func after(_ date: LocalDate, _ delay: CalendarDuration) -> LocalDate { calendar.date(date, plus: delay) }
        if terms.fundedByEmployer, let sent = terms.agreementSent,
            let rule = RuleBook.inForce(rules.agreement, on: sent)
        {
            add(.agreement, Self.agreementID, .agreementTitle, after(sent, rule.signWithin))
        }
        guard let end else { return result }
        if terms.retentionConsent == true, let rule = RuleBook.inForce(rules.retention, on: end) {
            add(
                .retention, Self.retentionID, .retentionTitle(keptFor: rule.keepWithConsent),
                after(end, rule.keepWithConsent))
        } else if terms.retentionConsent == false || settings.policy(.retention).enabled {
            add(.retention, Self.retentionID, .retentionTitle(keptFor: nil), end)
        }
        if terms.evaluation ?? settings.policy(.evaluation).enabled {
            add(.evaluation, Self.evaluationID, .evaluationTitle, after(end, settings.policy(.evaluation).after))
        }
        return result
    }
}
