import ArgumentParser
import JalonCore

/// Tells `scripts/install` which variant of the unit the configured sendmail needs.
struct SendmailPrivilegesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sendmail-privileges",
        abstract: "Say whether the configured sendmail is setuid or setgid (for scripts/install).",
        discussion: """
            Prints `setuid USER PROGRAM` or `setgid GROUP PROGRAM` when the configured sendmail (or postfix's \
            postdrop, which its sendmail runs) needs privileges that a unit with NoNewPrivileges= cannot give, and \
            `plain PROGRAM` otherwise. Exit status 0.
            """,
        shouldDisplay: false)

    @OptionGroup var directories: Directories

    func run() throws {
        let settings = try directories.loadConfiguration().settings
        if let problem = SendmailPrivileges.needsPrivileges(command: settings.mail.sendmail) {
            Output.standardOutput(
                "\(problem.setuid ? "setuid" : "setgid") \(problem.owner ?? "?") \(problem.program)\n")
        } else {
            Output.standardOutput("plain \(settings.mail.sendmail[0])\n")
        }
    }
}
