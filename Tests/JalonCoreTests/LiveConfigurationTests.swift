import Testing

@testable import JalonCore

@Suite struct LiveConfigurationTests {
    func person(_ id: String, file: String, items: [String] = []) -> Person {
        Person(
            id: id, name: id, email: nil, consultant: nil, zone: nil, holidays: nil, remindAt: nil, suivi: true,
            items: items.map {
                Item(
                    id: $0, kind: .deadline, title: nil, base: .when(.date(LocalDate(year: 2027, month: 1, day: 1))),
                    phase: nil, duration: nil, place: nil, trainingKind: nil, remind: nil, to: nil, followUp: nil,
                    onNonWorking: nil, done: false)
            }, file: file)
    }

    func broken(_ path: String) -> PersonFile {
        PersonFile(
            path: path, person: nil,
            diagnostics: [
                Diagnostic(file: path, position: SourcePosition(line: 3, column: 1), severity: .error, message: "bad")
            ])
    }

    @Test func aBrokenFileKeepsItsLastGoodVersion() {
        var live = LiveConfiguration(settings: .defaults(zone: .utc))
        var change = live.apply(
            [
                PersonFile(
                    path: "people/a.toml", person: person("a", file: "people/a.toml", items: ["x"]), diagnostics: [])
            ], removed: [])
        #expect(change.people == ["a"])
        change = live.apply([broken("people/a.toml")], removed: [])
        #expect(change.people.isEmpty)
        #expect(change.diagnostics.map(\.description) == ["people/a.toml:3:1: error: bad"])
        #expect(live.people["a"]?.items.map(\.id) == ["x"])
        #expect(live.diagnostics.count == 1)
        // Fixed: the new version replaces it and the problem goes.
        change = live.apply(
            [
                PersonFile(
                    path: "people/a.toml", person: person("a", file: "people/a.toml", items: ["y"]), diagnostics: [])
            ], removed: [])
        #expect(change.people == ["a"])
        #expect(live.people["a"]?.items.map(\.id) == ["y"])
        #expect(live.diagnostics.isEmpty)
    }

    @Test func aNewFileCannotTakeAnIdFromAnother() {
        var live = LiveConfiguration(settings: .defaults(zone: .utc))
        _ = live.apply(
            [PersonFile(path: "people/b.toml", person: person("marie", file: "people/b.toml"), diagnostics: [])],
            removed: [])
        // A file that comes first in byte order, added later, claims the same id: it is the one in error.
        let change = live.apply(
            [PersonFile(path: "people/a.toml", person: person("marie", file: "people/a.toml"), diagnostics: [])],
            removed: [])
        #expect(change.people.isEmpty)
        #expect(live.owners["marie"] == "people/b.toml")
        #expect(change.diagnostics.map(\.code) == ["person.duplicate"])
        #expect(change.diagnostics.first?.message.contains("people/b.toml") == true)
    }

    @Test func removingAFileRemovesItsPersonAndARenamedIdFreesTheOld() {
        var live = LiveConfiguration(settings: .defaults(zone: .utc))
        _ = live.apply(
            [PersonFile(path: "people/a.toml", person: person("a", file: "people/a.toml"), diagnostics: [])],
            removed: [])
        var change = live.apply(
            [PersonFile(path: "people/a.toml", person: person("a2", file: "people/a.toml"), diagnostics: [])],
            removed: [])
        #expect(change.people == ["a", "a2"])
        #expect(Set(live.people.keys) == ["a2"])
        change = live.apply([], removed: ["people/a.toml"])
        #expect(change.people == ["a2"])
        #expect(live.people.isEmpty)
    }

    @Test func brokenSettingsAreKept() {
        var live = LiveConfiguration(settings: .defaults(zone: .utc))
        var settings = Settings.defaults(zone: .utc)
        settings.language = .en
        let applied = live.applySettings(settings, diagnostics: [])
        #expect(applied)
        let problem = Diagnostic(file: "jalon.toml", position: .start, severity: .error, message: "bad")
        let kept = live.applySettings(nil, diagnostics: [problem])
        #expect(!kept)
        #expect(live.settings.language == .en)
        #expect(live.diagnostics == [problem])
    }

    @Test func atStartTheFileNamedLikeTheIdKeepsIt() {
        var live = LiveConfiguration(settings: .defaults(zone: .utc))
        let change = live.apply(
            [
                PersonFile(
                    path: "people/a-copy.toml", person: person("marie", file: "people/a-copy.toml"), diagnostics: [],
                    idPosition: SourcePosition(line: 2, column: 1)),
                PersonFile(
                    path: "people/marie.toml", person: person("marie", file: "people/marie.toml"), diagnostics: []),
            ], removed: [])
        #expect(live.owners["marie"] == "people/marie.toml")
        #expect(change.diagnostics.map(\.file) == ["people/a-copy.toml"])
        #expect(change.diagnostics.first?.position == SourcePosition(line: 2, column: 1))
        #expect(change.diagnostics.first?.message.contains("people/marie.toml") == true)
    }

    @Test func onReloadTheFileThatHasTheIdKeepsItEvenAgainstOneNamedLikeIt() {
        var live = LiveConfiguration(settings: .defaults(zone: .utc))
        _ = live.apply(
            [PersonFile(path: "people/b.toml", person: person("marie", file: "people/b.toml"), diagnostics: [])],
            removed: [])
        let change = live.apply(
            [
                PersonFile(
                    path: "people/marie.toml", person: person("marie", file: "people/marie.toml"), diagnostics: [])
            ],
            removed: [])
        #expect(live.owners["marie"] == "people/b.toml")
        #expect(change.people.isEmpty)
        #expect(change.diagnostics.map(\.file) == ["people/marie.toml"])
    }

    @Test func anIdLetGoGoesToAFileThatClaimedIt() {
        var live = LiveConfiguration(settings: .defaults(zone: .utc))
        _ = live.apply(
            [PersonFile(path: "people/b.toml", person: person("marie", file: "people/b.toml"), diagnostics: [])],
            removed: [])
        _ = live.apply(
            [
                PersonFile(
                    path: "people/c.toml", person: person("marie", file: "people/c.toml", items: ["x"]), diagnostics: []
                )
            ],
            removed: [])
        #expect(live.diagnostics.map(\.file) == ["people/c.toml"])
        // b.toml takes another id: marie goes to c.toml, whose problem is gone.
        let change = live.apply(
            [PersonFile(path: "people/b.toml", person: person("bruno", file: "people/b.toml"), diagnostics: [])],
            removed: [])
        #expect(change.people == ["marie", "bruno"])
        #expect(live.owners == ["marie": "people/c.toml", "bruno": "people/b.toml"])
        #expect(live.people["marie"]?.items.map(\.id) == ["x"])
        #expect(live.diagnostics.isEmpty)
        // c.toml goes away: nobody has marie.
        _ = live.apply([], removed: ["people/c.toml"])
        #expect(live.owners["marie"] == nil)
    }
}
