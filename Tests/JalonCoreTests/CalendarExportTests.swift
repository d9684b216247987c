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
        let versions = MemoryVersions()
        let now = DeskFixture.paris("2027-03-02T10:00:00+01:00")
        let lines = contentLines(export.ics(versions: versions, now: now))
        #expect(lines.first == "BEGIN:VCALENDAR" && lines.last == "END:VCALENDAR")
        #expect(lines.contains("VERSION:2.0"))
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == 10)
        #expect(
            lines.filter { $0.hasPrefix("TZID:") } == [
                "TZID:America/Montreal", "TZID:Europe/Paris", "TZID:Indian/Reunion",
            ])
        // Person by person in byte order of their id, each by start.
        #expect(
            lines.filter { $0.hasPrefix("UID:") } == [
                "UID:julien-hoarau/point@jalon.invalid", "UID:julien-hoarau/sst@jalon.invalid",
                "UID:lea-tremblay/portfolio@jalon.invalid", "UID:lea-tremblay/bilan@jalon.invalid",
                "UID:marie-dupont/preliminaire@jalon.invalid", "UID:marie-dupont/cv@jalon.invalid",
                "UID:marie-dupont/enquetes@jalon.invalid", "UID:marie-dupont/investigation@jalon.invalid",
                "UID:marie-dupont/conclusion@jalon.invalid", "UID:marie-dupont/suivi@jalon.invalid",
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
        #expect(versions.known.count == 10)
        versions.saved = 0
        #expect(contentLines(export.ics(versions: versions, now: now + 3600)) == lines)
        #expect(versions.saved == 0)
        // Without a place to keep versions, every event is at version 0, dated now.
        let fresh = contentLines(export.ics(versions: nil, now: now + 3600))
        #expect(fresh.filter { $0 == "SEQUENCE:0" }.count == 10)
        #expect(fresh.filter { $0 == "DTSTAMP:20270302T100000Z" }.count == 10)
    }

    @Test func theSequenceGrowsWhenAnItemChangesAndOnlyThen() throws {
        let fixture = try DeskFixture()
        let versions = MemoryVersions()
        let first = DeskFixture.paris("2027-03-02T10:00:00+01:00")
        _ = CalendarExport(people: fixture.people, settings: fixture.settings).ics(versions: versions, now: first)
        #expect(versions.known.count == 10)
        #expect(versions.known.values.allSatisfy { $0.sequence == 0 && $0.changedAt == first })

        try fixture.directory.write(
            "people/marie-dupont.toml",
            DeskFixture.marie.replacingOccurrences(of: "at = 2027-03-29T09:30:00", with: "at = 2027-03-30T09:30:00"))
        let moved = try load(fixture.directory)
        let later = first + 86_400
        versions.changed = []
        let text = String(
            decoding: CalendarExport(people: moved.people, settings: moved.settings).ics(
                versions: versions, now: later),
            as: UTF8.self)
        // The session moved, and with it the follow-up interview 6 months after it.
        #expect(versions.changed == ["marie-dupont/conclusion@jalon.invalid", "marie-dupont/suivi@jalon.invalid"])
        #expect(versions.known["marie-dupont/conclusion@jalon.invalid"]?.sequence == 1)
        #expect(
            text.contains("UID:marie-dupont/conclusion@jalon.invalid\r\nDTSTAMP:20270303T090000Z\r\nSEQUENCE:1\r\n"))
        #expect(text.contains("UID:marie-dupont/cv@jalon.invalid\r\nDTSTAMP:20270302T090000Z\r\nSEQUENCE:0\r\n"))
        // Moving it back is a change too: the number never goes down.
        _ = CalendarExport(people: fixture.people, settings: fixture.settings).ics(versions: versions, now: later + 60)
        #expect(versions.known["marie-dupont/conclusion@jalon.invalid"]?.sequence == 2)
    }

    /// The state database gives a batch of people every version of theirs, whatever ids sort between theirs.
    @Test func theStateDatabaseGivesEachPersonAllTheirVersions() throws {
        let dir = try TemporaryDirectory()
        let store = try Store(directory: dir.path)
        let people = ["a", "a-b", "a.c", "a0", "ab", "b", "b-a"]
        var all: [String: CalendarSequence] = [:]
        for (index, person) in people.enumerated() {
            for item in ["x", "x-y", "z"] {
                all[CalendarExport.uid(person: person, item: item)] = CalendarSequence(
                    fingerprint: Int64(index), sequence: index, changedAt: Instant(seconds: Int64(index)))
            }
        }
        try store.save(all)
        #expect(try store.calendarSequences() == all)
        for batch in [["a"], ["a-b"], ["a", "ab"], ["a.c", "b"], ["b-a"], people] {
            let found = store.versions(ofPeople: batch)
            for person in batch {
                let theirs = all.filter { $0.key.hasPrefix(person + "/") }
                #expect(theirs.count == 3)
                #expect(theirs.allSatisfy { found[$0.key] == $0.value }, "\(batch): \(person)")
            }
        }
        #expect(store.versions(ofPeople: []).isEmpty)
        // A version never replaces a higher one.
        let uid = CalendarExport.uid(person: "b", item: "x")
        try store.save([uid: CalendarSequence(fingerprint: 9, sequence: 4, changedAt: Instant(seconds: 99))])
        #expect(try store.calendarSequences()[uid] == all[uid])
    }

    @Test func fingerprintsAreTheSameOnEveryRun() {
        // FNV-1a 64 of "a" and of "" (published test vectors).
        #expect(CalendarSequences.fingerprint(Array("a".utf8)) == Int64(bitPattern: 0xaf63_dc4c_8601_ec8c))
        #expect(CalendarSequences.fingerprint([UInt8]()) == Int64(bitPattern: 0xcbf2_9ce4_8422_2325))
    }
}

/// Versions kept in memory, with what was saved.
final class MemoryVersions: CalendarVersionStore, @unchecked Sendable {
    var known: [String: CalendarSequence] = [:]
    /// How many versions were saved, and the UIDs, sorted.
    var saved = 0
    var changed: [String] = []

    func versions(ofPeople people: [String]) -> [String: CalendarSequence] { known }

    func save(_ changes: [String: CalendarSequence]) throws(StoreError) {
        known.merge(changes) { $1 }
        saved += changes.count
        changed = (changed + changes.keys).sorted()
    }
}
