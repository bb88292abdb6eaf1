import CatalogErrors
import DefenderCatalog
import DefenderErrors
import ErrorCatalog
import ErrorTypeGenerator
import Foundation
import SmallErrors
import Testing

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The committed generated files are what the generator makes of the catalogs today.
@Suite struct GeneratedFilesAreCurrent {
    @Test func defenderErrorMatchesTheCatalog() throws {
        let catalog = try Catalog.load(directory: packageRoot.appendingPathComponent("Catalogs/defender").path)
        let generator = ErrorTypeGenerator(typeName: "DefenderError", catalogExpression: "Catalog.defender", imports: ["DefenderCatalog"],
                                           regenerateCommand: "swift package --allow-writing-to-package-directory generate-error-types")
        let committed = try String(contentsOf: packageRoot.appendingPathComponent("Sources/DefenderErrors/DefenderError.swift"), encoding: .utf8)
        #expect(try generator.generate(catalog) == committed,
                "Sources/DefenderErrors/DefenderError.swift is stale: run swift package --allow-writing-to-package-directory generate-error-types")
    }

    @Test func smallErrorMatchesTheFixture() throws {
        let catalog = try SmallCatalog.load()
        let command = "errcat generate-swift --catalog Tests/SmallErrors/small --type SmallError --catalog-expression 'SmallCatalog.load()' --import ErrorCatalog --access package -o Tests/SmallErrors/SmallError.swift"
        let generator = ErrorTypeGenerator(typeName: "SmallError", catalogExpression: "SmallCatalog.load()", imports: ["ErrorCatalog"],
                                           access: "package", regenerateCommand: command)
        let committed = try String(contentsOf: packageRoot.appendingPathComponent("Tests/SmallErrors/SmallError.swift"), encoding: .utf8)
        #expect(try generator.generate(catalog) == committed, "Tests/SmallErrors/SmallError.swift is stale: run \(command)")
    }
}

/// The API generated from the small fixture catalog, both ways.
@Suite struct SmallErrorTests {
    @Test func formatsInEachLocale() throws {
        let error = SmallError.quotaExceeded(used: 1200, limit: 1000)
        #expect(try error.message(locale: "en") == "Quota exceeded: 1,200 of 1,000 requests used.")
        #expect(try error.message(locale: "de-CH, en;q=0.5") == "Kontingent überschritten: 1’200 von 1’000 Anforderungen verbraucht.")
        #expect(try error.message(locale: "de") == "Kontingent überschritten: 1.200 von 1.000 Anforderungen verbraucht.")
        #expect(try SmallError.badHashRolesNeeded(roles: ["A.Read", "B.Write"]).message(locale: "de") == "Hashes benötigen eine der Rollen A.Read, B.Write.")
        // A code without a template speaks through its description.
        #expect(try SmallError.throttled.message(locale: "de") == "Der Dienst ist ausgelastet.")
        #expect(error.hint(locale: "de") == "Warten Sie das Ende des Zeitfensters ab.")
        #expect(error.meaning(locale: "en") == "Too many requests in the current window.")
    }

    @Test func localizedErrorAndNSError() throws {
        let error = SmallError.badHash(hash: "xyz")
        #expect(error.errorDescription == (try error.message(locale: CatalogErrorLocale.current)))
        #expect(error.recoverySuggestion == error.hint(locale: CatalogErrorLocale.current))
        #expect(error.errorCode == 400)
        #expect(SmallError.throttled.errorCode == 503)
        let nsError = error as NSError
        #expect(nsError.code == 400)
        #expect(nsError.userInfo["code"] as? String == "BadHash")
        let any: any Error = SmallError.quotaExceeded(used: 5, limit: 4)
        #expect(any.localizedDescription == (try SmallError.quotaExceeded(used: 5, limit: 4).message(locale: CatalogErrorLocale.current)))
    }

    @Test func readsMessagesBackIntoTypedCases() {
        #expect(SmallError(message: "Quota exceeded: 1,200 of 1,000 requests used.") == .quotaExceeded(used: 1200, limit: 1000))
        #expect(SmallError(message: "Kontingent überschritten: 1.200 von 1.000 Anforderungen verbraucht.") == .quotaExceeded(used: 1200, limit: 1000))
        #expect(SmallError(message: "Hash not-a-hash is invalid.") == .badHash(hash: "not-a-hash"))
        #expect(SmallError(message: "Hashes need one of the roles A.Read, B.Write.") == .badHashRolesNeeded(roles: ["A.Read", "B.Write"]))
        #expect(SmallError(message: "Something else entirely") == nil)
        #expect(SmallError(message: "Quota exceeded: 1,200 of 1,000 requests used.", locale: .only("de")) == nil)
    }

