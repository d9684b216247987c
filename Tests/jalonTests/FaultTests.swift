import Foundation
import JalonCore
import Testing

/// The built `jalon` binary under faults: killed with SIGKILL in the middle of a burst, a sendmail that is missing,
/// hangs or defers forever, a state directory that is read-only or full, a state database that is damaged or newer.
///
/// Every daemon is a child process started with `posix_spawn` (signals unblocked: the test runner's threads block
/// SIGTERM and its friends, and Foundation's `Process` would pass that mask on), ended by its pid with a bounded
/// wait, and killed by its owner's `deinit` if a check failed on the way. The state database is read with
/// /usr/bin/sqlite3 (or Python's sqlite3 module): this target does not link GRDB.
@Suite(.serialized) struct FaultTests {
    // MARK: - 1. kill -9 during a burst

    /// 20 rounds (`JALON_FAULT_ROUNDS`) of a burst of 1,000 reminders due in the same second, each round with new ids.
    /// The daemon is killed with SIGKILL at a random point of the burst (seeded: `JALON_FAULT_SEED`), started again,
    /// left to finish and stopped with SIGTERM. Every reminder must reach the journal and every message sendmail, and
    /// the duplicates must stay within what a kill can leave half done:
    ///
    /// - journal: `Daemon.Options.batchSize` = 256 — `perform(.deliver)` writes the journal entries of one chunk of
    ///   at most 256 reminders, then records the chunk (outcomes and their queued mail) in one transaction
    ///   (`record` → `Store.record`); a kill between the two repeats at most that chunk at restart.
    /// - mail: `Daemon.Options.mailConcurrency` = 4 — `MailWorker.pump` starts a message only while fewer than 4 are
    ///   in flight, and one stays in flight until its record (`Store.markMail`) has committed; a kill repeats at most those 4.
    @Test(.enabled(if: StandardErrorJournal.unavailable == nil, StandardErrorJournal.skipComment))
    func killNineDuringABurstLosesNothingAndRepeatsLittle() throws {
        try #require(FileManager.default.isExecutableFile(atPath: jalonBinary), "no jalon binary at \(jalonBinary)")
        try #require(SQLite.unavailable == nil, "\(SQLite.unavailable ?? "")")
        let environment = ProcessInfo.processInfo.environment
        let rounds = environment["JALON_FAULT_ROUNDS"].flatMap(Int.init) ?? 20
        let seed = environment["JALON_FAULT_SEED"].flatMap { UInt64($0) } ?? 20_261_127
        let people = 50
        let itemsPerPerson = 20
        let burst = people * itemsPerPerson
        let journalBoundPerKill = 256  // Daemon.Options.batchSize
        let mailBoundPerKill = 4  // Daemon.Options.mailConcurrency
        var random = SplitMix64(seed: seed)

        let scratch = try Scratch()
        defer { withExtendedLifetime(scratch) {} }  // removed last, after every child is gone
        let config = scratch.path + "/config"
        let state = scratch.path + "/state"
        let mail = scratch.path + "/mail"
        let logs = scratch.path + "/logs"
        try FileManager.default.createDirectory(atPath: logs, withIntermediateDirectories: true)
        let sendmail = try scratch.write("bin/sendmail", recordingSendmail(mailFolder: mail))
        chmod(sendmail, 0o755)
        try scratch.write("config/jalon.toml", settings(sendmail: sendmail))
        let database = state + "/jalon.sqlite"

        print("kill -9 soak: \(rounds) rounds of \(burst) reminders, seed \(seed)")
        let soakStart = Date()
        var totalJournalDuplicates = 0
        var totalMailDuplicates = 0
        var worstJournal = 0
        var worstMail = 0
        for round in 1...rounds {
            let roundStart = Date()
            let prefix = "r" + (round < 10 ? "0" : "") + String(round)
            try? FileManager.default.removeItem(atPath: config + "/people")
            try FileManager.default.createDirectory(atPath: mail + "/" + prefix, withIntermediateDirectories: true)
            // Due 1 to 2 s from now (the daemon is ready about 0.2 s after its start): the timer, not the start-up
            // catch-up, delivers the burst.
            let due = Int64((Date().timeIntervalSince1970 + 1.0).rounded(.up))
            var expected: [String: String] = [:]  // reminder id → recipient
            for p in 0..<people {
                let person = "\(prefix)-p\(p)"
                var items: [String: Int64] = [:]
                for i in 0..<itemsPerPerson {
                    items["d\(i)"] = due
                    expected["\(person)/d\(i)/+0d"] = "\(person)-d\(i)@fault.example"
                }
                try scratch.write("config/people/\(person).toml", deadlines(person: person, items))
            }
            let delay = random.nextUnit()  // the kill lands in [due, due + 1 s)
            let first = try startDaemon(
                ["run", "--config", config, "--state", state], environment: childEnvironment(scratch),
                output: "\(logs)/\(prefix)-1")
            defer { first.kill9() }  // by pid, whatever happens below
            sleepUntil(Double(due) + delay)
            let aliveAtKill = first.isRunning
            #expect(aliveAtKill, "round \(round): the daemon ended before the kill: \(first.describe())")
            _ = first.kill9()
            let mailedAtKill = countFiles(in: mail + "/" + prefix, suffix: ".eml")

            let second = try startDaemon(
                ["run", "--config", config, "--state", state], environment: childEnvironment(scratch),
                output: "\(logs)/\(prefix)-2")
            defer { second.kill9() }  // by pid, whatever happens below
            let restarted = Date()
            // Cheap to ask (primary key range, state index): this round's records, and no message left unsent (the
            // earlier rounds' are all sent). The exact counts are checked below.
            let finished = waitUntil(90, every: 0.15) {
                guard
                    let row = try? SQLite.query(
                        database,
                        """
                        SELECT (SELECT count(*) FROM delivery
                                WHERE reminder >= '\(prefix)-' AND reminder < '\(prefix).'),
                               (SELECT count(*) FROM mail WHERE state <> 'sent')
                        """
                    ).first, row.count == 2
                else { return false }
                return row[0] == String(burst) && row[1] == "0"
            }
            let secondRun = Date().timeIntervalSince(restarted)
            #expect(
                finished, "round \(round): not every reminder recorded and mailed within 90 s: \(second.describe())")
            let stop = second.stop(SIGTERM, timeout: 15)
            #expect(stop.termination == .exited(0), "round \(round): SIGTERM did not end the daemon cleanly: \(stop)")
            let outcomes = try SQLite.query(
                database,
                "SELECT outcome, count(*) FROM delivery WHERE reminder LIKE '\(prefix)-%' GROUP BY outcome ORDER BY 1")
            let mailStates = try SQLite.query(
                database, "SELECT state, count(*) FROM mail WHERE reminder LIKE '\(prefix)-%' GROUP BY state ORDER BY 1"
            )
            #expect(!outcomes.contains { $0.first == "missed" }, "round \(round): outcomes \(outcomes)")
            let recorded = outcomes.reduce(0) { $0 + (Int($1.last ?? "") ?? 0) }
            #expect(recorded == burst, "round \(round): \(recorded) reminders recorded: \(outcomes)")
            #expect(mailStates == [["sent", String(burst)]], "round \(round): mail states \(mailStates)")

            // The journal: every reminder at least once, over both runs; no reminder missed.
            var journalCounts: [String: Int] = [:]
            var journaledBeforeKill = 0
            var missed: [String] = []
            var unexpected: [String] = []
            for (index, child) in [first, second].enumerated() {
                for line in parseJournal(child.standardError) {
                    // A reminder's own entry: not a message that went out after failing (priority 5 too, with the
                    // same fields and JALON_MAIL).
                    guard let id = line.fields["JALON_REMINDER"], line.fields["JALON_STEP"] != nil,
                        line.fields["JALON_MAIL"] == nil, line.priority == 5 || line.priority == 4
                    else { continue }
                    if line.message.hasPrefix("Missed") {
                        missed.append(id)
                        continue
                    }
                    if expected[id] == nil { unexpected.append(id) }
                    journalCounts[id, default: 0] += 1
                    if index == 0 { journaledBeforeKill += 1 }
                }
            }
            #expect(missed.isEmpty, "round \(round): recorded as missed: \(missed.prefix(10))")
            #expect(unexpected.isEmpty, "round \(round): unexpected reminders: \(unexpected.prefix(10))")
            let notJournaled = expected.keys.filter { journalCounts[$0] == nil }.sorted()
            #expect(notJournaled.isEmpty, "round \(round): never in the journal: \(notJournaled.prefix(10))")
            let journalDuplicates = journalCounts.values.reduce(0, +) - journalCounts.count
            let firstErrors = parseJournal(first.standardError).filter { $0.priority <= 3 }.prefix(5).map(\.text)
            #expect(
                journalDuplicates <= journalBoundPerKill,
                "round \(round): \(journalDuplicates) reminders journaled twice (bound \(journalBoundPerKill)); the first run's errors: \(firstErrors)"
            )

