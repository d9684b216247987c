import ArgumentParser
import JalonCore

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate the configuration directory and print every problem.",
        discussion: """
            Prints each problem as PATH:LINE:COLUMN: error: MESSAGE (or warning:), PATH relative to the \
            configuration directory, then a one-line summary on standard error. Unknown keys are warnings; \
            everything else that would lose or garble a reminder is an error.

            Exit status: 1 when there is an error, 0 otherwise (warnings included).
            """)

    @OptionGroup var directories: Directories

    func run() throws {
        let progress = TerminalProgress()
        let configuration = try directories.loadConfiguration(progress: progress)
        progress?.finish()
        var diagnostics = configuration.diagnostics
        if let off = MailReadiness.diagnostic(for: configuration) {
            diagnostics.append(off)
            diagnostics.sort(by: Diagnostic.ordered)
        }
        var out = ""
        for diagnostic in diagnostics { out += diagnostic.description + "\n" }
        Output.standardOutput(out)
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        let plural = { (n: Int, word: String) in "\(n) \(word)\(n == 1 ? "" : "s")" }
        Output.standardError(
            "jalon: \(configuration.directory): \(plural(configuration.personFileCount, "person file")), "
                + "\(configuration.people.count == 1 ? "1 person" : "\(configuration.people.count) people") loaded, \(plural(errors, "error")), "
                + "\(plural(warnings, "warning"))\n")
        if errors > 0 { throw ExitCode(1) }
    }
}
