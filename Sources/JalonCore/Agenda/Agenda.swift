import Dispatch
import Foundation
import Synchronization

/// The reminders due in a window, and their two renderings: a table for people and JSON for programs (SPEC §6).
package struct Agenda: Sendable {
    package var reminders: [Reminder]
    package var from: Instant
    package var to: Instant

    /// The reminders of every good person that are due in [`from`, `to`), sorted by due instant then id.
    ///
    /// - Parameters:
    ///   - isAcknowledged: items finished with `jalon done`, by `PERSON/ITEM` and base instant.
    ///   - progress: told how many people are planned so far, and how many there are (from any thread).
    package init(
        configuration: Configuration, from: Instant, to: Instant,
        isAcknowledged: @Sendable (String, Instant) -> Bool = { _, _ in false },
        progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil
    ) {
        let planner = ReminderPlanner(settings: configuration.settings)
        let people = configuration.people
        // People are independent: plan them in chunks on every core. Each chunk sorts what it finds into time
        // slices of the window; the slices are then sorted on every core too, and laid end to end they are in
        // order — no single-threaded sort of everything.
        let chunkCount = people.isEmpty ? 0 : min(people.count, 64)
        let sliceCount = 64
        let span = max(1, to.seconds - from.seconds)
        @Sendable func slice(_ due: Instant) -> Int {
            min(sliceCount - 1, Int((due.seconds - from.seconds) * Int64(sliceCount) / span))
        }
        let buckets = UnsafeMutableBufferPointer<[Reminder]>.allocate(capacity: chunkCount * sliceCount)
        buckets.initialize(repeating: [])
        let slices = UnsafeMutableBufferPointer<[Reminder]>.allocate(capacity: sliceCount)
        slices.initialize(repeating: [])
        defer {
            buckets.deinitialize()
            buckets.deallocate()
            slices.deinitialize()
            slices.deallocate()
        }
        nonisolated(unsafe) let bucketSlots = buckets
        nonisolated(unsafe) let sliceSlots = slices
        let planned = Atomic<Int>(0)
        progress?(0, people.count)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            var index = chunk
            while index < people.count {
                for reminder in planner.reminders(for: people[index], in: from..<to, isAcknowledged: isAcknowledged) {
                    bucketSlots[chunk * sliceCount + slice(reminder.due)].append(reminder)
                }
                index += chunkCount
                if let progress { progress(planned.add(1, ordering: .relaxed).newValue, people.count) }
            }
        }
        DispatchQueue.concurrentPerform(iterations: sliceCount) { s in
            var list: [Reminder] = []
            for chunk in 0..<chunkCount { list += bucketSlots[chunk * sliceCount + s] }
            sliceSlots[s] = Reminder.sortedForAgenda(list)
        }
        var all: [Reminder] = []
        all.reserveCapacity(slices.reduce(0) { $0 + $1.count })
        for list in slices { all += list }
        self.reminders = all
        self.from = from
        self.to = to
    }

    /// One JSON array, one object a line, with the keys of SPEC §6.
    package func json() -> String {
        var bytes: [UInt8] = []
        writeJSON { bytes += $0 }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Writes the JSON array in consecutive parts, built a few at a time on every core, so that the whole text is
    /// never in memory at once.
    ///
    /// Written by hand into bytes: the format is flat and fixed, and 135,000 reminders need neither an encodable
    /// tree nor one thread.
    package func writeJSON(_ write: ([UInt8]) -> Void) {
        let reminders = self.reminders
        let partCount = max(1, reminders.count / 4096)
        let batchSize = max(2, ProcessInfo.processInfo.activeProcessorCount)
        let parts = UnsafeMutableBufferPointer<[UInt8]>.allocate(capacity: batchSize)
        parts.initialize(repeating: [])
        defer {
            parts.deinitialize()
            parts.deallocate()
        }
        nonisolated(unsafe) let slots = parts
        var first = 0
        while first < partCount {
            let batch = min(batchSize, partCount - first)
            let firstPart = first
            DispatchQueue.concurrentPerform(iterations: batch) { slot in
                let part = firstPart + slot
                let range = (reminders.count * part / partCount)..<(reminders.count * (part + 1) / partCount)
                var out = JSONWriter()
                out.bytes.reserveCapacity(range.count * 300 + 4)
                if part == 0 { out.raw("[") }
                for index in range {
                    out.raw(index == 0 ? "\n" : ",\n")
                    out.object(reminders[index])
                }
                if part == partCount - 1 { out.raw(reminders.isEmpty ? "]\n" : "\n]\n") }
                slots[slot] = out.bytes
            }
            for slot in 0..<batch {
                write(slots[slot])
                slots[slot] = []
            }
            first += batch
        }
    }

    /// A table grouped by day in `zone`: each reminder on two lines — when it is due, that it is a reminder, and
    /// when the item itself is; then its id and recipients.
    ///
    /// "09:30  rappel J-2 · Entretien de conclusion — lundi 7 décembre à 9 h 30 · marie-dupont": the time at the
    /// left is the reminder's, never the appointment's.
    package func table(language: Language, zone: Zone) -> String {
        guard !reminders.isEmpty else {
            return ViewText.noReminders(from: zone.local(from).date, to: zone.local(to - 1).date).text(language) + "\n"
        }
        var out = ""
        var headings = DayHeadings(language: language)
        for r in reminders {
            let local = zone.local(r.due)
            out += headings.heading(local.date)
            var time = EventLines.clock(local.time)
            if r.zone != zone {
                time += " (\(EventLines.clock(r.zone.local(r.due).time)) \(r.zone.identifier))"
            }
            let line = ViewText.agendaLine(
                time: time, step: Agenda.stepText(r, language), title: r.title,
                when: itemWhen(r, zone: zone, dueOn: local.date).text(language),
                person: r.person)
            out += "  " + line.text(language) + "\n"
            let recipients = r.to.isEmpty ? ViewText.journalOnly.text(language) : r.to.joined(separator: ", ")
            out += "         \(r.id) → \(recipients)\n"
        }
        return out
    }

    /// "rappel J-2", "relance 1": what kind of reminder it is.
    static func stepText(_ reminder: Reminder, _ language: Language) -> String {
        if let index = reminder.followUpIndex { return ViewText.followUpStep(index).text(language) }
        if let window = RenewalWindow.stepText(reminder.step) { return window.text(language) }
        guard let duration = try? CalendarDuration.parse(reminder.step) else { return reminder.step }
        return ViewText.step(duration).text(language)
    }

    /// When the item the reminder is about takes place: a session at its time in `zone` (and the person's own when
    /// it differs), other items on their date.
    private func itemWhen(_ r: Reminder, zone: Zone, dueOn day: LocalDate) -> ViewText {
        guard r.kind == .session else {
            let date = r.zone.local(r.base).date
            return .itemWhen(kind: r.kind, date: date, time: nil, year: date.year != day.year, there: nil, zone: nil)
        }
        let here = zone.local(r.base)
        let there = r.zone != zone ? r.zone.local(r.base).time : nil
        return .itemWhen(
            kind: r.kind, date: here.date, time: here.time, year: here.date.year != day.year, there: there,
            zone: there == nil ? nil : r.zone.identifier)
    }
}

