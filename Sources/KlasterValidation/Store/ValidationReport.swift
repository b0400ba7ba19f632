public import KlasterStore
public import KlasterModel

/// The findings of a validation, sorted by file, line and column.
public struct ValidationReport: Sendable {
    public var diagnostics: [Diagnostic]
    /// How many record files were checked.
    public var recordCount: Int
    /// The record files checked, in kind order then id order (as an overlay has them, when the
    /// store was validated with one): an export goes on with exactly these, without listing the
    /// store again.
    public var files: [RecordFile]

    public init(diagnostics: [Diagnostic], recordCount: Int, files: [RecordFile] = []) {
        self.diagnostics = diagnostics.sorted { a, b in
            if a.file != b.file { return a.file.utf8.lexicographicallyPrecedes(b.file.utf8) }
            if a.line != b.line { return a.line < b.line }
            if a.column != b.column { return a.column < b.column }
            return a.rule < b.rule
        }
        self.recordCount = recordCount
        self.files = files
    }

    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }

    /// Whether the store passes: no errors, and with `strict` no warnings either.
    public func passes(strict: Bool = false) -> Bool {
        errorCount == 0 && (!strict || warningCount == 0)
    }
}
