extension TOML.Value {
    /// The TOML type name, for messages: "a string", "an integer", …
    package var typeDescription: String {
        switch self {
        case .table: "a table"
        case .array: "an array"
        case .string: "a string"
        case .integer: "an integer"
        case .float: "a float"
        case .bool: "a boolean"
        case .date: "a date"
        case .time: "a time"
        case .dateTime(_, let offset): offset == nil ? "a local date-time" : "a date-time with an offset"
        }
    }
}
