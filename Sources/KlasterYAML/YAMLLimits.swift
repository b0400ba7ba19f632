/// The hard limits a document must stay within; past them reading stops with an error.
///
/// They bound the time and memory a hostile or broken file can cost: a file nested 100,000 deep
/// or a "billion laughs" of aliases is rejected after reading only as much as it takes to see it.
public struct YAMLLimits: Hashable, Sendable {
    /// The deepest nesting of collections allowed.
    public var maxDepth: Int
    /// How many nodes aliases may expand to in one document, all aliases together.
    public var maxAliasExpansion: Int
    /// The largest file, in bytes.
    public var maxFileSize: Int

    public init(maxDepth: Int = 64, maxAliasExpansion: Int = 10_000, maxFileSize: Int = 8 << 20) {
        self.maxDepth = maxDepth
        self.maxAliasExpansion = maxAliasExpansion
        self.maxFileSize = maxFileSize
    }

    public static let `default` = YAMLLimits()
}
