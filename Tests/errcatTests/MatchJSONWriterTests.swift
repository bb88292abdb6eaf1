import ErrorCatalog
import Foundation
import MessageMatching
import Testing
@testable import errcat

/// The streaming JSON writer of `parse --json` must print exactly what the general path prints
/// (`MatchOutput.json` written by `JSONWriter`), and both must decode to the values they were given.
@Suite struct MatchJSONWriterTests {
    static let matcher = try! MessageMatcher(catalog: try! Catalog.load(directory: Errcat.packageRoot.appendingPathComponent("Catalogs/defender").path))

    /// Templates with free-text and typed slots, so hostile text reaches every field of the output.
    static let hostileMatcher = try! MessageMatcher(templates: [
        RawTemplate(code: "Two", locale: "en", pattern: "Value {a} and {b} end.",
                    placeholders: [Placeholder(name: "a", type: .string), Placeholder(name: "b", type: .string)]),
        RawTemplate(code: "Typed", status: 404, locale: "de", pattern: "Hash {h} mit {n} Treffern in {l}",
                    placeholders: [Placeholder(name: "h", type: .hash, rejected: true), Placeholder(name: "n", type: .integer),
                                   Placeholder(name: "l", type: .list)]),
        RawTemplate(code: "CatchAll", locale: "en", pattern: "{reason}.", placeholders: [Placeholder(name: "reason", type: .string)]),
        RawTemplate(code: "Same\u{202E}Text", locale: "en", variant: "v\u{2028}", pattern: "Value {a} and {b} end.",
                    placeholders: [Placeholder(name: "a", type: .string), Placeholder(name: "b", type: .string)]),
    ])

    /// Hostile pieces (see ErrorCatalogTests' HostileText; repeated here as the test targets do not share code).
    static let pieces: [String] = [
        "\u{0}", "\u{8}", "\u{9}", "\u{A}", "\u{C}", "\u{D}", "\u{1B}[2J", "\u{1F}", "\u{7F}", "\u{80}", "\u{85}", "\u{9F}",
        "\u{2028}", "\u{2029}", "\u{202E}", "\u{200F}", "\u{FEFF}", "\u{FFFD}", "\"", "\\", "\\n", "/", "'", "’",
        "👩🏽‍💻", "🇩🇪", "e\u{301}", "\u{301}", "ü", "1.200", "42", " ", "{", "}", ",", ".", "a", "Zürich",
    ]

