extension RecordWriter {
    /// Agreement `index`: a founding partnership agreement of cluster `index` (when the cluster
    /// names it) or a cooperation agreement, with parties, nested signatories and scope.
    func agreement(_ index: Int, edit editVariant: Int? = nil) -> String {
        var random = plan.random(.agreement, index)
        var edit = editVariant.map { plan.random(.edit, index, variant: $0) }
        let clusterIndex = index % plan.clusters
        let cluster = plan.cluster(clusterIndex)
        let founding = plan.foundingAgreement(ofCluster: index) == index && index < plan.clusters
        let region = Vocabulary.regions[cluster.region]
        var out = YAMLText()
        out.line(0, Self.modeline["agreements"]!)
        out.field(0, "id", plan.agreementID(index))
        out.open(0, "title")
        out.field(2, "pl", founding ? "Umowa partnerstwa \(cluster.name)" : "Porozumienie o współpracy z \(cluster.name)")
        out.field(0, "agreement_type", founding ? "partnership-agreement" : random.pick(["memorandum", "inter-cluster-cooperation", "letter-of-intent"]))
        out.field(0, "status", edit == nil ? "signed" : edit!.pick(["in-force", "expired", "unknown"]))
        let signed = founding ? cluster.founded : cluster.founded + 30 + index % 900
        out.quoted(0, "signed_on", Calendar.date(signed))
        out.open(0, "place")
        out.field(2, "city", region.cities[random.below(region.cities.count)])
        out.field(2, "region", region.code)
        out.field(2, "country", "PL")
        out.open(0, "parties")
        out.line(2, "- ref: cluster:\(cluster.id)")
        out.field(4, "role", founding ? "party" : random.pick(["party", "umbrella"]))
        var party = clusterIndex
        var count = 0
        while party < plan.referencedMembers, count < random.between(2...6) {
            out.line(2, "- ref: member:\(plan.member(party).id)")
            out.field(4, "role", plan.coordinator(ofCluster: clusterIndex) == party ? "coordinator" : "party")
            if random.chance(60) {
                out.open(4, "signatories")
                person(&out, 6, &random, organisations: ["member:\(plan.member(party).id)"])
            }
            party += plan.clusters
            count += 1
        }
        out.line(0, "parties_complete: \(random.chance(50) ? "true" : "false")")
        if founding { out.field(0, "establishes", cluster.id) }
        out.open(0, "purpose")
        out.folded(2, "pl", prose(&random, bytes: random.between(200...700), edit: &edit))
        let scope = random.sample(Vocabulary.scopes, random.between(2...8))
        out.open(0, "scope")
        for item in scope { out.item(2, item) }
        out.open(0, "scope_text")
        out.open(2, "pl")
        for _ in 0..<random.between(1...4) { out.item(4, Prose.sentence(&random)) }
        out.quoted(0, "valid_from", Calendar.date(signed))
        if random.chance(50) { out.quoted(0, "valid_until", Calendar.date(signed + random.between(365...3650))) }
        out.field(0, "confidence", random.pick(["high", "medium", "low"]))
        sources(&out, &random)
        return out.text
    }
}
