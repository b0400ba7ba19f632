extension SchemaCompiler {
    /// Fills each node's ``SchemaNode/conjunction``, ``SchemaNode/alternatives`` and
    /// ``SchemaNode/expected``, once every `$ref` is resolved.
    mutating func finish() {
        for index in nodes.indices {
            var seen: Set<Int> = []
            var order: [Int] = []
            collectConjunction(index, &seen, &order)
            nodes[index].conjunction = order
            nodes[index].alternatives = order.flatMap { n in
                [nodes[n].anyOf, nodes[n].oneOf].filter { !$0.isEmpty }
            }
        }
        var memo: [Int: SchemaTypes] = [:]
        var inProgress: Set<Int> = []
        for index in nodes.indices {
            nodes[index].expected = expected(index, &memo, &inProgress)
        }
    }

    private func collectConjunction(_ index: Int, _ seen: inout Set<Int>, _ order: inout [Int]) {
        guard seen.insert(index).inserted else { return }
        order.append(index)
        let node = nodes[index]
        if let ref = node.ref { collectConjunction(ref, &seen, &order) }
        for branch in node.allOf { collectConjunction(branch, &seen, &order) }
    }

    /// The types an instance validated by node `index` may have; a `$ref` cycle counts as
    /// unconstrained where it closes.
    private func expected(_ index: Int, _ memo: inout [Int: SchemaTypes], _ inProgress: inout Set<Int>) -> SchemaTypes {
        if let known = memo[index] { return known }
        guard inProgress.insert(index).inserted else { return .all }
        defer { inProgress.remove(index) }
        let node = nodes[index]
        if let boolean = node.boolean { return boolean ? .all : [] }
        var types = node.types ?? .all
        if let value = node.constValue { types.formIntersection(SchemaTypes(of: value)) }
        if let values = node.enumValues {
            types.formIntersection(values.reduce(into: SchemaTypes()) { $0.formUnion(SchemaTypes(of: $1)) })
        }
        for other in (node.ref.map { [$0] } ?? []) + node.allOf {
            types.formIntersection(expected(other, &memo, &inProgress))
        }
        for group in [node.anyOf, node.oneOf] where !group.isEmpty {
            var union: SchemaTypes = []
            for branch in group { union.formUnion(expected(branch, &memo, &inProgress)) }
            types.formIntersection(union)
        }
        memo[index] = types
        return types
    }
}
