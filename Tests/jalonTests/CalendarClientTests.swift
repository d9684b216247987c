import Foundation
import Testing

/// `jalon export --ics` read by programs no one here wrote: Python's icalendar (Debian's python3-icalendar), and
/// imported into calcurse and khal (Debian's packages), each in a temporary home. The start times they import must
/// be jalon's own (`jalon events --json`), across the spring change of 2027 in Paris, for a beneficiary in Réunion
/// (no daylight saving time) and one in Montréal (whose change comes two weeks before Paris's).
@Suite(.serialized) struct CalendarClientTests {
    static let python = "/usr/bin/python3"
    static let calcurse = "/usr/bin/calcurse"
    static let khal = "/usr/bin/khal"

    static var hasICalendar: Bool {
        FileManager.default.isExecutableFile(atPath: python)
            && ((try? tool(python, ["-c", "import icalendar"]))?.status == 0)
    }

    /// What jalon says: `events --json` over the year, and the calendar.
    struct Exported {
        var scratch: Scratch
        var ics: String
        var path: String
        /// id → (start, end, all_day, date), from `jalon events --json`.
        var events: [String: [String: Any]]
        /// SUMMARY → id, to find imported events that carry no UID.
        var idBySummary: [String: String]
    }

    static func export() throws -> Exported {
        let scratch = try Scratch()
        try scratch.write(
            "c/jalon.toml",
            """
            timezone = "Europe/Paris"
            locale = "fr"
            [[consultant]]
            id = "claire"
            name = "Claire Martin"
            """)
        try scratch.write(
            "c/people/marie-dupont.toml",
            """
            name = "Marie Dupont"
            consultant = "claire"
            [[session]]
            id = "investigation"
            at = 2027-03-26T09:30:00
            title = "Investigation ; enquêtes, métiers"
            duration = "3h"
            place = "Cabinet Horizon, 12 rue des Tanneurs, Lyon"
            [[session]]
            id = "dimanche"
            at = 2027-03-28T15:00:00
            title = "Séance du dimanche après le changement d'heure"
            duration = "1h"
            [[session]]
            id = "conclusion"
            at = 2027-03-29T09:30:00
            phase = "conclusion"
            title = "Entretien de conclusion et remise de la synthèse, avec un titre assez long pour être plié en plusieurs lignes"
            duration = "2h"
            [[deadline]]
            id = "cv"
            title = "Mettre à jour le CV"
            due = 2027-03-31
            """)
        try scratch.write(
            "c/people/julien-hoarau.toml",
            """
            name = "Julien Hoarau"
            timezone = "Indian/Reunion"
            [[session]]
            id = "point"
            at = 2027-03-27T20:00:00
            title = "Point d'étape"
            duration = "1h"
            [[training]]
            id = "sst"
            kind = "sst"
            obtained = 2025-06-15
            """)
        try scratch.write(
            "c/people/lea-tremblay.toml",
            """
            name = "Léa Tremblay"
            timezone = "America/Montreal"
            [[session]]
            id = "avant"
            at = 2027-03-12T10:00:00
            title = "Bilan à distance, avant le changement"
            duration = "1h"
            [[session]]
            id = "apres"
            at = 2027-03-16T10:00:00
            title = "Bilan à distance, après le changement"
            """)
        let config = scratch.path + "/c"
        let state = scratch.path + "/state"
        let ics = try jalon(["export", "--ics", "--config", config, "--state", state])
        #expect(ics.status == 0, "\(ics.stderr)")
        let path = try scratch.write("jalon.ics", ics.stdout)
        let json = try jalon(["events", "--json", "--config", config, "--from", "2027-01-01", "--days", "365"])
        #expect(json.status == 0)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        var events: [String: [String: Any]] = [:]
        for object in array { events[object["id"] as! String] = object }
        #expect(events.count == 9)
        var idBySummary: [String: String] = [:]
        for object in array {
            let title = object["title"] as! String
            let name = object["person_name"] as! String
            let summary: String
            switch object["kind"] as! String {
            case "deadline": summary = "Échéance\u{202F}: \(title) — \(name)"
            case "renewal": summary = "Fin de validité\u{202F}: \(title) — \(name)"
            default: summary = "\(title) — \(name)"
            }
            idBySummary[summary] = object["id"] as? String
        }
        return Exported(scratch: scratch, ics: ics.stdout, path: path, events: events, idBySummary: idBySummary)
    }

