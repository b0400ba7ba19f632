/// Polish and English prose of a given size, for descriptions, notes and news bodies.
enum Prose {
    static func sentence(_ random: inout SeededRandom) -> String {
        "\(random.pick(Vocabulary.subjects)) \(random.pick(Vocabulary.verbs)) \(random.pick(Vocabulary.objects)) "
            + "\(random.pick(Vocabulary.tails))."
    }

    /// Polish sentences adding up to at least `bytes` bytes of UTF-8.
    static func polish(_ random: inout SeededRandom, bytes: Int) -> String {
        var text = ""
        while text.utf8.count < bytes {
            text += (text.isEmpty ? "" : " ") + sentence(&random)
        }
        return text
    }

    static func english(_ random: inout SeededRandom, bytes: Int) -> String {
        var text = ""
        while text.utf8.count < bytes {
            text += (text.isEmpty ? "" : " ") + random.pick(Vocabulary.englishSentences)
        }
        return text
    }
}
