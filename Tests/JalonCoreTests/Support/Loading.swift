@testable import JalonCore

/// Loads a temporary configuration directory with a fixed system zone, so that no test depends on the machine's.
func load(_ directory: TemporaryDirectory, zone: String = "Europe/Paris") throws -> Configuration {
    try ConfigurationLoader(directory: directory.path, systemZone: Zone(identifier: zone)!).load()
}

extension Configuration {
    /// `PATH:LINE:COLUMN: severity: MESSAGE` lines, as `jalon check` prints them.
    var diagnosticLines: [String] { diagnostics.map(\.description) }

    func person(_ id: String) -> Person? { people.first { $0.id == id } }
}
