import ErrorCatalog
import MessageFormatting
import MessageMatching
import Testing

/// Issue 9 (fidelity), the matcher half: realistic values read back, typed slots that degrade,
/// confidence, envelopes, partial messages, filters, locale tolerances.
@Suite("Fidelity")
struct FidelityTests {
    let matcher = Fixtures.matcher

    /// Values as real servers send them, for every placeholder of the bundled catalog.
    static let realistic: [String: [String: Value]] = [
        "ODataError": ["detail": .text("The query specified in the URI is not valid: $filter=machineId eq 'a b'")],
        "InvalidInput": ["input": .text("machine ids: a, b")],
        "InvalidHashValue": ["hash": .text("zz")],
        "InvalidDomainName": ["domain": .text("xn--bcher-kva.example")],
        "InvalidIpAddress": ["ipAddress": .text("2001:db8::1%eth0")],
        "InvalidUrl": ["url": .text("https://contoso.com/api/machines?$top=10&$skip=5#x")],
        "MaximumBatchSizeExceeded": ["received": .integer(1_200), "allowed": .integer(1_000)],
        "MissingRequiredParameter": ["parameter": .text("properties.comment")],
        "OsPlatformNotSupported": ["osPlatform": .text("Windows Server 2012 R2")],
        "ClientVersionNotSupported": ["action": .text("Collect investigation package"), "clientVersion": .text("10.3720.16299.98")],
        "Unauthorized": ["reason": .text("Account mode is inactive")],
        "Forbidden": ["permissions": .list(["Vulnerability.Read.All", "Machine.Read.All"]),
                      "requiredRoles": .list(["AdvancedQuery.Read.All"]),
                      "grantedRoles": .list(["Machine.Read.All", "Alert.ReadWrite.All"])],
        "DisallowedOperation": ["reason": .text("Isolation of this device is not allowed while a scan is running")],
        "ResourceNotFound": ["resource": .text("machines/4e6f9c1b2a3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f"),
                             "entityType": .text("Machine"), "entityId": .text("da637472900382838869_1364969609")],
    ]

    @Test func everyPlaceholderHasRealisticValues() {
        var missing: [String] = []
        for entry in Fixtures.catalog.codes {
            for placeholder in entry.placeholders where Self.realistic[entry.code]?[placeholder.name] == nil {
                missing.append("\(entry.code).\(placeholder.name)")
            }
        }
        #expect(missing.isEmpty, "no realistic value for \(missing)")
    }

    /// Type audit: parse(format(x)) gives the code and the values, for every template of every
    /// locale with the realistic values (multi-word actions, dotted role lists, URLs with a
    /// query, IPv6 with a zone, punycode).
    @Test(arguments: FidelityTests.realistic.keys.sorted())
    func realisticValuesReadBack(code: String) throws {
        let formatter = try CatalogFormatter(catalog: Fixtures.catalog)
        let entry = try #require(Fixtures.catalog.entry(code))
        let values = try #require(Self.realistic[code])
        for locale in Fixtures.catalog.locales {
            let templates = entry.localized[locale]?.templates ?? []
            for (variant, template) in templates.enumerated() {
                var used: [String: Value] = [:]
                for name in template.argumentNames { used[name] = values[name] }
                let text = try formatter.format(code: code, values: used, locale: locale, variant: variant)
                let result = matcher.match(text)
                let best = try #require(result.best, "\(code)/\(locale)/\(template.id): '\(text)' did not match")
                #expect(best.code == code, "'\(text)' → \(best.code)")
                #expect(best.tolerances.isEmpty, "'\(text)' → \(best.tolerances)")
                for (name, value) in used {
                    let got = try #require(best.values[name], "\(name) of '\(text)'")
                    switch value {
                    case .integer(let number): #expect(got.integer == number, "\(name) of '\(text)'")
                    case .list(let items): #expect(got.items == items, "\(name) of '\(text)'")
                    default: #expect(got.text == value.description, "\(name) of '\(text)'")
                    }
                }
            }
        }
    }

    // MARK: 1. The issue's example: an action in words

    @Test func multiWordActionIsClientVersionNotSupported() throws {
        let result = matcher.match("Isolate machine is supported on client version 10.3720.16299.98 and above.")
        let best = try #require(result.best)
        #expect(best.code == "ClientVersionNotSupported")
        #expect(best.status == 400)
        #expect(best.exact)
        #expect(best.confidence == .high)
        #expect(best.values["action"]?.text == "Isolate machine")
        #expect(!result.alternatives.contains { $0.code == "DisallowedOperation" && !$0.isCatchAll })
    }

