public import KlasterModel

/// What one record says that the checks across records need: the records it refers to, its
/// values that must be unique, and who coordinates what. Small, so a whole store's facts fit in
/// memory and in the validation cache.
public struct RecordFacts: Hashable, Sendable {
    /// A place in a record's file.
    public struct Place: Hashable, Sendable {
        /// JSON Pointer into the record (`/memberships/0/cluster`).
        public var pointer: String
        public var line: Int
        public var column: Int

        public init(pointer: String, line: Int, column: Int) {
            self.pointer = pointer
            self.line = line
            self.column = column
        }
    }

    /// A reference to another record, resolved to its kind and id.
    public struct Reference: Hashable, Sendable {
        public var kind: RecordKind
        public var id: String
        public var place: Place

        public init(kind: RecordKind, id: String, place: Place) {
            self.kind = kind
            self.id = id
            self.place = place
        }
    }

    /// A value of an `x-unique` field.
    public struct UniqueValue: Hashable, Sendable {
        /// The field, as a pointer without list positions (`/identifiers/nip`).
        public var field: String
        public var value: String
        public var place: Place

        public init(field: String, value: String, place: Place) {
            self.field = field
            self.value = value
            self.place = place
        }
    }

    public var kind: RecordKind
    public var id: String
    public var references: [Reference] = []
    public var uniques: [UniqueValue] = []
    /// For a cluster: the member named as its `coordinator`.
    public var coordinator: Reference?
    /// For a member: the clusters in which it has the `coordinator` or `administrator` role.
    public var coordinates: [String] = []

    public init(kind: RecordKind, id: String) {
        self.kind = kind
        self.id = id
    }
}

/// The outcome of checking one record file on its own.
public struct RecordCheck: Sendable {
    public var diagnostics: [Diagnostic]
    /// `nil` when the file could not be read as a record at all.
    public var facts: RecordFacts?

    public init(diagnostics: [Diagnostic], facts: RecordFacts?) {
        self.diagnostics = diagnostics
        self.facts = facts
    }
}
