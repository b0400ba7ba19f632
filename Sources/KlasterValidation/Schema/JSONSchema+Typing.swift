public import KlasterYAML

extension JSONSchema {
    /// The JSON value a record means under this schema: what the JSON export shows, and exactly
    /// what ``validate(_:)`` checks.
    ///
    /// Each plain scalar reads by what the schema expects at its place (see
    /// ``YAMLScalar/jsonValue(expecting:)``): `krs: 0000012345` is the string "0000012345" where a
    /// string is wanted, `employees: 12` the number 12 where a number is. Where the schema allows
    /// several types there (a type array, `anyOf`/`oneOf` branches of different types), or says
    /// nothing, YAML 1.2's core schema decides (`12` is a number, `abc` a string). Mapping keys
    /// are their text; keys stay in document order.
    public func jsonValue(of document: YAMLNode) -> JSONValue {
        jsonValue(document, at: .single(root))
    }

    func jsonValue(_ node: YAMLNode, at location: SchemaLocation) -> JSONValue {
        documentValue(TreeDocument(root: node), node, at: location, inSchemaOrder: false)
    }

    /// The JSON value of `node` in any document, at `location`: ``jsonValue(of:)``, or with
    /// `inSchemaOrder` ``canonicalJSON(of:)``.
    func documentValue<Document: ValidatedDocument>(
        _ document: Document,
        _ node: Document.Node,
        at location: SchemaLocation,
        inSchemaOrder: Bool
    ) -> JSONValue {
        switch document.kind(node) {
        case .scalar:
            return document.scalarValue(node, expecting: expectedTypes(location))
        case .sequence:
            let itemLocation = child(of: location, key: nil)
            var items: [JSONValue] = []
            items.reserveCapacity(document.count(node))
            document.forEachItem(node) { _, item in
                items.append(documentValue(document, item, at: itemLocation, inSchemaOrder: inSchemaOrder))
                return true
            }
            return .array(items)
        case .mapping:
            var entries: [(key: String, value: JSONValue)] = []
            entries.reserveCapacity(document.count(node))
            document.forEachEntry(node) { key, member, _ in
                let text = document.keyText(key)
                entries.append((text, documentValue(document, member, at: child(of: location, key: text), inSchemaOrder: inSchemaOrder)))
                return true
            }
            // Distinct YAML keys can share a text (`1` and `"1"`): then the last one wins.
            if !document.keyTextsAreDistinct {
                var seen = Set<String>(minimumCapacity: entries.count)
                if !entries.allSatisfy({ seen.insert($0.key).inserted }) { entries = JSONObject(entries).entries }
            }
            return .object(JSONObject(uniqueKeys: inSchemaOrder ? orderedBySchema(entries, at: location) : entries))
        }
    }

    /// The value of a scalar node at `location`; `nil` for collections.
    @inline(__always)
    func typedScalar<Document: ValidatedDocument>(_ document: Document, _ node: Document.Node, at location: SchemaLocation) -> ScalarValue? {
        guard document.kind(node) == .scalar else { return nil }
        return document.typedValue(node, expecting: expectedTypes(location))
    }

    /// A mapping key as JSON sees it: a scalar's text, or the compact JSON of a collection key.
    static func keyText(_ key: YAMLNode) -> String {
        if case .scalar(let s) = key { return s.value }
        return key.coreJSON.jsonText()
    }
}

extension YAMLNode {
    /// The node read by YAML 1.2's core schema alone, with no schema.
    public var coreJSON: JSONValue {
        switch self {
        case .scalar(let s): s.coreValue
        case .sequence(let s): .array(s.items.map(\.coreJSON))
        case .mapping(let m): .object(JSONObject(m.entries.map { (JSONSchema.keyText($0.key), $0.value.coreJSON) }))
        }
    }
}
