/// The 16 Polish voivodeships by their current ISO 3166-2:PL code (`PL-02` … `PL-32`).
///
/// The numeric codes replaced the letter codes (`PL-DS` …) on the ISO Online Browsing Platform on
/// 2018-11-26; ``formerCode`` keeps the old code so a message can point from one to the other.
public enum Voivodeship: String, Hashable, Sendable, CaseIterable {
    case dolnoslaskie = "PL-02"
    case kujawskoPomorskie = "PL-04"
    case lubelskie = "PL-06"
    case lubuskie = "PL-08"
    case lodzkie = "PL-10"
    case malopolskie = "PL-12"
    case mazowieckie = "PL-14"
    case opolskie = "PL-16"
    case podkarpackie = "PL-18"
    case podlaskie = "PL-20"
    case pomorskie = "PL-22"
    case slaskie = "PL-24"
    case swietokrzyskie = "PL-26"
    case warminskoMazurskie = "PL-28"
    case wielkopolskie = "PL-30"
    case zachodniopomorskie = "PL-32"

    /// The current ISO 3166-2 code, `PL-24`.
    public var code: String { rawValue }

    /// The Polish name as iso-codes writes it (`Śląskie`, `Kujawsko-pomorskie`).
    public var name: String {
        switch self {
        case .dolnoslaskie: "Dolnośląskie"
        case .kujawskoPomorskie: "Kujawsko-pomorskie"
        case .lubelskie: "Lubelskie"
        case .lubuskie: "Lubuskie"
        case .lodzkie: "Łódzkie"
        case .malopolskie: "Małopolskie"
        case .mazowieckie: "Mazowieckie"
        case .opolskie: "Opolskie"
        case .podkarpackie: "Podkarpackie"
        case .podlaskie: "Podlaskie"
        case .pomorskie: "Pomorskie"
        case .slaskie: "Śląskie"
        case .swietokrzyskie: "Świętokrzyskie"
        case .warminskoMazurskie: "Warmińsko-mazurskie"
        case .wielkopolskie: "Wielkopolskie"
        case .zachodniopomorskie: "Zachodniopomorskie"
        }
    }

    /// The letter code used before 2018-11-26 (`PL-SL`). Note LU is Lubelskie, LB Lubuskie.
    public var formerCode: String {
        switch self {
        case .dolnoslaskie: "PL-DS"
        case .kujawskoPomorskie: "PL-KP"
        case .lubelskie: "PL-LU"
        case .lubuskie: "PL-LB"
        case .lodzkie: "PL-LD"
        case .malopolskie: "PL-MA"
        case .mazowieckie: "PL-MZ"
        case .opolskie: "PL-OP"
        case .podkarpackie: "PL-PK"
        case .podlaskie: "PL-PD"
        case .pomorskie: "PL-PM"
        case .slaskie: "PL-SL"
        case .swietokrzyskie: "PL-SK"
        case .warminskoMazurskie: "PL-WN"
        case .wielkopolskie: "PL-WP"
        case .zachodniopomorskie: "PL-ZP"
        }
    }

    /// The voivodeship with this current code, exactly as written (`PL-24`).
    public init?(code: String) {
        self.init(rawValue: code)
    }

    /// The voivodeship whose pre-2018 letter code this is (`PL-SL`), in capitals.
    public init?(formerCode: String) {
        guard let match = Self.allCases.first(where: { $0.formerCode == formerCode }) else { return nil }
        self = match
    }

    /// The voivodeship with this Polish name, compared without regard to case (`śląskie`).
    public init?(name: String) {
        let wanted = name.lowercased()
        guard let match = Self.allCases.first(where: { $0.name.lowercased() == wanted }) else { return nil }
        self = match
    }
}
