/// Word lists for generated records: Polish names with diacritics, places, sectors and the
/// building blocks of descriptions and news bodies.
enum Vocabulary {
    static let firstNames = [
        "Joanna", "Bogdan", "Łukasz", "Małgorzata", "Paweł", "Agnieszka", "Michał", "Katarzyna", "Tomasz",
        "Zofia", "Grzegorz", "Anna", "Jędrzej", "Barbara", "Wojciech", "Elżbieta", "Krzysztof", "Jadwiga",
        "Mirosław", "Halina", "Zbigniew", "Urszula", "Przemysław", "Beata", "Sławomir", "Dorota",
        "Bożena", "Andrzej", "Ewelina", "Jarosław", "Aleksandra", "Radosław", "Iwona", "Stanisław",
        "Grażyna", "Maciej", "Bolesław", "Jolanta", "Wiesław", "Teresa", "Ryszard", "Żaneta", "Kazimierz",
        "Ludmiła", "Tadeusz", "Monika", "Dariusz", "Wanda",
    ]
    static let lastNames = [
        "Węgrzynek", "Sochacka", "Kowalczyk", "Wiśniewski", "Wójcik", "Kamińska", "Lewandowski", "Zieliński",
        "Szymańska", "Woźniak", "Dąbrowski", "Kozłowska", "Jankowski", "Mazur", "Kwiatkowska", "Krawczyk",
        "Piotrowski", "Grabowska", "Nowakowski", "Pawłowska", "Michalski", "Nowicka", "Adamczyk", "Dudek",
        "Zając", "Wieczorek", "Jabłońska", "Król", "Majewski", "Olszewska", "Jaworski", "Wróbel",
        "Malinowska", "Pawlak", "Witkowski", "Walczak", "Stępień", "Górski", "Rutkowska", "Michalak",
        "Sikora", "Ostrowski", "Baran", "Duda", "Szewczyk", "Tomaszewska", "Pietrzak", "Marciniak",
        "Wróblewski", "Zalewska", "Jakubowski", "Jasiński", "Zawadzka", "Sadowski", "Bąk", "Chmielewska",
        "Włodarczyk", "Borkowski", "Czarnecka", "Sawicki", "Sokołowska", "Urbański", "Kubiak", "Maciejewska",
    ]
    /// Voivodeships: name in the locative-free form, ISO 3166-2 code, a city, its postcode prefix.
    static let regions: [(adjective: String, slug: String, code: String, cities: [String], postcode: String)] = [
        ("Śląski", "slaski", "PL-24", ["Katowice", "Ruda Śląska", "Gliwice", "Jastrzębie-Zdrój", "Bielsko-Biała", "Częstochowa"], "4"),
        ("Małopolski", "malopolski", "PL-12", ["Kraków", "Tarnów", "Nowy Sącz", "Oświęcim"], "3"),
        ("Dolnośląski", "dolnoslaski", "PL-02", ["Wrocław", "Wałbrzych", "Legnica", "Jelenia Góra"], "5"),
        ("Wielkopolski", "wielkopolski", "PL-30", ["Poznań", "Kalisz", "Konin", "Piła"], "6"),
        ("Pomorski", "pomorski", "PL-22", ["Gdańsk", "Gdynia", "Słupsk", "Sopot"], "8"),
        ("Łódzki", "lodzki", "PL-10", ["Łódź", "Piotrków Trybunalski", "Skierniewice"], "9"),
        ("Mazowiecki", "mazowiecki", "PL-14", ["Warszawa", "Radom", "Płock", "Siedlce"], "0"),
        ("Podkarpacki", "podkarpacki", "PL-18", ["Rzeszów", "Przemyśl", "Krosno", "Mielec"], "3"),
        ("Lubelski", "lubelski", "PL-06", ["Lublin", "Zamość", "Chełm", "Biała Podlaska"], "2"),
        ("Zachodniopomorski", "zachodniopomorski", "PL-32", ["Szczecin", "Koszalin", "Świnoujście"], "7"),
        ("Kujawsko-Pomorski", "kujawsko-pomorski", "PL-04", ["Bydgoszcz", "Toruń", "Włocławek", "Grudziądz"], "8"),
        ("Świętokrzyski", "swietokrzyski", "PL-26", ["Kielce", "Ostrowiec Świętokrzyski", "Starachowice"], "2"),
    ]
    /// Cluster themes: the adjective in a cluster's name, its slug, a NACE sector, an ecosystem, a tag.
    static let themes: [(adjective: String, slug: String, nace: String, ecosystem: String, tag: String)] = [
        ("Lotniczy", "lotniczy", "nace2:C30.30", "aerospace-defence", "lotnictwo"),
        ("Multimedialny", "multimedialny", "nace2:J58.21", "digital", "multimedia"),
        ("Medyczny", "medyczny", "nace2:C32.50", "health", "medycyna"),
        ("Energetyczny", "energetyczny", "nace2:D35.11", "energy-renewables", "energetyka"),
        ("Spożywczy", "spozywczy", "nace2:C10", "agri-food", "zywnosc"),
        ("Budowlany", "budowlany", "nace2:F41.20", "construction", "budownictwo"),
        ("Motoryzacyjny", "motoryzacyjny", "nace2:C29.10", "mobility-transport-automotive", "motoryzacja"),
        ("Turystyczny", "turystyczny", "nace2:I55.10", "tourism", "turystyka"),
        ("Tekstylny", "tekstylny", "nace2:C13", "textiles", "tekstylia"),
        ("Elektroniczny", "elektroniczny", "nace2:C26.11", "electronics", "elektronika"),
        ("Informatyczny", "informatyczny", "nace2:J62.01", "digital", "ict"),
        ("Weterynaryjny", "weterynaryjny", "nace2:M75", "health", "weterynaria"),
        ("Logistyczny", "logistyczny", "nace2:H52.29", "mobility-transport-automotive", "logistyka"),
        ("Kreatywny", "kreatywny", "nace2:R90", "cultural-creative-industries", "kultura"),
    ]
    static let clusterNouns = ["Klaster", "Klaster Innowacji", "Klaster Technologiczny", "Klaster Przemysłowy"]
    static let orgKinds: [(type: String, prefix: String, suffix: String, legal: String?)] = [
        ("company", "Zakład Usług", "Sp. z o.o.", "spółka z ograniczoną odpowiedzialnością"),
        ("company", "Przedsiębiorstwo Produkcyjne", "S.A.", "spółka akcyjna"),
        ("company", "Pracownia Projektowa", "sp. j.", "spółka jawna"),
        ("university", "Politechnika", "", nil),
        ("research-institute", "Instytut Badawczy", "", nil),
        ("chamber", "Izba Gospodarcza", "", "stowarzyszenie"),
        ("incubator", "Inkubator Przedsiębiorczości", "", nil),
        ("association", "Stowarzyszenie Rozwoju", "", "stowarzyszenie"),
        ("public-body", "Urząd Miasta", "", nil),
        ("ngo", "Fundacja Wspierania", "", "fundacja"),
    ]
    static let fields = [
        "Technologii Cyfrowych", "Mechaniki Precyzyjnej", "Inżynierii Materiałowej", "Automatyki Przemysłowej",
        "Odnawialnych Źródeł Energii", "Przetwórstwa Spożywczego", "Usług Informatycznych", "Logistyki Miejskiej",
        "Techniki Medycznej", "Wzornictwa Przemysłowego", "Budownictwa Pasywnego", "Gospodarki Wodnej",
    ]
    static let streets = [
        "ul. Wolności", "ul. Kościuszki", "ul. Żeromskiego", "ul. Piłsudskiego", "al. Korfantego", "ul. Słoneczna",
        "ul. Łąkowa", "ul. Górnicza", "ul. Świętojańska", "pl. Grunwaldzki", "ul. Mickiewicza", "ul. Źródlana",
    ]
    static let subjects = [
        "Członkowie klastra", "Przedsiębiorcy z regionu", "Uczelnie i instytuty badawcze", "Koordynatorzy projektów",
        "Członkowie rady klastra", "Partnerzy zagraniczni", "Samorząd województwa", "Małe i średnie przedsiębiorstwa",
    ]
    static let verbs = [
        "rozwijają", "wspierają", "przygotowują", "realizują", "omawiają", "promują", "finansują", "podsumowują",
    ]
    static let objects = [
        "wspólne projekty badawczo-rozwojowe", "ofertę eksportową regionu", "transfer wiedzy i technologii",
        "szkolenia dla kadry inżynierskiej", "współpracę międzyklastrową", "udział w targach zagranicznych",
        "nowe usługi dla członków", "strategię rozwoju na kolejne lata", "cyfryzację małych firm",
        "program staży dla studentów", "wspólne zamówienia i zakupy grupowe", "spotkania z inwestorami",
    ]
    static let tails = [
        "w ramach Regionalnego Programu Operacyjnego", "we współpracy z jednostkami naukowymi",
        "z udziałem przedstawicieli samorządu", "zgodnie z przyjętym porozumieniem", "na rzecz gospodarki regionu",
        "przy wsparciu Europejskiego Funduszu Rozwoju Regionalnego", "w ciągu najbliższych dwóch lat",
        "podczas comiesięcznych śniadań biznesowych",
    ]
    static let englishSentences = [
        "The cluster brings together companies, universities and public bodies of the region.",
        "Members share laboratories, office space and access to international trade fairs.",
        "The agreement sets out joint research, training and the mutual promotion of its parties.",
        "A monthly business breakfast gives members a place to meet investors and partners.",
        "The coordinator runs projects funded by the European Regional Development Fund.",
        "Its work focuses on the transfer of knowledge and technology to small firms.",
    ]
    static let publishers = ["rudaslaska.pl", "klasterip.pl", "slaskie.pl", "nettg.pl", "wnp.pl", "pulsbiznesu.pl"]
    static let newsHeads = [
        "Porozumienie podpisane", "Rozmawiali o przyszłości klastrów", "Nowi członkowie w klastrze",
        "Klaster na targach za granicą", "Śniadanie biznesowe z inwestorami", "Dofinansowanie dla projektu",
        "Spotkanie rady klastra", "Konferencja o współpracy nauki i biznesu",
    ]
    static let eventTypes = ["trade-fair", "study-visit", "conference", "meeting", "seminar", "business-breakfast", "workshop"]
    static let foreignCities: [(city: String, country: String)] = [
        ("Hannover", "DE"), ("København", "DK"), ("Göteborg", "SE"), ("Praha", "CZ"), ("Wien", "AT"), ("Lyon", "FR"),
    ]
    static let membershipRoles = ["member", "founding-member", "initiator", "partner", "supporter", "council-member"]
    static let positionRoles = ["president", "vice-president", "board-member", "council-chair", "council-member", "manager", "representative", "contact"]
    static let positionTitles = [
        "president": "prezes zarządu", "vice-president": "wiceprezes zarządu", "board-member": "członek zarządu",
        "council-chair": "przewodniczący rady klastra", "council-member": "członek rady klastra",
        "manager": "menedżer klastra", "representative": "przedstawiciel", "contact": "osoba do kontaktu",
        "coordinator": "koordynator",
    ]
    static let scopes = [
        "communication", "joint-projects", "business-cooperation", "rnd-cooperation", "competitiveness", "joint-offers",
        "research-support", "knowledge-transfer", "joint-research", "training", "seminars", "internships", "conferences",
        "mutual-promotion", "coordination-meetings", "office-space-access", "event-access",
    ]
    static let extraTags = ["innowacje", "eksport", "badania", "szkolenia", "targi", "dotacje", "start-upy", "przemysl-4-0"]
}
