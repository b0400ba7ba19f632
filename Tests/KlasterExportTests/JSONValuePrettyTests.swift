import KlasterValidation
import Testing

@Suite struct JSONValuePrettyTests {
    @Test func nestedValuesIndentByTwoSpaces() {
        let value = JSONValue.object(
            JSONObject([
                ("a", .array([.number(.int(1)), .string("zażółć")])),
                ("b", .object(JSONObject())),
                ("c", .array([])),
            ])
        )
        #expect(value.prettyJSONText() == "{\n  \"a\": [\n    1,\n    \"zażółć\"\n  ],\n  \"b\": {},\n  \"c\": []\n}")
    }
}
