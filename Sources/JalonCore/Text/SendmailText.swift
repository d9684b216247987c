/// What became of a hand-over to sendmail (`SendmailResult.status`), or why sendmail cannot be used, in the
/// settings' language. Kept with the message (`jalon status`, `show`) and written in the journal.
package enum SendmailText: Localizable, Hashable {
    case noProgram
    /// The program is missing or may not be run (`access`, `posix_spawn`).
    case cannotRun(program: String, reason: SystemText)
    /// The message could not be put in a temporary file for sendmail to read.
    case cannotPrepare(reason: SystemText)
    case timedOut(seconds: Int64)
    case exitStatus(Int32)
    case killedBySignal(Int32)

    package static var samples: [SendmailText] {
        [
            .noProgram, .cannotRun(program: "/usr/sbin/sendmail", reason: .noSuchFile),
            .cannotPrepare(reason: .diskFull), .timedOut(seconds: 60), .exitStatus(75), .killedBySignal(9),
        ]
    }
}
