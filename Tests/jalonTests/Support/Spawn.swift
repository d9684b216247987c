import Foundation
import JalonCore

/// A run of `jalon` through JalonCore's `ChildProcess`: every signal unblocked and at its default action (the test
/// runner blocks SIGTERM and Foundation's `Process` would pass that on), in a process group of its own, its
/// output in files.
struct SpawnedRun {
    var termination: ChildProcess.Termination
    /// The run outlived its time and was sent SIGTERM.
    var timedOut: Bool
    var stdout: String
    var stderr: String
}

/// Runs `jalon ARGUMENTS` in `directory` with exactly `environment`; after `timeout`, SIGTERM (then SIGKILL every
/// 2 s until it ends).
func spawnJalon(
    _ arguments: [String], in directory: String, environment: [String: String], timeout: Duration
) throws -> SpawnedRun {
    let output = directory + "/.run-out"
    let error = directory + "/.run-err"
    let files = [
        open("/dev/null", O_RDONLY | O_CLOEXEC), open(output, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600),
        open(error, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600),
    ]
    defer {
        for fd in files where fd >= 0 { close(fd) }
        unlink(output)
        unlink(error)
    }
    guard !files.contains(-1) else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    // `cd` first, so that relative paths among the arguments land in `directory`; `exec` keeps the pid jalon's.
    let child = try ChildProcess(
        "/bin/sh", ["-c", "cd \"$0\" && exec \"$@\"", directory, jalonBinary] + arguments, input: files[0],
        output: files[1], error: files[2], environment: environment)
    let (termination, timedOut) = child.wait(timeout: timeout)
    return SpawnedRun(
        termination: termination, timedOut: timedOut,
        stdout: (try? String(contentsOfFile: output, encoding: .utf8)) ?? "",
        stderr: (try? String(contentsOfFile: error, encoding: .utf8)) ?? "")
}
