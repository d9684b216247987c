import ArgumentParser
import JalonCore

/// `PERSON/ITEM`, or a reminder `PERSON/ITEM/STEP` naming its item: what `done` and `undone` take (SPEC §6). An item
/// derived by the rules has a slash in its id (`cpf-1/entry`, `bilan/evaluation`): `PERSON/DOSSIER/STEP` names the
/// step of a dossier, and `PERSON/DOSSIER/STEP/REMINDER` one of its reminders.
struct ItemArgument {
    var person: String
    var item: String
    var step: String?
    /// As written.
    var text: String
    /// `PERSON/A/B` read as the item `A/B` (a derived item), when the configuration has one.
    var derived: (item: String, step: String?)?

    /// `PERSON/ITEM`.
    var key: String { person + "/" + item }

    /// The keys the argument may name, the derived item's first: what `undone` looks for in the state.
    var keys: [String] { (derived.map { [person + "/" + $0.item] } ?? []) + [key] }

    /// Nil when `text` has none of these forms.
    init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard (2...4).contains(parts.count), isIdentifier(parts[0]), isIdentifier(parts[1]) else { return nil }
        func isStep(_ part: String) -> Bool {
            !part.isEmpty && part.utf8.count <= 64 && part.allSatisfy({ $0.isASCII && !$0.isWhitespace })
        }
        guard parts.dropFirst(2).allSatisfy(isStep) else { return nil }
        self.text = text
        person = parts[0]
        item = parts[1]
        switch parts.count {
        case 2: step = nil
        case 3:
            step = parts[2]
            derived = (parts[1] + "/" + parts[2], nil)
        default:
            guard isIdentifier(parts[2]) else { return nil }
            item = parts[1] + "/" + parts[2]
            step = parts[3]
        }
    }

    /// The item as the configuration has it now; prints why not and exits 1 when it has no such person, item or
    /// reminder.
    func resolve(in configuration: Configuration) throws -> PlannedItem {
        let language = configuration.settings.language
        guard let person = configuration.people.first(where: { $0.id == self.person }) else {
            let suggestion = closest(to: self.person, among: configuration.people.map(\.id))
            Output.standardError(
                "jalon: "
                    + CommandText.noPerson(id: self.person, directory: configuration.directory, suggestion: suggestion)
                    .text(language) + "\n")
            throw ExitCode(1)
        }
        let planner = ReminderPlanner(settings: configuration.settings)
        let items = planner.items(of: person)
        var item = self.item
        var step = self.step
        if let derived, items.contains(where: { $0.id == derived.item }) { (item, step) = derived }
        if item.contains("/"), !items.contains(where: { $0.id == item }) {
            // Four parts name a reminder of a derived item, or nothing.
            Output.standardError("jalon: " + CommandText.notAnItem(argument: text).text(language) + "\n")
            throw ExitCode(64)
        }
        guard let planned = items.first(where: { $0.id == item }) else {
            Output.standardError(
                "jalon: " + CommandText.noItem(person: person.id, item: item, items: items.map(\.id)).text(language)
                    + "\n")
            throw ExitCode(1)
        }
        if let step {
            let steps = planner.reminders(for: planned, of: person, calendar: planner.calendar(for: person))
                .map(\.step)
            guard steps.contains(step) else {
                Output.standardError(
                    "jalon: " + CommandText.noStep(item: planned.key, step: step, steps: steps).text(language)
                        + "\n")
                throw ExitCode(1)
            }
        }
        return planned
    }
}
