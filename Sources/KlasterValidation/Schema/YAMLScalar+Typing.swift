public import KlasterYAML

extension YAMLScalar {
    /// The JSON value this scalar stands for where a schema allows `types`.
    ///
    /// Quoted and block scalars are always strings. A plain scalar that YAML 1.2's core schema
    /// reads as null is null. Otherwise a plain scalar takes its core meaning (`true`, `12`,
    /// `0x1F`, `1.5e3`, `.inf`) when `types` admits it, and is the text as written when `types`
    /// wants a string (`0000012345`, `NO`, `2013-01-15`). When neither holds it keeps its core
    /// meaning, so the type check reports it as what it looks like. An explicit core tag
    /// (`!!str`, `!!int`, ...) decides on its own.
    public func jsonValue(expecting types: SchemaTypes) -> JSONValue {
        if let tag {
            return taggedValue(tag)
        }
        guard style == .plain else { return .string(value) }
        guard let core = YAMLCore.value(of: value) else { return .string(value) }
        return Self.plainValue(core, expecting: types) ?? .string(value)
    }

    /// A plain untagged scalar's value where `types` are allowed, given its core meaning
    /// `core`; `nil` when it is the text as written.
    static func plainValue(_ core: JSONValue, expecting types: SchemaTypes) -> JSONValue? {
        if case .null = core { return core }
        if types.admits(core) || !types.contains(.string) { return core }
        return nil
    }

    /// The value YAML 1.2's core schema gives the scalar, ignoring any schema.
    public var coreValue: JSONValue {
        if let tag { return taggedValue(tag) }
        guard style == .plain else { return .string(value) }
        return YAMLCore.value(of: value) ?? .string(value)
    }

    private func taggedValue(_ tag: String) -> JSONValue {
        switch tag {
        case "tag:yaml.org,2002:null": return .null
        case "tag:yaml.org,2002:bool":
            if case .bool(let b)? = YAMLCore.value(of: value) { return .bool(b) }
        case "tag:yaml.org,2002:int":
            if case .number(let n)? = YAMLCore.value(of: value), case .int = n { return .number(n) }
        case "tag:yaml.org,2002:float":
            if case .number(let n)? = YAMLCore.value(of: value) { return .number(.double(n.doubleValue)) }
        default: break
        }
        return .string(value)
    }
}

extension FlatYAML {
    /// The JSON value of the scalar at `node` where a schema allows `types`: exactly
    /// ``YAMLScalar/jsonValue(expecting:)`` of the same scalar.
    public func jsonValue(_ node: Int, expecting types: SchemaTypes) -> JSONValue {
        jsonValue(node, typedValue(node, expecting: types))
    }
}

/// YAML 1.2's core schema (YAML 1.2.2 §10.3.2) for plain scalars.
enum YAMLCore {
    /// The non-string value `text` has as a plain scalar, or `nil` when it is a string.
    static func value(of text: String) -> JSONValue? {
        var text = text
        return text.withUTF8 { value(ofBytes: $0) }
    }

    static func value(ofBytes b: UnsafeBufferPointer<UInt8>) -> JSONValue? {
        let n = b.count
        if n == 0 { return .null }
        let first = b[0]
        // Fast exit: every non-string core form starts with one of these.
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
            UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"),
            UInt8(ascii: "f"), UInt8(ascii: "F"):
            break
        default: return nil
        }
        if n <= 5 {
            switch String(decoding: b, as: UTF8.self) {
            case "~", "null", "Null", "NULL": return .null
            case "true", "True", "TRUE": return .bool(true)
            case "false", "False", "FALSE": return .bool(false)
            case ".nan", ".NaN", ".NAN": return .number(.double(.nan))
            case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .number(.double(.infinity))
            case "-.inf", "-.Inf", "-.INF": return .number(.double(-.infinity))
            default: break
            }
        }
        if n > 2, first == UInt8(ascii: "0"), b[1] == UInt8(ascii: "x") || b[1] == UInt8(ascii: "o") {
            return radixInteger(b, radix: b[1] == UInt8(ascii: "x") ? 16 : 8)
        }
        return decimal(b)
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }

    private static func radixInteger(_ b: UnsafeBufferPointer<UInt8>, radix: Int) -> JSONValue? {
        var exact: Int64? = 0
        var approx: Double = 0
        for c in b[2...] {
            let digit: Int
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = Int(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: digit = Int(c - UInt8(ascii: "a")) + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16: digit = Int(c - UInt8(ascii: "A")) + 10
            default: return nil
            }
            guard digit < radix else { return nil }
            approx = approx * Double(radix) + Double(digit)
            if let e = exact {
                let (m, o1) = e.multipliedReportingOverflow(by: Int64(radix))
                let (s, o2) = m.addingReportingOverflow(Int64(digit))
                exact = o1 || o2 ? nil : s
            }
        }
        return .number(exact.map { .int($0) } ?? .double(approx))
    }

    /// `[-+]?[0-9]+` is an integer; `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?` a float.
    private static func decimal(_ b: UnsafeBufferPointer<UInt8>) -> JSONValue? {
        var i = 0
        let n = b.count
        if b[0] == UInt8(ascii: "-") || b[0] == UInt8(ascii: "+") { i = 1 }
        let intStart = i
        while i < n, isDigit(b[i]) { i += 1 }
        let intDigits = i - intStart
        if i == n {
            guard intDigits > 0 else { return nil }
            let text = String(decoding: b, as: UTF8.self)
            if let v = Int64(text) { return .number(.int(v)) }
            return Double(text).map { .number(.double($0)) }
        }
        var fracDigits = 0
        if b[i] == UInt8(ascii: ".") {
            i += 1
            let fracStart = i
            while i < n, isDigit(b[i]) { i += 1 }
            fracDigits = i - fracStart
        }
        guard intDigits > 0 || fracDigits > 0 else { return nil }
        if i < n, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            if i < n, b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") { i += 1 }
            let expStart = i
            while i < n, isDigit(b[i]) { i += 1 }
            guard i > expStart else { return nil }
        }
        guard i == n else { return nil }
        // Swift's Double parser takes every form this grammar admits ("1.", ".5", "+2e3").
        var text = String(decoding: b, as: UTF8.self)
        if text.hasSuffix(".") { text += "0" }
        return Double(text).map { .number(.double($0)) }
    }
}
