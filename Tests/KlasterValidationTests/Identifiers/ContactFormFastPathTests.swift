import PropertyBased
import Testing

@testable import KlasterValidation

/// The fast acceptance of web and e-mail addresses may only accept what the full checks accept.
@Suite struct ContactFormFastPathTests {
    static let urlPieces = [
        "http://", "https://", "HTTP://", "www", ".", "example", "pl", "-", "/", "?", "#", "%", "2F", "zz", ":", "8080",
        "@", "[", "]", "::1", "1", "255", " ", "a", "ż", "\"", "|", "{", "_", "..", "com", "x1",
    ]
    static let emailPieces = [
        "biuro", "@", ".", "example", "pl", "-", "+", "_", "!", "a", "1", "..", " ", "ż", "\"", "(", "com", "x", "mailto:",
    ]

    @Test func fastURLAcceptanceAgreesWithTheFullCheck() async {
        await propertyCheck(count: 2000, input: Gen<String?>.element(of: Self.urlPieces).array(of: 0...10)) { pieces in
            let text = pieces.compactMap { $0 }.joined()
            if ContactForm.isPlainGoodURL(text) {
                #expect(ContactForm.urlComplaint(text) == nil, "\(text.debugDescription)")
            }
        }
        let long = "https://" + String(repeating: "a", count: 63) + ".pl/" + String(repeating: "b", count: 300)
        #expect(ContactForm.isPlainGoodURL("https://www.klaster.pl/o-nas?x=1%20#a"))
        #expect(ContactForm.isPlainGoodURL(long))
        for text in ["https://a.pl:80", "https://1.2.3.4", "https://-a.pl", "https://a.pl/%2", "https://a.p", "http//a.pl", "https://a..pl"] {
            #expect(!ContactForm.isPlainGoodURL(text), "\(text)")
        }
    }

    @Test func fastEmailAcceptanceAgreesWithTheFullCheck() async {
        await propertyCheck(count: 2000, input: Gen<String?>.element(of: Self.emailPieces).array(of: 0...8)) { pieces in
            let text = pieces.compactMap { $0 }.joined()
            if ContactForm.isPlainGoodEmail(text) {
                #expect(ContactForm.emailComplaint(text) == nil, "\(text.debugDescription)")
            }
        }
        #expect(ContactForm.isPlainGoodEmail("biuro.klastra+x@example.com.pl"))
        for text in [".a@b.pl", "a.@b.pl", "a..b@c.pl", "a@b", "a@@b.pl", "a@b.1", String(repeating: "a", count: 65) + "@b.pl"] {
            #expect(!ContactForm.isPlainGoodEmail(text), "\(text)")
        }
    }
}
