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
            let records = dataset.records(of: kind)
            try sink.write(",\n  " + JSONText.quote(kind.rawValue) + ": ")
            if records.isEmpty {
                try sink.write("[]")
                continue
            }
            try sink.write("[\n")
            try forEachChunk(records) { (start, texts) throws(ExportError) in
                for (offset, text) in texts.enumerated() {
                    try sink.write(start + offset == 0 ? "    " : ",\n    ")
                    try sink.write(text)
                }
                done += texts.count
                progress?.update("json", done: done, total: total)
            }
            try sink.write("\n  ]")
        }
        try sink.write("\n}\n")
        progress?.finish("json")
    }

    /// Renders records in parallel, `chunk` at a time, handing each chunk's texts on in order.
    static func forEachChunk(
        _ records: [ExportRecord],
        chunk: Int = 2048,
        _ body: (Int, [String]) throws(ExportError) -> Void
    ) throws(ExportError) {
        var start = 0
        while start < records.count {
            let slice = Array(records[start..<min(start + chunk, records.count)])
            let texts = parallelMap(slice) { record -> String in
                var text = ""
                record.value.writePretty(to: &text, indent: 2)
                return text
            }
            try body(start, texts)
            start += slice.count
        }
    }
}
