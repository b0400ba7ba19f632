import Foundation
import KlasterYAML
import Testing

/// One edit of `Fixtures/editor-member.yaml`, a record dense with comments, blank lines, quoting
/// styles and both sequence indentations: the lines it must change, what they must become, and
/// the same change on PyYAML's reading of the file.
struct GoldenEdit: Sendable, CustomTestStringConvertible {
    let name: String
    /// The fixture's text around the change, exactly; it must occur once.
    let old: String
    /// What that text must become.
    let new: String
    /// The change as a Python statement on the loaded document `d`.
    let python: String
    let apply: @Sendable (inout YAMLDocumentEditor) throws -> Void

    var testDescription: String { name }

    static let all: [GoldenEdit] = [
        GoldenEdit(
            name: "replace a scalar, keeping its comment",
            old: "  since: 2013 # note\n",
            new: "  since: 2014 # note\n",
            python: "d['memberships'][0]['since'] = 2014",
            apply: { try $0.replace(at: "memberships[0].since", with: .int(2014)) }
        ),
        GoldenEdit(
            name: "replace a scalar, keeping the aligned comment",
            old: "id: acme-robotics          # the file stem\n",
            new: "id: acme          # the file stem\n",
            python: "d['id'] = 'acme'",
            apply: { try $0.replace(at: "id", with: .str("acme")) }
        ),
        GoldenEdit(
            name: "replace a single-quoted scalar, keeping its quotes",
            old: "krs: '0000012345'\n",
            new: "krs: '0000099999'\n",
            python: "d['krs'] = '0000099999'",
            apply: { try $0.set(.str("0000099999"), forKey: "krs") }
        ),
        GoldenEdit(
            name: "replace a double-quoted scalar by one that needs no quotes",
            old: "  pl: \"Acme Robotyka\"      # official name\n",
            new: "  pl: Acme Robotyka S.A.      # official name\n",
            python: "d['name']['pl'] = 'Acme Robotyka S.A.'",
            apply: { try $0.replace(at: "name.pl", with: .str("Acme Robotyka S.A.")) }
        ),
        GoldenEdit(
            name: "replace a nested mapping",
            old: "name:\n  pl: \"Acme Robotyka\"      # official name\n  en: 'Acme Robotics'\n\n",
            new: "name:\n  pl: Acme Robotyka S.A.\n\n",
            python: "d['name'] = {'pl': 'Acme Robotyka S.A.'}",
            apply: { try $0.replace(at: "name", with: .map(["pl": .str("Acme Robotyka S.A.")])) }
        ),
        GoldenEdit(
            name: "replace a block scalar by a one-line value",
            old: "description: |\n  Acme builds welding robots.\n\n  Second paragraph, kept as written.\n# contact",
            new: "description: Welding robots.\n# contact",
            python: "d['description'] = 'Welding robots.'",
            apply: { try $0.replace(at: "description", with: .str("Welding robots.")) }
        ),
        GoldenEdit(
            name: "replace a block scalar by another",
            old: "description: |\n  Acme builds welding robots.\n\n  Second paragraph, kept as written.\n# contact",
            new: "description: |\n  Line one.\n    indented: yes\n# contact",
            python: "d['description'] = 'Line one.\\n  indented: yes\\n'",
            apply: { try $0.replace(at: "description", with: .str("Line one.\n  indented: yes\n")) }
        ),
        GoldenEdit(
            name: "replace a flow sequence by a block one",
            old: "tags: [robotics, ai]   # free-form\n",
            new: "tags:\n- robots\n- welding   # free-form\n",
            python: "d['tags'] = ['robots', 'welding']",
            apply: { try $0.replace(at: "tags", with: .seq([.str("robots"), .str("welding")])) }
        ),
        GoldenEdit(
            name: "replace a block sequence element",
            old: "    - board\n",
            new: "    - chair\n",
            python: "d['memberships'][1]['roles'][1] = 'chair'",
            apply: { try $0.replace(at: "memberships[1].roles[1]", with: .str("chair")) }
        ),
        GoldenEdit(
            name: "replace a sequence element that is a mapping",
            old: "  - name: Jan Kowalski\n    email: jan@example.com\n",
            new: "  - name: Jan Kowalski\n    email: jk@example.com\n    phone: +48 123 456 789\n",
            python: "d['contacts'][1] = {'name': 'Jan Kowalski', 'email': 'jk@example.com', 'phone': '+48 123 456 789'}",
            apply: {
                try $0.replace(
                    at: "contacts[1]",
                    with: .map(["name": .str("Jan Kowalski"), "email": .str("jk@example.com"), "phone": .str("+48 123 456 789")])
                )
            }
        ),
        GoldenEdit(
            name: "replace a flow sequence element",
            old: "tags: [robotics, ai]   # free-form\n",
            new: "tags: [robotics, \"a, i\"]   # free-form\n",
            python: "d['tags'][1] = 'a, i'",
            apply: { try $0.replace(at: "tags[1]", with: .str("a, i")) }
        ),
        GoldenEdit(
            name: "set a new key after a sibling",
            old: "founded: 2013-04-02  # from the KRS extract\n\n",
            new: "founded: 2013-04-02  # from the KRS extract\nwebsite: https://acme.example\n\n",
            python: "d['website'] = 'https://acme.example'",
            apply: { try $0.set(.str("https://acme.example"), forKey: "website", after: "founded") }
        ),
        GoldenEdit(
            name: "set a new key after a sibling whose value is a block scalar",
            old: "  Second paragraph, kept as written.\n# contact",
            new: "  Second paragraph, kept as written.\nsize: 120\n# contact",
            python: "d['size'] = 120",
            apply: { try $0.set(.int(120), forKey: "size", after: "description") }
        ),
        GoldenEdit(
            name: "set a new key at the end of the root mapping",
            old: "notes: {}\n# end of record\n",
            new: "notes: {}\nstatus: active\n# end of record\n",
            python: "d['status'] = 'active'",
            apply: { try $0.set(.str("active"), forKey: "status") }
        ),
        GoldenEdit(
            name: "set a nested mapping as a new key",
            old: "notes: {}\n# end of record\n",
            new: "notes: {}\naddress:\n  city: Gliwice\n  street: ul. Zwycięstwa 1\n# end of record\n",
            python: "d['address'] = {'city': 'Gliwice', 'street': 'ul. Zwycięstwa 1'}",
            apply: { try $0.set(.map(["city": .str("Gliwice"), "street": .str("ul. Zwycięstwa 1")]), forKey: "address") }
        ),
        GoldenEdit(
            name: "set a key in an empty flow mapping",
            old: "notes: {}\n",
            new: "notes:\n  pl: Notatka\n",
            python: "d['notes']['pl'] = 'Notatka'",
            apply: { try $0.set(.str("Notatka"), forKey: "pl", inMappingAt: "notes") }
        ),
        GoldenEdit(
            name: "set a key at the end of a mapping inside a sequence",
            old: "  roles: [member]\n",
            new: "  roles: [member]\n  fee: 100\n",
            python: "d['memberships'][0]['fee'] = 100",
            apply: { try $0.set(.int(100), forKey: "fee", inMappingAt: "memberships[cluster=okip]") }
        ),
        GoldenEdit(
            name: "remove a key; the comment above it stays",
            old: "# Registry data\nkrs: '0000012345'\n",
            new: "# Registry data\n",
            python: "del d['krs']",
            apply: { try $0.removeKey("krs") }
        ),
        GoldenEdit(
            name: "remove a key whose value is a block sequence with comments inside",
            old: "# contact people, in order of preference\ncontacts:\n  - name: Anna Nowak   # CEO\n    email: anna@example.com\n    # phone withheld\n  - name: Jan Kowalski\n    email: jan@example.com\n\n",
            new: "# contact people, in order of preference\n\n",
            python: "del d['contacts']",
            apply: { try $0.removeKey("contacts") }
        ),
        GoldenEdit(
            name: "remove the first key of a mapping on an item's line",
            old: "- cluster: silesia-ai\n  since: 2019\n",
            new: "- since: 2019\n",
            python: "del d['memberships'][1]['cluster']",
            apply: { try $0.removeKey("cluster", inMappingAt: "memberships[1]") }
        ),
        GoldenEdit(
            name: "remove the last keys of a nested mapping",
            old: "name:\n  pl: \"Acme Robotyka\"      # official name\n  en: 'Acme Robotics'\n",
            new: "name: {}\n",
            python: "d['name'] = {}",
            apply: {
                try $0.removeKey("pl", inMappingAt: "name")
                try $0.removeKey("en", inMappingAt: "name")
            }
        ),
        GoldenEdit(
            name: "append to a flow sequence",
            old: "tags: [robotics, ai]   # free-form\n",
            new: "tags: [robotics, ai, machine vision]   # free-form\n",
            python: "d['tags'].append('machine vision')",
            apply: { try $0.append(.str("machine vision"), toSequenceAt: "tags") }
        ),
        GoldenEdit(
            name: "insert at the start of a flow sequence",
            old: "tags: [robotics, ai]   # free-form\n",
            new: "tags: [\"[edge]\", robotics, ai]   # free-form\n",
            python: "d['tags'].insert(0, '[edge]')",
            apply: { try $0.insert(.str("[edge]"), at: 0, inSequenceAt: "tags") }
        ),
        GoldenEdit(
            name: "remove from a flow sequence",
            old: "tags: [robotics, ai]   # free-form\n",
            new: "tags: [ai]   # free-form\n",
            python: "del d['tags'][0]",
            apply: { try $0.removeElement(at: 0, inSequenceAt: "tags") }
        ),
        GoldenEdit(
            name: "remove the only element of a flow sequence",
            old: "  roles: [member]\n",
            new: "  roles: []\n",
            python: "d['memberships'][0]['roles'] = []",
            apply: { try $0.remove(at: "memberships[0].roles[0]") }
        ),
        GoldenEdit(
            name: "append to an empty flow sequence",
            old: "languages: []\n",
            new: "languages:\n- pl\n",
            python: "d['languages'].append('pl')",
            apply: { try $0.append(.str("pl"), toSequenceAt: "languages") }
        ),
        GoldenEdit(
            name: "append to an indented block sequence",
            old: "    - board\n\n",
            new: "    - board\n    - observer\n\n",
            python: "d['memberships'][1]['roles'].append('observer')",
            apply: { try $0.append(.str("observer"), toSequenceAt: "memberships[1].roles") }
        ),
        GoldenEdit(
            name: "append a mapping to an indentless block sequence",
            old: "    - board\n\nnotes",
            new: "    - board\n- cluster: sudety\n  since: 2024\n\nnotes",
            python: "d['memberships'].append({'cluster': 'sudety', 'since': 2024})",
            apply: { try $0.append(.map(["cluster": .str("sudety"), "since": .int(2024)]), toSequenceAt: "memberships") }
        ),
        GoldenEdit(
            name: "insert into a block sequence after an element with a comment inside",
            old: "    # phone withheld\n  - name: Jan",
            new: "    # phone withheld\n  - name: Ewa Zając\n    email: ewa@example.com\n  - name: Jan",
            python: "d['contacts'].insert(1, {'name': 'Ewa Zając', 'email': 'ewa@example.com'})",
            apply: {
                try $0.insert(.map(["name": .str("Ewa Zając"), "email": .str("ewa@example.com")]), at: 1, inSequenceAt: "contacts")
            }
        ),
        GoldenEdit(
            name: "remove a block sequence element with the comment inside it",
            old: "contacts:\n  - name: Anna Nowak   # CEO\n    email: anna@example.com\n    # phone withheld\n  - name: Jan",
            new: "contacts:\n  - name: Jan",
            python: "del d['contacts'][0]",
            apply: { try $0.removeElement(at: 0, inSequenceAt: "contacts") }
        ),
        GoldenEdit(
            name: "remove an element found by a field's value",
            old: "memberships:\n- cluster: okip\n  since: 2013 # note\n  roles: [member]\n- cluster: silesia-ai",
            new: "memberships:\n- cluster: silesia-ai",
            python: "del d['memberships'][0]",
            apply: { try $0.remove(at: "memberships[cluster=okip]") }
        ),
    ]
}

