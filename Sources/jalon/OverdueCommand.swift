import ArgumentParser
import Foundation
import JalonCore

struct OverdueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overdue",
        abstract: "List the items whose date has passed and that are not done.",
        discussion: """
            Deadlines past their date, trainings expired, follow-up interviews not held — oldest first, with the \
            person and their consultant. Sessions are not listed: one that has passed was held or not, and is no \
            longer to do. An item is done when its file says so or `jalon done` acknowledged it. The daily digest \
            of a consultant lists the same items.

            --json prints one JSON array, oldest first, with the keys of `jalon events --json` and days_overdue. \
            Files with errors are left out; their problems go to standard error and the exit status is 1.
            """)

    @OptionGroup var directories: Directories

    @Option(help: ArgumentHelp("Only the items of this consultant's beneficiaries.", valueName: "ID"))
    var consultant: String?

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func run() throws {
        let configuration = try directories.loadConfiguration()
        let settings = configuration.settings
        try Names.checkConsultant(consultant, settings: settings)
        let done = StateReader.doneMarks(
            StateReader.open(directories.stateDirectory, language: settings.language), language: settings.language)
        let list = OverdueList(
            people: configuration.people, settings: settings, now: Instant(Date()), consultant: consultant,
            isFinished: { done.acknowledgedAt($0, $1) != nil })
        if json {
            Output.standardOutput(list.json())
        } else {
            Output.standardOutput(
                list.table(language: settings.language, zone: settings.zone, consultants: settings.consultants))
        }
        configuration.finish()
    }
}
