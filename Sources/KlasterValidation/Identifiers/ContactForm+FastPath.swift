extension ContactForm {
    /// True when `value` is certainly a good web address: printable ASCII only, `http://` or
    /// `https://`, a plain domain name host (no user, port or brackets) and a tail without
    /// characters to encode or bad `%` escapes. Anything else goes to ``urlComplaint(_:)``, which
    /// says what is wrong; this only spares the common, valid case its cost.
    static func isPlainGoodURL(_ value: String) -> Bool {
        var value = value
        return value.withUTF8 { bytes in
            let start: Int
            if bytes.starts(with: "https://".utf8) {
                start = 8
            } else if bytes.starts(with: "http://".utf8) {
                start = 7
            } else {
                return false
            }
            guard bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return false }
            var end = start
            while end < bytes.count, bytes[end] != 0x2F, bytes[end] != 0x3F, bytes[end] != 0x23 { end += 1 }
            guard isPlainGoodDomain(UnsafeBufferPointer(rebasing: bytes[start..<end])) else { return false }
            var i = end
            while i < bytes.count {
                let byte = bytes[i]
                if isForbiddenInURL(byte) { return false }
                if byte == 0x25 {
                    guard i + 2 < bytes.count, isHexDigit(bytes[i + 1]), isHexDigit(bytes[i + 2]) else { return false }
                }
                i += 1
            }
            return true
        }
    }

    /// True when `value` is certainly a good e-mail address: printable ASCII only, one `@`, a
    /// local part of allowed characters without stray dots, and a plain domain name.
    static func isPlainGoodEmail(_ value: String) -> Bool {
        var value = value
        return value.withUTF8 { bytes in
            guard let at = bytes.firstIndex(of: 0x40), at > 0, at <= 64, bytes.lastIndex(of: 0x40) == at else { return false }
            var previous: UInt8 = 0x2E  // so that a leading dot fails
            for byte in bytes[..<at] {
                guard isASCIIAlphanumeric(byte) || isAtextSymbol(byte) || byte == 0x2E else { return false }
                if byte == 0x2E && previous == 0x2E { return false }
                previous = byte
            }
            guard previous != 0x2E else { return false }
            return isPlainGoodDomain(UnsafeBufferPointer(rebasing: bytes[(at + 1)...]))
        }
    }

    /// ASCII letters, digits and hyphens in labels of 1 to 63 bytes, not starting or ending with
    /// a hyphen, at least two labels, at most 253 bytes, and a last label of two or more
    /// characters that are not all digits.
    private static func isPlainGoodDomain(_ host: UnsafeBufferPointer<UInt8>) -> Bool {
        guard host.count <= 253 else { return false }
        var labels = 0
        var length = 0
        var first: UInt8 = 0
        var last: UInt8 = 0
        var allDigits = true
        for byte in host {
            if byte == 0x2E {
                guard length > 0, length <= 63, first != 0x2D, last != 0x2D else { return false }
                labels += 1
                (length, allDigits) = (0, true)
                continue
            }
            guard isASCIIAlphanumeric(byte) || byte == 0x2D else { return false }
            if length == 0 { first = byte }
            last = byte
            length += 1
            allDigits = allDigits && DigitText.isDigit(byte)
        }
        return labels > 0 && length >= 2 && length <= 63 && first != 0x2D && last != 0x2D && !allDigits
    }
}
