import KlasterYAML

extension SchemaValidator {
    mutating func checkSequence(_ sequence: Node, schema s: Int, location: SchemaLocation) {
        let document = self.document
        let count = document.count(sequence)
        if let items = nodes[s].items {
            let itemLocation = schema.child(of: location, key: nil)
            var stopped = false
            document.forEachItem(sequence) { i, item in
                path.append(.index(i))
                let saved = nesting
                nesting = 0
                let value = schema.typedScalar(document, item, at: itemLocation)
                gather(item, value: value, at: itemLocation, applying: items)
                validate(item, value: value, schema: items, location: itemLocation)
                nesting = saved
                path.removeLast()
                stopped = stopAtFirst && !violations.isEmpty
                return !stopped
            }
            if stopped { return }
        }
        let start = document.start(sequence)
        if let min = nodes[s].minItems, count < min {
            report("minItems", "\(label) must have at least \(Self.count(min, "item")), got \(count)", at: start, schema: s)
        }
        if let max = nodes[s].maxItems, count > max {
            report("maxItems", "\(label) must have at most \(Self.count(max, "item")), got \(count)", at: start, schema: s)
        }
        if nodes[s].uniqueItems, count > 1 {
            let itemLocation = schema.child(of: location, key: nil)
            var values: [JSONValue] = []
            var starts: [Mark] = []
            values.reserveCapacity(count)
            starts.reserveCapacity(count)
            document.forEachItem(sequence) { _, item in
                values.append(schema.documentValue(document, item, at: itemLocation, inSchemaOrder: false))
                starts.append(document.start(item))
                return true
            }
            if let (first, repeated) = Self.firstRepeat(values) {
                report(
                    "uniqueItems",
                    "\(label) must not repeat items: item \(repeated + 1) is the same as item \(first + 1) (\(Self.show(values[repeated])))",
                    at: starts[repeated],
                    schema: s
                )
            }
        }
    }

    /// The positions of the first item equal to an earlier one, and of that earlier one.
    static func firstRepeat(_ values: [JSONValue]) -> (Int, Int)? {
        if values.count <= 16 {
            for j in values.indices.dropFirst() {
                for i in 0..<j where values[i] == values[j] { return (i, j) }
            }
            return nil
        }
        var seen: [JSONValue: Int] = [:]
        for (j, value) in values.enumerated() {
            if let i = seen[value] { return (i, j) }
            seen[value] = j
        }
        return nil
    }

    mutating func checkMapping(_ mapping: Node, schema s: Int, location: SchemaLocation) {
        let document = self.document
        // Members' locations come from the place's schemas; when that is this node alone, the
        // key's one look-up serves both.
        let atThisNode: Bool
        if case .single(let t) = location, t == s { atThisNode = true } else { atThisNode = false }
        let required = nodes[s].required
        let tracksRequired = !required.isEmpty && nodes[s].keys.keys.count <= 64
        var seen: UInt64 = 0
        if !nodes[s].properties.isEmpty || nodes[s].additionalProperties != nil {
            // The node's tables taken once, not per entry (each access would reference-count them).
            let keys = nodes[s].keys
            let keyedLocation = nodes[s].keyedLocation
            let keyedProperty = nodes[s].keyedProperty
            let otherMemberLocation = nodes[s].otherMemberLocation
            let additional = nodes[s].additionalProperties
            let forbidsOthers = additional.map { nodes[$0].boolean == false } ?? false
            var stopped = false
            document.forEachEntry(mapping) { keyNode, value, _ in
                // A key the schema names is its name: no text to build.
                let k = document.keyIndex(keyNode, in: keys)
                let key = k.map { keys.keys[$0] } ?? document.keyText(keyNode)
                if let k { seen |= 1 << UInt64(k) }
                let childLocation: SchemaLocation
                if atThisNode {
                    childLocation = k.map { keyedLocation[$0] } ?? otherMemberLocation
                } else if case .single(let t) = location {
                    // As ``JSONSchema/child(of:key:)``, the key found by its bytes.
                    childLocation = document.keyIndex(keyNode, in: nodes[t].keys).map { nodes[t].keyedLocation[$0] } ?? nodes[t].otherMemberLocation
                } else {
                    childLocation = schema.child(of: location, key: key)
                }
                if let k, case let property = keyedProperty[k], property >= 0 {
                    descend(into: value, key: key, schema: property, location: childLocation)
                } else if let additional {
                    if forbidsOthers {
                        let message = path.isEmpty ? "unknown field '\(key)'" : "unknown field '\(key)' in \(label)"
                        report("additionalProperties", message, at: document.start(keyNode), schema: s)
                        if gatherer != nil {
                            // Not validated further, but still a place: its scalar is gathered.
                            path.append(.key(key))
                            let typed = schema.typedScalar(document, value, at: childLocation)
                            gather(value, value: typed, at: childLocation, applying: additional)
                            path.removeLast()
                        }
                    } else {
                        descend(into: value, key: key, schema: additional, location: childLocation)
                    }
                }
                stopped = stopAtFirst && !violations.isEmpty
                return !stopped
            }
            if stopped { return }
        } else if tracksRequired {
            let keys = nodes[s].keys
            document.forEachEntry(mapping) { keyNode, _, _ in
                if let k = document.keyIndex(keyNode, in: keys) { seen |= 1 << UInt64(k) }
                return true
            }
        }
        let start = document.start(mapping)
        for name in required {
            var present = false
            if tracksRequired, let k = nodes[s].keys.index(of: name) {
                present = seen & (1 << UInt64(k)) != 0
            } else {
                document.forEachEntry(mapping) { keyNode, _, _ in
                    present = document.keyText(keyNode) == name
                    return !present
                }
            }
            guard !present else { continue }
            let message = path.isEmpty ? "missing required field '\(name)'" : "missing required field '\(name)' in \(label)"
            report("required", message, at: start, schema: s)
        }
        let count = document.count(mapping)
        if let min = nodes[s].minProperties, count < min {
            report("minProperties", "\(label) must have at least \(Self.count(min, "field")), got \(count)", at: start, schema: s)
        }
        if let max = nodes[s].maxProperties, count > max {
            report("maxProperties", "\(label) must have at most \(Self.count(max, "field")), got \(count)", at: start, schema: s)
        }
    }

