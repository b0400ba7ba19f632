import KlasterModel

/// The checks that need every record: references resolve to a record of the right kind,
/// `x-unique` values do not repeat, a cluster's coordinator has a coordinating membership.
struct CrossRecordCheck {
    /// The ids of the record files that exist, per kind.
    let index: [RecordKind: KeyTable]
    /// Facts of the records, in file order.
    let facts: [RecordFacts]

    func run() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // The first record (by position in `facts`) to use each unique value, and the line: a
        // table per kind and field (there are a handful), each keyed by the value alone.
        var fields: [UniqueField] = []
        var firstUse: [[String: (record: Int, line: Int)]] = []
        var coordinates: [String: Set<String>] = [:]
        for record in facts where record.kind == .members {
            coordinates[record.id] = Set(record.coordinates)
        }
        func fileOf(_ record: RecordFacts) -> String { "\(record.kind.folder)/\(record.id).yaml" }
        // By the kind's position: no dictionary look-up per reference.
        var ids = [KeyTable](repeating: KeyTable(), count: RecordKind.allCases.count)
        for (kind, table) in index { ids[kind.order] = table }
        // By index, each value read where it is: a store's facts are not copied one by one.
        for position in facts.indices {
            let kind = facts[position].kind
            let references = facts[position].references
            for r in references.indices where !ids[references[r].kind.order].contains(references[r].id) {
                let reference = references[r]
                diagnostics.append(
                    Diagnostic(
                        file: fileOf(facts[position]), line: reference.place.line, column: reference.place.column, rule: "ref",
                        message: "'\(Self.fieldName(reference.place.pointer))' refers to \(reference.kind.singular) "
                            + "'\(reference.id)', which does not exist "
                            + "(no \(reference.kind.folder)/\(reference.id).yaml)",
                        path: reference.place.pointer
                    )
                )
            }
            let uniques = facts[position].uniques
            for u in uniques.indices {
                let field = UniqueField(kind: kind, field: uniques[u].field)
                let table: Int
                if let known = fields.firstIndex(of: field) {
                    table = known
                } else {
                    table = fields.count
                    fields.append(field)
                    firstUse.append([:])
                }
                if let first = firstUse[table][uniques[u].value] {
                    // The same file: a record's kind and id name its file.
                    if first.record == position || (facts[first.record].kind == kind && facts[first.record].id == facts[position].id) {
                        continue
                    }
                    let unique = uniques[u]
                    diagnostics.append(
                        Diagnostic(
                            file: fileOf(facts[position]), line: unique.place.line, column: unique.place.column, rule: "unique",
                            message: "\(unique.value) is already used by \(fileOf(facts[first.record])):\(first.line); "
                                + "'\(Self.fieldName(unique.field))' must be unique across \(kind.rawValue)",
                            path: unique.place.pointer
                        )
                    )
                } else {
                    firstUse[table][uniques[u].value] = (position, uniques[u].place.line)
                }
            }
            if let coordinator = facts[position].coordinator, let clusters = coordinates[coordinator.id],
                !clusters.contains(facts[position].id)
            {
                diagnostics.append(
                    Diagnostic(
                        file: fileOf(facts[position]), line: coordinator.place.line, column: coordinator.place.column, severity: .warning,
                        rule: "coordinator-membership",
                        message: "the coordinator '\(coordinator.id)' has no membership in this cluster with the role "
                            + "coordinator or administrator (add one to members/\(coordinator.id).yaml)",
                        path: coordinator.place.pointer
                    )
                )
            }
        }
        return diagnostics
    }

    /// An `x-unique` field of a kind: values must not repeat within it.
    private struct UniqueField: Equatable {
        var kind: RecordKind
        var field: String
    }

    /// The last field name of a pointer (`cluster` for `/memberships/0/cluster`).
    static func fieldName(_ pointer: String) -> String {
        let tokens = pointer.split(separator: "/")
        return String(tokens.last { !$0.allSatisfy(\.isNumber) && $0 != "*" } ?? "value")
    }
}
