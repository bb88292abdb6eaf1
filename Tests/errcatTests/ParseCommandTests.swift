import Foundation
import Testing

@Suite struct ParseCommandTests {
    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func sha256HashIsRecovered() throws {
        let hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
        let result = try Errcat.run(["parse", "--json", "Hash value \(hash) is invalid."])
        #expect(result.status == 0, "\(result)")
        let object = try json(result.stdout)
        #expect(object["matched"] as? Bool == true)
        #expect(object["code"] as? String == "InvalidHashValue")
        #expect(object["status"] as? Int == 400)
        #expect(object["locale"] as? String == "en")
        #expect(object["variant"] as? String == "docs")
        #expect(object["exact"] as? Bool == true)
        let args = try #require(object["args"] as? [String: [String: Any]])
        #expect(args["hash"]?["value"] as? String == hash)
        #expect(args["hash"]?["type"] as? String == "hash")
        #expect(args["hash"]?["valid"] as? Bool == true)
    }

    @Test func rejectedValueCanBeAnyText() throws {
        let result = try Errcat.run(["parse", "Hash value xyz is invalid."])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.hasPrefix("InvalidHashValue (HTTP 400), locale en, variant 0 \"docs\", exact\n  hash = xyz  (hash; rejected: 'xyz' is not a valid hash: 'x' is not a hexadecimal digit."))
        #expect(!result.stdout.contains("DisallowedOperation"), "catch-all alternatives are not shown")
    }

    @Test func germanIntegersComeBackAsNumbers() throws {
        let result = try Errcat.run(["parse", "--json", "Die maximale Batchgröße wurde überschritten. Empfangen: 1.200, zulässig: 1.000."])
        let object = try json(result.stdout)
        #expect(object["code"] as? String == "MaximumBatchSizeExceeded")
        #expect(object["locale"] as? String == "de")
        let args = try #require(object["args"] as? [String: [String: Any]])
        #expect(args["received"]?["value"] as? Int == 1200)
        #expect(args["allowed"]?["value"] as? Int == 1000)
        #expect(args["received"]?["text"] as? String == "1.200")
    }

    @Test func docsExampleResourceNotFound() throws {
        let result = try Errcat.run(["parse", "--json", "Machine 123123123 was not found"])
        let object = try json(result.stdout)
        #expect(object["code"] as? String == "ResourceNotFound")
        #expect(object["status"] as? Int == 404)
        let args = try #require(object["args"] as? [String: [String: Any]])
        #expect(args["entityType"]?["value"] as? String == "Machine")
        #expect(args["entityId"]?["value"] as? String == "123123123")
    }

    @Test func seedMachineTranslationIsRecognisedWithTolerances() throws {
        let result = try Errcat.run(["parse", "--json", "DIE URL http://x ist ungültig ."])
        let object = try json(result.stdout)
        #expect(object["code"] as? String == "InvalidUrl")
        #expect(object["locale"] as? String == "de")
        #expect(object["exact"] as? Bool == false)
        #expect((object["tolerances"] as? [String])?.contains("spaceBeforePunctuation") == true)
    }

    @Test func unmatchedNamesTheNearestTemplateAndWhere() throws {
        let result = try Errcat.run(["parse", "Maximum batch size exceeded. Received: 12 permitted 3"])
        #expect(result.status == 1)
        #expect(result.stdout == """
        no template matches
          nearest: MaximumBatchSizeExceeded (en, docs): Maximum batch size exceeded. Received: {received}, allowed: {allowed}.
          the message leaves it at column 42, where it expects ", allowed: ":
            Maximum batch size exceeded. Received: 12 permitted 3
                                                     ^

        """)
    }

    @Test func streamsOneResultPerLineInOrder() throws {
        let input = (0..<2000).map { $0 % 3 == 0 ? "Hash value h\($0) is invalid." : $0 % 3 == 1 ? "garbage line \($0)" : "Machine m\($0) was not found" }
        let result = try Errcat.run(["parse", "--json"], stdin: input.joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == input.count)
        for (index, line) in lines.enumerated() {
            let object = try json(String(line))
            #expect(object["input"] as? String == input[index])
            switch index % 3 {
            case 0: #expect(object["code"] as? String == "InvalidHashValue")
            case 1: #expect(object["matched"] as? Bool == false)
            default: #expect(object["code"] as? String == "ResourceNotFound")
            }
        }
        #expect(result.stderr.isEmpty, "no progress bar without a terminal")
    }

    @Test func ndjsonBodiesKeepTheEnvelope() throws {
        let bodies = [
            #"{"error":{"code":"InvalidHashValue","message":"Hash value q is invalid.","target":"t-1"}}"#,
            #"{"error":{"code":"ResourceNotFound","message":"An unknown wording","target":"t-2"}}"#,
            "<html><title>Bad gateway</title></html>",
        ]
        let result = try Errcat.run(["parse", "--ndjson", "--json"], stdin: bodies.joined(separator: "\n"))
        #expect(result.status == 0, "\(result)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        let first = try json(lines[0]), second = try json(lines[1]), third = try json(lines[2])
        #expect(first["code"] as? String == "InvalidHashValue")
        #expect(first["target"] as? String == "t-1")
        #expect(second["code"] as? String == "ResourceNotFound")
        #expect(second["matched"] as? Bool == false)
        #expect(second["target"] as? String == "t-2")
        #expect(second["hint"] as? String != nil)
        #expect(third["code"] is NSNull)
        #expect((third["envelope"] as? [String: Any])?["format"] as? String == "html")
    }

    @Test func controlCharactersNeverReachTheTerminalRaw() throws {
        let result = try Errcat.run(["parse", "Hash value \u{1B}]0;pwned\u{07}\u{1B}[2J is invalid."])
        #expect(result.status == 0)
        #expect(!result.stdout.contains("\u{1B}"))
        #expect(!result.stdout.contains("\u{07}"))
        #expect(result.stdout.contains("\\u{1B}]0;pwned\\u{7}"))
    }

    @Test func badArguments() throws {
        let locale = try Errcat.run(["parse", "--locale", "fr", "x"])
        #expect(locale.status == 2)
        #expect(locale.stderr.contains("--locale 'fr' is not a locale of the catalog; use auto or one of: en, de"))
        let code = try Errcat.run(["parse", "--code", "InvalidHash", "x"])
        #expect(code.status == 2)
        #expect(code.stderr.contains("did you mean 'InvalidHashValue'"))
        let both = try Errcat.run(["parse", "--ndjson", "x"])
        #expect(both.status != 0)
        #expect(both.stderr.contains("--ndjson reads error bodies from standard input"))
    }
}

@Suite struct ExplainTranslateTests {
    @Test func explainsABodyInGerman() throws {
        let body = #"{"error":{"code":"InvalidHashValue","message":"Hash value xyz is invalid.","target":"43f4cb08-8fac-4b65-9db1-745c2ae65f3a"}}"#
        let result = try Errcat.run(["explain", "--locale", "de"], stdin: body)
        #expect(result.status == 0, "\(result)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0] == "Meldung     Der Hashwert xyz ist ungültig.")
        #expect(lines[1] == "Original    Hash value xyz is invalid.")
        #expect(lines[2] == "Code        InvalidHashValue")
        #expect(lines[3] == "HTTP-Status 400")
        #expect(lines[4] == "Tracking-ID 43f4cb08-8fac-4b65-9db1-745c2ae65f3a")
        #expect(lines.contains { $0.hasPrefix("Hinweis     ") })
        #expect(lines.last == "Anmerkung   'xyz' ist kein gültiger Wert vom Typ hash: 'x' ist keine Hexadezimalziffer. Erwartet: ein MD5-, SHA-1- oder SHA-256-Hash: 32, 40 oder 64 Hexadezimalziffern. (hash)")
    }

    @Test func unknownMessageKeepsTheEnvelopesCodeAndStatusIsCrossChecked() throws {
        let body = #"{"error":{"code":"ResourceNotFound","message":"Something odd happened","target":"|8b7d5947-428b0a9cb9bb1600."}}"#
        let result = try Errcat.run(["explain", "--status", "400", "--json"], stdin: body)
        #expect(result.status == 0, "\(result)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["code"] as? String == "ResourceNotFound")
        #expect(object["status"] as? Int == 404)
        #expect(object["statusAgrees"] as? Bool == false)
        #expect(object["target"] as? String == "|8b7d5947-428b0a9cb9bb1600.")
        #expect(object["matched"] as? Bool == false)
        #expect(object["hint"] is String)
    }

    @Test func notesAreInTheReadersLanguage() throws {
        let body = #"{"error":{"code":"ResourceNotFound","message":"Something odd happened","target":"t"}}"#
        let german = try Errcat.run(["explain", "--locale", "de", "--status", "400"], stdin: body)
        #expect(german.stdout.contains("Anmerkung   Die Meldung passt zu keiner Vorlage von ResourceNotFound\n"), "\(german)")
        #expect(german.stdout.contains("Anmerkung   HTTP-Status 400 weicht vom Katalogwert 404 für ResourceNotFound ab\n"))
        let english = try Errcat.run(["explain", "--status", "400"], stdin: body)
        #expect(english.stdout.contains("Note        the message matches no template of ResourceNotFound\n"))
        let html = try Errcat.run(["explain", "--locale", "de"], stdin: "<html><head><title>502 Bad Gateway</title></head></html>")
        #expect(html.stdout.contains("Anmerkung   Der Antworttext ist eine HTML-Seite, kein API-Fehler (ein Proxy oder Gateway hat geantwortet): 502 Bad Gateway"))
    }

    @Test func explainFromAFileAndErrors() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("body-\(UUID().uuidString).json")
        try #"{"Message": "Request body is incorrect"}"#.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try Errcat.run(["explain", file.path])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("Code        InvalidRequestBody"))
        let missing = try Errcat.run(["explain", "/nonexistent.json"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("cannot read '/nonexistent.json': no such file"))
        let html = try Errcat.run(["explain"], stdin: "<html><head><title>502 Bad Gateway</title></head></html>")
        #expect(html.status == 1)
        #expect(html.stdout.contains("the body is an HTML page"))
    }

    @Test func explainsAWholeHTTPResponse() throws {
        let response = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 429 Too Many Requests\r\nRetry-After: 30\r\nx-ms-request-id: 1234-abcd\r\n\r\n"
            + #"{"error":{"code":"TooManyRequests","message":"Slow down","target":"8b7d5947-428b-0a9c-b9bb-1600aa55ee11"}}"#
        let text = try Errcat.run(["explain", "--locale", "de"], stdin: response)
        #expect(text.status == 0, "\(text)")
        #expect(text.stdout.contains("HTTP-Status 429\n"))
        #expect(text.stdout.contains("Request-ID  1234-abcd\n"))
        #expect(text.stdout.contains("Erneut nach 30 Sekunden\n"))
        let json = try Errcat.run(["explain", "--json"], stdin: response.replacingOccurrences(of: "429 Too Many Requests", with: "503 Service Unavailable"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["httpStatus"] as? Int == 503)
        #expect(object["statusAgrees"] as? Bool == false)
        #expect(object["retryAfter"] as? String == "30")
        #expect(object["requestId"] as? String == "1234-abcd")
    }

    @Test func translatesBothWays() throws {
        let toGerman = try Errcat.run(["translate", "Maximum batch size exceeded. Received: 1200, allowed: 1000.", "--to", "de"])
        #expect(toGerman.stdout == "Die maximale Batchgröße wurde überschritten. Empfangen: 1.200, zulässig: 1.000.\n", "\(toGerman)")
        let toEnglish = try Errcat.run(["translate", "Die maximale Batchgröße wurde überschritten. Received: 1.200 , allowed: 1.000.", "--to", "en"])
        #expect(toEnglish.stdout == "Maximum batch size exceeded. Received: 1,200, allowed: 1,000.\n", "\(toEnglish)")
        let unmatched = try Errcat.run(["translate", "no such message", "--to", "de"])
        #expect(unmatched.status == 1)
        #expect(unmatched.stderr.contains("error: the message matches no template, so it cannot be translated"))
    }
}

@Suite struct ProgressBarTests {
    /// `script` (util-linux, essential on Debian) gives the tool a terminal on standard error while
    /// standard input is a file: the only case that shows a progress bar.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func progressBarOnATerminalForAFileOnStandardInput() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("errcat-progress-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("in.log"), output = directory.appendingPathComponent("out.txt")
        try (0..<5000).map { "Hash value h\($0) is invalid." }.joined(separator: "\n").write(to: input, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qc", "'\(Errcat.executable.path)' parse < '\(input.path)' > '\(output.path)'", "/dev/null"]
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let terminal = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(terminal.contains("100%  5000 lines"), "\(terminal)")
        let results = try String(contentsOf: output, encoding: .utf8).split(separator: "\n")
        #expect(results.count == 5000)
        #expect(results.allSatisfy { $0.hasPrefix("InvalidHashValue 400 en docs hash=h") })
        #expect(!results.joined().contains("%"), "the bar goes to standard error only")
    }
}