    // MARK: 2. Typed slots degrade, not fail

    @Test func valueThatDoesNotFitItsTypeKeepsTheTemplate() throws {
        let result = matcher.match("Maximum batch size exceeded. Received: 1,20, allowed: 1000.")
        let best = try #require(result.best)
        #expect(best.code == "MaximumBatchSizeExceeded")
        #expect(best.tolerances == [.valueType])
        #expect(best.confidence == .high)
        #expect(best.values["received"]?.text == "1,20")
        #expect(best.values["received"]?.isValidForType == false)
        #expect(best.values["allowed"]?.integer == 1000)
        // The free-text-only template is still there, ranked below.
        #expect(result.alternatives.contains { $0.code == "DisallowedOperation" && $0.isCatchAll })
        #expect(!result.ambiguous)
    }

    @Test func identifierWithASpaceDegrades() throws {
        let result = matcher.match("Parameter machine id is missing.")
        let best = try #require(result.best)
        #expect(best.code == "MissingRequiredParameter")
        #expect(best.tolerances == [.valueType])
        #expect(best.values["parameter"]?.text == "machine id")
    }

    @Test func freeTextOnlyNeverOutranksLiteralText() {
        for message in ["Maximum batch size exceeded. Received: 1,20, allowed: 1000.", "Parameter machine id is missing.",
                        "Missing application roles. API required roles: Machine.Read.All.", "Tenant feature isn't enabled. Ask an admin."] {
            let result = matcher.match(message)
            #expect(result.best?.isCatchAll == false, "\(message)")
            if let firstCatchAll = result.all.firstIndex(where: \.isCatchAll) {
                #expect(result.all[firstCatchAll...].allSatisfy { $0.isCatchAll }, "\(message)")
            }
        }
    }

    // MARK: 3. Confidence

    @Test func confidenceOfResults() throws {
        #expect(matcher.match("Hash value 12ab is invalid.").confidence == .high)
        #expect(matcher.match("hash value 12ab is invalid").confidence == .high) // tolerant
        #expect(matcher.match("An error has occurred.").confidence == .low)
        #expect(matcher.match("An error has occurred.").best?.isCatchAll == true)
        #expect(matcher.match("zorb quint fellow 123").confidence == .noMatch)
        #expect(matcher.withMatch("Hash value 12ab is invalid.") { $0.confidence } == .high)
        #expect(matcher.withMatch("An error has occurred.") { $0.confidence } == .low)
        #expect(matcher.withMatch("zorb quint fellow 123") { $0.confidence } == .noMatch)
    }

    @Test func aspNetBodyIsAGuessAndUnknownWhenTheStatusDisagrees() throws {
        let body = #"{"Message":"An error has occurred."}"#
        let guess = matcher.explain(body: body)
        #expect(guess.confidence == .low)
        #expect(guess.findings.contains(.lowConfidence(code: "DisallowedOperation")))
        let contradicted = matcher.explain(body: body, httpStatus: 500)
        #expect(contradicted.code == nil)
        #expect(contradicted.confidence == .noMatch)
        #expect(contradicted.findings.contains(.guessDropped(code: "DisallowedOperation", http: 500, catalog: 403)))
        // A status that agrees keeps the (still low-confidence) guess.
        #expect(matcher.explain(body: body, httpStatus: 403).confidence == .low)
    }

