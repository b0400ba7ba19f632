/// What a sync did (or, with `--dry-run`, would do): one entry per record it touches, and the
/// totals per copy.
public struct SyncReport: Sendable, Equatable {
    /// What happens to a record in one copy.
    public enum Effect: String, Sendable, Equatable {
        case added, changed, deleted
        /// Written with conflict markers (only ever in the copy where sync ran).
        case conflicted
    }

    public struct Entry: Sendable, Equatable {
        /// `members/anna.yaml`.
        public var path: String
        public var here: Effect?
        public var there: Effect?
        /// Why the record is in conflict, when it is.
        public var conflict: String?
    }

    public struct Counts: Sendable, Equatable {
        public var added = 0
        public var changed = 0
        public var deleted = 0
        public var conflicted = 0

        public init(added: Int = 0, changed: Int = 0, deleted: Int = 0, conflicted: Int = 0) {
            self.added = added
            self.changed = changed
            self.deleted = deleted
            self.conflicted = conflicted
        }

        mutating func count(_ effect: Effect?) {
            switch effect {
            case .added: added += 1
            case .changed: changed += 1
            case .deleted: deleted += 1
            case .conflicted: conflicted += 1
            case nil: break
            }
        }
    }

    public var here: String
    public var there: String
    public var hereID: String
    public var thereID: String
    public var dryRun: Bool
    public var entries: [Entry] = []
    /// Records whose conflict from an earlier sync is still unresolved (skipped this time).
    public var unresolved: [String] = []
    /// Said once, when something about the copies needed attention (a copied id, a first sync).
    public var notes: [String] = []

    public var hereCounts: Counts {
        var counts = Counts()
        for entry in entries { counts.count(entry.here) }
        return counts
    }

    public var thereCounts: Counts {
        var counts = Counts()
        for entry in entries { counts.count(entry.there) }
        return counts
    }

    /// Conflicts written by this run, and earlier ones still unresolved.
    public var hasConflicts: Bool {
        !unresolved.isEmpty || entries.contains { $0.conflict != nil }
    }
}
