import KlasterEdit
import KlasterYAML
import Testing

@Suite struct FieldAssignmentTests {
    @Test func splitsAtTheFirstEqualsSignOutsideBrackets() throws {
        let keyed = try FieldAssignment(parsing: "memberships[cluster=okip].roles+=member")
        #expect(keyed.path == YAMLPath(parsing: "memberships[cluster=okip].roles"))
        #expect(keyed.operation == .add)
        #expect(keyed.value == "member")
        let withEquals = try FieldAssignment(parsing: "note.pl=a=b")
        #expect(withEquals.operation == .set)
        #expect(withEquals.value == "a=b")
        let removal = try FieldAssignment(parsing: "tags-=ict")
        #expect(removal.operation == .remove)
        #expect(removal.path == "tags")
    }

    @Test func refusesMalformedArguments() {
        #expect(throws: (any Error).self) { try FieldAssignment(parsing: "no-equals-sign") }
        #expect(throws: (any Error).self) { try FieldAssignment(parsing: "=value") }
        #expect(throws: (any Error).self) { try FieldAssignment(parsing: "a..b=1") }
    }
}
