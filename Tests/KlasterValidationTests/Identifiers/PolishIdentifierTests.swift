import KlasterValidation
import Testing

@Suite struct PolishIdentifierTests {
    @Test(arguments: [" 7740001454", "7740001454 ", "774 000 14 54", "774-000-14-54", "pl7740001454", "PL-774-000-14-54"])
    func nipWithSeparatorsIsAFormatProblemWithSuggestion(_ written: String) throws {
        let problem = try #require(PolishIdentifier.checkNIP(written))
        #expect(problem.rule == .nip)
        #expect(problem.kind == .format)
        #expect(problem.suggestion == "7740001454")
        #expect(problem.message.hasSuffix(": 7740001454"))
    }

    @Test func badlyWrittenNIPWithWrongChecksumReportsTheChecksum() throws {
        let problem = try #require(PolishIdentifier.checkNIP("856-734-62-16"))
        #expect(problem.kind == .checksum)
        #expect(problem.suggestion == nil)
        #expect(problem.message == "NIP 856-734-62-16 has a wrong check digit (expected 5, got 6)")
    }

    @Test(arguments: [
        ("", "NIP \"\" is empty; a NIP has 10 digits"),
        ("   ", "NIP \"   \" is empty; a NIP has 10 digits"),
        ("12345A3218", "NIP 12345A3218 contains \"A\"; a NIP has only digits (10 digits)"),
        ("77400014540", "NIP 77400014540 has 11 digits; a NIP has 10 digits"),
        ("１２３４５６３２１８", "NIP １２３４５６３２１８ contains \"１\"; a NIP has only digits (10 digits)"),
        ("774000145٤", "NIP 774000145٤ contains \"٤\"; a NIP has only digits (10 digits)"),
    ])
    func malformedNIP(_ written: String, _ message: String) throws {
        let problem = try #require(PolishIdentifier.checkNIP(written))
        #expect(problem.kind == .format)
        #expect(problem.suggestion == nil)
        #expect(problem.message == message)
    }

    @Test func nipCheckValueNeedsNineASCIIDigits() {
        #expect(PolishIdentifier.nipCheckValue(prefix: "774000145") == 4)
        #expect(PolishIdentifier.nipCheckValue(prefix: "77400014") == nil)
        #expect(PolishIdentifier.nipCheckValue(prefix: "7740001450") == nil)
        #expect(PolishIdentifier.nipCheckValue(prefix: "77400014x") == nil)
    }

    @Test func regonWithSpacesIsAFormatProblem() throws {
        let problem = try #require(PolishIdentifier.checkREGON(" 610 188 201"))
        #expect(problem.kind == .format)
        #expect(problem.suggestion == "610188201")
    }

    @Test(arguments: ["61018820", "6101882011", "6101882010001", "610188201000100", "61018820I"])
    func regonOfWrongShape(_ written: String) {
        let problem = PolishIdentifier.checkREGON(written)
        #expect(problem?.kind == .format)
        #expect(problem?.suggestion == nil)
    }

    @Test func regon14WithZeroParentIsAPlaceholder() {
        // 000000000 + 0001 + its check digit.
        let prefix = "0000000000001"
        let digit = PolishIdentifier.regonCheckDigit(prefix: prefix)
        #expect(digit == 8)
        #expect(PolishIdentifier.checkREGON(prefix + "8")?.kind == .placeholder)
        #expect(PolishIdentifier.checkREGON("00000000000000")?.kind == .placeholder)
    }

    @Test func regonCheckDigitNeeds8Or13Digits() {
        #expect(PolishIdentifier.regonCheckDigit(prefix: "61018820") == 1)
        #expect(PolishIdentifier.regonCheckDigit(prefix: "6101882010001") == 0)
        #expect(PolishIdentifier.regonCheckDigit(prefix: "610188201") == nil)
        #expect(PolishIdentifier.regonCheckDigit(prefix: "") == nil)
    }

    @Test(arguments: ["KRS 28860", "krs0000028860", " 0000028860", "28 860"])
    func krsNormalisation(_ written: String) throws {
        let problem = try #require(PolishIdentifier.checkKRS(written))
        #expect(problem.kind == .format)
        #expect(problem.suggestion == "0000028860")
    }

    @Test func krsEdgeCases() {
        #expect(PolishIdentifier.checkKRS("0000000000")?.kind == .placeholder)
        #expect(PolishIdentifier.checkKRS("0")?.kind == .format)
        #expect(PolishIdentifier.checkKRS("0")?.suggestion == nil)
        #expect(PolishIdentifier.checkKRS("")?.message == "KRS number \"\" is empty; a KRS number has 10 digits")
        #expect(PolishIdentifier.normalizedKRS("12345678901") == nil)
        #expect(PolishIdentifier.checkKRS("9999999999") == nil)
    }

    @Test(arguments: [
        ("PL 7740001454", "PL7740001454"),
        ("pl7740001454", "PL7740001454"),
        ("PL774-000-14-54", "PL7740001454"),
        ("7740001454", "PL7740001454"),
    ])
    func vatNormalisation(_ written: String, _ canonical: String) throws {
        let problem = try #require(PolishIdentifier.checkVAT(written))
        #expect(problem.kind == .format)
        #expect(problem.suggestion == canonical)
    }

    @Test func vatChecksAndShapes() {
        #expect(PolishIdentifier.checkVAT("PL7740001455")?.message == "VAT number PL7740001455 has a wrong check digit (expected 4, got 5)")
        #expect(PolishIdentifier.checkVAT("PL0000000000")?.kind == .placeholder)
        #expect(PolishIdentifier.checkVAT("PL774000145")?.kind == .format)
        #expect(PolishIdentifier.checkVAT("PL")?.kind == .format)
        #expect(PolishIdentifier.checkVAT("")?.kind == .format)
        #expect(PolishIdentifier.checkVAT("SE556012345601")?.kind == .unknownCode)
    }

    @Test func postcodes() {
        #expect(PolishIdentifier.checkPostcode("41-709") == nil)
        #expect(PolishIdentifier.checkPostcode("00-950") == nil)
        #expect(PolishIdentifier.checkPostcode("41709")?.suggestion == "41-709")
        #expect(PolishIdentifier.checkPostcode("41 709")?.suggestion == "41-709")
        #expect(PolishIdentifier.checkPostcode(" 41-709 ")?.suggestion == "41-709")
        #expect(PolishIdentifier.checkPostcode("41709")?.message == "Postcode 41709 should be written NN-NNN: 41-709")
        #expect(PolishIdentifier.checkPostcode("417-09")?.suggestion == "41-709")
        #expect(PolishIdentifier.checkPostcode("4-1709")?.suggestion == "41-709")
        #expect(PolishIdentifier.checkPostcode("41-70")?.suggestion == nil)
        #expect(PolishIdentifier.checkPostcode("41-7090")?.kind == .format)
        #expect(PolishIdentifier.checkPostcode("AB-123")?.kind == .format)
        #expect(PolishIdentifier.checkPostcode("41_709")?.kind == .format)
    }
}
