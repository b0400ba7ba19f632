import Foundation

/// A member record as Klaster's model will decode it: strings, dates, numbers, booleans,
/// optionals, nested mappings and lists of mappings.
struct MemberRecord: Codable {
    struct Address: Codable {
        var street: String
        var city: String
        var postalCode: String
        var country: String
    }

    struct Contact: Codable {
        var name: String
        var role: String
        var email: String
        var phone: String?
    }

    struct Membership: Codable {
        var cluster: String
        var since: Date
        var until: Date?
        var roles: [String]
        var fee: Double?
    }

    var id: String
    var name: String
    var shortName: String?
    var krs: String
    var nip: String
    var founded: Date
    var employees: Int
    var active: Bool
    var website: String?
    var address: Address
    var contacts: [Contact]
    var memberships: [Membership]
    var tags: [String]
    var description: String
}
