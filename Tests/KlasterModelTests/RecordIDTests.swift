import Foundation
import KlasterModel
import PropertyBased
import Testing

@Suite struct RecordIDTests {
    @Test(arguments: [
        "okip", "a", "0", "2015-06-17-porozumienie-o-wspolpracy-miedzyklastrowej-okip", "cluster-55",
        String(repeating: "a", count: 100),
    ])
    func acceptsValidIDs(text: String) {
        #expect(ClusterID(text)?.rawValue == text)
    }

    @Test(arguments: [
        "", "-okip", "okip-", "ok--ip", "OKIP", "śląski", "a_b", "a b", "okip.yaml", "cluster:okip",
        String(repeating: "a", count: 101),
    ])
    func rejectsInvalidIDs(text: String) {
        #expect(ClusterID(text) == nil)
        #expect(!RecordIDSyntax.isValid(text))
    }

    /// The hand-written check agrees with the schemas' pattern and maxLength.
    @Test func agreesWithTheSchemaPattern() async throws {
        let pattern = try NSRegularExpression(pattern: "^[a-z0-9]+(-[a-z0-9]+)*$")
        let characters = Gen<Character?>.element(of: Array("ab09--_A. ś")).compactMap { $0 }
        await propertyCheck(count: 500, input: characters.string(of: 0...110)) { text in
            let range = NSRange(text.startIndex..., in: text)
            let matches = pattern.firstMatch(in: text, range: range) != nil && text.count <= 100
            #expect(RecordIDSyntax.isValid(text) == matches)
        }
    }

    @Test func typedIDsRoundTripThroughJSON() throws {
        struct Holder: Codable, Equatable {
            var cluster: ClusterID
            var members: [MemberID]
        }
        let holder = Holder(
            cluster: ClusterID("okip")!,
            members: [MemberID("rudzki-inkubator-przedsiebiorczosci")!, MemberID("uniwersytet-slaski-w-katowicach")!]
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(holder)
        #expect(
            String(decoding: data, as: UTF8.self)
                == #"{"cluster":"okip","members":["rudzki-inkubator-przedsiebiorczosci","uniwersytet-slaski-w-katowicach"]}"#
        )
        let decoded = try JSONDecoder().decode(Holder.self, from: data)
        #expect(decoded == holder)
        #expect(decoded.cluster.kind == .clusters)
        #expect(decoded.members[0].reference.description == "member:rudzki-inkubator-przedsiebiorczosci")
    }

    @Test func decodingAnInvalidIDThrows() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([ClusterID].self, from: Data(#"["Śląski Klaster"]"#.utf8))
        }
    }

    @Test func parsesMixedReferences() throws {
        let reference = try #require(RecordRef(parsing: "cluster:okip"))
        #expect(reference.kind == .clusters)
        #expect(reference.id == "okip")
        #expect(reference.relativePath == "clusters/okip.yaml")
        #expect(reference.id(as: Cluster.self) == ClusterID("okip"))
        #expect(reference.id(as: Member.self) == nil)
        #expect(RecordRef(parsing: "news:rudzki-klaster-wsrod-swiatowej-elity")?.kind == .news)
        for text in ["okip", "clusters:okip", "cluster:", "cluster:OKIP", ":okip", "network:tci", "cluster:a:b"] {
            #expect(RecordRef(parsing: text) == nil, "\(text)")
        }
    }

    @Test func mixedReferencesRoundTripThroughJSON() throws {
        let references = [
            RecordRef(kind: .agreements, id: "2015-06-17-porozumienie-o-wspolpracy-miedzyklastrowej-okip"),
            RecordRef(kind: .members, id: "zwiazek-pracodawcow-klastry-polskie"),
        ]
        let data = try JSONEncoder().encode(references)
        #expect(
            String(decoding: data, as: UTF8.self)
                == #"["agreement:2015-06-17-porozumienie-o-wspolpracy-miedzyklastrowej-okip","member:zwiazek-pracodawcow-klastry-polskie"]"#
        )
        #expect(try JSONDecoder().decode([RecordRef].self, from: data) == references)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([RecordRef].self, from: Data(#"["okip"]"#.utf8))
        }
    }
}
