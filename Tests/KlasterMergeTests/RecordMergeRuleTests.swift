import Foundation
import KlasterMerge
import KlasterYAML
import Testing

/// One test per rule of SPEC §8, on the bundled schemas.
@Suite struct RecordMergeRuleTests {
    let base = MergeFixtures.cluster

    func edit(_ text: String, _ old: String, _ new: String) -> String {
        text.replacingOccurrences(of: old, with: new)
    }

    // MARK: Mappings and scalars

    @Test func neighbouringFieldsMergeKeyByKey() throws {
        let ours = edit(base, "short_name: OKIP  # the acronym", "short_name: OKIP-O  # the acronym")
        let theirs = edit(base, "cluster_type: umbrella", "cluster_type: network")
        let result = try MergeFixtures.merge(base: base, ours: ours, theirs: theirs)
        #expect(result.isClean)
        #expect(result.text == edit(ours, "cluster_type: umbrella", "cluster_type: network"))
    }

    @Test func aScalarChangedOnOneSideTakesThatSide() throws {
        let theirs = edit(base, "country: PL", "country: DE")
        let one = try MergeFixtures.merge(base: base, ours: base, theirs: theirs)
        let other = try MergeFixtures.merge(base: base, ours: theirs, theirs: base)
        #expect(one.text == theirs)
        #expect(other.text == theirs)
    }

    @Test func theSameChangeOnBothSidesIsTakenOnce() throws {
        let both = edit(base, "en: Polish Cluster", "en: The Polish Cluster")
        let result = try MergeFixtures.merge(base: base, ours: both, theirs: both)
        #expect(result.isClean)
        #expect(result.text == both)
    }

    @Test func differentChangesToOneScalarConflictWithMarkersAroundThatFieldOnly() throws {
        let ours = edit(base, "en: Polish Cluster", "en: Ours")
        let theirs = edit(edit(base, "en: Polish Cluster", "en: Theirs"), "country: PL", "country: CZ")
        let result = try MergeFixtures.merge(base: base, ours: ours, theirs: theirs)
        #expect(result.conflicts.count == 1)
        let conflict = try #require(result.conflicts.first)
        #expect(conflict.pointer == "/name/en")
        #expect(conflict.rule == "conflict")
        #expect(conflict.base?.scalar?.value == "Polish Cluster")
        #expect(conflict.ours?.scalar?.value == "Ours")
        #expect(conflict.theirs?.scalar?.value == "Theirs")
        let expected = edit(
            edit(ours, "  en: Ours\n", "<<<<<<< ours\n  en: Ours\n=======\n  en: Theirs\n>>>>>>> theirs\n"),
            "country: PL",
            "country: CZ"
        )
        #expect(result.text == expected)
    }

    @Test func diff3StyleAddsTheBaseAndTheMarkerSizeIsHonoured() throws {
        let ours = edit(base, "country: PL", "country: DE")
        let theirs = edit(base, "country: PL", "country: CZ")
        let markers = ConflictMarkers(size: 10, style: .diff3)
        let result = try MergeFixtures.merge(base: base, ours: ours, theirs: theirs, markers: markers)
        let block = "<<<<<<<<<< ours\ncountry: DE\n|||||||||| base\ncountry: PL\n==========\ncountry: CZ\n>>>>>>>>>> theirs\n"
        #expect(result.text == edit(ours, "country: DE\n", block))
    }

    @Test func aFieldDeletedOnOneSideAndChangedOnTheOtherConflicts() throws {
        let ours = edit(base, "short_name: OKIP  # the acronym\n", "")
        let theirs = edit(base, "short_name: OKIP", "short_name: OKIP2")
        let result = try MergeFixtures.merge(base: base, ours: ours, theirs: theirs)
        let conflict = try #require(result.conflicts.first)
        #expect(conflict.kind == .deleteModify)
        #expect(conflict.pointer == "/short_name")
        let text = try #require(result.text)
        #expect(text.contains("<<<<<<< ours\n=======\nshort_name: OKIP2  # the acronym\n>>>>>>> theirs\n"))
    }

    @Test func aFieldDeletedOnOneSideAndUntouchedOnTheOtherIsDeleted() throws {
        let theirs = edit(base, "short_name: OKIP  # the acronym\n", "")
        let ours = edit(base, "country: PL", "country: DE")
        let result = try MergeFixtures.merge(base: base, ours: ours, theirs: theirs)
        #expect(result.isClean)
        #expect(result.text == edit(theirs, "country: PL", "country: DE"))
    }

