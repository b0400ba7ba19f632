import Foundation

extension RecordWriter {
    /// Cluster `index`: coordinator, founding agreement, people, affiliations, labels, projects.
    func cluster(_ index: Int, edit editVariant: Int? = nil) -> String {
        let facts = plan.cluster(index)
        var random = plan.random(.cluster, index)
        var edit = editVariant.map { plan.random(.edit, index, variant: $0) }
        let region = Vocabulary.regions[facts.region]
        let theme = Vocabulary.themes[facts.theme]
        var out = YAMLText()
        out.line(0, Self.modeline["clusters"]!)
        out.field(0, "id", facts.id)
        out.open(0, "name")
        out.field(2, "pl", facts.name)
        if random.chance(40) { out.field(2, "en", "\(theme.adjective) Cluster of \(region.adjective)") }
        out.field(0, "short_name", String(Slug.of(facts.name).split(separator: "-").map { $0.prefix(1).uppercased() }.joined()))
        out.open(0, "aliases")
        out.item(2, "Klaster \(theme.adjective) \(region.cities[0])")
        out.field(0, "cluster_type", random.chance(85) ? "cluster" : random.pick(["umbrella", "network"]))
        let statuses = ["active", "inactive", "unknown"]
        out.field(0, "status", edit == nil ? statuses[random.below(2)] : statuses[edit!.below(3)])
        out.field(0, "country", "PL")
        out.field(0, "region", region.code)
        out.field(0, "city", edit == nil ? random.pick(region.cities) : edit!.pick(region.cities))
        address(&out, region: facts.region, city: region.cities[0], &random)
        out.quoted(0, "founded", Calendar.date(facts.founded))
        if let agreement = plan.foundingAgreement(ofCluster: index) {
            out.field(0, "founding_agreement", plan.agreementID(agreement))
        }
        if let member = plan.coordinator(ofCluster: index) {
            out.field(0, "coordinator", plan.member(member).id)
        }
        out.field(0, "website", "https://www.\(Self.domain(facts.id))")
        out.field(0, "email", "biuro@\(Self.domain(facts.id))")
        out.field(0, "phone", "+48\(random.between(12...99))\(random.between(1_000_000...9_999_999))")
        out.open(0, "description")
        out.folded(2, "pl", prose(&random, bytes: random.between(200...600), edit: &edit))
        out.open(0, "mission")
        out.folded(2, "pl", Prose.polish(&random, bytes: random.between(100...250)))
        out.open(0, "objectives")
        out.open(2, "pl")
        for _ in 0..<random.between(2...5) { out.item(4, Prose.sentence(&random)) }
        out.flow(0, "sectors", [theme.nace])
        out.flow(0, "ecosystems", [theme.ecosystem])
        tags(&out, [theme.tag], &random, edit: &edit)
        people(&out, 0, &random, count: random.between(1...3), organisations: ["cluster:\(facts.id)"])
        if plan.clusters > 1, random.chance(50) {
            out.open(0, "affiliations")
            let other = (index + 1 + random.below(plan.clusters - 1)) % plan.clusters
            out.line(2, "- ref: cluster:\(plan.cluster(other).id)")
            out.flow(4, "relations", [random.pick(["cooperation", "partner", "business-contact"])])
            out.quoted(4, "since", Calendar.date(facts.founded + random.between(0...900)))
        }
        if random.chance(30) {
            out.open(0, "labels")
            out.line(2, "- scheme: esca")
            out.field(4, "level", random.pick(["bronze", "silver", "gold"]))
            out.line(4, "year: \(2012 + random.below(12))")
        }
        if random.chance(50) {
            out.open(0, "projects")
            out.line(2, "- id: projekt-\(facts.id.prefix(40))-\(random.between(1...99))".replacingOccurrences("--", "-"))
            out.open(4, "title")
            out.field(6, "pl", "Rozwój \(facts.name)")
            out.field(4, "programme", "Regionalny Program Operacyjny \(region.adjective.dropLast())ego")
            out.field(4, "fund", "erdf")
            if let member = plan.coordinator(ofCluster: index) { out.field(4, "beneficiary", plan.member(member).id) }
            let start = facts.founded + random.between(100...900)
            out.quoted(4, "start", Calendar.date(start))
            out.quoted(4, "end", Calendar.date(start + random.between(200...1200)))
        }
        sources(&out, &random)
        return out.text
    }
}

extension String {
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        var text = self
        while let range = text.range(of: target) { text.replaceSubrange(range, with: replacement) }
        return text
    }
}
