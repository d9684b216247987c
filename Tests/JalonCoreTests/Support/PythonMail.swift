import Foundation

/// A message as CPython's `email` package reads it with `policy=email.policy.strict` (any defect raises), and its
/// calendar part as Python's `icalendar` (Debian's python3-icalendar) reads it: parsers no one here wrote.
struct PythonMail: Decodable {
    struct Part: Decodable {
        var contentType: String
        var params: [String: String]
        var content: String
    }

    struct Event: Decodable {
        var uid: String
        var sequence: Int
        var start: String?
        var end: String?
        var tzid: String?
        var summary: String?
        var location: String?
        var organizer: String?
        var organizerName: String?
        var attendee: String?
        var attendeeName: String?
        var status: String?
    }

    /// Header fields by lower-case name, decoded.
    var headers: [String: String]
    var contentType: String
    var parts: [Part]
    var defects: [String]
    /// The calendar part's METHOD, and its events, when there is one.
    var method: String?
    var events: [Event]
    var hasTimeZone: Bool

    var text: String? { parts.first { $0.contentType == "text/plain" }?.content }

    static let python = "/usr/bin/python3"

    /// Whether Debian's Python has both packages (scripts/test installs them).
    static let available: Bool = {
        guard FileManager.default.isExecutableFile(atPath: python) else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", "import email, icalendar"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    struct Failed: Error, CustomStringConvertible {
        var status: Int32
        var stderr: String
        var description: String { "python3 exited with \(status): \(stderr)" }
    }

    /// Parses the message in the file at `path`.
    static func parse(path: String) throws -> PythonMail {
        try JSONDecoder().decode(PythonMail.self, from: run(python, ["-c", script, path]))
    }

    /// What `executable` (a Python) prints with `arguments`; throws `Failed` when it exits with another status
    /// than 0.
    static func run(_ executable: String, _ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        nonisolated(unsafe) var errorData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errorData = errors.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failed(status: process.terminationStatus, stderr: String(decoding: errorData, as: UTF8.self))
        }
        return data
    }

    /// Parses `message`, written to a file of `folder`.
    static func parse(_ message: [UInt8], in folder: TemporaryDirectory, name: String = "message.eml") throws
        -> PythonMail
    {
        try parse(path: try folder.write(name, bytes: message))
    }

    private static let script = #"""
        import email, email.policy, json, sys, icalendar

        data = open(sys.argv[1], 'rb').read()
        msg = email.message_from_bytes(data, policy=email.policy.strict)
        defects = [repr(d) for d in msg.defects]
        headers = {}
        for name, value in msg.items():
            defects += ['%s: %r' % (name, d) for d in getattr(value, 'defects', ())]
            headers[name.lower()] = str(value)
        parts, events, method, has_tz = [], [], None, False
        for part in msg.walk():
            if part.is_multipart():
                continue
            defects += [repr(d) for d in part.defects]
            params = {k: str(v) for k, v in part['Content-Type'].params.items()}
            content = part.get_content()
            if isinstance(content, bytes):
                content = content.decode('utf-8')
            parts.append({'contentType': part.get_content_type(), 'params': params, 'content': content})
            if part.get_content_type() == 'text/calendar':
                raw = part.get_payload(decode=True)
                lines = raw.split(b'\r\n')
                assert lines[-1] == b'', 'the calendar ends with CRLF'
                assert all(len(line) <= 75 for line in lines), 'folded at 75 octets'
                calendar = icalendar.Calendar.from_ical(raw)
                method = str(calendar['METHOD'])
                has_tz = len(calendar.walk('VTIMEZONE')) > 0
                for event in calendar.walk('VEVENT'):
                    def address(name):
                        value = event.get(name)
                        return (str(value), value.params.get('CN')) if value is not None else (None, None)
                    organizer, organizer_name = address('ORGANIZER')
                    attendee, attendee_name = address('ATTENDEE')
                    start = event.get('DTSTART')
                    end = event.get('DTEND')
                    events.append({
                        'uid': str(event['UID']), 'sequence': int(event.get('SEQUENCE', 0)),
                        'start': start.dt.isoformat() if start is not None else None,
                        'end': end.dt.isoformat() if end is not None else None,
                        'tzid': start.params.get('TZID') if start is not None else None,
                        'summary': str(event['SUMMARY']) if 'SUMMARY' in event else None,
                        'location': str(event['LOCATION']) if 'LOCATION' in event else None,
                        'organizer': organizer, 'organizerName': organizer_name,
                        'attendee': attendee, 'attendeeName': attendee_name,
                        'status': str(event['STATUS']) if 'STATUS' in event else None,
                    })
        print(json.dumps({'headers': headers, 'contentType': msg.get_content_type(), 'parts': parts,
                          'defects': defects, 'method': method, 'events': events, 'hasTimeZone': has_tz}))
        """#
}
