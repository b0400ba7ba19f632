public import KlasterYAML

extension JSONSchema {
    /// The JSON value a record means under this schema (as ``jsonValue(of:)``), with every
    /// object's keys in schema order: the order of `properties` in the schema, followed through
    /// `$ref`, `allOf`, `anyOf` and `oneOf`. Keys no schema names come last, in document order.
    ///
    /// This is what exports write, so that the same record gives the same text however its YAML
    /// file orders its fields.
    public func canonicalJSON(of document: YAMLNode) -> JSONValue {
        documentValue(TreeDocument(root: document), document, at: .single(root), inSchemaOrder: true)
    }

    /// ``canonicalJSON(of:)`` of a flat document: the same value, read without a tree.
    public func canonicalJSON(of document: FlatYAML) -> JSONValue {
        documentValue(document, document.root, at: .single(root), inSchemaOrder: true)
    }

    /// `entries` sorted by the position of their key in the schema's property order; a stable
    /// sort, so keys the schema does not name keep their document order after the named ones.
    func orderedBySchema(
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
