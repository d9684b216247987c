import Foundation
import Testing

@testable import JalonCore

/// One daemon per state directory: the lock in this process (flock locks belong to an open file, so two in one
/// process exclude each other as two processes do).
@Suite struct StartupGuardTests {
    @Test func aSecondGuardIsRefusedAtOnceAndNamesTheFirst() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url("state/nested")
        let first = try StartupGuard(stateDirectory: state, pid: 4242)
        var st = stat()
        #expect(stat(state, &st) == 0 && st.st_mode & 0o777 == 0o700)
        #expect(stat(first.path, &st) == 0 && st.st_mode & 0o777 == 0o600)
        #expect(try String(contentsOfFile: first.path, encoding: .utf8) == "4242\n")
        let started = Date()
        #expect(throws: StartupGuard.Failure.held(pid: 4242)) { try StartupGuard(stateDirectory: state, pid: 5353) }
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
                return path.hasSuffix("file/state/jalon.lock") && !problem.isEmpty
            }
            return false
        }
    }
}
