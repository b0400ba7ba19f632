import KlasterValidation
import Testing

@Suite struct DomainRuleTests {
    @Test func ruleIds() {
        #expect(DomainRule.allCases.map(\.rawValue) == [
            "nip", "regon", "krs", "vat", "country", "language", "region", "email", "url", "phone", "postcode",
        ])
    }

    @Test(arguments: DomainRule.allCases)
    func exampleOfEveryRulePasses(_ rule: DomainRule) {
        #expect(rule.check(rule.example) == nil)
        #expect(!rule.summary.isEmpty)
    }

    @Test(arguments: DomainRule.allCases)
    func everyRuleRejectsEmptyAndPaddedValuesUnderItsOwnId(_ rule: DomainRule) throws {
        let empty = try #require(rule.check(""))
        #expect(empty.rule == rule)
        #expect(empty.kind == .format)
        let padded = try #require(rule.check(" \(rule.example) "))
        #expect(padded.rule == rule)
        #expect(padded.suggestion == rule.example)
        #expect(padded.description.hasSuffix("[\(rule.rawValue)]"))
    }

    @Test func dispatchReachesTheRightCheck() {
        #expect(DomainRule.nip.check("7740001455")?.kind == .checksum)
        #expect(DomainRule.regon.check("610188202")?.kind == .checksum)
        #expect(DomainRule.region.check("PL-SL")?.kind == .obsolete)
        #expect(DomainRule.country.check("UK")?.suggestion == "GB")
        #expect(DomainRule.phone.check("+48 32 200 00 00")?.suggestion == "+48322000000")
    }

    @Test(arguments: DomainRule.allCases)
    func neverCrashesOnOddInput(_ rule: DomainRule) {
        let odd = ["\u{0}", "\u{FEFF}", "\u{1F600}", "e\u{301}", "\u{1F600}\u{1F600}\u{1F600}", String(repeating: "9", count: 10_000), "-", "P", "@", "://", "+", "\n", "\"", "\\"]
        for value in odd {
            let problem = rule.check(value)
            #expect(problem != nil, "\(rule) accepted \(value.prefix(20))")
            #expect((problem?.message.count ?? 0) < 400)
        }
    }
}
