import Foundation

@testable import JalonCore

/// A directory under /tmp that tests fill with files and that goes away with the test.
final class TemporaryDirectory {
    let path: String

    init() throws {
        var template = Array((NSTemporaryDirectory() + "/jalon-test-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw POSIXError(.EIO) }
        path = String(cString: made)
        chmod(path, 0o700)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    func url(_ relative: String) -> String { path + "/" + relative }

    /// Writes `contents` at `relative`, creating folders (0755) and the file with `mode`.
    @discardableResult
    func write(_ relative: String, _ contents: String, mode: mode_t = 0o644) throws -> String {
        try write(relative, bytes: Array(contents.utf8), mode: mode)
    }

    @discardableResult
    func write(_ relative: String, bytes: [UInt8], mode: mode_t = 0o644) throws -> String {
        let full = url(relative)
        let folder = (full as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        try writeClosedOnExec(full, bytes)
        chmod(full, mode)
        return full
    }
}

/// Writes `bytes` to `path` through a descriptor closed on exec: a child another test starts meanwhile does not
/// inherit it, so a program written here can be run at once (an inherited writer makes exec fail: "Text file busy").
func writeClosedOnExec(_ path: String, _ bytes: [UInt8]) throws {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    defer { close(fd) }
    let failure = writeAll(fd, bytes)
    guard failure == 0 else { throw POSIXError(POSIXErrorCode(rawValue: failure) ?? .EIO) }
}
