#if canImport(Glibc)
import Glibc
#endif
/// A JSON value: what a schema file holds, and what a record means once its YAML scalars are typed.
///
/// Objects keep their keys in the order written. Equality follows JSON Schema (and Python's
/// `jsonschema`): numbers compare by value (`1 == 1.0`), a boolean never equals a number, strings
/// compare by Unicode scalars (no canonical equivalence), objects ignore key order.
public enum JSONValue: Sendable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The JSON Schema type name of the value; `integer` for numbers with no fractional part.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number(let n): n.isInteger ? "integer" : "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var objectValue: JSONObject? {
        if case .object(let o) = self { return o }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// Compact JSON text.
    public var description: String { jsonText() }
}

/// A JSON object: key-value pairs in the order written, keys unique.
public struct JSONObject: Sendable {
    public private(set) var entries: [(key: String, value: JSONValue)]

    public init(_ entries: [(key: String, value: JSONValue)] = []) {
        self.entries = []
        self.entries.reserveCapacity(entries.count)
        for entry in entries { self[entry.key] = entry.value }
    }

    /// Takes `entries` as they are; the caller promises the keys are unique.
    init(uniqueKeys entries: [(key: String, value: JSONValue)]) {
        self.entries = entries
    }

    public var count: Int { entries.count }

    public var keys: [String] { entries.map(\.key) }

    /// The value for `key`; setting replaces it in place, or appends a new key at the end.
    public subscript(key: String) -> JSONValue? {
        get {
            for entry in entries where entry.key.utf8.elementsEqual(key.utf8) { return entry.value }
            return nil
        }
        set {
            let index = entries.firstIndex { $0.key.utf8.elementsEqual(key.utf8) }
            switch (index, newValue) {
            case (let i?, let value?): entries[i].value = value
            case (let i?, nil): entries.remove(at: i)
            case (nil, let value?): entries.append((key, value))
            case (nil, nil): break
            }
        }
    }
}

/// A JSON number that keeps integers exact: `int` for integer literals that fit 64 bits, `double`
/// otherwise (a fraction, an exponent, or an integer too large for `Int64`).
public enum JSONNumber: Sendable, CustomStringConvertible {
    case int(Int64)
    case double(Double)

    public var doubleValue: Double {
        switch self {
        case .int(let i): Double(i)
        case .double(let d): d
        }
    }

    /// True when the value has no fractional part (`3`, `3.0`), as JSON Schema's `integer` type asks.
    public var isInteger: Bool {
        switch self {
        case .int: true
        case .double(let d): d.isFinite && d.rounded(.towardZero) == d
        }
    }

    /// Integer values as digits, others in Swift's shortest round-trip form (`0.5`, `1e+100`).
    public var description: String {
        switch self {
        case .int(let i): String(i)
        case .double(let d): d.description
        }
    }

    /// Compares by mathematical value, exactly, also between `Int64` and `Double`; `nil` with NaN.
    public static func compare(_ a: JSONNumber, _ b: JSONNumber) -> Int? {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.double(let x), .double(let y)):
            if x.isNaN || y.isNaN { return nil }
            return x < y ? -1 : (x == y ? 0 : 1)
        case (.int(let x), .double(let y)): return compare(x, y)
        case (.double(let x), .int(let y)): return compare(y, x).map { -$0 }
        }
    }

    private static func compare(_ i: Int64, _ d: Double) -> Int? {
        if d.isNaN { return nil }
        // 2^63 is exactly representable; every Int64 is below it and at or above -2^63.
        if d >= 9_223_372_036_854_775_808.0 { return -1 }
        if d < -9_223_372_036_854_775_808.0 { return 1 }
        let whole = d.rounded(.towardZero)
        let w = Int64(whole)
        if i != w { return i < w ? -1 : 1 }
        let fraction = d - whole
        return fraction > 0 ? -1 : (fraction < 0 ? 1 : 0)
    }
}

extension JSONNumber: Hashable {
    public static func == (a: JSONNumber, b: JSONNumber) -> Bool { compare(a, b) == 0 }

    public func hash(into hasher: inout Hasher) {
        // Equal values have equal doubles: an Int64 equal to a Double is exactly representable.
        hasher.combine(doubleValue)
    }
}

extension JSONValue: Hashable {
    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.string(var x), .string(var y)):
            // Code points are equal exactly when their UTF-8 bytes are.
            guard x.utf8.count == y.utf8.count else { return false }
            return x.withUTF8 { a in y.withUTF8 { b in a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 } }
        case (.array(let x), .array(let y)): return x.count == y.count && zip(x, y).allSatisfy { $0 == $1 }
        case (.object(let x), .object(let y)):
            guard x.count == y.count else { return false }
            return x.entries.allSatisfy { entry in y[entry.key].map { $0 == entry.value } ?? false }
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let b): hasher.combine(b)
        case .number(let n): hasher.combine(n)
        case .string(let s): hasher.combine(s.utf8.count)
            for byte in s.utf8 { hasher.combine(byte) }
        case .array(let a): hasher.combine(a.count)
            for item in a { hasher.combine(item) }
        case .object(let o): hasher.combine(o.count)
        }
    }
}
