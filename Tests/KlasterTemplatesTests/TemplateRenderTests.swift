import KlasterTemplates
import Testing

/// Each feature of the engine on its own, with the output written out.
@Suite struct TemplateRenderTests {
    func render(_ source: String, _ context: TemplateValue, partials: [String: String] = [:]) throws -> String {
        var sources = partials
        sources["main"] = source
        return try TemplateLibrary.with(sources).text("main", context)
    }

    /// An object that answers with a `switch`, as the site's contexts do.
    final class Person: TemplateObject {
        let name: String
        let age: Int
        let friends: [Person]

        init(name: String, age: Int, friends: [Person] = []) {
            self.name = name
            self.age = age
            self.friends = friends
        }

        func value(_ key: String) -> TemplateValue? {
            switch key {
            case "name": .text(name)
            case "age": .int(age)
            case "friends": .objects(friends)
            case "adult": .bool(age >= 18)
            default: nil
            }
        }
    }

    @Test func variablesAreEscapedUnlessRaw() throws {
        let context: TemplateValue = ["t": "a & b < c > d \"e\" 'f' — zażółć"]
        #expect(try render("{{t}}", context) == "a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39; — zażółć")
        #expect(try render("{{{t}}}|{{&t}}", context) == "a & b < c > d \"e\" 'f' — zażółć|a & b < c > d \"e\" 'f' — zażółć")
        #expect(try render("{{ t }}|{{{ t }}}|{{& t }}", ["t": "<"]) == "&lt;|<|<")
        // A `<` with a combining mark after it is escaped too (byte by byte).
        #expect(try render("{{t}}", ["t": "a<\u{301}b"]) == "a&lt;\u{301}b")
        #expect(try render("{{b}}", .bytes(Array("x".utf8))) == "")
        #expect(try render("{{b}}/{{{b}}}", ["b": .bytes(Array("<p>".utf8))]) == "&lt;p&gt;/<p>")
    }

