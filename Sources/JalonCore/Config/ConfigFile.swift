import Foundation

/// Reading one configuration file safely: a regular file, not writable by others, at most 1 MiB, UTF-8 text.
///
/// The file is opened first and every check runs on the open descriptor, so that what is checked is what is read.
package enum ConfigFile {
    package static let maximumSize = 1 << 20

    /// Who may own and write configuration: the user running jalon and root, and the user's private group.
    package struct Trust: Sendable {
        package var owners: Set<uid_t>
        package var writableGroups: Set<gid_t>

        /// The current user, root, and the user's primary group when it is a private group (named after the user,
        /// with no other members), as Debian creates them.
        package static let current: Trust = {
            let uid = geteuid()
            var groups: Set<gid_t> = []
            if let pw = getpwuid(uid), let gr = getgrgid(pw.pointee.pw_gid) {
                let userName = String(cString: pw.pointee.pw_name)
                let groupName = String(cString: gr.pointee.gr_name)
                if userName == groupName && (gr.pointee.gr_mem == nil || gr.pointee.gr_mem.pointee == nil) {
                    groups.insert(pw.pointee.pw_gid)
                }
            }
            return Trust(owners: [uid, 0], writableGroups: groups)
        }()

        /// Why `st` may not be trusted, or nil.
        package func problem(with st: stat) -> DiagnosticText.TrustProblem? {
            if st.st_mode & S_IWOTH != 0 { return .writableByEveryone(mode: mode(st)) }
            if st.st_mode & S_IWGRP != 0 && !writableGroups.contains(st.st_gid) {
                return .writableByGroup(mode: mode(st))
            }
            if !owners.contains(st.st_uid) { return .otherOwner(uid: UInt32(st.st_uid)) }
            return nil
        }

        private func mode(_ st: stat) -> String { String(st.st_mode & 0o7777, radix: 8) }
    }

    package enum Outcome: Sendable {
        /// The text, without the byte order mark that may start the file.
        case text(String)
        case refused(message: DiagnosticText, position: SourcePosition)
    }

    /// The TOML document of a file's text (`Outcome.text`), with every syntax error: the byte order mark is gone
    /// already, so that a second one is an error.
    package static func document(_ text: String) -> TOML.Document {
        TOML.parseDocument(text, skippingByteOrderMark: false)
    }

    /// Reads `path` and returns its text, or why it is refused.
    package static func read(_ path: String, trust: Trust = .current) -> Outcome {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else {
            return .refused(message: .cannotRead(reason: SystemText(errno: errno)), position: .start)
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            return .refused(message: .cannotRead(reason: SystemText(errno: errno)), position: .start)
        }
        guard st.st_mode & S_IFMT == S_IFREG else {
            return .refused(message: .notRegularFile, position: .start)
        }
        if let problem = trust.problem(with: st) {
            return .refused(message: .untrusted(.file, problem), position: .start)
        }
        guard st.st_size <= maximumSize else {
            return .refused(message: .tooLarge(bytes: Int(st.st_size)), position: .start)
        }
        var bytes = [UInt8](repeating: 0, count: Int(st.st_size) + 1)
        var count = 0
        while count < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + count, $0.count - count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .refused(message: .cannotRead(reason: SystemText(errno: errno)), position: .start)
            }
            if n == 0 { break }
            count += n
            if count > maximumSize {
                return .refused(message: .grewTooLarge, position: .start)
            }
        }
        bytes.removeSubrange(count...)
        return decode(bytes)
    }

    /// The bytes as text, or where they stop being UTF-8 text.
    package static func decode(_ bytes: [UInt8]) -> Outcome {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        let hasNUL = body.withUnsafeBytes { $0.isEmpty ? false : memchr($0.baseAddress!, 0, $0.count) != nil }
        if !hasNUL, let text = String(validating: body, as: UTF8.self) { return .text(text) }
        // Something is wrong: find the line and column: line and column (in scalars) of the first bad byte.
        var line = 1
        var column = 1
        var iterator = body.makeIterator()
        var decoder = UTF8()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\0" {
                    return .refused(message: .nulByte, position: SourcePosition(line: line, column: column))
                }
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .emptyInput:
                break loop
            case .error:
                return .refused(message: .notUTF8, position: SourcePosition(line: line, column: column))
            }
        }
        return .text(String(decoding: body, as: UTF8.self))  // not reached: the fast path took valid text
    }
}