/// Writes the agenda's JSON objects as UTF-8 bytes.
struct JSONWriter {
    var bytes: [UInt8] = []

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func object(_ r: Reminder) {
        raw("{\"id\":")
        string(r.id)
        raw(",\"person\":")
        string(r.person)
        raw(",\"item\":")
        string(r.item)
        raw(",\"kind\":\"")
        bytes.append(contentsOf: r.kind.rawValue.utf8)
        raw("\",\"step\":")
        string(r.step)
        raw(r.isFollowUp ? ",\"follow_up\":true,\"due\":\"" : ",\"follow_up\":false,\"due\":\"")
        timestamp(r.due, offset: r.zone.offset(at: r.due))
        raw("\",\"to\":[")
        for (i, address) in r.to.enumerated() {
            if i > 0 { raw(",") }
            string(address)
        }
        raw("],\"title\":")
        string(r.title)
        raw("}")
    }

    /// A JSON string (RFC 8259): quotes, backslashes and control characters escaped.
    mutating func string(_ text: String) {
        bytes.append(0x22)
        let plain = text.utf8.withContiguousStorageIfAvailable { utf8 -> Bool in
            guard !utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else { return false }
            bytes.append(contentsOf: utf8)
            return true
        }
        if plain == true {
            bytes.append(0x22)
            return
        }
        for byte in text.utf8 {
            switch byte {
            case 0x22: raw("\\\"")
            case 0x5C: raw("\\\\")
            case 0x0A: raw("\\n")
            case 0x0D: raw("\\r")
            case 0x09: raw("\\t")
            case 0..<0x20:
                raw("\\u00")
                bytes.append(hexDigit(byte >> 4))
                bytes.append(hexDigit(byte & 0xF))
            default: bytes.append(byte)
            }
        }
        bytes.append(0x22)
    }

    /// RFC 3339 with the given offset, to the second: `2027-03-17T09:00:00+01:00`.
    mutating func timestamp(_ instant: Instant, offset: Int) {
        let local = LocalDateTime(wallSeconds: instant.seconds + Int64(offset))
        digits(local.date.year, 4)
        bytes.append(0x2D)
        digits(local.date.month, 2)
        bytes.append(0x2D)
        digits(local.date.day, 2)
        bytes.append(0x54)
        digits(local.time.hour, 2)
        bytes.append(0x3A)
        digits(local.time.minute, 2)
        bytes.append(0x3A)
        digits(local.time.second, 2)
        bytes.append(offset < 0 ? 0x2D : 0x2B)
        let magnitude = abs(offset)
        digits(magnitude / 3600, 2)
        bytes.append(0x3A)
        digits(magnitude / 60 % 60, 2)
    }

    private mutating func digits(_ value: Int, _ width: Int) {
        guard value >= 0 else {
            bytes.append(contentsOf: String(value).utf8)
            return
        }
        var divisor = 1
        var width = width
        while value / divisor >= 10 || width > 1 {
            divisor *= 10
            width -= 1
        }
        while divisor > 0 {
            bytes.append(UInt8(48 + value / divisor % 10))
            divisor /= 10
        }
    }

    private func hexDigit(_ value: UInt8) -> UInt8 { value < 10 ? 48 + value : 87 + value }
}
