extension RecordWriter {
    /// Member `index`: registry numbers, address, memberships (the coordinator's first), people.
    func member(_ index: Int, edit editVariant: Int? = nil) -> String {
        let facts = plan.member(index)
        var random = plan.random(.member, index)
        var edit = editVariant.map { plan.random(.edit, index, variant: $0) }
        let org = Vocabulary.orgKinds[facts.kind]
        let region = Vocabulary.regions[facts.region]
        var out = YAMLText()
        out.line(0, Self.modeline["members"]!)
        out.field(0, "id", facts.id)
        out.open(0, "name")
        out.field(2, "pl", facts.name)
        if facts.name != facts.shortName { out.field(0, "short_name", String(facts.shortName.prefix(60))) }
        out.field(0, "org_type", org.type)
        if let legal = org.legal { out.field(0, "legal_form", legal) }
        if index >= plan.referencedMembers, plan.referencedMembers > 0, random.chance(10) {
            out.field(0, "parent", plan.member(random.below(plan.referencedMembers)).id)
        }
        out.field(0, "country", "PL")
        out.field(0, "region", region.code)
        out.field(0, "city", edit == nil ? facts.city : edit!.pick(region.cities))
        address(&out, region: facts.region, city: facts.city, &random)
        if org.type != "public-body" { identifiers(&out, number: index, &random) }
        out.field(0, "website", "https://\(Self.domain(facts.id))")
        if random.chance(60) { out.field(0, "email", "kontakt@\(Self.domain(facts.id))") }
        if random.chance(50) { out.field(0, "phone", "+48\(random.between(12...99))\(random.between(1_000_000...9_999_999))") }
        out.open(0, "description")
        out.folded(2, "pl", prose(&random, bytes: random.between(150...500), edit: &edit))
        let clusters = plan.memberships(ofMember: index)
        out.flow(0, "sectors", clusters.map { Vocabulary.themes[plan.cluster($0).theme].nace }.uniqued())
        tags(&out, [], &random, edit: &edit)
        out.open(0, "memberships")
        for (position, cluster) in clusters.enumerated() {
            let clusterFacts = plan.cluster(cluster)
            out.line(2, "- cluster: \(clusterFacts.id)")
            var roles: [String]
            if position == 0, plan.coordinator(ofCluster: cluster) == index {
                roles = random.chance(50) ? ["coordinator", "founding-member"] : [random.pick(["coordinator", "administrator"])]
            } else {
                roles = random.sample(Vocabulary.membershipRoles, random.between(1...2))
            }
            out.flow(4, "roles", roles)
            let since = clusterFacts.founded + random.between(0...2000)
            out.quoted(4, "since", Calendar.date(since))
            if position > 0, random.chance(15) { out.quoted(4, "until", Calendar.date(since + random.between(1...3000))) }
            if position == 0, let agreement = plan.foundingAgreement(ofCluster: cluster) {
                out.field(4, "agreement", plan.agreementID(agreement))
            }
            if random.chance(40) {
                out.open(4, "note")
                out.folded(6, "pl", Prose.polish(&random, bytes: random.between(80...300)))
            }
        }
        if random.chance(60) {
            people(&out, 0, &random, count: random.between(1...2), organisations: ["member:\(facts.id)"])
        }
        sources(&out, &random)
        return out.text
    }
}

extension Array where Element: Hashable {
    func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
