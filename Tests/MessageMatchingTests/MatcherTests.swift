import ErrorCatalog
import MessageMatching
import Testing

@Suite("Matching the bundled catalog")
struct MatcherTests {
    let matcher = Fixtures.matcher

    @Test func validHashIsRecovered() throws {
        let hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
        let result = matcher.match("Hash value \(hash) is invalid.")
        let best = try #require(result.best)
        #expect(best.code == "InvalidHashValue")
        #expect(best.status == 400)
        #expect(best.locale == "en")
        #expect(best.variant.id == "docs")
        #expect(best.exact)
        #expect(best.values["hash"]?.text == hash)
        #expect(best.values["hash"]?.isValidForType == true)
        #expect(best.values["hash"]?.rejected == true)
        #expect(!result.ambiguous)
    }

    @Test func rejectedValueMayBeAnyText() throws {
        let best = try #require(matcher.match("Hash value xyz is invalid.").best)
        #expect(best.code == "InvalidHashValue")
        #expect(best.values["hash"]?.text == "xyz")
        #expect(best.values["hash"]?.isValidForType == false)
        let spaced = try #require(matcher.match("Hash value not a hash at all is invalid.").best)
        #expect(spaced.values["hash"]?.text == "not a hash at all")
    }

    @Test func germanIntegersWithGrouping() throws {
        let result = matcher.match("Die maximale Batchgröße wurde überschritten. Empfangen: 1.200, zulässig: 1.000.")
        let best = try #require(result.best)
        #expect(best.code == "MaximumBatchSizeExceeded")
        #expect(best.locale == "de")
        #expect(best.exact)
        #expect(best.values["received"]?.integer == 1200)
        #expect(best.values["allowed"]?.integer == 1000)
        #expect(best.values["received"]?.text == "1.200")
    }

    @Test(arguments: [
        ("Maximum batch size exceeded. Received: 1,200, allowed: 1,000.", Int64(1200), Int64(1000)),
        ("Maximum batch size exceeded. Received: 1200, allowed: 1000.", 1200, 1000),
        ("Maximum batch size exceeded. Received: 5,000,000,000, allowed: -7.", 5_000_000_000, -7),
    ])
    func englishIntegers(message: String, received: Int64, allowed: Int64) throws {
        let best = try #require(matcher.match(message).best)
        #expect(best.code == "MaximumBatchSizeExceeded")
        #expect(best.locale == "en")
        #expect(best.values["received"]?.integer == received)
        #expect(best.values["allowed"]?.integer == allowed)
    }

    @Test func malformedGroupingIsNotAnInteger() throws {
        let result = matcher.match("Maximum batch size exceeded. Received: 1,20, allowed: 1000.")
        // The literal text is MaximumBatchSizeExceeded's: that template, with the value that does
        // not fit its type kept as text (`valueType`), ranked above the catch-all "{reason}.".
        let best = try #require(result.best)
        #expect(best.code == "MaximumBatchSizeExceeded")
        #expect(best.tolerances == [.valueType])
        #expect(best.values["received"]?.integer == nil)
        #expect(best.values["received"]?.isValidForType == false)
        #expect(result.alternatives.allSatisfy { $0.code == "DisallowedOperation" })
        // The typed automaton alone does not read "1,20" as an integer; its report names the
        // template and where the text left it (at "20").
        let typed = matcher.withMatch("Maximum batch size exceeded. Received: 1,20, allowed: 1000.") { matcher.result(of: $0) }
        #expect(typed.all.allSatisfy { $0.code == "DisallowedOperation" })
        let near = try #require(typed.nearest)
        #expect(near.code == "MaximumBatchSizeExceeded")
        #expect(near.utf8Offset == "Maximum batch size exceeded. Received: 1,".utf8.count)
    }

    @Test func docsExampleResourceNotFound() throws {
        let result = matcher.match("Machine 123123123 was not found")
        let best = try #require(result.best)
        #expect(best.code == "ResourceNotFound")
        #expect(best.variant.id == "example")
        #expect(best.exact)
        #expect(best.values["entityType"]?.text == "Machine")
        #expect(best.values["entityId"]?.text == "123123123")
        #expect(best.status == 404)
    }

    @Test func seedObservedGermanIsRecognised() throws {
        let best = try #require(matcher.match("DIE URL http://x ist ungültig.").best)
        #expect(best.code == "InvalidUrl")
        #expect(best.locale == "de")
        #expect(best.variant.id == "seed-mt")
        #expect(best.isObserved)
        #expect(best.exact)
        #expect(best.values["url"]?.text == "http://x")

        let input = try #require(matcher.match("Ungültige Eingabe foo bar .").best)
        #expect(input.code == "InvalidInput")
        #expect(input.variant.id == "seed-mt")
        #expect(input.exact)
        #expect(input.values["input"]?.text == "foo bar")
    }

