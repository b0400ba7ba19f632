import KlasterModel
import KlasterYAML
import Testing

/// The Swift types and the schemas name the same properties in the same order, and the same enums.
@Suite struct SchemaMirrorTests {
    static var records: [(RecordKind, any SchemaMirroring.Type)] {
        [
            (.clusters, Cluster.self), (.members, Member.self), (.agreements, Agreement.self), (.news, News.self),
        ]
    }

    /// Every `$defs` entry of every schema and the Swift type that mirrors it.
    static var definitions: [String: any SchemaMirroring.Type] {
        [
        "localizedName": LocalizedText.self, "localizedText": LocalizedText.self,
        "localizedList": LocalizedList.self, "place": Place.self, "address": Address.self,
        "identifiers": Identifiers.self, "position": Position.self, "person": Person.self,
        "source": Source.self, "affiliation": Affiliation.self, "label": Label.self,
        "project": Project.self, "membership": Membership.self, "party": Party.self, "event": Event.self,
        ]
    }

    static func propertyNames(_ node: YAMLNode?) -> [String] {
        node?.mapping?["properties"]?.mapping?.entries.compactMap(\.keyText) ?? []
    }

    @Test(arguments: records.map(\.0))
    func recordPropertiesMatch(kind: RecordKind) throws {
        let schema = try #require(try PackageFiles.schema(kind))
        let type = try #require(Self.records.first { $0.0 == kind }?.1)
        #expect(Self.propertyNames(.mapping(schema)) == type.schemaKeys)
        #expect(schema["$id"]?.text?.hasSuffix("/\(kind.rawValue).schema.json") == true)
    }

    @Test(arguments: records.map(\.0))
    func definitionPropertiesMatch(kind: RecordKind) throws {
        let schema = try #require(try PackageFiles.schema(kind))
        let definitions = try #require(schema["$defs"]?.mapping)
        #expect(!definitions.entries.isEmpty)
        for entry in definitions.entries {
            let name = try #require(entry.keyText)
            let type = try #require(Self.definitions[name], "no Swift type for $defs/\(name)")
            #expect(Self.propertyNames(entry.value) == type.schemaKeys, "$defs/\(name)")
        }
    }

    @Test func enumsMatch() throws {
        let cases: [(RecordKind, [String], [String])] = [
            (.clusters, ["properties", "cluster_type"], Cluster.ClusterType.allCases.map(\.rawValue)),
            (.clusters, ["properties", "status"], Cluster.Status.allCases.map(\.rawValue)),
            (.clusters, ["properties", "ecosystems", "items"], Cluster.Ecosystem.allCases.map(\.rawValue)),
            (.clusters, ["$defs", "affiliation", "properties", "relations", "items"],
             Affiliation.Relation.allCases.map(\.rawValue)),
            (.clusters, ["$defs", "label", "properties", "scheme"], Label.Scheme.allCases.map(\.rawValue)),
            (.clusters, ["$defs", "label", "properties", "level"], Label.Level.allCases.map(\.rawValue)),
            (.clusters, ["$defs", "project", "properties", "fund"], Project.Fund.allCases.map(\.rawValue)),
            (.clusters, ["$defs", "position", "properties", "role"], Position.Role.allCases.map(\.rawValue)),
            (.members, ["properties", "org_type"], Member.OrganisationType.allCases.map(\.rawValue)),
            (.members, ["$defs", "membership", "properties", "roles", "items"],
             Membership.Role.allCases.map(\.rawValue)),
            (.agreements, ["properties", "agreement_type"], Agreement.AgreementType.allCases.map(\.rawValue)),
            (.agreements, ["properties", "status"], Agreement.Status.allCases.map(\.rawValue)),
            (.agreements, ["properties", "confidence"], Agreement.Confidence.allCases.map(\.rawValue)),
            (.agreements, ["properties", "scope", "items"], Agreement.Scope.allCases.map(\.rawValue)),
            (.agreements, ["$defs", "party", "properties", "role"], Party.Role.allCases.map(\.rawValue)),
            (.news, ["$defs", "event", "properties", "event_type"], Event.EventType.allCases.map(\.rawValue)),
            (.news, ["$defs", "event", "properties", "status"], Event.Status.allCases.map(\.rawValue)),
            (.news, ["$defs", "event", "properties", "recurrence"], Event.Recurrence.allCases.map(\.rawValue)),
        ]
        for (kind, path, swiftValues) in cases {
            let schema = try #require(try PackageFiles.schema(kind))
            let node = try #require(YAMLNode.mapping(schema).at(path), "\(kind) \(path)")
            let values = node.mapping?["enum"]?.sequence?.items.compactMap(\.text)
            #expect(values == swiftValues, "\(kind) \(path)")
        }
    }

    @Test func sharedDefinitionsAreIdenticalInEveryFile() throws {
        let first = try #require(try PackageFiles.schema(.clusters)?["$defs"]?.mapping)
        for kind in RecordKind.allCases.dropFirst() {
            let defs = try #require(try PackageFiles.schema(kind)?["$defs"]?.mapping)
            for entry in defs.entries {
                guard let name = entry.keyText, let other = first[name] else { continue }
                #expect(entry.value.sameContent(as: other), "\(kind): $defs/\(name)")
            }
        }
    }
}
