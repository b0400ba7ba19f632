import KlasterModel
import KlasterTemplates

/// The site's picture: members on the left, clusters in the middle, agreements on the right;
/// a line from each member to each cluster it belongs to, and from each party to each
/// agreement it signed. Laid out in three columns, members and agreements ordered by the mean
/// place of what they connect to (fewer crossings), all of it deterministic.
///
/// A large store shows the `limit` best-connected records of each column and says so.
struct ClusterMap {
    struct Node {
        var key: RecordKey
        var x: Int
        var y: Int
        var label: String
        var name: String
    }

    struct Edge {
        var path: String
        var kind: String
    }

    var nodes: [Node] = []
    var edges: [Edge] = []
    var width = 960
    var height = 0
    /// How many records of each column are not shown.
    var hidden = 0

    static let rowHeight = 26
    static let top = 40
    static let memberX = 300
    static let clusterLeft = 370
    static let clusterWidth = 220
    static let agreementX = 660

    init(links: SiteLinks, limit: Int = 120) {
        var memberships: [(member: RecordKey, cluster: RecordKey)] = []
        var parties: [(party: RecordKey, agreement: RecordKey)] = []
        for (number, list) in links.outgoing.enumerated() {
            let from = links.keys[number]
            for link in list {
                let to = links.keys[Int(link.to)]
                let field = links.fields[Int(link.field)]
                if from.kind == .members, to.kind == .clusters, field == "memberships" {
                    memberships.append((from, to))
                } else if from.kind == .agreements, field == "parties", to.kind == .clusters || to.kind == .members {
                    parties.append((to, from))
                }
            }
        }
        var degree: [RecordKey: Int] = [:]
        for m in memberships { degree[m.member, default: 0] += 1; degree[m.cluster, default: 0] += 1 }
        for p in parties { degree[p.party, default: 0] += 1; degree[p.agreement, default: 0] += 1 }
        let allClusters = links.keys.filter { $0.kind == .clusters }
        let allMembers = Set(memberships.map(\.member) + parties.map(\.party).filter { $0.kind == .members })
        let allAgreements = Set(parties.map(\.agreement))
        func top(_ keys: some Collection<RecordKey>) -> [RecordKey] {
            // The most connected first, then by key; each key's degree looked up once. Only the
            // first `limit` are kept in order as the keys go by: most are rejected by one
            // comparison with the last kept, instead of a sort of them all.
            func before(_ a: (key: RecordKey, degree: Int), _ b: (key: RecordKey, degree: Int)) -> Bool {
                a.degree != b.degree ? a.degree > b.degree : a.key < b.key
            }
            var kept: [(key: RecordKey, degree: Int)] = []
            kept.reserveCapacity(limit + 1)
            for key in keys {
                let entry = (key: key, degree: degree[key] ?? 0)
                if kept.count == limit {
                    guard let last = kept.last, before(entry, last) else { continue }
                    kept.removeLast()
                }
                var at = kept.count
                while at > 0, before(entry, kept[at - 1]) { at -= 1 }
                kept.insert(entry, at: at)
            }
            return kept.map(\.key)
        }
        let clusters = top(allClusters).sorted()
        hidden = max(0, allClusters.count - limit) + max(0, allMembers.count - limit) + max(0, allAgreements.count - limit)
        var clusterRow: [RecordKey: Int] = [:]
        for (i, key) in clusters.enumerated() { clusterRow[key] = i }
        func ordered(_ keys: [RecordKey], neighbours: [RecordKey: [RecordKey]]) -> [RecordKey] {
            func mean(_ key: RecordKey) -> Double {
                let rows = (neighbours[key] ?? []).compactMap { clusterRow[$0] }
                return rows.isEmpty ? Double(clusters.count) : Double(rows.reduce(0, +)) / Double(rows.count)
            }
            let means = keys.map { (key: $0, mean: mean($0)) }
            return means.sorted { a, b in a.mean != b.mean ? a.mean < b.mean : a.key < b.key }.map(\.key)
        }
        var memberNeighbours: [RecordKey: [RecordKey]] = [:]
        for m in memberships { memberNeighbours[m.member, default: []].append(m.cluster) }
        var agreementNeighbours: [RecordKey: [RecordKey]] = [:]
        for p in parties { agreementNeighbours[p.agreement, default: []].append(p.party) }
        let members = ordered(top(allMembers), neighbours: memberNeighbours)
        let agreements = ordered(top(allAgreements), neighbours: agreementNeighbours)

        let rows = max(clusters.count, members.count, agreements.count, 1)
        height = Self.top + rows * Self.rowHeight + 10
        func y(_ index: Int, of count: Int) -> Int {
            Self.top + (rows - count) * Self.rowHeight / 2 + index * Self.rowHeight + Self.rowHeight / 2
        }
        var place: [RecordKey: (x: Int, y: Int)] = [:]
        for (i, key) in members.enumerated() {
            place[key] = (Self.memberX, y(i, of: members.count))
            nodes.append(node(key, x: Self.memberX, y: y(i, of: members.count), links: links, limit: 40))
        }
        for (i, key) in clusters.enumerated() {
            place[key] = (Self.clusterLeft, y(i, of: clusters.count))
            nodes.append(node(key, x: Self.clusterLeft, y: y(i, of: clusters.count), links: links, limit: 30))
        }
        for (i, key) in agreements.enumerated() {
            place[key] = (Self.agreementX, y(i, of: agreements.count))
            nodes.append(node(key, x: Self.agreementX, y: y(i, of: agreements.count), links: links, limit: 40))
        }
        // Only the lines between records in the picture are drawn: those are sorted, not all.
        let shownMemberships = memberships.filter { place[$0.member] != nil && place[$0.cluster] != nil }
        for m in shownMemberships.sorted(by: { ($0.member, $0.cluster) < ($1.member, $1.cluster) }) {
            guard let a = place[m.member], let b = place[m.cluster] else { continue }
            edges.append(Edge(path: Self.curve(from: (a.x + 6, a.y), to: (b.x, b.y)), kind: "membership"))
        }
        let shownParties = parties.filter { place[$0.party] != nil && place[$0.agreement] != nil }
        for p in shownParties.sorted(by: { ($0.agreement, $0.party) < ($1.agreement, $1.party) }) {
            guard let a = place[p.party], let b = place[p.agreement] else { continue }
            let start = p.party.kind == .clusters ? (a.x + Self.clusterWidth, a.y) : (a.x + 6, a.y)
            edges.append(Edge(path: Self.curve(from: start, to: (b.x - 6, b.y)), kind: "signed"))
        }
    }

