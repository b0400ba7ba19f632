import Foundation
@testable import KlasterExport
import KlasterModel
import KlasterStore
import Testing

@Suite struct CSVExporterTests {
    @Test(arguments: [false, true])
    func pythonReadsEveryFileBackToTheJSONValues(excel: Bool) throws {
        let dir = try TempFolder()
        let dataset = try ExportTestSupport.loadSamples()
        try JSONExporter().export(dataset, options: ExportOptions(out: dir.path + "/all.json"))
        try CSVExporter().export(dataset, options: ExportOptions(out: dir.path + "/csv", excel: excel))
        let check = try ExportTestSupport.python(
            script: "check-csv-export.py",
            [dir.path + "/all.json", dir.path + "/csv"] + (excel ? ["--excel"] : [])
        )
        #expect(check.status == 0, "\(check.stderr)")
        let bytes = try dir.bytes("csv/members.memberships.csv")
        let expected = excel ? "\u{FEFF}member_id;cluster;roles;agreement;note.pl\r\n" : "member_id,cluster,roles,agreement,note.pl\n"
        #expect(bytes.starts(with: Data(expected.utf8)))
    }

    @Test func aFormulaInARecordComesOutInertInExcelMode() throws {
        let dir = try TempFolder()
        let root = try dir.copySamples()
        try dir.write(
            "store/members/evil.yaml",
            """
            id: evil
            name:
              pl: '=HYPERLINK("http://evil","x")'
            org_type: company
            country: PL
            city: "-2+3"
            sources:
              - url: https://example.com/evil

            """
        )
        let dataset = try ExportDataset.load(from: Store.open(at: root), kinds: [.members]).dataset
        try CSVExporter().export(dataset, options: ExportOptions(out: dir.path + "/csv", excel: true))
        try JSONExporter().export(dataset, options: ExportOptions(out: dir.path + "/all.json"))
        let text = try dir.read("csv/members.csv")
        #expect(text.contains("\r\nevil;\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\";"))
        #expect(text.contains(";'-2+3;"))
        let check = try ExportTestSupport.python(script: "check-csv-export.py", [dir.path + "/all.json", dir.path + "/csv", "--excel"])
        #expect(check.status == 0, "\(check.stderr)")
        // Without --excel the cell is the value as it is.
        try CSVExporter().export(dataset, options: ExportOptions(out: dir.path + "/plain"))
        #expect(try dir.read("plain/members.csv").contains("\nevil,\"=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\","))
    }

    @Test func numbersStayNumbersAndFormulasGetAnApostrophe() {
        for number in ["-3.5", "+12", "-0,25", "1e-3", "-7"] {
            #expect(CSVFormat.neutralised(number) == number)
        }
        for formula in ["=1+2", "+48 32 123", "-x", "@SUM(A1)", "\tcmd", "\rcmd", "-", "-3.5.1", "-3.5e"] {
            #expect(CSVFormat.neutralised(formula) == "'" + formula)
        }
        #expect(CSVFormat.neutralised("plain") == "plain")
        #expect(CSVFormat.neutralised("") == "")
    }

    @Test func cellsAreQuotedOnlyWhenTheyMustBe() {
        var line = ""
        CSVFormat.standard.appendLine(["a", "b,c", "say \"hi\"", "two\nlines", "ż"], to: &line)
        #expect(line == "a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",ż\n")
        line = ""
        CSVFormat.excel.appendLine(["a,b", "c;d"], to: &line)
        #expect(line == "a,b;\"c;d\"\r\n")
        // Quotes first, last and next to each other, between non-ASCII text.
        line = ""
        CSVFormat.standard.appendLine(["\"", "ż\"\"ó\n", "\"ą\""], to: &line)
        #expect(line == "\"\"\"\",\"ż\"\"\"\"ó\n\",\"\"\"ą\"\"\"\n")
    }

    /// The eight-byte test for bytes that need quotes agrees with a byte-by-byte one for every
    /// byte value at every place of cells of every length up to 19, in both dialects; and a
    /// quoted cell written in place is what RFC 4180 quoting gives.
    @Test func theWordAtATimeQuoteTestAgreesWithTheByteByByteOne() {
        for format in [CSVFormat.standard, .excel] {
            for length in 1..<20 {
                for place in 0..<length {
                    for value in 0...255 {
                        var cell = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                        if length > 2 { cell[(place + 1) % length] = 0xC5 }  // a non-ASCII neighbour
                        cell[place] = UInt8(value)
                        let expected = cell.contains { $0 == format.separator || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
                        let found = cell.withUnsafeBufferPointer { format.needsQuotes($0) }
                        #expect(found == expected, "\(cell)")
                        guard found != expected || value == 0x22 else { continue }
                        var out: [UInt8] = []
                        cell.withUnsafeBufferPointer { format.appendCell(bytes: $0, to: &out) }
                        var quoted: [UInt8] = [0x22]
                        for byte in cell { quoted += byte == 0x22 ? [0x22, 0x22] : [byte] }
                        quoted.append(0x22)
                        #expect(out == quoted)
                    }
                }
            }
        }
    }

    @Test func anExportReplacesItsOwnFolderButNoOtherFolder() throws {
        let dir = try TempFolder()
        let dataset = try ExportTestSupport.loadSamples(kinds: [.clusters])
        try CSVExporter().export(dataset, options: ExportOptions(out: dir.path + "/csv"))
        try dir.write("csv/stale.csv", "old\n")
        try CSVExporter().export(dataset, options: ExportOptions(out: dir.path + "/csv"))
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/csv/stale.csv"))
        try dir.write("mine/notes.txt", "keep me\n")
        #expect(throws: ExportError.self) {
            try CSVExporter().export(dataset, options: ExportOptions(out: dir.path + "/mine"))
        }
        #expect(try dir.read("mine/notes.txt") == "keep me\n")
    }
}
