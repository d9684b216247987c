/// One event as the tables show it, on two lines: when and what, then its id, place and consultant.
///
/// Times are in the settings' zone, with the person's own time beside them when their zone differs; an item that
/// fills its day shows no time.
struct EventLines {
    var event: CalendarEvent
    var zone: Zone
    var language: Language
    /// The consultant's name, when the line should carry it.
    var consultantName: String?
    /// Where the item stands, in place of its done mark.
    var state: String?

    init(event: CalendarEvent, zone: Zone, language: Language, consultantName: String? = nil) {
        self.event = event
        self.zone = zone
        self.language = language
        self.consultantName = consultantName
    }

    /// "14:00–17:00", or "17:00–18:00 (20:00–21:00 Indian/Reunion)" for a person in another zone, or "journée".
    var when: String {
        guard !event.isAllDay else { return ViewText.allDay.text(language) }
        var text = EventLines.range(event.start, event.end, in: zone)
        if event.zone != zone {
            text += " (" + EventLines.range(event.start, event.end, in: event.zone) + " " + event.zone.identifier + ")"
        }
        return text
    }

    var text: String {
        var first = ViewText.eventSummary(
            title: event.title, kind: event.kind, phase: event.kind == .suivi ? nil : event.phase,
            person: event.personName
        )
        .text(language)
        if let state {
            first += " · " + state
        } else if event.done {
            first += " · " + ViewText.done(on: event.doneOn).text(language)
        }
        var second = event.id
        if let place = event.place { second += " · " + place }
        if let consultantName { second += " · " + ViewText.consultant(name: consultantName).text(language) }
        return "  \(when)  \(first)\n      \(second)\n"
    }

    /// "14:00–17:00", or "14:00" without an end.
    static func range(_ start: Instant, _ end: Instant?, in zone: Zone) -> String {
        let from = zone.local(start).time
        guard let end else { return clock(from) }
        return clock(from) + "–" + clock(zone.local(end).time)
    }

    /// "09:30".
    static func clock(_ time: LocalTime) -> String { pad(time.hour, 2) + ":" + pad(time.minute, 2) }
}
