import KlasterValidation
import Testing

@Suite struct JSONReaderTests {
    let reader = JSONReader()

    @Test func keepsKeyOrderAndIntegerExactness() throws {
        let value = try reader.read(#"{"b": 9007199254740993, "a": 1.0, "c": [true, null, "x\u00e9\ud83d\ude00"]}"#)
        let object = try #require(value.objectValue)
        #expect(object.keys == ["b", "a", "c"])
        guard case .number(.int(let big))? = object["b"] else {
            Issue.record("expected an exact integer, got \(String(describing: object["b"]))")
            return
        }
        #expect(big == 9_007_199_254_740_993)
        guard case .number(.double(let d))? = object["a"] else {
            Issue.record("expected a double")
            return
        }
        #expect(d == 1.0)
        #expect(object["c"] == .array([.bool(true), .null, .string("xé😀")]))
    }

    @Test(arguments: [
        #"{"a": 1,}"#, #"[1, 2"#, #"{"a": 1, "a": 2}"#, "01", "1.", "-", #""\ud800""#, "// c\n1", "[1] 2", "\"a\u{1}\"", "nul",
    ])
    func rejectsMalformedJSON(text: String) {
        #expect(throws: SchemaError.self) { try reader.read(text) }
    }

    @Test func rejectsInvalidUTF8() {
        #expect(throws: SchemaError.self) { try reader.read([0x22, 0xC3, 0x28, 0x22]) }
    }

    @Test func rejectsDeepNesting() {
        let deep = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        #expect(throws: SchemaError.self) { try reader.read(deep) }
    }

    @Test func equalityFollowsJSONSchema() {
        #expect(JSONValue.number(.int(1)) == .number(.double(1.0)))
        #expect(JSONValue.bool(true) != .number(.int(1)))
        #expect(JSONValue.string("e\u{301}") != .string("é"))
        let a = JSONValue.object(JSONObject([("x", .number(.int(1))), ("y", .null)]))
        let b = JSONValue.object(JSONObject([("y", .null), ("x", .number(.double(1)))]))
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
    }

    @Test func writesCompactJSON() throws {
        let text = #"{"a":[1,2.5,"zażółć \"q\"\n",null,true],"b":{}}"#
        let value = try reader.read(text)
        #expect(value.jsonText() == text)
        #expect(JSONValue.number(.double(3)).jsonText() == "3.0")
    }

    @Test func writesEveryCharacterSoThatItReadsBack() throws {
        // Every ASCII character, DEL, and characters of two, three and four UTF-8 bytes.
        let text = String(String.UnicodeScalarView((0...0x7F).map { Unicode.Scalar(UInt8($0)) })) + "żółć€😀"
        let written = JSONValue.string(text).jsonText()
        #expect(try reader.read(written) == .string(text))
        #expect(written.hasPrefix(#""\u0000\u0001"#))
        #expect(written.contains(#"\b\t\n\u000b\f\r"#))
        #expect(written.contains(##"!\"#$"##) && written.contains(#"[\\]"#) && written.contains(#"~\u007f"#))
        #expect(written.hasSuffix("żółć€😀\""))
        let pretty = JSONValue.object(JSONObject([("a\nb", .array([.string(text), .object(JSONObject([]))]))])).prettyJSONText()
        #expect(try reader.read(pretty) == .object(JSONObject([("a\nb", .array([.string(text), .object(JSONObject([]))]))])))
        #expect(pretty.hasPrefix("{\n  \"a\\nb\": [\n    \"\\u0000"))
        #expect(pretty.hasSuffix("\",\n    {}\n  ]\n}\n"))
    }
}
