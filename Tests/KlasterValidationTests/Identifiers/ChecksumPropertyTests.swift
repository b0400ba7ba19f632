import KlasterValidation
import PropertyBased
import Testing

/// What the check-digit schemes do and do not catch, on random numbers.
///
/// NIP weights are all non-zero mod 11 and the remainder is compared whole, so every single-digit
/// error is caught. REGON folds remainder 10 into check digit 0, so an error that moves the
/// remainder between 0 and 10 escapes when the check digit is 0; the 14-digit weights also give
/// digit 5 no weight, leaving it to the check of the first nine digits.
@Suite struct ChecksumPropertyTests {
    static let digits: [Character] = Array("0123456789")

    /// Every string that differs from `number` in exactly one digit, with the changed position.
    static func singleDigitChanges(of number: String) -> [(position: Int, changed: String)] {
        var result: [(Int, String)] = []
        let original = Array(number)
        for position in original.indices {
            for digit in digits where digit != original[position] {
                var copy = original
                copy[position] = digit
                result.append((position, String(copy)))
            }
        }
        return result
    }

    @Test func nipCheckValueCompletesAValidNIPUnlessItIsTen() async {
        await propertyCheck(count: 500, input: Gen.number.string(of: 9)) { prefix in
            guard prefix != "000000000" else { return }
            let value = PolishIdentifier.nipCheckValue(prefix: prefix)
            let valid = Self.digits.filter { PolishIdentifier.checkNIP(prefix + String($0)) == nil }
            if value == 10 {
                #expect(valid.isEmpty)
            } else {
                #expect(valid.map { String($0) } == [value.map(String.init) ?? "none"])
            }
        }
    }

    @Test func everySingleDigitErrorInANIPIsCaught() async {
        await propertyCheck(count: 300, input: Gen.number.string(of: 9)) { prefix in
            guard let value = PolishIdentifier.nipCheckValue(prefix: prefix), value < 10, prefix != "000000000" else { return }
            let nip = prefix + String(value)
            #expect(PolishIdentifier.checkNIP(nip) == nil)
            for (position, changed) in Self.singleDigitChanges(of: nip) {
                #expect(PolishIdentifier.checkNIP(changed) != nil, "\(nip) → \(changed) at \(position + 1)")
            }
        }
    }

    @Test func singleDigitErrorsInREGON9EscapeOnlyThroughCheckDigitZero() async {
        await propertyCheck(count: 300, input: Gen.number.string(of: 8)) { prefix in
            guard let digit = PolishIdentifier.regonCheckDigit(prefix: prefix) else { return }
            let regon = prefix + String(digit)
            guard PolishIdentifier.checkREGON(regon) == nil else {
                #expect(regon == "000000000")
                return
            }
            for (position, changed) in Self.singleDigitChanges(of: regon) where PolishIdentifier.checkREGON(changed) == nil {
                // Only a change among digits 1–8 that swaps remainders 0 and 10 keeps check digit 0.
                #expect(digit == 0 && position < 8, "\(regon) → \(changed) at \(position + 1)")
            }
        }
    }

    @Test func singleDigitErrorsInREGON14EscapeOnlyThroughZerosOrDigitFive() async {
        await propertyCheck(count: 200, input: Gen.number.string(of: 8), Gen.number.string(of: 4)) { base, unit in
            guard let baseDigit = PolishIdentifier.regonCheckDigit(prefix: base) else { return }
            let prefix = base + String(baseDigit) + unit
            guard let digit = PolishIdentifier.regonCheckDigit(prefix: prefix) else { return }
            let regon = prefix + String(digit)
            guard PolishIdentifier.checkREGON(regon) == nil else {
                #expect(regon.hasPrefix("000000000"))
                return
            }
            for (position, changed) in Self.singleDigitChanges(of: regon) where PolishIdentifier.checkREGON(changed) == nil {
                let escapes = (position == 4 && baseDigit == 0)
                    || ((9...12).contains(position) && digit == 0)
                    || (position < 8 && baseDigit == 0 && digit == 0)
                #expect(escapes, "\(regon) → \(changed) at \(position + 1)")
            }
        }
    }

    /// The escapes above really happen: two valid REGONs one digit apart.
    @Test func regonEscapesExist() throws {
        // 100000050: remainder 10, check digit 0; 800000050: remainder 0, check digit 0.
        #expect(PolishIdentifier.checkREGON("100000050") == nil)
        #expect(PolishIdentifier.checkREGON("800000050") == nil)
        // Digit 5 has weight 0 in the 14-digit sum; 100030050 is again a valid REGON-9.
        let digit = try #require(PolishIdentifier.regonCheckDigit(prefix: "1000000500001"))
        #expect(PolishIdentifier.regonCheckDigit(prefix: "1000300500001") == digit)
        #expect(PolishIdentifier.checkREGON("1000000500001\(digit)") == nil)
        #expect(PolishIdentifier.checkREGON("1000300500001\(digit)") == nil)
    }

    @Test func regonCheckDigitAlwaysCompletesAValidREGON() async {
        await propertyCheck(count: 300, input: Gen.number.string(of: 13)) { prefix in
            guard !prefix.hasPrefix("000000000") else { return }
            let base = String(prefix.prefix(8))
            let baseDigit = PolishIdentifier.regonCheckDigit(prefix: base)
            let nine = base + (baseDigit.map(String.init) ?? "")
            #expect(PolishIdentifier.checkREGON(nine) == nil)
            let thirteen = nine + prefix.suffix(4)
            let digit = PolishIdentifier.regonCheckDigit(prefix: thirteen)
            #expect(PolishIdentifier.checkREGON(thirteen + (digit.map(String.init) ?? "")) == nil)
        }
    }

    @Test func normalisedNIPRoundTrips() async {
        await propertyCheck(count: 200, input: Gen.number.string(of: 10)) { digits in
            let dashed = "\(digits.prefix(3))-\(digits.dropFirst(3).prefix(3))-\(digits.dropFirst(6).prefix(2))-\(digits.suffix(2))"
            #expect(PolishIdentifier.normalizedNIP(dashed) == digits)
            #expect(PolishIdentifier.normalizedNIP("PL " + digits) == digits)
            let strict = PolishIdentifier.checkNIP(digits)
            let loose = PolishIdentifier.checkNIP(dashed)
            // A dashed NIP fails for the same reason as its digits, or only for its format.
            if strict == nil {
                #expect(loose?.kind == .format && loose?.suggestion == digits)
            } else {
                #expect(loose?.kind == strict?.kind)
            }
        }
    }
}
