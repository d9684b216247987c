import ArgumentParser
import Dispatch
import Foundation
import JalonCore

struct TestMail: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test-mail",
        abstract: "Send one test message through the configured sendmail and report what it answered.",
        discussion: """
            Uses [mail] from jalon.toml: the sender (from) and the sendmail program. The message is built like a \
            reminder's, in the configured language. When a daemon runs on the state directory, it sends the \
            message itself, in its own environment (the systemd unit's sandbox, which is what reminders go \
            through), and this command reports its outcome; otherwise this command runs sendmail itself. Exit \
            status: 0 when sendmail accepted it, 75 when it asked to try later, 1 otherwise.
            """)

    @OptionGroup var directories: Directories

    @Argument(help: ArgumentHelp("Where to send the test message.", valueName: "ADDRESS"))
    var address: String

    func validate() throws {
        guard isEmailAddress(address) else {
            throw ValidationError(ArgumentText.notAnEmailAddress(address).text(directories.settings().language))
        }
    }

    func run() throws {
        let configuration = try directories.loadConfiguration()
        let settings = configuration.settings
        let language = settings.language
        guard let from = settings.mail.from else {
            Output.standardError(MailText.noSender.text(language) + "\n")
            throw ExitCode(1)
        }
        let sendmail = Sendmail(command: settings.mail.sendmail, timeout: .seconds(settings.mail.timeout))
        let command = ([settings.mail.sendmail[0]] + sendmail.arguments(from: from.address, to: [address]))
            .joined(separator: " ")
        let daemon = DaemonTestMail(stateDirectory: directories.stateDirectory)
        switch daemon.ask(address: address, timeout: Double(settings.mail.timeout) + 10) {
        case .answered(let job, let pid):
            Output.standardOutput(MailText.testThroughDaemon(pid: pid ?? 0, command: command).text(language) + "\n")
            // Never tried (attempts 0): the daemon could not run sendmail at all, and says why.
            if job.state == .failed && job.attempts == 0 {
                Output.standardError(MailText.testBlocked(problem: job.lastResult ?? "?").text(language) + "\n")
                throw ExitCode(1)
            }
            let answer = MailText.testAnswer(status: job.lastResult ?? "?", output: "").text(language)
            switch (job.state, job.refusedSince) {
            case (.sent, _): Output.standardOutput(answer + "\n" + MailText.testHandedOver.text(language) + "\n")
            case (_, nil):
                Output.standardError(answer + "\n" + MailText.testDeferred.text(language) + "\n")
                throw ExitCode(75)
            default:
                Output.standardError(answer + "\n" + MailText.testRefused.text(language) + "\n")
                throw ExitCode(1)
            }
            return
        case .noAnswer(let pid):
            Output.standardOutput(MailText.testThroughDaemon(pid: pid ?? 0, command: command).text(language) + "\n")
            Output.standardError(MailText.testNoAnswer(seconds: settings.mail.timeout + 10).text(language) + "\n")
            throw ExitCode(75)
        case .noDaemon:
            Output.standardOutput(MailText.testWithoutDaemon.text(language) + "\n")
        }
        // Run from a sandbox of its own (no_new_privs), a setuid sendmail would fail: say why rather than run it.
        if let problem = SendmailPrivileges.problem(command: settings.mail.sendmail) {
            Output.standardError("jalon: " + MailText.privilegesLost(problem).text(language) + "\n")
            throw ExitCode(1)
        }
        Output.standardOutput(MailText.testRunning(command: command).text(language) + "\n")
        let message = TestMessage(settings: settings).compose(to: address, now: Instant(Date()))
        let result = sendmail.send(message.message, from: from.address, to: [address])
        let answer = MailText.testAnswer(status: result.status.text(language), output: result.output).text(language)
        switch result.kind {
        case .sent: Output.standardOutput(answer + "\n" + MailText.testHandedOver.text(language) + "\n")
        case .temporary:
            Output.standardError(answer + "\n" + MailText.testDeferred.text(language) + "\n")
            throw ExitCode(75)
        case .permanent:
            Output.standardError(answer + "\n" + MailText.testRefused.text(language) + "\n")
            throw ExitCode(1)
        }
    }
}
