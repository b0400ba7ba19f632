/// The site's built-in Mustache templates, compiled into the binary (it must work alone).
///
/// `--template DIR` replaces any of them by file name: `DIR/record.mustache` replaces `record`.
/// Pages are a content template (`index`, `kind`, `record`, `timeline`) rendered into `layout`
/// as `{{{content}}}`; `kind` and `timeline` take their rows (`row`, `entry`) as `{{{rows}}}`,
/// streamed in. `fields` and `value` (with `value-*`) render a record's fields as nested lists
/// (partials), `map` the SVG picture, `nav` the navigation links; `style` and `script` are the
/// CSS and JavaScript files. Record text is only ever shown with `{{...}}`, which escapes it
/// (`&`, `<`, `>`, `"`, `'`, byte by byte).
///
/// They are rendered by ``KlasterTemplates`` (parsed once, when the export starts; a template
/// that does not parse is an ``ExportError`` with its file, line and column). The contexts are
/// typed (``SiteValue``, ``SiteRecordPage``, ``SiteRow``, ...): each answers the keys listed
/// on its type.
enum SiteTemplates {
    static let builtIn: [String: String] = [
        "layout": layout, "index": index, "kind": kind, "row": row, "record": record, "fields": fields,
        "value": value, "value-text": valueText, "value-long": valueLong, "value-link": valueLink,
        "value-external": valueExternal, "value-list": valueList, "value-object": valueObject,
        "nav": nav, "timeline": timeline, "entry": entry, "map": map, "style": SiteAssets.style,
        "script": SiteAssets.script,
    ]

    static let layout = """
        <!DOCTYPE html>
        <html lang="{{lang}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} · {{site}}</title>
        <link rel="stylesheet" href="{{root}}assets/style.css">
        </head>
        <body>
        <header class="site">
        <a class="brand" href="{{root}}index.html">{{site}}</a>
        <nav aria-label="Site">{{{navigation}}}</nav>
        </header>
        <main>
        {{{content}}}
        </main>
        <footer class="site">Exported by Klaster from the store’s YAML files.</footer>
        <script src="{{root}}assets/site.js"></script>
        </body>
        </html>

        """

    static let index = """
        <h1>{{site}}</h1>
        <ul class="counts">
        {{#kinds}}<li><a href="{{kind}}.html"><strong>{{count}}</strong> {{label}}</a></li>
        {{/kinds}}</ul>
        <section aria-labelledby="map-title">
        <h2 id="map-title">Who belongs where and who signed what</h2>
        {{> map}}
        </section>
        {{#hasTimeline}}<section aria-labelledby="latest-title">
        <h2 id="latest-title">Latest agreements and news</h2>
        <ol class="timeline">
        {{#latest}}{{> entry}}{{/latest}}</ol>
        <p><a href="timeline.html">The whole timeline</a></p>
        </section>{{/hasTimeline}}
        """

    static let kind = """
        <h1>{{label}} <span class="count">({{count}})</span></h1>
        <p class="filter" hidden><label>Filter: <input type="search" data-filter="records" placeholder="name, type, country…"></label> <output data-shown="records"></output></p>
        <div class="table-wrap">
        <table id="records" class="sortable">
        <thead><tr>{{#columns}}<th scope="col">{{.}}</th>{{/columns}}</tr></thead>
        <tbody>
        {{{rows}}}</tbody>
        </table>
        </div>
        """

    static let row = """
        <tr>{{#cells}}<td data-sort="{{sort}}">{{#href}}<a href="{{href}}">{{text}}</a>{{/href}}{{^href}}{{text}}{{/href}}</td>{{/cells}}</tr>

        """

    static let record = """
        <p class="crumbs"><a href="../{{kind}}.html">{{kindTitle}}</a> / <code>{{id}}</code></p>
        <h1>{{title}}</h1>
        <section aria-labelledby="details">
        <h2 id="details">Details</h2>
        {{> fields}}
        </section>
        {{#hasOutgoing}}<section class="related" aria-labelledby="refers-to">
        <h2 id="refers-to">Refers to</h2>
        {{#outgoing}}<h3>{{label}} <span class="count">({{count}})</span></h3>
        <ul>{{#items}}<li><a href="{{href}}">{{name}}</a> <span class="via">{{via}}</span></li>{{/items}}</ul>
        {{/outgoing}}</section>{{/hasOutgoing}}
        {{#hasIncoming}}<section class="related" aria-labelledby="referred-to-by">
        <h2 id="referred-to-by">Referred to by</h2>
        {{#incoming}}<h3>{{label}} <span class="count">({{count}})</span></h3>
        <ul>{{#items}}<li><a href="{{href}}">{{name}}</a> <span class="via">{{via}}</span></li>{{/items}}</ul>
        {{/incoming}}</section>{{/hasIncoming}}
        <p class="file">From <code>{{file}}</code></p>
        """

