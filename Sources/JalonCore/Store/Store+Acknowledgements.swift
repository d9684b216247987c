import Foundation
import GRDB

// MARK: - Taking a `done` back, and when it was given

extension Store {
    /// When `item` was acknowledged at `base`, if it was.
    package func acknowledgedAt(item: String, base: Instant) throws(StoreError) -> Instant? {
        try read { db in
            try Int64.fetchOne(
                db, sql: "SELECT acknowledged_at FROM acknowledgement WHERE item = ? AND base = ?",
                arguments: [item, base.seconds]
            ).map(Instant.init(seconds:))
        }
    }

    /// Takes back every acknowledgement of `item` (whatever its base then); returns how many there were.
    package func unacknowledge(item: String) throws(StoreError) -> Int {
        try write { db in
            try db.execute(sql: "DELETE FROM acknowledgement WHERE item = ?", arguments: [item])
            return db.changesCount
        }
    }

    /// The acknowledgements of the state database in `directory`, read without creating or changing anything; empty
    /// when there is no state database there (yet).
    ///
    /// - Throws: `StoreError` when one exists and cannot be read.
    package static func acknowledgements(inStateDirectory directory: String) throws(StoreError) -> Set<Acknowledgement>
    {
        var st = stat()
        guard stat(directory + "/" + fileName, &st) == 0 else { return [] }
        return try Store(directory: directory, readOnly: true, verify: false).acknowledgements()
    }
}
