import Foundation
import KlasterValidation
import Testing

/// Compares the Swift verdicts with an independent Python implementation of the guide's rules
/// (NIP in python-stdnum's form with weight −1; code lists read from iso-codes' JSON at run time).
@Suite struct PythonCrossCheckTests {
    static let oracle = #"""
        import json, os, re, sys
        ISO = '/usr/share/iso-codes/json/'
        def load(name, key):
            path = ISO + name
            if not os.path.exists(path):
                return None
            return json.load(open(path, encoding='utf-8'))[key]
        c = load('iso_3166-1.json', '3166-1')
        countries = None if c is None else {e['alpha_2'] for e in c}
        l = load('iso_639-2.json', '639-2')
        languages = None if l is None else {e['alpha_2'] for e in l if 'alpha_2' in e}
        s = load('iso_3166-2.json', '3166-2')
        pl_regions = None if s is None else {e['code'] for e in s if e['code'].startswith('PL-')}

        def nip(v):
            return (re.fullmatch(r'[0-9]{10}', v) is not None and v != '0' * 10
                    and sum(int(d) * w for d, w in zip(v, (6, 5, 7, 2, 3, 4, 5, 6, 7, -1))) % 11 == 0)
        def regon_cd(b):
            w = (8, 9, 2, 3, 4, 5, 6, 7) if len(b) == 8 else (2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8)
            return sum(int(d) * x for d, x in zip(b, w)) % 11 % 10
        def regon(v):
            if re.fullmatch(r'[0-9]{9}|[0-9]{14}', v) is None or v[:9] == '0' * 9:
                return False
            if int(v[8]) != regon_cd(v[:8]):
                return False
            return len(v) == 9 or int(v[13]) == regon_cd(v[:13])
        def region(v):
            if v in pl_regions:
                return True
            m = re.fullmatch(r'([A-Z]{2})-[A-Z0-9]{1,3}', v)
            return m is not None and m.group(1) != 'PL' and m.group(1) in countries
        rules = {
            'nip': nip,
            'regon': regon,
            'krs': lambda v: re.fullmatch(r'[0-9]{10}', v) is not None and v != '0' * 10,
            'vat': lambda v: re.fullmatch(r'PL[0-9]{10}', v) is not None and nip(v[2:]),
            'postcode': lambda v: re.fullmatch(r'[0-9]{2}-[0-9]{3}', v) is not None,
            'phone': lambda v: (re.fullmatch(r'\+[1-9][0-9]{1,14}', v) is not None
                                and (not v.startswith('+48') or len(v) == 12)),
            'country': None if countries is None else (lambda v: v in countries),
            'language': None if languages is None else (lambda v: v in languages),
            'region': None if pl_regions is None or countries is None else region,
        }
        out = []
        for line in sys.stdin.buffer.read().decode('utf-8').split('\n'):
            if not line:
                continue
            rule, value = line.split('\t', 1)
            check = rules[rule]
            out.append('-' if check is None else ('1' if check(value) else '0'))
        sys.stdout.write(''.join(out))
        """#

    /// A fixed-seed generator, so a failure names inputs that can be reproduced.
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func digits(_ count: Int, _ rng: inout SplitMix64) -> String {
        String((0..<count).map { _ in Character(String(Int.random(in: 0...9, using: &rng))) })
    }

    /// Random values for one rule: valid by construction, random, one digit changed, odd shapes.
    static func samples(for rule: DomainRule, count: Int, _ rng: inout SplitMix64) -> [String] {
        (0..<count).map { _ in
            let roll = Int.random(in: 0..<10, using: &rng)
            switch rule {
            case .nip, .vat:
                var base = digits(9, &rng)
                if roll < 4, let value = PolishIdentifier.nipCheckValue(prefix: base) { base += String(value % 10) } else { base += digits(1, &rng) }
                if roll == 9 { base = digits(Int.random(in: 0...12, using: &rng), &rng) }
                if roll == 8 { base.insert("A", at: base.startIndex) }
                guard rule == .vat else { return roll == 7 ? "PL" + base : base }
                return [ "PL", "PL", "PL", "pl", "DE", "" ][Int.random(in: 0..<6, using: &rng)] + base
            case .regon:
                let long = Bool.random(using: &rng)
                var base = digits(8, &rng)
                if roll < 5 { base += String(PolishIdentifier.regonCheckDigit(prefix: base) ?? 0) } else { base += digits(1, &rng) }
                if long {
                    base += digits(4, &rng)
                    base += roll < 4 ? String(PolishIdentifier.regonCheckDigit(prefix: base) ?? 0) : digits(1, &rng)
                }
                if roll == 9 { base = digits(Int.random(in: 0...15, using: &rng), &rng) }
                return base
            case .krs:
                return roll < 2 ? "0000000000" : digits(roll < 8 ? 10 : Int.random(in: 0...12, using: &rng), &rng)
            case .postcode:
                let value = "\(digits(2, &rng))-\(digits(3, &rng))"
                return roll < 6 ? value : roll < 8 ? digits(5, &rng) : String(value.dropLast())
            case .phone:
                let body = digits(Int.random(in: 0...17, using: &rng), &rng)
                return roll < 4 ? "+48" + digits(Int.random(in: 8...10, using: &rng), &rng) : roll < 9 ? "+" + body : body
            case .country:
                let letters = (0..<2).map { _ in Character(UnicodeScalar(UInt8.random(in: 0x41...0x5A, using: &rng))) }
                let code = String(letters)
                return roll < 7 ? code : roll < 9 ? code.lowercased() : code + "X"
            case .language:
                let letters = (0..<2).map { _ in Character(UnicodeScalar(UInt8.random(in: 0x61...0x7A, using: &rng))) }
                let code = String(letters)
                return roll < 7 ? code : roll < 9 ? code.uppercased() : code + "-pl"
            case .region:
                let number = Int.random(in: 0...40, using: &rng)
                let padded = number < 10 ? "0\(number)" : "\(number)"
                let letters = String((0..<Int.random(in: 1...4, using: &rng)).map { _ in Character(UnicodeScalar(UInt8.random(in: 0x41...0x5A, using: &rng))) })
                let countries = ["PL", "SE", "DE", "XX", "UK"]
                return roll < 5 ? "PL-" + padded : countries[Int.random(in: 0..<5, using: &rng)] + "-" + (roll < 8 ? letters : padded)
            case .email, .url:
                return ""
            }
        }
    }

    @Test func swiftAndPythonAgree() throws {
        var rng = SplitMix64(state: 20_131_115)
        let rules: [DomainRule] = [.nip, .regon, .krs, .vat, .postcode, .phone, .country, .language, .region]
        var cases: [(DomainRule, String)] = []
        for rule in rules {
            cases += Self.samples(for: rule, count: rule == .nip || rule == .regon ? 1500 : 500, &rng).map { (rule, $0) }
        }
        let input = cases.map { "\($0.0.rawValue)\t\($0.1)\n" }.joined()

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", Self.oracle]
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)

        let verdicts = Array(String(decoding: output, as: UTF8.self))
        try #require(verdicts.count == cases.count)
        var compared: [DomainRule: (total: Int, valid: Int)] = [:]
        for ((rule, value), verdict) in zip(cases, verdicts) where verdict != "-" {
            let swiftValid = rule.check(value) == nil
            #expect(swiftValid == (verdict == "1"), "\(rule.rawValue) \(value): Swift \(swiftValid), Python \(verdict)")
            compared[rule, default: (0, 0)].total += 1
            if swiftValid { compared[rule, default: (0, 0)].valid += 1 }
        }
        // The samples must exercise both verdicts for every rule Python could judge.
        for (rule, counts) in compared {
            #expect(counts.valid > 0 && counts.valid < counts.total, "\(rule.rawValue): \(counts.valid) of \(counts.total) valid")
        }
        #expect(compared.count >= 6)
    }
}
