/// Where jalon's configuration and state live (SPEC §1).
package enum Locations {
    /// `--config`, else `$JALON_CONFIG_DIR`, else `$XDG_CONFIG_HOME/jalon`, else `~/.config/jalon`.
    package static func configurationDirectory(option: String?, environment: [String: String]) -> String {
        if let option, !option.isEmpty { return option }
        if let dir = environment["JALON_CONFIG_DIR"], !dir.isEmpty { return dir }
        return xdg("XDG_CONFIG_HOME", fallback: ".config", environment: environment) + "/jalon"
    }

    /// `--state`, else `$JALON_STATE_DIR`, else `$XDG_STATE_HOME/jalon`, else `~/.local/state/jalon`.
    package static func stateDirectory(option: String?, environment: [String: String]) -> String {
        if let option, !option.isEmpty { return option }
        if let dir = environment["JALON_STATE_DIR"], !dir.isEmpty { return dir }
        return xdg("XDG_STATE_HOME", fallback: ".local/state", environment: environment) + "/jalon"
    }

    /// The XDG base directory: an absolute `$NAME`, else `$HOME/fallback` (relative values are invalid per the
    /// XDG Base Directory specification and ignored).
    private static func xdg(_ name: String, fallback: String, environment: [String: String]) -> String {
        if let value = environment[name], value.hasPrefix("/") { return value }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "/"
        return (home.hasSuffix("/") ? String(home.dropLast()) : home) + "/" + fallback
    }
}
