import Foundation

/// What sendmail made of a message.
package struct SendmailResult: Sendable, Equatable {
    package enum Kind: String, Sendable {
        /// Accepted (exit status 0).
        case sent
        /// Try again later: exit status 75 (EX_TEMPFAIL), a crash, a time-out, or a sendmail that cannot be run.
        case temporary
        /// Refused for good: any other exit status.
        case permanent
    }

    package var kind: Kind
    /// Its exit status, the signal that killed it, a time-out, or why it could not be run.
    package var status: SendmailText
    /// What sendmail printed (standard output and error, at most 4 KiB).
    package var output: String
}

/// Hands messages to the local sendmail: no shell, `-oi -f SENDER -- RECIPIENTS`, recipients never read from the
/// headers, the message on standard input, and a time-out.
///
/// The message is given through an unlinked temporary file rather than a pipe: sendmail may exit without reading
/// all of it, and a pipe would then fail the write.
package struct Sendmail: Sendable {
    /// The program and its extra arguments (SPEC §2: `mail.sendmail`).
    package var command: [String]
    package var timeout: Duration

    package init(command: [String], timeout: Duration = .seconds(60)) {
        self.command = command
        self.timeout = timeout
    }

    /// Whether the program exists and may be run; the reason when not.
    package func problem() -> SendmailText? {
        guard let program = command.first else { return .noProgram }
        if access(program, X_OK) != 0 {
            return .cannotRun(program: program, reason: SystemText(errno: errno))
        }
        return nil
    }

    /// The arguments after the program: its own extras, then `-oi -f SENDER -- RECIPIENTS`.
    package func arguments(from sender: String, to recipients: [String]) -> [String] {
        Array(command.dropFirst()) + ["-oi", "-f", sender, "--"] + recipients
    }

    /// Runs sendmail on `message` and waits for it (at most the time-out, then a few seconds for it to end):
    /// callers run it on a thread of their own.
    package func send(_ message: [UInt8], from sender: String, to recipients: [String]) -> SendmailResult {
        guard let program = command.first else {
            return SendmailResult(kind: .temporary, status: .noProgram, output: "")
        }
        if let problem = problem() { return SendmailResult(kind: .temporary, status: problem, output: "") }
        let input: Int32
        let output: Int32
        do {
            input = try Sendmail.temporaryFile(holding: message)
        } catch {
            return SendmailResult(kind: .temporary, status: .cannotPrepare(reason: SystemText(error)), output: "")
        }
        defer { close(input) }
        do {
            output = try Sendmail.temporaryFile(holding: [])
        } catch {
            return SendmailResult(kind: .temporary, status: .cannotPrepare(reason: SystemText(error)), output: "")
        }
        defer { close(output) }
        let child: ChildProcess
        do {
            child = try ChildProcess(
                program, arguments(from: sender, to: recipients), input: input, output: output, error: output)
        } catch {
            return SendmailResult(
                kind: .temporary, status: .cannotRun(program: program, reason: SystemText(error)), output: "")
        }
        let (termination, timedOut) = child.wait(timeout: timeout)
        let status: SendmailText
        let kind: SendmailResult.Kind
        switch termination {
        case _ where timedOut:
            status = .timedOut(seconds: timeout.components.seconds)
            kind = .temporary
        case .exited(let code):
            status = .exitStatus(code)
            kind = code == 0 ? .sent : (code == 75 ? .temporary : .permanent)
        case .signaled(let signal):
            status = .killedBySignal(signal)
            kind = .temporary
        }
        return SendmailResult(kind: kind, status: status, output: Sendmail.read(output, limit: 4096))
    }

    /// An unlinked temporary file holding `bytes`, positioned at its start; the caller owns the descriptor.
    static func temporaryFile(holding bytes: [UInt8]) throws -> Int32 {
        var template = Array("/tmp/jalon-mail-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        // Not inherited by other children: mkostemp is not in Glibc's module, so set close-on-exec by hand.
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        let failure = writeAll(fd, bytes)
        guard failure == 0 else {
            close(fd)
            throw POSIXError(POSIXErrorCode(rawValue: failure) ?? .EIO)
        }
        lseek(fd, 0, SEEK_SET)
        return fd
    }

    static func read(_ fd: Int32, limit: Int) -> String {
        lseek(fd, 0, SEEK_SET)
        var buffer = [UInt8](repeating: 0, count: limit)
        let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
        return String(decoding: buffer.prefix(max(n, 0)), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
