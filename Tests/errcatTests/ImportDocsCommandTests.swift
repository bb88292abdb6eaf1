import Foundation
import Testing

/// `import-docs` end to end through the built executable: the Defender for Endpoint page layout,
/// an English page with a plain French translation side by side, then `check`, `review` and
/// `format --locale` on what it wrote. The pages are `Tests/Fixtures/docs-pages/*.md`.
@Suite struct ImportDocsCommandTests {
    static let pages = Errcat.packageRoot.appendingPathComponent("Tests/Fixtures/docs-pages")
    static func page(_ name: String) -> String { pages.appendingPathComponent(name).path }

    func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("errcat-import-docs-\(UUID().uuidString)")
    }

    /// `review --format json` findings as `file|code|check|field`.
    func reviewFindings(_ directory: URL) throws -> (status: Int32, findings: [[String: Any]]) {
        let result = try Errcat.run(["review", "--catalog", directory.path, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result)")
        return (result.status, try #require(object["findings"] as? [[String: Any]]))
    }

    func has(_ findings: [[String: Any]], file: String, code: String, check: String, field: String = "pattern") -> Bool {
        findings.contains { $0["file"] as? String == file && $0["code"] as? String == code && $0["check"] as? String == check && $0["field"] as? String == field }
    }

    @Test func theEndpointPageImportsAndChecksAndReviewsInGerman() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let imported = try Errcat.run(["import-docs", Self.page("endpoint-de-DE.md"), "-o", directory.path, "--name", "endpoint"])
        #expect(imported.status == 0, "\(imported)")
        #expect(imported.stdout.contains("de-DE.json: 10 codes, 8 templates"))
        #expect(imported.stderr.contains("warning[identifier-translated]: the code column glosses the identifier 'Unauthorized' as \"Nicht autorisiert (Unauthorized)\"\n --> endpoint-de-DE.md:21: Unauthorized"), "\(imported)")
        let check = try Errcat.run(["check", "--catalog", directory.path])
        #expect(check.status == 0, "\(check)")
        #expect(check.stdout.contains("in 2 locales (en, de-DE)"))
        let (status, findings) = try reviewFindings(directory)
        #expect(status == 0, "warnings only")
        for (code, check) in [("InvalidInput", "whitespace"), ("InvalidUrl", "capitalisation"), ("InvalidIpAddress", "placeholder-position"),
                              ("MaximumBatchSizeExceeded", "untranslated-segment"), ("Unauthorized", "identifier-translated")] {
            #expect(has(findings, file: "de-DE.json", code: code, check: check), "\(code):\(check)")
        }
        #expect(has(findings, file: "de-DE.json", code: "Unauthorized", check: "identifier-translated", field: "note"))
        #expect(!has(findings, file: "de-DE.json", code: "InvalidHashValue", check: "untranslated-segment", field: "note"), "{der ungültige Hash} is German")
    }

    @Test func anEnglishPageAndAFrenchTranslationSideBySide() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let imported = try Errcat.run(["import-docs", "--source", Self.page("endpoint-en.md"), "--translation", Self.page("endpoint-fr-FR.md"),
                                       "-o", directory.path])
        #expect(imported.status == 0, "\(imported)")
        #expect(imported.stdout.contains("fr-FR.json: 9 codes, 8 templates"))
        // Rows present in one page only, with file and line.
        #expect(imported.stderr.contains("warning[row-unmatched]: the row 'Interdit' has no row with that code in endpoint-en.md; left out of the catalog\n --> endpoint-fr-FR.md:21"))
        #expect(imported.stderr.contains("warning[row-unmatched]: Forbidden has no row in endpoint-fr-FR.md; left out of the catalog\n --> endpoint-en.md:20: Forbidden"))
        #expect(imported.stderr.contains(" --> endpoint-en.md:23: TooManyRequests"))
        let check = try Errcat.run(["check", "--catalog", directory.path])
        #expect(check.status == 0, "\(check)")
        let (status, findings) = try reviewFindings(directory)
        #expect(status == 0, "warnings only")
        for (code, check, field) in [("InvalidInput", "whitespace", "pattern"), ("InvalidHashValue", "capitalisation", "pattern"),
                                     ("InvalidIpAddress", "placeholder-position", "pattern"), ("InvalidIpAddress", "untranslated-segment", "note"),
                                     ("MaximumBatchSizeExceeded", "untranslated-segment", "pattern"), ("Unauthorized", "identifier-translated", "pattern"),
                                     ("Unauthorized", "identifier-translated", "note")] {
            #expect(has(findings, file: "fr-FR.json", code: code, check: check, field: field), "\(code):\(check):\(field)")
        }
        #expect(!has(findings, file: "fr-FR.json", code: "OsPlatformNotSupported", check: "untranslated-segment"), "'action' is French too")
        #expect(findings.allSatisfy { $0["locale"] as? String != "de" })
        // The French catalog serves --locale fr.
        let french = try Errcat.run(["format", "InvalidHashValue", "--locale", "fr", "hash=abc", "--catalog", directory.path])
        #expect(french.stdout == "La valeur de hachage abc n'est pas Valide.\n", "\(french)")
    }

    @Test(arguments: ["de", "de-AT", "de-DE", "de_CH.UTF-8"])
    func aCatalogWithOnlyDeDEServesTheGermanFamily(_ locale: String) throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let imported = try Errcat.run(["import-docs", Self.page("endpoint-de-DE.md"), "-o", directory.path])
        #expect(imported.status == 0, "\(imported)")
        let result = try Errcat.run(["format", "InvalidHashValue", "--locale", locale, "hash=abc", "--catalog", directory.path])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "Hashwert abc ist ungültig.\n", "\(locale): \(result)")
        let batch = try Errcat.run(["format", "MaximumBatchSizeExceeded", "--locale", locale, "received=1200", "allowed=1000", "--catalog", directory.path])
        #expect(batch.stdout.hasPrefix("Die maximale Batchgröße wurde überschritten."), "\(batch)")
        let parsed = try Errcat.run(["parse", "--locale", "de", "--json", "Hashwert abc ist ungültig.", "--catalog", directory.path])
        #expect(parsed.stdout.contains("\"locale\":\"de-DE\"") || parsed.stdout.contains("\"locale\": \"de-DE\""), "\(parsed)")
        let review = try Errcat.run(["review", "--locale", "de", "--catalog", directory.path])
        #expect(review.stdout.contains("(en → de-DE)"), "\(review)")
    }

    @Test func wrongInputSaysWhereAndWhatIsAccepted() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let plain = try Errcat.run(["import-docs", Self.page("endpoint-fr-FR.md"), "-o", directory.path])
        #expect(plain.status == 1)
        #expect(plain.stderr.contains("endpoint-fr-FR.md:12: the table has no sxs-lookup span pairs"), "\(plain)")
        #expect(plain.stderr.contains("--source EN.md --translation endpoint-fr-FR.md"))
        let both = try Errcat.run(["import-docs", Self.page("endpoint-de-DE.md"), "--source", Self.page("endpoint-en.md"), "-o", directory.path])
        #expect(both.status == 2)
        #expect(both.stderr.contains("give either one bilingual page"), "\(both)")
        let half = try Errcat.run(["import-docs", "--translation", Self.page("endpoint-fr-FR.md"), "-o", directory.path])
        #expect(half.status == 2)
        let missing = try Errcat.run(["import-docs", "--source", Self.page("endpoint-en.md"), "--translation", "/nonexistent/fr.md", "-o", directory.path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("cannot read /nonexistent/fr.md"), "\(missing)")
        // A bilingual page without ms.contentlocale needs --locale.
        let page = try String(contentsOfFile: Self.page("endpoint-de-DE.md"), encoding: .utf8).replacingOccurrences(of: "ms.contentlocale: de-DE\n", with: "")
        let copy = directory.appendingPathComponent("no-locale.md")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try page.write(to: copy, atomically: true, encoding: .utf8)
        let noLocale = try Errcat.run(["import-docs", copy.path, "-o", directory.path])
        #expect(noLocale.status == 1)
        #expect(noLocale.stderr.contains("error: no-locale.md: the page does not say its language (no 'ms.contentlocale:' line in its front matter); give it with --locale"), "\(noLocale)")
        let withLocale = try Errcat.run(["import-docs", copy.path, "-o", directory.path, "--locale", "de_CH"])
        #expect(withLocale.status == 0, "\(withLocale)")
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("de-CH.json").path))
        let english = try Errcat.run(["import-docs", "--source", Self.page("endpoint-en.md"), "--translation", Self.page("endpoint-en.md"), "-o", directory.path])
        #expect(english.status == 1)
        #expect(english.stderr.contains("endpoint-en.md: the translated page is in English (en-US)"), "\(english)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("en-US.json").path))
    }
}
