extension StoreText {
    package var english: String {
        switch self {
        case .cannotCreateDirectory(let directory): "cannot create the state directory \(directory)"
        case .notADirectory(let directory): "the state directory \(directory) is not a directory"
        case .directoryNotPrivate(let directory):
            "the state directory \(directory) is open to other users and cannot be made private"
        case .cannotCreateDatabase(let path): "cannot create the state database \(path)"
        case .damaged(let path): "the state database \(path) is damaged"
        case .damagedOrForeign(let path):
            "the state database \(path) is damaged or is not a jalon database; move it away to start afresh (delivery records would be lost)"
        case .newerSchema(let path): "the state database \(path) was written by a newer jalon; upgrade jalon to use it"
        case .cannotWrite(let path): "the state database \(path) cannot be written"
        case .cannotSetUpForWriting(let path): "the state database \(path) cannot be set up for writing (WAL mode)"
        case .cannotUse(let path): "the state database \(path) cannot be used"
        case .failed(let path): "the state database \(path) failed"
        }
    }
}
