/// What went wrong with the state directory or its database (`StoreError`), before the system's own words for why
/// (`SystemText`), in the settings' language.
package enum StoreText: Localizable {
    case cannotCreateDirectory(directory: String)
    case notADirectory(directory: String)
    /// The directory is open to other users and `chmod 0700` failed.
    case directoryNotPrivate(directory: String)
    case cannotCreateDatabase(path: String)
    /// `PRAGMA quick_check` found damage.
    case damaged(path: String)
    /// SQLite says the file is damaged or not a database at all.
    case damagedOrForeign(path: String)
    /// The database records a migration this jalon does not know.
    case newerSchema(path: String)
    case cannotWrite(path: String)
    /// SQLite would not put the database in WAL mode (a file system without shared memory, say).
    case cannotSetUpForWriting(path: String)
    case cannotUse(path: String)
    case failed(path: String)

    package static var samples: [StoreText] {
        let path = "/home/claire/.local/state/jalon/jalon.sqlite"
        let directory = "/home/claire/.local/state/jalon"
        return [
            .cannotCreateDirectory(directory: directory), .notADirectory(directory: directory),
            .directoryNotPrivate(directory: directory), .cannotCreateDatabase(path: path), .damaged(path: path),
            .damagedOrForeign(path: path), .newerSchema(path: path), .cannotWrite(path: path),
            .cannotSetUpForWriting(path: path), .cannotUse(path: path),
            .failed(path: path),
        ]
    }
}
