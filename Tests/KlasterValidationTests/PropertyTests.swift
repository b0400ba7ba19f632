import KlasterValidation
import KlasterYAML
import PropertyBased
import Testing

/// Properties on generated input: no input crashes the readers and checkers, JSON round-trips,
/// YAML typing keeps text in string fields and exact integers in integer fields.
@Suite struct PropertyTests {
    static let jsonAlphabet = Array("{}[]\",:0123456789.-+eEtruefalsn \\u/ \u{e9}")
    static let textAlphabet = Array("0123456789abcxyzTZ:-+._@/#?%[] \u{105}\n")

    @Test func jsonReaderNeverCrashesAndRoundTrips() async {
        await propertyCheck(count: 2000, input: Gen<Character?>.element(of: Self.jsonAlphabet).array(of: 0...40)) { chars in
            let text = String(chars.compactMap { $0 })
            let parsed = try? JSONReader().read(text)
            if let parsed {
                let again = try? JSONReader().read(parsed.jsonText())
                #expect(again == parsed)
            }
        }
    }

    @Test func formatCheckersTakeAnyText() async {
        await propertyCheck(count: 2000, input: Gen<Character?>.element(of: Self.textAlphabet).array(of: 0...30)) { chars in
            let text = String(chars.compactMap { $0 })
            let verdicts = SchemaFormat.allCases.map { $0.check(text) }
            #expect(verdicts.count == 4)
            #expect(verdicts[2] == text.contains("@"))
        }
    }

    @Test func stringFieldsKeepPlainTextAsWritten() async {
        await propertyCheck(count: 1000, input: Gen<Character?>.element(of: Self.textAlphabet).array(of: 0...30)) { chars in
            let text = String(chars.compactMap { $0 })
            let value = YAMLScalar(text).jsonValue(expecting: .string)
            if ["", "~", "null", "Null", "NULL"].contains(text) {
                #expect(value == .null)
            } else {
                #expect(value == .string(text))
            }
        }
    }

    @Test func integerFieldsReadDecimalIntegersExactly() async {
        await propertyCheck(count: 1000, input: Gen.int64(in: .min ... .max)) { n in
            let value = YAMLScalar(String(n)).jsonValue(expecting: .integer)
            #expect(value == .number(.int(n)))
            guard case .number(.int(let exact)) = value else {
                Issue.record("\(n) did not read as an exact integer")
                return
            }
            #expect(exact == n)
        }
    }

    @Test func validationIsTheSameFromManyTasks() async throws {
        let schema = try Support.fixtureSchema("organisation.schema.json")
        let document = try Support.document("id: A\nname: x\nkind: cluster\nactive: yes\ntags: [a, a]\n")
        let expected = schema.validate(document)
        #expect(expected.count == 4)
        let results = await withTaskGroup(of: [SchemaViolation].self) { group in
            for _ in 0..<8 { group.addTask { schema.validate(document) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.allSatisfy { $0 == expected })
    }
}
