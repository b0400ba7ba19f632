/// Reads one YAML document into a ``YAMLNode`` tree, with spans, within ``YAMLLimits``.
///
/// Everything the contract rejects is an error with file, line and column: syntax errors,
/// duplicate keys (at the second occurrence), tags other than the core ones, invalid UTF-8, a NUL
/// byte, a second document, nesting past the limit, alias expansion past the limit, an oversized
/// file. Anchors and aliases resolve; `<<` merge keys merge. A byte-order mark is accepted.
///
/// Spans: a node starts at its first character, or at its anchor or tag when it has one. A
/// scalar ends after its last character; a block scalar (`|`, `>`) after the line break of its
/// last line, blank lines included only as far as its value keeps them (`|+`); a flow
/// collection after its closing bracket; a block collection where its last child ends. An empty
/// value sits, zero-wide, just after its `:` or `-`. An alias is the anchored node itself, span
/// included, and entries merged in by `<<` keep their source's spans; the collection holding an
/// alias still ends where the alias is written. Offsets count bytes from the file's first byte
/// (a byte-order mark included); lines count line feeds.
public struct YAMLParser: Sendable {
    public var limits: YAMLLimits

    public init(limits: YAMLLimits = .default) {
        self.limits = limits
    }

    /// Parses `text`; returns `nil` for a stream with no document at all (an empty file, or only
    /// comments).
    public func parse(_ text: String, file: String = "") throws(YAMLError) -> YAMLNode? {
        var text = text
        let result = text.withUTF8 { bytes in
            Result { () throws(YAMLError) -> YAMLNode? in try parse(bytes, file: file) }
        }
        return try result.get()
    }

    /// Parses UTF-8 bytes.
    public func parse(_ bytes: [UInt8], file: String = "") throws(YAMLError) -> YAMLNode? {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(YAMLError) -> YAMLNode? in try parse(buffer, file: file) }
        }
        return try result.get()
    }

    /// Parses UTF-8 bytes in place.
    public func parse(_ bytes: UnsafeBufferPointer<UInt8>, file: String = "") throws(YAMLError) -> YAMLNode? {
        if bytes.count > limits.maxFileSize {
            throw YAMLError(
                .tooLarge,
                "the file is \(bytes.count) bytes, over the limit of \(limits.maxFileSize) bytes",
                file: file,
                mark: Mark(offset: 0, line: 1, column: 1)
            )
        }
        var source = SourceText(bytes)
        if let problem = source.check() {
            throw YAMLError(problem.code, problem.message, file: file, mark: source.mark(atByteOffset: problem.offset))
        }
        var builder = TreeBuilder(limits: limits, file: file)
        return try builder.run(&source)
    }
}
