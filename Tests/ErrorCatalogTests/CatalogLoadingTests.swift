import Foundation
import Testing
@testable import ErrorCatalog

let bundledCatalogPath: String = {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Catalogs/defender").path
}()

/// A minimal valid catalog pair to inject defects into.
let sourceJSON = """
{
  "catalog": "mini",
  "locale": "en",
  "codes": [
    {
      "code": "InvalidHashValue",
      "status": 400,
      "placeholders": [ { "name": "hash", "type": "hash", "rejected": true } ],
      "templates": [ { "id": "docs", "pattern": "Hash value {hash} is invalid." } ],
      "description": "Bad hash.",
      "hint": "Send 32, 40 or 64 hex digits."
    },
    {
      "code": "MaximumBatchSizeExceeded",
      "status": 400,
      "placeholders": [ { "name": "received", "type": "integer" }, { "name": "allowed", "type": "integer" } ],
      "templates": [ { "id": "docs", "pattern": "Maximum batch size exceeded. Received: {received}, allowed: {allowed}." } ],
      "description": "Too many.",
      "hint": "Send fewer."
    }
  ]
}
"""

let germanJSON = """
{
  "catalog": "mini",
  "locale": "de",
  "codes": [
    {
      "code": "InvalidHashValue",
      "templates": [ { "id": "docs", "pattern": "Der Hashwert {hash} ist ungültig.", "from": "Hash value {hash} is invalid." } ],
      "description": "Falscher Hash.",
      "hint": "32, 40 oder 64 Hexadezimalziffern senden."
    },
    {
      "code": "MaximumBatchSizeExceeded",
      "templates": [ { "id": "docs", "pattern": "Die maximale Batchgröße wurde überschritten. Empfangen: {received}, zulässig: {allowed}.", "from": "Maximum batch size exceeded. Received: {received}, allowed: {allowed}." } ],
      "description": "Zu viele.",
      "hint": "Weniger senden."
    }
  ]
}
"""

func loadProblems(_ files: [String: String]) -> [CatalogProblem] {
    do {
        _ = try Catalog.load(files: files)
        return []
    } catch {
        return error.problems
    }
}

@Suite struct CatalogLoadingTests {
    @Test func bundledCatalogLoadsWithEveryCodeOfTheSeed() throws {
        let catalog = try Catalog.load(directory: bundledCatalogPath)
        #expect(catalog.sourceLocale == "en")
        #expect(catalog.locales == ["en", "de"])
        let expected: [(String, Int)] = [
            ("BadRequest", 400), ("ODataError", 400), ("InvalidInput", 400), ("InvalidRequestBody", 400),
            ("InvalidHashValue", 400), ("InvalidDomainName", 400), ("InvalidIpAddress", 400), ("InvalidUrl", 400),
            ("MaximumBatchSizeExceeded", 400), ("MissingRequiredParameter", 400), ("OsPlatformNotSupported", 400),
            ("ClientVersionNotSupported", 400), ("Unauthorized", 401), ("Forbidden", 403), ("DisabledFeature", 403),
            ("DisallowedOperation", 403), ("NotFound", 404), ("ResourceNotFound", 404), ("InternalServerError", 500),
            ("TooManyRequests", 429), ("ActiveRequestAlreadyExists", 400),
        ]
        for (code, status) in expected {
            let entry = try #require(catalog.entry(code), "missing \(code)")
            #expect(entry.status == status, "\(code)")
            let german = try #require(entry.localized["de"])
            #expect(german.description != nil, "\(code) has no German description")
            #expect(german.templates.count == entry.localized["en"]?.templates.count)
        }
        #expect(catalog.warnings.isEmpty, "\(catalog.warnings)")
    }

    @Test func miniCatalogLoads() throws {
        let catalog = try Catalog.load(files: ["en.json": sourceJSON, "de.json": germanJSON])
        #expect(catalog.codes.map(\.code) == ["InvalidHashValue", "MaximumBatchSizeExceeded"])
        #expect(catalog.entry("MaximumBatchSizeExceeded")?.placeholders.map(\.type) == [.integer, .integer])
        #expect(catalog.entry("InvalidHashValue")?.localized["de"]?.templates.first?.argumentNames == ["hash"])
    }

    @Test func everyInjectedDefectIsReportedInOnePassWithPositions() {
        var en = sourceJSON
        en = en.replacingOccurrences(of: "\"status\": 400,\n      \"placeholders\": [ { \"name\": \"received\"", with: "\"status\": 200,\n      \"placeholders\": [ { \"name\": \"received\"")
        en = en.replacingOccurrences(of: "Hash value {hash} is invalid.", with: "Hash value {hash is invalid.")
        en = en.replacingOccurrences(of: "Received: {received}", with: "Received: {received, plural, one {# item} other {# items}} {hsh}")
        var de = germanJSON
        de = de.replacingOccurrences(of: "Empfangen: {received}, zulässig: {allowed}.", with: "Empfangen: {received}.")
        de = de.replacingOccurrences(of: "\"code\": \"InvalidHashValue\"", with: "\"code\": \"InvalidHashValues\"")
        let problems = loadProblems(["en.json": en, "de.json": de])
        let checks = Set(problems.map(\.check))
        #expect(checks.isSuperset(of: ["status", "syntax", "unknown-placeholder", "missing-placeholder", "unknown-code", "missing-translation"]), "\(checks)")
        let syntax = problems.first { $0.check == "syntax" }
        #expect(syntax?.file == "en.json")
        #expect(syntax?.code == "InvalidHashValue")
        #expect(syntax?.patternRange?.start == 17)
        #expect(syntax?.line == 9)
        #expect(syntax?.column == 67)
        #expect(syntax?.description.contains("Hash value {hash is invalid.") == true)
        let unknown = problems.first { $0.check == "unknown-placeholder" }
        #expect(unknown?.message.contains("did you mean 'hash'") == false)
        #expect(unknown?.message.contains("'hsh'") == true)
        let unknownCode = problems.first { $0.check == "unknown-code" }
        #expect(unknownCode?.message.contains("did you mean 'InvalidHashValue'") == true)
    }

