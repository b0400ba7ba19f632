#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import KlasterStore

/// A buffered writer to a file descriptor: exporters append text as they go and the sink writes
/// it out in large blocks, so output of any size streams in bounded memory.
public final class ByteSink {
    private let fd: Int32
    private let ownsDescriptor: Bool
    private let name: String
    private var buffer: [UInt8] = []
    private let capacity: Int
    /// Bytes written so far (flushed or not).
    public private(set) var count = 0

    /// Writes to a descriptor the caller keeps open (stdout, a pipe).
    public init(descriptor: Int32, name: String, capacity: Int = 1 << 20) {
        self.fd = descriptor
        self.ownsDescriptor = false
        self.name = name
        self.capacity = capacity
        buffer.reserveCapacity(capacity)
    }

    /// Creates (or truncates) the file at `path`.
    public init(creating path: String, capacity: Int = 1 << 20) throws(ExportError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw ExportError(.io, "\(path): cannot write: \(String(cString: strerror(errno)))") }
        self.fd = fd
        self.ownsDescriptor = true
        self.name = path
        self.capacity = capacity
        buffer.reserveCapacity(capacity)
    }

    deinit {
        if ownsDescriptor { close(fd) }
    }

    public func write(_ text: String) throws(ExportError) {
        buffer.append(contentsOf: text.utf8)
        count += text.utf8.count
        if buffer.count >= capacity { try flush() }
    }

    public func write(_ bytes: some Collection<UInt8>) throws(ExportError) {
        buffer.append(contentsOf: bytes)
        count += bytes.count
        if buffer.count >= capacity { try flush() }
    }

    /// Writes out what is buffered.
    public func flush() throws(ExportError) {
        guard buffer.withUnsafeBytes({ FileIO.writeAll(fd, $0) }) else {
            throw ExportError(.io, "\(name): cannot write: \(FileIO.errnoText())")
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