            // The mail: every message at least once, with the right envelope.
            var mailCounts: [String: Int] = [:]
            let files = (try? FileManager.default.contentsOfDirectory(atPath: mail + "/" + prefix)) ?? []
            var badEnvelopes: [String] = []
            var badMessages: [String] = []
            let idByRecipient = Dictionary(uniqueKeysWithValues: expected.map { ($0.value, $0.key) })
            for name in files where name.hasSuffix(".eml") {
                let stem = String(name.dropLast(4))
                guard let dot = stem.lastIndex(of: ".") else { continue }
                let recipient = String(stem[..<dot])
                mailCounts[recipient, default: 0] += 1
                let arguments = (try? String(contentsOfFile: "\(mail)/\(prefix)/\(stem).args", encoding: .utf8)) ?? ""
                if arguments
                    != "-C\n/nonexistent/msmtprc\n-oi\n-f\njalon@fault.example\n--\n\(recipient)\n"
                {
                    badEnvelopes.append("\(stem): \(arguments.debugDescription)")
                }
                let message = (try? String(contentsOfFile: "\(mail)/\(prefix)/\(name)", encoding: .utf8)) ?? ""
                if let id = idByRecipient[recipient], !message.contains("X-Jalon-Reminder: \(id)\r\n"),
                    !message.contains("X-Jalon-Reminder: \(id)\n")
                {
                    badMessages.append(stem)
                }
            }
            let unknown = mailCounts.keys.filter { idByRecipient[$0] == nil }
            #expect(unknown.isEmpty, "round \(round): messages to unexpected recipients: \(unknown.prefix(5))")
            #expect(badEnvelopes.isEmpty, "round \(round): wrong sendmail arguments: \(badEnvelopes.prefix(3))")
            #expect(
                badMessages.isEmpty, "round \(round): messages without their X-Jalon-Reminder: \(badMessages.prefix(3))"
            )
            let notMailed = expected.values.filter { mailCounts[$0] == nil }.sorted()
            #expect(notMailed.isEmpty, "round \(round): never handed to sendmail: \(notMailed.prefix(10))")
            let mailDuplicates = mailCounts.values.reduce(0, +) - mailCounts.count
            #expect(
                mailDuplicates <= mailBoundPerKill,
                "round \(round): \(mailDuplicates) messages sent twice (one kill may repeat \(mailBoundPerKill))")

            totalJournalDuplicates += journalDuplicates
            totalMailDuplicates += mailDuplicates
            worstJournal = max(worstJournal, journalDuplicates)
            worstMail = max(worstMail, mailDuplicates)
            print(
                "  round \(prefix): kill at due + \(String(format: "%.3f", delay)) s "
                    + "(\(journaledBeforeKill) journaled, "
                    + "\(mailedAtKill) mailed before it) — duplicates: journal \(journalDuplicates), mail "
                    + "\(mailDuplicates); restart to done \(String(format: "%.1f", secondRun)) s, round "
                    + "\(String(format: "%.1f", Date().timeIntervalSince(roundStart))) s")
        }
        let elapsed = Date().timeIntervalSince(soakStart)
        print(
            "kill -9 soak: \(rounds) kills, \(rounds * burst) reminders; journal duplicates \(totalJournalDuplicates) "
                + "(worst round \(worstJournal), bound \(journalBoundPerKill)/kill), mail duplicates "
                + "\(totalMailDuplicates) (worst round \(worstMail), bound \(mailBoundPerKill)/kill); "
                + "\(String(format: "%.1f", elapsed)) s")
    }

    // MARK: - 2. sendmail missing, hanging, deferring forever

    enum SendmailFault: String, CaseIterable, Sendable {
        /// The configured program does not exist.
        case missing
        /// It never ends: `[mail] timeout = 2` makes jalon give up on it after 2 s (the default is 60 s).
        case hanging
        /// It exits with 75 (EX_TEMPFAIL) every time.
        case deferring
    }

    /// Six reminders, a sendmail that cannot take them: the journal entries are written once, the messages stay
    /// queued with their tries counted, `jalon status` lists them, SIGTERM ends the daemon with 0 within the
    /// time-out, and the next start keeps them (and sends them once sendmail works).
    @Test(
        .serialized, .enabled(if: StandardErrorJournal.unavailable == nil, StandardErrorJournal.skipComment),
        arguments: SendmailFault.allCases)
    func aBrokenSendmailDropsNothing(_ fault: SendmailFault) throws {
        try #require(FileManager.default.isExecutableFile(atPath: jalonBinary), "no jalon binary at \(jalonBinary)")
        try #require(SQLite.unavailable == nil, "\(SQLite.unavailable ?? "")")
        let started = Date()
        defer { print("sendmail \(fault): \(String(format: "%.1f", Date().timeIntervalSince(started))) s") }
        let scratch = try Scratch()
        defer { withExtendedLifetime(scratch) {} }  // removed last, after every child is gone
        defer { for pid in hangingSendmails(scratch.path + "/sendmail.pids") { kill(pid, SIGKILL) } }
        let config = scratch.path + "/config"
        let state = scratch.path + "/state"
        let database = state + "/jalon.sqlite"
        let program = scratch.path + "/bin/sendmail"
        let calls = scratch.path + "/calls"
        try FileManager.default.createDirectory(atPath: calls, withIntermediateDirectories: true)
        try scratch.write("sendmail.mode", fault == .hanging ? "hang\n" : "defer\n")
        if fault != .missing {
            try scratch.write("bin/sendmail", modalSendmail(scratch.path))
            chmod(program, 0o755)
        }
        try scratch.write("config/jalon.toml", settings(sendmail: program, timeout: 2))
        let due = Int64((Date().timeIntervalSince1970 + 1.5).rounded(.up))
        let ids = (0..<6).map { "m/n\($0)/+0d" }
        try scratch.write(
            "config/people/m.toml",
            deadlines(person: "m", Dictionary(uniqueKeysWithValues: (0..<6).map { ("n\($0)", due) })))
        let reason: String
        switch fault {
        case .missing: reason = "sendmail \(program) cannot be run: No such file or directory"
        case .hanging: reason = "timed out after 2 s"
        case .deferring: reason = "exit status 75"
        }
        func tries() -> [String: Int] {
            let rows =
                (try? SQLite.query(database, "SELECT reminder, attempts FROM mail WHERE state = 'pending'")) ?? []
            return Dictionary(rows.compactMap { $0.count == 2 ? ($0[0], Int($0[1]) ?? 0) : nil }) { $1 }
        }
        func status() throws -> ToolResult {
            try runTool(jalonBinary, ["status", "--state", state], environment: childEnvironment(scratch), timeout: 20)
        }

        // First run: the reminders come due, every try fails.
        let first = try startDaemon(
            ["run", "--config", config, "--state", state], environment: childEnvironment(scratch),
            output: scratch.path + "/run-1")
        defer { first.kill9() }  // by pid, whatever happens below
        #expect(
            waitUntil(10) { deliveredIDs(first.standardError).count == 6 },
            "the reminders were not journaled: \(first.describe())")
        let running: ToolResult
        if fault == .hanging {
            // While the first four hang, before their time-out, the six are queued (four being handed over).
            var mailLine = "no mail line"
            #expect(
                waitUntil(1.5, every: 0.1) {
                    let hanging = try? status()
                    mailLine =
                        hanging?.stdout.split(separator: "\n").first { $0.hasPrefix("mail:") }.map(String.init)
                        ?? "no mail line"
                    return mailLine == "mail: 0 sent, 6 queued, 0 waiting for a retry, 0 failed"
                }, "before the first time-out, `jalon status` says \"\(mailLine)\"")
            // Four hang at once (the concurrency), time out after 2 s; then the last two hang: stop during those.
            #expect(
                waitUntil(15) { tries().values.filter { $0 >= 1 }.count >= 4 },
                "the first four tries did not time out: \(tries())")
            #expect(
                waitUntil(5) { pidsRecorded(scratch.path + "/sendmail.pids").count >= 6 },
                "the last two messages were not handed over")
            running = try status()
            #expect(running.status == 0, "\(running)")
            #expect(
                running.stdout.contains("mail: 0 sent, 2 queued, 4 waiting for a retry, 0 failed"), "\(running.stdout)")
        } else {
            #expect(waitUntil(15) { tries().values.filter { $0 >= 1 }.count == 6 }, "tries: \(tries())")
            #expect(first.isRunning, "the daemon ended: \(first.describe())")
            running = try status()
            #expect(running.status == 0, "\(running)")
            #expect(
                running.stdout.contains("mail: 0 sent, 0 queued, 6 waiting for a retry, 0 failed"), "\(running.stdout)")
        }
        #expect(running.stdout.contains("jalon is running (pid \(first.pid)"), "\(running.stdout)")
        let stopBound: Double = fault == .hanging ? 2 + 2 + 2 : 5  // time-out + SIGTERM→SIGKILL step + slack
        let stop = first.stop(SIGTERM, timeout: 20)
        #expect(stop.termination == .exited(0), "SIGTERM: \(stop) \(first.describe())")
        #expect(stop.seconds <= stopBound, "SIGTERM took \(stop.seconds) s (bound \(stopBound) s)")
        let ended = stop.termination.map { "\($0)" } ?? "?"
        print("sendmail \(fault): SIGTERM → \(ended) in \(String(format: "%.2f", stop.seconds)) s")
        let leftOver = hangingSendmails(scratch.path + "/sendmail.pids")
        #expect(leftOver.isEmpty, "sendmail processes still running after the daemon stopped: \(leftOver)")

        let journal = parseJournal(first.standardError)
        for id in ids {
            let delivered = journal.filter { $0.priority == 5 && $0.fields["JALON_REMINDER"] == id }
            #expect(delivered.count == 1, "\(id) journaled \(delivered.count) times")
            let failures = journal.filter { $0.priority == 3 && $0.fields["JALON_REMINDER"] == id }
            #expect(
                failures.contains { $0.message.contains("mail for \(id) to address deferred (try 1): \(reason)") },
                "no failure entry for \(id): \(failures.map(\.text))")
        }
        if fault == .missing {
            #expect(
                journal.contains {
                    $0.priority == 3 && $0.fields["JALON_SENDMAIL"] != nil
                        && $0.message.contains("\(reason); messages stay queued until it works, the journal goes on")
                }, "no start-time warning about the missing sendmail: \(first.standardError)")
        }
        #expect(journal.last?.message == "jalon stops", "\(journal.last?.text ?? "no journal")")

        // Stopped: the messages wait in the state database, and `jalon status` still lists them.
        let afterStop = tries()
        #expect(afterStop.count == 6 && afterStop.values.allSatisfy { $0 >= 1 }, "pending messages: \(afterStop)")
        let delivered = try SQLite.query(database, "SELECT count(*) FROM delivery WHERE outcome <> 'missed'")
        #expect(delivered == [["6"]])
        let stopped = try status()
        #expect(stopped.status == 3, "\(stopped)")
        #expect(stopped.stdout.contains("mail: 0 sent, 0 queued, 6 waiting for a retry, 0 failed"), "\(stopped.stdout)")
        for id in ids {
            #expect(
                stopped.stdout.split(separator: "\n").contains {
                    $0.hasPrefix("  retry  \(id) to address (due ") && $0.contains(": try 2 at ")
                        && $0.hasSuffix("last: \(reason)")
                }, "\(id) is not listed: \(stopped.stdout)")
        }

        // Second run, sendmail still broken: nothing journaled again, nothing tried before its time, clean stop.
        let pidsBefore = pidsRecorded(scratch.path + "/sendmail.pids").count
        let second = try startDaemon(
            ["run", "--config", config, "--state", state], environment: childEnvironment(scratch),
            output: scratch.path + "/run-2")
        defer { second.kill9() }  // by pid, whatever happens below
        #expect(
            waitUntil(10) { (try? status())?.stdout.contains("jalon is running (pid \(second.pid)") == true },
            "the second run did not start: \(second.describe())")
        usleep(500_000)
        #expect(deliveredIDs(second.standardError).isEmpty, "journaled again: \(second.standardError)")
        #expect(tries() == afterStop, "tries changed before their time: \(afterStop) → \(tries())")
        #expect(pidsRecorded(scratch.path + "/sendmail.pids").count == pidsBefore)
        let again = try status()
        #expect(again.stdout.contains("mail: 0 sent, 0 queued, 6 waiting for a retry, 0 failed"), "\(again.stdout)")
        let secondStop = second.stop(SIGTERM, timeout: 20)
        #expect(secondStop.termination == .exited(0), "SIGTERM: \(secondStop) \(second.describe())")

        // Third run, sendmail repaired. The first retry is due 60 s after the failure (`[mail] retry`, left at its
        // default here): bring it forward in the state database rather than wait a minute.
        try scratch.write("sendmail.mode", "ok\n")
        if fault == .missing {
            try scratch.write("bin/sendmail", modalSendmail(scratch.path))
            chmod(program, 0o755)
        }
        try SQLite.execute(database, "UPDATE mail SET next_attempt = 0 WHERE state = 'pending'")
        let third = try startDaemon(
            ["run", "--config", config, "--state", state], environment: childEnvironment(scratch),
            output: scratch.path + "/run-3")
        defer { third.kill9() }  // by pid, whatever happens below
        #expect(
            waitUntil(15) {
                (try? SQLite.query(database, "SELECT count(*) FROM mail WHERE state = 'sent'")) == [["6"]]
            }, "the queued messages were not sent once sendmail worked: \(third.describe())")
        let sent = try status()
        #expect(sent.stdout.contains("mail: 6 sent, 0 queued, 0 waiting for a retry, 0 failed"), "\(sent.stdout)")
        #expect(deliveredIDs(third.standardError).isEmpty, "journaled again: \(third.standardError)")
        let thirdStop = third.stop(SIGTERM, timeout: 20)
        #expect(thirdStop.termination == .exited(0), "SIGTERM: \(thirdStop) \(third.describe())")
        let received = ((try? FileManager.default.contentsOfDirectory(atPath: calls)) ?? []).filter {
            $0.hasSuffix(".eml")
        }
        for i in 0..<6 {
            let copies = received.filter { $0.hasPrefix("m-n\(i)@fault.example.") }
            #expect(copies.count == 1, "m-n\(i)@fault.example received \(copies.count) messages")
        }
    }

    /// Real MTAs exit 1 for transient local trouble (a read-only spool, a full disk). With `[mail] retry = 1`, a
    /// sendmail that exits 1 once is tried again within seconds, the message goes once, and the journal says both.
    @Test(.enabled(if: StandardErrorJournal.unavailable == nil, StandardErrorJournal.skipComment))
    func aSendmailThatExitsOneOnceIsTriedAgainWithinSeconds() throws {
        try #require(FileManager.default.isExecutableFile(atPath: jalonBinary), "no jalon binary at \(jalonBinary)")
        try #require(SQLite.unavailable == nil, "\(SQLite.unavailable ?? "")")
        let scratch = try Scratch()
        defer { withExtendedLifetime(scratch) {} }  // removed last, after every child is gone
        let state = scratch.path + "/state"
        try FileManager.default.createDirectory(atPath: scratch.path + "/calls", withIntermediateDirectories: true)
        try scratch.write("sendmail.mode", "refuse-once\n")
        let program = try scratch.write("bin/sendmail", modalSendmail(scratch.path))
        chmod(program, 0o755)
        try scratch.write("config/jalon.toml", settings(sendmail: program, retry: 1))
        let due = Int64((Date().timeIntervalSince1970 + 1.5).rounded(.up))
        try scratch.write("config/people/once.toml", deadlines(person: "once", ["a": due]))
        let daemon = try startDaemon(
            ["run", "--config", scratch.path + "/config", "--state", state], environment: childEnvironment(scratch),
            output: scratch.path + "/run")
        defer { daemon.kill9() }  // by pid, whatever happens below
        let sent = waitUntil(15) {
            (try? SQLite.query(state + "/jalon.sqlite", "SELECT state, attempts FROM mail")) == [["sent", "2"]]
        }
        let healed = Date().timeIntervalSince1970 - Double(due)
        #expect(sent, "not sent at the second try: \(daemon.describe())")
        #expect(healed < 8, "sent \(healed) s after its due time")
        let stop = daemon.stop(SIGTERM, timeout: 15)
        #expect(stop.termination == .exited(0), "\(stop)")
        let journal = parseJournal(daemon.standardError)
        let refused = journal.filter { $0.priority == 3 && $0.fields["JALON_REMINDER"] == "once/a/+0d" }
        #expect(refused.count == 1, "\(refused.map(\.text))")
        #expect(
            refused.first?.message.hasPrefix("mail for once/a/+0d to address refused (try 1): exit status 1: ")
                == true, "\(refused.map(\.text))")
        #expect(refused.first?.fields["JALON_PERSON"] == "once" && refused.first?.fields["JALON_STEP"] == "+0d")
        #expect(refused.first?.fields["JALON_RECIPIENT"] == "address")
        #expect(
            journal.contains {
                $0.priority == 5 && $0.message == "mail for once/a/+0d to address sent at try 2, after failing"
            },
            "\(daemon.standardError)")
        let copies = ((try? FileManager.default.contentsOfDirectory(atPath: scratch.path + "/calls")) ?? []).filter {
            $0.hasSuffix(".eml")
        }
        #expect(copies.count == 1, "the message went \(copies.count) times")
        print("sendmail exiting 1 once, retry = 1: sent \(String(format: "%.1f", healed)) s after its due time")
    }

    // MARK: - 3. state directory read-only, full

    /// The state directory is a 1 MiB tmpfs in a private mount namespace. A first run records reminder `a`; the
    /// tmpfs is remounted read-only (it cannot be while the daemon has the database open for writing: the kernel
    /// says EBUSY, so the fault is there from the start, as after a crash and a read-only remount) and the daemon
    /// started again: it says so in the journal, delivers `b`, and does not deliver `a` again (its record is still
    /// readable). Made writable again, the next reminder, `c`, makes the daemon record what it kept in memory — it
    /// retries by itself every 5 s (`Daemon.Options.storeRetry`); the next reminder coming due makes it try at once.
    @Test(.enabled(if: StateMount.unavailable == nil, StateMount.skipComment))
    func aReadOnlyStateDirectoryDoesNotStopDelivery() throws {
        try #require(SQLite.unavailable == nil, "\(SQLite.unavailable ?? "")")
        let scratch = try Scratch()
        defer { withExtendedLifetime(scratch) {} }  // removed last, after every child is gone
        let state = scratch.path + "/state"
        let mail = scratch.path + "/mail"
        let config = scratch.path + "/config"
        try FileManager.default.createDirectory(atPath: mail + "/ro", withIntermediateDirectories: true)
        let sendmail = try scratch.write("bin/sendmail", recordingSendmail(mailFolder: mail))
        chmod(sendmail, 0o755)
        try scratch.write("config/jalon.toml", settings(sendmail: sendmail))
        let mount = try StateMount(scratch: scratch, state: state, size: "1m")
        defer { mount.close() }
        let database = state + "/jalon.sqlite"
        func outcomes() -> [[String]] {
            (try? mount.query(database, "SELECT reminder, outcome FROM delivery ORDER BY reminder")) ?? []
        }
        func sentMail() -> [[String]] {
            (try? mount.query(database, "SELECT reminder FROM mail WHERE state = 'sent' ORDER BY reminder")) ?? []
        }

        let now = Int64(Date().timeIntervalSince1970)
        try scratch.write("config/people/ro-a.toml", deadlines(person: "ro-a", ["a": now + 2]))
        let first = try mount.spawn(
            jalonBinary, ["run", "--config", config, "--state", state], environment: childEnvironment(scratch),
            output: scratch.path + "/run-1")
        defer { first.kill9() }  // by pid, whatever happens below
        #expect(
            waitUntil(10) { outcomes() == [["ro-a/a/+0d", "on-time"]] && sentMail() == [["ro-a/a/+0d"]] },
            "a was not recorded: \(first.describe())")
        let firstStop = first.stop(SIGTERM, timeout: 15)
        #expect(firstStop.termination == .exited(0), "\(firstStop)")

        let remountRO = try mount.run(["/usr/bin/mount", "-o", "remount,ro", state])
        try #require(remountRO.status == 0, "cannot remount the state read-only: \(remountRO)")
        let start = Int64(Date().timeIntervalSince1970)
        try scratch.write("config/people/ro-b.toml", deadlines(person: "ro-b", ["b": start + 2, "c": start + 6]))
        let second = try mount.spawn(
            jalonBinary, ["run", "--config", config, "--state", state], environment: childEnvironment(scratch),
            output: scratch.path + "/run-2")
        defer { second.kill9() }  // by pid, whatever happens below
        #expect(
            waitUntil(5) {
                parseJournal(second.standardError).contains {
                    $0.priority == 3 && $0.fields["JALON_STATE"] == state
                        && $0.message.contains("cannot record state: ") && $0.message.contains(database)
                        && $0.message.contains("Read-only file system")
                }
            }, "the daemon did not say that the state cannot be written: \(second.describe())")
        #expect(waitUntil(8) { deliveredIDs(second.standardError).contains("ro-b/b/+0d") }, "\(second.describe())")
        #expect(second.isRunning, "the daemon ended: \(second.describe())")
        let stillReadOnly = try mount.run(["/bin/sh", "-c", "touch \(state)/probe 2>/dev/null; echo $?"])
        #expect(stillReadOnly.stdout == "1\n", "the state directory was writable: \(stillReadOnly)")
        let statusWhileReadOnly = try mount.run([jalonBinary, "status", "--state", state])
        let remountRW = try mount.run(["/usr/bin/mount", "-o", "remount,rw", state])
        try #require(remountRW.status == 0, "cannot remount the state read-write: \(remountRW)")
        #expect(
            Int64(Date().timeIntervalSince1970) < start + 6, "too slow: remounted read-write after c came due")

        #expect(
            waitUntil(10) {
                parseJournal(second.standardError).contains {
                    $0.message == "state is being recorded again in \(database)"
                }
            }, "no recovery after the directory became writable: \(second.describe())")
        #expect(
            waitUntil(10) {
                outcomes().map(\.first) == ["ro-a/a/+0d", "ro-b/b/+0d", "ro-b/c/+0d"]
                    && sentMail().map(\.first) == ["ro-a/a/+0d", "ro-b/b/+0d", "ro-b/c/+0d"]
            }, "b and c not recorded and mailed: \(outcomes()) \(sentMail())")
        let delivered = deliveredIDs(second.standardError)
        #expect(delivered.filter { $0 == "ro-b/b/+0d" }.count == 1)
        #expect(delivered.filter { $0 == "ro-b/c/+0d" }.count == 1)
        #expect(
            !delivered.contains("ro-a/a/+0d"),
            "a, recorded as delivered by the first run, was delivered again because the state was read-only")
        let runningStatus = try mount.run([jalonBinary, "status", "--state", state])
        #expect(runningStatus.status == 0 && runningStatus.stdout.contains("jalon is running (pid \(second.pid)"))
        #expect(!runningStatus.stdout.contains("state not recorded"), "\(runningStatus.stdout)")
        let secondStop = second.stop(SIGTERM, timeout: 15)
        #expect(secondStop.termination == .exited(0), "\(secondStop)")
        for name in ["ro-a-a", "ro-b-b", "ro-b-c"] {
            #expect(
                countFiles(in: mail + "/ro", prefix: "\(name)@fault.example.", suffix: ".eml") == 1,
                "\(name): messages \(countFiles(in: mail + "/ro", prefix: "\(name)@", suffix: ".eml"))")
        }
        print(
            "jalon status while the state directory was read-only (exit \(statusWhileReadOnly.status)): "
                + statusWhileReadOnly.stdout + statusWhileReadOnly.stderr)
    }

    /// The state directory is a 384 KiB tmpfs in a private mount namespace, filled up while the daemon runs.
    ///
    /// 1. Full before a reminder comes due: the daemon says so and delivers it; once space is freed, the next
    ///    reminder makes it record both (and send their mail), each once.
    /// 2. Full while a message is being handed to sendmail (the fake sendmail fills the disk itself, so that the
    ///    delivery was recorded and only `markMail` fails): the message must not be handed over again and again.
    @Test(.enabled(if: StateMount.unavailable == nil, StateMount.skipComment))
    func aFullStateDirectoryDoesNotStopDelivery() throws {
        try #require(SQLite.unavailable == nil, "\(SQLite.unavailable ?? "")")
        let scratch = try Scratch()
        defer { withExtendedLifetime(scratch) {} }  // removed last, after every child is gone
        let state = scratch.path + "/state"
        let mail = scratch.path + "/mail"
        let config = scratch.path + "/config"
        try FileManager.default.createDirectory(atPath: mail + "/full", withIntermediateDirectories: true)
        let hook = scratch.path + "/fill-on-next-send"
        let sendmail = try scratch.write(
            "bin/sendmail", recordingSendmail(mailFolder: mail, fillHook: hook, filler: state + "/filler"))
        chmod(sendmail, 0o755)
        try scratch.write("config/jalon.toml", settings(sendmail: sendmail))
        let mount = try StateMount(scratch: scratch, state: state, size: "384k")
        defer { mount.close() }
        let database = state + "/jalon.sqlite"
        func outcomes() -> [String] {
            ((try? mount.query(database, "SELECT reminder FROM delivery ORDER BY reminder")) ?? []).compactMap(\.first)
        }
        func sentMail() -> [String] {
            ((try? mount.query(database, "SELECT reminder FROM mail WHERE state = 'sent' ORDER BY reminder")) ?? [])
                .compactMap(\.first)
        }
        func fill() throws {
            // dd stops at ENOSPC (and exits 1): the tmpfs is then full.
            _ = try mount.run(["/bin/dd", "if=/dev/zero", "of=\(state)/filler", "bs=4k"])
            let left = try mount.run(["/usr/bin/df", "--output=avail", state])
            #expect(left.stdout.split(separator: "\n").last?.trimmingCharacters(in: .whitespaces) == "0", "\(left)")
        }

        let now = Int64(Date().timeIntervalSince1970)
        try scratch.write("config/people/full.toml", deadlines(person: "full", ["d": now + 3, "e": now + 8]))
        let daemon = try mount.spawn(
            jalonBinary, ["run", "--config", config, "--state", state], environment: childEnvironment(scratch),
            output: scratch.path + "/run")
        defer { daemon.kill9() }  // by pid, whatever happens below
        #expect(
            waitUntil(10) {
                (try? mount.run([jalonBinary, "status", "--state", state]))?.stdout
                    .contains("jalon is running (pid \(daemon.pid)") == true
            }, "the daemon did not start: \(daemon.describe())")
        try fill()
        #expect(
            waitUntil(6) {
                parseJournal(daemon.standardError).contains {
                    $0.priority == 3 && $0.fields["JALON_STATE"] == state
                        && $0.message.contains("cannot record state: ")
                        && $0.message.contains(database)
                }
            }, "the daemon did not say that the state cannot be written: \(daemon.describe())")
        #expect(deliveredIDs(daemon.standardError) == ["full/d/+0d"], "\(daemon.describe())")
        #expect(daemon.isRunning)
        #expect(!outcomes().contains("full/d/+0d"))
        _ = try mount.run(["/bin/rm", "-f", state + "/filler"])
        #expect(Int64(Date().timeIntervalSince1970) < now + 8, "too slow: space freed after e came due")
        #expect(
            waitUntil(10) {
                outcomes() == ["full/d/+0d", "full/e/+0d"] && sentMail() == ["full/d/+0d", "full/e/+0d"]
            },
            "d and e not recorded and mailed once space was freed: \(outcomes()) \(sentMail()) \(daemon.describe())")
        #expect(
            parseJournal(daemon.standardError).contains { $0.message == "state is being recorded again in \(database)" }
        )
        #expect(deliveredIDs(daemon.standardError) == ["full/d/+0d", "full/e/+0d"])

        // 2. The disk fills up while g is handed to sendmail.
        try scratch.write("fill-on-next-send", "")
        let g = Int64(Date().timeIntervalSince1970) + 2
        try scratch.write("config/people/full-g.toml", deadlines(person: "full-g", ["g": g]))
        #expect(
            waitUntil(8) { !FileManager.default.fileExists(atPath: hook) },
            "g was not handed to sendmail: \(daemon.describe())")
        usleep(2_000_000)  // two seconds of a full disk
        let copiesWhileFull = countFiles(in: mail + "/full", prefix: "full-g-g@fault.example.", suffix: ".eml")
        let recordFailures = parseJournal(daemon.standardError).filter {
            $0.priority == 3 && $0.fields["JALON_REMINDER"] == "full-g/g/+0d"
        }.count
        _ = try mount.run(["/bin/rm", "-f", state + "/filler"])
        #expect(waitUntil(10) { sentMail().contains("full-g/g/+0d") }, "g not recorded as sent: \(sentMail())")
        let stop = daemon.stop(SIGTERM, timeout: 15)
        #expect(stop.termination == .exited(0), "\(stop)")
        let copies = countFiles(in: mail + "/full", prefix: "full-g-g@fault.example.", suffix: ".eml")
        print(
            "full state directory while g was handed to sendmail: \(copiesWhileFull) copies in 2 s, "
                + "\(recordFailures) journal entries about it, \(copies) copies in all")
        #expect(
            copies == 1,
            "g was handed to sendmail \(copies) times because its record failed (\(recordFailures) journal entries)")
        #expect(outcomes().contains("full-g/g/+0d"))
        #expect(deliveredIDs(daemon.standardError).filter { $0 == "full-g/g/+0d" }.count == 1)
    }

    // MARK: - 4. damaged or newer state database

    enum Corruption: String, CaseIterable, Sendable {
        /// 64 KiB of random bytes.
        case garbage
        /// A real database cut short in the middle of a page.
        case truncated
        /// A real database with three of its pages overwritten with random bytes (the header is intact).
        case damagedPages
        /// A real database with a migration this jalon does not know.
        case newerSchema
    }

    /// `jalon run` refuses a damaged or newer state database with a message naming it, exits non-zero and leaves
    /// the file as it was; `jalon status` reports it as clearly.
    @Test(.serialized, arguments: Corruption.allCases)
    func aDamagedStateDatabaseStopsTheStartAndIsLeftAlone(_ corruption: Corruption) throws {
        try #require(FileManager.default.isExecutableFile(atPath: jalonBinary), "no jalon binary at \(jalonBinary)")
        try #require(SQLite.unavailable == nil, "\(SQLite.unavailable ?? "")")
        let scratch = try Scratch()
        defer { withExtendedLifetime(scratch) {} }  // removed last, after every child is gone
        let config = scratch.path + "/config"
        try scratch.write("config/jalon.toml", "timezone = \"UTC\"\nlocale = \"en\"\n")
        try scratch.write(
            "config/people/z.toml", deadlines(person: "z", ["z": Int64(Date().timeIntervalSince1970) + 86_400]))
        // A real state database, grown to 50-odd pages.
        let base = scratch.path + "/base"
        let maker = try FaultChild(
            jalonBinary, ["run", "--config", config, "--state", base], environment: childEnvironment(scratch),
            output: scratch.path + "/make")
        defer { maker.kill9() }  // by pid, whatever happens below
        #expect(
            waitUntil(10) {
                (try? SQLite.query(base + "/jalon.sqlite", "SELECT count(*) FROM meta WHERE key = 'daemon_status'"))
                    == [["1"]]
            })
        let made = maker.stop(SIGTERM, timeout: 15)
        try #require(made.termination == .exited(0), "\(made) \(maker.describe())")
        try SQLite.execute(
            base + "/jalon.sqlite",
            """
            WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 3000)
            INSERT INTO delivery (reminder, due, outcome, recorded_at)
            SELECT 'old/item' || x || '/+0d', 1700000000 + x, 'on-time', 1700000000 FROM n
            """)
        var random = SplitMix64(seed: 7)
        let state = scratch.path + "/state"
        mkdir(state, 0o700)
        let database = state + "/jalon.sqlite"
        switch corruption {
        case .garbage:
            try Data(random.bytes(65_536)).write(to: URL(fileURLWithPath: database))
        case .truncated:
            try SQLite.execute(base + "/jalon.sqlite", "PRAGMA wal_checkpoint(TRUNCATE)")
            let whole = try Data(contentsOf: URL(fileURLWithPath: base + "/jalon.sqlite"))
            try #require(whole.count > 100_000, "the base database has \(whole.count) bytes")
            try whole.prefix(whole.count / 2 + 1000).write(to: URL(fileURLWithPath: database))
        case .damagedPages:
            try SQLite.execute(base + "/jalon.sqlite", "PRAGMA wal_checkpoint(TRUNCATE)")
            var whole = try Data(contentsOf: URL(fileURLWithPath: base + "/jalon.sqlite"))
            try #require(whole.count >= 24 * 4096, "the base database has \(whole.count) bytes")
            whole.replaceSubrange((20 * 4096)..<(23 * 4096), with: random.bytes(3 * 4096))
            try whole.write(to: URL(fileURLWithPath: database))
        case .newerSchema:
            try SQLite.execute(
                base + "/jalon.sqlite",
                "INSERT INTO grdb_migrations (identifier) VALUES ('3: a table from a later jalon')")
            try SQLite.execute(base + "/jalon.sqlite", "PRAGMA wal_checkpoint(TRUNCATE)")
            try FileManager.default.copyItem(atPath: base + "/jalon.sqlite", toPath: database)
        }
        chmod(database, 0o600)
        let before = try Data(contentsOf: URL(fileURLWithPath: database))
        let problem = corruption == .newerSchema ? "was written by a newer jalon" : "is damaged"

        let run = try FaultChild(
            jalonBinary, ["run", "--config", config, "--state", state], environment: childEnvironment(scratch),
            output: scratch.path + "/run")
        defer { run.kill9() }  // by pid, whatever happens below
        let ended = run.wait(timeout: 20)
        if ended == nil { _ = run.kill9() }
        #expect(ended != nil, "jalon run did not stop on a \(corruption) state database: \(run.describe())")
        if case .exited(let code)? = ended {
            #expect(code != 0, "jalon run exited 0 on a \(corruption) state database")
        } else {
            Issue.record("jalon run ended with \(String(describing: ended))")
        }
        #expect(run.standardError.contains(database), "the message does not name the file: \(run.standardError)")
        #expect(run.standardError.contains(problem), "the message does not say what is wrong: \(run.standardError)")
        let afterRun = try Data(contentsOf: URL(fileURLWithPath: database))
        let untouched = afterRun == before  // compared outside #expect, which would print every byte
        let difference = firstDifference(before, afterRun).map(String.init) ?? "none"
        let sizes = "\(before.count) → \(afterRun.count) bytes"
        #expect(
            untouched,
            "jalon run changed the \(corruption) state database: \(sizes), first difference at byte \(difference)")
        let walSize = (try? FileManager.default.attributesOfItem(atPath: database + "-wal")[.size] as? Int) ?? 0
        #expect(walSize == 0, "jalon run left \(walSize) bytes of write-ahead log")

        let status = try runTool(
            jalonBinary, ["status", "--state", state], environment: childEnvironment(scratch), timeout: 20)
        #expect(status.status != 0 && !status.signaled, "\(status)")
        #expect(status.stderr.contains(database), "`jalon status` does not name the file: \(status.stderr)")
        #expect(status.stderr.contains(problem), "`jalon status` does not say what is wrong: \(status.stderr)")
        #expect(
            !status.stderr.contains("no state in") && !status.stderr.contains("has `jalon run` ever started?"),
            "`jalon status` says there is no state when the state database is \(corruption): \(status.stderr)")
        let afterStatus = try Data(contentsOf: URL(fileURLWithPath: database))
        let statusLeftItAlone = afterStatus == afterRun
        #expect(statusLeftItAlone, "jalon status changed the state database")
        let left = ((try? FileManager.default.contentsOfDirectory(atPath: state)) ?? []).sorted()
        print("\(corruption): jalon run said: \(run.standardError.trimmingCharacters(in: .whitespacesAndNewlines))")
        print("\(corruption): jalon status said: \(status.stderr.trimmingCharacters(in: .whitespacesAndNewlines))")
        print("\(corruption): state directory afterwards: \(left)")
    }

    /// Not a fault, but the same machinery: once its reminders are delivered and mailed, the daemon sleeps — no
    /// thread of it wakes at all while nothing is due, neither after sending mail nor after a restart on the state it
    /// left. On Linux, any use of libdispatch's non-overcommit pool (the global queues, `concurrentPerform`, Swift's
    /// global executor, `Task.sleep`, a GRDB connection let go) starts a timer that wakes the process every second
    /// for good (see `QuietDispatch`); this catches it coming back.
    @Test(.enabled(if: StandardErrorJournal.unavailable == nil, StandardErrorJournal.skipComment))
    func anIdleDaemonDoesNotWakeAfterSendingMailNorAfterARestart() throws {
        try #require(FileManager.default.isExecutableFile(atPath: jalonBinary), "no jalon binary at \(jalonBinary)")
        let scratch = try Scratch()
        defer { withExtendedLifetime(scratch) {} }  // removed last, after every child is gone
        let mail = scratch.path + "/mail"
        try FileManager.default.createDirectory(atPath: mail + "/idle", withIntermediateDirectories: true)
        let sendmail = try scratch.write("bin/sendmail", recordingSendmail(mailFolder: mail))
        chmod(sendmail, 0o755)
        try scratch.write("config/jalon.toml", settings(sendmail: sendmail))
        let due = Int64((Date().timeIntervalSince1970 + 1.5).rounded(.up))
        try scratch.write("config/people/idle.toml", deadlines(person: "idle", ["a": due, "b": due, "c": due]))
        let arguments = ["run", "--config", scratch.path + "/config", "--state", scratch.path + "/state"]
        let daemon = try startDaemon(arguments, environment: childEnvironment(scratch), output: scratch.path + "/run")
        defer { daemon.kill9() }
        try #require(
            waitUntil(20) { countFiles(in: mail + "/idle", suffix: ".eml") == 3 },
            "the three messages were not handed over: \(daemon.describe())")
        // The outcomes recorded, the sendmail threads parked.
        sleep(2)
        let woken = try wakeUps(of: daemon, over: 4)
        #expect(woken.isEmpty, "threads woke while nothing was due: \(woken)")
        let stop = daemon.stop(SIGTERM, timeout: 15)
        try #require(stop.termination == .exited(0), "SIGTERM did not end the daemon cleanly: \(stop)")

        // Again on the state database it left: nothing is due, nothing is sent, nothing wakes.
        let again = try startDaemon(arguments, environment: childEnvironment(scratch), output: scratch.path + "/again")
        defer { again.kill9() }
        sleep(3)
        let wokenAgain = try wakeUps(of: again, over: 4)
        #expect(wokenAgain.isEmpty, "after a restart, threads woke while nothing was due: \(wokenAgain)")
        #expect(countFiles(in: mail + "/idle", suffix: ".eml") == 3, "the restart sent mail again")
    }

    /// The threads of `daemon` that were switched to during `seconds` seconds, with how many times.
    private func wakeUps(of daemon: FaultChild, over seconds: UInt32) throws -> [String] {
        func switches() -> [String: Int] {
            var result: [String: Int] = [:]
            let tasks = "/proc/\(daemon.pid)/task"
            for thread in (try? FileManager.default.contentsOfDirectory(atPath: tasks)) ?? [] {
                guard let status = try? String(contentsOfFile: "\(tasks)/\(thread)/status", encoding: .utf8) else {
                    continue
                }
                let name = status.split(separator: "\n").first?.split(separator: "\t").last.map(String.init) ?? "?"
                result["\(thread) \(name)"] = status.split(separator: "\n")
                    .filter { $0.contains("ctxt_switches:") }
                    .compactMap {
                        $0.split(separator: "\t").last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
                    }
                    .reduce(0, +)
            }
            return result
        }
        // The daemon watches /etc for a new system zone: other tests running meanwhile (useradd) wake it, rightly.
        // A window during which /etc changed is measured again, up to five times.
        func etcChange() -> [Int] {
            var st = stat()
            guard stat("/etc", &st) == 0 else { return [] }
            return [st.st_mtim.tv_sec, st.st_mtim.tv_nsec, st.st_ctim.tv_sec, st.st_ctim.tv_nsec]
        }
        var woken: [String] = []
        for _ in 1...5 {
            let etc = etcChange()
            let before = switches()
            try #require(!before.isEmpty, "no threads seen for pid \(daemon.pid): \(daemon.describe())")
            sleep(seconds)
            let after = switches()
            #expect(daemon.isRunning, "\(daemon.describe())")
            woken = after.compactMap { thread, count in
                before[thread].flatMap { count > $0 ? "\(thread): \(count - $0)" : nil }
            }.sorted()
            if woken.isEmpty || etcChange() == etc { break }
            print("idle daemon: /etc changed while measuring (\(woken)); measuring again")
        }
        return woken
    }

    // MARK: - 4. Two daemons on one state directory

    /// Two `jalon run` started together on the same state directory, one reminder due 3 s later, a recording
    /// sendmail: one daemon takes the state directory's lock, the other exits at once with status 1 and names the
    /// pid of the first; the reminder reaches the journal once and sendmail once.
    @Test(.enabled(if: StandardErrorJournal.unavailable == nil, StandardErrorJournal.skipComment))
    func twoDaemonsOnOneStateDeliverOnce() throws {
        let scratch = try Scratch()
        defer { withExtendedLifetime(scratch) {} }  // removed last, after every child is gone
        let config = scratch.path + "/config"
        let state = scratch.path + "/state"
        let mail = scratch.path + "/mail"
        try FileManager.default.createDirectory(atPath: mail + "/twin", withIntermediateDirectories: true)
        let sendmail = try scratch.write("bin/sendmail", recordingSendmail(mailFolder: mail))
        chmod(sendmail, 0o755)
        try scratch.write("config/jalon.toml", settings(sendmail: sendmail))
        let due = Int64((Date().timeIntervalSince1970 + 3).rounded(.up))
        try scratch.write("config/people/twin.toml", deadlines(person: "twin", ["a": due]))

        let daemons = try ["1", "2"].map {
            try startDaemon(
                ["run", "--config", config, "--state", state], environment: childEnvironment(scratch),
                output: scratch.path + "/run-" + $0)
        }
        defer { for daemon in daemons { daemon.kill9() } }  // by pid, whatever happens below
        // One of them ends at once, with status 1.
        #expect(waitUntil(5) { daemons.contains { !$0.isRunning } }, "neither daemon ended")
        let ended = daemons.filter { !$0.isRunning }
        let running = daemons.filter { $0.isRunning }
        try #require(ended.count == 1 && running.count == 1, "\(daemons.map { $0.describe() })")
        let loser = ended[0]
        let winner = running[0]
        #expect(loser.poll() == .exited(1), "\(loser.describe())")
        #expect(
            loser.standardError.contains("jalon is already running on \(state) (pid \(winner.pid))"),
            "\(loser.describe())")
        #expect(deliveredIDs(loser.standardError).isEmpty)

        // The reminder: once in the journal, once to sendmail.
        #expect(waitUntil(10) { countFiles(in: mail + "/twin", suffix: ".eml") >= 1 }, "\(winner.describe())")
        sleepUntil(Double(due) + 2)
        let journaled = daemons.flatMap { deliveredIDs($0.standardError) }.filter { $0 == "twin/a/+0d" }.count
        let mailed = countFiles(in: mail + "/twin", suffix: ".eml")
        print(
            "two daemons on one state: \(journaled) journal entries, \(mailed) messages, duplicates \(journaled + mailed - 2)"
        )
        #expect(journaled == 1)
        #expect(mailed == 1)
        let stop = winner.stop(SIGTERM, timeout: 15)
        #expect(stop.termination == .exited(0), "\(stop) \(winner.describe())")
    }
}