    @Test func typeConflictPluralOnHash() {
        let en = sourceJSON.replacingOccurrences(of: "Hash value {hash} is invalid.", with: "Hash value {hash, plural, other {#}} is invalid.")
        let problems = loadProblems(["en.json": en, "de.json": germanJSON])
        let conflict = problems.first { $0.check == "type-conflict" }
        #expect(conflict?.code == "InvalidHashValue")
        #expect(conflict?.message.contains("plural") == true)
        #expect(conflict?.expected?.contains("integer") == true)
    }

    @Test func duplicateCodesAndUnknownKeysAndTypes() {
        let duplicated = sourceJSON.replacingOccurrences(of: "\"code\": \"MaximumBatchSizeExceeded\"", with: "\"code\": \"InvalidHashValue\"")
            .replacingOccurrences(of: "\"type\": \"hash\", \"rejected\"", with: "\"type\": \"sha\", \"rejected\"")
            .replacingOccurrences(of: "\"hint\": \"Send fewer.\"", with: "\"hnt\": \"Send fewer.\"")
        let problems = loadProblems(["en.json": duplicated, "de.json": germanJSON])
        #expect(problems.contains { $0.check == "duplicate-code" })
        #expect(problems.contains { $0.check == "unknown-key" && $0.message.contains("did you mean \"hint\"") })
        #expect(problems.contains { $0.check == "placeholder-type" && ($0.expected ?? "").contains("integer") })
    }

    @Test func impossibleStatusesAreRejected() {
        for status in ["99", "200", "600", "\"400\""] {
            let en = sourceJSON.replacingOccurrences(of: "\"status\": 400,\n      \"placeholders\": [ { \"name\": \"hash\"", with: "\"status\": \(status),\n      \"placeholders\": [ { \"name\": \"hash\"")
            let problems = loadProblems(["en.json": en, "de.json": germanJSON])
            #expect(problems.contains { $0.check == "status" && $0.code == "InvalidHashValue" }, "status \(status)")
        }
    }

    @Test func staleTranslationIsAWarningNotAnError() throws {
        let de = germanJSON.replacingOccurrences(of: "\"from\": \"Hash value {hash} is invalid.\"", with: "\"from\": \"Hash {hash} is invalid.\"")
        let catalog = try Catalog.load(files: ["en.json": sourceJSON, "de.json": de])
        #expect(catalog.warnings.map(\.check) == ["stale"])
    }

    @Test func brokenJSONNamesLineAndColumn() {
        let problems = loadProblems(["en.json": sourceJSON, "de.json": "{\n  \"locale\": \"de\",\n  \"codes\": [ oops ]\n}"])
        let json = problems.first { $0.check == "json" }
        #expect(json?.file == "de.json")
        #expect(json?.line == 3)
        #expect(json?.column == 14)
    }

    @Test func missingDirectoryAndWrongFileName() {
        do {
            _ = try Catalog.load(directory: "/nonexistent/catalog")
            Issue.record("loaded a missing directory")
        } catch {
            #expect(error.problems.first?.message == "no such catalog directory")
        }
        let problems = loadProblems(["en.json": sourceJSON, "fr.json": germanJSON])
        #expect(problems.contains { $0.check == "locale" && $0.message.contains("named fr.json") })
    }
}

@Suite struct LocaleNegotiationTests {
    let catalog = try! Catalog.load(files: ["en.json": sourceJSON, "de.json": germanJSON])

    @Test(arguments: [
        ("de", "de", "de"), ("de-AT", "de", "de-AT"), ("de_at", "de", "de-AT"), ("fr", "en", "en"),
        ("fr-CH, de;q=0.8, en;q=0.5", "de", "de"), ("en-US,de;q=0.9", "en", "en-US"), ("*", "en", "en"),
        ("de;q=0, en", "en", "en"),
    ])
    func negotiates(request: String, catalogLocale: String, formattingLocale: String) throws {
        let result = try catalog.negotiateLocale(request)
        #expect(result.catalogLocale == catalogLocale)
        #expect(result.formattingLocale == formattingLocale)
    }

    @Test func rejectsGarbage() {
        #expect(throws: LocaleRequestError.self) { try catalog.negotiateLocale("12") }
        #expect(throws: LocaleRequestError.self) { try catalog.negotiateLocale("de;q=abc") }
    }
}