    // MARK: Arrays

    @Test func setArraysTakeBothSidesAdditionsAndRemovals() throws {
        let ours = edit(base, "tags: [ict, innovation]", "tags: [ict, innovation, health]")
        let theirs = edit(base, "tags: [ict, innovation]", "tags: [ict, space]")
        let result = try MergeFixtures.merge(base: base, ours: ours, theirs: theirs)
        #expect(result.isClean)
        #expect(result.text == edit(base, "tags: [ict, innovation]", "tags: [ict, health, space]"))
    }

    @Test func blockSetArraysGainEachSidesAdditions() throws {
        let ours = edit(base, "  - Klaster OKIP\n", "  - Klaster OKIP\n  - OKIP-A\n")
        let theirs = edit(base, "  - Klaster OKIP\n", "  - Klaster OKIP\n  - OKIP-B\n")
        let result = try MergeFixtures.merge(base: base, ours: ours, theirs: theirs)
        #expect(result.isClean)
        #expect(result.text == edit(base, "  - Klaster OKIP\n", "  - Klaster OKIP\n  - OKIP-A\n  - OKIP-B\n"))
    }

    @Test func keyedArraysMatchElementsByKeyAndMergeThemRecursively() throws {
        let ours = edit(base, "    name: Anna Nowak\n", "    name: Anna Nowak-Kowalska\n")
        let theirs = edit(
            base,
            "  - id: jan-kowalski\n    name: Jan Kowalski\n",
            "  - id: jan-kowalski\n    name: Jan Kowalski\n  - id: ewa-lis\n    name: Ewa Lis\n"
        )
        let result = try MergeFixtures.merge(base: base, ours: ours, theirs: theirs)
        #expect(result.isClean)
        #expect(result.text == edit(ours, "  - id: jan-kowalski\n    name: Jan Kowalski\n", "  - id: jan-kowalski\n    name: Jan Kowalski\n  - id: ewa-lis\n    name: Ewa Lis\n"))
    }

    @Test func bothSidesAddingDifferentKeyedElementsKeepsBoth() throws {
        let ours = edit(base, "    name: Jan Kowalski\n", "    name: Jan Kowalski\n  - id: ola-a\n    name: Ola A\n")
        let theirs = edit(base, "    name: Jan Kowalski\n", "    name: Jan Kowalski\n  - id: piotr-b\n    name: Piotr B\n")
        let result = try MergeFixtures.merge(base: base, ours: ours, theirs: theirs)
        #expect(result.isClean)
        let people = result.node?.mapping?["people"]?.sequence?.items.compactMap { $0.mapping?["id"]?.scalar?.value }
        #expect(people == ["anna-nowak", "jan-kowalski", "ola-a", "piotr-b"])
    }

    @Test func aKeyedElementChangedDifferentlyConflictsAtItsField() throws {
        let ours = edit(base, "    name: Jan Kowalski\n", "    name: Jan K.\n")
        let theirs = edit(base, "    name: Jan Kowalski\n", "    name: J. Kowalski\n")
        let result = try MergeFixtures.merge(base: base, ours: ours, theirs: theirs)
        #expect(result.conflicts.map(\.path.description) == ["people[id=jan-kowalski].name"])
        #expect(result.text?.contains("<<<<<<< ours\n    name: Jan K.\n=======\n    name: J. Kowalski\n>>>>>>> theirs\n") == true)
    }

    @Test func orderedArraysTakeOneSidesChangeAndConflictOnTwo() throws {
        let base = self.base + "objectives:\n  pl:\n    - Cel pierwszy\n    - Cel drugi\n"
        let ours = edit(base, "    - Cel drugi\n", "    - Cel drugi\n    - Cel trzeci\n")
        let theirs = edit(base, "    - Cel pierwszy\n", "")
        let one = try MergeFixtures.merge(base: base, ours: ours, theirs: base)
        #expect(one.isClean && one.text == ours)
        let other = try MergeFixtures.merge(base: base, ours: base, theirs: theirs)
        #expect(other.isClean && other.text == theirs)
        let two = try MergeFixtures.merge(base: base, ours: ours, theirs: theirs)
        #expect(two.conflicts.map(\.path.description) == ["objectives.pl"])
    }

    // MARK: Text

