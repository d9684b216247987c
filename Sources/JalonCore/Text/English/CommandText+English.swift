extension CommandText {
    package var english: String {
        switch self {
        case .alreadyRunning(let pid?, let directory):
            "jalon is already running on \(directory) (pid \(pid)): one daemon per state directory"
        case .alreadyRunning(nil, let directory):
            "jalon is already running on \(directory): one daemon per state directory"
        case .cannotLock(let path, let problem):
            "cannot lock \(path): \(problem)"
        case .settingsRefused(let errors):
            "jalon.toml has \(errors) error(s): jalon does not start rather than run on settings you did not choose; `jalon check` shows them"
        case .configurationDirectoryUnusable(let directory):
            "cannot use the configuration directory \(directory)"
        case .notAnItem(let argument):
            "\"\(argument)\" is not PERSON/ITEM (or a reminder, PERSON/ITEM/STEP), like marie-dupont/titre-pro"
        case .noPerson(let id, let directory, let suggestion?):
            "no person \"\(id)\" in \(directory) (did you mean \"\(suggestion)\"?)"
        case .noPerson(let id, let directory, nil):
            "no person \"\(id)\" in \(directory)"
        case .noItem(let person, let item, let items):
            "\(person) has no item \"\(item)\"; its items: \(items.joined(separator: ", "))"
        case .noStep(let item, let step, let steps):
            "\(item) has no reminder \"\(step)\"; its reminders: \(steps.joined(separator: ", "))"
        case .done(let item, true):
            "\(item): done; its reminders stop (the running daemon was told)."
        case .done(let item, false):
            "\(item): done; its reminders stop (no daemon is running: it will know at start)."
        case .alreadyDone(let item, let on):
            "\(item): already done on \(WordText.dayAndTime(on).english)."
        case .doneInFile(let item):
            "\(item): already done in its file (done = …)."
        case .undone(let item, true):
            "\(item): no longer done; its reminders are due again (the running daemon was told)."
        case .undone(let item, false):
            "\(item): no longer done; its reminders are due again (no daemon is running: it will know at start)."
        case .notDone(let item):
            "\(item) is not marked done: nothing to take back"
        case .undoneInFile(let item):
            "\(item) is done in its file (done = …): take that line out to take it back"
        case .stateUnusable(let problem):
            "cannot use the state: \(problem)"
        case .notATime(let option, let text):
            "\(option) \"\(text)\" is neither a date like 2026-12-01 nor a date-time like 2026-12-01T09:00:00+01:00"
        case .windowReversed(let from, let to):
            "the window ends (--to \(to)) before it starts (--from \(from))"
        case .toAndDays:
            "give --to or --days, not both"
        case .daysOutOfRange(let maximum):
            "--days must be between 0 and \(maximum)"
        }
    }
}
