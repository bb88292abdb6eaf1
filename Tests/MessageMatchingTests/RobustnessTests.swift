import ErrorCatalog
@testable import MessageMatching
import Testing

@Suite("Long, adversarial and concurrent input")
struct RobustnessTests {
    let matcher = Fixtures.matcher

    /// Inputs that would make a backtracking matcher blow up: many copies of the literals that
    /// follow free-text slots.
    static let fragments = [
        " was not found", ", application roles: ", " is invalid", " ist ungültig", ". Received: 1,200, allowed: ",
        " is supported on client version 1.2 and above", "Resource ", "Hash value ", " ", ".", ", ",
    ]

    @Test(arguments: fragments)
    func workIsLinearInLength(fragment: String) {
        let short = "Resource " + String(repeating: fragment, count: 1_000)
        let long = "Resource " + String(repeating: fragment, count: 4_000)
        let shortWork = matcher.work(for: short)
        let longWork = matcher.work(for: long)
        // Bounded per byte by the thread limit, and growing linearly (4× the text, ≈4× the work).
        #expect(longWork <= long.utf8.count * Automaton.maxThreads)
        #expect(Double(longWork) <= 4.5 * Double(max(shortWork, 1)))
        // The pruned run of the fast path (withMatch, and match() before it builds its result).
        let prunedShort = matcher.work(for: short, pruned: true), prunedLong = matcher.work(for: long, pruned: true)
        #expect(prunedLong <= long.utf8.count * Automaton.maxThreads)
        #expect(Double(prunedLong) <= 4.5 * Double(max(prunedShort, 1)))
        _ = matcher.match(long)
    }

    @Test func hundredKilobytesStillMatch() throws {
        let middle = String(repeating: "x was not found ", count: 6_500)
        let message = "Resource " + middle + "end was not found."
        #expect(message.utf8.count > 100_000)
        let best = try #require(matcher.match(message).best)
        #expect(best.code == "ResourceNotFound")
        #expect(best.variant.id == "docs")
        #expect(best.values["resource"]?.text == middle + "end")
        #expect(matcher.work(for: message) <= message.utf8.count * 8)
    }

    @Test func longGarbageIsUnmatched() {
        let garbage = String(repeating: "Hash value Hash value is is invalid ", count: 3_000) + "or not"
        let result = matcher.match(garbage)
        #expect(result.best == nil)
        #expect(result.nearest?.code == "InvalidHashValue")
    }

    @Test func sharedAcrossTasks() async {
        let messages = [
            "Hash value xyz is invalid.", "Machine 123123123 was not found",
            "Die maximale Batchgröße wurde überschritten. Empfangen: 1.200, zulässig: 1.000.", "garbage",
        ]
        let expected = messages.map { matcher.match($0).best?.code }
        let shared = self.matcher
        let results = await withTaskGroup(of: [String?].self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var seen: [String?] = []
                    for round in 0..<500 {
                        seen.append(shared.match(messages[round % messages.count]).best?.code)
                    }
                    return seen
                }
            }
            var all: [[String?]] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 8)
        for seen in results {
            for (round, code) in seen.enumerated() { #expect(code == expected[round % messages.count]) }
        }
    }

    @Test func rawTemplatesWithPluralAndSelect() throws {
        let matcher = try MessageMatcher(templates: [
            RawTemplate(code: "Files", locale: "en", pattern: "{count, plural, =0 {No files} one {# file} other {# files}} in {folder}.",
                        placeholders: [Placeholder(name: "count", type: .integer), Placeholder(name: "folder", type: .identifier)]),
            RawTemplate(code: "Kind", locale: "en", pattern: "The {kind, select, user {user} other {object}} {name} is locked.",
                        placeholders: [Placeholder(name: "kind", type: .string), Placeholder(name: "name", type: .identifier)]),
        ])
        #expect(matcher.match("No files in tmp.").best?.values["count"]?.integer == 0)
        #expect(matcher.match("1,234 files in tmp.").best?.values["count"]?.integer == 1234)
        #expect(matcher.match("1 file in tmp.").best?.values["folder"]?.text == "tmp")
        #expect(matcher.match("The user bob is locked.").best?.values["kind"]?.value == .text("user"))
        #expect(matcher.match("The object bob is locked.").best?.values["kind"] == nil)
        #expect(throws: MatcherBuildError.self) { try MessageMatcher(templates: [RawTemplate(code: "X", locale: "en", pattern: "{broken")]) }
    }
}
