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
            reminder's, in the configured language. Exit status: 0 when sendmail accepted it, 75 when it asked to \
            try later, 1 otherwise.
            """)

    @OptionGroup var directories: Directories

    @Argument(help: ArgumentHelp("Where to send the test message.", valueName: "ADDRESS"))
    var address: String

    func validate() throws {
        guard isEmailAddress(address) else { throw ValidationError("\"\(address)\" is not an email address") }
    }

    func run() throws {
        let configuration = try directories.loadConfiguration()
        let settings = configuration.settings
        guard let from = settings.mail.from else {
            Output.standardError("jalon: jalon.toml has no [mail] from address to send from\n")
            throw ExitCode(1)
        }
        let now = Instant(Date())
        let fr = settings.language == .fr
        let message = MailMessage(
            from: from, to: [MailAddress(name: nil, address: address)],
            subject: fr ? "jalon : message de test" : "jalon: test message", date: now, zone: settings.zone,
            messageID: MailMessage.messageID(
                reminder: "test-mail/\(now.seconds)", due: now,
                domain: from.address.split(separator: "@").last.map(String.init) ?? "localhost"),
            body: fr
                ? "Bonjour,\n\nCe message vérifie que jalon peut envoyer des courriels par \(settings.mail.sendmail[0]).\n"
                : "Hello,\n\nThis message checks that jalon can send email through \(settings.mail.sendmail[0]).\n",
            extraHeaders: [])
        let sendmail = Sendmail(command: settings.mail.sendmail, timeout: .seconds(settings.mail.timeout))
        let command = ([settings.mail.sendmail[0]] + sendmail.arguments(from: from.address, to: [address]))
            .joined(separator: " ")
        Output.standardOutput("jalon: running \(command)\n")
        let result = sendmail.send(message.rendered(), from: from.address, to: [address])
        var report = "sendmail: \(result.status)"
        if !result.output.isEmpty { report += "\n" + result.output }
        switch result.kind {
        case .sent: Output.standardOutput(report + "\njalon: the message was handed over.\n")
        case .temporary:
            Output.standardError(report + "\njalon: sendmail asked to try again later.\n")
            throw ExitCode(75)
        case .permanent:
            Output.standardError(report + "\njalon: sendmail refused the message.\n")
            throw ExitCode(1)
        }
    }
}
