/// Writes record-like YAML files, the same ones for the same seed: Polish names with
/// diacritics, nested lists of mappings, multi-line literal text, ids, dates, quoted identifiers.
struct RecordCorpus {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    private mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    private mutating func pick(_ items: [String]) -> String { items[int(0...(items.count - 1))] }

    private mutating func digits(_ n: Int) -> String { (0..<n).map { _ in String(int(0...9)) }.joined() }

    private mutating func date() -> String {
        "\(int(1995...2025))-" + String(format2: int(1...12)) + "-" + String(format2: int(1...28))
    }

    static let companies = ["Śląskie Zakłady", "Łódzka Fabryka", "Przędzalnia Żyrardów", "Gęślarnia", "Zakład Źródło", "Wytwórnia Ćmielów", "Hurtownia Łąka", "Pracownia Jaźń"]
    static let suffixes = ["sp. z o.o.", "S.A.", "sp. j.", "spółdzielnia"]
    static let firstNames = ["Zofia", "Łukasz", "Małgorzata", "Paweł", "Agnieszka", "Bartłomiej", "Grażyna", "Żaneta", "Jędrzej", "Wiesław"]
    static let lastNames = ["Żółkiewska", "Wiśniewski", "Kołodziej", "Szczęsny", "Gałązka", "Mróz", "Ślusarczyk", "Dąbrowska"]
    static let cities = ["Wrocław", "Łódź", "Kraków", "Gdańsk", "Poznań", "Białystok", "Zielona Góra", "Bielsko-Biała"]
    static let streets = ["ul. Piękna", "ul. Źródlana", "al. Niepodległości", "ul. Świętokrzyska", "pl. Grunwaldzki"]
    static let clusters = ["okip", "silesia-automotive", "lodz-textile", "baltic-ict", "green-energy"]
    static let roles = ["member", "board", "founder", "auditor", "coordinator"]
    static let tags = ["przemysł", "IT", "energia", "tekstylia", "logistyka", "B+R", "eksport"]
    static let sentences = [
        "Firma działa na rynku od ponad dwudziestu lat i zatrudnia specjalistów z regionu.",
        "Specjalizuje się w produkcji komponentów dla przemysłu motoryzacyjnego.",
        "Współpracuje z uczelniami technicznymi przy projektach badawczo-rozwojowych.",
        "Zakład posiada certyfikaty ISO 9001 oraz ISO 14001.",
        "Eksportuje do Niemiec, Czech, Słowacji i krajów skandynawskich.",
        "W 2021 roku uruchomiono nową linię produkcyjną: 12 000 m² hali.",
    ]

    mutating func record(index: Int) -> String {
        let company = pick(Self.companies)
        var text = "# yaml-language-server: $schema=../schemas/member.json\n"
        text += "id: member-\(index)\n"
        text += "name: \(company) \(pick(Self.suffixes))\n"
        if int(0...1) == 0 { text += "shortName: \"\(company.split(separator: " ").last ?? "")\"\n" }
        text += "krs: '\(digits(10))'\n"
        text += "nip: \"\(digits(3))-\(digits(3))-\(digits(2))-\(digits(2))\"\n"
        text += "founded: \(date())\n"
        text += "employees: \(int(3...2500))\n"
        text += "active: \(int(0...4) == 0 ? "false" : "true")\n"
        if int(0...2) > 0 { text += "website: https://member-\(index).example.pl/\n" }
        text += "address:\n"
        text += "  street: \(pick(Self.streets)) \(int(1...120))\n"
        text += "  city: \(pick(Self.cities))\n"
        text += "  postalCode: \"\(digits(2))-\(digits(3))\"\n"
        text += "  country: PL\n"
        text += "contacts:\n"
        for _ in 0..<int(2...6) {
            let first = pick(Self.firstNames)
            let last = pick(Self.lastNames)
            text += "  - name: \(first) \(last)\n"
            text += "    role: \(pick(["prezes zarządu", "dyrektor", "koordynator", "księgowa"]))\n"
            text += "    email: \(first.lowercased()).\(int(1...99))@member-\(index).example.pl\n"
            if int(0...1) == 0 { text += "    phone: '+48 \(digits(3)) \(digits(3)) \(digits(3))'\n" }
        }
        text += "memberships:\n"
        for _ in 0..<int(1...6) {
            text += "  - cluster: \(pick(Self.clusters))\n"
            text += "    since: \(date())\n"
            if int(0...3) == 0 { text += "    until: \(date())\n" }
            text += "    roles: [\(pick(Self.roles)), \(pick(Self.roles))]\n"
            if int(0...1) == 0 { text += "    fee: \(int(100...5000)).\(int(0...9))\n" }
        }
        text += "tags: [\((0..<int(1...4)).map { _ in pick(Self.tags) }.joined(separator: ", "))]\n"
        text += "description: |\n"
        for _ in 0..<int(6...16) { text += "  " + pick(Self.sentences) + "\n" }
        return text
    }
}

extension String {
    init(format2 value: Int) {
        self = value < 10 ? "0\(value)" : "\(value)"
    }
}
