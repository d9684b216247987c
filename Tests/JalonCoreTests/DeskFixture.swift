import Foundation

@testable import JalonCore

/// A consultant's directory for the desk's views: a bilan in Paris across the spring change of 2027, a
/// beneficiary in Réunion (no daylight saving time) and one in Montréal, deadlines, a training and the derived
/// follow-up interview.
struct DeskFixture {
    let directory: TemporaryDirectory
    let configuration: Configuration

    static let settings = """
        timezone = "Europe/Paris"
        locale = "fr"

        [[consultant]]
        id = "claire"
        name = "Claire Martin"
        email = "claire@horizon.example"

        [[consultant]]
        id = "thomas"
        name = "Thomas Nguyen"
        """

    static let marie = """
        name = "Marie Dupont"
        email = "marie@example.org"
        consultant = "claire"

        [[session]]
        id = "preliminaire"
        at = 2027-03-01T14:00:00
        phase = "preliminaire"
        duration = "2h"
        place = "Cabinet Horizon, Lyon"
        done = 2027-03-01

        [[session]]
        id = "investigation"
        at = 2027-03-26T09:30:00
        phase = "investigation"
        title = "Investigation; métiers, valeurs"
        duration = "3h"

        [[session]]
        id = "conclusion"
        at = 2027-03-29T09:30:00
        phase = "conclusion"
        title = "Entretien de conclusion"
        duration = "90 min"
        place = "Visio : https://visio.example/claire"

        [[deadline]]
        id = "cv"
        title = "Mettre à jour le CV"
        due = 2027-03-10

        [[deadline]]
        id = "enquetes"
        title = "Trois enquêtes métiers"
        due = 2027-03-20
        """

    static let julien = """
        name = "Julien Hoarau"
        consultant = "thomas"
        timezone = "Indian/Reunion"

        [[session]]
        id = "point"
        at = 2027-03-27T20:00:00
        phase = "accompagnement"
        title = "Point d'étape"
        duration = "1h"

        [[training]]
        id = "sst"
        kind = "sst"
        obtained = 2025-06-15
        """

    static let lea = """
        name = "Léa Tremblay"
        consultant = "claire"
        timezone = "America/Montreal"

        [[session]]
        id = "bilan"
        at = 2027-03-15T10:00:00
        title = "Bilan à distance"
        duration = "1h"

        [[deadline]]
        id = "portfolio"
        due = 2027-03-12
        done = true
        """

    init() throws {
        directory = try TemporaryDirectory()
        try directory.write("jalon.toml", DeskFixture.settings)
        try directory.write("people/marie-dupont.toml", DeskFixture.marie)
        try directory.write("people/julien-hoarau.toml", DeskFixture.julien)
        try directory.write("people/lea-tremblay.toml", DeskFixture.lea)
        configuration = try load(directory)
    }

    var settings: Settings { configuration.settings }
    var people: [Person] { configuration.people }

    func person(_ id: String) -> Person { configuration.person(id)! }

    /// An instant in Paris.
    static func paris(_ text: String) -> Instant { TimeParsing.instant(text, zone: Zone(identifier: "Europe/Paris")!)! }
}
