/// Writes the text of each generated record. `edit`, when given, is the random stream of an edit
/// made to the record in "the other copy": the record is written the same, except that one prose
/// text gains a sentence, one scalar changes and one tag is added.
struct RecordWriter {
    let plan: StorePlan

    static let modeline = [
        "clusters": "# yaml-language-server: $schema=../schemas/clusters.schema.json",
        "members": "# yaml-language-server: $schema=../schemas/members.schema.json",
        "agreements": "# yaml-language-server: $schema=../schemas/agreements.schema.json",
        "news": "# yaml-language-server: $schema=../schemas/news.schema.json",
    ]

    // MARK: Shared pieces

    /// A host name for a record id: its words up to 50 characters, then the id's number (DNS
    /// labels have at most 63 characters).
    static func domain(_ id: String) -> String {
        let words = id.split(separator: "-")
        var label = ""
        for word in words.dropLast() where label.count + word.count < 50 {
            label += (label.isEmpty ? "" : "-") + word
        }
        return "\(label)-\(words.last ?? "0").pl"
    }

    /// A person block (`people:` item or signatory) whose positions are held in `organisations`.
    func person(_ out: inout YAMLText, _ indent: Int, _ random: inout SeededRandom, organisations: [String]) {
        let who = plan.person(random.below(plan.people))
        out.line(indent, "- id: \(who.id)")
        out.field(indent + 2, "name", who.name)
        guard !organisations.isEmpty else { return }
        out.open(indent + 2, "positions")
        let roles = random.sample(Vocabulary.positionRoles, min(organisations.count, 2))
        for (role, organisation) in zip(roles, organisations) {
            out.line(indent + 4, "- role: \(role)")
            out.open(indent + 6, "title")
            out.field(indent + 8, "pl", Vocabulary.positionTitles[role] ?? role)
            out.field(indent + 6, "organisation", organisation)
            if random.chance(30) {
                let since = random.between(0...5000)
                out.quoted(indent + 6, "since", Calendar.date(since))
                if random.chance(40) { out.quoted(indent + 6, "until", Calendar.date(since + random.between(30...2000))) }
            }
        }
    }

    /// People with distinct slugs.
    func people(_ out: inout YAMLText, _ indent: Int, _ random: inout SeededRandom, count: Int, organisations: [String]) {
        guard count > 0 else { return }
        out.open(indent, "people")
        var seen: Set<Int> = []
        for _ in 0..<count {
            let pick = random.below(plan.people)
            guard seen.insert(pick).inserted else { continue }
            var personRandom = SeededRandom(seed: random.next())
            // The pool index decides the name; the stream decides roles and dates.
            out.line(indent, "- id: \(plan.person(pick).id)")
            out.field(indent + 2, "name", plan.person(pick).name)
            out.open(indent + 2, "positions")
            let roles = personRandom.sample(Vocabulary.positionRoles, min(organisations.count, 2))
            for (role, organisation) in zip(roles, organisations) {
                out.line(indent + 4, "- role: \(role)")
                out.open(indent + 6, "title")
                out.field(indent + 8, "pl", Vocabulary.positionTitles[role] ?? role)
                out.field(indent + 6, "organisation", organisation)
            }
        }
    }

    /// `sources:` with one to three distinct entries: news of the store and web pages.
    func sources(_ out: inout YAMLText, _ random: inout SeededRandom) {
        out.open(0, "sources")
        var used: Set<Int> = []
        for _ in 0..<random.between(1...2) {
            let news = random.below(plan.referencedNews)
            if used.insert(news).inserted { out.line(2, "- news: \(plan.newsID(news))") }
        }
        if random.chance(50) {
            let publisher = random.pick(Vocabulary.publishers)
            out.line(2, "- url: https://www.\(publisher)/artykul/\(random.between(1000...999_999))")
            out.field(4, "publisher", publisher)
            out.field(4, "lang", "pl")
            out.quoted(4, "retrieved", Calendar.date(random.between(6000...7600)))
        }
    }

    func address(_ out: inout YAMLText, region: Int, city: String, _ random: inout SeededRandom) {
        let place = Vocabulary.regions[region]
        out.open(0, "address")
        out.field(2, "street", "\(random.pick(Vocabulary.streets)) \(random.between(1...180))")
        out.quoted(2, "postal_code", "\(place.postcode)\(random.between(0...9))-\(String(random.between(100...999)))")
        out.field(2, "city", city)
        out.field(2, "region", place.code)
        out.field(2, "country", "PL")
    }

    func identifiers(_ out: inout YAMLText, number: Int, _ random: inout SeededRandom) {
        out.open(0, "identifiers")
        let nip = Identifiers.nip(number)
        out.quoted(2, "nip", nip)
        out.quoted(2, "regon", Identifiers.regon(number))
        if random.chance(60) { out.quoted(2, "krs", Identifiers.krs(number)) }
        if random.chance(40) { out.quoted(2, "vat_eu", "PL" + nip) }
    }

    /// Tags: distinct slugs, plus one more when edited.
    func tags(_ out: inout YAMLText, _ base: [String], _ random: inout SeededRandom, edit: inout SeededRandom?) {
        var tags = base
        for tag in random.sample(Vocabulary.extraTags, random.between(0...3)) where !tags.contains(tag) {
            tags.append(tag)
        }
        if edit != nil {
            let extra = "zmiana-\(edit!.between(1...99_999))"
            if !tags.contains(extra) { tags.append(extra) }
        }
        guard !tags.isEmpty else { return }
        out.flow(0, "tags", tags)
    }

    /// Prose, one sentence longer when edited.
    func prose(_ random: inout SeededRandom, bytes: Int, edit: inout SeededRandom?) -> String {
        let text = Prose.polish(&random, bytes: bytes)
        guard edit != nil else { return text }
        return text + " " + Prose.sentence(&edit!)
    }
}
