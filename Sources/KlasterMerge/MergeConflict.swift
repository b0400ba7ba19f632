public import KlasterYAML

/// A place where a three-way merge of a record could not decide: both sides changed one field
/// differently, one side deleted what the other changed, or the merged record would break the
/// store (a dangling reference, a duplicate unique value, a schema violation).
public struct MergeConflict: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable {
        /// Both sides changed the field, differently.
        case bothChanged = "both-changed"
        /// One side deleted the field (or the record), the other changed it.
        case deleteModify = "delete-modify"
        /// The merge is clean, but its result breaks the store (SPEC rule `merge-integrity`).
        case integrity = "merge-integrity"
    }

    public var kind: Kind
    /// Where in the record; the root for the whole record.
    public var path: YAMLPath
    /// The field's value on each side; `nil` where that side does not have it.
    public var base: YAMLNode?
    public var ours: YAMLNode?
    public var theirs: YAMLNode?
    public var message: String

    public init(kind: Kind, path: YAMLPath, base: YAMLNode?, ours: YAMLNode?, theirs: YAMLNode?, message: String) {
        self.kind = kind
        self.path = path
        self.base = base
        self.ours = ours
        self.theirs = theirs
        self.message = message
    }

    /// The RFC 6901 JSON Pointer of ``path`` (`/name/pl`), empty for the whole record.
    public var pointer: String { path.jsonPointer }

    /// The diagnostic rule: `merge-integrity` for integrity conflicts, `conflict` otherwise.
    public var rule: String { kind == .integrity ? "merge-integrity" : "conflict" }

    public var description: String {
        (pointer.isEmpty ? "/" : pointer) + ": " + message
    }
}
