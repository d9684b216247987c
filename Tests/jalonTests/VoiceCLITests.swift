import Foundation
import Testing

/// Every command speaks the settings' language, its errors included: what the system or the state database said
/// is put in words of that language, never in English inside French nor as a Foundation dump.
@Suite(.serialized) struct VoiceCLITests {
    /// Words of the old English messages that must not show in a French one.
    static let english = ["cannot", "No such file", "is not", "damaged", "directory", "Error Domain", "email address"]

    private func configuration(_ scratch: Scratch, locale: String) throws -> String {
        try scratch.write("config/jalon.toml", "timezone = \"Europe/Paris\"\nlocale = \"\(locale)\"\n")
        try scratch.write("config/people/marie.toml", "name = \"Marie\"\n")
        return scratch.path + "/config"
    }

    private func expectFrench(_ text: String, _ comment: String) {
        for word in VoiceCLITests.english {
            #expect(!text.contains(word), "English \"\(word)\" in French \(comment): \(text)")
        }
    }

    @Test func aStateDatabaseThatIsNotOneIsSaidInFrenchOrInEnglish() throws {
        let scratch = try Scratch()
        try scratch.write("state/jalon.sqlite", String(repeating: "ceci n'est pas une base SQLite\n", count: 200))
        chmod(scratch.path + "/state", 0o700)
        for (locale, expected) in [
            (
                "fr",
                "impossible de lire l'état\u{202F}: la base d'état \(scratch.path)/state/jalon.sqlite est endommagée"
            ),
            ("en", "cannot read the state: the state database \(scratch.path)/state/jalon.sqlite is damaged"),
        ] {
            let config = try configuration(scratch, locale: locale)
            let result = try jalon(["status", "--config", config, "--state", scratch.path + "/state"])
            #expect(result.status == 1 && !result.signaled, "\(result)")
            #expect(result.stderr.hasPrefix("jalon: " + expected), "\(locale): \(result.stderr)")
            if locale == "fr" { expectFrench(result.stderr, "status") }
        }
    }

    /// The line once seen as "impossible de lire l'état : the state database … was written by a newer jalon".
    @Test(
        .enabled(
            if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3"),
            "sqlite3 (which scripts/test installs) writes the database of a later jalon"))
    func aStateDatabaseFromANewerJalonIsSaidInFrench() throws {
        let scratch = try Scratch()
        let config = try configuration(scratch, locale: "fr")
        try FileManager.default.createDirectory(
            atPath: scratch.path + "/state", withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let database = scratch.path + "/state/jalon.sqlite"
        let made = try tool(
            "/usr/bin/sqlite3",
            [
                database,
                "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY); "
                    + "INSERT INTO grdb_migrations VALUES ('99: a table from a later jalon');",
            ])
        try #require(made.status == 0, "\(made)")
        let result = try jalon(["status", "--config", config, "--state", scratch.path + "/state"])
        #expect(result.status == 1 && !result.signaled, "\(result)")
        #expect(
            result.stderr
                == "jalon: impossible de lire l'état\u{202F}: la base d'état \(database) a été écrite par un jalon "
                + "plus récent\u{202F}; mettez jalon à jour pour l'utiliser\n", "\(result.stderr)")
        expectFrench(result.stderr, "status")
    }

    @Test func aStateDirectoryThatIsAFileIsSaidInFrench() throws {
        let scratch = try Scratch()
        let config = try configuration(scratch, locale: "fr")
        let file = try scratch.write("state", "un fichier")
        let result = try jalon(["retry", "marie/x", "--config", config, "--state", file])
        #expect(result.status == 1 && !result.signaled, "\(result)")
        #expect(result.stderr == "jalon: le dossier d'état \(file) n'est pas un dossier\n", "\(result.stderr)")
    }

    @Test func aMissingConfigurationDirectoryGivesTheSystemsReasonInWords() throws {
        let scratch = try Scratch()
        let missing = scratch.path + "/nowhere"
        let result = try jalon(["check", "--config", missing])
        #expect(result.status == 1 && !result.signaled, "\(result)")
        // No settings could be read: the default language, French.
        #expect(
            result.stderr
                == "jalon: impossible d'utiliser le dossier de configuration \(missing)\u{202F}: "
                + "fichier ou dossier introuvable\n", "\(result.stderr)")
    }

    @Test func jalonsOwnArgumentChecksSpeakTheSettingsLanguage() throws {
        let scratch = try Scratch()
        for (locale, expected) in [
            ("fr", "«\u{202F}pas-une-adresse\u{202F}» n'est pas une adresse électronique"),
            ("en", "\"pas-une-adresse\" is not an email address"),
        ] {
            let config = try configuration(scratch, locale: locale)
            let result = try jalon(["test-mail", "pas-une-adresse", "--config", config])
            #expect(result.status == 64 && !result.signaled, "\(result)")
            #expect(result.stderr.contains(expected), "\(locale): \(result.stderr)")
            if locale == "fr" { #expect(!result.stderr.contains("email address"), "\(result.stderr)") }
        }
    }
}