    @Test func contradictedByTheEnvelopeOrStatusIsLow() {
        let other = matcher.explain(body: #"{"error":{"code":"InvalidUrl","message":"Hash value 12ab is invalid."}}"#)
        #expect(other.codeDisagreement)
        #expect(other.confidence == .low)
        let status = matcher.explain(body: #"{"error":{"code":"InvalidHashValue","message":"Hash value 12ab is invalid."}}"#, httpStatus: 404)
        #expect(status.confidence == .low)
        let fine = matcher.explain(body: #"{"error":{"code":"InvalidHashValue","message":"Hash value 12ab is invalid."}}"#, httpStatus: 400)
        #expect(fine.confidence == .high)
    }

    // MARK: 4. Envelopes

    @Test func innerErrorsOwnMessageIsParsed() throws {
        let body = #"{"error":{"code":"BadRequest","message":"Bad request","innererror":{"code":"InvalidHashValue","message":"Hash value zz is invalid."}}}"#
        let explained = matcher.explain(body: body)
        #expect(explained.code == "InvalidHashValue")
        #expect(explained.codeSource == .innerError)
        #expect(explained.message == "Hash value zz is invalid.")
        #expect(explained.match?.best?.values["hash"]?.text == "zz")
        #expect(explained.confidence == .high)
        #expect(explained.body.innerErrors.map(\.code) == ["InvalidHashValue"])
    }

    @Test func deepestInnerErrorWithMessage() throws {
        let body = #"{"error":{"code":"BadRequest","message":"Bad request","innererror":{"code":"InvalidInput","message":"Invalid input a.","innererror":{"code":"InvalidIpAddress","message":"IP address 300.1.1.1 is invalid."}}}}"#
        let explained = matcher.explain(body: body)
        #expect(explained.code == "InvalidIpAddress")
        #expect(explained.match?.best?.values["ipAddress"]?.text == "300.1.1.1")
    }

    @Test func innerErrorWithoutMessageUsesTheOuterOne() throws {
        let body = #"{"error":{"code":"BadRequest","message":"Hash value 12ab is invalid.","innererror":{"code":"InvalidHashValue"}}}"#
        let explained = matcher.explain(body: body)
        #expect(explained.code == "InvalidHashValue")
        #expect(explained.match?.best?.values["hash"]?.text == "12ab")
    }

    @Test func eachDetailIsExplained() throws {
        let body = #"{"error":{"code":"BadRequest","message":"Bad request","details":[{"code":"InvalidUrl","message":"URL ftp//x is invalid.","target":"url"},{"code":"MissingRequiredParameter","message":"Parameter Comment is missing."},{"code":"Whatever","message":"Something else"}]}}"#
        let explained = matcher.explain(body: body)
        #expect(explained.details.count == 3)
        #expect(explained.details[0].code == "InvalidUrl")
        #expect(explained.details[0].match?.best?.values["url"]?.text == "ftp//x")
        #expect(explained.details[0].target == "url")
        #expect(explained.details[1].code == "MissingRequiredParameter")
        #expect(explained.details[1].match?.best?.values["parameter"]?.text == "Comment")
        #expect(explained.details[2].code == nil)
        #expect(explained.details[2].confidence == .noMatch)
    }

    // MARK: 5. Partial messages

    @Test func truncatedAtAClauseBoundary() throws {
        let result = matcher.match("Missing application roles. API required roles: Machine.Read.All")
        let best = try #require(result.best)
        #expect(best.code == "Forbidden")
        #expect(best.variant.id == "app-roles")
        #expect(best.tolerances.contains(.truncated))
        #expect(best.values["requiredRoles"]?.items == ["Machine.Read.All"])
        #expect(best.values["grantedRoles"] == nil)
        #expect(best.missingText == ", application roles: {grantedRoles}.")
        #expect(best.confidence == .high)
    }

    @Test func extraTrailingClause() throws {
        let result = matcher.match("Tenant feature isn't enabled. Contact your administrator.")
        let best = try #require(result.best)
        #expect(best.code == "DisabledFeature")
        #expect(best.tolerances == [.extraText])
        #expect(best.extraText == ". Contact your administrator.")
        let progress = try #require(matcher.match("Action is already in progress; retry in 5 minutes").best)
        #expect(progress.code == "ActiveRequestAlreadyExists")
        #expect(progress.extraText == "; retry in 5 minutes")
    }

    @Test func completeMatchesRankFirst() throws {
        // A complete message never takes the partial path.
        let full = try #require(matcher.match("Missing application roles. API required roles: A.Read, application roles: B.Read.").best)
        #expect(full.exact)
        #expect(full.missingText == nil)
        #expect(full.values["grantedRoles"]?.items == ["B.Read"])
    }

    @Test(arguments: [
        ("Forbidden", "app-roles", "Missing application roles. API required roles: Machine.Read.All, application roles: Alert.Read.All."),
        ("MaximumBatchSizeExceeded", "docs", "Maximum batch size exceeded. Received: 1,200, allowed: 1,000."),
    ])
    func partialRoundTrip(code: String, variant: String, full: String) throws {
        // Cut the formatted message at each clause boundary: the template, the values before the
        // cut, and `truncated`.
        let scalars = Array(full.unicodeScalars)
        var cuts = 0
        for (i, scalar) in scalars.enumerated() where [".", ":", ","].contains(scalar) && i > 12 && i < scalars.count - 1 {
            let next = i + 1 < scalars.count ? scalars[i + 1] : " "
            guard next == " " else { continue } // a boundary, not a decimal/grouping separator
            let prefix = String(String.UnicodeScalarView(scalars[..<i]))
            let best = try #require(matcher.match(prefix).best, "'\(prefix)'")
            #expect(best.code == code, "'\(prefix)'")
            #expect(best.variant.id == variant, "'\(prefix)'")
            #expect(best.tolerances.contains(.truncated), "'\(prefix)'")
            cuts += 1
        }
        #expect(cuts >= 2)
    }

    @Test func partialIsNotInventedForUnrelatedText() {
        for message in ["Hash value abc is totally invalid", "Maximum batch size exceeded. Received: 12 permitted 3",
                        "Tenant feature isn't enabled!", "Parameter  is missing", "zorb quint fellow 123"] {
            let result = matcher.match(message)
            #expect(result.all.allSatisfy { $0.isCatchAll }, "\(message) → \(result.all.map { "\($0.code) \($0.tolerances)" })")
        }
    }

    // MARK: 6. Filters

    @Test func filtersApplyToNearestAndAlternatives() throws {
        let message = "Hash value abc is totally invalid"
        #expect(matcher.match(message).nearest?.code == "InvalidHashValue")
        let filtered = matcher.match(message, code: "InvalidUrl")
        #expect(!filtered.matched)
        #expect(filtered.nearest?.code == "InvalidUrl")
        let german = matcher.match(message, locale: .only("de"))
        #expect(german.nearest?.locale == "de")
        let catchAll = matcher.match("An error has occurred.", locale: .only("de"))
        #expect(catchAll.all.allSatisfy { $0.locale == "de" })
        let restricted = matcher.match("Parameter machine id is missing.", code: "InvalidInput")
        #expect(restricted.all.allSatisfy { $0.code == "InvalidInput" })
    }

    // MARK: 7. Locales in matching

    @Test func swissGermanSsForSharpS() throws {
        let best = try #require(matcher.match("Die maximale Batchgrösse wurde überschritten. Empfangen: 1.200, zulässig: 1.000.").best)
        #expect(best.code == "MaximumBatchSizeExceeded")
        #expect(best.locale == "de")
        #expect(best.tolerances == [.sharpS])
        #expect(best.values["received"]?.integer == 1200)
    }

    @Test func letterCaseBeyondASCII() throws {
        let best = try #require(matcher.match("DIE MAXIMALE BATCHGRÖSSE WURDE ÜBERSCHRITTEN. EMPFANGEN: 1.200, ZULÄSSIG: 1.000.").best)
        #expect(best.code == "MaximumBatchSizeExceeded")
        #expect(best.tolerances.contains(.letterCase))
        #expect(best.values["allowed"]?.integer == 1000)
        let umlaut = try #require(matcher.match("Der Hashwert 12ab ist UNGÜLTIG.").best)
        #expect(umlaut.code == "InvalidHashValue")
        #expect(umlaut.tolerances.contains(.letterCase))
    }

    // MARK: MISSION.md's examples

    /// Every example of real server text in MISSION.md, with what the parser gives now.
    @Test(arguments: [
        ("Machine 123123123 was not found", "ResourceNotFound"),
        ("Request body is incorrect", "InvalidRequestBody"),
        ("The application does not have any of the required application permissions (Vulnerability.Read.All) to access the resource.", "Forbidden"),
        ("Missing application roles. API required roles: AdvancedQuery.Read.All, application roles: Machine.Read.All.", "Forbidden"),
        ("Unauthorized request - reason of failure: Account mode is inactive", "Unauthorized"),
        ("This device has no automation level assigned to it. You'll need to at least enable the minimum Remediation Level for a given Device Group.", "DisallowedOperation"),
        ("Action is already in progress", "ActiveRequestAlreadyExists"),
        ("OS Platform Linux isn't supported for this action.", "OsPlatformNotSupported"),
        ("Isolate machine is supported on client version 10.3720.16299.98 and later.", "ClientVersionNotSupported"),
        ("Tenant feature isn't enabled.", "DisabledFeature"),
        ("Resource 42 wasn't found.", "ResourceNotFound"),
        ("Hash value {the invalid hash} is invalid.", "InvalidHashValue"),
        ("Hash value 12ab is invalid", "InvalidHashValue"),
        ("Resource 42 isn’t found.", nil),
        ("Die <the invalid IP> IP-Adresse ist ungültig.", "InvalidIpAddress"),
        ("DIE URL http://x ist ungültig .", "InvalidUrl"),
    ] as [(String, String?)])
    func missionExamples(message: String, code: String?) throws {
        let result = matcher.match(message)
        if let code {
            let best = try #require(result.best, "\(message)")
            #expect(best.code == code, "\(message)")
            #expect(best.confidence == .high, "\(message)")
            #expect(!best.isCatchAll)
        } else {
            #expect(result.best?.confidence != .high, "\(message)")
        }
    }
}
