import Foundation
import Testing

@testable import JalonCore

/// The iCalendar text (RFC 5545): content lines, time zones, events, and their versions.
@Suite struct CalendarExportTests {
    /// The physical lines of an iCalendar text, which must all end in CRLF.
    func physicalLines(_ bytes: [UInt8]) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A {
                lines.append(current)
                current = []
                index += 2
            } else {
                #expect(bytes[index] != 0x0A && bytes[index] != 0x0D, "a bare line break at \(index)")
                current.append(bytes[index])
                index += 1
            }
        }
        #expect(current.isEmpty, "the text ends with CRLF")
        return lines
    }

    /// Content lines, unfolded.
    func contentLines(_ bytes: [UInt8]) -> [String] {
        var lines: [String] = []
        for line in physicalLines(bytes) {
            if line.first == 0x20 {
                lines[lines.count - 1] += String(decoding: line.dropFirst(), as: UTF8.self)
            } else {
                lines.append(String(decoding: line, as: UTF8.self))
            }
        }
        return lines
    }

    @Test(arguments: [10, 74, 75, 76, 149, 150, 400])
    func linesAreFoldedAt75OctetsOutsideCharacters(_ length: Int) {
        for filler in ["a", "é", "€", "🇫🇷"] {
            var text = "Point d’étape "
            while text.utf8.count < length { text += filler }
            var writer = ICalendarWriter()
            writer.text("SUMMARY", text)
            let lines = physicalLines(writer.bytes)
            for line in lines {
                #expect(line.count <= 75)
                #expect(String(validating: line, as: UTF8.self) != nil, "a fold cut a character: \(line)")
            }
            #expect(contentLines(writer.bytes) == ["SUMMARY:" + text])
        }
    }

    @Test func textIsEscaped() {
        #expect(ICalendarWriter.escaped("Visio : https://x.example/a;b,c") == "Visio : https://x.example/a\\;b\\,c")
        #expect(ICalendarWriter.escaped("a\\b\nc\r\nd\re\u{7}f\tg") == "a\\\\b\\nc\\nd\\nef g")
        #expect(ICalendarWriter.escaped("plain") == "plain")
    }

    @Test func timeZonesHaveTheObservancesOfTheRange() throws {
        func observances(_ zone: String, _ from: String, _ to: String) throws -> [String] {
            let zone = try #require(Zone(identifier: zone))
            let component = TimeZoneComponent(zone: zone, range: DeskFixture.paris(from)...DeskFixture.paris(to))
            var writer = ICalendarWriter()
            component.write(into: &writer)
            return contentLines(writer.bytes)
        }
        #expect(
            try observances("Europe/Paris", "2027-03-01", "2027-03-31") == [
                "BEGIN:VTIMEZONE", "TZID:Europe/Paris",
                "BEGIN:STANDARD", "DTSTART:20261025T030000", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "END:STANDARD",
                "BEGIN:DAYLIGHT", "DTSTART:20270328T020000", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "END:DAYLIGHT",
                "END:VTIMEZONE",
            ])
        #expect(
            try observances("Indian/Reunion", "2027-03-01", "2028-03-31") == [
                "BEGIN:VTIMEZONE", "TZID:Indian/Reunion",
                "BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:+0400", "TZOFFSETTO:+0400", "END:STANDARD",
                "END:VTIMEZONE",
            ])
        #expect(
            try observances("America/Montreal", "2027-03-15", "2027-03-16") == [
                "BEGIN:VTIMEZONE", "TZID:America/Montreal",
                "BEGIN:DAYLIGHT", "DTSTART:20270314T020000", "TZOFFSETFROM:-0500", "TZOFFSETTO:-0400", "END:DAYLIGHT",
                "END:VTIMEZONE",
            ])
    }

    @Test func eventsWithStableUIDsTimesInThePersonsZoneAndAllDayItems() throws {
        let fixture = try DeskFixture()
        let export = CalendarExport(people: fixture.people, settings: fixture.settings)
        var sequences = CalendarSequences()
        let now = DeskFixture.paris("2027-03-02T10:00:00+01:00")
        let lines = contentLines(export.ics(sequences: &sequences, now: now))
        #expect(lines.first == "BEGIN:VCALENDAR" && lines.last == "END:VCALENDAR")
        #expect(lines.contains("VERSION:2.0"))
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == 10)
        #expect(
            lines.filter { $0.hasPrefix("TZID:") } == [
                "TZID:America/Montreal", "TZID:Europe/Paris", "TZID:Indian/Reunion",
            ])
        func event(_ uid: String) throws -> [String] {
            let start = try #require(lines.firstIndex(of: "UID:" + uid))
            let end = try #require(lines[start...].firstIndex(of: "END:VEVENT"))
            return Array(lines[start..<end])
        }
        let conclusion = try event("marie-dupont/conclusion@jalon.invalid")
        #expect(conclusion.contains("DTSTART;TZID=Europe/Paris:20270329T093000"))
        #expect(conclusion.contains("DTEND;TZID=Europe/Paris:20270329T110000"))
        #expect(conclusion.contains("SEQUENCE:0"))
        #expect(conclusion.contains("DTSTAMP:20270302T090000Z"))
        #expect(conclusion.contains("SUMMARY:Entretien de conclusion — Marie Dupont"))
        #expect(conclusion.contains("LOCATION:Visio : https://visio.example/claire"))
        #expect(
            conclusion.contains(
                "DESCRIPTION:Personne\u{202F}: Marie Dupont (marie-dupont)\\nConsultant\u{202F}: Claire Martin\\nPhase\u{202F}: "
                    + "conclusion\\nFait\u{202F}? jalon done marie-dupont/conclusion"))
        let investigation = try event("marie-dupont/investigation@jalon.invalid")
        #expect(investigation.contains("SUMMARY:Investigation\\; métiers\\, valeurs — Marie Dupont"))
        let point = try event("julien-hoarau/point@jalon.invalid")
        #expect(point.contains("DTSTART;TZID=Indian/Reunion:20270327T200000"))
        let cv = try event("marie-dupont/cv@jalon.invalid")
        #expect(cv.contains("DTSTART;VALUE=DATE:20270310"))
        #expect(cv.contains("DTEND;VALUE=DATE:20270311"))
        #expect(cv.contains("SUMMARY:Échéance\u{202F}: Mettre à jour le CV — Marie Dupont"))
        let sst = try event("julien-hoarau/sst@jalon.invalid")
        #expect(sst.contains("DTSTART;VALUE=DATE:20270615"))
        #expect(sst.contains { $0.hasPrefix("SUMMARY:Fin de validité\u{202F}: Sauveteur Secouriste du Travail") })

        // The same items give the same text again: nothing depends on the run.
        var again = CalendarSequences(known: sequences.changes)
        let second = export.ics(sequences: &again, now: now + 3600)
        #expect(contentLines(second) == lines)
        #expect(again.changes.isEmpty)
    }

    @Test func theSequenceGrowsWhenAnItemChangesAndOnlyThen() throws {
        let fixture = try DeskFixture()
        var sequences = CalendarSequences()
        let first = DeskFixture.paris("2027-03-02T10:00:00+01:00")
        _ = CalendarExport(people: fixture.people, settings: fixture.settings).ics(sequences: &sequences, now: first)
        var known = sequences.changes
        #expect(known.count == 10 && known.values.allSatisfy { $0.sequence == 0 && $0.changedAt == first })

        try fixture.directory.write(
            "people/marie-dupont.toml",
            DeskFixture.marie.replacingOccurrences(of: "at = 2027-03-29T09:30:00", with: "at = 2027-03-30T09:30:00"))
        let moved = try load(fixture.directory)
        let later = first + 86_400
        var next = CalendarSequences(known: known)
        let text = String(
            decoding: CalendarExport(people: moved.people, settings: moved.settings).ics(sequences: &next, now: later),
            as: UTF8.self)
        #expect(
            Array(next.changes.keys).sorted() == [
                "marie-dupont/conclusion@jalon.invalid", "marie-dupont/suivi@jalon.invalid",
            ])
        #expect(next.changes["marie-dupont/conclusion@jalon.invalid"]?.sequence == 1)
        #expect(
            text.contains("UID:marie-dupont/conclusion@jalon.invalid\r\nDTSTAMP:20270303T090000Z\r\nSEQUENCE:1\r\n"))
        #expect(text.contains("UID:marie-dupont/cv@jalon.invalid\r\nDTSTAMP:20270302T090000Z\r\nSEQUENCE:0\r\n"))
        for (uid, version) in next.changes { known[uid] = version }
        // Moving it back is a change too: the number never goes down.
        var back = CalendarSequences(known: known)
        _ = CalendarExport(people: fixture.people, settings: fixture.settings).ics(sequences: &back, now: later + 60)
        #expect(back.changes["marie-dupont/conclusion@jalon.invalid"]?.sequence == 2)
    }

    @Test func fingerprintsAreTheSameOnEveryRun() {
        // FNV-1a 64 of "a" and of "" (published test vectors).
        #expect(CalendarSequences.fingerprint(Array("a".utf8)) == Int64(bitPattern: 0xaf63_dc4c_8601_ec8c))
        #expect(CalendarSequences.fingerprint([UInt8]()) == Int64(bitPattern: 0xcbf2_9ce4_8422_2325))
    }
}
