/// Reads numbers and booleans out of scalar text under YAML 1.2's core schema.
enum CoreScalarValue {
    enum IntegerResult<T> {
        case value(T)
        case notInteger
        case outOfRange
    }

    /// `[-+]?[0-9]+`, `0o[0-7]+` or `0x[0-9a-fA-F]+`, checked against `T`'s range.
    static func integer<T: FixedWidthInteger>(_ text: String, as type: T.Type) -> IntegerResult<T> {
        PlainScalar.withBytes(text) { b in
            guard PlainScalar.isCoreInt(b) else { return .notInteger }
            var index = 0
            var negative = false
            var radix: T = 10
            if b.count > 2, b[0] == UInt8(ascii: "0"), b[1] == UInt8(ascii: "o") || b[1] == UInt8(ascii: "x") {
                radix = b[1] == UInt8(ascii: "o") ? 8 : 16
                index = 2
            } else if PlainScalar.isSign(b[0]) {
                negative = b[0] == UInt8(ascii: "-")
                index = 1
            }
            var value: T = 0
            while index < b.count {
                let c = b[index]
                let digit: T =
                    switch c {
                    case 0x30...0x39: T(c - 0x30)
                    case 0x41...0x46: T(c - 0x41 + 10)
                    default: T(c - 0x61 + 10)
                    }
                let (shifted, o1) = value.multipliedReportingOverflow(by: radix)
                let (next, o2) = negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
                if o1 || o2 { return .outOfRange }
                value = next
                index += 1
            }
            return .value(value)
        }
    }

    /// A core float or integer as a `Double`; `nil` when the text is neither.
    static func double(_ text: String) -> Double? {
        PlainScalar.withBytes(text) { b -> Double? in
            if PlainScalar.isNaN(b) { return .nan }
            if let sign = PlainScalar.infinitySign(b) { return sign < 0 ? -.infinity : .infinity }
            if b.count > 2, b[0] == UInt8(ascii: "0"), b[1] == UInt8(ascii: "o") || b[1] == UInt8(ascii: "x") {
                if case .value(let v) = integer(text, as: UInt64.self) { return Double(v) }
                return nil
            }
            guard PlainScalar.isCoreInt(b) || PlainScalar.isCoreFloat(b) else { return nil }
            return Double(text)
        }
    }

    /// `true`/`True`/`TRUE`/`false`/`False`/`FALSE`; `nil` otherwise.
    static func bool(_ text: String) -> Bool? {
        PlainScalar.withBytes(text) { PlainScalar.isCoreBool($0) }
    }
}
