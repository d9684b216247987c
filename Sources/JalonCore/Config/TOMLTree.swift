import TOMLKit

/// A parsed TOML document as plain Swift values.
///
/// TOMLKit (toml++ underneath) does the parsing; its values are pointers into a C++ tree that is not `Sendable`,
/// so each document is copied once into this tree and the rest of jalon never sees TOMLKit.
package indirect enum TOMLNode: Sendable, Equatable {
    case table([String: TOMLNode])
    case array([TOMLNode])
    case string(String)
    case integer(Int)
    case float(Double)
    case bool(Bool)
    case date(LocalDate)
    case time(LocalTime)
    /// A date-time; `offsetMinutes` is nil for a local date-time, which names a wall-clock time and no instant.
    case dateTime(LocalDateTime, offsetMinutes: Int?)

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

/// Where a parse failed, as TOMLKit reports it (1-based line and column).
package struct TOMLSyntaxError: Error, Sendable {
    package var message: String
    package var line: Int
    package var column: Int
}

extension TOMLNode {
    /// Parses a TOML document.
    ///
    /// - Throws: `TOMLSyntaxError` with toml++'s message and position.
    package static func parse(_ text: String) throws(TOMLSyntaxError) -> [String: TOMLNode] {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw TOMLSyntaxError(
                message: error.description, line: error.source.begin.line, column: error.source.begin.column)
        } catch {
            throw TOMLSyntaxError(message: "\(error)", line: 1, column: 1)
        }
        return convert(table)
    }

    private static func convert(_ table: TOMLTable) -> [String: TOMLNode] {
        // Keys and values in two calls, rather than a lookup by key for every value as TOMLTable's iterator does.
        let keys = table.keys
        let values = table.values
        var result: [String: TOMLNode] = [:]
        result.reserveCapacity(keys.count)
        for (key, value) in zip(keys, values) {
            result[key] = convert(value)
        }
        return result
    }

    private static func convert(_ value: TOMLValueConvertible) -> TOMLNode {
        switch value.type {
        case .table:
            return .table(convert(value.table!))
        case .array:
            return .array(value.array!.map { convert($0) })
        case .string:
            return .string(value.string!)
        case .int:
            return .integer(value.int!)
        case .double:
            return .float(value.double!)
        case .bool:
            return .bool(value.bool!)
        case .date:
            let d = value.date!
            return .date(LocalDate(year: d.year, month: d.month, day: d.day))
        case .time:
            let t = value.time!
            return .time(LocalTime(hour: t.hour, minute: t.minute, second: t.second))
        case .dateTime:
            let dt = value.dateTime!
            return .dateTime(
                LocalDateTime(
                    LocalDate(year: dt.date.year, month: dt.date.month, day: dt.date.day),
                    LocalTime(hour: dt.time.hour, minute: dt.time.minute, second: dt.time.second)),
                offsetMinutes: dt.offset?.offset)
        }
    }
}
