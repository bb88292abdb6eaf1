import ErrorCatalog
import MessageMatching
import Testing

@Suite("Tolerances, named honestly")
struct ToleranceTests {
    let matcher = Fixtures.matcher

    @Test(arguments: [
        ("Hash value abc is invalid", "InvalidHashValue", [Tolerance.finalPeriod]),
        ("Request body is incorrect.", "InvalidRequestBody", [.finalPeriod]),
        ("Hash  value abc\tis invalid.", "InvalidHashValue", [.whitespace]),
        ("  Hash value abc is invalid.  ", "InvalidHashValue", [.whitespace]),
        ("Hash\u{00A0}value abc is invalid.", "InvalidHashValue", [.whitespace]),
        ("Tenant feature isn’t enabled.", "DisabledFeature", [.apostrophe]),
        ("hash value abc is invalid.", "InvalidHashValue", [.firstLetterCase]),
        ("Hash value abc is invalid .", "InvalidHashValue", [.spaceBeforePunctuation]),
        ("HASH VALUE abc IS INVALID.", "InvalidHashValue", [.letterCase]),
        ("Maximum batch size exceeded. Received: 5 , allowed: 4.", "MaximumBatchSizeExceeded", [.spaceBeforePunctuation]),
        ("tenant feature isn’t enabled", "DisabledFeature", [.finalPeriod, .apostrophe, .firstLetterCase]),
        ("Die URL http://x ist ungu\u{0308}ltig.", "InvalidUrl", [.unicodeNormalization]),
    ])
    func tolerated(message: String, code: String, tolerances: [Tolerance]) throws {
        let best = try #require(matcher.match(message).best)
        #expect(best.code == code)
        #expect(!best.exact)
        #expect(best.tolerances == tolerances)
    }

    @Test(arguments: [
        "Hash value abc is invalid.",
        "Tenant feature isn't enabled.",
        "Tenant feature is not enabled.",
        "Request body is incorrect",
        "This device has no automation level assigned to it. You'll need to at least enable the minimum Remediation Level for a given Device Group.",
        "Die maximale Batchgröße wurde überschritten. Received: 1.200 , allowed: 1.000.",
        "Nicht autorisiert (Unauthorized)",
    ])
    func exact(message: String) throws {
        let best = try #require(matcher.match(message).best)
        #expect(best.exact, "\(best.code) \(best.tolerances)")
    }

    @Test func exactRanksAboveTolerant() throws {
        // Exact for the curated German template, letter case only for the seed's "DIE URL".
        let result = matcher.match("Die URL http://x ist ungültig.")
        let best = try #require(result.best)
        #expect(best.variant.id == "docs")
        #expect(best.exact)
        let seed = try #require(result.alternatives.first { $0.variant.id == "seed-mt" })
        #expect(seed.tolerances == [.letterCase])
        #expect(!result.ambiguous)
    }

    @Test func fewerTolerancesRankFirst() throws {
        // The seed's wording needs one tolerance (the space before '.'), the curated one two.
        let result = matcher.match("DIE URL http://x ist ungültig .")
        let best = try #require(result.best)
        #expect(best.variant.id == "seed-mt")
        #expect(best.tolerances == [.spaceBeforePunctuation])
        #expect(!result.ambiguous)
        let docs = try #require(result.alternatives.first { $0.variant.id == "docs" })
        #expect(docs.tolerances.count == 2)
    }

    @Test func curlyApostropheInTheMiddleOfATemplate() throws {
        let message = "This device has no automation level assigned to it. You’ll need to at least enable the minimum Remediation Level for a given Device Group."
        let best = try #require(matcher.match(message).best)
        #expect(best.code == "DisallowedOperation")
        #expect(best.variant.id == "no-automation-level")
        #expect(best.tolerances == [.apostrophe])
    }

    @Test(arguments: [
        "Hash value abc is not valid.",
        "Hash value abc was invalid.",
        "Tenant feature isn't enabled!",
        "Parameter  is missing",
    ])
    func beyondToleranceIsUnmatched(message: String) {
        let result = matcher.match(message)
        // Only the catch-all "{reason}." may match a text ending in a period.
        #expect(result.all.allSatisfy { $0.code == "DisallowedOperation" && $0.variant.id == "docs" }, "\(result.all.map(\.code))")
        #expect(result.nearest != nil)
    }
}
