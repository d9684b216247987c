import ArgumentParser
import JalonCore

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate the configuration directory and print every problem.",
        discussion: """
            Prints each problem as PATH:LINE:COLUMN: error: MESSAGE (or warning:, or note:), PATH relative to the \
            configuration directory, then a one-line summary on standard error. Notes end with their code in \
            brackets. Errors leave a file out; warnings say what is read but probably not meant (unknown \
            keys, a reminder without its sign, a file jalon does not read); notes say which spelling is canonical \
            when another one was read. Messages are in the settings' language (jalon.toml's locale, default fr).

            --json prints one JSON array of {file, line, column, severity, code, message} instead, for editors \
            and scripts; the README lists the codes.

            Exit status: 1 when there is an error, 0 otherwise (warnings and notes included).
            """)

    @OptionGroup var directories: Directories

    @Flag(name: .long, help: "Print the diagnostics as one JSON array.")
    var json = false

    func run() throws {
        let progress = TerminalProgress(language: directories.settings().language)
        var loader = ConfigurationLoader(directory: directories.configurationDirectory)
        loader.notes = true
        loader.progress = progress?.reporter(.readingPersonFiles)
        let configuration: Configuration
        do {
            configuration = try loader.load()
        } catch {
            progress?.finish()
            Output.standardError("jalon: " + error.message + "\n")
            throw ExitCode(1)
        }
        progress?.finish()
        var diagnostics = configuration.diagnostics
        if let off = MailReadiness.diagnostic(for: configuration) {
            diagnostics.append(off)
            diagnostics.sort(by: Diagnostic.ordered)
        }
        if json {
            Output.standardOutput(Diagnostic.json(diagnostics))
        } else {
            var out = ""
            for diagnostic in diagnostics {
                out += diagnostic.description
                if diagnostic.severity == .note { out += " [\(diagnostic.code)]" }
                out += "\n"
            }
            Output.standardOutput(out)
        }
        let count = { (severity: Diagnostic.Severity) in diagnostics.count(where: { $0.severity == severity }) }
        let errors = count(.error)
        let summary = CheckText.summary(
            directory: configuration.directory, files: configuration.personFileCount,
            people: configuration.people.count, errors: errors, warnings: count(.warning), notes: count(.note))
        Output.standardError(summary.text(configuration.settings.language) + "\n")
        if errors > 0 { throw ExitCode(1) }
    }
}
