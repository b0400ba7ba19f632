import KlasterMerge
import KlasterModel
import KlasterValidation
import KlasterYAML

/// Schemas and a shorthand for merging record texts in tests.
enum MergeFixtures {
    static let schemas: [RecordKind: SchemaSet] = {
        var out: [RecordKind: SchemaSet] = [:]
        for kind in RecordKind.allCases {
            out[kind] = try? RecordSchemas.schemaSet(for: kind, storeRoot: nil)
        }
        return out
    }()

    static func merge(
        _ kind: RecordKind = .clusters,
        base: String?,
        ours: String?,
        theirs: String?,
        markers: ConflictMarkers = ConflictMarkers(),
        resolution: RecordMerger.Resolution = .markers,
        integrity: MergeIntegrity? = nil
    ) throws -> RecordMerge.Result {
        let merge = RecordMerge(schema: schemas[kind]!, markers: markers, resolution: resolution, integrity: integrity)
        return try merge.merge(base: base, ours: ours, theirs: theirs, file: "\(kind.folder)/test.yaml")
    }

    /// A small cluster record with comments, sets, a keyed list and text.
    static let cluster = """
        # yaml-language-server: $schema=../schemas/clusters.schema.json
        id: okip
        name:
          # The name as the cluster writes it.
          pl: Ogólnopolski Klaster
          en: Polish Cluster
        short_name: OKIP  # the acronym
        aliases:
          - Klaster OKIP
        cluster_type: umbrella
        country: PL

        tags: [ict, innovation]
        people:
          - id: anna-nowak
            name: Anna Nowak
            positions:
              - role: president
          - id: jan-kowalski
            name: Jan Kowalski
        description:
          pl: |
            Pierwszy akapit.
            Drugi akapit.
            Trzeci akapit.

        """
}
