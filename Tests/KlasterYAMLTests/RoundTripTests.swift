import Foundation
import KlasterYAML
import PropertyBased
import Testing

@Suite struct RoundTripTests {
    struct Inner: Codable, Equatable {
        var label: String
        var note: String?
        var values: [String?]
    }

    struct Sample: Codable, Equatable {
        var name: String
        var krs: String
        var note: String?
        var tags: [String]
        var names: [String: String]
        var inner: [Inner]
        var count: Int
        var ratio: Double
        var flag: Bool
        var when: Date
    }

    static let inner = zip(NastyStrings.string, NastyStrings.string.optional(), NastyStrings.string.optional().array(of: 0...3))
        .map { Inner(label: $0, note: $1, values: $2) }

    static let strings = zip(
        NastyStrings.string,
        NastyStrings.string,
        NastyStrings.string.optional(),
        NastyStrings.string.array(of: 0...4),
        zip(NastyStrings.string, NastyStrings.string).array(of: 0...3)
    )

    static let scalars = zip(
        Gen.int(in: Int.min...Int.max),
        Gen.double(in: -1e300...1e300),
        Gen.bool,
        Gen.double(in: -6e10...2e11)
    )

    static let sample = zip(strings, scalars, inner.array(of: 0...3)).map { strings, scalars, inner in
        Sample(
            name: strings.0,
            krs: strings.1,
            note: strings.2,
            tags: strings.3,
            names: Dictionary(strings.4, uniquingKeysWith: { first, _ in first }),
            inner: inner,
            count: scalars.0,
            ratio: scalars.1,
            flag: scalars.2,
            when: Date(timeIntervalSinceReferenceDate: scalars.3)
        )
    }

    @Test func decodeOfEncodeIsIdentity() async {
        await propertyCheck(count: 400, input: Self.sample) { sample in
            let text = try YAMLEncoder().encode(sample)
            let back = try YAMLDecoder().decode(Sample.self, from: text)
            #expect(back == sample, "\(text)")
        }
    }

    @Test func singleStringsRoundTripInEveryStyle() async {
        let styles: [ScalarStyle] = [.plain, .singleQuoted, .doubleQuoted, .literal, .folded]
        await propertyCheck(count: 400, input: NastyStrings.string, Gen.int(in: 0...4)) { text, style in
            let node = YAMLNode.mapping(
                YAMLMapping([YAMLMapping.Entry(key: .scalar(YAMLScalar("k")), value: .scalar(YAMLScalar(text, style: styles[style])))])
            )
            let emitted = try YAMLEmitter().emit(node)
            let back = try YAMLDecoder().decode([String: String].self, from: emitted)
            #expect(back == ["k": text], "\(emitted.debugDescription)")
            #expect(emitted.hasSuffix("\n") && !emitted.hasSuffix("\n\n"))
        }
    }

    @Test func nastyKeysRoundTrip() async {
        await propertyCheck(count: 200, input: zip(NastyStrings.string, NastyStrings.string).array(of: 1...4)) { pairs in
            let dictionary = Dictionary(pairs, uniquingKeysWith: { first, _ in first })
            let text = try YAMLEncoder().encode(dictionary)
            let back = try YAMLDecoder().decode([String: String].self, from: text)
            #expect(back == dictionary, "\(text.debugDescription)")
        }
    }

    @Test func pyYAMLReadsEveryEmittedStringBack() throws {
        let texts = NastyStrings.batch(600, seed: 42)
        let documents = try texts.map { text in
            try YAMLEmitter().emit(.mapping(YAMLMapping([YAMLMapping.Entry(key: .scalar(YAMLScalar("v")), value: .scalar(YAMLScalar(text)))])))
        }
        let readings = try PyYAML.load(documents)
        try #require(readings.count == texts.count)
        for (i, reading) in readings.enumerated() {
            #expect(reading == PyYAML.Reading(type: "str", value: texts[i]), "\(texts[i].debugDescription) → \(documents[i].debugDescription)")
        }
    }
}
