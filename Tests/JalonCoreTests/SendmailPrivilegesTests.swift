import Foundation
import Testing

@testable import JalonCore

/// A setuid or setgid sendmail under no_new_privs or in a user namespace that does not map its owner (pure cases),
/// and the real process and files.
@Suite struct SendmailPrivilegesTests {
    typealias File = SendmailPrivileges.File
    typealias Process = SendmailPrivileges.Process

    let exim = File(path: "/usr/sbin/exim4", mode: UInt32(S_IFREG) | 0o4755, user: 0, group: 0)
    let postdrop = File(path: "/usr/sbin/postdrop", mode: UInt32(S_IFREG) | 0o2555, user: 0, group: 114)
    let msmtp = File(path: "/usr/bin/msmtp", mode: UInt32(S_IFREG) | 0o755, user: 0, group: 0)

    func process(
        noNewPrivileges: Bool = false, users: [ClosedRange<UInt32>]? = nil, groups: [ClosedRange<UInt32>]? = nil
    )
        -> Process
    {
        Process(
            noNewPrivileges: noNewPrivileges, mappedUsers: users, mappedGroups: groups, effectiveUser: 1000,
            groups: [1000])
    }

    @Test func aSetuidSendmailUnderNoNewPrivilegesIsAProblem() {
        let problem = SendmailPrivileges.problem(exim, in: process(noNewPrivileges: true))
        #expect(problem == .init(program: "/usr/sbin/exim4", setuid: true, owner: "root"))
        #expect(SendmailPrivileges.problem(exim, in: process()) == nil, "without no_new_privs setuid works")
    }

    @Test func aSetgidSendmailUnderNoNewPrivilegesIsAProblemUnlessTheGroupIsOurs() {
        let problem = SendmailPrivileges.problem(postdrop, in: process(noNewPrivileges: true))
        #expect(problem?.setuid == false)
        #expect(problem?.program == "/usr/sbin/postdrop")
        var member = process(noNewPrivileges: true)
        member.groups.insert(114)
        #expect(SendmailPrivileges.problem(postdrop, in: member) == nil)
    }

    @Test func aUserNamespaceThatDoesNotMapTheOwnerIsAProblemToo() {
        // PrivateUsers=yes in a user unit: only the user (and nobody) are mapped.
        let privateUsers = process(users: [1000...1000, 65534...65534], groups: [1000...1000, 65534...65534])
        #expect(SendmailPrivileges.problem(exim, in: privateUsers)?.setuid == true)
        #expect(SendmailPrivileges.problem(postdrop, in: privateUsers)?.setuid == false)
        #expect(SendmailPrivileges.problem(exim, in: process(users: [0...4_000_000])) == nil)
    }

    @Test func aPlainSendmailIsNeverAProblem() {
        #expect(SendmailPrivileges.problem(msmtp, in: process(noNewPrivileges: true, users: [1000...1000])) == nil)
        let mandatoryLocking = File(path: "/x", mode: UInt32(S_IFREG) | 0o2745, user: 0, group: 5)
        #expect(SendmailPrivileges.problem(mandatoryLocking, in: process(noNewPrivileges: true)) == nil)
    }

    @Test func theUnitsIdMapIsRead() throws {
        let dir = try TemporaryDirectory()
        try dir.write("uid_map", "         0          0 4294967295\n")
        #expect(Process.idMap(dir.url("uid_map")) == nil)
        try dir.write("uid_map", "      1000       1000          1\n     65534      65534          1\n")
        #expect(Process.idMap(dir.url("uid_map")) == [1000...1000, 65534...65534])
    }

    @Test func thisProcessAndARealSetuidFile() throws {
        let current = Process.current()
        #expect(current.effectiveUser == geteuid())
        // Where a test runs under no_new_privs, so does what it starts: the real check must agree with the kernel.
        let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        #expect(current.noNewPrivileges == status.contains("NoNewPrivs:\t1"))
        let dir = try TemporaryDirectory()
        let program = try dir.write("sendmail", "#!/bin/sh\n", mode: 0o755)
        chmod(program, 0o4755)
        let link = dir.url("link")
        symlink(program, link)
        let file = try #require(File.inspect(link))
        #expect(file.path.hasSuffix("/sendmail"), "symbolic links are followed")
        #expect(file.mode & UInt32(S_ISUID) != 0)
        #expect(File.inspect(dir.url("missing")) == nil)
    }
}