// MARK: - Configuration and fake sendmails

private func settings(sendmail: String, timeout: Int? = nil, retry: Int? = nil) -> String {
    """
    timezone = "UTC"
    locale = "en"
    catch_up = "1d"

    [mail]
    from = "Jalon Fault <jalon@fault.example>"
    sendmail = ["\(sendmail)", "-C", "/nonexistent/msmtprc"]
    \(timeout.map { "timeout = \($0)" } ?? "")
    \(retry.map { "retry = \($0)" } ?? "")

    """
}

/// A person file (`PERSON.toml`) with a deadline per entry, due at that instant (UTC), mailed to
/// `PERSON-ITEM@fault.example`.
private func deadlines(person: String, _ items: [String: Int64]) -> String {
    var text = ""
    for (item, due) in items.sorted(by: { $0.key < $1.key }) {
        text += """
            [[deadline]]
            id = "\(item)"
            due = \(utcDateTime(due))
            remind = ["+0d"]
            follow_up = false
            to = ["\(person)-\(item)@fault.example"]

            """
    }
    return text
}

/// A sendmail that keeps its arguments and the message in `MAILFOLDER/PREFIX/RECIPIENT.PID.{args,eml}` (PREFIX: the
/// last recipient up to its first `-`), and exits 0. As fast as a shell script can be: no fork but `cat`'s exec.
///
/// With `fillHook`: when that file exists, the first call removes it and fills the file system of `filler`.
private func recordingSendmail(mailFolder: String, fillHook: String? = nil, filler: String? = nil) -> String {
    var script = """
        #!/bin/sh
        # jalon FaultTests: a recording sendmail.
        for last; do :; done

        """
    if let fillHook, let filler {
        script += """
            if [ -e '\(fillHook)' ]; then
                rm -f '\(fillHook)'
                dd if=/dev/zero of='\(filler)' bs=4k 2>/dev/null
            fi

            """
    }
    script += """
        f="\(mailFolder)/${last%%-*}/$last.$$"
        printf '%s\\n' "$@" > "$f.args" || exit 75
        exec cat > "$f.eml"

        """
    return script
}

