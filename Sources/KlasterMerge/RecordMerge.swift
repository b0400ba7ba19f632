public import KlasterValidation
public import KlasterYAML

/// The three-way merge of one record file's text: the tree merge of ``RecordMerger``, an
/// optional check of the result against the store (``MergeIntegrity``), and the merged text
/// written from ours' text so that ours' bytes survive outside the changed fields, with
/// git-style markers around each conflicting field.
public struct RecordMerge: Sendable {
    /// The merged text (`nil`: the record is deleted), its tree, and what conflicts remain.
    public struct Result: Sendable {
        public var text: String?
        /// The merged tree; with conflicts, it holds the value the markers surround.
        public var node: YAMLNode?
        public var conflicts: [MergeConflict]

        public var isClean: Bool { conflicts.isEmpty }
    }

    public var schema: SchemaSet
    public var markers: ConflictMarkers
    public var resolution: RecordMerger.Resolution
    /// Checks the merged record against the store; `nil` skips the check.
    public var integrity: MergeIntegrity?

    public init(
        schema: SchemaSet,
        markers: ConflictMarkers = ConflictMarkers(),
        resolution: RecordMerger.Resolution = .markers,
        integrity: MergeIntegrity? = nil
    ) {
        self.schema = schema
        self.markers = markers
        self.resolution = resolution
        self.integrity = integrity
    }

    /// Merges three texts of one record; `nil` for a side where the record does not exist.
    /// Throws the ``YAMLError`` of a side that does not parse, or of a write that fails.
    public func merge(base: String?, ours: String?, theirs: String?, file: String = "") throws(YAMLError) -> Result {
        let parser = YAMLParser()
        func parse(_ text: String?) throws(YAMLError) -> YAMLNode? {
            guard let text else { return nil }
            return try parser.parse(text, file: file)
        }
        let b = try parse(base)
        let o = try parse(ours)
        let t = try parse(theirs)
        let outcome = RecordMerger(schema: schema, resolution: resolution).merge(base: b, ours: o, theirs: t)
        var conflicts = outcome.conflicts
        if let merged = outcome.node, let integrity {
            let found = integrity.check(merged, ours: o, theirs: t)
            conflicts += found
        }
        // A record deleted on one side and changed on the other: the changed version stays, whole.
        if let whole = conflicts.first(where: { $0.path.isRoot && $0.kind == .deleteModify }) {
            let text = resolution == .markers ? (whole.ours == nil ? theirs : ours) : (resolution == .ours ? ours : theirs)
            return Result(text: text.flatMap { $0.isEmpty ? nil : $0 }, node: outcome.node, conflicts: conflicts)
        }
        guard let merged = outcome.node else {
            return Result(text: nil, node: nil, conflicts: conflicts)
        }
        // Layout follows ours; a record ours does not have starts from theirs' text.
        let written = try write(merged, ours: o == nil ? (theirs ?? "") : (ours ?? ""), file: file)
        var text = written.text
        if resolution == .markers && !conflicts.isEmpty {
            let sides = ConflictSides(
                base: (base ?? "", b),
                ours: (ours ?? "", o),
                theirs: (theirs ?? "", t),
                merged: (text, written.root)
            )
            text = sides.markedText(conflicts, markers: markers)
        }
        return Result(text: text, node: merged, conflicts: conflicts)
    }

    private func write(_ merged: YAMLNode, ours: String, file: String) throws(YAMLError) -> (text: String, root: YAMLNode?) {
        do {
            var writer = try MergeWriter(ours: ours, file: file, schema: schema)
            try writer.write(merged)
            if let root = writer.root, root.sameContent(as: merged) {
                return (writer.text, root)
            }
        } catch {}
        // The editor could not keep ours' layout: write the merged tree afresh.
        let text = try YAMLEmitter().emit(merged)
        return (text, try YAMLParser().parse(text, file: file))
    }
}
