/// The domain checks the validator applies to string fields, by stable rule id.
///
/// The raw value is the rule id printed in diagnostics (`[nip]`) and named in the schemas' docs.
/// Every check takes the value exactly as stored: surrounding spaces, separators and wrong letter
/// case are problems (kind ``IdentifierProblem/Kind/format``), usually with a suggestion.
public enum DomainRule: String, Hashable, Sendable, CaseIterable {
    case nip
    case regon
    case krs
    case vat
    case country
    case language
    case region
    case email
    case url
    case phone
    case postcode

    /// What the rule accepts, in one sentence for documentation.
    public var summary: String {
        switch self {
        case .nip: "Polish tax number: 10 digits whose last digit is the weighted checksum; not all zeros."
        case .regon:
            "Polish statistical number: 9 digits, or 14 digits whose first 9 are a valid REGON; both with checksums; not all zeros."
        case .krs: "Polish National Court Register number: 10 digits, zero-padded (it has no check digit); not all zeros."
        case .vat: "Polish EU VAT number: PL followed by a valid NIP, with nothing between."
        case .country: "ISO 3166-1 alpha-2 country code in capitals (PL, DE, GB)."
        case .language: "ISO 639-1 language code in lower case (pl, en, nb)."
        case .region:
            "ISO 3166-2 subdivision code; for Poland one of the 16 numeric voivodeship codes PL-02 … PL-32."
        case .email: "E-mail address of the form local@domain.tld, without spaces."
        case .url: "Absolute http or https address with a host name."
        case .phone: "Phone number in E.164 form: + then 2 to 15 digits, no spaces; +48 then exactly 9 digits."
        case .postcode: "Polish postcode NN-NNN."
        }
    }

    /// A value that passes the rule, for documentation and `klaster new`.
    public var example: String {
        switch self {
        case .nip: "7740001454"
        case .regon: "610188201"
        case .krs: "0000028860"
        case .vat: "PL7740001454"
        case .country: "PL"
        case .language: "pl"
        case .region: "PL-24"
        case .email: "biuro@example.pl"
        case .url: "https://klasterip.pl/"
        case .phone: "+48322000000"
        case .postcode: "41-709"
        }
    }

    /// Checks `value` against this rule; `nil` when it passes.
    public func check(_ value: String) -> IdentifierProblem? {
        switch self {
        case .nip: PolishIdentifier.checkNIP(value)
        case .regon: PolishIdentifier.checkREGON(value)
        case .krs: PolishIdentifier.checkKRS(value)
        case .vat: PolishIdentifier.checkVAT(value)
        case .country: ISOCode.checkCountry(value)
        case .language: ISOCode.checkLanguage(value)
        case .region: ISOCode.checkRegion(value)
        case .email: ContactForm.checkEmail(value)
        case .url: ContactForm.checkURL(value)
        case .phone: ContactForm.checkPhone(value)
        case .postcode: PolishIdentifier.checkPostcode(value)
        }
    }
}
