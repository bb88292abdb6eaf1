import ErrorCatalog
@_spi(Benchmarks) @testable import MessageMatching
import Testing

/// The cheaper `match()`: list values split on bytes, the nearest-template report computed when
/// it is read, candidates ranked and merged before any `Match` is built.
@Suite("match() full result")
struct FullResultTests {
    @Test(arguments: [
        "a, b", "a,b", " a ,  b ", "", ",", "a,,b", " , ", "a,\tb\n", "\r\na,b\r\n", "AdvancedQuery.Read.All, Machine.Read.All",
        "a\u{00A0}, b", "é, ü", "a,\u{0301}b", "x\u{2003}, y\u{0085}", "a, b,",
    ])
    func listItemsOnBytesAgreeWithCharacters(text: String) {
        #expect(Recognisers.listItems(text) == Recognisers.listItemsByCharacter(text))
    }

    @Test(arguments: [
        "contoso.com", "contoso.com.", "a.b", "a", ".", "", "a..b", ".a.b", "a.b..", "-a.com", "a-.com", "a_b.c-d.org",
        "a.123", "123.a", "1.2.3.4", "a b.com", "a.com/x", "UPPER.Case.NET", String(repeating: "a", count: 63) + ".com",
        String(repeating: "a", count: 64) + ".com", String(repeating: "abcdefghi.", count: 25) + "com", String(repeating: "abcdefghi.", count: 26) + "com",
        "a.b\r\n", "a.b!", "a.\u{7F}b",
    ])
    func domainOnBytesAgreesWithTheCatalog(text: String) {
        var text = text
        let expected: Bool
        if case .success = PlaceholderType.domainName.parse(text) { expected = true } else { expected = false }
        #expect(text.withUTF8 { Recognisers.isDomain($0) } == expected)
    }

    /// Found by the matcher fuzz target once `match()` gained the literal-text fallback: the view
    /// answers what the automaton answers, and `match()` keeps any literal-text match it had.
    @Test(arguments: ["Resource x was not found. Resource y was not!found.", "Resource x was not found. Resource y was not found."])
    func viewAgreesWithTheAutomatonAndMatchKeepsLiteralMatches(message: String) {
        let automaton = Fixtures.matcher.automatonMatch(message)
        let full = Fixtures.matcher.match(message)
        Fixtures.matcher.withMatch(message) { view in
            #expect(view.matched == automaton.matched)
            #expect(view.code == automaton.best?.code && view.locale == automaton.best?.locale)
        }
        if let best = automaton.best, !best.isCatchAll {
            #expect(full.best?.code == best.code && full.best?.variant == best.variant && full.best?.tolerances == best.tolerances)
        } else {
            #expect(full.best?.isCatchAll != true || automaton.best?.isCatchAll == true, "the fallback never answers with a free-text template it did not have")
        }
    }

    @Test func listValueItems() throws {
        let result = Fixtures.matcher.match("Missing application roles. API required roles: AdvancedQuery.Read.All, Machine.Read.All, application roles: Alert.Read.All.")
        let best = try #require(result.best)
        #expect(best.code == "Forbidden")
        let lists = best.values.values.compactMap(\.items).sorted { $0.count > $1.count }
        #expect(lists.first == ["AdvancedQuery.Read.All", "Machine.Read.All"])
        #expect(lists.contains(["Alert.Read.All"]))
    }

    /// The report is read lazily: the same on every access, the same as from `result(of:)` (which
    /// computes it at once), and absent when a template with literal text matched.
    @Test(arguments: ["Hash value is fine.", "zorb quint fellow 123", "Maximum batch size exceeded. Received: 1,20, allowed: 1000."])
    func nearestIsStableAndAgreesWithTheView(message: String) throws {
        // The automaton's answer (`match()` may add a literal-text match, which has no report).
        let result = Fixtures.matcher.automatonMatch(message)
        let first = try #require(result.nearest)
        #expect(result.nearest == first)
        let viaView = Fixtures.matcher.withMatch(message) { Fixtures.matcher.result(of: $0).nearest }
        #expect(viaView == first)
        let automaton = Fixtures.matcher.withAnchoredPass(false).automatonMatch(message).nearest
        #expect(automaton == first)
    }

    @Test func nearestIsAbsentForARealMatch() {
        #expect(Fixtures.matcher.match("Hash value 12ab is invalid.").nearest == nil)
    }

    /// Several candidates: the best is the exact template, alternatives are ranked after it and
    /// same-text variants appear once.
    @Test func severalCandidatesRankAsBefore() throws {
        let result = Fixtures.matcher.match("Die URL example.com ist ungültig.")
        let best = try #require(result.best)
        #expect(best.code == "InvalidUrl" && best.exact && best.values["url"]?.text == "example.com")
        #expect(!result.alternatives.isEmpty)
        let keys = result.all.map { "\($0.code)/\($0.locale)/\($0.variant.id)" }
        #expect(Set(keys).count == keys.count)
        // The seed's "DIE URL {url} ist ungültig." matches with a case tolerance, ranked after the exact one.
        #expect(result.alternatives.contains { $0.code == "InvalidUrl" && $0.tolerances.contains(.letterCase) && $0.values["url"]?.text == "example.com" })
        #expect(!result.ambiguous)
    }
}
