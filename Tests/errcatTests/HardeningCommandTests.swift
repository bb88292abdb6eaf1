import Foundation
import Testing

/// A copy of the bundled catalog in a temporary directory, edited as JSON (en.json, de.json).
struct CatalogCopy {
    let directory: URL

    init(edit: (_ locale: String, _ document: inout [String: Any]) throws -> Void = { _, _ in }) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("errcat-hardening-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for locale in ["en", "de"] {
            let source = Errcat.packageRoot.appendingPathComponent("Catalogs/defender/\(locale).json")
            var document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: source)) as? [String: Any])
            try edit(locale, &document)
            try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys])
                .write(to: directory.appendingPathComponent("\(locale).json"))
        }
    }

    var path: String { directory.path }

    /// Applies `change` to the code entry `code` of the document.
    static func editCode(_ code: String, in document: inout [String: Any], _ change: (inout [String: Any]) -> Void) {
        var codes = document["codes"] as! [[String: Any]]
        let index = codes.firstIndex { $0["code"] as? String == code }!
        change(&codes[index])
        document["codes"] = codes
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}

@Suite("Hardening: limits end to end")
struct LimitCommandTests {
    /// Issue 10.1: a template with 300 slots passed `check` and then trapped the matcher (exit 132).
    @Test func templateOverTheSlotLimitIsAnErrorNotATrap() throws {
        let slots = 300
        let catalog = try CatalogCopy { locale, document in
            var codes = document["codes"] as! [[String: Any]]
            let pattern = (0..<slots).map { "\(locale == "en" ? "v" : "w")\($0)={p\($0)}" }.joined(separator: " ") + "."
            var entry: [String: Any] = ["code": "Wide", "templates": [["id": "docs", "pattern": pattern]], "description": "d", "hint": "h"]
            if locale == "en" {
                entry["status"] = 400
                entry["placeholders"] = (0..<slots).map { ["name": "p\($0)", "type": "integer"] }
            }
            codes.append(entry)
            document["codes"] = codes
        }
        defer { catalog.remove() }
        // The loader refuses it (CatalogLimits), naming the limits, before any matcher is built.
        for arguments in [["parse", "Machine 1 was not found"], ["translate", "Machine 1 was not found", "--to", "de"], ["check"]] {
            let result = try Errcat.run(arguments + ["--catalog", catalog.path])
            let said = result.stderr + result.stdout   // `check` lists the problems on standard output
            #expect(result.status != 0 && result.status != 132, "\(result)")
            #expect(said.contains("uses placeholders 300 times, more than the 64 a template may"), "\(result)")
            #expect(said.contains("CatalogLimits.argumentsPerTemplate"), "\(result)")
            #expect(said.contains("300 placeholders are declared, more than the 32"), "\(result)")
            #expect(said.split(separator: "\n").count <= 25, "one screen: \(result)")
            #expect(said.split(separator: "\n").allSatisfy { $0.unicodeScalars.count <= 200 }, "no line runs off the screen: \(result)")
        }
    }

    /// Issue 10.4: a line over 1 MiB was cut and parsed as a different message.
    @Test func overlongLineIsReportedWithByHowMuch() throws {
        let long = String(repeating: "a", count: (1 << 20) + 100)
        let result = try Errcat.run(["parse"], stdin: long + "\nMachine 1 was not found\n")
        #expect(result.status == 1, "\(result)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first == "line 1: not parsed: the line is 1048676 bytes, 100 over the limit of 1048576 bytes")
        #expect(lines.last?.hasPrefix("ResourceNotFound") == true)
        #expect(result.stderr.contains("1 input line was too long to parse (first: line 1)"))
    }

    @Test func overlongLineInJSONStreamIsAnErrorObject() throws {
        let long = String(repeating: "é", count: (1 << 19) + 1) // 2 bytes each: 1 MiB + 2
        let result = try Errcat.run(["parse", "--json"], stdin: "Machine 1 was not found\r\n" + long + "\r\n")
        #expect(result.status == 1, "\(result)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
        #expect(object["line"] as? Int == 2)
        #expect(object["bytes"] as? Int == (1 << 20) + 2)
        #expect(object["limit"] as? Int == 1 << 20)
        #expect(object["error"] as? String == "line too long")
    }

    /// `--ndjson` bodies may be larger than a message line: up to the body limit (16 MiB).
    @Test func ndjsonReadsBodiesLargerThanAMessageLine() throws {
        let padding = String(repeating: "x", count: (1 << 20) + 10)
        let body = "{\"pad\":\"\(padding)\",\"error\":{\"code\":\"InvalidHashValue\",\"message\":\"Hash value xyz is invalid.\"}}"
        let result = try Errcat.run(["parse", "--ndjson", "--json"], stdin: body + "\n")
        #expect(result.status == 0, "\(result)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["code"] as? String == "InvalidHashValue", "\(result.stdout.prefix(300))")
    }

