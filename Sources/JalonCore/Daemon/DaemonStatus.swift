import Foundation

/// The daemon's state as `jalon status` reads it from the state database.
package struct DaemonStatus: Codable, Sendable {
    package static let metaKey = "daemon_status"

    package struct Upcoming: Codable, Sendable {
        package var id: String
        /// In the person's zone, with its offset.
        package var due: String
        package var title: String
        /// `PERSON/ITEM` and its base instant, so that `jalon status` hides at once what `jalon done` finished.
        package var item: String?
        package var base: Int64?

        package init(id: String, due: String, title: String, item: String? = nil, base: Int64? = nil) {
            self.id = id
            self.due = due
            self.title = title
            self.item = item
            self.base = base
        }
    }

    package var pid: Int
    package var startedAt: Int64
    package var updatedAt: Int64
    package var lastReload: Int64
    package var configurationDirectory: String
    package var people: Int
    package var pending: Int
    package var next: [Upcoming]
    package var problems: [String]
    package var delivered: Int
    package var missed: Int
    package var unrecorded: Int
    package var stateProblem: String?
    /// The settings' language and zone, so that `jalon status` speaks as the daemon does.
    package var language: String?
    package var zone: String?

    package func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    package static func parse(_ text: String) -> DaemonStatus? {
        try? JSONDecoder().decode(DaemonStatus.self, from: Data(text.utf8))
    }
}
