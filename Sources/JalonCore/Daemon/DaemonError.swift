/// Why the daemon cannot start; `message` is in the settings' language.
package struct DaemonError: Error, CustomStringConvertible, Sendable {
    package enum Code: Equatable, Sendable {
        /// The configuration directory cannot be used at all.
        case configurationDirectory
        /// `jalon.toml` has errors (SPEC §8): `diagnostics` holds them.
        case settings
        /// Another `jalon run` holds the state directory (SPEC §6).
        case alreadyRunning(pid: Int?)
        /// The state database is damaged, from a newer jalon, or its lock cannot be taken.
        case state
    }

    package var code: Code
    package var message: String
    /// The problems of `jalon.toml`, for `.settings`.
    package var diagnostics: [Diagnostic] = []

    package init(code: Code, message: String, diagnostics: [Diagnostic] = []) {
        self.code = code
        self.message = message
        self.diagnostics = diagnostics
    }

    package var description: String { message }
}
