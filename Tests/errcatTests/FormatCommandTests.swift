import Foundation
import Testing

@Suite struct FormatCommandTests {
    @Test func germanHashMessage() throws {
        let hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
        let result = try Errcat.run(["format", "InvalidHashValue", "--locale", "de", "hash=\(hash)"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "Der Hashwert \(hash) ist ungültig.\n")
    }

    @Test(arguments: [
        ("de", "Die maximale Batchgröße wurde überschritten. Empfangen: 1.200, zulässig: 1.000.\n"),
        ("en", "Maximum batch size exceeded. Received: 1,200, allowed: 1,000.\n"),
        ("de-CH", "Die maximale Batchgröße wurde überschritten. Empfangen: 1’200, zulässig: 1’000.\n"),
        ("fr-FR, de;q=0.5", "Die maximale Batchgröße wurde überschritten. Empfangen: 1.200, zulässig: 1.000.\n"),
    ])
    func batchSizeUsesTheLocalesGrouping(locale: String, expected: String) throws {
        let result = try Errcat.run(["format", "MaximumBatchSizeExceeded", "--locale", locale, "received=1200", "allowed=1000"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == expected)
    }

    @Test func variantByIndexAndIDAndEnvelope() throws {
        let byID = try Errcat.run(["format", "ResourceNotFound", "--variant", "example", "entityType=Machine", "entityId=123123123"])
        #expect(byID.stdout == "Machine 123123123 was not found\n", "\(byID)")
        let envelope = try Errcat.run(["format", "InvalidHashValue", "hash=xyz", "--envelope"])
        #expect(envelope.status == 0, "\(envelope)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(envelope.stdout.utf8)) as? [String: [String: String]])
        #expect(object["error"]?["code"] == "InvalidHashValue")
        #expect(object["error"]?["message"] == "Hash value xyz is invalid.")
        let target = try #require(object["error"]?["target"])
        #expect(target.count == 36 && target.split(separator: "-").count == 5)
    }

    @Test(arguments: [
        (["format", "MaximumBatchSizeExceeded", "received=abc", "allowed=1000"], "error: received=abc: 'abc' is not a valid integer: it is not a whole number"),
        (["format", "InvalidHashValu", "hash=1"], "error: unknown code 'InvalidHashValu'; did you mean 'InvalidHashValue'?"),
        (["format", "BadRequest"], "error: BadRequest has no message template"),
        (["format", "MaximumBatchSizeExceeded", "received=1"], "needs a value for 'allowed'"),
        (["format", "InvalidHashValue", "hash=x", "foo=1"], "error: InvalidHashValue has no placeholder 'foo'; it takes hash=<hash>"),
        (["format", "InvalidHashValue", "hash"], "error: 'hash' is not name=value"),
        (["format", "InvalidHashValue", "hash=x", "--variant", "7"], "error: InvalidHashValue has no variant '7'; its variants are 0 (docs)"),
        (["format", "InvalidHashValue", "hash=x", "hash=y"], "error: 'hash' is given twice"),
    ])
    func wrongInputGivesAOneScreenError(arguments: [String], expected: String) throws {
        let result = try Errcat.run(arguments)
        #expect(result.status == 2, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(expected), "\(result)")
        #expect(result.stderr.split(separator: "\n").count <= 10)
    }

    @Test func serverTextIsNeverPrintedRaw() throws {
        let result = try Errcat.run(["format", "InvalidHashVal\u{1B}[31m", "hash=x"])
        #expect(result.status == 2)
        #expect(!result.stderr.contains("\u{1B}"))
        #expect(result.stderr.contains("\\u{1B}[31m"))
    }
}
