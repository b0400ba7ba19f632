/// Slugs of Polish text: lower case ASCII letters and digits joined by single hyphens.
enum Slug {
    private static let folding: [Character: String] = [
        "ą": "a", "ć": "c", "ę": "e", "ł": "l", "ń": "n", "ó": "o", "ś": "s", "ź": "z", "ż": "z",
        "Ą": "a", "Ć": "c", "Ę": "e", "Ł": "l", "Ń": "n", "Ó": "o", "Ś": "s", "Ź": "z", "Ż": "z",
        "ö": "o", "ø": "o", "ü": "u", "ä": "a", "å": "a",
    ]

    static func of(_ text: String) -> String {
        var out = ""
        var pendingHyphen = false
        for character in text {
            let folded = folding[character] ?? String(character).lowercased()
            for scalar in folded.unicodeScalars {
                if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                    if pendingHyphen, !out.isEmpty { out += "-" }
                    pendingHyphen = false
                    out.unicodeScalars.append(scalar)
                } else {
                    pendingHyphen = true
                }
            }
        }
        return out
    }
}