    /// Validates member `key`, whose place is `childLocation`, against `s`.
    private mutating func descend(into value: Node, key: String, schema s: Int, location childLocation: SchemaLocation) {
        path.append(.key(key))
        let saved = nesting
        nesting = 0
        let typed = schema.typedScalar(document, value, at: childLocation)
        gather(value, value: typed, at: childLocation, applying: s)
        validate(value, value: typed, schema: s, location: childLocation)
        nesting = saved
        path.removeLast()
    }

    mutating func checkAnyOf(node: Node, value: ScalarValue?, schema s: Int, location: SchemaLocation) {
        var closest: [SchemaViolation]?
        for branch in nodes[s].anyOf {
            let found = trial(node, value: value, schema: branch, location: location, stopAtFirst: stopAtFirst)
            if found.isEmpty { return }
            if isCloser(found, than: closest) { closest = found }
        }
        reportNoBranch("anyOf", closest ?? [], node: node, schema: s)
    }

    mutating func checkOneOf(node: Node, value: ScalarValue?, schema s: Int, location: SchemaLocation) {
        var closest: [SchemaViolation]?
        var matching: [Int] = []
        for (i, branch) in nodes[s].oneOf.enumerated() {
            let found = trial(node, value: value, schema: branch, location: location, stopAtFirst: stopAtFirst)
            if found.isEmpty {
                matching.append(i)
                if matching.count > 1 && stopAtFirst { break }
            } else if isCloser(found, than: closest) {
                closest = found
            }
        }
        if matching.isEmpty {
            reportNoBranch("oneOf", closest ?? [], node: node, schema: s)
        } else if matching.count > 1 {
            let which = matching.map { String($0 + 1) }.joined(separator: " and ")
            report(
                "oneOf",
                "\(label) fits more than one of the allowed forms (\(which)); it must fit exactly one",
                at: document.start(node),
                schema: s
            )
        }
    }

    private mutating func reportNoBranch(_ keyword: String, _ closest: [SchemaViolation], node: Node, schema s: Int) {
        var message = "\(label) does not fit any of the allowed forms"
        if let first = SchemaViolation.ordered(closest).first { message += "; closest: \(first.message)" }
        report(keyword, message, at: document.start(node), schema: s, causes: SchemaViolation.ordered(closest))
    }

    /// Whether a failed branch's `found` is closer to fitting than `closest` (or there is none).
    private func isCloser(_ found: [SchemaViolation], than closest: [SchemaViolation]?) -> Bool {
        guard let closest else { return true }
        return Self.score(found, depth: path.count) < Self.score(closest, depth: path.count)
    }

    /// How far a failed branch is from fitting, at a place `depth` steps down: a wrong type at
    /// the place itself counts most, a wrong `const`/`enum` (a discriminator) next, any other
    /// problem least.
    private static func score(_ found: [SchemaViolation], depth: Int) -> Int {
        var total = 0
        for violation in found {
            if violation.keyword == "type" && violation.path.components.count == depth {
                total += 1000
            } else if violation.keyword == "const" || violation.keyword == "enum" {
                total += 100
            } else {
                total += 1
            }
        }
        return total
    }
}
