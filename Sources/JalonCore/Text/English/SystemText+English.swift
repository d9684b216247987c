extension SystemText {
    package var english: String {
        switch self {
        case .noSuchFile: "no such file or directory"
        case .permissionDenied: "permission denied"
        case .diskFull: "disk full"
        case .quotaExceeded: "disk quota exceeded"
        case .readOnlyFileSystem: "read-only file system"
        case .notADirectory: "a part of the path is not a directory"
        case .isADirectory: "it is a directory"
        case .alreadyExists: "the file already exists"
        case .directoryNotEmpty: "the directory is not empty"
        case .tooManyOpenFiles: "too many open files"
        case .nameTooLong: "file name too long"
        case .tooManySymbolicLinks: "too many symbolic links (a loop?)"
        case .inputOutput: "disk input/output error"
        case .busy: "in use by another process"
        case .outOfMemory: "out of memory"
        case .damaged: "damaged content"
        case .notText: "not UTF-8 text"
        case .fileTooLarge: "file too large"
        case .timedOut: "timed out"
        case .invalidArgument: "invalid name or argument"
        case .notAProgram: "not an executable program"
        case .systemError(let code): "system error number \(code) (errno -l names it)"
        case .unknown: "unknown error"
        }
    }
}
