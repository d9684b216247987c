import CLinux
import Foundation

/// Whether the configured sendmail can work in this process: a setuid or setgid sendmail (exim4's is setuid root,
/// postfix's setgid `postdrop`) gains nothing under `no_new_privs` — which `NoNewPrivileges=yes`, and every seccomp
/// option of a systemd *user* unit, set for good — nor in a user namespace that does not map its owner
/// (`PrivateUsers=yes`), and then fails every message ("Failed to create spool file … Permission denied").
///
/// Seen once at start (and when the settings name another sendmail), so that jalon says so once rather than
/// failing each message.
package struct SendmailPrivileges: Sendable {
    /// A sendmail that needs privileges this process cannot gain.
    package struct Problem: Sendable, Hashable, Codable {
        /// The program as found, symbolic links followed (`/usr/sbin/exim4` for `/usr/sbin/sendmail`).
        package var program: String
        /// Setuid (else setgid).
        package var setuid: Bool
        /// The user (setuid) or group (setgid) it would run as; nil when that id is not mapped in this process's user
        /// namespace (`PrivateUsers=yes`: root shows as the overflow id there).
        package var owner: String?

        package init(program: String, setuid: Bool, owner: String?) {
            self.program = program
            self.setuid = setuid
            self.owner = owner
        }
    }

    /// What the kernel says of this process, as far as a privileged program is concerned.
    package struct Process: Sendable, Equatable {
        /// `prctl(PR_GET_NO_NEW_PRIVS)`.
        package var noNewPrivileges: Bool
        /// The user ids mapped into this process's user namespace, or nil for the whole range (the initial one).
        package var mappedUsers: [ClosedRange<UInt32>]?
        package var mappedGroups: [ClosedRange<UInt32>]?
        package var effectiveUser: UInt32
        package var groups: Set<UInt32>

        package init(
            noNewPrivileges: Bool, mappedUsers: [ClosedRange<UInt32>]?, mappedGroups: [ClosedRange<UInt32>]?,
            effectiveUser: UInt32, groups: Set<UInt32>
        ) {
            self.noNewPrivileges = noNewPrivileges
            self.mappedUsers = mappedUsers
            self.mappedGroups = mappedGroups
            self.effectiveUser = effectiveUser
            self.groups = groups
        }

        /// This process, read from the kernel.
        package static func current() -> Process {
            Process(
                noNewPrivileges: jalon_no_new_privs() == 1,
                mappedUsers: idMap("/proc/self/uid_map"), mappedGroups: idMap("/proc/self/gid_map"),
                effectiveUser: geteuid(), groups: currentGroups())
        }

        /// The ranges of ids mapped into this namespace (`ID-INSIDE ID-OUTSIDE COUNT` lines), nil when all are.
        static func idMap(_ path: String) -> [ClosedRange<UInt32>]? {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
            var ranges: [ClosedRange<UInt32>] = []
            for line in text.split(separator: "\n") {
                let fields = line.split(separator: " ").compactMap { UInt64($0) }
                guard fields.count == 3, fields[2] > 0 else { continue }
                if fields[0] == 0 && fields[2] == 4_294_967_295 { return nil }
                ranges.append(UInt32(fields[0])...UInt32(min(fields[0] + fields[2] - 1, UInt64(UInt32.max))))
            }
            return ranges
        }

        private static func currentGroups() -> Set<UInt32> {
            var groups = [gid_t](repeating: 0, count: Int(max(getgroups(0, nil), 0)))
            let count = getgroups(Int32(groups.count), &groups)
            return Set(groups.prefix(Int(max(count, 0)))).union([getegid()])
        }
    }

    /// The file's mode and owner, as `stat` gives them.
    package struct File: Sendable, Equatable {
        package var path: String
        package var mode: UInt32
        package var user: UInt32
        package var group: UInt32

        package init(path: String, mode: UInt32, user: UInt32, group: UInt32) {
            self.path = path
            self.mode = mode
            self.user = user
            self.group = group
        }

        /// The program `path` names, symbolic links followed; nil when it cannot be found.
        package static func inspect(_ path: String) -> File? {
            let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            var st = stat()
            guard stat(resolved, &st) == 0 else { return nil }
            return File(path: resolved, mode: UInt32(st.st_mode), user: st.st_uid, group: st.st_gid)
        }
    }

    /// The problem `file` has in `process`, or nil when it can work there. Pure.
    package static func problem(_ file: File, in process: Process) -> Problem? {
        let setuid = file.mode & UInt32(S_ISUID) != 0 && file.user != process.effectiveUser
        // Set-group-id without group execute is mandatory locking, not a privilege.
        let setgid =
            file.mode & UInt32(S_ISGID) != 0 && file.mode & UInt32(S_IXGRP) != 0
            && !process.groups.contains(file.group)
        guard setuid || setgid else { return nil }
        let unmapped = { (id: UInt32, map: [ClosedRange<UInt32>]?) in
            map.map { !$0.contains { $0.contains(id) } } ?? false
        }
        let lost =
            process.noNewPrivileges
            || (setuid ? unmapped(file.user, process.mappedUsers) : unmapped(file.group, process.mappedGroups))
        guard lost else { return nil }
        let visible = setuid ? !unmapped(file.user, process.mappedUsers) : !unmapped(file.group, process.mappedGroups)
        return Problem(
            program: file.path, setuid: setuid,
            owner: visible ? (setuid ? userName(file.user) : groupName(file.group)) : nil)
    }

    /// The problem of the sendmail `command` names, in `process` (this one by default); nil when it can work (or
    /// cannot be found: `Sendmail.problem` says that).
    ///
    /// postfix's sendmail is not setgid itself: it hands the message to `postdrop`, which is. A sendmail that names
    /// `postdrop` is judged with the `postdrop` beside it.
    package static func problem(command: [String], in process: Process = .current()) -> Problem? {
        guard let program = command.first, let file = File.inspect(program) else { return nil }
        for candidate in [file] + helpers(of: file) {
            if let problem = problem(candidate, in: process) { return problem }
        }
        return nil
    }

    /// Whether the sendmail `command` names is setuid or setgid (itself or its helper) for a user who is not its
    /// owner: what `scripts/install` asks (`jalon sendmail-privileges`) to choose the unit's variant.
    package static func needsPrivileges(command: [String]) -> Problem? {
        var process = Process.current()
        process.noNewPrivileges = true
        return problem(command: command, in: process)
    }

    /// The setuid or setgid programs a sendmail runs in turn: postfix's `postdrop`.
    static func helpers(of file: File) -> [File] {
        guard let handle = FileHandle(forReadingAtPath: file.path) else { return [] }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 4 << 20)) ?? Data()
        guard head.range(of: Data("postdrop".utf8)) != nil else { return [] }
        let folder = (file.path as NSString).deletingLastPathComponent
        return [folder + "/postdrop", "/usr/sbin/postdrop"].compactMap(File.inspect)
    }

    static func userName(_ id: UInt32) -> String {
        guard let entry = getpwuid(id), let name = entry.pointee.pw_name else { return "uid \(id)" }
        return String(cString: name)
    }

    static func groupName(_ id: UInt32) -> String {
        guard let entry = getgrgid(id), let name = entry.pointee.gr_name else { return "gid \(id)" }
        return String(cString: name)
    }
}