    /// jalon's start of an event as a wall-clock time in Paris, "2027-03-29 09:30", or its date for an all-day one.
    static func parisStart(_ event: [String: Any]) -> String {
        if event["all_day"] as? Bool == true { return event["date"] as! String }
        let date = ISO8601DateFormatter().date(from: event["start"] as! String)!
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Europe/Paris")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }

    @Test(
        .enabled(
            if: hasICalendar,
            "Python's icalendar is missing (apt-get install python3-icalendar; scripts/test installs it)"))
    func pythonsIcalendarReadsTheSameTimesAndTheTimeZones() throws {
        let exported = try CalendarClientTests.export()
        // For each event: the start Python's icalendar decodes (through the system's tz database) and the start
        // that jalon's own VTIMEZONE gives, both in UTC; with every line checked for length and CRLF.
        let script = """
            import sys, json, datetime, zoneinfo, icalendar
            data = open(sys.argv[1], 'rb').read()
            lines = data.split(b'\\r\\n')
            assert lines[-1] == b'', 'ends with CRLF'
            assert all(len(line) <= 75 for line in lines), 'folded at 75 octets'
            assert all(b'\\n' not in line and b'\\r' not in line for line in lines), 'CRLF only'
            calendar = icalendar.Calendar.from_ical(data)
            zones = {str(tz['TZID']): tz.to_tz() for tz in calendar.walk('VTIMEZONE')}
            out = {}
            for event in calendar.walk('VEVENT'):
                start = event['DTSTART'].dt
                entry = {'sequence': int(event['SEQUENCE']), 'summary': str(event['SUMMARY']),
                         'stamp': event['DTSTAMP'].dt.isoformat()}
                if isinstance(start, datetime.datetime):
                    tzid = event['DTSTART'].params['TZID']
                    naive = start.replace(tzinfo=None)
                    entry['start'] = naive.replace(tzinfo=zoneinfo.ZoneInfo(tzid)).astimezone(datetime.timezone.utc).isoformat()
                    own = zones[tzid]
                    local = own.localize(naive) if hasattr(own, 'localize') else naive.replace(tzinfo=own)
                    entry['vtimezone_start'] = local.astimezone(datetime.timezone.utc).isoformat()
                    if 'DTEND' in event:
                        end = event['DTEND'].dt.replace(tzinfo=None).replace(tzinfo=zoneinfo.ZoneInfo(tzid))
                        entry['end'] = end.astimezone(datetime.timezone.utc).isoformat()
                    entry['location'] = str(event.get('LOCATION', ''))
                else:
                    entry['date'] = start.isoformat()
                    entry['end_date'] = event['DTEND'].dt.isoformat()
                out[str(event['UID'])] = entry
            print(json.dumps(out))
            """
        let result = try tool(CalendarClientTests.python, ["-c", script, exported.path])
        #expect(result.status == 0, "\(result.stderr)")
        let parsed = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: [String: Any]])
        #expect(parsed.count == exported.events.count)
        let utc = ISO8601DateFormatter()
        for (id, event) in exported.events {
            let entry = try #require(parsed[id + "@jalon.invalid"], "\(id)")
            #expect(entry["sequence"] as? Int == 0)
            if event["all_day"] as? Bool == true {
                #expect(entry["date"] as? String == event["date"] as? String, "\(id)")
                continue
            }
            let start = utc.date(from: event["start"] as! String)!
            #expect(utc.date(from: entry["start"] as? String ?? "") == start, "\(id)")
            #expect(utc.date(from: entry["vtimezone_start"] as? String ?? "") == start, "\(id): VTIMEZONE")
            if let end = event["end"] as? String {
                #expect(utc.date(from: entry["end"] as? String ?? "") == utc.date(from: end), "\(id)")
            } else {
                #expect(entry["end"] == nil, "\(id)")
            }
        }
        let investigation = try #require(parsed["marie-dupont/investigation@jalon.invalid"])
        #expect(investigation["summary"] as? String == "Investigation ; enquêtes, métiers — Marie Dupont")
        #expect(investigation["location"] as? String == "Cabinet Horizon, 12 rue des Tanneurs, Lyon")
    }

    @Test(
        .enabled(
            if: FileManager.default.isExecutableFile(atPath: calcurse),
            "calcurse is missing (apt-get install calcurse; scripts/test installs it)"))
    func calcurseImportsTheSameStartTimes() throws {
        let exported = try CalendarClientTests.export()
        let data = exported.scratch.path + "/calcurse"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        let environment = [
            "HOME": exported.scratch.path, "TZ": "Europe/Paris", "XDG_CONFIG_HOME": exported.scratch.path + "/xdg",
            "XDG_DATA_HOME": exported.scratch.path + "/xdg",
        ]
        let result = try tool(
            CalendarClientTests.calcurse, ["-D", data, "-i", exported.path], environment: environment, timeout: 60)
        #expect(result.status == 0, "\(result.stdout) \(result.stderr)")
        #expect(result.stdout.contains("0 skipped"), "\(result.stdout)")
        let apts = try String(contentsOfFile: data + "/apts", encoding: .utf8)
        // "03/29/2027 @ 09:30 -> 03/29/2027 @ 11:30>NOTE |SUMMARY", or "03/31/2027 [1] >NOTE SUMMARY" for a day's
        // event (NOTE names the file calcurse keeps the description in).
        let appointment = try Regex(
            #"^(\d\d)/(\d\d)/(\d{4}) @ (\d\d:\d\d) -> \d\d/\d\d/\d{4} @ \d\d:\d\d(>[0-9a-f]+)? \|(.*)$"#)
        let allDay = try Regex(#"^(\d\d)/(\d\d)/(\d{4}) \[1\] (>[0-9a-f]+ )?(.*)$"#)
        var imported: [String: String] = [:]
        for line in apts.split(separator: "\n") {
            if let match = try appointment.wholeMatch(in: line) {
                let summary = String(match.output[6].substring!)
                imported[summary] =
                    "\(match.output[3].substring!)-\(match.output[1].substring!)-\(match.output[2].substring!) \(match.output[4].substring!)"
            } else if let match = try allDay.wholeMatch(in: line) {
                let summary = String(match.output[5].substring!)
                imported[summary] =
                    "\(match.output[3].substring!)-\(match.output[1].substring!)-\(match.output[2].substring!)"
            } else {
                Issue.record("an apts line calcurse wrote that this test does not read: \(line)")
            }
        }
        #expect(imported.count == exported.events.count, "\(imported)")
        for (summary, id) in exported.idBySummary {
            #expect(imported[summary] == CalendarClientTests.parisStart(exported.events[id]!), "\(id)")
        }
    }

    @Test(
        .enabled(
            if: FileManager.default.isExecutableFile(atPath: khal),
            "khal is missing (apt-get install khal; scripts/test installs it)"))
    func khalImportsTheSameStartTimes() throws {
        let exported = try CalendarClientTests.export()
        let home = exported.scratch.path + "/home"
        let calendar = home + "/calendar"
        try FileManager.default.createDirectory(atPath: calendar, withIntermediateDirectories: true)
        try exported.scratch.write(
            "home/config/khal/config",
            """
            [calendars]
            [[jalon]]
            path = \(calendar)
            type = calendar
            [locale]
            timeformat = %H:%M
            dateformat = %Y-%m-%d
            longdateformat = %Y-%m-%d
            datetimeformat = %Y-%m-%d %H:%M
            longdatetimeformat = %Y-%m-%d %H:%M
            local_timezone = Europe/Paris
            default_timezone = Europe/Paris
            """)
        let environment = [
            "HOME": home, "XDG_CONFIG_HOME": home + "/config", "XDG_DATA_HOME": home + "/data",
            "XDG_CACHE_HOME": home + "/cache", "TZ": "Europe/Paris", "LANG": "C.UTF-8",
        ]
        let imported = try tool(
            CalendarClientTests.khal, ["import", "--batch", "-a", "jalon", exported.path], environment: environment,
            timeout: 60)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(!imported.stderr.contains("Cannot find timezone"), "\(imported.stderr)")
        let listed = try tool(
            CalendarClientTests.khal,
            ["list", "--format", "{uid}|{start}", "--day-format", "", "2027-01-01", "400d"], environment: environment,
            timeout: 60)
        #expect(listed.status == 0, "\(listed.stderr)")
        var starts: [String: String] = [:]
        for line in listed.stdout.split(separator: "\n") where line.contains("|") {
            let parts = line.split(separator: "|", maxSplits: 1).map(String.init)
            starts[parts[0]] = parts[1].trimmingCharacters(in: .whitespaces)
        }
        #expect(starts.count == exported.events.count, "\(listed.stdout)")
        for (id, event) in exported.events {
            #expect(starts[id + "@jalon.invalid"] == CalendarClientTests.parisStart(event), "\(id)")
        }
    }
}
