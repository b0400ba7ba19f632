/// Lets libyaml write characters beyond the Basic Multilingual Plane (emoji) as they are.
///
/// libyaml 0.2.5 counts every four-byte UTF-8 character as unprintable, so it double-quotes
/// any scalar holding an emoji and escapes it (`"\U0001F600"`). Before emitting, each such
/// character is swapped for a private-use character the document does not use (libyaml treats
/// those as ordinary printable text, so it picks the same style it would for the emoji), and
/// swapped back in the output.
struct AstralSubstitution {
    /// The tree to hand to libyaml.
    private(set) var node: YAMLNode
    private var placeholders: [Unicode.Scalar: Unicode.Scalar] = [:]
    private var originals: [Unicode.Scalar: Unicode.Scalar] = [:]

    private static let privateUse: ClosedRange<UInt32> = 0xE000...0xF8FF

    init(_ node: YAMLNode) {
        self.node = node
        guard Self.containsAstral(node) else { return }
        var used = Set<UInt32>()
        var astral: [Unicode.Scalar] = []
        var seen = Set<Unicode.Scalar>()
        Self.visitText(node) { text in
            for scalar in text.unicodeScalars {
                if Self.privateUse.contains(scalar.value) { used.insert(scalar.value) }
                if scalar.value >= 0x10000, seen.insert(scalar).inserted { astral.append(scalar) }
            }
        }
        var next = Self.privateUse.lowerBound
        for scalar in astral {
            while used.contains(next) && next <= Self.privateUse.upperBound { next += 1 }
            // Past the private-use area the rest are left for libyaml to escape, which is valid.
            guard next <= Self.privateUse.upperBound, let placeholder = Unicode.Scalar(next) else { break }
            placeholders[scalar] = placeholder
            originals[placeholder] = scalar
            next += 1
        }
        self.node = substitute(node)
    }

    /// The emitted text with the original characters back.
    func restore(_ text: String) -> String {
        guard !originals.isEmpty else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            out.append(originals[scalar] ?? scalar)
        }
        return String(out)
    }

    private func substitute(_ node: YAMLNode) -> YAMLNode {
        switch node {
        case .scalar(var scalar):
            scalar.value = substitute(scalar.value)
            return .scalar(scalar)
        case .sequence(var sequence):
            sequence.items = sequence.items.map(substitute)
            return .sequence(sequence)
        case .mapping(var mapping):
            mapping.entries = mapping.entries.map {
                YAMLMapping.Entry(key: substitute($0.key), value: substitute($0.value), isMerged: $0.isMerged)
            }
            return .mapping(mapping)
        }
    }

    private func substitute(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0xF0 }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            out.append(placeholders[scalar] ?? scalar)
        }
        return String(out)
    }

    private static func containsAstral(_ node: YAMLNode) -> Bool {
        switch node {
        case .scalar(let scalar):
            return containsAstral(scalar.value)
        case .sequence(let sequence):
            for item in sequence.items where containsAstral(item) { return true }
            return false
        case .mapping(let mapping):
            for entry in mapping.entries where containsAstral(entry.key) || containsAstral(entry.value) { return true }
            return false
        }
    }

    /// True when `text` has a four-byte UTF-8 sequence, whose first byte is 0xF0 or above; eight
    /// bytes a step.
    static func containsAstral(_ text: String) -> Bool {
        PlainScalar.withBytes(text) { bytes in
            let n = bytes.count
            guard let base = bytes.baseAddress else { return false }
            var i = 0
            while i + 8 <= n {
                // A byte's bit 7 stays set after and-ing it with itself shifted by 1, 2 and 3
                // bits only when its top four bits are all set.
                let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if w & (w << 1) & (w << 2) & (w << 3) & 0x8080_8080_8080_8080 != 0 { return true }
                i += 8
            }
            while i < n {
                if base[i] >= 0xF0 { return true }
                i += 1
            }
            return false
        }
    }

    private static func visitText(_ node: YAMLNode, _ body: (String) -> Void) {
        switch node {
        case .scalar(let scalar):
            body(scalar.value)
        case .sequence(let sequence):
            for item in sequence.items { visitText(item, body) }
        case .mapping(let mapping):
            for entry in mapping.entries {
                visitText(entry.key, body)
                visitText(entry.value, body)
            }
        }
    }
}