/// A sendmail whose behaviour is in `DIR/sendmail.mode`: `hang` (sleeps for 30 s, pid in `DIR/sendmail.pids`),
/// `defer` (exits 75), `refuse-once` (exits 1 and switches to `ok`), `ok` (records the call in `DIR/calls` and exits
/// 0).
private func modalSendmail(_ directory: String) -> String {
    """
    #!/bin/sh
    # jalon FaultTests: a sendmail that hangs, defers or accepts, as DIR/sendmail.mode says.
    echo $$ >> '\(directory)/sendmail.pids'
    read mode < '\(directory)/sendmail.mode'
    for last; do :; done
    case "$mode" in
    hang) exec sleep 30 ;;
    defer) cat > /dev/null; exit 75 ;;
    refuse-once)
        # What exim does with a read-only spool or a full disk: status 1. Once, then it works.
        echo ok > '\(directory)/sendmail.mode'
        cat > /dev/null
        echo "Failed to create spool file: Read-only file system" >&2
        exit 1
        ;;
    *)
        printf '%s\\n' "$@" > '\(directory)/calls/'"$last.$$.args"
        exec cat > '\(directory)/calls/'"$last.$$.eml"
        ;;
    esac

    """
}

private func pidsRecorded(_ file: String) -> [pid_t] {
    ((try? String(contentsOfFile: file, encoding: .utf8)) ?? "").split(separator: "\n").compactMap { pid_t($0) }
}

