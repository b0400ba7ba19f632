import KlasterTemplates

// The Mustache contexts rendered once per record (its page, its table row, its timeline
// entry), as small classes that answer the template engine's key lookups with a `switch`
// (classes: a template value holding one is a reference, copied by a retain). Each
// answers exactly the keys the site's contexts have always had, with values of the same types
// (text, numbers, Booleans, lists), so templates (built-in or `--template` ones) see the same
// context; any other key is `nil`, and the engine looks it up further out.

/// A record's field value for the `fields` and `value` templates: text (maybe a link), a list,
/// or an object's fields. It answers every key the `value` template asks for, so that Mustache
/// never finds one of an enclosing node instead.
final class SiteValue: TemplateObject {
    enum Shape {
        case text(String, href: String?, external: Bool, long: Bool)
        /// Text that is no link, as UTF-8 bytes (shown as `text` is).
        case plain([UInt8], long: Bool)
        /// The items, each a ``SiteValue``.
        case list([TemplateValue])
        /// The fields, each a ``SiteValue``.
        case object([TemplateValue])
    }

    /// The field's label, or `nil` for an item of a list (shown as `false`).
    let label: String?
    let shape: Shape

    init(label: String?, shape: Shape) {
        self.label = label
        self.shape = shape
    }

    /// The template that shows the node (`{{>*template}}` in `value`).
    var template: String {
        switch shape {
        case .text(_, _?, let external, _): external ? "value-external" : "value-link"
        case .text(_, nil, _, let long), .plain(_, let long): long ? "value-long" : "value-text"
        case .list: "value-list"
        case .object: "value-object"
        }
    }

    func value(_ name: String) -> TemplateValue? {
        // The keys the built-in templates ask for most come first (a switch on strings tries
        // its cases in order).
        switch name {
        case "label": return label.map(TemplateValue.text) ?? .bool(false)
        case "template": return .text(template)
        case "text":
            switch shape {
            case .plain(let bytes, _): return .bytes(bytes)
            case .text(let text, _, _, _): return .text(text)
            case .list, .object: return .text("")
            }
        case "isText", "href", "external", "long":
            if case .plain(_, let long) = shape {
                switch name {
                case "long": return .bool(long)
                case "isText": return .bool(true)
                default: return .bool(false)
                }
            }
            guard case .text(_, let href, let external, let long) = shape else { return .bool(false) }
            switch name {
            case "isText": return .bool(true)
            case "href": return href.map(TemplateValue.text) ?? .bool(false)
            case "external": return .bool(external)
            default: return .bool(long)
            }
        case "isList":
            if case .list = shape { return .bool(true) }
            return .bool(false)
        case "items":
            if case .list(let items) = shape { return .list(items) }
            return .list([])
        case "isObject":
            if case .object = shape { return .bool(true) }
            return .bool(false)
        case "fields":
            if case .object(let fields) = shape { return .list(fields) }
            return .list([])
        default: return nil
        }
    }
}

/// The context of a record's page (`record` template).
final class SiteRecordPage: TemplateObject {
    let kind: String
    let kindTitle: String
    let singular: String
    let id: String
    let title: String
    let file: String
    /// Each a ``SiteValue``.
    let fields: [TemplateValue]
    let outgoing: [SiteGroup]
    let incoming: [SiteGroup]

    init(
        kind: String, kindTitle: String, singular: String, id: String, title: String, file: String,
        fields: [TemplateValue], outgoing: [SiteGroup], incoming: [SiteGroup]
    ) {
        self.kind = kind
        self.kindTitle = kindTitle
        self.singular = singular
        self.id = id
        self.title = title
        self.file = file
        self.fields = fields
        self.outgoing = outgoing
        self.incoming = incoming
    }

