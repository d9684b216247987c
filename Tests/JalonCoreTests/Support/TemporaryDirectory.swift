import Foundation

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
        _ = FileManager.default.createFile(atPath: full, contents: Data(bytes))
        chmod(full, mode)
        return full
    }
}
