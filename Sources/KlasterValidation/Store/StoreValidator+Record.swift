public import KlasterModel
import KlasterStore
import KlasterYAML

extension StoreValidator {
    /// Checks one record's text on its own: YAML, conflict markers, id, schema, domain rules,
    /// ambiguous plain scalars, dates in order. Also gathers the record's ``RecordFacts``.
    ///
    /// An ordinary record is read flat (``YAMLParser/parseFlat(_:)``); any other, and every file
    /// with an error, through the tree.
    public func check(kind: RecordKind, id: String, relativePath: String, bytes: [UInt8]) -> RecordCheck {
        check(kind: kind, id: id, relativePath: relativePath, bytes: bytes, schemas: schemas[kind])
    }

    /// ``check(kind:id:relativePath:bytes:)`` with the kind's schemas given (`nil`: none);
    /// `readingFlat: false` always takes the tree (the tests compare the two readings).
    func check(
        kind: RecordKind,
        id: String,
        relativePath: String,
        bytes: [UInt8],
        schemas: SchemaSet?,
        readingFlat: Bool = true
    ) -> RecordCheck {
        let markers = ConflictMarkers.find(in: bytes)
        if !markers.isEmpty {
            let found = markers.map { marker in
                Diagnostic(
                    file: relativePath, line: marker.line, column: 1, rule: "conflict",
                    message: "unresolved merge conflict (\(marker.marker)); keep one side and remove the markers, "
                        + "or run 'klaster resolve \(kind.rawValue)/\(id) --ours|--theirs'"
                )
            }
            return RecordCheck(diagnostics: found, facts: RecordFacts(kind: kind, id: id))
        }
        let parser = YAMLParser(limits: store.limits)
        if readingFlat, let flat = bytes.withUnsafeBufferPointer({ parser.parseFlat($0) }) {
            return check(flat, kind: kind, id: id, relativePath: relativePath, schemas: schemas)
        }
        let root: YAMLNode?
        do {
            root = try parser.parse(bytes, file: relativePath)
        } catch {
            return RecordCheck(diagnostics: [Diagnostic(error)], facts: nil)
        }
        guard let root, case .mapping = root else {
            let line = root?.span.start.line ?? 1
            let column = root?.span.start.column ?? 1
            let what = root == nil ? "the file is empty" : "the file holds a \(root?.sequence != nil ? "list" : "single value")"
            return RecordCheck(
                diagnostics: [
                    Diagnostic(
                        file: relativePath, line: line, column: column, rule: "record",
                        message: "\(what); a record is a mapping of fields, starting with 'id: \(id)'"
                    )
                ],
                facts: nil
            )
        }
        return check(TreeDocument(root: root), kind: kind, id: id, relativePath: relativePath, schemas: schemas)
    }

