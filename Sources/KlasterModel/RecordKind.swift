/// The four kinds of record a store holds, each in a folder of its own.
public enum RecordKind: String, CaseIterable, Hashable, Sendable, Codable, CustomStringConvertible {
    case clusters, members, agreements, news

    /// The folder under the store root that holds this kind's files.
    public var folder: String { rawValue }

    /// The kind's place in the store's order (clusters, members, agreements, news): listings,
    /// exports and caches order kinds by it.
    public var order: Int {
        switch self {
        case .clusters: 0
        case .members: 1
        case .agreements: 2
        case .news: 3
        }
    }

    /// The singular name used in mixed references (`cluster:okip`) and in messages.
    public var singular: String {
        switch self {
        case .clusters: "cluster"
        case .members: "member"
        case .agreements: "agreement"
        case .news: "news"
        }
    }

    /// Accepts the plural folder name or the singular (`members`, `member`).
    public init?(name: String) {
        // Compared one by one: cheaper than a `switch` over strings, and called per reference.
        if name == "clusters" || name == "cluster" {
            self = .clusters
        } else if name == "members" || name == "member" {
            self = .members
        } else if name == "agreements" || name == "agreement" {
            self = .agreements
        } else if name == "news" {
            self = .news
        } else {
            return nil
        }
    }

    public var description: String { rawValue }
}
