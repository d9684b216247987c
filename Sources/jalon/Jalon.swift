import ArgumentParser
import Foundation
import JalonCore

@main
struct Jalon: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jalon",
        abstract: "Keeps career follow-up on time: reminders for sessions, deadlines and renewals.",
        discussion: """
            jalon reads a directory of TOML files — jalon.toml for the settings, one file per person under \
            people/ — computes every reminder (SPEC: the README's configuration reference) and, as a systemd user \
            service, delivers them through the journal and by email.

            Configuration directory: --config DIR, else $JALON_CONFIG_DIR, else $XDG_CONFIG_HOME/jalon \
            (~/.config/jalon).
            State directory: --state DIR, else $JALON_STATE_DIR, else $XDG_STATE_HOME/jalon \
            (~/.local/state/jalon).

            Exit status: 0 on success, 1 when the configuration has errors, 64 on a usage error.
            """,
        version: "0.1.0",
        subcommands: [
            Check.self, AgendaCommand.self, EventsCommand.self, ShowCommand.self, OverdueCommand.self,
            ExportCommand.self, Run.self, Done.self, Undone.self, Status.self, Retry.self, TestMail.self,
            SendmailPrivilegesCommand.self,
        ]
    )
}

/// The options every command shares.
struct Directories: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The configuration directory.", valueName: "DIR"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("The state directory.", valueName: "DIR"))
    var state: String?

    var configurationDirectory: String {
        Locations.configurationDirectory(option: config, environment: ProcessInfo.processInfo.environment)
    }

    var stateDirectory: String {
        Locations.stateDirectory(option: state, environment: ProcessInfo.processInfo.environment)
    }

    /// The settings of `jalon.toml` as far as they read (defaults where they do not): for the language and zone of a
    /// command's messages.
    func settings() -> Settings {
        ConfigurationLoader(directory: configurationDirectory).loadSettings().0
    }

    /// Loads the configuration directory, or exits with status 1 and a message when it cannot be used at all.
    func loadConfiguration(progress: TerminalProgress? = nil) throws -> Configuration {
        var loader = ConfigurationLoader(directory: configurationDirectory)
        loader.progress = progress?.reporter(.readingPersonFiles)
        do {
            return try loader.load()
        } catch {
            progress?.finish()
            Output.standardError("jalon: " + error.message + "\n")
            throw ExitCode(1)
        }
    }
}

/// Writing whole strings to the standard streams, unbuffered, so that output and diagnostics interleave in order.
enum Output {
    static func standardOutput(_ text: String) { write(Array(text.utf8), to: STDOUT_FILENO) }
    static func standardOutput(_ bytes: [UInt8]) { write(bytes, to: STDOUT_FILENO) }
    static func standardError(_ text: String) { write(Array(text.utf8), to: STDERR_FILENO) }

    private static func write(_ bytes: [UInt8], to fd: Int32) { writeAll(fd, bytes) }
}
