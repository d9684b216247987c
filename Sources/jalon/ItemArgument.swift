import ArgumentParser
import JalonCore

/// `PERSON/ITEM`, or a reminder `PERSON/ITEM/STEP` naming its item: what `done` and `undone` take (SPEC §6).
struct ItemArgument {
    var person: String
    var item: String
    var step: String?

    /// `PERSON/ITEM`.
    var key: String { person + "/" + item }

    /// Nil when `text` has neither form.
    init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 || parts.count == 3, isIdentifier(parts[0]), isIdentifier(parts[1]) else { return nil }
        if parts.count == 3 {
            guard !parts[2].isEmpty, parts[2].utf8.count <= 64, parts[2].allSatisfy({ $0.isASCII && !$0.isWhitespace })
            else { return nil }
        }
        person = parts[0]
        item = parts[1]
        step = parts.count == 3 ? parts[2] : nil
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
                    "jalon: " + CommandText.noStep(item: key, step: step, steps: steps).text(language) + "\n")
                throw ExitCode(1)
            }
        }
        return planned
    }
}
