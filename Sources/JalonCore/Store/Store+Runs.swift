import GRDB

// MARK: - When the daemon ran (SPEC §5)

extension Store {
    /// Records the start of a run; returns its row id.
    package func beginRun(pid: Int, at now: Instant) throws(StoreError) -> Int64 {
        try write { db in
            try db.execute(
                sql: "INSERT INTO run (pid, started_at, last_seen) VALUES (?, ?, ?)",
                arguments: [pid, now.seconds, now.seconds])
            return db.lastInsertedRowID
        }
    }

    /// The run stopped cleanly at `now`.
    package func endRun(_ run: Int64, at now: Instant) throws(StoreError) {
        try write { db in
            try db.execute(
                sql: "UPDATE run SET last_seen = ?, stopped_at = ? WHERE id = ?",
                arguments: [now.seconds, now.seconds, run])
        }
    }

    /// Pauses the run saw: the machine asleep, the clock set.
    package func recordPauses(_ pauses: [RunHistory.Pause], run: Int64) throws(StoreError) {
        guard !pauses.isEmpty else { return }
        try write { db in
            for pause in pauses {
                try db.execute(
                    sql: "INSERT INTO run_pause (run, kind, from_at, to_at) VALUES (?, ?, ?, ?)",
                    arguments: [run, pause.kind.rawValue, pause.from.seconds, pause.to.seconds])
            }
        }
    }

    /// The runs that started at or after `since` (at most the latest `limit`), with their pauses, oldest first.
    package func runs(since: Instant, limit: Int = 100) throws(StoreError) -> [RunHistory.Run] {
        try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT id, started_at, last_seen, stopped_at FROM run WHERE started_at >= ?
                    ORDER BY started_at DESC, id DESC LIMIT ?
                    """, arguments: [since.seconds, limit])
            var runs: [RunHistory.Run] = []
            for row in rows.reversed() {
                let id: Int64 = row[0]
                let pauses = try Row.fetchAll(
                    db, sql: "SELECT kind, from_at, to_at FROM run_pause WHERE run = ? ORDER BY from_at",
                    arguments: [id]
                ).compactMap { pause -> RunHistory.Pause? in
                    guard let kind = RunHistory.Pause.Kind(rawValue: pause[0]) else { return nil }
                    return RunHistory.Pause(kind, from: Instant(seconds: pause[1]), to: Instant(seconds: pause[2]))
                }
                let stopped: Int64? = row[3]
                runs.append(
                    RunHistory.Run(
                        started: Instant(seconds: row[1]), lastSeen: Instant(seconds: row[2]),
                        stopped: stopped.map(Instant.init(seconds:)), pauses: pauses))
            }
            return runs
        }
    }

    /// Forgets runs that started before `before`, and their pauses: nothing due then is jalon's any more.
    package func forgetRuns(before: Instant) throws(StoreError) {
        try write { db in
            try db.execute(
                sql: "DELETE FROM run_pause WHERE run IN (SELECT id FROM run WHERE started_at < ?)",
                arguments: [before.seconds])
            try db.execute(sql: "DELETE FROM run WHERE started_at < ?", arguments: [before.seconds])
        }
    }
}

extension Store {
    /// Saves the daemon's status (for `jalon status`) and, in the same transaction, that its run was alive at `now`.
    package func saveStatus(_ json: String, run: Int64?, at now: Instant) throws(StoreError) {
        try write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", arguments: [DaemonStatus.metaKey, json])
            if let run {
                try db.execute(sql: "UPDATE run SET last_seen = ? WHERE id = ?", arguments: [now.seconds, run])
            }
        }
    }
}

extension Store {
    /// Gives back the memory SQLite holds for this connection (its page cache), after a bulk write.
    package func releaseMemory() {
        try? write { db in try db.execute(sql: "PRAGMA shrink_memory") }
    }
}
