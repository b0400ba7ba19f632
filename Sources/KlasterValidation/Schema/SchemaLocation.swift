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
    func member(_ s: Int, _ key: String?) -> Int? {
        if let key { return nodes[s].memberSchema(key) }
        return nodes[s].items
    }

    /// The location of member `key` of an object at `location`, or of its items with `nil`.
    func child(of location: SchemaLocation, key: String?) -> SchemaLocation {
        switch location {
        case .unconstrained: return .unconstrained
        case .single(let s):
            let node = nodes[s]
            if node.alternatives.isEmpty {
                if node.conjunction.count == 1 { return member(s, key).map { .single($0) } ?? .unconstrained }
                var found: Int?
                var many: [[[Int]]] = []
                for t in node.conjunction {
                    guard let c = member(t, key) else { continue }
                    if found == nil && many.isEmpty {
                        found = c
                    } else {
                        if let f = found { many.append([[f]]) }
                        found = nil
                        many.append([[c]])
                    }
                }
                if let found { return .single(found) }
                return many.isEmpty ? .unconstrained : .general(many)
            }
            return childGeneral([[[s]]], key: key)
        case .general(let groups):
            return childGeneral(groups, key: key)
        }
    }

    private func childGeneral(_ groups: [[[Int]]], key: String?) -> SchemaLocation {
        var result: [[[Int]]] = []
        func members(of alternative: [Int]) -> [Int] {
            alternative.flatMap { s in nodes[s].conjunction.compactMap { member($0, key) } }
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
                        if let c = member(t, key) { result.append([[c]]) }
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
