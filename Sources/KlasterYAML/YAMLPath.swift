/// A path to a node inside a document, in the user's notation: `name.pl`, `memberships[2].since`,
/// `memberships[cluster=okip].roles`.
///
/// The same notation names fields on the command line (`klaster set`), in decoding errors and in
/// edits. ``jsonPointer`` gives the JSON Pointer form (`/memberships/2/since`) used in diagnostics.
public struct YAMLPath: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    public enum Component: Hashable, Sendable {
        /// A mapping key.
        case key(String)
        /// A sequence element by position, from 0.
        case index(Int)
        /// The element of a sequence of mappings whose `field` has the text `value`.
        case match(field: String, value: String)
    }

    public var components: [Component]

    public init(_ components: [Component] = []) {
        self.components = components
    }

    /// Parses the dotted notation; `nil` when it is malformed (an empty key, an unclosed `[`).
    public init?(parsing text: String) {
        var components: [Component] = []
        var rest = Substring(text)
        var expectKey = true
        while !rest.isEmpty {
            if rest.first == "[" {
                guard let close = rest.firstIndex(of: "]") else { return nil }
                let inside = rest[rest.index(after: rest.startIndex)..<close]
                if let eq = inside.firstIndex(of: "=") {
                    let field = String(inside[..<eq])
                    let value = String(inside[inside.index(after: eq)...])
                    guard !field.isEmpty else { return nil }
                    components.append(.match(field: field, value: value))
                } else {
                    guard let index = Int(inside), index >= 0 else { return nil }
                    components.append(.index(index))
                }
                rest = rest[rest.index(after: close)...]
                expectKey = false
            } else if rest.first == "." {
                guard !components.isEmpty, !expectKey else { return nil }
                rest = rest.dropFirst()
                expectKey = true
            } else {
                guard expectKey else { return nil }
                let end = rest.firstIndex { $0 == "." || $0 == "[" } ?? rest.endIndex
                let key = String(rest[..<end])
                guard !key.isEmpty else { return nil }
                components.append(.key(key))
                rest = rest[end...]
                expectKey = false
            }
        }
        if expectKey && !components.isEmpty { return nil }
        self.components = components
    }

    public init(stringLiteral value: String) {
        self = YAMLPath(parsing: value) ?? YAMLPath([.key(value)])
    }

    public static let root = YAMLPath()

    public var isRoot: Bool { components.isEmpty }

    public func appending(_ component: Component) -> YAMLPath {
        YAMLPath(components + [component])
    }

    public func appending(key: String) -> YAMLPath { appending(.key(key)) }

    public func appending(index: Int) -> YAMLPath { appending(.index(index)) }

    public var parent: YAMLPath? {
        components.isEmpty ? nil : YAMLPath(Array(components.dropLast()))
    }

    public var last: Component? { components.last }

    /// `memberships[2].since`; the empty string for the root.
    public var description: String {
        var out = ""
        for component in components {
            switch component {
            case .key(let key):
                if !out.isEmpty { out += "." }
                out += key
            case .index(let index):
                out += "[\(index)]"
            case .match(let field, let value):
                out += "[\(field)=\(value)]"
            }
        }
        return out
    }

    /// The RFC 6901 JSON Pointer (`/memberships/2/since`); `[field=value]` components appear as
    /// they are written, since a pointer has no such form.
    public var jsonPointer: String {
        // Most paths are keys with neither `~` nor `/`, and indexes: their pointer is written
        // straight into the string's storage, sized first.
        var length = 0
        for component in components {
            switch component {
            case .key(let key): length += 1 + key.utf8.count
            case .index(let index) where index >= 0: length += 1 + Self.digitCount(index)
            default: return escapedPointer
            }
        }
        var plain = true
        let pointer = String(unsafeUninitializedCapacity: length) { buffer in
            var i = 0
            for component in components {
                buffer[i] = UInt8(ascii: "/")
                i += 1
                switch component {
                case .key(var key):
                    // The key's bytes in place: walking `String.UTF8View` a byte at a time costs
                    // several times more.
                    key.withUTF8 { bytes in
                        for byte in bytes {
                            if byte == UInt8(ascii: "~") || byte == UInt8(ascii: "/") { plain = false }
                            buffer[i] = byte
                            i += 1
                        }
                    }
                case .index(var index):
                    let end = i + Self.digitCount(index)
                    var j = end
                    repeat {
                        j -= 1
                        buffer[j] = UInt8(ascii: "0") + UInt8(index % 10)
                        index /= 10
                    } while index > 0
                    i = end
                case .match: break
                }
            }
            return i
        }
        return plain ? pointer : escapedPointer
    }

    private static func digitCount(_ n: Int) -> Int {
        var count = 1
        var rest = n
        while rest >= 10 {
            rest /= 10
            count += 1
        }
        return count
    }

    /// ``jsonPointer`` with `~` and `/` escaped, and `[field=value]` components.
    private var escapedPointer: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64)
        func escaped(_ text: String) {
            let plain = text.utf8.withContiguousStorageIfAvailable { buffer in
                guard !buffer.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return false }
                bytes.append(contentsOf: buffer)
                return true
            }
            if plain == true { return }
            let special = text.utf8.contains { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }
            if special && text.utf8.contains(where: { $0 >= 0x80 }) {
                // A `~` or `/` that a combining mark joins is a different character: kept as it is.
                for ch in text {
                    switch ch {
                    case "~": bytes += [UInt8(ascii: "~"), UInt8(ascii: "0")]
                    case "/": bytes += [UInt8(ascii: "~"), UInt8(ascii: "1")]
                    default: bytes += ch.utf8
                    }
                }
                return
            }
            if !special {
                bytes += text.utf8
                return
            }
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "~"): bytes += [UInt8(ascii: "~"), UInt8(ascii: "0")]
                case UInt8(ascii: "/"): bytes += [UInt8(ascii: "~"), UInt8(ascii: "1")]
                default: bytes.append(byte)
                }
            }
        }
        for component in components {
            bytes.append(UInt8(ascii: "/"))
            switch component {
            case .key(let key):
                escaped(key)
            case .index(let index):
                if index >= 0 && index < 10 {
                    bytes.append(UInt8(ascii: "0") + UInt8(index))
                } else {
                    bytes += String(index).utf8
                }
            case .match(let field, let value):
                escaped("[\(field)=\(value)]")
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

