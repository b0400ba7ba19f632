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
}
