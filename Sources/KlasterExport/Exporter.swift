import KlasterModel

/// A format the store can be exported to: JSON, CSV, HTML, or one a program adds.
///
/// An exporter gets the loaded store (``ExportDataset``: every record, typed by its schema and
/// sorted by id) and writes it where ``ExportOptions/out`` says. It must be deterministic: the
/// same dataset gives byte-identical output. Register a new format with
/// ``ExporterRegistry/register(_:)``.
public protocol Exporter: Sendable {
    /// The format's name, as `klaster export NAME` takes it.
    var name: String { get }
    /// One line for `klaster exporters`.
    var summary: String { get }
    /// What the exporter writes: one file (`-` for stdout) or a folder.
    var output: ExportOutput { get }
    /// Writes the export.
    func export(_ dataset: ExportDataset, options: ExportOptions) throws(ExportError)
}

/// Whether an exporter writes one file or a folder of files.
public enum ExportOutput: String, Sendable {
    /// One file; `--out -` (the default) is stdout.
    case file
    /// A folder, which `--out` must name.
    case folder
}

/// How to run an export: where to write and the format's switches.
public struct ExportOptions: Sendable {
    /// The `--out` value: a file or folder path, `-` for stdout, or `nil` when not given.
    public var out: String?
    /// `--template DIR`: a folder whose `NAME.mustache` files replace the built-in templates.
    public var templateDirectory: String?
    /// `--excel`: CSV the way Excel with a Polish locale opens it.
    public var excel: Bool
    /// Told how far the export has got (for a terminal's progress line); may be `nil`.
    public var progress: (any ExportProgress)?

    public init(
        out: String? = nil,
        templateDirectory: String? = nil,
        excel: Bool = false,
        progress: (any ExportProgress)? = nil
    ) {
        self.out = out
        self.templateDirectory = templateDirectory
        self.excel = excel
        self.progress = progress
    }
}

/// Receives progress from long work: a phase name, how much is done and of how much.
///
/// Called from one thread at a time, often (every chunk of records); an implementation should
/// throttle what it prints.
public protocol ExportProgress: Sendable {
    func update(_ phase: String, done: Int, total: Int)
    /// The phase is over.
    func finish(_ phase: String)
}
