import KlasterYAML
import Testing

/// The editor on layouts the record fixture does not have: line breaks, empty documents, empty
/// values, other indentations, and the edits it must refuse.
@Suite struct YAMLEditorLayoutTests {
    private func edited(_ text: String, _ edit: (inout YAMLDocumentEditor) throws -> Void) throws -> String {
        var editor = try YAMLDocumentEditor(text: text)
        try edit(&editor)
        return editor.text
    }

    private func refusal(_ text: String, _ edit: (inout YAMLDocumentEditor) throws -> Void) throws -> YAMLError {
        var editor = try YAMLDocumentEditor(text: text)
        do {
            try edit(&editor)
        } catch let error as YAMLError {
            #expect(editor.text == text, "a refused edit must leave the text as it was")
            return error
        }
        Issue.record("the edit was not refused")
        return YAMLError(.syntax, "")
    }

    // MARK: - Line breaks

    @Test func crlfFileKeepsCRLF() throws {
        let text = "# c\r\na: 1 # one\r\nlist:\r\n  - x\r\nb:\r\n  c: 2\r\n"
        #expect(try edited(text) { try $0.replace(at: "a", with: .int(5)) } == "# c\r\na: 5 # one\r\nlist:\r\n  - x\r\nb:\r\n  c: 2\r\n")
        #expect(try edited(text) { try $0.append(.str("w"), toSequenceAt: "list") } == "# c\r\na: 1 # one\r\nlist:\r\n  - x\r\n  - w\r\nb:\r\n  c: 2\r\n")
        #expect(try edited(text) { try $0.set(.map(["d": .int(3), "e": .str("f")]), forKey: "m", after: "a") }
            == "# c\r\na: 1 # one\r\nm:\r\n  d: 3\r\n  e: f\r\nlist:\r\n  - x\r\nb:\r\n  c: 2\r\n")
        #expect(try edited(text) { try $0.removeKey("list") } == "# c\r\na: 1 # one\r\nb:\r\n  c: 2\r\n")
        #expect(try edited(text) { try $0.replace(at: "b", with: .str("line 1\nline 2")) } == "# c\r\na: 1 # one\r\nlist:\r\n  - x\r\nb: |-\r\n  line 1\r\n  line 2\r\n")
    }

    @Test func fileWithoutFinalLineBreakStaysWithout() throws {
        let text = "a: 1\nb:\n  c: 2"
        #expect(try edited(text) { try $0.set(.int(3), forKey: "d") } == "a: 1\nb:\n  c: 2\nd: 3")
        #expect(try edited(text) { try $0.set(.int(3), forKey: "d", inMappingAt: "b") } == "a: 1\nb:\n  c: 2\n  d: 3")
        #expect(try edited(text) { try $0.removeKey("b") } == "a: 1")
        #expect(try edited(text) { try $0.replace(at: "b.c", with: .int(7)) } == "a: 1\nb:\n  c: 7")
        #expect(try edited("- a\n- b") { try $0.removeElement(at: 1, inSequenceAt: .root) } == "- a")
        #expect(try edited("- a\n- b") { try $0.append(.str("c"), toSequenceAt: .root) } == "- a\n- b\n- c")
    }

    // MARK: - Empty documents and values

    @Test func setKeyInEmptyDocuments() throws {
        #expect(try edited("") { try $0.set(.str("x"), forKey: "id") } == "id: x\n")
        #expect(try edited("# only a comment\n") { try $0.set(.str("x"), forKey: "id") } == "# only a comment\nid: x\n")
        #expect(try edited("# no break") { try $0.set(.str("x"), forKey: "id") } == "# no break\nid: x")
        #expect(try edited("{}\n# tail\n") { try $0.set(.str("x"), forKey: "id") } == "id: x\n# tail\n")
        #expect(try edited("[] # none\n") { try $0.append(.str("x"), toSequenceAt: .root) } == "- x # none\n")
    }

    @Test func emptyValuesGetTheirValueAfterTheColon() throws {
        let text = "a:   # to fill\nb: 1\nlist:\n- \n- y\nlast:\n"
        #expect(try edited(text) { try $0.replace(at: "a", with: .str("v")) } == "a: v   # to fill\nb: 1\nlist:\n- \n- y\nlast:\n")
        #expect(try edited(text) { try $0.replace(at: "a", with: .map(["k": .int(1)])) } == "a:   # to fill\n  k: 1\nb: 1\nlist:\n- \n- y\nlast:\n")
        #expect(try edited(text) { try $0.replace(at: "list[0]", with: .str("x")) } == "a:   # to fill\nb: 1\nlist:\n- x\n- y\nlast:\n")
        #expect(try edited(text) { try $0.set(.str("z"), forKey: "last") } == "a:   # to fill\nb: 1\nlist:\n- \n- y\nlast: z\n")
        #expect(try edited(text) { try $0.set(.str("z"), forKey: "m", after: "a") } == "a:   # to fill\nm: z\nb: 1\nlist:\n- \n- y\nlast:\n")
        #expect(try edited(text) { try $0.removeElement(at: 0, inSequenceAt: "list") } == "a:   # to fill\nb: 1\nlist:\n- y\nlast:\n")
    }

    // MARK: - Indentation

    @Test func newElementsMatchTheirSiblingsColumn() throws {
        let text = "root:\n    deep:\n        - a   # first\n    other: 1\n"
        #expect(try edited(text) { try $0.append(.str("b"), toSequenceAt: "root.deep") } == "root:\n    deep:\n        - a   # first\n        - b\n    other: 1\n")
        #expect(try edited(text) { try $0.insert(.map(["k": .str("v")]), at: 0, inSequenceAt: "root.deep") }
            == "root:\n    deep:\n        - k: v\n        - a   # first\n    other: 1\n")
        #expect(try edited(text) { try $0.set(.seq([.str("x")]), forKey: "more", inMappingAt: "root") }
            == "root:\n    deep:\n        - a   # first\n    other: 1\n    more:\n    - x\n")
    }

    @Test func removalTakesOneOfTwoBlankLinesAround() throws {
        let text = "a: 1\n\nb:\n  - x\n\nc: 3\n"
        #expect(try edited(text) { try $0.removeKey("b") } == "a: 1\n\nc: 3\n")
        #expect(try edited(text) { try $0.removeKey("c") } == "a: 1\n\nb:\n  - x\n\n")
    }

    @Test func insertionKeepsCommentsAboveTheNextElement() throws {
        let text = "list:\n  - a\n\n  # about b\n  - b\n"
        #expect(try edited(text) { try $0.insert(.str("new"), at: 1, inSequenceAt: "list") } == "list:\n  - a\n\n  - new\n  # about b\n  - b\n")
    }

    @Test func compactNestedSequences() throws {
        let text = "- - a\n  - b\n- c\n"
        #expect(try edited(text) { try $0.removeElement(at: 0, inSequenceAt: "[0]") } == "- - b\n- c\n")
        #expect(try edited(text) { try $0.append(.str("z"), toSequenceAt: "[0]") } == "- - a\n  - b\n  - z\n- c\n")
        #expect(try edited(text) { try $0.replace(at: "[0]", with: .str("flat")) } == "- flat\n- c\n")
    }

    @Test func flowMappings() throws {
        let text = "point: {x: 1, y: 2}  # where\n"
        #expect(try edited(text) { try $0.set(.int(3), forKey: "z", inMappingAt: "point") } == "point: {x: 1, y: 2, z: 3}  # where\n")
        #expect(try edited(text) { try $0.set(.str("a: b"), forKey: "w", inMappingAt: "point", after: "x") } == "point: {x: 1, w: \"a: b\", y: 2}  # where\n")
        #expect(try edited(text) { try $0.removeKey("x", inMappingAt: "point") } == "point: {y: 2}  # where\n")
        #expect(try edited(text) { try $0.removeKey("y", inMappingAt: "point") } == "point: {x: 1}  # where\n")
        #expect(try edited(text) { try $0.replace(at: "point.y", with: .seq([.str("p"), .str("q")])) } == "point: {x: 1, y: [p, q]}  # where\n")
    }

    @Test func byteOrderMarkStays() throws {
        let text = "\u{FEFF}a: 1\nb: 2\n"
        #expect(try edited(text) { try $0.replace(at: "b", with: .int(3)) } == "\u{FEFF}a: 1\nb: 3\n")
        #expect(try edited(text) { try $0.removeKey("a") } == "\u{FEFF}b: 2\n")
    }

    // MARK: - Refusals

    @Test func mergedKeysCannotBeEdited() throws {
        let text = "base: &base\n  x: 1\nitem:\n  <<: *base\n  y: 2\n"
        let replaced = try refusal(text) { try $0.replace(at: "item.x", with: .int(2)) }
        #expect(replaced.code == .badEdit)
        #expect(replaced.path == "item.x")
        #expect(replaced.message.contains("'<<' merge"))
        #expect(try refusal(text) { try $0.removeKey("x", inMappingAt: "item") }.code == .badEdit)
        #expect(try refusal(text) { try $0.set(.int(2), forKey: "x", inMappingAt: "item") }.code == .badEdit)
        // Keys written beside the merge are fine, and so is a new key.
        #expect(try edited(text) { try $0.replace(at: "item.y", with: .int(3)) } == "base: &base\n  x: 1\nitem:\n  <<: *base\n  y: 3\n")
        #expect(try edited(text) { try $0.set(.int(4), forKey: "z", inMappingAt: "item") } == "base: &base\n  x: 1\nitem:\n  <<: *base\n  y: 2\n  z: 4\n")
    }

    @Test func aliasesAndSharedAnchorsAreRefused() throws {
        let text = "base: &b\n  x: 1\nother: *b\nlist:\n- &s shared\n- *s\n"
        #expect(try refusal(text) { try $0.replace(at: "other.x", with: .int(2)) }.message.contains("alias"))
        #expect(try refusal(text) { try $0.replace(at: "list[1]", with: .str("z")) }.message.contains("alias"))
        let shared = try refusal(text) { try $0.replace(at: "base.x", with: .int(2)) }
        #expect(shared.message.contains("alias or a '<<' merge reuses"))
        // Removing an alias removes only its own text.
        #expect(try edited(text) { try $0.removeElement(at: 1, inSequenceAt: "list") } == "base: &b\n  x: 1\nother: *b\nlist:\n- &s shared\n")
        #expect(try edited(text) { try $0.removeKey("other") } == "base: &b\n  x: 1\nlist:\n- &s shared\n- *s\n")
    }

    @Test func pathsThatDoNotResolveAreNamed() throws {
        let text = "a:\n  b: 1\nlist:\n- name: x\n- name: x\n"
        let missing = try refusal(text) { try $0.replace(at: "a.c", with: .int(1)) }
        #expect(missing.code == .badEdit)
        #expect(missing.path == "a.c")
        #expect(missing.message.contains("no key 'c' in 'a'"))
        #expect(try refusal(text) { try $0.replace(at: "list[5]", with: .int(1)) }.message.contains("2 elements"))
        #expect(try refusal(text) { try $0.remove(at: "list[name=x]") }.message.contains("2 elements"))
        #expect(try refusal(text) { try $0.append(.int(1), toSequenceAt: "a") }.message.contains("not a sequence"))
        #expect(try refusal(text) { try $0.set(.int(1), forKey: "k", inMappingAt: "a.b") }.message.contains("not a mapping"))
        #expect(try refusal(text) { try $0.set(.int(1), forKey: "k", after: "nope") }.path == "nope")
        #expect(try refusal(text) { try $0.insert(.int(1), at: 4, inSequenceAt: "list") }.code == .badEdit)
        #expect(try refusal(text) { try $0.remove(at: .root) }.code == .badEdit)
        var editor = try YAMLDocumentEditor(text: text)
        #expect(editor.node(at: "list[name=x]") == nil)
        #expect(editor.node(at: "a.b")?.scalar?.value == "1")
        try editor.removeKey("b", inMappingAt: "a")
        #expect(editor.text == "a: {}\nlist:\n- name: x\n- name: x\n")
    }
}
