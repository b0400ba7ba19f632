import Foundation
import KlasterModel
import Testing

@Suite struct DiagnosticRenderingTests {
    let findings = [
        Diagnostic(
            file: "clusters/okip.yaml", line: 12, column: 3, rule: "format",
            message: "'founded' must be a date (YYYY-MM-DD), got \"15.01.2013\"", path: "/founded"
        ),
        Diagnostic(
            file: "members/ąę.yaml", line: 0, column: 0, severity: .warning, rule: "id",
            message: "tab\there, newline\nthere, back\\slash, \u{01}", path: ""
        ),
    ]

    @Test func textIsCompilerStyle() {
        #expect(
            Diagnostic.text(findings).split(separator: "\n").first
                == "clusters/okip.yaml:12:3: error: 'founded' must be a date (YYYY-MM-DD), got \"15.01.2013\" [format]"
        )
        #expect(Diagnostic.text([findings[1]]).hasPrefix("members/ąę.yaml: warning: "))
    }

    @Test func jsonReadsBackWithTheSameFields() throws {
        let text = Diagnostic.json(findings)
        #expect(text.contains("ąę"), "non-ASCII is written as is")
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(parsed.count == 2)
        #expect(Set(parsed[0].keys) == ["file", "line", "column", "severity", "rule", "message", "path"])
        #expect(parsed[0]["line"] as? Int == 12)
        #expect(parsed[0]["path"] as? String == "/founded")
        #expect(parsed[1]["message"] as? String == findings[1].message)
        #expect(parsed[1]["severity"] as? String == "warning")
        #expect(Diagnostic.json([]) == "[]\n")
    }

    @Test func sarifHasRunsRulesAndLocations() throws {
        let text = Diagnostic.sarif(findings, toolVersion: "1.2.3", ruleDescriptions: ["format": "Value format"])
        let log = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["version"] as? String == "1.2.3")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.compactMap { $0["id"] as? String } == ["format", "id"])
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 2)
        #expect(results[0]["level"] as? String == "error")
        #expect(results[1]["level"] as? String == "warning")
        #expect(results[1]["ruleIndex"] as? Int == 1)
        let location = try #require((results[0]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        let region = try #require(location["region"] as? [String: Any])
        #expect(region["startLine"] as? Int == 12)
        #expect(region["startColumn"] as? Int == 3)
        #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == "clusters/okip.yaml")
        let empty = try #require(
            try JSONSerialization.jsonObject(with: Data(Diagnostic.sarif([], toolVersion: "1").utf8)) as? [String: Any]
        )
        #expect(((empty["runs"] as? [[String: Any]])?.first?["results"] as? [Any])?.isEmpty == true)
    }

    @Test func jsonTextEscapesControlCharacters() {
        #expect(JSONText.quote("a\"b\\c\n\u{01}ż") == "\"a\\\"b\\\\c\\n\\u0001ż\"")
    }
}