/// The hanging fake sendmails still running (the pids recorded that are still `sleep 30`).
private func hangingSendmails(_ file: String) -> [pid_t] {
    pidsRecorded(file).filter { pid in
        guard let command = try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8) else { return false }
        return command.hasPrefix("sleep\u{0}30")
    }
}

private func childEnvironment(_ scratch: Scratch) -> [String: String] {
    ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "HOME": scratch.path, "TZ": "UTC", "LANG": "C.UTF-8"]
}

/// `2026-11-27T18:56:40`: a local date-time in UTC.
private func utcDateTime(_ seconds: Int64) -> String {
    var time = time_t(seconds)
    var parts = tm()
    gmtime_r(&time, &parts)
    func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):"
        + "\(two(parts.tm_min)):\(two(parts.tm_sec))"
}

private func firstDifference(_ a: Data, _ b: Data) -> Int? {
    if let index = zip(a, b).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset { return index }
    return a.count == b.count ? nil : min(a.count, b.count)
}

private func countFiles(in folder: String, prefix: String = "", suffix: String) -> Int {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
        $0.hasPrefix(prefix) && $0.hasSuffix(suffix)
    }.count
}

// MARK: - Journal lines on standard error

/// `<PRIORITY>jalon: MESSAGE [FIELD=value …]`, as `SystemJournal.line` writes it without a journald.
private struct JournalLine {
    var text: String
    var priority: Int
    var message: String
    var fields: [String: String]
}

