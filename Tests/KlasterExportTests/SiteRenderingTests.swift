import Foundation
@testable import KlasterExport
import KlasterModel
import KlasterStore
import KlasterTemplates
import Mustache
import Testing

/// The site rendered with our template engine and with swift-mustache is the same, byte for
/// byte: every built-in template on the samples' real contexts (and with `--template`
/// replacements); and a template that does not parse is an error that names its file, line
/// and column.
@Suite struct SiteRenderingTests {
    /// Renders the site's templates with swift-mustache (the engine the site used before).
    struct MustacheRenderer: SiteRenderer, @unchecked Sendable {
        let library: MustacheLibrary

        init(_ sources: [String: String]) throws {
            var library = MustacheLibrary()
            for (name, source) in sources { try library.register(source, named: name) }
            self.library = library
        }

        func render(_ name: String, _ context: TemplateValue, into out: inout [UInt8]) {
            out.append(contentsOf: (library.render(MustacheBridge.value(context), withTemplate: name) ?? "").utf8)
        }
    }

    /// The samples, a hostile record, and a record whose text has every character to escape.
    static func dataset(_ dir: TempFolder) throws -> ExportDataset {
        _ = try StreamingExportTests.edgeStore(dir)
        try dir.write(
            "store/news/xss.yaml",
            """
            id: xss
            title: <script>alert(1)</script>
            lang: pl
            published: "2015-07-01"
            summary:
              pl: 'Zażółć gęślą jaźń "><img src=x onerror=alert(2)> & ''quoted'''
            about:
              - member:uniwersytet-slaski-w-katowicach
              - cluster:okip

            """
        )
        return try ExportDataset.load(from: Store.open(at: dir.path + "/store")).dataset
    }

    func compare(_ dataset: ExportDataset, _ dir: TempFolder, ours: TemplateLibrary, theirs: MustacheRenderer) throws {
        for name in ["ours", "theirs"] {
            try FileManager.default.createDirectory(atPath: dir.path + "/" + name, withIntermediateDirectories: true)
        }
        try HTMLExporter.write(dataset, to: dir.path + "/ours", library: ours, progress: nil)
        try HTMLExporter.write(dataset, to: dir.path + "/theirs", library: theirs, progress: nil)
        let a = try StreamingExportTests.tree(dir.path + "/ours")
        let b = try StreamingExportTests.tree(dir.path + "/theirs")
        #expect(a.count > 20)
        #expect(a.keys.sorted() == b.keys.sorted())
        for (file, bytes) in a.sorted(by: { $0.key < $1.key }) {
            #expect(bytes == b[file], "\(file) differs")
        }
    }

    @Test func theBuiltInTemplatesRenderTheSiteAsSwiftMustacheDoes() throws {
        let dir = try TempFolder()
        let dataset = try Self.dataset(dir)
        try compare(dataset, dir, ours: HTMLExporter.library(overrides: nil), theirs: MustacheRenderer(SiteTemplates.builtIn))
    }

    @Test func templatesFromAFolderRenderTheSiteAsSwiftMustacheDoes() throws {
        let dir = try TempFolder()
        let dataset = try Self.dataset(dir)
        let overrides = [
            "layout": "<title>{{title}}</title>\n<nav>\n  {{#nav}}\n  <a href=\"{{root}}{{href}}\"{{#current}} class=\"here\"{{/current}}>{{label}}</a>\n  {{/nav}}\n</nav>\n{{{content}}}\n",
            "value": "{{#isText}}{{#href}}<a class=\"mine\" href=\"{{href}}\">{{text}}</a>{{/href}}{{^href}}{{#long}}<p>{{/long}}<i>{{text}}</i>{{/href}}{{/isText}}"
                + "{{#isList}}<ol>{{#items}}<li>{{> value}}</li>{{/items}}</ol>{{/isList}}{{#isObject}}{{> fields}}{{/isObject}}",
            "entry": "<li>{{year}} {{date}} {{#datetime}}{{.}}{{/datetime}} {{kindLabel}} {{title}}</li>\n",
        ]
        for (name, source) in overrides { try dir.write("templates/\(name).mustache", source) }
        var sources = SiteTemplates.builtIn
        for (name, source) in overrides { sources[name] = source }
        sources["fields"] = SiteTemplates.fieldsThroughValue
        sources["value-list"] = SiteTemplates.valueListThroughValue
        try compare(dataset, dir, ours: HTMLExporter.library(overrides: dir.path + "/templates"), theirs: MustacheRenderer(sources))
    }

    @Test func aTemplateThatDoesNotParseIsAnErrorWithItsFileLineAndColumn() throws {
        let dir = try TempFolder()
        let root = try dir.copySamples()
        let dataset = try ExportDataset.load(from: Store.open(at: root)).dataset
        let cases = [
            ("record", "<h1>{{title}}</h1>\n<dl>{{#fields}}<dt>{{label}}</dt></dl>\n", "2:5: section {{#fields}} is not closed"),
            ("entry", "<li>\n  {{title}\n</li>\n", "2:3: unclosed tag"),
            ("kind", "{{#a}}\n{{/b}}", "2:1: {{/b}} closes {{#a}}"),
            ("row", "x {{=<%=}}", "1:3: bad delimiters: {{=OPEN CLOSE=}} takes two delimiters without spaces or '='"),
        ]
        for (name, source, message) in cases {
            let templates = dir.path + "/templates-\(name)"
            try dir.write("templates-\(name)/\(name).mustache", source)
            #expect(throws: ExportError(.template, "\(templates)/\(name).mustache:\(message)")) {
                try HTMLExporter().export(dataset, options: ExportOptions(out: dir.path + "/site-\(name)", templateDirectory: templates))
            }
            #expect(!FileManager.default.fileExists(atPath: dir.path + "/site-\(name)"))
        }
    }
}

/// A ``TemplateValue`` as swift-mustache takes it: texts, numbers, Booleans, arrays, and
/// objects that answer its lookups.
enum MustacheBridge {
    static func value(_ value: TemplateValue) -> Any {
        switch value {
        case .text(let text): text
        case .bytes(let bytes): String(decoding: bytes, as: UTF8.self)
        case .bool(let flag): flag
        case .int(let number): number
        case .list(let items): items.map(Self.value)
        case .object(let object): Parent(object: object)
        case .null: String?.none as Any
        }
    }

    struct Parent: MustacheParent {
        var object: any TemplateObject

        func child(named name: String) -> Any? {
            object.value(name).map(MustacheBridge.value)
        }
    }
}
