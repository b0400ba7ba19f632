import KlasterEdit
import KlasterModel
import KlasterStore
import KlasterValidation
import KlasterYAML
import PropertyBased
import Testing

/// `set` a field to another value, then `set` it back: the file's bytes are what they were.
@Suite struct SetRoundTripPropertyTests {
    /// A single-line text field of a sample record, written as the emitter would write its text.
    struct Field: Sendable, CustomStringConvertible {
        var record: Int
        var path: YAMLPath
        var value: String
        var description: String { "\(Samples.records[record].file.relativePath):\(path)=\(value)" }
    }

    /// Every single-line string scalar of the samples whose quoting is the one the emitter
    /// chooses for its text (plain when that is safe, quoted otherwise), or quoting by choice
    /// (`'abc'`, `"abc"`) of a text that needs none.
    static let fields: [Field] = {
        var fields: [Field] = []
        for (index, record) in Samples.records.enumerated() {
            guard let root = try? YAMLParser().parse(record.text), let schema = Samples.schemas[record.file.kind]?.schemas.first else { continue }
            for scalar in schema.annotatedScalars(in: root) {
                guard case .string(let text) = scalar.value, !text.contains("\n"), !text.isEmpty else { continue }
                let style = scalar.scalar.style
                guard style == .plain || style == .singleQuoted || style == .doubleQuoted else { continue }
                if style == .plain && !PlainScalar.isSafePlain(text) { continue }
                fields.append(Field(record: index, path: scalar.path, value: text))
            }
        }
        return fields
    }()

    static let replacements = [
        "x", "Nowa wartość", "yes", "no", "0012", "2013-01-15", "a: b", "#hash", "- dash", "[x]", "{y}", "null", "~",
        "12.5", "true", "ünïcödé 😀", "'quoted'", "\"dq\"", "trailing ", " leading", "tab\there", "back\\slash",
        "https://example.org/a?b=c#d", "*star", "&amp", "!bang", "%pct", "@at", "`tick`",
    ]

    @Test func samplesHaveFieldsToTry() {
        #expect(Self.fields.count > 200)
    }

    @Test func setThenSetBackRestoresTheBytes() async {
        let fields = Gen.int(in: 0...(Self.fields.count - 1))
        let letters = Gen<Character?>.element(of: Array("abcząę019 -:#'")).compactMap { $0 }
        let values = Gen<String>.oneOf(
            Gen.int(in: 0...(Self.replacements.count - 1)).map { Self.replacements[$0] },
            letters.string(of: 1...12)
        )
        await propertyCheck(count: 300, input: fields, values) { fieldIndex, replacement in
            let field = Self.fields[fieldIndex]
            let record = Samples.records[field.record]
            guard let schemas = Samples.schemas[record.file.kind] else { return }
            let values = SchemaValue(schemas: schemas)
            do {
                var edit = try RecordEdit(text: record.text, file: record.file.relativePath, schemas: schemas)
                try edit.set(.scalar(values.scalar(replacement, types: .string)), at: field.path)
                let changed = edit.text
                try edit.set(.scalar(values.scalar(field.value, types: .string)), at: field.path)
                let restored = edit.text
                // A text quoted by choice, once replaced by one that needs quotes, cannot be told
                // from one quoted by need: then the emitter's choice comes back.
                if !(Self.isQuotedByChoice(field, in: record.text) && !PlainScalar.isSafePlain(replacement)) {
                    #expect(restored == record.text, "\(field) -> \(replacement)")
                }
                #expect(changed != record.text || replacement == field.value, "\(field) -> \(replacement)")
            } catch {
                Issue.record("\(field) -> \(replacement): \(error)")
            }
        }
    }

    /// True when the field's text needs no quotes but is written quoted.
    static func isQuotedByChoice(_ field: Field, in text: String) -> Bool {
        PlainScalar.isSafePlain(field.value) && (text.contains("'\(field.value)'") || text.contains("\"\(field.value)\""))
    }
}
