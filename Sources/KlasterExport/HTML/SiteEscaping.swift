import Mustache

/// The site's HTML escaping, as a swift-mustache content type: the same five characters as
/// swift-mustache's own `HTML` type (`&`, `<`, `>`, `"`, `'`), escaped byte by byte, and text
/// with none of them returned as it is, without a copy. It is stricter in one case: swift-mustache
/// compares whole characters, so it leaves a `<` that a combining mark follows (one character)
/// unescaped; this escapes it.
///
/// swift-mustache escapes character by character through a dictionary, which was a sixth of
/// the site's rendering time. Every template the site renders (built-in or from `--template`)
/// starts with ``pragma``, which makes it use this type; a template that sets its own content
/// type after that still can.
struct SiteEscaping: MustacheContentType {
    static let name = "KLASTER_HTML"
    /// The line that selects this content type; a standalone tag, so it adds no output.
    static let pragma = "{{%CONTENT_TYPE:KLASTER_HTML}}\n"

    /// Registers the type with swift-mustache (once, before any template is parsed).
    static let register: Void = MustacheContentTypes.register(SiteEscaping(), named: name)

    func escapeText(_ text: String) -> String {
        Self.escape(text)
    }

    static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard let first = bytes.firstIndex(where: needsEscape) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            out.append(contentsOf: bytes[..<first])
            for byte in bytes[first...] {
                switch byte {
                case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
                case UInt8(ascii: "'"): out.append(contentsOf: "&#39;".utf8)
                default: out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"")
            || byte == UInt8(ascii: "'")
    }
}
