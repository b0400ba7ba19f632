public import KlasterYAML

extension JSONSchema {
    /// The JSON value a record means under this schema (as ``jsonValue(of:)``), with every
    /// object's keys in schema order: the order of `properties` in the schema, followed through
    /// `$ref`, `allOf`, `anyOf` and `oneOf`. Keys no schema names come last, in document order.
    ///
    /// This is what exports write, so that the same record gives the same text however its YAML
    /// file orders its fields.
    public func canonicalJSON(of document: YAMLNode) -> JSONValue {
        canonicalJSON(document, at: .single(root))
    }

    func canonicalJSON(_ node: YAMLNode, at location: SchemaLocation) -> JSONValue {
        switch node {
        case .scalar(let scalar):
            return scalar.jsonValue(expecting: expectedTypes(location))
        case .sequence(let sequence):
            let itemLocation = child(of: location, key: nil)
            return .array(sequence.items.map { canonicalJSON($0, at: itemLocation) })
        case .mapping(let mapping):
            var entries: [(key: String, value: JSONValue)] = []
            entries.reserveCapacity(mapping.entries.count)
            for entry in mapping.entries {
                let key = Self.keyText(entry.key)
                entries.append((key, canonicalJSON(entry.value, at: child(of: location, key: key))))
            }
            // Distinct YAML keys can share a text (`1` and `"1"`): then the last one wins.
            var seen = Set<String>(minimumCapacity: entries.count)
            let unique = entries.allSatisfy { seen.insert($0.key).inserted }
            if !unique { entries = JSONObject(entries).entries }
            return .object(JSONObject(uniqueKeys: orderedBySchema(entries, at: location)))
        }
    }

    /// ``canonicalJSON(of:)`` of a flat document: the same value, read without a tree.
    public func canonicalJSON(of document: FlatYAML) -> JSONValue {
        canonicalJSON(document, document.root, at: .single(root))
    }

    func canonicalJSON(_ document: FlatYAML, _ node: Int, at location: SchemaLocation) -> JSONValue {
        switch document.kind(node) {
        case .scalar:
            return document.jsonValue(node, expecting: expectedTypes(location))
        case .sequence:
            let itemLocation = child(of: location, key: nil)
            var items: [JSONValue] = []
            items.reserveCapacity(document.count(node))
            document.forEachItem(node) { items.append(canonicalJSON(document, $0, at: itemLocation)) }
            return .array(items)
        case .mapping:
            var entries: [(key: String, value: JSONValue)] = []
            entries.reserveCapacity(document.count(node))
            // A flat document's keys are scalars: their text is the key.
            document.forEachEntry(node) { key, value in
                let text = document.string(key)
                entries.append((text, canonicalJSON(document, value, at: child(of: location, key: text))))
            }
            // No two keys share a text: the fast reader takes no document where they do.
            return .object(JSONObject(uniqueKeys: orderedBySchema(entries, at: location)))
        }
    }

    /// `entries` sorted by the position of their key in the schema's property order; a stable
    /// sort, so keys the schema does not name keep their document order after the named ones.
    private func orderedBySchema(
        _ entries: [(key: String, value: JSONValue)],
        at location: SchemaLocation
    ) -> [(key: String, value: JSONValue)] {
        if entries.count < 2 { return entries }
        let order: [String: Int]
        if case .single(let s) = location, s < singleOrders.count {
            order = singleOrders[s]
        } else {
            order = propertyOrder(at: location)
        }
        if order.isEmpty { return entries }
        let unnamed = order.count
        let ranked = entries.enumerated().map { offset, entry in
            (rank: order[entry.key] ?? unnamed, offset: offset, entry: entry)
        }
        if zip(ranked, ranked.dropFirst()).allSatisfy({ $0.rank <= $1.rank }) { return entries }
        return ranked.sorted { ($0.rank, $0.offset) < ($1.rank, $1.offset) }.map(\.entry)
    }

    /// The property names the schema declares for the object at `path` (keys, and indices for
    /// array items), in schema order; empty where the schema names none.
    public func propertyNames(at path: YAMLPath) -> [String] {
        var location = SchemaLocation.single(root)
        for component in path.components {
            if case .key(let key) = component {
                location = child(of: location, key: key)
            } else {
                location = child(of: location, key: nil)
            }
        }
        return propertyOrder(at: location).sorted { $0.value < $1.value }.map(\.key)
    }

    /// Each property name the schemas at `location` declare, with its position in schema order.
    func propertyOrder(at location: SchemaLocation) -> [String: Int] {
        Self.propertyOrder(at: location, nodes)
    }

    static func propertyOrder(at location: SchemaLocation, _ nodes: [SchemaNode]) -> [String: Int] {
        var order: [String: Int] = [:]
        for s in schemas(at: location, nodes) {
            for property in nodes[s].propertyOrder where order[property.name] == nil {
                order[property.name] = order.count
            }
        }
        return order
    }
}
