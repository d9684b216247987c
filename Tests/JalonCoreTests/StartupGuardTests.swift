import Foundation
import Testing

@testable import JalonCore

/// One daemon per state directory: the lock in this process (flock locks belong to an open file, so two in one
/// process exclude each other as two processes do).
@Suite struct StartupGuardTests {
    @Test func aSecondGuardIsRefusedAtOnceAndNamesTheFirst() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url("state/nested")
        // This process holds it: a holder that runs, so the second one is refused without waiting.
        let first = try StartupGuard(stateDirectory: state, pid: getpid())
        var st = stat()
        #expect(stat(state, &st) == 0 && st.st_mode & 0o777 == 0o700)
        #expect(stat(first.path, &st) == 0 && st.st_mode & 0o777 == 0o600)
        #expect(try String(contentsOfFile: first.path, encoding: .utf8) == "\(getpid())\n")
        let started = Date()
        #expect(throws: StartupGuard.Failure.held(pid: Int(getpid()))) {
            try StartupGuard(stateDirectory: state, pid: 5353)
        }
        #expect(Date().timeIntervalSince(started) < 1, "the second guard waited")
        // Once the first lets go, the next one takes it and writes its own pid.
        first.release()
        let second = try StartupGuard(stateDirectory: state, pid: 5353)
        #expect(try String(contentsOfFile: second.path, encoding: .utf8) == "5353\n")
    }

    @Test func aStateDirectoryThatCannotBeMadeIsAClearFailure() throws {
        let dir = try TemporaryDirectory()
        try dir.write("file", "not a directory")
        #expect {
            try StartupGuard(stateDirectory: dir.url("file/state"))
        } throws: { error in
            if case .unusable(let path, let problem)? = error as? StartupGuard.Failure {
                return path.hasSuffix("file/state/jalon.lock") && problem == .notADirectory
            }
            return false
        }
    }
}

extension StartupGuardTests {
    /// Just after a daemon was killed, a sendmail it was starting may hold the lock a moment: the pid in the file
    /// runs no more, so the next daemon waits for the lock (a little) instead of refusing to start.
    @Test func aLockWhoseHolderIsGoneIsTakenWhenItComesFree() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url("state")
        let dying = try StartupGuard(stateDirectory: state, pid: 4242)
        let released = DispatchSemaphore(value: 0)
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(200)) {
            dying.release()
            released.signal()
        }
        let started = Date()
        let next = try StartupGuard(stateDirectory: state, pid: 5353, patience: .seconds(5), isRunning: { $0 != 4242 })
        #expect(Date().timeIntervalSince(started) >= 0.15)
        released.wait()
        #expect(try String(contentsOfFile: next.path, encoding: .utf8) == "5353\n")
    }

    @Test func patienceRunsOut() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url("state")
        let held = try StartupGuard(stateDirectory: state, pid: 4242)
        #expect(throws: StartupGuard.Failure.held(pid: 4242)) {
            try StartupGuard(stateDirectory: state, pid: 5353, patience: .milliseconds(100), isRunning: { _ in false })
        }
        held.release()
    }
}
