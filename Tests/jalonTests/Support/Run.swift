import Foundation
import JalonCore

/// What a run of the built `jalon` binary printed and how it ended.
struct RunResult {
    var status: Int32
    var stdout: String
    var stderr: String
    /// True when the process ended on a signal (a crash or a trap), which no input may cause.
    var signaled: Bool
}

/// The `jalon` executable next to the test bundle (SwiftPM builds it for this test target), or `$JALON_BINARY`.
let jalonBinary: String = {
    if let path = ProcessInfo.processInfo.environment["JALON_BINARY"] { return path }
    let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    return URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("jalon").path
}()

/// The repository's root, for Config/.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path

/// Runs `jalon ARGS` with a clean environment, waiting at most `timeout` seconds.
func jalon(_ arguments: [String], environment: [String: String] = [:], timeout: TimeInterval = 30) throws -> RunResult {
    try tool(jalonBinary, arguments, environment: ["TZ": "Europe/Paris"].merging(environment) { $1 }, timeout: timeout)
}

/// Runs a program with a clean environment (plus `environment`) and standard input empty, waiting at most
/// `timeout` seconds; one still running then is killed, by its pid.
func tool(
    _ executable: String, _ arguments: [String], environment: [String: String] = [:], timeout: TimeInterval = 30
) throws -> RunResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    var env = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "LANG": "C.UTF-8"]
    env.merge(environment) { $1 }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // Read both pipes while the process runs, so that a large output cannot fill a pipe and block it.
    nonisolated(unsafe) var outData = Data()
    nonisolated(unsafe) var errData = Data()
    let group = DispatchGroup()
    DispatchQueue.global().async(group: group) { outData = out.fileHandleForReading.readDataToEndOfFile() }
    DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
    if group.wait(timeout: .now() + timeout) == .timedOut {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "\(executable) \(arguments) timed out"])
    }
    process.waitUntilExit()
    return RunResult(
        status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
        stderr: String(decoding: errData, as: UTF8.self), signaled: process.terminationReason == .uncaughtSignal)
}

/// A directory under /tmp that goes away with the test.
final class Scratch {
    let path: String

    init() throws {
        var template = Array((NSTemporaryDirectory() + "/jalon-cli-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw POSIXError(.EIO) }
        path = String(cString: made)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    @discardableResult
    func write(_ relative: String, _ contents: String) throws -> String {
        try write(relative, bytes: Array(contents.utf8))
    }

    @discardableResult
    func write(_ relative: String, bytes: [UInt8]) throws -> String {
        let full = path + "/" + relative
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o755])
        // Through a descriptor closed on exec: a child another test starts meanwhile does not inherit it, so a
        // program written here can be run at once (an inherited writer makes exec fail: "Text file busy").
        let fd = open(full, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(fd) }
        let failure = writeAll(fd, bytes)
        guard failure == 0 else { throw POSIXError(POSIXErrorCode(rawValue: failure) ?? .EIO) }
        return full
    }

    /// A copy of the repository's Config/ with safe modes whatever the checkout's umask was.
    func copyOfExampleConfiguration() throws -> String {
        let target = path + "/config"
        try FileManager.default.copyItem(atPath: repositoryRoot + "/Config", toPath: target)
        let walker = FileManager.default.enumerator(atPath: target)
        chmod(target, 0o755)
        while let relative = walker?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: target + "/" + relative, isDirectory: &isDirectory)
            chmod(target + "/" + relative, isDirectory.boolValue ? 0o755 : 0o644)
        }
        return target
    }
}