    @Test func textFieldsMergeLineByLine() throws {
        let ours = edit(base, "    Pierwszy akapit.\n", "    Pierwszy akapit, poprawiony.\n")
        let theirs = edit(base, "    Trzeci akapit.\n", "    Trzeci akapit, też.\n")
        let result = try MergeFixtures.merge(base: base, ours: ours, theirs: theirs)
        #expect(result.isClean)
        #expect(result.node?.mapping?["description"]?.mapping?["pl"]?.scalar?.value == "Pierwszy akapit, poprawiony.\nDrugi akapit.\nTrzeci akapit, też.\n")
        #expect(result.text?.contains("    Trzeci akapit, też.\n") == true)
    }

    @Test func textFieldsChangedOnTheSameLineConflict() throws {
        let ours = edit(base, "    Drugi akapit.\n", "    Drugi A.\n")
        let theirs = edit(base, "    Drugi akapit.\n", "    Drugi B.\n")
        let result = try MergeFixtures.merge(base: base, ours: ours, theirs: theirs)
        #expect(result.conflicts.map(\.pointer) == ["/description/pl"])
        #expect(result.text?.contains("    Drugi A.\n") == true && result.text?.contains("    Drugi B.\n") == true)
    }

    // MARK: Records

    @Test func aRecordAddedOnOneSideIsAdded() throws {
        let result = try MergeFixtures.merge(base: nil, ours: nil, theirs: base)
        #expect(result.isClean && result.text == base)
    }

    @Test func aRecordAddedOnBothSidesTheSameIsOne() throws {
        let result = try MergeFixtures.merge(base: nil, ours: base, theirs: base)
        #expect(result.isClean && result.text == base)
    }

    @Test func aRecordAddedOnBothSidesDifferentlyIsMergedAgainstAnEmptyBase() throws {
        let ours = edit(base, "country: PL", "country: PL\ncity: Katowice")
        let theirs = edit(base, "country: PL", "country: PL\nregion: PL-24")
        let result = try MergeFixtures.merge(base: nil, ours: ours, theirs: theirs)
        #expect(result.isClean)
        #expect(result.node?.mapping?["city"]?.scalar?.value == "Katowice")
        #expect(result.node?.mapping?["region"]?.scalar?.value == "PL-24")
        let clash = try MergeFixtures.merge(base: nil, ours: ours, theirs: edit(base, "country: PL", "country: DE"))
        #expect(clash.conflicts.map(\.pointer) == ["/country"])
    }

    @Test func aRecordDeletedOnOneSideAndUnchangedOnTheOtherIsDeleted() throws {
        let result = try MergeFixtures.merge(base: base, ours: base, theirs: nil)
        #expect(result.isClean && result.text == nil)
    }

    @Test func aRecordDeletedOnOneSideAndChangedOnTheOtherConflictsAndTheChangeStays() throws {
        let changed = edit(base, "country: PL", "country: DE")
        let result = try MergeFixtures.merge(base: base, ours: nil, theirs: changed)
        #expect(result.conflicts.map(\.kind) == [.deleteModify])
        #expect(result.text == changed)
        let mirrored = try MergeFixtures.merge(base: base, ours: changed, theirs: nil)
        #expect(mirrored.text == changed)
    }

    // MARK: Layout

    @Test func oursCommentsAndLayoutSurvive() throws {
        let ours = edit(base, "country: PL", "country: PL # checked 2024")
        let theirs = edit(edit(base, "  # The name as the cluster writes it.\n", ""), "tags: [ict, innovation]", "tags: [ict, innovation, space]")
        let result = try MergeFixtures.merge(base: base, ours: ours, theirs: theirs)
        let text = try #require(result.text)
        for line in ours.split(separator: "\n") where line.contains("#") {
            #expect(text.contains(line), "lost: \(line)")
        }
        #expect(text.contains("tags: [ict, innovation, space]"))
    }

    @Test func resolvingToOneSideKeepsWhatMergedCleanly() throws {
        let ours = edit(edit(base, "country: PL", "country: DE"), "cluster_type: umbrella", "cluster_type: network")
        let theirs = edit(edit(base, "country: PL", "country: CZ"), "short_name: OKIP", "short_name: OK")
        let result = try MergeFixtures.merge(base: base, ours: ours, theirs: theirs, resolution: .theirs)
        let node = try #require(result.node?.mapping)
        #expect(node["country"]?.scalar?.value == "CZ")
        #expect(node["cluster_type"]?.scalar?.value == "network")
        #expect(node["short_name"]?.scalar?.value == "OK")
        #expect(result.text?.contains("<<<<<<<") == false)
    }
}