    @Test func listsAreSplit() throws {
        let best = try #require(matcher.match("Missing application roles. API required roles: AdvancedQuery.Read.All, application roles: Machine.Read.All, Alert.Read.All.").best)
        #expect(best.code == "Forbidden")
        #expect(best.variant.id == "app-roles")
        #expect(best.values["requiredRoles"]?.items == ["AdvancedQuery.Read.All"])
        #expect(best.values["grantedRoles"]?.items == ["Machine.Read.All", "Alert.Read.All"])
    }

    @Test func sameTextVariantsAreOneMatch() throws {
        let result = matcher.match("Die Betriebssystemplattform Linux wird für diese Aktion nicht unterstützt.")
        let best = try #require(result.best)
        #expect(best.code == "OsPlatformNotSupported")
        #expect(best.variant.id == "docs")
        #expect(best.sameTextVariants.map(\.id) == ["docs-later"])
        #expect(!result.ambiguous)
        #expect(best.values["osPlatform"]?.text == "Linux")
    }

    @Test func templateWithoutLiteralTextNeedsItsPeriod() throws {
        // DisallowedOperation "{reason}." matches any text ending in a period, and nothing else.
        let any = try #require(matcher.match("Something we have never seen.").best)
        #expect(any.code == "DisallowedOperation")
        #expect(any.values["reason"]?.text == "Something we have never seen")
        #expect(!matcher.match("Something we have never seen").matched)
    }

    @Test func catchAllIsOnlyAFallback() throws {
        let result = matcher.match("Parameter machineId is missing.")
        let best = try #require(result.best)
        #expect(best.code == "MissingRequiredParameter")
        // The catch-all DisallowedOperation "{reason}." is only a fallback: not listed here.
        #expect(!result.all.contains { $0.code == "DisallowedOperation" })
        #expect(matcher.match("Parameter machineId is missing.", code: "DisallowedOperation").best?.code == "DisallowedOperation")
        #expect(!result.ambiguous)
    }

    @Test func trailingPeriodBelongsToAFinalFreeTextValue() throws {
        let best = try #require(matcher.match("Unauthorized request - reason of failure: Account mode is inactive.").best)
        #expect(best.code == "Unauthorized")
        #expect(best.exact)
        #expect(best.values["reason"]?.text == "Account mode is inactive.")
    }

    @Test func filters() throws {
        #expect(!matcher.match("Hash value xyz is invalid", locale: .only("de")).matched)
        #expect(matcher.match("Hash value xyz is invalid", locale: .only("en")).best?.code == "InvalidHashValue")
        #expect(matcher.match("Der Hashwert xyz ist ungültig.", locale: .only("de-AT")).best?.code == "InvalidHashValue")
        let restricted = matcher.match("Parameter machineId is missing.", code: "DisallowedOperation")
        #expect(restricted.best?.code == "DisallowedOperation")
        #expect(restricted.all.allSatisfy { $0.code == "DisallowedOperation" })
        #expect(restricted.all.count == 2) // en and de: the same catch-all
        #expect(restricted.ambiguous)
    }

    @Test func unmatchedNamesNearestTemplateAndOffset() throws {
        let message = "Hash value abc is totally invalid"
        let result = matcher.match(message)
        #expect(!result.matched)
        let near = try #require(result.nearest)
        #expect(near.code == "InvalidHashValue")
        #expect(near.locale == "en")
        // Diverges after "Hash value abc is " where "invalid" was expected.
        #expect(near.utf8Offset == "Hash value abc is ".utf8.count)
        #expect(near.expected.contains("invalid"))
    }

    @Test func emptyAndGarbageNeverCrash() {
        for text in ["", " ", ".", "\u{0}", "{}", "<html><body>502 Bad Gateway</body></html>", String(repeating: "é", count: 50)] {
            _ = matcher.match(text)
        }
        #expect(!matcher.match("").matched)
    }
}

@Suite("Regressions")
struct RegressionTests {
    @Test(arguments: [
        ("Die maximale Batchgröße wurde überschritten. Empfangen: 603.962, zulässig: 6.454.848.865.", Int64(603_962), Int64(6_454_848_865)),
        ("Die maximale Batchgröße wurde überschritten. Empfangen: -5, zulässig: 12.", -5, 12),
    ])
    func germanBatch(message: String, received: Int64, allowed: Int64) throws {
        let result = Fixtures.matcher.match(message)
        let best = try #require(result.best, "\(String(describing: result.nearest))")
        #expect(best.code == "MaximumBatchSizeExceeded")
        #expect(best.values["received"]?.integer == received)
        #expect(best.values["allowed"]?.integer == allowed)
    }
}