    @Test func explainRefusesABodyOverTheLimitAndSaysTheLimit() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("big-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(repeating: 0x20, count: (16 << 20) + 1).write(to: file)
        let result = try Errcat.run(["explain", file.path])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("larger than 16777216 bytes (16 MiB)"), "\(result)")
    }
}

@Suite("Hardening: no raw control characters on the terminal")
struct TerminalSafetyCommandTests {
    static let hostile = "\u{1B}]0;pwned\u{07}\u{1B}[2J\u{202E}\u{0}\u{9B}31m\u{2066}\u{E0041}\u{200B}\u{061C}\u{2063}"

    /// Nothing of `hostile` is left raw: no ESC, BEL, NUL, C1 CSI, bidi, tag or zero-width character.
    static func expectClean(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for scalar in text.unicodeScalars where scalar != "\n" {
            let raw = scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) || scalar.properties.generalCategory == .format
                || scalar.properties.isDefaultIgnorableCodePoint
            #expect(!raw, "raw U+\(String(scalar.value, radix: 16, uppercase: true)) in output", sourceLocation: sourceLocation)
        }
    }

    @Test func translateShowsServerEscapesAsText() throws {
        // (An argument cannot hold NUL: the C string ends there.)
        let result = try Errcat.run(["translate", "Invalid input \(Self.hostile.replacingOccurrences(of: "\u{0}", with: "")).", "--to", "de"])
        #expect(result.status == 0, "\(result)")
        Self.expectClean(result.stdout)
        Self.expectClean(result.stderr)
        #expect(result.stdout.contains("\\u{1B}]0;pwned\\u{7}\\u{1B}[2J\\u{202E}\\u{9B}31m\\u{2066}\\u{E0041}\\u{200B}\\u{61C}\\u{2063}"), "\(result)")
    }

    @Test func catalogTextIsSanitisedInShowExplainAndReview() throws {
        let catalog = try CatalogCopy { locale, document in
            document["catalog"] = "defender\(Self.hostile)"
            CatalogCopy.editCode("InvalidHashValue", in: &document) { entry in
                entry["description"] = "Meaning \(Self.hostile) end"
                entry["hint"] = "Hint \(Self.hostile) end"
            }
        }
        defer { catalog.remove() }
        let show = try Errcat.run(["show", "InvalidHashValue", "--catalog", catalog.path])
        #expect(show.stdout.contains("Meaning \\u{1B}]0;pwned"), "\(show)")
        Self.expectClean(show.stdout)
        let body = #"{"error":{"code":"InvalidHashValue","message":"Hash value xyz is invalid."}}"#
        let explain = try Errcat.run(["explain", "--catalog", catalog.path], stdin: body)
        #expect(explain.stdout.contains("Hint \\u{1B}]0;pwned"), "\(explain)")
        Self.expectClean(explain.stdout)
        let review = try Errcat.run(["review", "--catalog", catalog.path])
        Self.expectClean(review.stdout)
        Self.expectClean(review.stderr)
        #expect(review.stdout.contains("review of defender\\u{1B}]0;pwned"), "\(review)")
        let reviewJSON = try Errcat.run(["review", "--catalog", catalog.path, "--format", "json"])
        Self.expectClean(reviewJSON.stdout)
        Self.expectClean(reviewJSON.stderr)
        // The JSON still holds the catalog's name exactly (escaped as JSON, not altered).
        let object = try #require(try JSONSerialization.jsonObject(with: Data(reviewJSON.stdout.utf8)) as? [String: Any])
        #expect(object["catalog"] as? String == "defender\(Self.hostile)")
    }

    @Test func parseJSONKeepsTheValueButNotTheRawCharacters() throws {
        let message = "Invalid input a\u{202E}b\u{E0041}."
        let single = try Errcat.run(["parse", "--json", message])
        let streamed = try Errcat.run(["parse", "--json"], stdin: message + "\n")
        for result in [single, streamed] {
            Self.expectClean(result.stdout)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result)")
            #expect(object["input"] as? String == message)
        }
    }
}

