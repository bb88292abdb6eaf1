import ErrorCatalog
import MessageMatching
import Testing
@testable import errcat

/// The streaming JSON writer must print exactly what the general JSON path prints.
@Suite struct MatchJSONWriterTests {
    static let matcher = try! MessageMatcher(catalog: try! Catalog.load(directory: Errcat.packageRoot.appendingPathComponent("Catalogs/defender").path))

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
    ])
    func writerAgreesWithTheGeneralPath(message: String) throws {
        let result = Self.matcher.match(message)
        var writer = MatchJSONWriter()
        writer.write(result, input: message)
        let fast = String(decoding: writer.bytes, as: UTF8.self)
        let general = try JSONOutput.string(MatchOutput.json(result, input: message), pretty: false)
        #expect(fast == general)
        #expect(!fast.contains("\u{1B}"))
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
