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
        }
        var library = MustacheLibrary()
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
            do {
                try library.register(text, named: name)
            } catch {
                throw ExportError(.template, "template \(name): \(error)")
            }
        }
        return library
    }

    /// Writes the site of `dataset` into `folder` (which must exist).
    static func write(
        _ dataset: ExportDataset,
        to folder: String,
        library: MustacheLibrary,
        progress: (any ExportProgress)?
    ) throws(ExportError) {
        let links = SiteLinks(dataset)
        let pages = SitePages(dataset: dataset, links: links)
        let timeline = SiteTimeline(dataset, links: links)
        let site = Site(dataset: dataset, library: library)
        try OutputFiles.makeFolder(folder + "/assets")
        try OutputFiles.writeText(site.render("style", [:]), to: folder + "/assets/style.css")
        try OutputFiles.writeText(site.render("script", [:]), to: folder + "/assets/site.js")

        let map = ClusterMap(links: links)
        var index = map.context
        index["kinds"] = dataset.kinds.map { ["kind": $0.rawValue, "label": SiteText.title($0), "count": dataset.records(of: $0).count] }
        index["latest"] = timeline.entries.filter { !$0.date.isEmpty }.suffix(10).reversed().map(SiteTimeline.context)
        index["hasTimeline"] = !timeline.entries.isEmpty
        try OutputFiles.writeText(site.page("index", index, title: dataset.name, current: "index.html", root: ""), to: folder + "/index.html")

        for kind in dataset.kinds {
            let records = dataset.records(of: kind)
            let context: [String: Any] = [
                "kind": kind.rawValue, "label": SiteText.title(kind), "count": records.count,
                "columns": SitePages.columns(kind).map(\.label), "rows": rowsMarker,
            ]
            let page = site.page("kind", context, title: SiteText.title(kind), current: "\(kind.rawValue).html", root: "")
            try streamed(page, to: folder + "/\(kind.rawValue).html", items: records) { pages.row($0) } render: { site.render("row", $0) }
        }
        let timelinePage = site.page("timeline", ["rows": rowsMarker], title: "Timeline", current: "timeline.html", root: "")
        try streamed(timelinePage, to: folder + "/timeline.html", items: timeline.entries) { SiteTimeline.context($0) } render: {
            site.render("entry", $0)
        }

        let total = dataset.count
        var done = 0
        for kind in dataset.kinds {
            try OutputFiles.makeFolder(folder + "/" + kind.folder)
            let records = dataset.records(of: kind)
            var start = 0
            while start < records.count {
                let slice = Array(records[start..<min(start + 512, records.count)])
                let failures = parallelMap(slice) { record -> ExportError? in
                    let context = pages.record(record)
                    let title = context["title"] as? String ?? record.id
                    let text = site.page("record", context, title: title, current: "\(kind.rawValue).html", root: "../")
                    do throws(ExportError) {
                        try OutputFiles.writeText(text, to: "\(folder)/\(kind.folder)/\(record.id).html")
                        return nil
                    } catch {
                        return error
                    }
                }
                if let failure = failures.compactMap({ $0 }).first { throw failure }
                start += slice.count
                done += slice.count
                progress?.update("html", done: done, total: total)
            }
        }
        progress?.finish("html")
    }

    /// Writes `page` to `path` with the rows of `items` in place of the rows marker, rendered on
    /// all cores a chunk at a time.
    private static func streamed<Item: Sendable>(
        _ page: String,
        to path: String,
        items: [Item],
        context: @Sendable (Item) -> [String: Any],
        render: @Sendable ([String: Any]) -> String
    ) throws(ExportError) {
        let sink = try ByteSink(creating: path)
        let parts = page.components(separatedBy: rowsMarker)
        try sink.write(parts[0])
        if parts.count > 1 {
            var start = 0
            while start < items.count {
                let slice = Array(items[start..<min(start + 2048, items.count)])
                for text in parallelMap(slice, { render(context($0)) }) { try sink.write(text) }
                start += slice.count
            }
            try sink.write(parts[1...].joined())
        }
        try sink.flush()
    }
}

/// Renders the site's templates, wrapping page content in `layout`.
struct Site: Sendable {
    let dataset: ExportDataset
    let library: MustacheLibrary

    func render(_ template: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: template) ?? ""
    }

    /// A whole page: `template` rendered with `context`, inside `layout`.
    func page(_ template: String, _ context: [String: Any], title: String, current: String, root: String) -> String {
        var context = context
        context["root"] = root
        context["site"] = dataset.name
        let content = render(template, context)
        var nav: [[String: Any]] = [["href": "index.html", "label": "Overview", "current": current == "index.html"]]
        for kind in dataset.kinds {
            nav.append(["href": "\(kind.rawValue).html", "label": SiteText.title(kind), "current": current == "\(kind.rawValue).html"])
        }
        nav.append(["href": "timeline.html", "label": "Timeline", "current": current == "timeline.html"])
        let layout: [String: Any] = [
            "lang": dataset.languages.first ?? "pl", "title": title, "site": dataset.name, "root": root,
            "nav": nav, "content": content,
        ]
        return render("layout", layout)
    }
}