@Suite struct YAMLEditorGoldenTests {
    @Test(arguments: GoldenEdit.all)
    func editChangesOnlyItsLines(_ edit: GoldenEdit) throws {
        let original = try EditorSupport.fixture("editor-member")
        #expect(original.components(separatedBy: edit.old).count == 2, "the case's old text must occur once")
        let expected = original.replacingOccurrences(of: edit.old, with: edit.new)
        var editor = try YAMLDocumentEditor(text: original, file: "editor-member.yaml")
        try edit.apply(&editor)
        #expect(editor.text == expected)

        let diff = EditorSupport.changedLines(from: original, to: editor.text)
        let oldLines = Set(edit.old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        let newLines = Set(edit.new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        #expect(!diff.removed.isEmpty || !diff.added.isEmpty)
        #expect(diff.removed.allSatisfy(oldLines.contains), "changed a line outside the edit: \(diff.removed)")
        #expect(diff.added.allSatisfy(newLines.contains), "wrote a line outside the edit: \(diff.added)")

        let reparsed = try YAMLParser().parse(editor.text)
        #expect(YAMLEditorGoldenTests.same(reparsed, editor.root))
    }

    @Test func pyYAMLReadsEachEditAsTheIntendedChange() throws {
        let original = try EditorSupport.fixture("editor-member")
        var cases: [(old: String, new: String, change: String)] = []
        for edit in GoldenEdit.all {
            var editor = try YAMLDocumentEditor(text: original)
            try edit.apply(&editor)
            cases.append((original, editor.text, edit.python))
        }
        let verdicts = try EditorSupport.pyYAMLAgrees(cases)
        #expect(verdicts.count == cases.count)
        for (edit, verdict) in zip(GoldenEdit.all, verdicts) {
            #expect(verdict == "ok", "\(edit.name)")
        }
    }

    static func same(_ a: YAMLNode?, _ b: YAMLNode?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case (let a?, let b?): a.sameContent(as: b)
        default: false
        }
    }
}
