/// Why a value fails a domain rule, worded for the person who typed it.
///
/// `message` names the value and says what is wrong and, when it can, what to write instead
/// ("NIP 1234567890 has a wrong check digit (expected 3, got 0)"). `kind` separates a shape problem
/// that a mechanical rewrite fixes from a problem only the source document can fix.
public struct IdentifierProblem: Hashable, Sendable, CustomStringConvertible {
    /// What sort of mistake the value has.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// The shape is wrong: length, characters, separators, letter case, spaces around it.
        case format
        /// Well formed, but a check digit does not match the other digits.
        case checksum
        /// Passes the checksum but is a placeholder that is never issued (all zeros).
        case placeholder
        /// Well formed, but not in the code list (`XX`, `PL-03`, `qq`).
        case unknownCode
        /// A code from a superseded scheme or an exceptional reservation (`PL-SL`, `UK`, `iw`).
        case obsolete
    }

    public var rule: DomainRule
    public var kind: Kind
    public var message: String
    /// The value as it should be stored, when the fix is mechanical and the result passes the rule
    /// (`"8567346215"` for `"856-734-62-15"`); `nil` when only a person can fix it.
    public var suggestion: String?

    public init(rule: DomainRule, kind: Kind, message: String, suggestion: String? = nil) {
        self.rule = rule
        self.kind = kind
        self.message = message
        self.suggestion = suggestion
    }

    public var description: String { "\(message) [\(rule.rawValue)]" }
}