@Suite("Hardening: report and export output files")
struct ReportOutputCommandTests {
    @Test func failingOutputSaysWhatAndOnlyOnce() throws {
        let result = try Errcat.run(["review", "-o", "/nonexistent-dir-\(UUID().uuidString)/report.txt"])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.hasPrefix("error: cannot write '/nonexistent-dir-"), "\(result)")
        #expect(result.stderr.contains("does not exist"), "\(result)")
        #expect(!result.stderr.contains("error: error:"), "\(result)")
        #expect(!result.stderr.contains("catalog on disk"), "\(result)")
    }

    @Test func dashAndDevStdoutWriteToStandardOutput() throws {
        for output in ["-", "/dev/stdout"] {
            let review = try Errcat.run(["review", "--format", "json", "-o", output])
            #expect(review.status == 0, "\(output): \(review)")
            #expect(review.stdout.contains("\"findings\""), "\(output): \(review)")
            let export = try Errcat.run(["export", "--format", "po", "-o", output])
            #expect(export.status == 0, "\(output): \(export)")
            #expect(export.stdout.contains("msgctxt \"InvalidHashValue/docs\""), "\(output): \(export)")
        }
    }

    @Test func reportReplacesAFileAtomicallyKeepingItsMode() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        let result = try Errcat.run(["review", "--format", "json", "-o", path])
        #expect(result.status == 0, "\(result)")
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("\"findings\""))
        #expect((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) == 0o600)
    }

    @Test func readOnlyReportFileIsRefused() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString).txt").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        let result = try Errcat.run(["export", "-o", path])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("read-only (mode 0444)"), "\(result)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
    }
}

@Suite("Hardening: format → parse with edge values, end to end")
struct EdgeValueCommandTests {
    @Test(arguments: ["", ".NET", ", x", "; y", ":8080", "!z", "?q", "   "])
    func parseGivesBackTheCodeAndValue(value: String) throws {
        let formatted = try Errcat.run(["format", "InvalidInput", "input=\(value)"])
        #expect(formatted.status == 0, "\(formatted)")
        let text = String(formatted.stdout.dropLast())
        let parsed = try Errcat.run(["parse", "--json", text])
        #expect(parsed.status == 0, "\(parsed)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(parsed.stdout.utf8)) as? [String: Any])
        #expect(object["code"] as? String == "InvalidInput", "\(text)")
        #expect(object["exact"] as? Bool == true, "\(text)")
        let args = try #require(object["args"] as? [String: [String: Any]])
        #expect(args["input"]?["text"] as? String == value, "\(text)")
    }

    /// The text output quotes a value that is empty or has spacing at an end, so it can be seen.
    @Test func textOutputQuotesEmptyAndBlankValues() throws {
        let empty = try Errcat.run(["parse", "Unauthorized request - reason of failure:"])
        #expect(empty.status == 0, "\(empty)")
        #expect(empty.stdout == """
            Unauthorized (HTTP 401), locale en, variant 1 "reason", tolerant: whitespace
              reason = ""  (string)

            """)
        let blank = try Errcat.run(["parse", "Invalid input  ."])
        #expect(blank.stdout.contains("input = \" \"  (string;"), "\(blank)")
        let plain = try Errcat.run(["parse", "Invalid input x."])
        #expect(plain.stdout.contains("input = x  (string;"), "\(plain)")
    }

    /// The issue's example: an empty IP address.
    @Test func emptyValueInTheMiddle() throws {
        let parsed = try Errcat.run(["parse", "--json", "IP address  is invalid."])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(parsed.stdout.utf8)) as? [String: Any])
        #expect(object["code"] as? String == "InvalidIpAddress", "\(parsed)")
        #expect(object["exact"] as? Bool == true)
        let args = try #require(object["args"] as? [String: [String: Any]])
        #expect(args["ipAddress"]?["text"] as? String == "")
    }
}

@Suite("Hardening: argument errors are sanitised too")
struct ArgumentErrorCommandTests {
    @Test func unknownOptionWithEscapesIsShownEscaped() throws {
        let result = try Errcat.run(["parse", "--x\u{1B}]0;pwned\u{07}\u{202E}"])
        #expect(result.status == 64, "\(result)")
        TerminalSafetyCommandTests.expectClean(result.stderr)
        #expect(result.stderr.contains("--x\\u{1B}]0;pwned\\u{7}\\u{202E}"), "\(result)")
    }

    @Test func helpStillGoesToStandardOutput() throws {
        let result = try Errcat.run(["parse", "--help"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("USAGE: errcat parse"), "\(result)")
    }
}

@Suite("Hardening: crashes found by fuzzing, end to end")
struct FuzzFindingCommandTests {
    /// `import` of an XLIFF with `<?pi?>` crashed errcat (SIGSEGV inside FoundationXML, exit 139).
    @Test func importOfAProcessingInstructionIsAnError() throws {
        let catalog = try CatalogCopy()
        defer { catalog.remove() }
        let file = catalog.directory.appendingPathComponent("pi.xlf")
        try #"<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><?pi?></xliff>"#.write(to: file, atomically: true, encoding: .utf8)
        let result = try Errcat.run(["import", file.path, "--catalog", catalog.path])
        #expect(result.status == 1 || result.status == 2, "\(result)")
        #expect(result.stderr.contains("a processing instruction"), "\(result)")
    }
}
