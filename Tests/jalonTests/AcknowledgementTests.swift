import Foundation
import JalonCore
import Testing

/// `jalon done` shows everywhere at once and can be taken back (SPEC §6): `agenda` and `status` read the
/// acknowledgements themselves; `done` takes a reminder id too and says when an item was done already.
@Suite(.serialized) struct AcknowledgementTests {
    /// A configuration with one deadline on 1 March 2027 (reminders -14d, -3d, +0d) and one session.
    func configuration(_ scratch: Scratch, locale: String = "en") throws -> (config: String, state: String) {
        try scratch.write("c/jalon.toml", "timezone = \"Europe/Paris\"\nlocale = \"\(locale)\"\n")
        try scratch.write(
            "c/people/p.toml",
            """
            name = "P"
            [[deadline]]
            id = "d"
            due = 2027-03-01
            follow_up = false
            [[session]]
            id = "s"
            at = 2027-02-20T10:00:00
            remind = ["-1d"]
            [[deadline]]
            id = "finished"
            due = 2027-02-01
            done = true
            """)
        return (scratch.path + "/c", scratch.path + "/state")
    }

    func agendaIDs(_ config: String, _ state: String) throws -> [String] {
        let result = try jalon([
            "agenda", "--config", config, "--state", state, "--from", "2027-01-01", "--days", "90", "--json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let array = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
        return array.compactMap { $0["id"] as? String }
    }

    @Test func doneShowsInTheAgendaAtOnceAndUndoneTakesItBack() throws {
        let scratch = try Scratch()
        let (config, state) = try configuration(scratch)
        // No state directory yet: the agenda reads none and makes none.
        #expect(try agendaIDs(config, state) == ["p/d/-14d", "p/s/-1d", "p/d/-3d", "p/d/+0d"])
        #expect(!FileManager.default.fileExists(atPath: state))

        let done = try jalon(["done", "--config", config, "--state", state, "p/d/-3d"])
        #expect(done.status == 0, "\(done.stderr)")
        #expect(done.stdout == "p/d: done; its reminders stop (no daemon is running: it will know at start).\n")
        #expect(try agendaIDs(config, state) == ["p/s/-1d"])

        let again = try jalon(["done", "--config", config, "--state", state, "p/d"])
        #expect(again.status == 0)
        #expect(again.stdout.hasPrefix("p/d: already done on "), "\(again.stdout)")
        let inFile = try jalon(["done", "--config", config, "--state", state, "p/finished"])
        #expect(inFile.status == 0 && inFile.stdout == "p/finished: already done in its file (done = …).\n")

        let undone = try jalon(["undone", "--config", config, "--state", state, "p/d"])
        #expect(undone.status == 0, "\(undone.stderr)")
        #expect(undone.stdout.hasPrefix("p/d: no longer done"))
        #expect(try agendaIDs(config, state) == ["p/d/-14d", "p/s/-1d", "p/d/-3d", "p/d/+0d"])
        let twice = try jalon(["undone", "--config", config, "--state", state, "p/d"])
        #expect(twice.status == 1 && twice.stderr == "jalon: p/d is not marked done: nothing to take back\n")
        let file = try jalon(["undone", "--config", config, "--state", state, "p/finished"])
        #expect(file.status == 1 && file.stderr.contains("done in its file"))
    }

    @Test func alreadyDoneSaysWhenInTheSettingsLanguageAndZone() throws {
        let scratch = try Scratch()
        let (config, state) = try configuration(scratch, locale: "fr")
        _ = try jalon(["done", "--config", config, "--state", state, "p/s"])
        let store = try Store(directory: state, readOnly: true)
        let base = try #require(try store.acknowledgements().first).base
        let at = try #require(try store.acknowledgedAt(item: "p/s", base: base))
        let again = try jalon(["done", "--config", config, "--state", state, "p/s/-1d"])
        let expected = DateText.dayAndTime(Zone(identifier: "Europe/Paris")!.local(at), .fr)
        #expect(again.stdout == "p/s\u{202F}: déjà fait le \(expected).\n")
    }

    @Test func badItemsAreClearErrors() throws {
        let scratch = try Scratch()
        let (config, state) = try configuration(scratch)
        let cases: [([String], Int32, String)] = [
            (["done", "p"], 64, "\"p\" is not PERSON/ITEM"),
            (["done", "p/d/x/y"], 64, "is not PERSON/ITEM"),
            (["done", "q/d"], 1, "no person \"q\" in \(config) (did you mean \"p\"?)"),
            (["done", "p/e"], 1, "p has no item \"e\"; its items: s, d, finished"),
            (["done", "p/d/-15d"], 1, "p/d has no reminder \"-15d\"; its reminders: -14d, -3d, +0d"),
            (["undone", "p//d"], 64, "is not PERSON/ITEM"),
        ]
        for (arguments, status, message) in cases {
            let result = try jalon(arguments + ["--config", config, "--state", state])
            #expect(result.status == status, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
        #expect(try Store.acknowledgements(inStateDirectory: state).isEmpty)
    }

    @Test func aWindowThatEndsBeforeItStartsIsAUsageError() throws {
        let scratch = try Scratch()
        let (config, _) = try configuration(scratch)
        let result = try jalon(["agenda", "--config", config, "--from", "2026-12-10", "--to", "2026-12-01"])
        #expect(result.status == 64 && !result.signaled)
        #expect(result.stderr == "jalon: the window ends (--to 2026-12-01) before it starts (--from 2026-12-10)\n")
        let empty = try jalon(["agenda", "--config", config, "--from", "2026-12-10", "--to", "2026-12-10"])
        #expect(empty.status == 0)
    }

    /// The daemon wrote its status with the next reminders and stopped; a `done` since hides the item at once.
    @Test func statusHidesWhatIsDoneAtOnce() throws {
        let scratch = try Scratch()
        let (config, state) = try configuration(scratch)
        let environment = ["PATH": "/usr/bin:/bin", "HOME": scratch.path, "LANG": "C.UTF-8", "TZ": "UTC"]
        let output = open(scratch.path + "/run.err", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        defer { close(output) }
        let daemon = try ChildProcess(
            jalonBinary, ["run", "--config", config, "--state", state], input: output, output: output, error: output,
            environment: environment)
        var status = try jalon(["status", "--config", config, "--state", state])
        let end = Date().addingTimeInterval(10)
        while status.status != 0 && Date() < end {
            usleep(50_000)
            status = try jalon(["status", "--config", config, "--state", state])
        }
        kill(daemon.pid, SIGTERM)
        #expect(daemon.wait(timeout: .seconds(15)).termination == .exited(0))
        #expect(status.stdout.contains("p/d/-14d"), "\(status.stdout)")
        _ = try jalon(["done", "--config", config, "--state", state, "p/d"])
        let after = try jalon(["status", "--config", config, "--state", state])
        #expect(after.status == 3)
        #expect(after.stdout.hasPrefix("jalon is not running"))
        #expect(!after.stdout.contains("p/d/"), "\(after.stdout)")
        #expect(after.stdout.contains("p/s/-1d"), "\(after.stdout)")
    }
}
