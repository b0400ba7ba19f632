import KlasterValidation
import Testing

@Suite struct ISOCodeTests {
    @Test func countryListIsTheCurrentISOList() {
        #expect(ISOCode.countries.count == 249)
        for code in ["PL", "DE", "NO", "GB", "SE", "DK", "FR", "RU", "US", "UA", "SS", "BQ", "CW", "SX", "AQ"] {
            #expect(ISOCode.countries.contains(code), "\(code)")
        }
        for code in ["UK", "EU", "EL", "XK", "YU", "CS", "AN", "SU"] {
            #expect(!ISOCode.countries.contains(code), "\(code)")
        }
        #expect(ISOCode.countries.allSatisfy { $0.utf8.count == 2 && $0.uppercased() == $0 })
    }

    @Test func countryChecks() {
        #expect(ISOCode.checkCountry("PL") == nil)
        #expect(ISOCode.checkCountry("NO") == nil)
        #expect(ISOCode.checkCountry("pl")?.suggestion == "PL")
        #expect(ISOCode.checkCountry("pl")?.message == "Country code pl should be written PL in capitals")
        #expect(ISOCode.checkCountry(" PL")?.suggestion == "PL")
        #expect(ISOCode.checkCountry("UK")?.suggestion == "GB")
        #expect(ISOCode.checkCountry("UK")?.kind == .obsolete)
        #expect(ISOCode.checkCountry("EL")?.suggestion == "GR")
        #expect(ISOCode.checkCountry("EU")?.kind == .unknownCode)
        #expect(ISOCode.checkCountry("EU")?.suggestion == nil)
        #expect(ISOCode.checkCountry("XX")?.message == "Country code XX is not an ISO 3166-1 country code")
        #expect(ISOCode.checkCountry("POL")?.kind == .format)
        #expect(ISOCode.checkCountry("")?.kind == .format)
        #expect(ISOCode.checkCountry("Poland")?.kind == .format)
    }

    @Test func languageListIsISO639Part1() {
        #expect(ISOCode.languages.count == 184)
        for code in ["pl", "en", "de", "fr", "ru", "sv", "da", "no", "nb", "nn", "uk", "he", "id", "yi"] {
            #expect(ISOCode.languages.contains(code), "\(code)")
        }
        for code in ["iw", "in", "ji", "jw", "mo", "sh", "xx", "pol"] {
            #expect(!ISOCode.languages.contains(code), "\(code)")
        }
    }

    @Test func languageChecks() {
        #expect(ISOCode.checkLanguage("pl") == nil)
        #expect(ISOCode.checkLanguage("PL")?.suggestion == "pl")
        #expect(ISOCode.checkLanguage("PL")?.message == "Language code PL should be written pl in lower case")
        #expect(ISOCode.checkLanguage("pl ")?.suggestion == "pl")
        #expect(ISOCode.checkLanguage("iw")?.suggestion == "he")
        #expect(ISOCode.checkLanguage("iw")?.kind == .obsolete)
        #expect(ISOCode.checkLanguage("sh")?.kind == .obsolete)
        #expect(ISOCode.checkLanguage("pt-BR")?.suggestion == "pt")
        #expect(ISOCode.checkLanguage("pl_PL")?.suggestion == "pl")
        #expect(ISOCode.checkLanguage("qq")?.kind == .unknownCode)
        #expect(ISOCode.checkLanguage("pol")?.kind == .format)
        #expect(ISOCode.checkLanguage("")?.kind == .format)
    }

    @Test func voivodeshipsAreTheSixteenEvenCodes() {
        let codes = Voivodeship.allCases.map(\.code)
        #expect(codes == stride(from: 2, through: 32, by: 2).map { $0 < 10 ? "PL-0\($0)" : "PL-\($0)" })
        #expect(Set(Voivodeship.allCases.map(\.formerCode)).count == 16)
        #expect(Voivodeship(formerCode: "PL-LU") == .lubelskie)
        #expect(Voivodeship(formerCode: "PL-LB") == .lubuskie)
        #expect(Voivodeship(name: "śląskie") == .slaskie)
        #expect(Voivodeship(name: "KUJAWSKO-POMORSKIE") == .kujawskoPomorskie)
        #expect(Voivodeship.slaskie.name == "Śląskie")
    }

    @Test(arguments: Voivodeship.allCases)
    func everyCurrentCodeIsValid(_ voivodeship: Voivodeship) throws {
        #expect(ISOCode.checkRegion(voivodeship.code) == nil)
        let old = try #require(ISOCode.checkRegion(voivodeship.formerCode))
        #expect(old.kind == .obsolete)
        #expect(old.suggestion == voivodeship.code)
        #expect(ISOCode.checkRegion(voivodeship.name)?.suggestion == voivodeship.code)
    }

    @Test func oldLetterCodeGetsAHelpfulMessage() {
        #expect(
            ISOCode.checkRegion("PL-SL")?.message
                == "Region PL-SL is the old letter code for Śląskie, replaced in 2018 by the numeric code PL-24; write PL-24"
        )
        #expect(ISOCode.checkRegion("pl-sl")?.suggestion == "PL-24")
    }

    @Test(arguments: ["PL-00", "PL-01", "PL-03", "PL-34", "PL-99", "PL-XX"])
    func otherPolishCodesAreUnknown(_ code: String) {
        let problem = ISOCode.checkRegion(code)
        #expect(problem?.kind == .unknownCode)
        #expect(problem?.suggestion == nil)
    }

    @Test func regionForms() {
        #expect(ISOCode.checkRegion("pl-24")?.suggestion == "PL-24")
        #expect(ISOCode.checkRegion("PL24")?.suggestion == "PL-24")
        #expect(ISOCode.checkRegion(" PL-24 ")?.suggestion == "PL-24")
        #expect(ISOCode.checkRegion("SE-M") == nil)
        #expect(ISOCode.checkRegion("DE-BY") == nil)
        #expect(ISOCode.checkRegion("se-m")?.suggestion == "SE-M")
        #expect(ISOCode.checkRegion("XX-12")?.kind == .unknownCode)
        #expect(ISOCode.checkRegion("PL")?.kind == .format)
        #expect(ISOCode.checkRegion("24")?.kind == .format)
        #expect(ISOCode.checkRegion("")?.kind == .format)
        #expect(ISOCode.checkRegion("DE-ABCD")?.kind == .format)
    }
}
