/// An event an article reports or announces; a news record's events are matched by `id` when merging.
public struct Event: Hashable, Sendable, Codable, SchemaMirroring {
    public enum EventType: String, Hashable, Sendable, Codable, CaseIterable {
        case tradeFair = "trade-fair"
        case studyVisit = "study-visit"
        case conference, meeting, seminar
        case businessBreakfast = "business-breakfast"
        case signing, workshop, other
    }

    /// As of the article.
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        case held, planned
    }

    public enum Recurrence: String, Hashable, Sendable, Codable, CaseIterable {
        case once, monthly, quarterly, yearly
    }

    /// Slug, unique within the record.
    public var id: String
    public var name: LocalizedText
    public var eventType: EventType
    public var status: Status?
    public var start: LocalDate?
    public var end: LocalDate?
    public var recurrence: Recurrence?
    public var places: [Place]?
    /// Records that took part (a set when merging).
    public var participants: [RecordRef]?
    /// The agreement signed at the event.
    public var agreement: AgreementID?
    public var note: LocalizedText?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, name
        case eventType = "event_type"
        case status, start, end, recurrence, places, participants, agreement, note
    }

    public static var schemaKeys: [String] { CodingKeys.allCases.map(\.stringValue) }

    public init(
        id: String, name: LocalizedText, eventType: EventType, status: Status? = nil,
        start: LocalDate? = nil, end: LocalDate? = nil, recurrence: Recurrence? = nil,
        places: [Place]? = nil, participants: [RecordRef]? = nil, agreement: AgreementID? = nil,
        note: LocalizedText? = nil
    ) {
        self.id = id
        self.name = name
        self.eventType = eventType
        self.status = status
        self.start = start
        self.end = end
        self.recurrence = recurrence
        self.places = places
        self.participants = participants
        self.agreement = agreement
        self.note = note
    }
}
