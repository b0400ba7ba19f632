/// The three ways `validate` prints its findings: compiler-style text, a JSON array, SARIF 2.1.0.
extension Diagnostic {
    /// One finding per line, `file:line:column: severity: message [rule]`.
    public static func text(_ diagnostics: [Diagnostic]) -> String {
        var out = ""
        for diagnostic in diagnostics {
            out += diagnostic.description
            out += "\n"
        }
        return out
    }

    /// A JSON array of objects with `file`, `line`, `column`, `severity`, `rule`, `message`, `path`.
    public static func json(_ diagnostics: [Diagnostic]) -> String {
        if diagnostics.isEmpty { return "[]\n" }
        var out = "[\n"
        for (i, d) in diagnostics.enumerated() {
            out += "  {\"file\": \(JSONText.quote(d.file)), \"line\": \(d.line), \"column\": \(d.column), "
            out += "\"severity\": \(JSONText.quote(d.severity.rawValue)), \"rule\": \(JSONText.quote(d.rule)), "
            out += "\"message\": \(JSONText.quote(d.message)), \"path\": \(JSONText.quote(d.path))}"
            out += i == diagnostics.count - 1 ? "\n" : ",\n"
        }
        return out + "]\n"
    }

    /// A SARIF 2.1.0 log with one run, for code-scanning tools. `ruleDescriptions` gives each
    /// rule id's short description; rules without one are described by their id.
    public static func sarif(
        _ diagnostics: [Diagnostic],
        toolVersion: String,
        ruleDescriptions: [String: String] = [:]
    ) -> String {
        let rules = Array(Set(diagnostics.map(\.rule))).sorted()
        var out = "{\n"
        out += "  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
        out += "  \"version\": \"2.1.0\",\n"
        out += "  \"runs\": [\n    {\n"
        out += "      \"tool\": {\n        \"driver\": {\n"
        out += "          \"name\": \"klaster\",\n"
        out += "          \"version\": \(JSONText.quote(toolVersion)),\n"
        out += "          \"rules\": ["
        for (i, rule) in rules.enumerated() {
            out += i == 0 ? "\n" : ",\n"
            out += "            {\"id\": \(JSONText.quote(rule)), \"shortDescription\": {\"text\": "
            out += "\(JSONText.quote(ruleDescriptions[rule] ?? rule))}}"
        }
        out += rules.isEmpty ? "]\n" : "\n          ]\n"
        out += "        }\n      },\n"
        out += "      \"results\": ["
        for (i, d) in diagnostics.enumerated() {
            out += i == 0 ? "\n" : ",\n"
            out += "        {\"ruleId\": \(JSONText.quote(d.rule)), "
            out += "\"ruleIndex\": \(rules.firstIndex(of: d.rule) ?? 0), "
            out += "\"level\": \(JSONText.quote(d.severity == .error ? "error" : "warning")), "
            out += "\"message\": {\"text\": \(JSONText.quote(d.message))}, "
            out += "\"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": \(JSONText.quote(d.file))}"
            if d.line > 0 {
                out += ", \"region\": {\"startLine\": \(d.line), \"startColumn\": \(max(d.column, 1))}"
            }
            out += "}"
            if !d.path.isEmpty {
                out += ", \"logicalLocations\": [{\"fullyQualifiedName\": \(JSONText.quote(d.path))}]"
            }
            out += "}]}"
        }
        out += diagnostics.isEmpty ? "]\n" : "\n      ]\n"
        out += "    }\n  ]\n}\n"
        return out
    }
}
