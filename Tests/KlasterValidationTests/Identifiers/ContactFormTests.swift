import KlasterValidation
import Testing

@Suite struct ContactFormTests {
    @Test(arguments: [
        "biuro@example.pl", "jan.kowalski@uni.katowice.pl", "a+tag@sub-domain.example.com", "x@łódź.pl",
        "o'brien@example.ie", "user@xn--d-vfa.pl",
    ])
    func validEmails(_ email: String) {
        #expect(ContactForm.checkEmail(email) == nil)
    }

    @Test(arguments: [
        ("", "is empty"), ("biuro", "has no @"), ("a@b@c.pl", "has more than one @"), ("@example.pl", "has nothing before the @"),
        ("biuro@", "has nothing after the @"), ("biuro@localhost", "has no dot"), ("jan kowalski@example.pl", "contains a space"),
        (".jan@example.pl", "dot at the start"), ("jan..k@example.pl", "two dots"), ("jan@example..pl", "empty part"),
        ("jan@-example.pl", "hyphen"), ("jan@example.p", "top-level domain"), ("jan@1.2.3.4", "top-level domain"),
        ("jan,k@example.pl", "\",\""), ("jan@exa_mple.pl", "\"_\""),
    ])
    func invalidEmails(_ email: String, _ reason: String) throws {
        let problem = try #require(ContactForm.checkEmail(email))
        #expect(problem.rule == .email)
        #expect(problem.kind == .format)
        #expect(problem.suggestion == nil)
        #expect(problem.message.contains(reason), "\(problem.message)")
    }

    @Test func emailSuggestions() {
        #expect(ContactForm.checkEmail(" biuro@example.pl ")?.suggestion == "biuro@example.pl")
        #expect(ContactForm.checkEmail("mailto:biuro@example.pl")?.suggestion == "biuro@example.pl")
    }

    @Test(arguments: [
        "http://www.klasterip.pl", "https://klasterip.pl/porozumienie-o-wspolpracy-miedzyklastrowej-z-klastrem-okip/?lang=pl",
        "https://example.pl:8443/a#b", "http://192.168.1.1/", "http://[2001:db8::1]:8080/", "https://pl.wikipedia.org/wiki/Łódź",
        "https://example.pl/a%20b", "https://EXAMPLE.PL",
    ])
    func validURLs(_ url: String) {
        #expect(ContactForm.checkURL(url) == nil)
    }

    @Test(arguments: [
        ("ftp://example.pl", "does not start with http"), ("http://", "no host"), ("http://localhost/", "no dot"),
        ("https://exa mple.pl", "space"), ("http://user:pw@example.pl", "user name"), ("http://example.pl:0/", "port"),
        ("http://example.pl:99999/", "port"), ("http://example.pl/<x>", "percent-encoded"), ("http://example.pl/%zz", "%"),
        ("http://[zz]/", "IPv6"), ("http://300.1.1.1/", "top-level"), ("", "is empty"), ("mailto:a@b.pl", "does not start with http"),
    ])
    func invalidURLs(_ url: String, _ reason: String) throws {
        let problem = try #require(ContactForm.checkURL(url))
        #expect(problem.kind == .format)
        #expect(problem.suggestion == nil)
        #expect(problem.message.contains(reason), "\(problem.message)")
    }

    @Test func urlSuggestions() {
        // The guide's case: seed 004 writes the site without a scheme.
        #expect(ContactForm.checkURL("www.klasterip.pl")?.suggestion == "http://www.klasterip.pl")
        #expect(ContactForm.checkURL("www.klasterip.pl")?.message == "Web address www.klasterip.pl should be written with its scheme: http://www.klasterip.pl")
        #expect(ContactForm.checkURL(" https://example.pl ")?.suggestion == "https://example.pl")
        #expect(ContactForm.checkURL("HTTPS://example.pl")?.suggestion == "https://example.pl")
        #expect(ContactForm.checkURL("klaster")?.suggestion == nil)
    }

    @Test(arguments: ["+48322000000", "+48123456789", "+46401234567", "+12", "+123456789012345"])
    func validPhones(_ phone: String) {
        #expect(ContactForm.checkPhone(phone) == nil)
    }

    @Test(arguments: [
        ("+48 32 123 45 67", "+48321234567"), ("+48-32-123-45-67", "+48321234567"), ("0048 32 123 45 67", "+48321234567"),
        ("+48 (32) 123 45 67", "+48321234567"), ("+44 (0)20 7946 0000", "+442079460000"), (" +48321234567", "+48321234567"),
        ("+48\u{00A0}32\u{00A0}123\u{00A0}45\u{00A0}67", "+48321234567"), ("+46.40.123.45.67", "+46401234567"),
    ])
    func humanSpacingGetsTheE164Form(_ written: String, _ canonical: String) throws {
        let problem = try #require(ContactForm.checkPhone(written))
        #expect(problem.kind == .format)
        #expect(problem.suggestion == canonical)
        #expect(ContactForm.normalizedPhone(written) == canonical)
    }

    @Test(arguments: [
        ("32 123 45 67", "has no country code"), ("+4832123456", "Polish numbers have 9"), ("+483212345678", "Polish numbers have 9"),
        ("+48 32 123 45 6", "with 8 digits after the country code"), ("+1234567890123456", "at most 15"), ("+0123456789", "starting with 0"),
        ("+", "no digits"), ("+1", "only 1 digit"), ("", "is empty"), ("+48 32 123 45 67 wew. 12", "contains a space"),
        ("+48321234567x", "contains \"x\""),
    ])
    func invalidPhones(_ written: String, _ reason: String) throws {
        let problem = try #require(ContactForm.checkPhone(written))
        #expect(problem.kind == .format)
        #expect(problem.suggestion == nil)
        #expect(problem.message.contains(reason), "\(problem.message)")
    }
}
