import KlasterModel
import KlasterStore
import KlasterValidation

#if canImport(Glibc)
import Glibc
#endif

/// `klaster export json`: one document, `{"format": 1, "clusters": [...], "members": [...],
/// "agreements": [...], "news": [...]}` (the exported kinds only), records sorted by id, keys
/// in schema order, pretty-printed with two spaces, UTF-8 with non-ASCII as is.
///
/// Records are rendered on all cores a chunk at a time and streamed to the output in order.
public struct JSONExporter: Exporter {
    public init() {}

    public var name: String { "json" }
    public var summary: String { "one JSON document of every record, sorted by id, keys in schema order" }
    public var output: ExportOutput { .file }

    public func export(_ dataset: ExportDataset, options: ExportOptions) throws(ExportError) {
        let out = options.out ?? "-"
        if out == "-" {
            let sink = ByteSink(descriptor: 1, name: "stdout")
            try Self.write(dataset, to: sink, progress: options.progress)
            try sink.flush()
        } else {
            try OutputFiles.writeFile(out) { (sink) throws(ExportError) in
                try Self.write(dataset, to: sink, progress: options.progress)
            }
        }
    }

    /// Streams the JSON document of `dataset` to `sink`, ending with a line break.
    public static func write(_ dataset: ExportDataset, to sink: ByteSink, progress: (any ExportProgress)? = nil) throws(ExportError) {
        try sink.write("{\n  \"format\": 1")
        let total = dataset.count
        var done = 0
        for kind in dataset.kinds {
            try sink.write(",\n  " + JSONText.quote(kind.rawValue) + ": ")
            if dataset.count(of: kind) == 0 {
                try sink.write("[]")
                continue
            }
            try sink.write("[\n")
            var first = true
            try dataset.forEachParsedChunk(of: kind, map: render) { (texts: [[UInt8]]) throws(ExportError) in
                for text in texts {
                    try sink.write(first ? "    " : ",\n    ")
                    try sink.write(text)
                    first = false
                }
                done += texts.count
                progress?.update("json", done: done, total: total)
            }
            try sink.write("\n  ]")
        }
        try sink.write("\n}\n")
        progress?.finish("json")
    }

    /// One record's JSON text, indented for its place in the document.
    @Sendable static func render(_ record: ParsedRecord) -> [UInt8] {
        var text: [UInt8] = []
        text.reserveCapacity(4096)
        record.writePrettyJSON(to: &text, indent: 2)
        return text
    }
}
