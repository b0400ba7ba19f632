import Foundation
import KlasterModel
import KlasterStore
import KlasterTemplates

/// `klaster export html`: a static site in the `--out` folder: `index.html` (counts, the SVG
/// picture of who belongs where and who signed what, the latest agreements and news), a page
/// per kind with a table (`clusters.html`), a page per record (`clusters/okip.html`) with its
/// fields and its links both ways, `timeline.html`, and `assets/` (CSS, a small script).
///
/// It needs no network: every file is local and linked relatively, so it opens from `file://`.
/// Templates are Mustache (``SiteTemplates``), rendered by ``KlasterTemplates`` into bytes;
/// `--template DIR` replaces any by file name.
/// Tables and the timeline are streamed; record pages are rendered on all cores.
public struct HTMLExporter: Exporter {
    public init() {}

    public var name: String { "html" }
    public var summary: String { "a static web site: index, a page per kind and per record, timeline, picture" }
    public var output: ExportOutput { .folder }

    private static let rowsMarker = "\u{1}klaster-rows\u{1}"

    public func export(_ dataset: ExportDataset, options: ExportOptions) throws(ExportError) {
        guard let out = options.out, out != "-" else {
            throw ExportError(.badOptions, "html writes a folder: give it with --out DIR")
        }
        let library = try Self.library(overrides: options.templateDirectory)
        try OutputFiles.writeFolder(out, format: name) { (folder) throws(ExportError) in
            try Self.write(dataset, to: folder, library: library, progress: options.progress)
        }
    }

    /// The built-in templates, with those in `overrides` (`NAME.mustache`) in their place.
    static func library(overrides: String?) throws(ExportError) -> TemplateLibrary {
        var sources = SiteTemplates.builtIn
        var files: [String: String] = [:]
        if let overrides {
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: overrides)
            } catch {
                throw ExportError(.badOptions, "--template \(overrides): cannot read the folder: \(error.localizedDescription)")
            }
            for file in names.sorted() where file.hasSuffix(".mustache") {
                guard let text = try? String(contentsOfFile: overrides + "/" + file, encoding: .utf8) else {
                    throw ExportError(.io, "\(overrides)/\(file): cannot read (not UTF-8?)")
                }
                let name = String(file.dropLast(".mustache".count))
                sources[name] = text
                files[name] = overrides + "/" + file
            }
            if names.contains("value.mustache") {
                if !names.contains("fields.mustache") { sources["fields"] = SiteTemplates.fieldsThroughValue }
                if !names.contains("value-list.mustache") { sources["value-list"] = SiteTemplates.valueListThroughValue }
            }
        }
        var library = TemplateLibrary()
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
            do throws(TemplateError) {
                try library.register(text, named: name)
            } catch {
                let place = files[name] ?? "built-in template \(name)"
                throw ExportError(.template, "\(place):\(error.line):\(error.column): \(error.message)")
            }
        }
        return library
    }

    /// Writes the site of `dataset` into `folder` (which must exist).
    ///
    /// Two passes over the records, a chunk at a time: the first reads the store and keeps
    /// names, references and dates (what links pages both ways, the picture and the timeline
    /// need) and each record packed (``PackedRecord``); the second renders each record's page
    /// and table row from its packed bytes on all cores and writes them as it goes.
    static func write(
        _ dataset: ExportDataset,
        to folder: String,
        library: any SiteRenderer,
        progress: (any ExportProgress)?
    ) throws(ExportError) {
        let total = dataset.count
        var done = 0
        var dates: [(key: RecordKey, date: String)] = []
        // The store is read once: the first pass keeps the records, packed, for the second.
        var kept: [RecordKind: [PackedRecord]]? = [:]
        let links = try SiteLinks(dataset, dates: &dates, kept: &kept) { count in
            done += count
            progress?.update("html", done: done / 2, total: total)
        }
        let records = kept ?? [:]
        kept = nil
        let pages = SitePages(dataset: dataset, links: links)
        let timeline = SiteTimeline(dates: dates, links: links)
        dates = []
        let site = Site(dataset: dataset, library: library)
        let empty = TemplateValue.object(TemplateDictionary([:]))
        try OutputFiles.makeFolder(folder + "/assets")
        try OutputFiles.writeBytes(site.render("style", empty), to: folder + "/assets/style.css")
        try OutputFiles.writeBytes(site.render("script", empty), to: folder + "/assets/site.js")

        let map = ClusterMap(links: links)
        var index = map.context
        index["kinds"] = .list(
            dataset.kinds.map { ["kind": .text($0.rawValue), "label": .text(SiteText.title($0)), "count": .int(dataset.count(of: $0))] }
        )
        index["latest"] = .objects(timeline.entries.filter { !$0.date.isEmpty }.suffix(10).reversed().map(SiteTimeline.context))
        index["hasTimeline"] = .bool(!timeline.entries.isEmpty)
        try OutputFiles.writeBytes(
            site.page("index", TemplateDictionary(index), title: dataset.name, current: "index.html", root: ""),
            to: folder + "/index.html"
        )

        let timelinePage = site.page(
            "timeline", TemplateDictionary(["rows": .text(rowsMarker)]), title: "Timeline", current: "timeline.html", root: ""
        )
        try streamed(timelinePage, to: folder + "/timeline.html") { (sink) throws(ExportError) in
            var start = 0
            while start < timeline.entries.count {
                let slice = Array(timeline.entries[start..<min(start + 2048, timeline.entries.count)])
                for bytes in parallelMap(slice, chunk: 64, { site.render("entry", .object(SiteTimeline.context($0))) }) {
                    try sink.write(bytes)
                }
                start += slice.count
            }
        }

        for kind in dataset.kinds {
            try OutputFiles.makeFolder(folder + "/" + kind.folder)
            let context = TemplateDictionary([
                "kind": .text(kind.rawValue), "label": .text(SiteText.title(kind)), "count": .int(dataset.count(of: kind)),
                "columns": .texts(SitePages.columns(kind).map(\.label)), "rows": .text(rowsMarker),
            ])
            let page = site.page("kind", context, title: SiteText.title(kind), current: "\(kind.rawValue).html", root: "")
            let pageFolder = "\(folder)/\(kind.folder)/"
            let current = "\(kind.rawValue).html"
            let list = records[kind] ?? []
            try streamed(page, to: folder + "/\(kind.rawValue).html") { (sink) throws(ExportError) in
                var start = 0
                while start < list.count {
                    let chunk = Array(list[start..<min(start + 512, list.count)])
                    let rows = parallelMap(chunk, chunk: 16) { record -> Result<[UInt8], ExportError> in
                        let context = pages.record(record)
                        let bytes = site.page("record", context, title: context.title, current: current, root: "../")
                        do throws(ExportError) {
                            try OutputFiles.writeBytes(bytes, to: pageFolder + record.id + ".html")
                        } catch {
                            return .failure(error)
                        }
                        return .success(site.render("row", .object(pages.row(record))))
                    }
                    for row in rows { try sink.write(row.get()) }
                    start += chunk.count
                    done += chunk.count
                    progress?.update("html", done: done / 2, total: total)
                }
            }
        }
        progress?.finish("html")
    }

    /// Writes `page` to `path` with what `rows` writes in place of the rows marker.
    private static func streamed(
        _ page: [UInt8],
        to path: String,
        rows: (ByteSink) throws(ExportError) -> Void
    ) throws(ExportError) {
        let sink = try ByteSink(creating: path)
        let marker = Array(rowsMarker.utf8)
        if let at = page.firstRange(of: marker) {
            try sink.write(page[..<at.lowerBound])
            try rows(sink)
            // Any later markers are dropped, as splitting the page at every marker did.
            try sink.write(Array(page[at.upperBound...]).replacing(marker, with: [UInt8]()))
        } else {
            try sink.write(page)
        }
        try sink.flush()
    }
}

