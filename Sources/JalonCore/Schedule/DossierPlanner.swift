/// The items a CPF dossier derives: one per step whose starting date is known, due in jours ouvrés after it by the
/// rules in force on that date (`RuleBook.cpf`). Pure: no clock.
struct DossierPlanner {
    var settings: Settings
    var rules: RuleBook

    /// The steps of `dossier`, as items `DOSSIER/STEP` of kind `dossier`.
    func items(
        of dossier: Dossier, person: Person, calendar: WorkCalendar, remindAt: LocalTime
    ) -> [PlannedItem] {
        let policy = settings.policy(.dossier)
        let name = dossier.title ?? dossier.id
        var result: [PlannedItem] = []
        func add(_ step: DossierStep, _ day: LocalDate) {
            result.append(
                PlannedItem(
                    person: person.id, id: dossier.id + "/" + step.rawValue, kind: .dossier,
                    title: RulesText.dossierStep(step, dossier: name).text(settings.language),
                    base: calendar.zoned(LocalDateTime(day, remindAt)), remind: dossier.remind ?? policy.remind,
                    to: dossier.to ?? policy.to, followUp: dossier.followUp ?? policy.followUp,
                    onNonWorking: dossier.onNonWorking ?? policy.onNonWorking,
                    done: dossier.done || dossier.stepsDone.contains(step), phase: nil, place: nil, duration: nil))
        }
        func after(_ date: LocalDate, _ delay: CalendarDuration) -> LocalDate { calendar.date(date, plus: delay) }
        if let requested = dossier.requested, let version = RuleBook.inForce(rules.cpf, on: requested) {
            add(.answer, after(requested, version.answer))
        }
        if let start = dossier.start, let version = RuleBook.inForce(rules.cpf, on: start) {
            add(.entry, after(start, version.entryDeclared))
        }
        if let end = dossier.end, let version = RuleBook.inForce(rules.cpf, on: end) {
            let exit = after(end, version.exitDeclared)
            add(.exit, exit)
            add(.serviceFait, after(exit, version.serviceFaitValidated))
        }
        return result
    }
}
