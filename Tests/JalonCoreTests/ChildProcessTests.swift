import Foundation
import Synchronization
import Testing

@testable import JalonCore

/// Running sendmail: exit statuses, signals, the time-out and what a child inherits.
@Suite struct ChildProcessTests {
    /// Runs `/bin/sh -c SCRIPT` with standard output and error in a file; what it printed and how it ended.
    func shell(_ script: String, timeout: Duration? = nil) throws -> (output: String, ChildProcess.Termination, Bool) {
        let dir = try TemporaryDirectory()
        let path = dir.url("out")
        let output = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
        let input = open("/dev/null", O_RDONLY | O_CLOEXEC)
        defer {
            close(output)
            close(input)
        }
        let child = try ChildProcess("/bin/sh", ["-c", script], input: input, output: output, error: output)
        let (termination, timedOut) = child.wait(timeout: timeout)
        return ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "", termination, timedOut)
    }

    @Test(arguments: [0, 1, 75, 67, 255] as [Int32])
    func exitStatusIsReported(_ status: Int32) throws {
        let (_, termination, timedOut) = try shell("exit \(status)")
        #expect(termination == .exited(status))
        #expect(!timedOut)
    }

    @Test func aSignalIsReported() throws {
        let (_, termination, _) = try shell("kill -SEGV $$")
        #expect(termination == .signaled(SIGSEGV))
    }

    @Test func argumentsAreNotInterpretedByAShell() throws {
        let (output, _, _) = try shell("printf '%s|' \"$0\" \"$1\"; echo", timeout: .seconds(5))
        #expect(output == "/bin/sh||\n")
        let dir = try TemporaryDirectory()
        let out = open(dir.url("args"), O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
        defer { close(out) }
        let child = try ChildProcess(
            "/usr/bin/printf", ["%s\\n", "a b", "$(id)", "; rm -rf /"], input: out, output: out, error: out)
        #expect(child.wait().termination == .exited(0))
        #expect(try String(contentsOfFile: dir.url("args"), encoding: .utf8) == "a b\n$(id)\n; rm -rf /\n")
    }

    /// A descriptor this process holds without close-on-exec (a file being written, as another thread may have at
    /// any moment) does not reach the child: a sendmail that forks a delivery holds none of jalon's files, and a
    /// program written by another thread can still be run (no "Text file busy").
    @Test func aChildInheritsOnlyItsStandardDescriptors() throws {
        let dir = try TemporaryDirectory()
        let held = open(dir.url("held"), O_WRONLY | O_CREAT, 0o600)  // no O_CLOEXEC
        try #require(held > 3)  // 3 may be the listing's own directory
        defer { close(held) }
        let (output, termination, _) = try shell("ls /proc/$$/fd", timeout: .seconds(5))
        #expect(termination == .exited(0))
        let descriptors = output.split(separator: "\n").compactMap { Int32($0) }
        #expect(descriptors.contains(2), "ls printed \(output)")
        #expect(!descriptors.contains(held), "the child holds descriptor \(held): \(descriptors)")
    }

    /// The test runner blocks SIGTERM in its threads (the daemon ignores it); a child ending on SIGTERM proves the
    /// mask and the dispositions were reset.
    @Test func aTimeOutEndsTheChildAndWhatItStarted() throws {
        let dir = try TemporaryDirectory()
        let started = Date()
        let (_, termination, timedOut) = try shell(
            "sleep 30 & echo $! > \(dir.url("grandchild")); wait", timeout: .milliseconds(300))
        #expect(timedOut)
        #expect(termination == .signaled(SIGTERM))
        #expect(Date().timeIntervalSince(started) < 10)
        let grandchild = try #require(
            Int32(
                try String(contentsOfFile: dir.url("grandchild"), encoding: .utf8).trimmingCharacters(
                    in: .whitespacesAndNewlines)))
        // The sleep was in the child's process group and got SIGTERM too (it may take a moment to be reaped).
        var gone = false
        for _ in 0..<50 where !gone {
            gone =
                kill(grandchild, 0) != 0
                || (try? String(contentsOfFile: "/proc/\(grandchild)/stat", encoding: .utf8))?
                    .split(separator: ")").last?.trimmingCharacters(in: .whitespaces).hasPrefix("Z") == true
            if !gone { usleep(100_000) }
        }
        #expect(gone, "the grandchild \(grandchild) outlived the time-out")
    }

    @Test func aChildThatIgnoresSIGTERMIsKilled() throws {
        let (_, termination, timedOut) = try shell(
            "trap '' TERM; sleep 30 & wait; sleep 30", timeout: .milliseconds(200))
        #expect(timedOut)
        #expect(termination == .signaled(SIGKILL))
    }

    @Test func aMissingProgramIsAnError() {
        #expect(throws: POSIXError.self) {
            try ChildProcess("/nonexistent/sendmail", [], input: 0, output: 1, error: 2)
        }
    }

    @Test(arguments: [0, 1, 2, 7, 1000])
    func quietPerformCallsEveryIndexOnce(_ iterations: Int) {
        let counts = Mutex([Int](repeating: 0, count: iterations))
        QuietDispatch.perform(iterations: iterations) { index in
            counts.withLock { $0[index] += 1 }
        }
        #expect(counts.withLock { $0 } == [Int](repeating: 1, count: iterations))
    }
}
