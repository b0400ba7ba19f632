import KlasterTemplates

// The Mustache contexts rendered once per record (its page, its table row, its timeline
// entry), as small types that answer the template engine's key lookups with a `switch`. Each
// answers exactly the keys the site's contexts have always had, with values of the same types
// (text, numbers, Booleans, lists), so templates (built-in or `--template` ones) see the same
// context; any other key is `nil`, and the engine looks it up further out.

/// A record's field value for the `fields` and `value` templates: text (maybe a link), a list,
/// or an object's fields. It answers every key the `value` template asks for, so that Mustache
/// never finds one of an enclosing node instead.
struct SiteValue: TemplateObject {
    enum Shape {
        case text(String, href: String?, external: Bool, long: Bool)
        /// The items, each a ``SiteValue``.
        case list([TemplateValue])
        /// The fields, each a ``SiteValue``.
        case object([TemplateValue])
    }

    /// The field's label, or `nil` for an item of a list (shown as `false`).
    var label: String?
    var shape: Shape

    /// The template that shows the node (`{{>*template}}` in `value`).
    var template: String {
        switch shape {
        case .text(_, let href?, let external, _): external ? "value-external" : "value-link"
        case .text(_, nil, _, let long): long ? "value-long" : "value-text"
        case .list: "value-list"
        case .object: "value-object"
        }
    }

    func value(_ name: String) -> TemplateValue? {
        switch name {
        case "template": return .text(template)
        case "label": return label.map(TemplateValue.text) ?? .bool(false)
        case "isText", "text", "href", "external", "long":
            guard case .text(let text, let href, let external, let long) = shape else {
                return name == "text" ? .text("") : .bool(false)
            }
            switch name {
            case "isText": return .bool(true)
            case "text": return .text(text)
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
struct SiteRecordPage: TemplateObject {
    var kind: String
    var kindTitle: String
    var singular: String
    var id: String
    var title: String
    var file: String
    /// Each a ``SiteValue``.
    var fields: [TemplateValue]
    var outgoing: [SiteGroup]
    var incoming: [SiteGroup]

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
struct SiteGroup: TemplateObject {
    struct Item: TemplateObject {
        var href: String
        var name: String
        var id: String
        var via: String

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

    var label: String
    var kind: String
    /// Each an ``Item``.
    var items: [TemplateValue]

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
struct SiteRow: TemplateObject {
    struct Cell: TemplateObject {
        var text: String
        var sort: String
        var href: String?

        func value(_ name: String) -> TemplateValue? {
            switch name {
            case "text": .text(text)
            case "sort": .text(sort)
            case "href": href.map(TemplateValue.text) ?? .bool(false)
            default: nil
            }
        }
    }

    var cells: [Cell]
    var id: String

    func value(_ name: String) -> TemplateValue? {
        switch name {
        case "cells": .objects(cells)
        case "id": .text(id)
        default: nil
        }
    }
}

/// A content template's context with the keys every page adds: `root` and `site`.
struct SitePageContext: TemplateObject {
    var content: any TemplateObject
    var root: String
    var site: String

    func value(_ name: String) -> TemplateValue? {
        switch name {
        case "root": .text(root)
        case "site": .text(site)
        default: content.value(name)
        }
    }
}

/// The `layout` template's context.
struct SiteLayout: TemplateObject {
    struct Link: TemplateObject {
        var href: String
        var label: String
        var current: Bool

        func value(_ name: String) -> TemplateValue? {
            switch name {
            case "href": .text(href)
            case "label": .text(label)
            case "current": .bool(current)
            default: nil
            }
        }
    }

    var lang: String
    var title: String
    var site: String
    var root: String
    var nav: [Link]
    /// The `nav` template rendered for this page (the same for every page of a kind).
    var navigation: [UInt8]
    var content: [UInt8]

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
