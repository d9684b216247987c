import Foundation

/// What the system said went wrong — an `errno`, a `POSIXError`, a Foundation `CocoaError` or `NSError`, SQLite's
/// result — said in words, never as a raw dump such as `Error Domain=NSCocoaErrorDomain Code=642 …`.
///
/// Shown after what jalon was doing: "cannot create the state directory /x (read-only file system)".
package enum SystemText: Localizable, Hashable {
    case noSuchFile
    case permissionDenied
    case diskFull
    case quotaExceeded
    case readOnlyFileSystem
    case notADirectory
    case isADirectory
    case alreadyExists
    case directoryNotEmpty
    case tooManyOpenFiles
    case nameTooLong
    case tooManySymbolicLinks
    case inputOutput
    /// Another process holds it (EBUSY, SQLite's BUSY/LOCKED).
    case busy
    case outOfMemory
    /// The file's content is damaged or not what it should be.
    case damaged
    /// The file is not text in UTF-8.
    case notText
    case fileTooLarge
    case timedOut
    case invalidArgument
    /// A program that cannot be run (ENOEXEC, a missing interpreter).
    case notAProgram
    /// Any other `errno`, by number (`errno -l` names it).
    case systemError(code: Int32)
    /// An error that says nothing more precise.
    case unknown

    package static var samples: [SystemText] {
        [
            .noSuchFile, .permissionDenied, .diskFull, .quotaExceeded, .readOnlyFileSystem, .notADirectory,
            .isADirectory, .alreadyExists, .directoryNotEmpty, .tooManyOpenFiles, .nameTooLong, .tooManySymbolicLinks,
            .inputOutput, .busy, .outOfMemory, .damaged, .notText, .fileTooLarge, .timedOut, .invalidArgument,
            .notAProgram, .systemError(code: 71), .unknown,
        ]
    }
}

extension SystemText {
    /// The words for an `errno` value.
    package init(errno code: Int32) {
        switch code {
        case ENOENT: self = .noSuchFile
        case EACCES, EPERM: self = .permissionDenied
        case ENOSPC: self = .diskFull
        case EDQUOT: self = .quotaExceeded
        case EROFS: self = .readOnlyFileSystem
        case ENOTDIR: self = .notADirectory
        case EISDIR: self = .isADirectory
        case EEXIST: self = .alreadyExists
        case ENOTEMPTY: self = .directoryNotEmpty
        case EMFILE, ENFILE: self = .tooManyOpenFiles
        case ENAMETOOLONG: self = .nameTooLong
        case ELOOP: self = .tooManySymbolicLinks
        case EIO: self = .inputOutput
        case EBUSY, ETXTBSY, EWOULDBLOCK: self = .busy
        case ENOMEM: self = .outOfMemory
        case EFBIG, EOVERFLOW: self = .fileTooLarge
        case ETIMEDOUT: self = .timedOut
        case EINVAL: self = .invalidArgument
        case ENOEXEC: self = .notAProgram
        case 0: self = .unknown
        default: self = .systemError(code: code)
        }
    }

    /// The words for any error the system or Foundation throws: a `POSIXError`, a `CocoaError` (whose codes
    /// name what happened to a file, or which wraps the `errno` that did), or an `NSError` of either domain.
    package init(_ error: any Error) {
        if let posix = error as? POSIXError {
            self.init(errno: posix.code.rawValue)
            return
        }
        let error = error as NSError
        // On Linux the wrapped error is a Swift `POSIXError` more often than an `NSError`.
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? any Error {
            let words = SystemText(underlying)
            if words != .unknown {
                self = words
                return
            }
        }
        switch error.domain {
        case NSPOSIXErrorDomain:
            self.init(errno: Int32(truncatingIfNeeded: error.code))
        case NSCocoaErrorDomain:
            self.init(cocoa: CocoaError.Code(rawValue: error.code))
        default:
            self = .unknown
        }
    }

    private init(cocoa code: CocoaError.Code) {
        switch code {
        case .fileNoSuchFile, .fileReadNoSuchFile: self = .noSuchFile
        case .fileReadNoPermission, .fileWriteNoPermission, .fileLocking: self = .permissionDenied
        case .fileWriteOutOfSpace: self = .diskFull
        case .fileWriteVolumeReadOnly: self = .readOnlyFileSystem
        case .fileWriteFileExists: self = .alreadyExists
        case .fileReadCorruptFile: self = .damaged
        case .fileReadInapplicableStringEncoding, .fileWriteInapplicableStringEncoding: self = .notText
        case .fileReadTooLarge: self = .fileTooLarge
        case .fileReadInvalidFileName, .fileWriteInvalidFileName: self = .invalidArgument
        default: self = .unknown
        }
    }
}
