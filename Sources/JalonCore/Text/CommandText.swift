/// What the command line says: the errors of `run`, and the answers and errors of `done`, `undone` and `agenda`.
///
/// Printed after `jalon: ` on standard output (answers) or standard error (errors), in the settings' language;
/// times in the settings' zone.
package enum CommandText: Localizable {
    // MARK: run
    /// Another `jalon run` holds the state directory's lock; `pid` when its lock file says which.
    case alreadyRunning(pid: Int?, stateDirectory: String)
    /// The lock file cannot be made or locked.
    case cannotLock(path: String, problem: String)
    /// `jalon.toml` has errors: the daemon does not start.
    case settingsRefused(errors: Int)
    case configurationDirectoryUnusable(directory: String)

    // MARK: done, undone
    /// The argument is neither `PERSON/ITEM` nor `PERSON/ITEM/STEP`.
    case notAnItem(argument: String)
    case noPerson(id: String, directory: String, suggestion: String?)
    case noItem(person: String, item: String, items: [String])
    case noStep(item: String, step: String, steps: [String])
    /// The item is finished; `told`: a running daemon was told.
    case done(item: String, told: Bool)
    case alreadyDone(item: String, on: LocalDateTime)
    /// The item says `done = …` in its file.
    case doneInFile(item: String)
    case undone(item: String, told: Bool)
    case notDone(item: String)
    /// `undone` on an item whose file says `done = …`.
    case undoneInFile(item: String)
    /// The state database cannot be used.
    case stateUnusable(problem: String)

    // MARK: agenda
    case notATime(option: String, text: String)
    case windowReversed(from: String, to: String)
    case toAndDays
    case daysOutOfRange(maximum: Int)

    package static var samples: [CommandText] {
        let day = LocalDateTime(LocalDate(year: 2026, month: 12, day: 3), LocalTime(hour: 10, minute: 15))
        return [
            .alreadyRunning(pid: 4242, stateDirectory: "/home/claire/.local/state/jalon"),
            .alreadyRunning(pid: nil, stateDirectory: "/home/claire/.local/state/jalon"),
            .cannotLock(path: "/home/claire/.local/state/jalon/jalon.lock", problem: "Permission denied"),
            .settingsRefused(errors: 1),
            .configurationDirectoryUnusable(directory: "/home/claire/.config/jalon"),
            .notAnItem(argument: "marie"),
            .noPerson(id: "mari", directory: "/home/claire/.config/jalon", suggestion: "marie"),
            .noPerson(id: "zoe", directory: "/home/claire/.config/jalon", suggestion: nil),
            .noItem(person: "marie", item: "titr", items: ["s1", "titre"]),
            .noStep(item: "marie/titre", step: "-15d", steps: ["-14d", "-3d", "+0d"]),
            .done(item: "marie/titre", told: true), .done(item: "marie/titre", told: false),
            .alreadyDone(item: "marie/titre", on: day), .doneInFile(item: "marie/titre"),
            .undone(item: "marie/titre", told: true), .undone(item: "marie/titre", told: false),
            .notDone(item: "marie/titre"), .undoneInFile(item: "marie/titre"),
            .stateUnusable(problem: "the state database is damaged"),
            .notATime(option: "--from", text: "tomorrow"),
            .windowReversed(from: "2026-12-10", to: "2026-12-01"), .toAndDays, .daysOutOfRange(maximum: 36_600),
        ]
    }
}
