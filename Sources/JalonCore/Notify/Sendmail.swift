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
    /// "exit status 0", "killed by signal 9", "timed out after 60 s", "cannot run /usr/sbin/sendmail: …".
    package var status: String
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
    package func problem() -> String? {
        guard let program = command.first else { return "no sendmail program is configured" }
        if access(program, X_OK) != 0 {
            return "sendmail \(program) cannot be run: \(String(cString: strerror(errno)))"
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
            return SendmailResult(kind: .temporary, status: "no sendmail program is configured", output: "")
        }
        if let problem = problem() { return SendmailResult(kind: .temporary, status: problem, output: "") }
        let input: Int32
        let output: Int32
        do {
            input = try Sendmail.temporaryFile(holding: message)
        } catch {
            return SendmailResult(kind: .temporary, status: "cannot prepare the message: \(error)", output: "")
        }
        defer { close(input) }
        do {
            output = try Sendmail.temporaryFile(holding: [])
        } catch {
            return SendmailResult(kind: .temporary, status: "cannot prepare the message: \(error)", output: "")
        }
        defer { close(output) }
        let child: ChildProcess
        do {
            child = try ChildProcess(
                program, arguments(from: sender, to: recipients), input: input, output: output, error: output)
        } catch {
            return SendmailResult(kind: .temporary, status: "cannot run \(program): \(error)", output: "")
        }
        let (termination, timedOut) = child.wait(timeout: timeout)
        let status: String
        let kind: SendmailResult.Kind
        switch termination {
        case _ where timedOut:
            status = "timed out after \(timeout.components.seconds) s"
            kind = .temporary
        case .exited(let code):
            status = "exit status \(code)"
            kind = code == 0 ? .sent : (code == 75 ? .temporary : .permanent)
        case .signaled(let signal):
            status = "killed by signal \(signal)"
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
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                close(fd)
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
            offset += n
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
