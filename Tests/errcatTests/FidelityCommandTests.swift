import Foundation
import Testing

/// Issue 9 (fidelity), end to end through the built `errcat`: each numbered case of the issue.
@Suite struct FidelityCommandTests {
    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    // 1. An action in words is ClientVersionNotSupported (400), not DisallowedOperation (403).
    @Test func multiWordAction() throws {
        let result = try Errcat.run(["parse", "--json", "Collect investigation package is supported on client version 10.3720.16299.98 and later."])
        #expect(result.status == 0, "\(result)")
        let object = try json(result.stdout)
        #expect(object["code"] as? String == "ClientVersionNotSupported")
        #expect(object["status"] as? Int == 400)
        #expect(object["exact"] as? Bool == true)
        #expect(object["confidence"] as? String == "high")
        let args = try #require(object["args"] as? [String: [String: Any]])
        #expect(args["action"]?["text"] as? String == "Collect investigation package")
    }

    // 2. A value that does not fit its type degrades to text under the template.
    @Test func valueTypeTolerance() throws {
        let result = try Errcat.run(["parse", "--json", "Parameter machine id is missing."])
        #expect(result.status == 0, "\(result)")
        let object = try json(result.stdout)
        #expect(object["code"] as? String == "MissingRequiredParameter")
        #expect(object["tolerances"] as? [String] == ["valueType"])
        #expect(object["catchAll"] as? Bool == false)
        let args = try #require(object["args"] as? [String: [String: Any]])
        #expect(args["parameter"]?["text"] as? String == "machine id")
        #expect(args["parameter"]?["valid"] as? Bool == false)
        let text = try Errcat.run(["parse", "Parameter machine id is missing."])
        #expect(text.stdout.hasPrefix("MissingRequiredParameter (HTTP 400), locale en, variant 0 \"docs\", tolerant: valueType\n"), "\(text)")
    }

