import KlasterValidation
import Testing

/// Every identifier test vector of the domain guide, §3.5, and the regression cases of §3.3.
@Suite struct GuideVectorTests {
    @Test(arguments: ["1234563218", "8567346215", "7740001454"])
    func validNIPs(_ nip: String) {
        #expect(PolishIdentifier.checkNIP(nip) == nil)
    }

    @Test(arguments: ["PL 8567346215", "PL8567346215", "856-734-62-15", "123-456-32-18"])
    func nipsValidAfterNormalisation(_ written: String) throws {
        let canonical = try #require(PolishIdentifier.normalizedNIP(written))
        #expect(PolishIdentifier.checkNIP(canonical) == nil)
        let problem = try #require(PolishIdentifier.checkNIP(written))
        #expect(problem.kind == .format)
        #expect(problem.suggestion == canonical)
    }

    @Test func nipWithWrongCheckDigit() throws {
        let stdnum = try #require(PolishIdentifier.checkNIP("8567346216"))
        #expect(stdnum.kind == .checksum)
        #expect(stdnum.message == "NIP 8567346216 has a wrong check digit (expected 5, got 6)")
        let changed = try #require(PolishIdentifier.checkNIP("1234563219"))
        #expect(changed.kind == .checksum)
        #expect(changed.message == "NIP 1234563219 has a wrong check digit (expected 8, got 9)")
    }

    @Test func nipPrefixWithRemainderTenHasNoValidCheckDigit() {
        #expect(PolishIdentifier.nipCheckValue(prefix: "123456002") == 10)
        for digit in 0...9 {
            let problem = PolishIdentifier.checkNIP("123456002\(digit)")
            #expect(problem?.kind == .checksum)
            #expect(problem?.message.contains("check value 10") == true)
        }
    }

    @Test func nipOfNineDigits() {
        let problem = PolishIdentifier.checkNIP("123456321")
        #expect(problem?.kind == .format)
        #expect(problem?.message == "NIP 123456321 has 9 digits; a NIP has 10 digits")
    }

    @Test func allZeroNIPIsAPlaceholder() {
        #expect(PolishIdentifier.nipCheckValue(prefix: "000000000") == 0)
        #expect(PolishIdentifier.checkNIP("0000000000")?.kind == .placeholder)
    }

    @Test(arguments: ["123456785", "192598184", "610188201", "100000050", "732065837"])
    func validREGON9s(_ regon: String) {
        #expect(PolishIdentifier.checkREGON(regon) == nil)
    }

    @Test func regonRemainderTenBecomesZero() {
        #expect(PolishIdentifier.regonCheckDigit(prefix: "10000005") == 0)
    }

    @Test func invalidREGON9s() {
        #expect(PolishIdentifier.checkREGON("192598183")?.message == "REGON 192598183 has a wrong check digit (expected 4, got 3)")
        // Published as valid on ceidg-online.pl with "205 mod 11 = 4"; 205 mod 11 is 7.
        #expect(PolishIdentifier.checkREGON("732065834")?.message == "REGON 732065834 has a wrong check digit (expected 7, got 4)")
        #expect(PolishIdentifier.regonCheckDigit(prefix: "73206583") == 7)
    }

    @Test(arguments: ["12345678512347", "85051845749370", "61018820100010"])
    func validREGON14s(_ regon: String) {
        #expect(PolishIdentifier.checkREGON(regon) == nil)
    }

    @Test func regon14WithInvalidParent() throws {
        // The final check digit matches, but the first nine digits are not a valid REGON.
        #expect(PolishIdentifier.regonCheckDigit(prefix: "1234567861234") == 2)
        let problem = try #require(PolishIdentifier.checkREGON("12345678612342"))
        #expect(problem.kind == .checksum)
        #expect(problem.message == "REGON 12345678612342 is wrong: its first 9 digits 123456786 are not a valid REGON (check digit expected 5, got 6)")
    }

    @Test func regon14WithWrongFinalDigit() {
        let problem = PolishIdentifier.checkREGON("12345678512348")
        #expect(problem?.kind == .checksum)
        #expect(problem?.message == "REGON 12345678512348 has a wrong check digit (expected 7, got 8)")
    }

    @Test func allZeroREGONIsAPlaceholder() {
        #expect(PolishIdentifier.regonCheckDigit(prefix: "00000000") == 0)
        #expect(PolishIdentifier.checkREGON("000000000")?.kind == .placeholder)
    }

    @Test func krsVectors() throws {
        #expect(PolishIdentifier.checkKRS("0000028860") == nil)
        let short = try #require(PolishIdentifier.checkKRS("28860"))
        #expect(short.kind == .format)
        #expect(short.suggestion == "0000028860")
        #expect(PolishIdentifier.normalizedKRS("28860") == "0000028860")
        #expect(PolishIdentifier.checkKRS("00000288601")?.message == "KRS number 00000288601 has 11 digits; a KRS number has 10 digits")
        #expect(PolishIdentifier.checkKRS("000002886A")?.message == "KRS number 000002886A contains \"A\"; a KRS number has only digits (10 digits)")
        #expect(PolishIdentifier.checkKRS("00000288601")?.suggestion == nil)
        #expect(PolishIdentifier.checkKRS("000002886A")?.suggestion == nil)
    }

    @Test func vatVectors() throws {
        #expect(PolishIdentifier.checkVAT("PL7740001454") == nil)
        let german = try #require(PolishIdentifier.checkVAT("DE7740001454"))
        #expect(german.rule == .vat)
        #expect(german.kind == .unknownCode)
        #expect(german.message.contains("does not start with PL"))
        #expect(german.suggestion == nil)
    }

    /// Checksum-valid numbers the guide believes are Uniwersytet Śląski's (not used as samples).
    @Test func universityNumbersAreChecksumValid() {
        #expect(PolishIdentifier.checkNIP("6340197134") == nil)
        #expect(PolishIdentifier.checkREGON("000001347") == nil)
    }
}