    private func node(_ key: RecordKey, x: Int, y: Int, links: SiteLinks, limit: Int) -> Node {
        let name = links.name(key) ?? key.id
        return Node(key: key, x: x, y: y, label: SiteText.short(name, limit), name: name)
    }

    private static func curve(from a: (Int, Int), to b: (Int, Int)) -> String {
        let mid = (a.0 + b.0) / 2
        return "M\(a.0) \(a.1)C\(mid) \(a.1) \(mid) \(b.1) \(b.0) \(b.1)"
    }

    /// The context of the `map` template, for a page at the site root.
    var context: [String: TemplateValue] {
        [
            "width": .int(width), "height": .int(height),
            "hidden": .int(hidden), "hasHidden": .bool(hidden > 0),
            "headings": [
                ["x": .int(Self.memberX), "anchor": "end", "text": "Members"],
                ["x": .int(Self.clusterLeft + Self.clusterWidth / 2), "anchor": "middle", "text": "Clusters"],
                ["x": .int(Self.agreementX), "anchor": "start", "text": "Agreements"],
            ],
            "edges": .list(edges.map { ["d": .text($0.path), "kind": .text($0.kind)] }),
            "members": .list(nodes.filter { $0.key.kind == .members }.map { n in nodeContext(n, textX: n.x - 10, anchor: "end") }),
            "clusters": .list(
                nodes.filter { $0.key.kind == .clusters }.map { n in
                    nodeContext(n, textX: n.x + Self.clusterWidth / 2, anchor: "middle")
                }
            ),
            "agreements": .list(
                nodes.filter { $0.key.kind == .agreements }.map { n in nodeContext(n, textX: n.x + 10, anchor: "start") }
            ),
            "clusterWidth": .int(Self.clusterWidth),
        ]
    }

    private func nodeContext(_ node: Node, textX: Int, anchor: String) -> TemplateValue {
        [
            "href": .text(node.key.page), "x": .int(node.x), "y": .int(node.y), "textX": .int(textX), "textY": .int(node.y + 4),
            "rectY": .int(node.y - 10), "anchor": .text(anchor), "label": .text(node.label), "name": .text(node.name),
        ]
    }
}