    static func hostile(_ rng: inout SeededRandomNumberGenerator) -> String {
        (0..<Int.random(in: 0...6, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
    }

    static func fast(_ result: MatchResult, input: String) -> String {
        var writer = MatchJSONWriter()
        writer.write(result, input: input)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    static func general(_ result: MatchResult, input: String) -> String {
        JSONWriter.string(MatchOutput.json(result, input: input), layout: .compact)
    }

    @Test(arguments: [
        "Hash value 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 is invalid.",
        "Hash value \"quoted\" \\ back\tslash\u{1B}[2J\u{85}\u{2028} is invalid.",
        "Die maximale Batchgröße wurde überschritten. Empfangen: 1.200, zulässig: 1.000.",
        "DIE URL http://x ist ungültig .",
        "Missing application roles. API required roles: AdvancedQuery.Read.All, application roles: Machine.Read.All, Alert.Read.All.",
        "Machine 123123123 was not found",
        "Maximum batch size exceeded. Received: 12 permitted 3",
        "Something entirely different.",
        "",
        "IP address 2001:db8::1 is invalid.",
        "OS Platform Linux isn’t supported for this action.",
        // Issue 9: the literal-text fallback's fields (missingText, extraText), low confidence.
        "Missing application roles. API required roles: Machine.Read.All",
        "Tenant feature isn't enabled. Contact \"your\" admin\u{1B}[2J.",
        "Maximum batch size exceeded. Received: 1,20, allowed: 1000.",
        "An error has occurred.",
    ])
    func writerAgreesWithTheGeneralPath(message: String) throws {
        let result = Self.matcher.match(message)
        let fast = Self.fast(result, input: message)
        #expect(fast == Self.general(result, input: message))
        #expect(!fast.contains("\u{1B}"))
        try Self.expectDecodes(fast, to: MatchOutput.json(result, input: message))
    }

    @Test func writerAgreesOnRandomHostileValues() throws {
        var rng = SeededRandomNumberGenerator(seed: 0x0BAD_F00D)
        var matched = 0
        for round in 0..<1_500 {
            let message: String
            switch round % 5 {
            case 0: message = "Value \(Self.hostile(&rng)) and \(Self.hostile(&rng)) end."
            case 1: message = "Hash \(Self.hostile(&rng)) mit \(["1.200", "7", "-3", Self.hostile(&rng)].randomElement(using: &rng)!) Treffern in \(Self.hostile(&rng)), \(Self.hostile(&rng))"
            case 2: message = Self.hostile(&rng) + "."
            case 3: message = "Value \(Self.hostile(&rng)) an"
            default: message = Self.hostile(&rng)
            }
            let result = Self.hostileMatcher.match(message)
            if result.matched { matched += 1 }
            let fast = Self.fast(result, input: message)
            let general = Self.general(result, input: message)
            #expect(fast == general, "\(message.debugDescription)")
            #expect(!fast.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0 == "\u{2028}" || $0 == "\u{2029}" || $0 == "\u{FEFF}" })
            try Self.expectDecodes(fast, to: MatchOutput.json(result, input: message))
            try Self.expectDecodes(general, to: MatchOutput.json(result, input: message))
            let decoded = try #require(try JSONSerialization.jsonObject(with: Data(fast.utf8)) as? [String: Any])
            #expect(decoded["input"] as? String == message)
        }
        #expect(matched > 500, "the hostile workload should mostly match (\(matched) of 1500)")
    }

    /// The view path of `parse --json` (written in place from `withMatch`) prints exactly what the
    /// result path prints, wherever `canWrite` lets it run: every catalog template formatted with
    /// random values (the mixed stream), and hostile values on templates with typed slots.
    @Test func viewPathAgreesWithTheResultPath() throws {
        var lines = try ParallelParseTests.mixedStream(lines: 3_000).split(separator: "\n").map(String.init)
        var rng = SeededRandomNumberGenerator(seed: 0x51EE)
        var hostileLines: [String] = []
        for round in 0..<1_500 {
            switch round % 3 {
            case 0: hostileLines.append("Value \(Self.hostile(&rng)) and \(Self.hostile(&rng)) end.")
            case 1: hostileLines.append("Hash \(Self.hostile(&rng)) mit \(["1.200", "7", "-3", Self.hostile(&rng)].randomElement(using: &rng)!) Treffern in \(Self.hostile(&rng)), \(Self.hostile(&rng))")
            default: hostileLines.append(Self.hostile(&rng))
            }
        }
        lines += hostileLines
        var viaView = 0
        for (index, line) in lines.enumerated() {
            let matcher = index < lines.count - hostileLines.count ? Self.matcher : Self.hostileMatcher
            var writer = MatchJSONWriter()
            let written = matcher.withMatch(line) { view -> Bool in
                guard MatchJSONWriter.canWrite(view) else { return false }
                writer.write(view: view, input: line)
                return true
            }
            // The terminal-safe writer (what parse --json uses) equals jsonSafe of the plain output.
            var safe = MatchJSONWriter(terminalSafe: true)
            matcher.withMatch(line) { view in
                if MatchJSONWriter.canWrite(view) { safe.write(view: view, input: line) } else {
                    safe.write(matcher.result(of: view, message: line), input: line)
                }
            }
            let plain = Self.fast(matcher.match(line), input: line)
            #expect(String(decoding: safe.bytes, as: UTF8.self) == Terminal.jsonSafe(plain), "\(line.debugDescription)")
            guard written else { continue }
            viaView += 1
            #expect(String(decoding: writer.bytes, as: UTF8.self) == plain, "\(line.debugDescription)")
        }
        #expect(viaView > 2_000, "the view path should answer most lines (\(viaView) of \(lines.count))")
    }

    /// `text` decoded by Foundation's parser equals `value`, member by member.
    static func expectDecodes(_ text: String, to value: JSONValue, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        #expect(same(object, value), "\(text)", sourceLocation: sourceLocation)
    }

    static func same(_ any: Any, _ value: JSONValue) -> Bool {
        switch value {
        case .null: return any is NSNull
        case .bool(let flag): return (any as? Bool) == flag
        case .integer(let number): return (any as? NSNumber)?.int64Value == number
        case .number(let number): return (any as? NSNumber)?.doubleValue == number
        case .string(let text): return (any as? String) == text
        case .array(let items):
            guard let list = any as? [Any], list.count == items.count else { return false }
            return zip(list, items).allSatisfy { same($0, $1) }
        case .object(let members):
            guard let dictionary = any as? [String: Any], dictionary.count == Set(members.map(\.key)).count else { return false }
            return members.allSatisfy { member in dictionary[member.key].map { same($0, member.value) } ?? false }
        }
    }
}

/// The streaming text line from the allocation-free view equals the line from the full result.
@Suite struct MatchLineTests {
    @Test(arguments: [
        "Hash value 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 is invalid.",
        "Hash value \u{1B}[2J is invalid.",
        "Die maximale Batchgröße wurde überschritten. Empfangen: 1.200, zulässig: 1.000.",
        "DIE URL http://x ist ungültig .",
        "Missing application roles. API required roles: AdvancedQuery.Read.All, application roles: Machine.Read.All, Alert.Read.All.",
        "Machine 123123123 was not found",
        "maximum batch size exceeded.  Received: 5, allowed: 1",
        "OS Platform Linux isn’t supported for this action.",
    ])
    func viewLineEqualsResultLine(message: String) throws {
        let matcher = MatchJSONWriterTests.matcher
        let full = MatchOutput.line(matcher.match(message))
        let quick: String? = matcher.withMatch(message) { view in
            view.matched && !view.ambiguous ? MatchOutput.line(view) : nil
        }
        let line = try #require(quick, "the view answers matched, unambiguous messages")
        #expect(line == full)
    }
}