/// What renders the site's templates by name into UTF-8 bytes: the template library (and, in
/// tests, swift-mustache, to check that both render the same site).
protocol SiteRenderer: Sendable {
    func render(_ name: String, _ context: TemplateValue, into out: inout [UInt8])
}

extension TemplateLibrary: SiteRenderer {}

/// Renders the site's templates, wrapping page content in `layout`.
struct Site: Sendable {
    let dataset: ExportDataset
    let library: any SiteRenderer
    /// The navigation links and the `nav` template's text of them, by root and current page.
    private let navigation: [String: (links: [SiteLayout.Link], text: [UInt8])]

    init(dataset: ExportDataset, library: any SiteRenderer) {
        self.dataset = dataset
        self.library = library
        var targets = [("index.html", "Overview")]
        for kind in dataset.kinds { targets.append(("\(kind.rawValue).html", SiteText.title(kind))) }
        targets.append(("timeline.html", "Timeline"))
        var navigation: [String: (links: [SiteLayout.Link], text: [UInt8])] = [:]
        for root in ["", "../"] {
            for (current, _) in targets {
                let links = targets.map { SiteLayout.Link(href: $0.0, label: $0.1, current: $0.0 == current) }
                let context: TemplateValue = [
                    "nav": .objects(links), "root": .text(root), "site": .text(dataset.name),
                    "lang": .text(dataset.languages.first ?? "pl"),
                ]
                var text: [UInt8] = []
                library.render("nav", context, into: &text)
                navigation[root + current] = (links, text)
            }
        }
        self.navigation = navigation
    }

    func render(_ template: String, _ context: TemplateValue, capacity: Int = 0) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(capacity)
        library.render(template, context, into: &out)
        return out
    }

    /// A whole page: `template` rendered with `context` (plus `root` and `site`), inside `layout`.
    func page(_ template: String, _ context: any TemplateObject, title: String, current: String, root: String) -> [UInt8] {
        let content = render(template, .object(SitePageContext(content: context, root: root, site: dataset.name)), capacity: 8192)
        let nav = navigation[root + current]
        let layout = SiteLayout(
            lang: dataset.languages.first ?? "pl", title: title, site: dataset.name, root: root,
            nav: nav?.links ?? [], navigation: nav?.text ?? [], content: content
        )
        var out: [UInt8] = []
        out.reserveCapacity(content.count + 2048)
        library.render("layout", .object(layout), into: &out)
        return out
    }
}