private func parseJournal(_ text: String) -> [JournalLine] {
    var lines: [JournalLine] = []
    for raw in text.split(separator: "\n") {
        let line = String(raw)
        guard line.hasPrefix("<"), let close = line.firstIndex(of: ">"),
            let priority = Int(line[line.index(after: line.startIndex)..<close])
        else { continue }
        var rest = line[line.index(after: close)...]
        guard rest.hasPrefix("jalon: ") else { continue }
        rest = rest.dropFirst("jalon: ".count)
        var message = String(rest)
        var fields: [String: String] = [:]
        if rest.hasSuffix("]"), let open = rest.range(of: " [", options: .backwards) {
            message = String(rest[..<open.lowerBound])
            var key: String?
            for token in rest[open.upperBound..<rest.index(before: rest.endIndex)].split(separator: " ") {
                if let equal = token.firstIndex(of: "="),
                    token[..<equal].allSatisfy({ $0.isUppercase || $0 == "_" }), !token[..<equal].isEmpty
                {
                    key = String(token[..<equal])
                    fields[key!] = String(token[token.index(after: equal)...])
                } else if let key {
                    fields[key, default: ""] += " " + token
                }
            }
        }
        lines.append(JournalLine(text: line, priority: priority, message: message, fields: fields))
    }
    return lines
}

