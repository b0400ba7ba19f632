import KlasterTemplates
import Testing

/// Templates that do not parse: a typed error with the template's name and the line and column
/// of the tag at fault.
@Suite struct TemplateParserTests {
    func failure(_ source: String) throws -> TemplateError {
        do {
            _ = try Template(source, name: "page")
        } catch {
            return error
        }
        Issue.record("\(source.debugDescription) parsed")
        throw TemplateError(template: "", line: 0, column: 0, reason: .emptyName)
    }

    @Test func anUnclosedSectionIsReportedAtItsOpeningTag() throws {
        let error = try failure("<ul>\n  {{#items}}<li>{{name}}</li>\n</ul>\n")
        #expect(error == TemplateError(template: "page", line: 2, column: 3, reason: .unclosedSection("items")))
        #expect(error.description == "page:2:3: section {{#items}} is not closed")
        let inverted = try failure("{{^empty}}\nnone")
        #expect(inverted.reason == .unclosedSection("empty"))
        #expect(inverted.line == 1 && inverted.column == 1)
    }

    @Test func aMismatchedCloseIsReportedWhereItIs() throws {
        let error = try failure("{{#a}}\n{{#b}}\nx {{/a}}\n{{/b}}")
        #expect(error == TemplateError(template: "page", line: 3, column: 3, reason: .unexpectedClose("a", expected: "b")))
        let stray = try failure("text\n\n  {{/nothing}}")
        #expect(stray == TemplateError(template: "page", line: 3, column: 3, reason: .unexpectedClose("nothing", expected: nil)))
    }

    @Test func anUnclosedTagIsReportedAtItsStart() throws {
        // Columns count characters, not bytes.
        let error = try failure("Zażółć {{name\n")
        #expect(error == TemplateError(template: "page", line: 1, column: 8, reason: .unclosedTag))
        #expect(try failure("{{{raw}}").reason == .unclosedTag)
        #expect(try failure("a\nb\n{{! never closed").line == 3)
        // After new delimiters, the old closing ones do not close a tag.
        let changed = try failure("{{=<% %>=}}\n<% name }}")
        #expect(changed == TemplateError(template: "page", line: 2, column: 1, reason: .unclosedTag))
    }

    @Test func badDelimitersAreErrors() throws {
        for source in ["{{=<%=}}", "{{=<% %> x=}}", "{{= =}}", "{{=a= b=}}"] {
            let error = try failure("line\n " + source)
            #expect(error.reason == .badDelimiters, "\(source)")
            #expect(error.line == 2 && error.column == 2, "\(source)")
        }
    }

    @Test func emptyNamesAndInheritanceAreErrors() throws {
        #expect(try failure("{{}}").reason == .emptyName)
        #expect(try failure("{{# }}{{/ }}").reason == .emptyName)
        #expect(try failure("{{>}}").reason == .emptyName)
        #expect(try failure("{{<parent}}{{/parent}}").reason == .unsupported("inheritance ({{<parent}})"))
        #expect(try failure("{{$block}}x{{/block}}").reason == .unsupported("a block ({{$block}})"))
    }

    @Test func pragmasAreReadAndIgnored() throws {
        let library = try TemplateLibrary.with(["page": "{{%CONTENT_TYPE:TEXT}}\n<b>{{x}}</b>"])
        #expect(library.text("page", ["x": "<&>"]) == "<b>&lt;&amp;&gt;</b>")
    }
}

extension TemplateLibrary {
    static func with(_ sources: [String: String]) throws(TemplateError) -> TemplateLibrary {
        var library = TemplateLibrary()
        for (name, source) in sources { try library.register(source, named: name) }
        return library
    }

    func text(_ name: String, _ context: TemplateValue) -> String {
        String(decoding: render(name, context), as: UTF8.self)
    }
}
