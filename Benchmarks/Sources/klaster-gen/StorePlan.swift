/// The shape of a generated store of `total` records: how many of each kind, their ids, and the
/// facts several records share (a cluster's founding date, a member's name, a person's name), all
/// pure functions of the seed and an index, so any record can be written alone.
///
/// Only the lower part of each kind is ever referenced (members below `referencedMembers`, news
/// below `referencedNews`, agreements below `referencedAgreements`), so records above can be
/// deleted from a copy without leaving references dangling. Clusters are never deleted.
struct StorePlan: Sendable {
    let seed: UInt64
    let clusters: Int
    let members: Int
    let agreements: Int
    let news: Int

    init(total: Int, seed: UInt64) {
        self.seed = seed
        clusters = max(1, total / 10)
        agreements = max(1, total / 10)
        members = max(1, total * 6 / 10)
        news = max(1, total - clusters - agreements - members)
    }

    var total: Int { clusters + members + agreements + news }
    var referencedMembers: Int { min(members, max(clusters, members / 2)) }
    var referencedNews: Int { max(1, (news + 1) / 2) }
    var referencedAgreements: Int { max(1, (agreements + 1) / 2) }

    enum Stream: UInt64 {
        case clusterFacts = 1, memberFacts, agreementFacts, newsFacts, person
        case cluster = 11, member, agreement, newsRecord
        case edit = 21, added
    }

    func random(_ stream: Stream, _ index: Int, variant: Int = 0) -> SeededRandom {
        SeededRandom(seed: seed, stream: stream.rawValue, index: index, variant: variant)
    }

    // MARK: Clusters

    struct ClusterFacts {
        let name: String
        let id: String
        let region: Int
        let theme: Int
        let founded: Int
    }

    func cluster(_ index: Int) -> ClusterFacts {
        var random = random(.clusterFacts, index)
        let region = random.below(Vocabulary.regions.count)
        let theme = random.below(Vocabulary.themes.count)
        let noun = random.pick(Vocabulary.clusterNouns)
        let name = "\(Vocabulary.regions[region].adjective) \(noun) \(Vocabulary.themes[theme].adjective)"
        let founded = random.between(0...7000)
        return ClusterFacts(name: name, id: "\(Slug.of(name))-\(index)", region: region, theme: theme, founded: founded)
    }

    /// The agreement that founded cluster `index`, when there is one.
    func foundingAgreement(ofCluster index: Int) -> Int? {
        index < referencedAgreements && index < agreements ? index : nil
    }

    /// The member that coordinates cluster `index`, when there is one.
    func coordinator(ofCluster index: Int) -> Int? {
        index < referencedMembers ? index : nil
    }

    // MARK: Members

    struct MemberFacts {
        let name: String
        let shortName: String
        let id: String
        let kind: Int
        let region: Int
        let city: String
    }

    func member(_ index: Int) -> MemberFacts {
        var random = random(.memberFacts, index)
        let kind = random.below(Vocabulary.orgKinds.count)
        let region = random.below(Vocabulary.regions.count)
        let city = random.pick(Vocabulary.regions[region].cities)
        let field = random.pick(Vocabulary.fields)
        let surname = random.pick(Vocabulary.lastNames)
        let org = Vocabulary.orgKinds[kind]
        let short: String
        let name: String
        switch org.type {
        case "company":
            short = "\(org.prefix) \(field) „\(surname)”"
            name = "\(short) \(org.suffix)"
        case "public-body":
            short = "\(org.prefix) \(city)"
            name = short
        default:
            short = "\(org.prefix) \(field) w mieście \(city)"
            name = short
        }
        return MemberFacts(name: name, shortName: short, id: "\(Slug.of(short))-\(index)", kind: kind, region: region, city: city)
    }

    /// The clusters member `index` belongs to; the first is its primary cluster.
    func memberships(ofMember index: Int) -> [Int] {
        var random = random(.memberFacts, index, variant: 1)
        var chosen = [index % clusters]
        let extra = clusters > 1 ? random.between(0...2) : 0
        for _ in 0..<extra {
            let candidate = random.below(clusters)
            if !chosen.contains(candidate) { chosen.append(candidate) }
        }
        return chosen
    }

    // MARK: Agreements and news

    func agreementID(_ index: Int) -> String {
        let cluster = cluster(index % clusters)
        let date = Calendar.date(cluster.founded + (index < clusters ? 0 : 30 + index % 900))
        let kind = foundingAgreement(ofCluster: index) != nil ? "umowa-partnerstwa" : "porozumienie-o-wspolpracy"
        return "\(date)-\(kind)-\(String(cluster.id.prefix(50)).trimmingHyphens())-\(index)"
    }

    func newsDate(_ index: Int) -> Int {
        var random = random(.newsFacts, index)
        return random.between(0...7300)
    }

    func newsID(_ index: Int) -> String {
        var random = random(.newsFacts, index, variant: 1)
        let head = random.pick(Vocabulary.newsHeads)
        return "\(Calendar.date(newsDate(index)))-\(Slug.of(head))-\(index)"
    }

    // MARK: People

    /// Person `index` of a pool of about three thousand: the same index always has the same name
    /// and slug, as the schemas require of a person named in several records.
    func person(_ index: Int) -> (id: String, name: String) {
        let first = Vocabulary.firstNames[index % Vocabulary.firstNames.count]
        var last = Vocabulary.lastNames[(index / Vocabulary.firstNames.count) % Vocabulary.lastNames.count]
        let female = first.hasSuffix("a")
        if female, last.hasSuffix("ki") { last = String(last.dropLast()) + "a" }
        if !female, last.hasSuffix("ka") { last = String(last.dropLast()) + "i" }
        let name = "\(first) \(last)"
        return (Slug.of(name), name)
    }

    var people: Int { Vocabulary.firstNames.count * Vocabulary.lastNames.count }
}

extension String {
    fileprivate func trimmingHyphens() -> String {
        var text = self
        while text.hasSuffix("-") { text.removeLast() }
        return text
    }
}
