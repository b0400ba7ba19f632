/// What sync does with one record: the writes to each copy, what the base becomes, and the
/// report entry.
struct SyncDecision {
    enum Write {
        case content([UInt8], hash: String)
        case remove
    }

    var path: String
    var here: Write?
    var there: Write?
    var hereEffect: SyncReport.Effect?
    var thereEffect: SyncReport.Effect?
    var conflict: String?
    /// The base's hash for the record afterwards; `nil`: no entry (the record is gone).
    var base: String?
    /// The base's version vector for the record afterwards.
    var version = VersionVector()
    /// A record kept after a delete-vs-edit conflict: the kept version's hash.
    var kept: String?
    /// A conflict left with markers: the note the base keeps until it is resolved.
    var pending: SyncBase.Pending?
    /// The three versions of a new marker conflict, for `klaster resolve --ours/--theirs`.
    var stash: (base: [UInt8], ours: [UInt8], theirs: [UInt8])?
    /// Versions the new base refers to, to be stored in both object stores.
    var objects: [String: [UInt8]] = [:]

    var entry: SyncReport.Entry? {
        if here == nil && there == nil && conflict == nil { return nil }
        return SyncReport.Entry(path: path, here: hereEffect, there: thereEffect, conflict: conflict)
    }

    static func effect(from old: String?, to new: Write) -> SyncReport.Effect {
        switch new {
        case .remove: return .deleted
        case .content: return old == nil ? .added : .changed
        }
    }
}
