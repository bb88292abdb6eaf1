import ErrorCatalog
@_spi(Benchmarks) @testable import MessageMatching
import MessageSyntax
import Testing

@Suite("Slots per template: the documented limit, never a trap")
struct SlotLimitTests {
    static func pattern(slots: Int) -> String {
        (0..<slots).map { "v\($0)={p\($0)}" }.joined(separator: " ") + "."
    }

    static func placeholders(_ slots: Int) -> [Placeholder] {
        (0..<slots).map { Placeholder(name: "p\($0)", type: .integer) }
    }

    @Test func templateOverTheLimitIsRefusedWithTheLimitNamed() {
        let slots = 300
        let raw = RawTemplate(code: "Wide", locale: "en", pattern: Self.pattern(slots: slots), placeholders: Self.placeholders(slots))
        do {
            _ = try MessageMatcher(templates: [raw])
            Issue.record("a template with \(slots) slots compiled")
        } catch {
            #expect(error.code == "Wide")
            #expect(error.description.contains("300 placeholder slots"))
            #expect(error.description.contains("at most \(MatcherLimits.maxSlotsPerTemplate)"))
            #expect(error.description.contains("MatcherLimits.maxSlotsPerTemplate"))
        }
    }

    /// At the limit (and past the old 255-slot UInt8 depth counter of a path through several
    /// templates' shared prefix) the automaton compiles and reads every value back.
    @Test func templateAtTheLimitMatchesEveryValue() throws {
        let slots = MatcherLimits.maxSlotsPerTemplate
        let raw = RawTemplate(code: "Wide", locale: "en", pattern: Self.pattern(slots: slots), placeholders: Self.placeholders(slots))
        let matcher = try MessageMatcher(templates: [raw])
        let message = (0..<slots).map { "v\($0)=\($0 * 7)" }.joined(separator: " ") + "."
        for m in [matcher, matcher.withAnchoredPass(false)] {
            let best = try #require(m.match(message).best)
            #expect(best.code == "Wide")
            for k in 0..<slots { #expect(best.values["p\(k)"]?.integer == Int64(k * 7)) }
        }
    }

    /// A plural whose branches together hold more slots than the limit is fine as long as each
    /// alternative stays within it (the limit counts one alternative).
    @Test func limitCountsOneAlternative() throws {
        let half = MatcherLimits.maxSlotsPerTemplate - 1
        let branch = (0..<half).map { "{p\($0)}" }.joined(separator: ",")
        let pattern = "{n, plural, one {one: \(branch)} other {# of: \(branch)}}"
        let raw = RawTemplate(code: "Branches", locale: "en", pattern: pattern,
                              placeholders: Self.placeholders(half) + [Placeholder(name: "n", type: .integer)])
        _ = try MessageMatcher(templates: [raw])
        let over = "{n, plural, other {# of: \(branch),{x},{y}}}"
        #expect(throws: MatcherBuildError.self) {
            _ = try MessageMatcher(templates: [RawTemplate(code: "Branches", locale: "en", pattern: over,
                                                           placeholders: Self.placeholders(half) + [Placeholder(name: "n", type: .integer)])])
        }
    }

    /// Three nested selects of 7 cases give 343 alternatives: refused (before, only the first 256
    /// were compiled and the rest silently never matched).
    @Test func templateOverTheAlternativeLimitIsRefused() throws {
        let cases = (0..<6).map { "k\($0) {w\($0)}" }.joined(separator: " ") + " other {o}"
        let pattern = "{a, select, \(cases)} {b, select, \(cases)} {c, select, \(cases)}."
        #expect(TemplateCompiler.alternativeCount(try MessageParser.parse(pattern)) == 343)
        do {
            _ = try MessageMatcher(templates: [RawTemplate(code: "Branchy", locale: "en", pattern: pattern)])
            Issue.record("343 alternatives compiled")
        } catch {
            #expect(error.description.contains("expand to 343 alternatives"))
            #expect(error.description.contains("at most 256 per template"))
        }
        // 6 × 6 × 7 = 252: accepted, and the last alternative matches.
        let fewer = (0..<5).map { "k\($0) {w\($0)}" }.joined(separator: " ") + " other {o}"
        let accepted = "{a, select, \(fewer)} {b, select, \(fewer)} {c, select, \(cases)}."
        let matcher = try MessageMatcher(templates: [RawTemplate(code: "Branchy", locale: "en", pattern: accepted)])
        #expect(matcher.templateCount == 252)
        #expect(matcher.match("o o o.").best?.code == "Branchy")
    }
}
