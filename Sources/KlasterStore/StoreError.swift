/// Why a store could not be opened or read: the "could not do the job" failures (exit status 2).
public struct StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: String, Hashable, Sendable {
        case noStore = "no-store"
        case badManifest = "manifest"
        case unreadable = "io"
        case unwritable = "io-write"
        case locked = "locked"
        case badArgument = "argument"
    }

    public var code: Code
    /// The whole message, naming the file where there is one.
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
