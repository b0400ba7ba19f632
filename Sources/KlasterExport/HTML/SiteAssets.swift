/// The site's stylesheet and script: small, local files (`assets/style.css`, `assets/site.js`),
/// so the site opens from `file://` with no network request. The script only adds sorting and
/// filtering to tables that are complete without it.
enum SiteAssets {
    static let style = """
        :root { --ink: #1d2433; --muted: #5b6475; --line: #d9dee7; --accent: #0b5cad; --soft: #f3f6fa; }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
        body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--ink); background: #fff; }
        a { color: var(--accent); }
        header.site { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: baseline; padding: .75rem 1rem; border-bottom: 1px solid var(--line); background: var(--soft); }
        header.site .brand { font-weight: 700; text-decoration: none; color: var(--ink); }
        header.site nav { display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
        header.site nav a[aria-current] { font-weight: 700; text-decoration: none; color: var(--ink); }
        main { max-width: 68rem; margin: 0 auto; padding: 1rem; }
        footer.site { max-width: 68rem; margin: 2rem auto 0; padding: 1rem; color: var(--muted); font-size: .875rem; border-top: 1px solid var(--line); }
        h1 { font-size: 1.75rem; line-height: 1.25; margin: .5rem 0 1rem; overflow-wrap: anywhere; }
        h2 { font-size: 1.25rem; margin: 2rem 0 .75rem; }
        h3 { font-size: 1rem; margin: 1rem 0 .25rem; }
        .count, .via, .file, .crumbs, .note { color: var(--muted); }
        .via { font-size: .875rem; }
        code { font-size: .875em; overflow-wrap: anywhere; }
        ul.counts { display: flex; flex-wrap: wrap; gap: .75rem; list-style: none; padding: 0; }
        ul.counts a { display: block; padding: .75rem 1rem; border: 1px solid var(--line); border-radius: .5rem; text-decoration: none; min-width: 9rem; }
        ul.counts strong { display: block; font-size: 1.5rem; color: var(--ink); }
        dl.fields { margin: 0; }
        dl.fields > div { display: grid; grid-template-columns: minmax(8rem, 14rem) 1fr; gap: .25rem 1rem; padding: .375rem 0; border-top: 1px solid var(--line); }
        dl.fields dl.fields > div { grid-template-columns: minmax(5rem, 10rem) 1fr; border-top: 0; padding: .125rem 0; }
        dt { font-weight: 600; color: var(--muted); overflow-wrap: anywhere; }
        dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
        dd ul { margin: 0; padding-left: 1.25rem; }
        .long { white-space: pre-line; }
        .table-wrap { overflow-x: auto; border: 1px solid var(--line); border-radius: .5rem; }
        table { border-collapse: collapse; width: 100%; font-size: .9375rem; }
        th, td { text-align: left; vertical-align: top; padding: .5rem .75rem; border-bottom: 1px solid var(--line); }
        th { background: var(--soft); white-space: nowrap; }
        th button { font: inherit; font-weight: 700; border: 0; background: none; padding: 0; cursor: pointer; color: var(--ink); }
        th[aria-sort="ascending"] button::after { content: " ▲"; }
        th[aria-sort="descending"] button::after { content: " ▼"; }
        .filter input { font: inherit; padding: .375rem .5rem; width: min(24rem, 100%); }
        ol.timeline { list-style: none; padding: 0; border-left: 3px solid var(--line); margin-left: .5rem; }
        ol.timeline li { padding: .375rem 0 .375rem 1rem; position: relative; }
        ol.timeline li::before { content: ""; position: absolute; left: -.45rem; top: .85rem; width: .6rem; height: .6rem; border-radius: 50%; background: var(--accent); }
        ol.timeline li.news::before { background: #b7791f; }
        ol.timeline time, ol.timeline .undated { font-variant-numeric: tabular-nums; color: var(--muted); }
        .badge { display: inline-block; font-size: .75rem; padding: 0 .4rem; border-radius: .25rem; background: var(--soft); border: 1px solid var(--line); }
        .map-wrap { overflow-x: auto; border: 1px solid var(--line); border-radius: .5rem; }
        svg.map { display: block; max-width: 100%; height: auto; font: 12px system-ui, sans-serif; }
        svg.map path { fill: none; stroke-width: 1.25; }
        svg.map path.membership { stroke: #7aa7d9; }
        svg.map path.signed { stroke: #d9a35f; }
        svg.map circle.member { fill: #0b5cad; }
        svg.map circle.agreement { fill: #b7791f; }
        svg.map rect.cluster { fill: #e8f0fa; stroke: #0b5cad; }
        svg.map text { fill: var(--ink); }
        svg.map text.heading { font-weight: 700; fill: var(--muted); }
        svg.map a:hover text, svg.map a:focus text { text-decoration: underline; fill: var(--accent); }
        @media (max-width: 40rem) {
          body { font-size: 15px; }
          main { padding: .75rem; }
          h1 { font-size: 1.4rem; }
          dl.fields > div, dl.fields dl.fields > div { grid-template-columns: 1fr; gap: 0; }
          th, td { padding: .375rem .5rem; }
        }

        """

    static let script = """
        // Klaster site: sorting and filtering for tables that work without it.
        (function () {
          "use strict";
          var collator = new Intl.Collator(document.documentElement.lang || "pl", { numeric: true, sensitivity: "base" });
          function key(row, column) {
            var cell = row.cells[column];
            return cell ? (cell.getAttribute("data-sort") || cell.textContent) : "";
          }
          document.querySelectorAll("table.sortable").forEach(function (table) {
            var body = table.tBodies[0];
            table.querySelectorAll("thead th").forEach(function (th, column) {
              var button = document.createElement("button");
              button.type = "button";
              button.textContent = th.textContent;
              th.textContent = "";
              th.appendChild(button);
              button.addEventListener("click", function () {
                var ascending = th.getAttribute("aria-sort") !== "ascending";
                table.querySelectorAll("thead th").forEach(function (other) { other.removeAttribute("aria-sort"); });
                th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
                var rows = Array.prototype.slice.call(body.rows);
                rows.sort(function (a, b) {
                  var order = collator.compare(key(a, column), key(b, column));
                  return ascending ? order : -order;
                });
                var fragment = document.createDocumentFragment();
                rows.forEach(function (row) { fragment.appendChild(row); });
                body.appendChild(fragment);
              });
            });
          });
          document.querySelectorAll("input[data-filter]").forEach(function (input) {
            var table = document.getElementById(input.getAttribute("data-filter"));
            var shown = document.querySelector("output[data-shown='" + input.getAttribute("data-filter") + "']");
            if (!table) { return; }
            var paragraph = input.closest(".filter");
            if (paragraph) { paragraph.hidden = false; }
            var rows = Array.prototype.slice.call(table.tBodies[0].rows);
            var texts = rows.map(function (row) { return row.textContent.toLocaleLowerCase(); });
            function apply() {
              var words = input.value.toLocaleLowerCase().split(/\\s+/).filter(Boolean);
              var count = 0;
              rows.forEach(function (row, i) {
                var match = words.every(function (word) { return texts[i].indexOf(word) !== -1; });
                row.hidden = !match;
                if (match) { count += 1; }
              });
              if (shown) { shown.textContent = count + " / " + rows.length; }
            }
            input.addEventListener("input", apply);
            apply();
          });
        })();

        """
}
