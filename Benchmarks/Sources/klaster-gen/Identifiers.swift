/// Registry numbers that pass their checksums (the algorithms of
/// `Sources/KlasterValidation/Identifiers/`) and never repeat: each is a one-to-one function of
/// an organisation number.
enum Identifiers {
    private static let nipWeights = [6, 5, 7, 2, 3, 4, 5, 6, 7]
    private static let regonWeights = [8, 9, 2, 3, 4, 5, 6, 7]

    /// A valid NIP for organisation `number` (below 14,000,000). Each number owns seven 9-digit
    /// prefixes and takes the first whose check value is not 10.
    static func nip(_ number: Int) -> String {
        for offset in 0..<7 {
            let prefix = String(100_000_000 + number * 7 + offset)
            let check = weighted(prefix, nipWeights) % 11
            if check != 10 { return prefix + String(check) }
        }
        return String(100_000_000 + number * 7) + "0"
    }

    /// A valid 9-digit REGON for organisation `number` (below 89,000,000).
    static func regon(_ number: Int) -> String {
        let prefix = String(10_000_000 + number)
        return prefix + String(weighted(prefix, regonWeights) % 11 % 10)
    }

    /// A 10-digit, zero-padded KRS number for organisation `number`.
    static func krs(_ number: Int) -> String {
        let digits = String(number + 1)
        return String(repeating: "0", count: max(0, 10 - digits.count)) + digits
    }

    private static func weighted(_ digits: String, _ weights: [Int]) -> Int {
        zip(digits.utf8, weights).reduce(0) { $0 + Int($1.0 - 48) * $1.1 }
    }
}
