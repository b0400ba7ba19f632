/// Why an export could not be done.
public struct ExportError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: String, Hashable, Sendable {
        /// No exporter has that name.
        case unknownFormat = "unknown-format"
        /// Bad options: a folder format without `--out`, `--out` on something that is not a folder.
        case badOptions = "options"
        /// A file or folder could not be read or written.
        case io
        /// A template did not parse.
        case template
        /// A plugin could not be started.
        case plugin
        /// A plugin ran and exited with a status other than 0 (``status``).
        case pluginFailed = "plugin-failed"
    }

    public var code: Code
    public var message: String
    /// For ``Code/pluginFailed``: the plugin's exit status, which the CLI passes on.
    public var status: Int32

    public init(_ code: Code, _ message: String, status: Int32 = 2) {
        self.code = code
        self.message = message
        self.status = status
    }

    public var description: String { message }
}
