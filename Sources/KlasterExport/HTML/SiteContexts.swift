import Mustache

// The Mustache contexts rendered once per record (its page, its table row, its timeline
// entry), as small types that answer swift-mustache's key lookups with a `switch` instead of
// a `[String: Any]` dictionary built and hashed for every node. Each answers exactly the keys
// the dictionaries had, with values of the same types (`String`, `Int`, `Bool`, arrays), so
// templates (built-in or `--template` ones) see the same context; any other key is `nil`, and
// Mustache looks it up further out, as with a dictionary.

/// A record's field value for the `fields` and `value` templates: text (maybe a link), a list,
/// or an object's fields. It answers every key the `value` template asks for, so that Mustache
/// never finds one of an enclosing node instead.
struct SiteValue: MustacheParent {
    enum Shape {
        case text(String, href: String?, external: Bool, long: Bool)
        case list([SiteValue])
        case object([SiteValue])
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

    func child(named name: String) -> Any? {
        switch name {
        case "template": return template
        case "label": return label ?? false
        case "isText", "text", "href", "external", "long":
            guard case .text(let text, let href, let external, let long) = shape else {
                return name == "text" ? "" : false
            }
            switch name {
            case "isText": return true
            case "text": return text
            case "href": return href ?? false
            case "external": return external
            default: return long
            }
        case "isList":
            if case .list = shape { return true }
            return false
        case "items":
            if case .list(let items) = shape { return items }
            return [SiteValue]()
        case "isObject":
            if case .object = shape { return true }
            return false
        case "fields":
            if case .object(let fields) = shape { return fields }
            return [SiteValue]()
        default: return nil
        }
    }
}

/// The context of a record's page (`record` template).
struct SiteRecordPage: MustacheParent {
    var kind: String
    var kindTitle: String
    var singular: String
    var id: String
    var title: String
    var file: String
    var fields: [SiteValue]
    var outgoing: [SiteGroup]
    var incoming: [SiteGroup]

    func child(named name: String) -> Any? {
        switch name {
        case "kind": kind
        case "kindTitle": kindTitle
        case "singular": singular
        case "id": id
        case "title": title
        case "file": file
        case "fields": fields
        case "outgoing": outgoing
        case "incoming": incoming
        case "hasOutgoing": !outgoing.isEmpty
        case "hasIncoming": !incoming.isEmpty
        default: nil
        }
    }
}

/// Related records of one kind on a record's page.
struct SiteGroup: MustacheParent {
    struct Item: MustacheParent {
        var href: String
        var name: String
        var id: String
        var via: String

        func child(named key: String) -> Any? {
            switch key {
            case "href": href
            case "name": name
            case "id": id
            case "via": via
            default: nil
            }
        }
    }

    var label: String
    var kind: String
    var items: [Item]

    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "kind": kind
        case "count": items.count
        case "items": items
        default: nil
        }
    }
}

/// One row of a kind's table (`row` template).
struct SiteRow: MustacheParent {
    struct Cell: MustacheParent {
        var text: String
        var sort: String
        var href: String?

        func child(named name: String) -> Any? {
            switch name {
            case "text": text
            case "sort": sort
            case "href": href ?? false
            default: nil
            }
        }
    }

    var cells: [Cell]
    var id: String

    func child(named name: String) -> Any? {
        switch name {
        case "cells": cells
        case "id": id
        default: nil
        }
    }
}

/// A content template's context with the keys every page adds: `root` and `site`.
struct SitePageContext: MustacheParent {
    var content: any MustacheParent
    var root: String
    var site: String

    func child(named name: String) -> Any? {
        switch name {
        case "root": root
        case "site": site
        default: content.child(named: name)
        }
    }
}

/// The `layout` template's context.
struct SiteLayout: MustacheParent {
    struct Link: MustacheParent {
        var href: String
        var label: String
        var current: Bool

        func child(named name: String) -> Any? {
            switch name {
            case "href": href
            case "label": label
            case "current": current
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
    var navigation: String
    var content: String

    func child(named name: String) -> Any? {
        switch name {
        case "lang": lang
        case "title": title
        case "site": site
        case "root": root
        case "nav": nav
        case "navigation": navigation
        case "content": content
        default: nil
        }
    }
}
