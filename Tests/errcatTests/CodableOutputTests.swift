import ErrorCatalog
import Foundation
import MessageMatching
import Testing

/// MatchResult's Codable form has the fields of `errcat parse --json`, with the same values, and
/// decodes back (also from the tool's own output).
@Suite struct CodableOutputTests {
    static let messages = [
        "Machine 123123123 was not found",
        "Die maximale Batchgröße wurde überschritten. Empfangen: 1.200, zulässig: 1.000.",
        "Hash value xyz is invalid",
        "Missing application roles. API required roles: A.Read, B.Write, application roles: C.",
        "This is not an error message of the catalog at all",
        "Missing application roles. API required roles: Machine.Read.All",
        "Action is already in progress; retry later",
        "An error has occurred.",
    ]

    static let matcher: MessageMatcher = {
        try! MessageMatcher(catalog: try! Catalog.load(directory: Errcat.packageRoot.appendingPathComponent("Catalogs/defender").path))
    }()

    /// The same JSON (both sides were read by JSONSerialization).
    func same(_ a: Any, _ b: Any) throws -> Bool {
        try JSONSerialization.data(withJSONObject: [a], options: [.sortedKeys]) == JSONSerialization.data(withJSONObject: [b], options: [.sortedKeys])
    }

    /// `encoded` has every field of `printed` with the same value (it may have more).
    func covers(_ encoded: Any, _ printed: Any) throws -> Bool {
        if let printed = printed as? [String: Any] {
            guard let encoded = encoded as? [String: Any] else { return false }
            return try printed.allSatisfy { key, value in try encoded[key].map { try covers($0, value) } ?? false }
        }
        if let printed = printed as? [Any] {
            guard let encoded = encoded as? [Any], encoded.count == printed.count else { return false }
            return try zip(encoded, printed).allSatisfy { try covers($0, $1) }
        }
        return try same(encoded, printed)
    }

    func object(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test(arguments: messages)
    func encodedFieldsAreTheToolsFields(message: String) throws {
        let cli = try Errcat.run(["parse", message, "--json"])
        let printed = try object(Data(cli.stdout.utf8))
        let result = Self.matcher.match(message)
        let encoded = try object(try JSONEncoder().encode(result))
        for (key, value) in printed where key != "input" && key != "alternatives" {
            let mine = try #require(encoded[key], "\(key) missing in the encoded result")
            #expect(try covers(mine, value), "\(message): \(key): encoded \(mine), printed \(value)")
        }
        // The tool lists free-text-only alternatives only when nothing specific matched.
        let specific = result.best.map { !$0.isCatchAll } ?? false
        let shown = (encoded["alternatives"] as? [[String: Any]] ?? []).filter { !specific || ($0["catchAll"] as? Bool) == false }
        let printedAlternatives = printed["alternatives"] as? [[String: Any]] ?? []
        #expect(shown.count == printedAlternatives.count)
        for (mine, theirs) in zip(shown, printedAlternatives) {
            for (key, value) in theirs { #expect(try covers(mine[key] as Any, value), "\(message): alternative \(key)") }
        }
        // Decoding the tool's output and the encoded result gives the same best match.
        let fromTool = try JSONDecoder().decode(MatchResult.self, from: Data(cli.stdout.utf8))
        let roundTrip = try JSONDecoder().decode(MatchResult.self, from: try JSONEncoder().encode(result))
        #expect(fromTool.best?.code == result.best?.code)
        #expect(fromTool.best?.values == result.best?.values)
        #expect(roundTrip.best?.values == result.best?.values)
        #expect(roundTrip.nearest == result.nearest)
        #expect(try object(try JSONEncoder().encode(roundTrip)).keys.sorted() == encoded.keys.sorted())
    }

    @Test func valuesEncodeAsJSONKinds() throws {
        let values: [Value] = [.integer(1200), .number(1.5), .list(["a", "b"]), .text("x")]
        let data = try JSONEncoder().encode(values)
        #expect(String(decoding: data, as: UTF8.self) == #"[1200,1.5,["a","b"],"x"]"#)
        #expect(try JSONDecoder().decode([Value].self, from: data) == values)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Value.self, from: Data("{}".utf8)) }
    }
}
