public import KlasterYAML

extension JSONSchema {
    /// The property names the schema gives the object at `path`, in the order the schema lists
    /// them (the place's own `properties` first, then those of `$ref`/`allOf` targets, then of
    /// `anyOf`/`oneOf` branches); empty where the schema names none. `klaster fmt` orders keys
    /// by it, and new keys go in by it.
    public func propertyOrder(at path: YAMLPath) -> [String] {
        var location = SchemaLocation.single(root)
        for component in path.components {
            if case .key(let key) = component {
                location = child(of: location, key: key)
            } else {
                location = child(of: location, key: nil)
            }
        }
        var names: [String] = []
        var seen: Set<String> = []
        for s in schemas(at: location) {
            for property in nodes[s].propertyOrder where seen.insert(property.name).inserted {
                names.append(property.name)
            }
        }
        return names
    }
}

extension SchemaSet {
    /// ``JSONSchema/propertyOrder(at:)`` of the first schema, followed by names only a later
    /// schema (a store's own) adds.
    public func propertyOrder(at path: YAMLPath) -> [String] {
        var names: [String] = []
        var seen: Set<String> = []
        for schema in schemas {
            for name in schema.propertyOrder(at: path) where seen.insert(name).inserted { names.append(name) }
        }
        return names
    }
}
