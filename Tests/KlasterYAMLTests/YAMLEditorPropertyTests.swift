import KlasterYAML
import PropertyBased
import Testing

/// Edits undone restore the original bytes, for strings chosen to trouble quoting and indentation.
@Suite struct YAMLEditorPropertyTests {
    static let pieces = [
        "a", "Z", "9", " ", "  ", ":", ": ", "#", " #", "-", "- ", "'", "\"", "\\", "\n", "\n\n", "\t", "{", "}",
        "[", "]", ",", "&", "*", "!", "|", ">", "%", "@", "`", "?", "ż", "Łódź", "😀", "yes", "no", "null", "~",
        "0123", "1e3", "true", ".inf", "---", "...", "\r", "\u{7}", "\u{85}", "\u{2028}", "0x1F", "2013-04-02", "=",
    ]

    static let nasty = Gen<String?>.element(of: pieces).map { $0 ?? "" }.array(of: 0...8).map { $0.joined() }

    /// A document as YAMLEmitter writes it, with `value` in a nested mapping, a block sequence,
    /// a flow sequence and at the end.
    static func document(_ value: String) -> YAMLNode {
        .map([
            "id": .str("record"),
            "nested": .map(["value": .str(value), "after": .int(1)]),
            "list": .seq([.str("a"), .str(value), .str("z")]),
            "flow": .seq([.str(value), .str("b")], flow: true),
            "tail": .str(value),
        ])
    }

    static let paths: [YAMLPath] = ["nested.value", "list[1]", "flow[0]", "tail"]

    @Test func replaceThenReplaceBackRestoresTheBytes() async {
        await propertyCheck(count: 150, input: Self.nasty, Self.nasty) { original, other in
            guard let text = try? YAMLEmitter().emit(Self.document(original)) else { return }
            for path in Self.paths {
                let editor = try YAMLDocumentEditor(text: text)
                var edited = editor
                try edited.replace(at: path, with: .str(other))
                let value = edited.node(at: path)?.scalar?.value
                #expect(value == other, "\(path)")
                try edited.replace(at: path, with: .str(original))
                let restored = edited.text
                #expect(restored == text, "\(path)")
            }
        }
    }

    @Test func setThenRemoveRestoresTheBytes() async throws {
        let fixture = try EditorSupport.fixture("editor-member")
        let places: [(mapping: YAMLPath, after: String?)] = [
            (.root, nil), (.root, "id"), (.root, "founded"), (.root, "description"), ("name", nil), ("name", "pl"),
            ("memberships[0]", nil), ("memberships[1]", "cluster"), ("notes", nil), ("contacts[0]", nil),
        ]
        await propertyCheck(count: 150, input: Self.nasty, Self.nasty, Gen.int(in: 0...(places.count - 1))) { key, value, which in
            let place = places[which]
            let editor = try YAMLDocumentEditor(text: fixture)
            guard !key.isEmpty, key != "<<", editor.node(at: place.mapping)?.mapping?[key] == nil else { return }
            var edited = editor
            try edited.set(.str(value), forKey: key, inMappingAt: place.mapping, after: place.after)
            let stored = edited.node(at: place.mapping)?.mapping?[key]?.scalar?.value
            #expect(stored == value)
            try edited.removeKey(key, inMappingAt: place.mapping)
            let restored = edited.text
            #expect(restored == fixture)
        }
    }

    @Test func insertThenRemoveRestoresTheBytes() async throws {
        let fixture = try EditorSupport.fixture("editor-member")
        let sequences: [YAMLPath] = ["tags", "languages", "contacts", "memberships", "memberships[0].roles", "memberships[1].roles"]
        let element = Gen.oneOf(
            Self.nasty.map { YAMLNode.str($0) },
            Self.nasty.map { YAMLNode.map(["name": .str($0), "note": .str("x")]) },
            Self.nasty.map { YAMLNode.seq([.str($0)], flow: true) }
        )
        await propertyCheck(count: 150, input: element, Gen.int(in: 0...(sequences.count - 1)), Gen.int(in: 0...3)) { node, which, at in
            let path = sequences[which]
            let editor = try YAMLDocumentEditor(text: fixture)
            let count = editor.node(at: path)?.sequence?.items.count ?? 0
            let index = min(at, count)
            var edited = editor
            try edited.insert(node, at: index, inSequenceAt: path)
            let stored = edited.node(at: path.appending(index: index))
            #expect(stored?.sameContent(as: node) == true)
            try edited.removeElement(at: index, inSequenceAt: path)
            let restored = edited.text
            #expect(restored == fixture)
        }
    }
}
