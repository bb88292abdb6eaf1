import Foundation
import Testing

@Suite(.serialized) struct CheckListTests {
    @Test func checkAcceptsTheBundledCatalog() throws {
        let result = try Errcat.run(["check"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.hasPrefix("ok: "))
        #expect(result.stdout.contains("21 codes"))
        #expect(result.stdout.contains("(en, de)"))
    }

    @Test func checkReportsEveryInjectedDefectWithPositions() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("errcat-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = Errcat.packageRoot.appendingPathComponent("Catalogs/defender")
        var en = try String(contentsOf: source.appendingPathComponent("en.json"), encoding: .utf8)
        var de = try String(contentsOf: source.appendingPathComponent("de.json"), encoding: .utf8)
        en = en.replacingOccurrences(of: "Hash value {hash} is invalid.", with: "Hash value {hash is invalid.")
        en = en.replacingOccurrences(of: "\"status\": 401", with: "\"status\": 299")
        de = de.replacingOccurrences(of: "Domänenname {domain}", with: "Domänenname {domian}")
        de = de.replacingOccurrences(of: "\"code\": \"InvalidUrl\"", with: "\"code\": \"InvalidUrls\"")
        try en.write(to: directory.appendingPathComponent("en.json"), atomically: true, encoding: .utf8)
        try de.write(to: directory.appendingPathComponent("de.json"), atomically: true, encoding: .utf8)

        let result = try Errcat.run(["check", "--catalog", directory.path])
        #expect(result.status == 1, "\(result)")
        let out = result.stdout
        #expect(out.contains("error: expected"), "\(out)")
        #expect(out.contains("en.json:"))
        #expect(out.contains("InvalidHashValue, template \"docs\", pattern 1:"))
        #expect(out.contains("HTTP status 299 is not an error status"))
        #expect(out.contains("placeholder 'domian' is not declared for InvalidDomainName (did you mean 'domain'?)"))
        #expect(out.contains("code 'InvalidUrls' is not declared in the source"))
        #expect(out.contains("code 'InvalidUrl' is not translated"))
        #expect(out.contains("the catalog does not load"))
        #expect(!out.contains("\u{1B}["), "colour must not reach a pipe")
    }

    @Test func checkOnAMissingDirectory() throws {
        let result = try Errcat.run(["check", "--catalog", "/nonexistent/x"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("no such catalog directory"))
    }

    @Test func listShowsEveryCodeWithStatusAndGermanText() throws {
        let result = try Errcat.run(["list", "--locale", "de"])
        #expect(result.status == 0, "\(result)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("CODE") == true)
        #expect(lines.contains { $0.hasPrefix("InvalidHashValue ") && $0.contains("400") && $0.contains("Der Hashwert {hash} ist ungültig.") })
        #expect(lines.contains { $0.hasPrefix("TooManyRequests ") && $0.contains("429") })
        #expect(lines.contains { $0.contains("received: integer, allowed: integer") })
        for code in ["BadRequest", "ODataError", "Unauthorized", "Forbidden", "InternalServerError", "ActiveRequestAlreadyExists"] {
            #expect(lines.contains { $0.hasPrefix(code + " ") }, "\(code) missing")
        }
    }

    @Test func listJSONIsMachineReadable() throws {
        let result = try Errcat.run(["list", "--json"])
        #expect(result.status == 0, "\(result)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let codes = try #require(object["codes"] as? [[String: Any]])
        #expect(codes.count == 21)
        let hash = try #require(codes.first { $0["code"] as? String == "InvalidHashValue" })
        #expect(hash["status"] as? Int == 400)
        #expect((hash["placeholders"] as? [[String: Any]])?.first?["type"] as? String == "hash")
    }

    @Test func badLocaleAndUnknownOption() throws {
        let locale = try Errcat.run(["list", "--locale", "12"])
        #expect(locale.status == 2)
        #expect(locale.stderr.contains("'12' is not a locale tag or an Accept-Language header"))
        let option = try Errcat.run(["list", "--bogus"])
        #expect(option.status != 0)
        #expect(option.stderr.contains("Unknown option '--bogus'"))
        #expect(!option.stderr.contains("Fatal error"))
    }
}

@Suite struct ShowCommandTests {
    @Test func showsEveryVariantInEveryLocale() throws {
        let result = try Errcat.run(["show", "ResourceNotFound"])
        #expect(result.status == 0, "\(result)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "ResourceNotFound  HTTP 404")
        #expect(lines.contains("  entityType  identifier — The type of the entity that was not found: one word as the API names it (Machine, Alert, Indicator, Investigation)."))
        #expect(lines.contains("  2 example     {entityType} {entityId} was not found"))
        #expect(lines.contains("  ~ seed-mt     Ressource {resource} wurde nicht gefunden.  (recognised, never produced)"))
        #expect(lines.contains { $0.hasPrefix("  hint:    Prüfen Sie") })
    }

    @Test func oneLocaleAndUnknownCode() throws {
        let german = try Errcat.run(["show", "BadRequest", "--locale", "de-AT"])
        #expect(german.status == 0)
        #expect(!german.stdout.contains("[en]"))
        #expect(german.stdout.contains("[de]\n  (no server text is documented or observed)"))
        let unknown = try Errcat.run(["show", "Resource"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("error: unknown code 'Resource'; did you mean 'ResourceNotFound'?"))
    }
}