    func value(_ name: String) -> TemplateValue? {
        switch name {
        case "kind": .text(kind)
        case "kindTitle": .text(kindTitle)
        case "singular": .text(singular)
        case "id": .text(id)
        case "title": .text(title)
        case "file": .text(file)
        case "fields": .list(fields)
        case "outgoing": .objects(outgoing)
        case "incoming": .objects(incoming)
        case "hasOutgoing": .bool(!outgoing.isEmpty)
        case "hasIncoming": .bool(!incoming.isEmpty)
        default: nil
        }
    }
}

/// Related records of one kind on a record's page.
final class SiteGroup: TemplateObject {
    final class Item: TemplateObject {
        let href: String
        let name: String
        let id: String
        let via: String

        init(href: String, name: String, id: String, via: String) {
            self.href = href
            self.name = name
            self.id = id
            self.via = via
        }

        func value(_ key: String) -> TemplateValue? {
            switch key {
            case "href": .text(href)
            case "name": .text(name)
            case "id": .text(id)
            case "via": .text(via)
            default: nil
            }
        }
    }

    let label: String
    let kind: String
    /// Each an ``Item``.
    let items: [TemplateValue]

    init(label: String, kind: String, items: [TemplateValue]) {
        self.label = label
        self.kind = kind
        self.items = items
    }

    func value(_ name: String) -> TemplateValue? {
        switch name {
        case "label": .text(label)
        case "kind": .text(kind)
        case "count": .int(items.count)
        case "items": .list(items)
        default: nil
        }
    }
}

/// One row of a kind's table (`row` template).
final class SiteRow: TemplateObject {
    final class Cell: TemplateObject {
        let text: String
        let sort: String
        let href: String?

        init(text: String, sort: String, href: String?) {
            self.text = text
            self.sort = sort
            self.href = href
        }

        func value(_ name: String) -> TemplateValue? {
            switch name {
            case "text": .text(text)
            case "sort": .text(sort)
            case "href": href.map(TemplateValue.text) ?? .bool(false)
            default: nil
            }
        }
    }

    let cells: [Cell]
    let id: String

    init(cells: [Cell], id: String) {
        self.cells = cells
        self.id = id
    }

    func value(_ name: String) -> TemplateValue? {
        switch name {
        case "cells": .objects(cells)
        case "id": .text(id)
        default: nil
        }
    }
}

/// A content template's context with the keys every page adds: `root` and `site`.
final class SitePageContext: TemplateObject {
    let content: any TemplateObject
    let root: String
    let site: String

    init(content: any TemplateObject, root: String, site: String) {
        self.content = content
        self.root = root
        self.site = site
    }

    func value(_ name: String) -> TemplateValue? {
        switch name {
        case "root": .text(root)
        case "site": .text(site)
        default: content.value(name)
        }
    }
}

/// The `layout` template's context.
final class SiteLayout: TemplateObject {
    final class Link: TemplateObject, Sendable {
        let href: String
        let label: String
        let current: Bool

        init(href: String, label: String, current: Bool) {
            self.href = href
            self.label = label
            self.current = current
        }

        func value(_ name: String) -> TemplateValue? {
            switch name {
            case "href": .text(href)
            case "label": .text(label)
            case "current": .bool(current)
            default: nil
            }
        }
    }

    let lang: String
    let title: String
    let site: String
    let root: String
    let nav: [Link]
    /// The `nav` template rendered for this page (the same for every page of a kind).
    let navigation: [UInt8]
    let content: [UInt8]

    init(lang: String, title: String, site: String, root: String, nav: [Link], navigation: [UInt8], content: [UInt8]) {
        self.lang = lang
        self.title = title
        self.site = site
        self.root = root
        self.nav = nav
        self.navigation = navigation
        self.content = content
    }

    func value(_ name: String) -> TemplateValue? {
        switch name {
        case "lang": .text(lang)
        case "title": .text(title)
        case "site": .text(site)
        case "root": .text(root)
        case "nav": .objects(nav)
        case "navigation": .bytes(navigation)
        case "content": .bytes(content)
        default: nil
        }
    }
}