    /// The fields of a record or an object: each value through the template its node names
    /// (as `value` does, one partial fewer).
    static let fields = """
        <dl class="fields">{{#fields}}<div><dt>{{label}}</dt><dd>{{>*template}}</dd></div>{{/fields}}</dl>
        """

    /// `fields` when `--template` replaces `value`: every value goes through it.
    static let fieldsThroughValue = """
        <dl class="fields">{{#fields}}<div><dt>{{label}}</dt><dd>{{> value}}</dd></div>{{/fields}}</dl>
        """

    /// A field's value: the template its node names (`value-text`, `value-long`, `value-link`,
    /// `value-external`, `value-list`, `value-object`), so that each node costs one lookup to
    /// choose how it is shown. The built-in `fields` and `value-list` name that template
    /// themselves, unless `--template` replaces `value`: then they go through it. A node also answers `isText`, `href`, `external`, `long`,
    /// `isList`, `items`, `isObject`, `fields` for a `value` that decides by itself.
    static let value = """
        {{>*template}}
        """

    static let valueText = """
        {{text}}
        """

    static let valueLong = """
        <span class="long">{{text}}</span>
        """

    static let valueLink = """
        <a href="{{href}}">{{text}}</a>
        """

    static let valueExternal = """
        <a href="{{href}}" rel="noopener noreferrer">{{text}}</a>
        """

    static let valueList = """
        <ul>{{#items}}<li>{{>*template}}</li>{{/items}}</ul>
        """

    /// `value-list` when `--template` replaces `value`.
    static let valueListThroughValue = """
        <ul>{{#items}}<li>{{> value}}</li>{{/items}}</ul>
        """

    static let valueObject = """
        {{> fields}}
        """

    /// The site's navigation links, rendered once for each page that can be the current one and
    /// given to `layout` as `{{{navigation}}}` (`layout` also gets them as `nav`).
    static let nav = """
        {{#nav}}<a href="{{root}}{{href}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a> {{/nav}}
        """

    static let timeline = """
        <h1>Timeline</h1>
        <p>Agreements by the day they were signed, news by the day they were published.</p>
        <ol class="timeline">
        {{{rows}}}</ol>
        """

    static let entry = """
        <li class="{{kind}}">{{#datetime}}<time datetime="{{datetime}}">{{date}}</time>{{/datetime}}{{^datetime}}<span class="undated">{{date}}</span>{{/datetime}} <span class="badge">{{kindLabel}}</span> <a href="{{href}}">{{title}}</a></li>

        """

    static let map = """
        <div class="map-wrap">
        <svg class="map" viewBox="0 0 {{width}} {{height}}" width="{{width}}" height="{{height}}" role="img" aria-labelledby="map-desc">
        <desc id="map-desc">Members (left) linked to the clusters they belong to (middle); clusters and members linked to the agreements they signed (right).</desc>
        {{#headings}}<text class="heading" x="{{x}}" y="20" text-anchor="{{anchor}}">{{text}}</text>
        {{/headings}}{{#edges}}<path class="{{kind}}" d="{{d}}"/>
        {{/edges}}{{#members}}<a href="{{href}}"><circle class="member" cx="{{x}}" cy="{{y}}" r="6"/><text x="{{textX}}" y="{{textY}}" text-anchor="{{anchor}}">{{label}}</text><title>{{name}}</title></a>
        {{/members}}{{#clusters}}<a href="{{href}}"><rect class="cluster" x="{{x}}" y="{{rectY}}" width="{{clusterWidth}}" height="20" rx="6"/><text x="{{textX}}" y="{{textY}}" text-anchor="{{anchor}}">{{label}}</text><title>{{name}}</title></a>
        {{/clusters}}{{#agreements}}<a href="{{href}}"><circle class="agreement" cx="{{x}}" cy="{{y}}" r="6"/><text x="{{textX}}" y="{{textY}}" text-anchor="{{anchor}}">{{label}}</text><title>{{name}}</title></a>
        {{/agreements}}</svg>
        </div>
        {{#hasHidden}}<p class="note">The picture shows the best-connected records; {{hidden}} more are on the kinds’ pages.</p>{{/hasHidden}}
        """
}
