import Foundation
import Testing

/// `git merge` in a real repository, with Klaster's driver configured by `klaster git-setup`.
@Suite(.serialized) struct MergeDriverTests {
    let okip = "clusters/okip.yaml"

    @Test func gitSetupConfiguresTheDriverAndIsIdempotent() throws {
        let repo = try GitStoreRepository()
        let driver = try repo.git("config", "merge.klaster.driver").stdout
        #expect(driver.contains("merge-file %O %A %B --path %P --marker-size %L"))
        let attr = try repo.git("check-attr", "merge", "--", "store/news/x.yaml").stdout
        #expect(attr.hasSuffix("merge: klaster\n"))
        let again = try CLIRunner.run(["git-setup"], in: repo.store)
        #expect(again.status == 0)
        #expect(again.stdout.contains("already set"))
        let outside = try TempDir()
        try outside.copy(packageFolder: "samples", to: "s")
        let refused = try CLIRunner.run(["git-setup"], in: outside.path + "/s")
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("not inside a git work tree"))
    }

    @Test func initInAGitWorkTreeConfiguresTheDriver() throws {
        let dir = try TempDir()
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.arguments = ["git", "init", "-q", dir.path]
        try git.run()
        git.waitUntilExit()
        let made = try CLIRunner.run(["init", "store"], in: dir.path)
        #expect(made.status == 0)
        #expect(made.stdout.contains("merge.klaster.driver"))
        let config = try dir.read(".git/config")
        #expect(config.contains("[merge \"klaster\"]"))
    }

    @Test func neighbouringFieldsMergeCleanlyWhereGitAloneConflicts() throws {
        for withDriver in [false, true] {
            let repo = try GitStoreRepository(driver: withDriver)
            if !withDriver { try repo.write(".gitattributes", "") }
            try repo.branch("theirs") { try repo.edit(okip, "website: http://www.klasterip.pl", "website: https://klasterip.pl") }
            try repo.onMain { try repo.edit(okip, "country: PL", "country: DE") }
            let merged = try repo.merge("theirs")
            if withDriver {
                #expect(merged.status == 0, "\(merged.stdout)\(merged.stderr)")
                let text = try repo.read(okip)
                #expect(text.contains("country: DE\nwebsite: https://klasterip.pl\n"))
                #expect(!text.contains("<<<<<<<"))
            } else {
                #expect(merged.status != 0)
            }
        }
    }

    @Test func bothSidesAddDifferentMembersToOneClustersKeyedList() throws {
        let repo = try GitStoreRepository()
        func member(_ id: String) -> String {
            "id: \(id)\nname:\n  pl: Firma \(id)\norg_type: company\ncountry: PL\nsources:\n  - url: https://example.com/\(id)\n"
        }
        try repo.branch("theirs") {
            try repo.write("members/firma-t.yaml", member("firma-t"))
            try repo.edit(okip, "sources:\n", "affiliations:\n  - ref: member:firma-t\n    relations: [partner]\nsources:\n")
        }
        try repo.onMain {
            try repo.write("members/firma-o.yaml", member("firma-o"))
            try repo.edit(okip, "sources:\n", "affiliations:\n  - ref: member:firma-o\n    relations: [cooperation]\nsources:\n")
        }
        let merged = try repo.merge("theirs")
        #expect(merged.status == 0, "\(merged.stdout)\(merged.stderr)")
        let text = try repo.read(okip)
        #expect(text.contains("  - ref: member:firma-o\n    relations: [cooperation]\n"))
        #expect(text.contains("  - ref: member:firma-t\n    relations: [partner]\n"))
    }

    @Test func aReferenceToARecordNoSideHasIsAnIntegrityConflict() throws {
        let repo = try GitStoreRepository()
        try repo.branch("theirs") {
            try repo.edit(okip, "sources:\n", "affiliations:\n  - ref: member:nobody\n    relations: [partner]\nsources:\n")
        }
        try repo.onMain { try repo.edit(okip, "country: PL", "country: PL # checked") }
        let merged = try repo.merge("theirs")
        #expect(merged.status != 0)
        #expect(merged.stderr.contains("merge-integrity") || merged.stdout.contains("CONFLICT"))
        let text = try repo.read(okip)
        #expect(text.contains("<<<<<<< ours\n=======\naffiliations:\n"))
        #expect(text.contains("- ref: member:nobody\n"))
        #expect(text.contains("country: PL # checked\n"))
    }

    @Test func setAdditionsOnBothSidesAreBothKept() throws {
        let repo = try GitStoreRepository()
        try repo.branch("theirs") { try repo.edit(okip, "  - Klaster OKIP\n", "  - Klaster OKIP\n  - OKIP (T)\n") }
        try repo.onMain { try repo.edit(okip, "  - Klaster OKIP\n", "  - Klaster OKIP\n  - OKIP (O)\n") }
        let merged = try repo.merge("theirs")
        #expect(merged.status == 0, "\(merged.stdout)\(merged.stderr)")
        #expect(try repo.read(okip).contains("  - Klaster OKIP\n  - OKIP (O)\n  - OKIP (T)\n"))
    }

    @Test func bothEditDifferentParagraphsOfANewsText() throws {
        let repo = try GitStoreRepository()
        let news = "news/hubclub-vision-mission-and-objectives.yaml"
        let original = try repo.read(news)
        let start = try #require(original.range(of: "summary:\n"))
        let end = try #require(original.range(of: "about:\n"))
        let body = "summary:\n  en: |\n    First paragraph.\n\n    Second paragraph.\n\n    Third paragraph.\n"
        try repo.onMain { try repo.write(news, original.replacingCharacters(in: start.lowerBound..<end.lowerBound, with: body)) }
        try repo.branch("theirs") { try repo.edit(news, "    First paragraph.\n", "    First paragraph, theirs.\n") }
        try repo.onMain { try repo.edit(news, "    Third paragraph.\n", "    Third paragraph, ours.\n") }
        let merged = try repo.merge("theirs")
        #expect(merged.status == 0, "\(merged.stdout)\(merged.stderr)")
        #expect(try repo.read(news).contains("  en: |\n    First paragraph, theirs.\n\n    Second paragraph.\n\n    Third paragraph, ours.\n"))
    }

    @Test func theSameFieldChangedDifferentlyConflictsThenStatusAndResolve() throws {
        let repo = try GitStoreRepository()
        try repo.branch("theirs") {
            try repo.edit(okip, "website: http://www.klasterip.pl", "website: https://klasterip.pl")
            try repo.edit(okip, "cluster_type: umbrella", "cluster_type: network")
        }
        try repo.onMain { try repo.edit(okip, "website: http://www.klasterip.pl", "website: https://www.klasterip.pl") }
        let merged = try repo.merge("theirs")
        #expect(merged.status == 1)
        let text = try repo.read(okip)
        let block = "<<<<<<< ours\nwebsite: https://www.klasterip.pl\n=======\nwebsite: https://klasterip.pl\n>>>>>>> theirs\n"
        #expect(text.contains("country: PL\n" + block + "description:\n"))
        #expect(text.contains("cluster_type: network\n"))
        #expect(text.components(separatedBy: "<<<<<<<").count == 2)

        let status = try CLIRunner.run(["status"], in: repo.store)
        #expect(status.status == 1)
        #expect(status.stdout.contains("clusters/okip: changed by both"))
        let validate = try CLIRunner.run(["validate", "clusters/okip.yaml"], in: repo.store)
        #expect(validate.status == 1)
        #expect(validate.stdout.contains("[conflict]") || validate.stderr.contains("[conflict]"))

        let marked = try CLIRunner.run(["resolve", "clusters/okip", "--mark"], in: repo.store)
        #expect(marked.status == 1)
        #expect(marked.stderr.contains("still has conflict markers"))

        let resolved = try CLIRunner.run(["resolve", "clusters/okip", "--ours"], in: repo.store)
        #expect(resolved.status == 0, "\(resolved.stderr)")
        let after = try repo.read(okip)
        #expect(after.contains("website: https://www.klasterip.pl\n") && after.contains("cluster_type: network\n"))
        #expect(!after.contains("<<<<<<<"))
        let clean = try CLIRunner.run(["status"], in: repo.store)
        #expect(clean.status == 0)
        try repo.git("commit", "-q", "--no-edit")
    }

    @Test func diff3StyleShowsTheBase() throws {
        let repo = try GitStoreRepository(conflictStyle: "diff3")
        try repo.branch("theirs") { try repo.edit(okip, "short_name: OKIP", "short_name: T") }
        try repo.onMain { try repo.edit(okip, "short_name: OKIP", "short_name: O") }
        _ = try repo.merge("theirs")
        #expect(try repo.read(okip).contains("<<<<<<< ours\nshort_name: O\n||||||| base\nshort_name: OKIP\n=======\nshort_name: T\n>>>>>>> theirs\n"))
    }

    @Test func deleteAgainstEditIsListedAndResolved() throws {
        for choice in ["--ours", "--theirs"] {
            let repo = try GitStoreRepository()
            try repo.branch("theirs") { try FileManager.default.removeItem(atPath: repo.store + "/" + okip) }
            try repo.onMain { try repo.edit(okip, "short_name: OKIP", "short_name: OKIP-2") }
            let merged = try repo.merge("theirs")
            #expect(merged.status != 0)
            #expect(try repo.read(okip).contains("short_name: OKIP-2"))
            let status = try CLIRunner.run(["status"], in: repo.store)
            #expect(status.status == 1)
            #expect(status.stdout.contains("clusters/okip: changed by ours, deleted by theirs"))
            let resolved = try CLIRunner.run(["resolve", "clusters/okip", choice], in: repo.store)
            #expect(resolved.status == 0, "\(resolved.stderr)")
            #expect(FileManager.default.fileExists(atPath: repo.store + "/" + okip) == (choice == "--ours"))
            #expect(try CLIRunner.run(["status"], in: repo.store).status == 0)
            try repo.git("commit", "-q", "--no-edit")
        }
    }

    @Test func aRecordAddedOnBothBranchesIsMergedAgainstAnEmptyBase() throws {
        let repo = try GitStoreRepository()
        let record = "id: firma-x\nname:\n  pl: Firma X\norg_type: company\ncountry: PL\nsources:\n  - url: https://example.com/x\n"
        try repo.branch("theirs") { try repo.write("members/firma-x.yaml", record + "city: Gliwice\n") }
        try repo.onMain { try repo.write("members/firma-x.yaml", "# Added on main.\n" + record + "website: https://x.example.com\n") }
        let merged = try repo.merge("theirs")
        #expect(merged.status == 0, "\(merged.stdout)\(merged.stderr)")
        let text = try repo.read("members/firma-x.yaml")
        #expect(text.hasPrefix("# Added on main.\n"))
        #expect(text.contains("website: https://x.example.com\n") && text.contains("city: Gliwice\n"))
    }

    @Test func aCommentRichFileKeepsEveryComment() throws {
        let repo = try GitStoreRepository()
        let file = "news/rudzki-klaster-wsrod-swiatowej-elity.yaml"
        try repo.onMain {
            try repo.edit(file, "title: Rudzki klaster wśród światowej elity\n", "# About the title.\ntitle: Rudzki klaster wśród światowej elity  # as published\n")
            try repo.edit(file, "people:\n", "# People named in the article.\npeople:\n")
            try repo.edit(file, "events:\n", "events:  # what happened\n")
        }
        try repo.branch("theirs") {
            try repo.edit(file, "lang: pl\n", "lang: pl\nmodified: \"2013-09-01\"\n")
            try repo.edit(file, "  - cluster:cluster-55\n", "  - cluster:cluster-55\n  - cluster:okip\n")
        }
        try repo.onMain { try repo.edit(file, "publisher: rudaslaska.pl", "publisher: rudaslaska.pl # the city's site") }
        let ours = try repo.read(file)
        let merged = try repo.merge("theirs")
        #expect(merged.status == 0, "\(merged.stdout)\(merged.stderr)")
        let text = try repo.read(file)
        for line in ours.split(separator: "\n") where line.contains("#") {
            #expect(text.contains(line), "lost: \(line)")
        }
        #expect(text.contains("modified: \"2013-09-01\"") || text.contains("modified: '2013-09-01'"))
        #expect(text.contains("  - cluster:okip\n"))
    }
}
