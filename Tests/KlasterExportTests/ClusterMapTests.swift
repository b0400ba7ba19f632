import Foundation
@testable import KlasterExport
import KlasterModel
import KlasterStore
import Testing

/// The site's picture shows, in each column, the `limit` best-connected records: the most
/// connected first, ties by kind and id, exactly as sorting them all and taking the first would.
@Suite struct ClusterMapTests {
    @Test(arguments: [0, 1, 2, 3, 5, 8, 1000])
    func eachColumnShowsTheBestConnectedRecords(limit: Int) throws {
        let dir = try TempFolder()
        _ = try dir.copySamples()
        // Members and agreements enough for columns longer than the limits, with ties.
        let clusterIDs = ["okip", "pikmed", "cluster-55", "klaster-for-africa", "slaski-klaster-lotniczy"]
        for i in 0..<40 {
            let memberships = (0..<(i % 4)).map { "  - cluster: \(clusterIDs[(i + $0) % clusterIDs.count])\n" }.joined()
            try dir.write(
                "store/members/m\(String(i, radix: 7)).yaml",
                "id: m\(String(i, radix: 7))\nname:\n  pl: M \(i)\norg_type: company\ncountry: PL\n"
                    + (memberships.isEmpty ? "" : "memberships:\n" + memberships)
            )
        }
        for i in 0..<12 {
            let parties = (0..<(1 + i % 3)).map { "  - ref: member:m\(String(i * 3 + $0, radix: 7))\n" }.joined()
            try dir.write(
                "store/agreements/a\(i).yaml",
                "id: a\(i)\ntitle:\n  pl: A \(i)\nagreement_type: partnership\nparties:\n" + parties
            )
        }
        let dataset = try ExportDataset.load(from: Store.open(at: dir.path + "/store")).dataset
        var dates: [(key: RecordKey, date: String)] = []
        var kept: [RecordKind: [PackedRecord]]? = nil
        let links = try SiteLinks(dataset, dates: &dates, kept: &kept) { _ in }

        // What the picture connects, worked out here on its own.
        var degree: [RecordKey: Int] = [:]
        var lines: [(RecordKey, RecordKey)] = []
        var members: Set<RecordKey> = []
        var agreements: Set<RecordKey> = []
        for (number, list) in links.outgoing.enumerated() {
            let from = links.keys[number]
            for link in list {
                let to = links.keys[Int(link.to)]
                let field = links.fields[Int(link.field)]
                if from.kind == .members, to.kind == .clusters, field == "memberships" {
                    degree[from, default: 0] += 1
                    degree[to, default: 0] += 1
                    members.insert(from)
                    lines.append((from, to))
                } else if from.kind == .agreements, field == "parties", to.kind == .clusters || to.kind == .members {
                    degree[from, default: 0] += 1
                    degree[to, default: 0] += 1
                    agreements.insert(from)
                    lines.append((to, from))
                    if to.kind == .members { members.insert(to) }
                }
            }
        }
        let clusters = links.keys.filter { $0.kind == .clusters }
        func best(_ keys: some Collection<RecordKey>) -> Set<RecordKey> {
            Set(
                keys.sorted { a, b in
                    (degree[a] ?? 0) != (degree[b] ?? 0) ? (degree[a] ?? 0) > (degree[b] ?? 0) : a < b
                }.prefix(limit)
            )
        }
        #expect(members.count > 30 && agreements.count > 12 && clusters.count > 8)

        let map = ClusterMap(links: links, limit: limit)
        func shown(_ kind: RecordKind) -> Set<RecordKey> { Set(map.nodes.filter { $0.key.kind == kind }.map(\.key)) }
        #expect(shown(.members) == best(members))
        #expect(shown(.clusters) == best(clusters))
        #expect(shown(.agreements) == best(agreements))
        #expect(map.nodes.count == min(limit, members.count) + min(limit, clusters.count) + min(limit, agreements.count))
        // A line for each membership and each party between two records the picture shows.
        let all = shown(.members).union(shown(.clusters)).union(shown(.agreements))
        #expect(map.edges.count == lines.filter { all.contains($0.0) && all.contains($0.1) }.count)
        #expect(
            map.hidden == max(0, members.count - limit) + max(0, clusters.count - limit) + max(0, agreements.count - limit)
        )
    }
}