    /// Escaping passes over eight bytes at a time when none needs it: every escaped character,
    /// and every other byte value, at every place of texts of 1 to 19 bytes, comes out as a
    /// byte-by-byte escape gives it.
    @Test func escapingAgreesWithAByteByByteEscapeAtEveryPlace() throws {
        func reference(_ bytes: [UInt8]) -> [UInt8] {
            bytes.flatMap { byte -> [UInt8] in
                switch byte {
                case UInt8(ascii: "&"): Array("&amp;".utf8)
                case UInt8(ascii: "<"): Array("&lt;".utf8)
                case UInt8(ascii: ">"): Array("&gt;".utf8)
                case UInt8(ascii: "\""): Array("&quot;".utf8)
                case UInt8(ascii: "'"): Array("&#39;".utf8)
                default: [byte]
                }
            }
        }
        let library = try TemplateLibrary.with(["main": "{{b}}"])
        var checked = 0
        for length in 1...19 {
            for at in 0..<length {
                for byte in UInt8(0)...UInt8(127) {
                    var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: length)
                    bytes[at] = byte
                    if length > 9 { bytes[length - 1 - at / 2] = UInt8(ascii: "'") }
                    let out = library.render("main", ["b": .bytes(bytes)])
                    if out != reference(bytes) { Issue.record("\(bytes) escaped as \(out)") }
                    checked += 1
                }
            }
        }
        #expect(checked == 190 * 128)
    }

    /// Rendering appends to what the output holds, and its memory grows as far as needed.
    @Test func renderingAppendsAndGrows() throws {
        let library = try TemplateLibrary.with(["main": "{{#items}}<{{.}}>{{/items}}"])
        let items = (0..<5000).map { TemplateValue.text("item \($0) & more") }
        var out = Array("before|".utf8)
        library.render("main", ["items": .list(items)], into: &out)
        let expected = "before|" + (0..<5000).map { "<item \($0) &amp; more>" }.joined()
        #expect(String(decoding: out, as: UTF8.self) == expected)
        #expect(out.count > 100_000)
    }

    @Test func scalarsShowAsText() throws {
        #expect(try render("{{n}} {{yes}} {{no}} [{{null}}] [{{list}}] [{{missing}}]", ["n": -42, "yes": true, "no": false, "null": .null, "list": [1, 2]]) == "-42 true false [] [] []")
    }

    @Test func dottedNamesAndTheImplicitIterator() throws {
        let context: TemplateValue = ["a": ["b": ["c": "deep"]], "c": "outer", "list": ["x", "y"]]
        #expect(try render("{{a.b.c}}", context) == "deep")
        // The first part is looked up outwards, the others only in what it found.
        #expect(try render("{{#a}}{{b.c}}{{/a}}", context) == "deep")
        #expect(try render("[{{a.c}}]", context) == "[]")
        #expect(try render("[{{a.b.c.d}}]", context) == "[]")
        #expect(try render("{{#list}}({{.}}){{/list}}", context) == "(x)(y)")
        #expect(try render("{{#a.b}}{{c}}{{/a.b}}", context) == "deep")
        // `.name` looks only in the innermost context.
        #expect(try render("{{#a}}[{{.c}}]{{/a}}", context) == "[]")
    }

    @Test func sections() throws {
        let ann = Person(name: "Ann", age: 30, friends: [Person(name: "Bob", age: 12), Person(name: "Cy", age: 20)])
        let context: TemplateValue = ["person": .object(ann), "empty": [], "no": false, "yes": true, "text": "t", "zero": 0, "null": .null]
        #expect(try render("{{#person}}{{name}} ({{age}}){{/person}}", context) == "Ann (30)")
        #expect(try render("{{#person}}{{#friends}}{{name}}{{#adult}}*{{/adult}};{{/friends}}{{/person}}", context) == "Bob;Cy*;")
        // Names not found in an item are looked up in the enclosing contexts.
        #expect(try render("{{#person.friends}}{{name}} of {{person.name}};{{/person.friends}}", context) == "Bob of Ann;Cy of Ann;")
        #expect(try render("[{{#empty}}x{{/empty}}{{#no}}x{{/no}}{{#null}}x{{/null}}{{#missing}}x{{/missing}}]", context) == "[]")
        #expect(try render("{{#yes}}{{text}}{{/yes}}", context) == "t")
        // A text or a number (even 0) renders once, pushed as the context.
        #expect(try render("{{#text}}<{{.}}>{{/text}}{{#zero}}<{{.}}>{{/zero}}", context) == "<t><0>")
    }

    @Test func invertedSections() throws {
        let context: TemplateValue = ["empty": [], "no": false, "yes": true, "list": [1], "null": .null, "text": ""]
        #expect(try render("{{^empty}}a{{/empty}}{{^no}}b{{/no}}{{^missing}}c{{/missing}}{{^null}}d{{/null}}", context) == "abcd")
        #expect(try render("[{{^yes}}a{{/yes}}{{^list}}b{{/list}}{{^text}}c{{/text}}]", context) == "[]")
    }

    @Test func comments() throws {
        #expect(try render("a{{! a comment }}b{{!\nmany\nlines\n}}c", [:]) == "abc")
    }

    @Test func standaloneLinesAreRemoved() throws {
        let context: TemplateValue = ["list": ["x", "y"], "yes": true]
        #expect(try render("<ul>\n  {{#list}}\n  <li>{{.}}</li>\n  {{/list}}\n</ul>\n", context) == "<ul>\n  <li>x</li>\n  <li>y</li>\n</ul>\n")
        #expect(try render("a\n  {{! note }}  \nb\n", context) == "a\nb\n")
        #expect(try render("a\r\n{{#yes}}\r\nb\r\n{{/yes}}\r\n", context) == "a\r\nb\r\n")
        // Without a newline at the end, and at the very start.
        #expect(try render("{{#yes}}\nb\n{{/yes}}", context) == "b\n")
        // Not standalone: other text or tags on the line.
        #expect(try render(" {{#yes}}x{{/yes}}\n", context) == " x\n")
        #expect(try render("{{#yes}}{{/yes}} {{#yes}}\n{{/yes}}", context) == " \n")
        #expect(try render("{{x}} {{! c }}\n", ["x": "v"]) == "v \n")
    }

    @Test func partialsWithIndentation() throws {
        let partials = ["item": "<li>{{.}}</li>\n", "box": "|\n{{{content}}}\n|\n", "inner": "[{{>item}}]"]
        #expect(try render("<ul>{{#list}}{{>item}}{{/list}}</ul>", ["list": ["a", "b"]], partials: partials) == "<ul><li>a</li>\n<li>b</li>\n</ul>")
        // A standalone partial tag indents every line of the partial, not the lines of data.
        #expect(try render("\\\n {{>box}}\n/\n", ["content": "<\n->"], partials: partials) == "\\\n |\n <\n->\n |\n/\n")
        #expect(try render("x\n  {{> item }}\ny", ["a": 1], partials: partials) == "x\n  <li></li>\ny")
        #expect(try render("{{>inner}}", "v", partials: partials) == "[<li>v</li>\n]")
        // An unknown partial renders nothing.
        #expect(try render("a{{>nope}}b", [:], partials: partials) == "ab")
    }

    @Test func dynamicPartials() throws {
        let partials = ["one": "1:{{x}}", "two": "2:{{x}}"]
        let context: TemplateValue = ["items": [["template": "one", "x": "a"], ["template": "two", "x": "b"], ["template": "none", "x": "c"]]]
        #expect(try render("{{#items}}{{>*template}};{{/items}}", context, partials: partials) == "1:a;2:b;;")
        #expect(try render("{{>* template }}", ["template": 1, "x": "z"], partials: partials) == "")
        // Text given as bytes names a partial as text does.
        #expect(try render("{{>*template}}", ["template": .bytes(Array("two".utf8)), "x": "y"], partials: partials) == "2:y")
    }

    @Test func recursivePartialsFollowTheData() throws {
        let tree: TemplateValue = ["name": "root", "kids": [["name": "a", "kids": [["name": "a1", "kids": []]]], ["name": "b", "kids": []]]]
        let partials = ["node": "{{name}}{{#kids}}({{>node}}){{/kids}}"]
        #expect(try render("{{>node}}", tree, partials: partials) == "root(a(a1))(b)")
        // A template that includes itself forever stops.
        #expect(try render("{{>loop}}", [:], partials: ["loop": "x{{>loop}}"]) == String(repeating: "x", count: 256))
    }

    @Test func setDelimiters() throws {
        let context: TemplateValue = ["x": "<v>", "list": [1, 2]]
        #expect(try render("{{=<% %>=}}<% x %> <%{ x }%> <%& x %> {{x}}", context) == "&lt;v&gt; <v> <v> {{x}}")
        #expect(try render("{{=| |=}}\n|#list|\n|.|\n|/list|\n|={{ }}=|\n{{x}}", context) == "1\n2\n&lt;v&gt;")
        // Delimiters set in a section stay set after it; partials start with the default ones.
        #expect(try render("{{#list}}{{=[ ]=}}[.][/list]", context) == "12")
        #expect(try render("{{=[ ]=}}[>p]", context, partials: ["p": "{{x}}"]) == "&lt;v&gt;")
    }
}