    @Test func readsBodies() {
        let body = #"{"error":{"code":"QuotaExceeded","message":"Quota exceeded: 7 of 5 requests used.","target":"x"}}"#
        #expect(SmallError(body: Data(body.utf8)) == .quotaExceeded(used: 7, limit: 5))
        #expect(SmallError(body: Data(#"{"error":{"code":"Throttled","message":"Busy, busy."}}"#.utf8)) == .throttled)
        #expect(SmallError(body: Data(#"{"error":{"code":"Nope","message":"Busy, busy."}}"#.utf8)) == nil)
        #expect(SmallError(body: Data("<html>502</html>".utf8)) == nil)
    }

    @Test func everyCaseRoundTripsThroughItsOwnMessage() throws {
        let cases: [SmallError] = [.quotaExceeded(used: -3, limit: 9_000_000_000), .badHash(hash: "abc"), .badHashRolesNeeded(roles: ["R"])]
        for error in cases {
            for locale in ["en", "de"] {
                #expect(SmallError(message: try error.message(locale: locale)) == error, "\(error) in \(locale)")
            }
        }
    }

    /// A date placeholder is a `Date`, and a placeholder named like a keyword (`default`) is escaped.
    @Test func datesAndKeywords() throws {
        let when = Date(timeIntervalSince1970: 1_764_460_800) // 2025-11-30T00:00:00Z
        let error = SmallError.expired(when: when, default: "abc")
        #expect(try error.message(locale: "en").hasPrefix("Token abc expired on "))
        #expect(try error.message(locale: "de").hasPrefix("Das Token abc ist am "))
        #expect(error.values["when"] == .date(millisecondsSince1970: 1_764_460_800_000))
        #expect(CatalogValue.date(.text("2025-11-30T00:00:00Z")) == when)
        #expect(CatalogValue.date(.text("11/30/25, 12:00 AM")) == nil)
        #expect(SmallError(code: "Expired", variantID: "docs", values: ["when": .date(millisecondsSince1970: 1_764_460_800_000), "default": .text("abc")]) == error)
    }

    @Test func codableRoundTrip() throws {
        let errors: [SmallError] = [.quotaExceeded(used: 1, limit: 2), .badHash(hash: "h"), .badHashRolesNeeded(roles: ["a", "b"]), .throttled,
                                    .expired(when: Date(timeIntervalSince1970: 1_000), default: "x")]
        let data = try JSONEncoder().encode(errors)
        #expect(try JSONDecoder().decode([SmallError].self, from: data) == errors)
    }

    @Test func valuesAndVariantsMatchTheCatalog() throws {
        let catalog = try SmallCatalog.load()
        for error in [SmallError.quotaExceeded(used: 1, limit: 2), .badHash(hash: "h"), .badHashRolesNeeded(roles: ["a"]), .throttled,
                      .expired(when: Date(timeIntervalSince1970: 0), default: "d")] {
            let entry = try #require(catalog.entry(error.code))
            #expect(entry.status == error.status)
            for name in error.values.keys { #expect(entry.placeholder(named: name) != nil) }
            if let variant = error.variantID {
                let template = try #require(entry.localized["en"]?.template(id: variant))
                #expect(Set(template.argumentNames) == Set(error.values.keys))
            }
        }
    }
}

/// The bundled catalog's generated type and resource.
@Suite struct DefenderErrorTests {
    @Test func bundledCatalogNeedsNoPath() throws {
        let catalog = try Catalog.defender
        #expect(catalog.name == "defender")
        #expect(catalog.locales == ["en", "de"])
        let directory = try Catalog.defenderDirectory()
        #expect(directory.hasSuffix("_DefenderCatalog.resources/defender"))
    }

    @Test func germanMessageAndTypedValues() throws {
        let error = DefenderError.maximumBatchSizeExceeded(received: 1200, allowed: 1000)
        #expect(try error.message(locale: "de") == "Die maximale Batchgröße wurde überschritten. Empfangen: 1.200, zulässig: 1.000.")
        #expect(error.errorCode == 400)
        let parsed = DefenderError(message: "Die maximale Batchgröße wurde überschritten. Empfangen: 1.200, zulässig: 1.000.")
        guard case .maximumBatchSizeExceeded(let received, let allowed)? = parsed else {
            Issue.record("parsed as \(String(describing: parsed))")
            return
        }
        #expect(received == 1200 && allowed == 1000)
        #expect(DefenderError(message: "Machine 123 was not found") == .resourceNotFoundExample(entityType: "Machine", entityId: "123"))
        #expect(DefenderError(message: "Missing application roles. API required roles: A.Read, B.Write, application roles: C.") ==
            .forbiddenAppRoles(requiredRoles: ["A.Read", "B.Write"], grantedRoles: ["C"]))
        #expect(DefenderError(body: Data(#"{"error":{"code":"TooManyRequests","message":"Rate limit is exceeded."}}"#.utf8)) == .tooManyRequests)
    }