    /// The checks of a record whose root is a mapping, read as `document`.
    private func check<Document: ValidatedDocument>(
        _ document: Document,
        kind: RecordKind,
        id: String,
        relativePath: String,
        schemas schemaSet: SchemaSet?
    ) -> RecordCheck {
        let root = document.root
        var diagnostics: [Diagnostic] = []
        func report(_ mark: Mark, _ rule: String, _ message: String, _ pointer: String, _ severity: Diagnostic.Severity = .error) {
            diagnostics.append(
                Diagnostic(
                    file: relativePath, line: mark.line, column: mark.column, severity: severity,
                    rule: rule, message: message, path: pointer
                )
            )
        }
        if let idNode = document.value(forKey: "id", in: root), document.kind(idNode) == .scalar, !document.isNull(idNode),
            case let written = document.text(idNode), written != id
        {
            report(
                document.start(idNode), "id",
                "the id '\(written)' must equal the file name '\(id)' (rename the file with 'klaster mv', or fix the id)",
                "/id"
            )
        }
        guard let schemaSet else { return RecordCheck(diagnostics: diagnostics, facts: nil) }
        var facts = RecordFacts(kind: kind, id: id)
        var domainPaths = Set<String>()
        var ambiguous: [(scalar: AnnotatedScalar, pointer: String, text: String, reading: PlainScalar.Reading)] = []
        // One walk over the record: the schemas' verdicts, and the scalars the checks below read.
        let (violations, scalars) = schemaSet.validateDocument(document, gathering: .annotatedOrAmbiguous)
        for scalar in scalars {
            guard case .string(let text) = scalar.value else { continue }
            var computed: String?
            func pointer() -> String {
                if let computed { return computed }
                let pointer = scalar.path.jsonPointer
                computed = pointer
                return pointer
            }
            func place() -> RecordFacts.Place {
                RecordFacts.Place(pointer: pointer(), line: scalar.scalar.span.start.line, column: scalar.scalar.span.start.column)
            }
            if let rule = scalar.xCheck, let problem = rule.check(text) {
                var message = problem.message
                if let suggestion = problem.suggestion, !message.contains(suggestion) { message += " (write \(suggestion))" }
                report(scalar.scalar.span.start, rule.rawValue, message, pointer())
                domainPaths.insert(pointer())
            }
            if let target = scalar.xRef, let resolved = target.resolve(text) {
                let reference = RecordFacts.Reference(kind: resolved.kind, id: resolved.id, place: place())
                facts.references.append(reference)
                if kind == .clusters, scalar.path.components == [.key("coordinator")] { facts.coordinator = reference }
            }
            if scalar.xUnique {
                facts.uniques.append(RecordFacts.UniqueValue(field: Self.fieldPattern(scalar.path), value: text, place: place()))
            }
            if scalar.scalar.style == .plain, scalar.scalar.tag == nil, let reading = PlainScalar.yaml11Reading(text),
                reading != .merge, reading != .value
            {
                ambiguous.append((scalar, pointer(), text, reading))
            }
        }
        for violation in violations {
            let pointer = violation.path.jsonPointer
            if violation.keyword == "pattern", domainPaths.contains(pointer) { continue }
            report(violation.mark, violation.keyword, violation.message, pointer)
        }
        // A field that is wrong anyway needs no advice about its quoting.
        if !ambiguous.isEmpty {
            let wrong = Set(diagnostics.map(\.path))
            for (scalar, pointer, text, reading) in ambiguous where !wrong.contains(pointer) {
                report(
                    scalar.scalar.span.start, "yaml-ambiguous-scalar",
                    "'\(scalar.path.lastKeyName)' is written \(text) without quotes; YAML 1.1 tools (PyYAML, many editors) "
                        + "read that as \(Self.readingName(reading)), not text: quote it (\"\(text)\"), as 'klaster fmt' does",
                    pointer, .warning
                )
            }
        }
        if kind == .members { facts.coordinates = Self.coordinatedClusters(document) }
        DateOrder.check(document) { mark, message, pointer in report(mark, "date-order", message, pointer) }
        return RecordCheck(diagnostics: diagnostics, facts: facts)
    }

    /// `/people/3/identifiers/nip` → `/people/*/identifiers/nip`.
    static func fieldPattern(_ path: YAMLPath) -> String {
        YAMLPath(path.components.map { component in
            if case .key = component { return component }
            return .key("*")
        }).jsonPointer
    }

    static func readingName(_ reading: PlainScalar.Reading) -> String {
        switch reading {
        case .null: "null (no value)"
        case .bool: "a yes/no value"
        case .int: "a number"
        case .float: "a number"
        case .timestamp: "a date"
        case .merge, .value: "something other than text"
        }
    }

    /// The clusters a member's memberships give it a coordinating role in.
    static func coordinatedClusters<Document: ValidatedDocument>(_ document: Document) -> [String] {
        guard let memberships = document.value(forKey: "memberships", in: document.root), document.kind(memberships) == .sequence
        else { return [] }
        var clusters: [String] = []
        document.forEachItem(memberships) { _, membership in
            guard document.kind(membership) == .mapping, let cluster = document.value(forKey: "cluster", in: membership),
                document.kind(cluster) == .scalar
            else { return true }
            var coordinating = false
            if let roles = document.value(forKey: "roles", in: membership), document.kind(roles) == .sequence {
                document.forEachItem(roles) { _, role in
                    if document.kind(role) == .scalar, case let text = document.text(role), text == "coordinator" || text == "administrator" {
                        coordinating = true
                    }
                    return !coordinating
                }
            }
            if coordinating { clusters.append(document.text(cluster)) }
            return true
        }
        return clusters
    }
}

extension YAMLPath {
    /// The last key named in the path (`since` for `memberships[2].since`), for messages.
    var lastKeyName: String {
        for component in components.reversed() {
            if case .key(let key) = component { return key }
        }
        return "value"
    }
}
