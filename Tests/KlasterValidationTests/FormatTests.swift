import KlasterValidation
import Testing

/// Each case was checked against Python's jsonschema 4.26 format checker on this machine.
@Suite struct FormatTests {
    @Test(arguments: [
        ("2020-02-29", true), ("2019-02-29", false), ("1900-02-29", false), ("2000-02-29", true),
        ("0000-01-01", false), ("2020-1-01", false), ("2020-01-01\n", false), ("２０２０-01-01", false),
        ("2020-04-31", false), ("2020-13-01", false), ("2020-12-31", true), ("15.01.2013", false),
    ])
    func date(text: String, valid: Bool) {
        #expect(SchemaFormat.date.check(text) == valid)
    }

    @Test(arguments: [
        ("2020-01-01t10:00:00z", true), ("2020-01-01T10:00:00Z\n", true), ("0000-01-01T10:00:00Z", false),
        ("2020-01-01T10:00Z", false), ("2020-01-01 10:00:00Z", false), ("2020-01-01T10:00:60Z", false),
        ("2020-01-01T10:00:00.5+23:59", true), ("2020-01-01T10:00:00", false), ("2020-02-30T10:00:00Z", false),
        ("2020-01-01T24:00:00Z", false), ("2020-01-01T10:00:00.Z", false), ("2020-01-01T10:00:00+0100", false),
    ])
    func dateTime(text: String, valid: Bool) {
        #expect(SchemaFormat.dateTime.check(text) == valid)
    }

    @Test(arguments: [("a@b", true), ("@", true), ("ab", false), ("", false)])
    func email(text: String, valid: Bool) {
        #expect(SchemaFormat.email.check(text) == valid)
    }

    @Test(arguments: [
        ("http://x\n", true), ("http://x", true), ("x", false), ("a:", true), ("http://[::1]/", true),
        ("http://[v1.x]/", true), ("http://[V1.x]/", false), ("http://a b", false), ("http://ą", false),
        ("mailto:a@b", true), ("http://a@b@c", false), ("http://h:80a", false), ("http:/%zz", false),
        ("http://x#a#b", false), ("https://example.org/a?b=c&d#frag", true), ("1http://x", false),
        ("http://[1:2:3:4:5:6:7:8]", true), ("http://[1:2:3:4:5:6:7]", false), ("http://[::ffff:1.2.3.4]", true),
        ("http://[1::2::3]", false), ("http://1.2.3.999/", true), ("urn:isbn:0451450523", true),
        ("http://x/%41", true), ("//x", false), ("http://[1:2:3:4:5:6:1.2.3.4]", true),
        ("http://[1:2:3:4:5:6:7::]", true), ("http://[::1:2:3:4:5:6:7]", true), ("http://[1:2:3:4:5:6:7:8:9]", false),
        ("http://[1::1.2.3.4]", true),
    ])
    func uri(text: String, valid: Bool) {
        #expect(SchemaFormat.uri.check(text) == valid)
    }
}