    // 3. Confidence on every line of a mixed stream; free-text-only results are never high.
    @Test func confidenceOnEveryStreamedLine() throws {
        let lines = [
            "Hash value 12ab is invalid.", "An error has occurred.", "zorb quint fellow 123", "hash value 12ab is invalid",
            "Missing application roles. API required roles: Machine.Read.All", "Maximum batch size exceeded. Received: 1,20, allowed: 1000.",
            "This device has no automation level assigned to it.", "Isolate machine is supported on client version 10.1 and above.",
        ]
        let result = try Errcat.run(["parse", "--json"], stdin: lines.joined(separator: "\n") + "\n")
        let objects = try result.stdout.split(separator: "\n").map { try json(String($0)) }
        #expect(objects.count == lines.count)
        for object in objects {
            let confidence = try #require(object["confidence"] as? String, "\(object)")
            #expect(["high", "low", "none"].contains(confidence))
            if object["catchAll"] as? Bool == true { #expect(confidence == "low", "\(object)") }
            if object["matched"] as? Bool == false { #expect(confidence == "none", "\(object)") }
            for alternative in object["alternatives"] as? [[String: Any]] ?? [] where alternative["catchAll"] as? Bool == true {
                #expect(alternative["confidence"] as? String == "low")
            }
        }
        #expect(objects.map { $0["confidence"] as? String } == ["high", "low", "none", "high", "high", "high", "high", "high"])
        // The text stream says so in words.
        let text = try Errcat.run(["parse"], stdin: "An error has occurred.\nHash value 12ab is invalid.\n")
        let textLines = text.stdout.split(separator: "\n")
        #expect(textLines.first?.contains("[guess: free-text template only]") == true, "\(text)")
        #expect(textLines.last?.contains("guess") == false)
        let single = try Errcat.run(["parse", "An error has occurred."])
        #expect(single.stdout.contains("low confidence (a guess)"), "\(single)")
    }

    @Test func aspNetBodyIsExplainedAsAGuessOrUnknown() throws {
        let body = #"{"Message":"An error has occurred."}"#
        let guess = try Errcat.run(["explain"], stdin: body)
        #expect(guess.stdout.contains("a guess (low confidence)"), "\(guess)")
        let guessJSON = try json(try Errcat.run(["explain", "--json"], stdin: body).stdout)
        #expect(guessJSON["confidence"] as? String == "low")
        // The status contradicts DisallowedOperation's 403: unknown, not a wrong diagnosis.
        let unknown = try Errcat.run(["explain", "--status", "500"], stdin: body)
        #expect(unknown.status == 1)
        #expect(!unknown.stdout.contains("DisallowedOperation\n"), "\(unknown)")
        #expect(unknown.stdout.contains("code unknown: only the free-text template of DisallowedOperation (HTTP 403) matches, but the response is HTTP 500"))
        let unknownJSON = try json(try Errcat.run(["explain", "--json", "--status", "500"], stdin: body).stdout)
        #expect(unknownJSON["code"] is NSNull)
        #expect(unknownJSON["confidence"] as? String == "none")
        // ndjson lines say it too.
        let stream = try Errcat.run(["parse", "--ndjson", "--json"], stdin: body + "\n")
        #expect(try json(stream.stdout)["confidence"] as? String == "low")
    }

    // 4. The innererror's own message is the one parsed; details each explained.
    @Test func innerErrorAndDetails() throws {
        let body = #"{"error":{"code":"BadRequest","message":"Bad request","innererror":{"code":"InvalidHashValue","message":"Hash value zz is invalid."},"details":[{"code":"InvalidUrl","message":"URL ftp//x is invalid.","target":"url"}]}}"#
        let result = try Errcat.run(["explain", "--json"], stdin: body)
        let object = try json(result.stdout)
        #expect(object["code"] as? String == "InvalidHashValue")
        #expect(object["codeSource"] as? String == "innerError")
        #expect(object["input"] as? String == "Hash value zz is invalid.")
        let args = try #require(object["args"] as? [String: [String: Any]])
        #expect(args["hash"]?["text"] as? String == "zz")
        let details = try #require(object["details"] as? [[String: Any]])
        #expect(details.count == 1)
        #expect(details.first?["code"] as? String == "InvalidUrl")
        #expect(details.first?["target"] as? String == "url")
        #expect(((details.first?["args"] as? [String: [String: Any]])?["url"])?["text"] as? String == "ftp//x")
        let text = try Errcat.run(["explain"], stdin: body)
        #expect(text.stdout.contains("Hash value zz is invalid."), "\(text)")
        #expect(!text.stdout.contains("Bad request"), "the outer message is not the one explained: \(text)")
        #expect(text.stdout.contains("Detail      InvalidUrl (HTTP 400): URL ftp//x is invalid.  url=ftp//x  [url]\n"), "\(text)")
    }

    // 5. Partial messages: truncated and extra text, with what is missing or added.
    @Test func partialMessages() throws {
        let truncated = try json(try Errcat.run(["parse", "--json", "Missing application roles. API required roles: Machine.Read.All"]).stdout)
        #expect(truncated["code"] as? String == "Forbidden")
        #expect(truncated["variant"] as? String == "app-roles")
        #expect((truncated["tolerances"] as? [String])?.contains("truncated") == true)
        #expect(truncated["missingText"] as? String == ", application roles: {grantedRoles}.")
        let extra = try json(try Errcat.run(["parse", "--json", "Action is already in progress. Please retry later."]).stdout)
        #expect(extra["code"] as? String == "ActiveRequestAlreadyExists")
        #expect(extra["extraText"] as? String == ". Please retry later.")
        let complete = try json(try Errcat.run(["parse", "--json", "Action is already in progress"]).stdout)
        #expect(complete["exact"] as? Bool == true)
        #expect(complete["extraText"] == nil)
        let text = try Errcat.run(["parse", "Missing application roles. API required roles: Machine.Read.All"])
        #expect(text.stdout.contains("the message stops before: , application roles: {grantedRoles}."), "\(text)")
        // A translation never drops the extra text silently.
        let translated = try Errcat.run(["translate", "Action is already in progress. Please retry later.", "--to", "de"])
        #expect(translated.status != 0, "\(translated)")
        #expect(translated.stderr.contains("the message is ActiveRequestAlreadyExists followed by more text (\". Please retry later.\"), which a translation would drop"), "\(translated)")
    }

    // 6. --code and --locale apply to nearest and alternatives.
    @Test func filtersApplyToNearestAndAlternatives() throws {
        let coded = try Errcat.run(["parse", "--json", "--code", "InvalidUrl", "Hash value abc is totally invalid"])
        #expect(coded.status == 1)
        let object = try json(coded.stdout)
        #expect((object["nearest"] as? [String: Any])?["code"] as? String == "InvalidUrl", "\(coded)")
        let german = try json(try Errcat.run(["parse", "--json", "--locale", "de", "Hash value abc is totally invalid"]).stdout)
        #expect((german["nearest"] as? [String: Any])?["locale"] as? String == "de")
        let catchAll = try json(try Errcat.run(["parse", "--json", "--locale", "de", "An error has occurred."]).stdout)
        #expect(catchAll["locale"] as? String == "de")
        #expect((catchAll["alternatives"] as? [[String: Any]])?.allSatisfy { $0["locale"] as? String == "de" } == true)
    }

    // 7. Swiss German ss for ß; letter case beyond ASCII.
    @Test func localeTolerances() throws {
        let swiss = try json(try Errcat.run(["parse", "--json", "Die maximale Batchgrösse wurde überschritten. Empfangen: 1.200, zulässig: 1.000."]).stdout)
        #expect(swiss["code"] as? String == "MaximumBatchSizeExceeded")
        #expect(swiss["tolerances"] as? [String] == ["sharpS"])
        #expect(swiss["confidence"] as? String == "high")
        let upper = try json(try Errcat.run(["parse", "--json", "Der Hashwert 12ab ist UNGÜLTIG."]).stdout)
        #expect(upper["code"] as? String == "InvalidHashValue")
        #expect((upper["tolerances"] as? [String])?.contains("letterCase") == true)
    }
}