/// The ids of the reminders delivered (on time, late, or follow-ups) in this standard error, in order.
private func deliveredIDs(_ standardError: String) -> [String] {
    parseJournal(standardError).compactMap { line in
        // Not a missed reminder, nor a message that went out after failing (priority 5 too, with the same fields).
        guard line.priority == 5 || line.priority == 4, line.fields["JALON_STEP"] != nil,
            line.fields["JALON_MAIL"] == nil, !line.message.hasPrefix("Missed")
        else { return nil }
        return line.fields["JALON_REMINDER"]
    }
}

// MARK: - Child processes

/// Where jalon's journal entries go: standard error without a journald (these tests read them there).
private enum StandardErrorJournal {
    static let socket = "/run/systemd/journal/socket"

    static var journaldListens: Bool {
        var st = stat()
        return stat(socket, &st) == 0 && st.st_mode & S_IFMT == S_IFSOCK
    }

    /// Why the entries cannot be brought to standard error here, or nil.
    static let unavailable: String? = {
        guard journaldListens else { return nil }
        if geteuid() == 0, (try? runTool("/usr/bin/unshare", ["-m", "/bin/true"], timeout: 10))?.status == 0 {
            return nil
        }
        let reason =
            "skipped: a journald listens on \(socket), jalon writes there rather than to standard error, and "
            + "hiding it (a tmpfs in a private mount namespace) needs root and `unshare -m`"
        FileHandle.standardError.write(Data((reason + "\n").utf8))
        return reason
    }()

    static var skipComment: Comment { Comment(rawValue: unavailable ?? "reads jalon's journal on standard error") }
}

/// `jalon ARGS` as a child process whose journal entries go to standard error: where a journald listens, in a
/// private mount namespace where a tmpfs hides /run/systemd/journal (`unshare` and `sh` exec, the pid is jalon's).
private func startDaemon(_ arguments: [String], environment: [String: String], output: String) throws -> FaultChild {
    guard StandardErrorJournal.journaldListens else {
        return try FaultChild(jalonBinary, arguments, environment: environment, output: output)
    }
    let hide =
        "/usr/bin/mount -t tmpfs -o size=4k,mode=0755 jalon-no-journald /run/systemd/journal && exec \"$0\" \"$@\""
    return try FaultChild(
        "/usr/bin/unshare", ["-m", "--propagation", "private", "--", "/bin/sh", "-c", hide, jalonBinary] + arguments,
        environment: environment, output: output)
}

private typealias Termination = ChildProcess.Termination

/// A child process started with `posix_spawn` (JalonCore's `ChildProcess`: every signal unblocked and at its
/// default action), its standard output and error in files. It is ended by its pid: `stop`, `kill9`, or SIGKILL
/// from `deinit` if still running.
private final class FaultChild {
    let pid: pid_t
    let outputPath: String
    let errorPath: String
    private(set) var termination: Termination?

    init(_ executable: String, _ arguments: [String], environment: [String: String], output: String) throws {
        outputPath = output + ".out"
        errorPath = output + ".err"
        let files = [
            open("/dev/null", O_RDONLY | O_CLOEXEC),
            open(outputPath, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0o644),
            open(errorPath, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0o644),
        ]
        defer { for fd in files where fd >= 0 { close(fd) } }
        guard !files.contains(-1) else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        pid = try ChildProcess(
            executable, arguments, input: files[0], output: files[1], error: files[2], environment: environment
        ).pid
    }

    deinit {
        if termination == nil {
            kill(pid, SIGKILL)
            _ = wait(timeout: 10)
        }
    }

    /// Reaps the process if it ended; its termination then.
    @discardableResult
    func poll() -> Termination? {
        if let termination { return termination }
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        guard result == pid else { return nil }
        termination = Termination(waitStatus: status)
        return termination
    }

    var isRunning: Bool { poll() == nil }

    /// Waits at most `timeout` seconds for the process to end.
    func wait(timeout: TimeInterval) -> Termination? {
        let end = Date().addingTimeInterval(timeout)
        while poll() == nil {
            if Date() >= end { return nil }
            usleep(5_000)
        }
        return termination
    }

