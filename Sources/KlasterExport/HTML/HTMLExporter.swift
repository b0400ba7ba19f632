import Foundation
import KlasterModel
import KlasterStore
import Mustache

/// `klaster export html`: a static site in the `--out` folder: `index.html` (counts, the SVG
/// picture of who belongs where and who signed what, the latest agreements and news), a page
/// per kind with a table (`clusters.html`), a page per record (`clusters/okip.html`) with its
/// fields and its links both ways, `timeline.html`, and `assets/` (CSS, a small script).
///
/// It needs no network: every file is local and linked relatively, so it opens from `file://`.
/// Templates are Mustache (``SiteTemplates``); `--template DIR` replaces any by file name.
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
    static func library(overrides: String?) throws(ExportError) -> MustacheLibrary {
        var sources = SiteTemplates.builtIn
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
                sources[String(file.dropLast(".mustache".count))] = text
            }
            if names.contains("value.mustache") {
                if !names.contains("fields.mustache") { sources["fields"] = SiteTemplates.fieldsThroughValue }
                if !names.contains("value-list.mustache") { sources["value-list"] = SiteTemplates.valueListThroughValue }
            }
        }
        SiteEscaping.register
        var library = MustacheLibrary()
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
            do {
                try library.register(SiteEscaping.pragma + text, named: name)
            } catch {
                throw ExportError(.template, "template \(name): \(error)")
            }
        }
        return library
    }

    /// Writes the site of `dataset` into `folder` (which must exist).
    ///
    /// Two passes over the records, a chunk at a time: the first keeps names, references and
    /// dates (what links pages both ways, the picture and the timeline need); the second renders
    /// each record's page and table row on all cores and writes them as it goes.
    static func write(
        _ dataset: ExportDataset,
        to folder: String,
        library: MustacheLibrary,
        progress: (any ExportProgress)?
    ) throws(ExportError) {
        let total = dataset.count
        var done = 0
        var dates: [(key: RecordKey, date: String)] = []
        let links = try SiteLinks(dataset, dates: &dates) { count in
            done += count
            progress?.update("html", done: done / 2, total: total)
        }
        let pages = SitePages(dataset: dataset, links: links)
        let timeline = SiteTimeline(dates: dates, links: links)
        dates = []
        let site = Site(dataset: dataset, library: library)
        try OutputFiles.makeFolder(folder + "/assets")
        try OutputFiles.writeText(site.render("style", [String: Any]()), to: folder + "/assets/style.css")
        try OutputFiles.writeText(site.render("script", [String: Any]()), to: folder + "/assets/site.js")

        let map = ClusterMap(links: links)
        var index = map.context
        index["kinds"] = dataset.kinds.map { ["kind": $0.rawValue, "label": SiteText.title($0), "count": dataset.count(of: $0)] }
        index["latest"] = timeline.entries.filter { !$0.date.isEmpty }.suffix(10).reversed().map(SiteTimeline.context)
        index["hasTimeline"] = !timeline.entries.isEmpty
        try OutputFiles.writeText(site.page("index", index, title: dataset.name, current: "index.html", root: ""), to: folder + "/index.html")

        let timelinePage = site.page("timeline", ["rows": rowsMarker], title: "Timeline", current: "timeline.html", root: "")
        try streamed(timelinePage, to: folder + "/timeline.html") { (sink) throws(ExportError) in
            var start = 0
            while start < timeline.entries.count {
                let slice = Array(timeline.entries[start..<min(start + 2048, timeline.entries.count)])
                for text in parallelMap(slice, chunk: 64, { site.render("entry", SiteTimeline.context($0)) }) { try sink.write(text) }
                start += slice.count
            }
        }

        for kind in dataset.kinds {
            try OutputFiles.makeFolder(folder + "/" + kind.folder)
            let context: [String: Any] = [
                "kind": kind.rawValue, "label": SiteText.title(kind), "count": dataset.count(of: kind),
                "columns": SitePages.columns(kind).map(\.label), "rows": rowsMarker,
            ]
            let page = site.page("kind", context, title: SiteText.title(kind), current: "\(kind.rawValue).html", root: "")
            let pageFolder = "\(folder)/\(kind.folder)/"
            let current = "\(kind.rawValue).html"
            try streamed(page, to: folder + "/\(kind.rawValue).html") { (sink) throws(ExportError) in
                try dataset.forEachChunk(of: kind, size: 512, map: { record -> Result<String, ExportError> in
                    let context = pages.record(record)
                    let text = site.page("record", context, title: context.title, current: current, root: "../")
                    do throws(ExportError) {
                        try OutputFiles.writeText(text, to: pageFolder + record.id + ".html")
                    } catch {
                        return .failure(error)
                    }
                    return .success(site.render("row", pages.row(record)))
                }) { (rows: [Result<String, ExportError>]) throws(ExportError) in
                    for row in rows { try sink.write(row.get()) }
                    done += rows.count
                    progress?.update("html", done: done / 2, total: total)
                }
            }
        }
        progress?.finish("html")
    }

    /// Writes `page` to `path` with what `rows` writes in place of the rows marker.
    private static func streamed(
        _ page: String,
        to path: String,
        rows: (ByteSink) throws(ExportError) -> Void
    ) throws(ExportError) {
        let sink = try ByteSink(creating: path)
        let parts = page.components(separatedBy: rowsMarker)
        try sink.write(parts[0])
        if parts.count > 1 {
            try rows(sink)
            try sink.write(parts[1...].joined())
        }
        try sink.flush()
    }
}

/// Renders the site's templates, wrapping page content in `layout`.
struct Site: Sendable {
    let dataset: ExportDataset
    let library: MustacheLibrary
    /// The navigation links and the `nav` template's text of them, by root and current page.
    private let navigation: [String: (links: [SiteLayout.Link], text: String)]

    init(dataset: ExportDataset, library: MustacheLibrary) {
        self.dataset = dataset
        self.library = library
        var targets = [("index.html", "Overview")]
        for kind in dataset.kinds { targets.append(("\(kind.rawValue).html", SiteText.title(kind))) }
        targets.append(("timeline.html", "Timeline"))
        var navigation: [String: (links: [SiteLayout.Link], text: String)] = [:]
        for root in ["", "../"] {
            for (current, _) in targets {
                let links = targets.map { SiteLayout.Link(href: $0.0, label: $0.1, current: $0.0 == current) }
                let context: [String: Any] = [
                    "nav": links, "root": root, "site": dataset.name, "lang": dataset.languages.first ?? "pl",
                ]
                navigation[root + current] = (links, library.render(context, withTemplate: "nav") ?? "")
            }
        }
        self.navigation = navigation
    }

    func render(_ template: String, _ context: Any) -> String {
        library.render(context, withTemplate: template) ?? ""
    }

    /// A whole page: `template` rendered with `context` (plus `root` and `site`), inside `layout`.
    func page(_ template: String, _ context: any MustacheParent, title: String, current: String, root: String) -> String {
        let content = render(template, SitePageContext(content: context, root: root, site: dataset.name))
        let nav = navigation[root + current]
        let layout = SiteLayout(
            lang: dataset.languages.first ?? "pl", title: title, site: dataset.name, root: root,
            nav: nav?.links ?? [], navigation: nav?.text ?? "", content: content
        )
        return render("layout", layout)
    }
}
