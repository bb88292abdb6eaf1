import Foundation
import Testing

/// The translation workflow through the built executable (the library is tested in CatalogReviewTests).
@Suite struct ReviewCommandTests {
    func copyOfBundledCatalog() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("errcat-review-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for name in ["en.json", "de.json"] {
            try FileManager.default.copyItem(at: Errcat.packageRoot.appendingPathComponent("Catalogs/defender/\(name)"),
                                             to: directory.appendingPathComponent(name))
        }
        return directory
    }

    @Test func shippedCatalogReviewsWithoutErrors() throws {
        let result = try Errcat.run(["review"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.hasSuffix("review of defender (en → de): 0 errors, 0 warnings, 4 notes\n"))
    }

    @Test func aDefectFailsTheReviewWithItsPosition() throws {
        let directory = try copyOfBundledCatalog()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("de.json")
        let text = try String(contentsOf: file, encoding: .utf8)
            .replacingOccurrences(of: "Der Hashwert {hash} ist ungültig.", with: "Der Hashwert {hash} ist ungültig .")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let result = try Errcat.run(["review", "--catalog", directory.path, "--format", "json"])
        #expect(result.status == 0, "warnings alone do not fail the review: \(result)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        let whitespace = try #require(findings.first { ($0["check"] as? String) == "whitespace" && ($0["code"] as? String) == "InvalidHashValue" })
        #expect(whitespace["file"] as? String == "de.json")
        #expect(whitespace["line"] as? Int != nil)
        #expect(whitespace["severity"] as? String == "warning")

        let broken = text.replacingOccurrences(of: "Der Hashwert {hash} ist ungültig .", with: "Der Hashwert ist ungültig.")
        try broken.write(to: file, atomically: true, encoding: .utf8)
        let failing = try Errcat.run(["review", "--catalog", directory.path])
        #expect(failing.status == 1, "an error fails the review: \(failing)")
        #expect(failing.stdout.contains("InvalidHashValue"))
        #expect(failing.stdout.contains("{hash}"))
    }

    @Test func exportThenImportLeavesTheCatalogIdentical() throws {
        let directory = try copyOfBundledCatalog()
        defer { try? FileManager.default.removeItem(at: directory) }
        let original = try Data(contentsOf: directory.appendingPathComponent("de.json"))
        for format in ["po", "xliff", "xliff2"] {
            let exported = directory.appendingPathComponent("de.\(format)")
            let export = try Errcat.run(["export", "--format", format, "--locale", "de", "-o", exported.path, "--catalog", directory.path])
            #expect(export.status == 0, "\(export)")
            let imported = try Errcat.run(["import", exported.path, "--catalog", directory.path])
            #expect(imported.status == 0, "\(imported)")
            #expect(try Data(contentsOf: directory.appendingPathComponent("de.json")) == original, "\(format)")
        }
    }

    /// A catalog whose German file is de-DE.json (as import-docs writes it): `--locale de` exports
    /// that file's translations instead of an empty new `de`.
    @Test func exportFindsTheFileThatServesTheLocale() throws {
        let directory = try copyOfBundledCatalog()
        defer { try? FileManager.default.removeItem(at: directory) }
        let german = directory.appendingPathComponent("de.json")
        let text = try String(contentsOf: german, encoding: .utf8).replacingOccurrences(of: "\"locale\": \"de\"", with: "\"locale\": \"de-DE\"")
        try text.write(to: directory.appendingPathComponent("de-DE.json"), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: german)
        let export = try Errcat.run(["export", "--format", "po", "--locale", "de", "--catalog", directory.path])
        #expect(export.status == 0, "\(export)")
        #expect(export.stdout.contains("Language: de_DE"), "\(export.stdout.prefix(600))")
        #expect(export.stdout.contains("msgstr \"Der Hashwert {hash} ist ungültig.\""))
    }

    @Test func aBrokenImportChangesNothing() throws {
        let directory = try copyOfBundledCatalog()
        defer { try? FileManager.default.removeItem(at: directory) }
        let original = try Data(contentsOf: directory.appendingPathComponent("de.json"))
        let bad = directory.appendingPathComponent("bad.xlf")
        try #"<xliff version="1.2"><file"#.write(to: bad, atomically: true, encoding: .utf8)
        let result = try Errcat.run(["import", bad.path, "--catalog", directory.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("error: bad.xlf:1:27: not well-formed XML: '>' expected (a tag is not closed)"), "\(result)")
        #expect(result.stderr.contains("1 error(s)"), "only the first XML error is reported")
        #expect(result.stderr.contains("the catalog on disk was not changed"))
        #expect(try Data(contentsOf: directory.appendingPathComponent("de.json")) == original)
    }
}