    /// Sends `signal`, waits at most `timeout` seconds, then SIGKILL. How it ended, whether it had to be killed,
    /// and how long it took.
    func stop(_ signal: Int32, timeout: TimeInterval) -> (termination: Termination?, killed: Bool, seconds: Double) {
        let start = Date()
        if poll() == nil { kill(pid, signal) }
        if let ended = wait(timeout: timeout) { return (ended, false, Date().timeIntervalSince(start)) }
        kill(pid, SIGKILL)
        let ended = wait(timeout: 10)
        return (ended, true, Date().timeIntervalSince(start))
    }

    /// SIGKILL, and the process reaped.
    @discardableResult
    func kill9() -> Termination? {
        if poll() == nil { kill(pid, SIGKILL) }
        return wait(timeout: 10)
    }

    var standardOutput: String { (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" }
    var standardError: String { (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "" }

    func describe() -> String {
        let errors = standardError
        let tail = errors.count > 3000 ? "…" + errors.suffix(3000) : Substring(errors)
        return "pid \(pid) (\(poll().map { "\($0)" } ?? "running")); stderr:\n\(tail)"
    }
}

private struct ToolResult: CustomStringConvertible {
    var status: Int32
    var signaled: Bool
    var stdout: String
    var stderr: String

    var description: String { "status \(status)\(signaled ? " (signal)" : ""); stdout: \(stdout); stderr: \(stderr)" }
}

/// Runs a program to its end (SIGKILL after `timeout` seconds), its output through files.
private func runTool(
    _ executable: String, _ arguments: [String], environment: [String: String] = [:], timeout: TimeInterval = 20
) throws -> ToolResult {
    var template = Array((NSTemporaryDirectory() + "/jalon-fault-tool-XXXXXX").utf8CString)
    guard let made = mkdtemp(&template) else { throw POSIXError(.EIO) }
    let folder = String(cString: made)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    var env = ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "LANG": "C.UTF-8", "TZ": "UTC"]
    env.merge(environment) { $1 }
    let child = try FaultChild(executable, arguments, environment: env, output: folder + "/tool")
    let ended = child.wait(timeout: timeout) ?? child.kill9()
    guard let ended else { throw POSIXError(.ETIMEDOUT) }
    switch ended {
    case .exited(let code):
        return ToolResult(status: code, signaled: false, stdout: child.standardOutput, stderr: child.standardError)
    case .signaled(let signal):
        return ToolResult(
            status: 128 + signal, signaled: true, stdout: child.standardOutput, stderr: child.standardError)
    }
}

// MARK: - The state database, read from outside

private enum SQLite {
    static let sqlite3 = "/usr/bin/sqlite3"
    static let python3 = "/usr/bin/python3"

    static let unavailable: String? = {
        if FileManager.default.isExecutableFile(atPath: sqlite3)
            || FileManager.default.isExecutableFile(atPath: python3)
        {
            return nil
        }
        return "neither \(sqlite3) nor \(python3) is installed: the state database cannot be read"
    }()

    private static let pythonScript = """
        import sqlite3, sys
        path, sql, mode = sys.argv[1], sys.argv[2], sys.argv[3]
        if mode == "ro":
            db = sqlite3.connect("file:" + path + "?mode=ro", uri=True, timeout=5, isolation_level=None)
            for row in db.execute(sql):
                print("|".join("" if v is None else str(v) for v in row))
        else:
            db = sqlite3.connect(path, timeout=5, isolation_level=None)
            db.executescript(sql)
        """

    /// The command that runs `sql` on `path`: read-only, or not.
    static func command(_ path: String, _ sql: String, readOnly: Bool) -> [String] {
        if FileManager.default.isExecutableFile(atPath: sqlite3) {
            return [sqlite3, "-batch", "-noheader", "-separator", "|", "-cmd", ".timeout 5000"]
                + (readOnly ? ["-readonly"] : []) + [path, sql]
        }
        return [python3, "-c", pythonScript, path, sql, readOnly ? "ro" : "rw"]
    }

    /// Rows of `sql`, columns split on `|`.
    static func query(_ path: String, _ sql: String, namespace: pid_t? = nil) throws -> [[String]] {
        var command = command(path, sql, readOnly: true)
        if let namespace { command = ["/usr/bin/nsenter", "-t", String(namespace), "-m", "--"] + command }
        let result = try runTool(command[0], Array(command.dropFirst()), timeout: 20)
        guard result.status == 0 else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "\(sql): \(result)"])
        }
        return result.stdout.split(separator: "\n").map {
            $0.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        }
    }

    static func execute(_ path: String, _ sql: String) throws {
        let command = command(path, sql, readOnly: false)
        let result = try runTool(command[0], Array(command.dropFirst()), timeout: 20)
        guard result.status == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "\(sql): \(result)"])
        }
    }
}

// MARK: - A private mount namespace with a small tmpfs

/// A tmpfs of `size` mounted on the state directory in a private mount namespace (`unshare -m`), held by a bash
/// script until `close`; programs run in it through `nsenter -t HOLDER -m` (which execs them: their pid is theirs).
private final class StateMount {
    let holder: FaultChild
    let state: String

    static let unavailable: String? = {
        var missing: [String] = []
        if geteuid() != 0 { missing.append("not root (mounting a tmpfs in a private mount namespace needs it)") }
        for tool in ["/usr/bin/unshare", "/usr/bin/nsenter", "/usr/bin/mount", "/bin/bash", "/bin/dd", "/usr/bin/df"]
        where !FileManager.default.isExecutableFile(atPath: tool) {
            missing.append("no \(tool)")
        }
        if !FileManager.default.isExecutableFile(atPath: jalonBinary) { missing.append("no jalon binary") }
        if missing.isEmpty, (try? runTool("/usr/bin/unshare", ["-m", "/bin/true"], timeout: 10))?.status != 0 {
            missing.append("`unshare -m` is not permitted here")
        }
        guard !missing.isEmpty else { return nil }
        let reason = "state directory fault tests skipped: " + missing.joined(separator: "; ")
        FileHandle.standardError.write(Data((reason + "\n").utf8))
        return reason
    }()

    static var skipComment: Comment { Comment(rawValue: unavailable ?? "needs root and unshare -m") }

    init(scratch: Scratch, state: String, size: String) throws {
        self.state = state
        mkdir(state, 0o700)
        let script = try scratch.write(
            "bin/hold-state-mount.sh",
            """
            #!/bin/bash
            # jalon FaultTests: a private mount namespace with a small tmpfs on the state directory, held until killed.
            # Usage: hold-state-mount.sh STATE SIZE
            set -euo pipefail
            exec /usr/bin/unshare -m --propagation private -- /bin/bash -c '
                set -euo pipefail
                /usr/bin/mount -t tmpfs -o "size=$2,mode=0700" jalon-fault-state "$1"
                # Where a journald listens, hide it: jalon then writes its journal entries to standard error.
                if [ -S /run/systemd/journal/socket ]; then
                    /usr/bin/mount -t tmpfs -o size=4k,mode=0755 jalon-no-journald /run/systemd/journal
                fi
                echo ready
                exec sleep 3600
            ' hold-state-mount "$1" "$2"

            """)
        holder = try FaultChild(
            "/bin/bash", [script, state, size], environment: ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"],
            output: scratch.path + "/hold-state-mount")
        guard waitUntil(10, { self.holder.standardOutput.contains("ready") }) else {
            let why = holder.describe()
            _ = holder.kill9()
            throw CocoaError(
                .executableLoad, userInfo: [NSLocalizedDescriptionKey: "the mount namespace did not start: \(why)"])
        }
    }

    private var prefix: [String] { ["-t", String(holder.pid), "-m", "--"] }

    /// Runs a program in the namespace to its end.
    func run(_ command: [String], timeout: TimeInterval = 20) throws -> ToolResult {
        try runTool("/usr/bin/nsenter", prefix + command, timeout: timeout)
    }

    func spawn(_ executable: String, _ arguments: [String], environment: [String: String], output: String) throws
        -> FaultChild
    {
        try FaultChild(
            "/usr/bin/nsenter", prefix + [executable] + arguments, environment: environment, output: output)
    }

    func query(_ database: String, _ sql: String) throws -> [[String]] {
        try SQLite.query(database, sql, namespace: holder.pid)
    }

    /// Ends the namespace (its last process).
    func close() { _ = holder.kill9() }

    deinit { close() }
}

// MARK: - Time and randomness

/// Polls `condition` every `every` seconds for at most `timeout` seconds.
private func waitUntil(_ timeout: TimeInterval, every: TimeInterval = 0.05, _ condition: () -> Bool) -> Bool {
    let end = Date().addingTimeInterval(timeout)
    while Date() < end {
        if condition() { return true }
        usleep(useconds_t(every * 1_000_000))
    }
    return condition()
}

/// Sleeps until the wall clock reaches `instant` (seconds since 1970).
private func sleepUntil(_ instant: Double) {
    while true {
        let left = instant - Date().timeIntervalSince1970
        if left <= 0 { return }
        usleep(useconds_t(min(left, 0.5) * 1_000_000))
    }
}