    @Test func codableShapeIsTheDocumentedOne() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(DefenderError.maximumBatchSizeExceeded(received: 1200, allowed: 1000))
        #expect(String(decoding: data, as: UTF8.self) == #"{"maximumBatchSizeExceeded":{"allowed":1000,"received":1200}}"#)
        #expect(try JSONDecoder().decode(DefenderError.self, from: Data(#"{"maximumBatchSizeExceeded":{"received":1200,"allowed":1000}}"#.utf8))
            == .maximumBatchSizeExceeded(received: 1200, allowed: 1000))
    }

    @Test func everyTemplateOfTheCatalogReadsBackIntoItsCase() throws {
        let catalog = try Catalog.defender
        var checked = 0
        for entry in catalog.codes {
            for locale in catalog.locales {
                for template in entry.localized[locale]?.templates ?? [] where template.argumentNames.isEmpty || entry.code != "DisallowedOperation" {
                    // Sample values of each placeholder's type.
                    var values: [String: Value] = [:]
                    for name in template.argumentNames {
                        let placeholder = try #require(entry.placeholder(named: name))
                        switch placeholder.type {
                        case .integer: values[name] = .integer(4321)
                        case .list: values[name] = .list(["Alpha.Read", "Beta.Write"])
                        case .hash: values[name] = .text("d41d8cd98f00b204e9800998ecf8427e")
                        case .ipAddress: values[name] = .text("10.1.2.3")
                        case .domainName: values[name] = .text("contoso.com")
                        case .url: values[name] = .text("https://contoso.com/a")
                        case .guid: values[name] = .text("43f4cb08-8fac-4b65-9db1-745c2ae65f3a")
                        case .version: values[name] = .text("10.3720.1")
                        case .date: values[name] = .date(millisecondsSince1970: 0)
                        case .string, .identifier: values[name] = .text("Value\(name.count)")
                        }
                    }
                    let expected = try #require(DefenderError(code: entry.code, variantID: template.id, values: values), "\(entry.code)/\(template.id)")
                    let text = try expected.message(locale: locale)
                    let read = DefenderError(message: text, locale: .only(locale))
                    #expect(read?.code == entry.code, "\(entry.code)/\(locale)/\(template.id): \(text)")
                    if read?.variantID == expected.variantID { #expect(read == expected, "\(text)") }
                    checked += 1
                }
            }
        }
        #expect(checked > 40)
    }
}

/// First use from many tasks at once: one load, everyone sees it. The ThreadSanitizer run
/// (`.ci/sanitizers.sh tsan`) checks the locks behind it; a `Synchronization.Mutex` there made
/// TSan report a race (CI, stop 17), since TSan does not understand that lock.
@Suite struct ConcurrentFirstUse {
    @Test func catalogSupportLoadsOnceForManyTasks() async throws {
        let loads = Locked(0)
        let support = CatalogSupport {
            loads.withLock { $0 += 1 }
            return try SmallCatalog.load()
        }
        let names = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<16 {
                group.addTask { try support.loaded().catalog.name }
            }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(loads.withLock { $0 } == 1)
        #expect(names == Array(repeating: try SmallCatalog.load().name, count: 16))
    }

    @Test func bundledCatalogFromManyTasks() async throws {
        let results = try await withThrowingTaskGroup(of: (String, [String], String).self) { group in
            for _ in 0..<16 {
                group.addTask {
                    let catalog = try Catalog.defender
                    let message = try DefenderError.maximumBatchSizeExceeded(received: 1200, allowed: 1000).message(locale: "de")
                    return (catalog.name, catalog.locales, message)
                }
            }
            return try await group.reduce(into: [(String, [String], String)]()) { $0.append($1) }
        }
        #expect(results.count == 16)
        for (name, locales, message) in results {
            #expect(name == "defender" && locales == ["en", "de"])
            #expect(message == "Die maximale Batchgröße wurde überschritten. Empfangen: 1.200, zulässig: 1.000.")
        }
    }
}
