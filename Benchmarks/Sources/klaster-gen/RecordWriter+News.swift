extension RecordWriter {
    /// News `index`: a 1-3 KB article summary in Polish and English, references, people, events.
    func news(_ index: Int, edit editVariant: Int? = nil) -> String {
        var random = plan.random(.newsRecord, index)
        var edit = editVariant.map { plan.random(.edit, index, variant: $0) }
        let id = plan.newsID(index)
        let cluster = random.below(plan.clusters)
        let clusterFacts = plan.cluster(cluster)
        let published = plan.newsDate(index)
        var out = YAMLText()
        out.line(0, Self.modeline["news"]!)
        out.field(0, "id", id)
        var headRandom = plan.random(.newsFacts, index, variant: 1)
        out.field(0, "title", "\(headRandom.pick(Vocabulary.newsHeads)): \(clusterFacts.name)")
        out.field(0, "lang", "pl")
        let publisher = random.pick(Vocabulary.publishers)
        out.field(0, "url", "https://www.\(publisher)/aktualnosci/\(id)")
        out.field(0, "publisher", publisher)
        out.quoted(0, "published", Calendar.date(published))
        if edit != nil { out.quoted(0, "modified", Calendar.date(published + edit!.between(1...400))) }
        out.open(0, "authors")
        out.item(2, plan.person(random.below(plan.people)).name)
        out.open(0, "summary")
        out.folded(2, "pl", prose(&random, bytes: random.between(300...1100), edit: &edit))
        out.folded(2, "en", Prose.english(&random, bytes: random.between(150...500)))
        var about = ["cluster:\(clusterFacts.id)"]
        if random.chance(60) { about.append("member:\(plan.member(random.below(plan.referencedMembers)).id)") }
        if random.chance(40) { about.append("agreement:\(plan.agreementID(random.below(plan.referencedAgreements)))") }
        out.open(0, "about")
        for item in about.uniqued() { out.item(2, item) }
        if random.chance(50) {
            people(&out, 0, &random, count: random.between(1...2), organisations: ["cluster:\(clusterFacts.id)"])
        }
        if random.chance(50) {
            out.open(0, "events")
            for number in 0..<random.between(1...3) {
                out.line(2, "- id: wydarzenie-\(number + 1)")
                out.open(4, "name")
                out.field(6, "pl", "\(random.pick(Vocabulary.newsHeads)) \(2005 + published / 365)")
                out.field(4, "event_type", random.pick(Vocabulary.eventTypes))
                out.field(4, "status", "held")
                let start = max(0, published - random.between(0...60))
                out.quoted(4, "start", Calendar.date(start))
                out.quoted(4, "end", Calendar.date(start + random.between(0...3)))
                out.open(4, "places")
                if random.chance(50) {
                    let place = random.pick(Vocabulary.foreignCities)
                    out.line(6, "- city: \(place.city)")
                    out.field(8, "country", place.country)
                } else {
                    let region = Vocabulary.regions[clusterFacts.region]
                    out.line(6, "- city: \(random.pick(region.cities))")
                    out.field(8, "region", region.code)
                    out.field(8, "country", "PL")
                }
                out.open(4, "participants")
                out.item(6, "cluster:\(clusterFacts.id)")
                if random.chance(50) {
                    out.open(4, "note")
                    out.folded(6, "pl", Prose.polish(&random, bytes: random.between(60...200)))
                }
            }
        }
        out.flow(0, "regions", [Vocabulary.regions[clusterFacts.region].code])
        tags(&out, [Vocabulary.themes[clusterFacts.theme].tag], &random, edit: &edit)
        return out.text
    }
}
