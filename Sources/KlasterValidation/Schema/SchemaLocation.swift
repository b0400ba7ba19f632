/// The schemas that bear on one place in a record, for deciding what its plain scalars mean.
///
/// The place's meaning must not depend on which `anyOf`/`oneOf` branch is being tried, or a
/// value could be the string "12" in one branch and the number 12 in another. So it is decided
/// once per place, from every schema that reaches it: `$ref` and `allOf` members must all hold
/// (their types intersect); for `anyOf`/`oneOf` any branch may (their types unite). The result is
/// what the JSON export shows, and what validation checks.
///
/// `groups` is a conjunction of disjunctions of conjunctions of schema nodes. A branch whose
/// types exclude the container (`type: string` under a mapping) does not speak for its
/// members. `anyOf`/`oneOf` nested inside a branch are not followed further down (the place is
/// then less constrained, and its scalars read by YAML's core schema).
enum SchemaLocation: Hashable, Sendable {
    /// No schema says anything: scalars read by YAML 1.2's core schema.
    case unconstrained
    case single(Int)
    case general([[[Int]]])
}

extension JSONSchema {
    /// The types the schemas at `location` allow.
    func expectedTypes(_ location: SchemaLocation) -> SchemaTypes {
        Self.expectedTypes(location, nodes)
    }

    /// The location of member `key` of an object at `location`, or of its items with `nil`.
    @inline(__always)
    func child(of location: SchemaLocation, key: String?) -> SchemaLocation {
        guard case .single(let s) = location else { return Self.child(of: location, key: key, nodes) }
        guard let key else { return nodes[s].itemLocation }
        guard let k = nodes[s].keys.index(of: key) else { return nodes[s].otherMemberLocation }
        return nodes[s].keyedLocation[k]
    }

    /// Fills every node's cached child locations.
    static func cacheChildLocations(_ nodes: inout [SchemaNode]) {
        for s in nodes.indices {
            var keys: Set<String> = []
            var heads = nodes[s].conjunction
            for group in nodes[s].alternatives { for b in group { heads += nodes[b].conjunction } }
            for t in heads { keys.formUnion(nodes[t].properties.keys) }
            var members: [String: SchemaLocation] = [:]
            for key in keys { members[key] = child(of: .single(s), key: key, nodes) }
            let other = child(of: .single(s), key: Self.unnamedKey(avoiding: keys), nodes)
            let items = child(of: .single(s), key: nil, nodes)
            nodes[s].memberLocations = members
            nodes[s].otherMemberLocation = other
            let named = keys.union(nodes[s].properties.keys).union(nodes[s].required).sorted()
            nodes[s].keys = KeyTable(named)
            nodes[s].keyedProperty = named.map { nodes[s].properties[$0] ?? -1 }
            nodes[s].keyedLocation = named.map { members[$0] ?? other }
            nodes[s].itemLocation = items
        }
    }

    /// A key that no `properties` here names, to compute where every such key goes.
    private static func unnamedKey(avoiding keys: Set<String>) -> String {
        var key = "\u{0}other"
        while keys.contains(key) { key += "\u{0}" }
        return key
    }

    static func expectedTypes(_ location: SchemaLocation, _ nodes: [SchemaNode]) -> SchemaTypes {
        switch location {
        case .unconstrained: return .all
        case .single(let s): return nodes[s].expected
        case .general(let groups):
            var types = SchemaTypes.all
            for group in groups {
                var union: SchemaTypes = []
                for alternative in group {
                    var both = SchemaTypes.all
                    for s in alternative { both.formIntersection(nodes[s].expected) }
                    union.formUnion(both)
                }
                types.formIntersection(union)
            }
            return types
        }
    }

    /// The subschema an object member `key` (or, with `key == nil`, an array item) gets from
    /// node `s` alone.
    @inline(__always)
    static func member(_ s: Int, _ key: String?, _ nodes: [SchemaNode]) -> Int? {
        if let key { return nodes[s].memberSchema(key) }
        return nodes[s].items
    }

    /// ``child(of:key:)`` computed from the schema graph, without the cache.
    static func child(of location: SchemaLocation, key: String?, _ nodes: [SchemaNode]) -> SchemaLocation {
        switch location {
        case .unconstrained: return .unconstrained
        case .single(let s):
            if nodes[s].alternatives.isEmpty {
                if nodes[s].conjunction.count == 1 { return member(s, key, nodes).map { .single($0) } ?? .unconstrained }
                let found = nodes[s].conjunction.compactMap { member($0, key, nodes) }
                if found.isEmpty { return .unconstrained }
                return found.count == 1 ? .single(found[0]) : .general(found.map { [[$0]] })
            }
            return childGeneral([[[s]]], key: key, nodes)
        case .general(let groups):
            return childGeneral(groups, key: key, nodes)
        }
    }

    private static func childGeneral(_ groups: [[[Int]]], key: String?, _ nodes: [SchemaNode]) -> SchemaLocation {
        var result: [[[Int]]] = []
        func members(of alternative: [Int]) -> [Int] {
            alternative.flatMap { s in nodes[s].conjunction.compactMap { member($0, key, nodes) } }
        }
        // Only a branch that admits an object (for a member) or an array (for an item) can be
        // the one that holds for the container, so only such branches speak for its children.
        let container: SchemaTypes = key == nil ? .array : .object
        func addDisjunction(_ alternatives: [[Int]]) {
            let possible = alternatives.filter { alternative in
                alternative.allSatisfy { !nodes[$0].expected.isDisjoint(with: container) }
            }
            let children = possible.map(members(of:))
            if !children.isEmpty && !children.contains(where: \.isEmpty) { result.append(children) }
        }
        for group in groups {
            if group.count == 1 {
                for s in group[0] {
                    for t in nodes[s].conjunction {
                        if let c = member(t, key, nodes) { result.append([[c]]) }
                    }
                    for alternatives in nodes[s].alternatives { addDisjunction(alternatives.map { [$0] }) }
                }
            } else {
                addDisjunction(group)
            }
        }
        if result.isEmpty { return .unconstrained }
        if result.count == 1, result[0].count == 1, result[0][0].count == 1 { return .single(result[0][0][0]) }
        return .general(result)
    }
}
