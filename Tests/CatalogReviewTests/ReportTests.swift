import Foundation
import Testing
@testable import CatalogReview

@Suite("Review reports")
struct ReportTests {
    static func defective() -> ReviewResult {
        let files = Fixture.catalog(source: "Hash value {hash} is invalid.", target: "DIE Hashwert {hsh} ist ungültig .")
        return CatalogReviewer.forFiles(files).review()
    }

    @Test func sarifIsVersion210WithRulesAndLocations() throws {
        let result = Self.defective()
        let object = try JSONSerialization.jsonObject(with: Data(ReviewReport.sarif(result).utf8)) as? [String: Any]
        let log = try #require(object)
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == result.findings.count)
        let ruleIDs = rules.compactMap { $0["id"] as? String }
        for item in results {
            let id = try #require(item["ruleId"] as? String)
            let index = try #require(item["ruleIndex"] as? Int)
            #expect(ruleIDs[index] == id)
            #expect(["error", "warning", "note"].contains(item["level"] as? String ?? ""))
            let location = try #require((item["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == "de.json")
            #expect(((location["region"] as? [String: Any])?["startLine"] as? Int) == 2)
        }
        #expect(results.contains { $0["ruleId"] as? String == "placeholder-unknown" })
    }

    @Test func jsonCarriesEveryFindingAndTheSummary() throws {
        let result = Self.defective()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(ReviewReport.json(result).utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.count == result.findings.count)
        #expect((object["summary"] as? [String: Int])?["errors"] == result.errorCount)
        #expect(Set(findings.compactMap { $0["check"] as? String }) == Set(["placeholder-unknown", "placeholder-missing", "capitalisation", "whitespace"]))
    }

    /// The JSON report keeps the field names, values and key order the `Codable` encoding gave it.
    @Test func jsonKeepsTheCodableFieldsAndSortedKeys() throws {
        var result = Self.defective()
        result.findings.append(ReviewFinding(severity: .warning, check: "whitespace", file: "de\u{202E}.json", line: 3, locale: "de",
                                             text: "a\u{1B}[2J\u{85}\u{2028}\"\\", start: 1, end: 2, message: "m\u{0}", expected: "\u{FFFD}"))
        let report = ReviewReport.json(result)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        for (finding, decoded) in zip(result.findings, findings) {
            let encoded = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(finding)) as? [String: Any])
            #expect(NSDictionary(dictionary: encoded).isEqual(to: decoded), "\(decoded)")
        }
        let keys = ["\"catalog\"", "\"findings\"", "\"locales\"", "\"skippedChecks\"", "\"sourceLocale\"", "\"summary\""]
        let offsets = try keys.map { try #require(report.range(of: "\n  " + $0)).lowerBound }
        #expect(offsets == offsets.sorted())
        #expect(!report.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{85}" || $0 == "\u{2028}" || $0 == "\u{0}" })
    }

    @Test func textShowsACaretUnderThePosition() {
        let text = ReviewReport.text(Self.defective())
        #expect(text.contains("error[placeholder-unknown]: {hsh} is not a placeholder of InvalidHashValue (renamed or translated from {hash}?)"))
        #expect(text.contains("1 | DIE Hashwert {hsh} ist ungültig .\n  |               ^^^"))
        #expect(text.contains("2 errors, 2 warnings"))
    }

    @Test func hostileTextCannotDriveTheTerminal() {
        #expect(ReviewReport.sanitize("a\u{1B}[2Jb\u{202E}c") == "a\\u{1B}[2Jb\\u{202E}c")
    }
}
