import Foundation
import Testing
@testable import ErrorCatalog

/// The JSON reader under the catalog document: positions, escapes, and every syntax error with its place.
@Suite struct JSONReaderTests {
    func parse(_ text: String) throws(JSONSyntaxError) -> JSONNode { try JSONReader.parse(text) }

    func error(_ text: String) -> JSONSyntaxError? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func positionsCountLinesAndUnicodeScalars() throws {
        let node = try parse("{\n  \"ä€😀\": [1, \"x\"],\n  \"b\": null\n}")
        guard case .object(let members, let start) = node else { Issue.record("not an object"); return }
        #expect(start == SourcePosition(line: 1, column: 1, offset: 0))
        #expect(members.map(\.key) == ["ä€😀", "b"])
        #expect(members[0].keyPosition.line == 2 && members[0].keyPosition.column == 3)
        guard case .array(let items, let arrayStart) = members[0].value else { Issue.record("not an array"); return }
        // `  "ä€😀": [` — the bracket is the 10th scalar of the line, though the 16th byte.
        #expect(arrayStart.line == 2 && arrayStart.column == 10 && arrayStart.offset == 17)
        #expect(items[1].position.column == 14)
        #expect(members[1].keyPosition == SourcePosition(line: 3, column: 3, offset: members[1].keyPosition.offset))
    }

    @Test func escapesDecodeAndMapBackToFileColumns() throws {
        let node = try parse(#"{"p": "a\"b\u00e9\uD83D\uDE00\\{x"}"#)
        guard case .object(let members, _) = node, case .string(let text, let location) = members[0].value else {
            Issue.record("no string")
            return
        }
        #expect(text == "a\"bé😀\\{x")
        // Decoded offset 6 is the `{`: raw text `a\"b\u00e9\uD83D\uDE00\\` before it is 24 scalars, after the quote at column 7.
        #expect(location.position(atScalarOffset: 6).column == 7 + 1 + 24)
        #expect(location.position(atScalarOffset: 0).column == 8)
    }

    @Test(arguments: [
        ("{\"a\": 1,}", 1, 9, "a comma before '}'"),
        ("[1, 2,]", 1, 7, "a comma before ']'"),
        ("{\"a\": 01}", 1, 8, "leading zero"),
        ("{\"a\": \"x\ny\"}", 1, 9, "a line break inside text"),
        ("{\"a\": \"unterminated", 1, 20, "the file ends inside text"),
        ("{\"a\" 1}", 1, 6, "after the key \"a\""),
        ("{'a': 1}", 1, 2, "single quote"),
        ("{\"a\": \"\\uD800x\"}", 1, 8, "lone surrogate"),
        ("{\"a\": \"\\q\"}", 1, 8, "unknown escape"),
        ("{\"a\": 1} x", 1, 10, "after the end"),
        ("{\"a\": tru}", 1, 7, "unexpected"),
        ("", 1, 1, "ends where a value was expected"),
    ])
    func syntaxErrorsSayWhatAndWhere(text: String, line: Int, column: Int, message: String) {
        let found = error(text)
        #expect(found != nil, "accepted \(text)")
        #expect(found?.position.line == line, "\(text): \(String(describing: found))")
        #expect(found?.position.column == column, "\(text): \(String(describing: found))")
        #expect(found?.message.contains(message) == true, "\(text): \(found?.message ?? "")")
        #expect(found?.expected.isEmpty == false)
    }

    @Test func nestingIsBoundedAndAByteOrderMarkIsSkipped() throws {
        let deep = String(repeating: "[", count: JSONReader.maximumDepth + 1) + String(repeating: "]", count: JSONReader.maximumDepth + 1)
        #expect(error(deep)?.message.contains("deeper than \(JSONReader.maximumDepth)") == true)
        let fine = String(repeating: "[", count: JSONReader.maximumDepth) + String(repeating: "]", count: JSONReader.maximumDepth)
        _ = try parse(fine)
        let withBOM = try parse("\u{FEFF}{\"a\": true}")
        guard case .object(let members, _) = withBOM, case .bool(true, _) = members.first?.value else {
            Issue.record("BOM not skipped")
            return
        }
    }

    @Test func invalidUTF8IsReportedWithItsPosition() {
        var bytes = Array("{\n  \"locale\": \"de\",\n  \"codes\": [\"".utf8)
        bytes += [0xC3, 0x28]
        bytes += Array("\"]\n}".utf8)
        var problems: [CatalogProblem] = []
        let file = CatalogDocument.readFile(bytes: Data(bytes), name: "de.json", problems: &problems)
        #expect(file == nil)
        #expect(problems.first?.check == "io")
        #expect(problems.first?.line == 3)
        #expect(problems.first?.column == 14)
        #expect(problems.first?.message.contains("not valid UTF-8") == true)
    }
}

@Suite struct CatalogDocumentTests {
    @Test func theBundledFilesReadBackAndWriteOutByteForByte() throws {
        for name in ["en.json", "de.json"] {
            let path = bundledCatalogPath + "/" + name
            let text = try String(contentsOfFile: path, encoding: .utf8)
            var problems: [CatalogProblem] = []
            let file = try #require(CatalogDocument.readFile(bytes: Data(text.utf8), name: name, problems: &problems))
            #expect(problems.isEmpty, "\(problems)")
            #expect(CatalogWriter.text(of: file) == text, "\(name) does not round-trip through the document and the writer")
        }
    }

    @Test func everyPartKeepsItsPosition() throws {
        let (document, problems) = CatalogDocument.read(files: ["en.json": sourceJSON, "de.json": germanJSON])
        #expect(problems.isEmpty)
        let source = try #require(document.source)
        #expect(source.localePosition?.line == 3)
        let code = try #require(source.code("MaximumBatchSizeExceeded"))
        #expect(code.position?.line == 14 && code.position?.column == 15)
        #expect(code.placeholders?.first?.position?.line == 16)
        let template = try #require(code.templates.first)
        #expect(template.patternLocation?.start.line == 17)
        #expect(code.descriptionLocation?.start.line == 18 && code.hintLocation?.start.line == 19)
        let german = try #require(document.file(locale: "DE")?.code("InvalidHashValue"))
        #expect(german.templates.first?.from == "Hash value {hash} is invalid.")
        #expect(document.translations.map(\.locale) == ["de"])
    }

    @Test func problemsOfFormComeWithPositionsAndTheRestIsKept() {
        let broken = sourceJSON
            .replacingOccurrences(of: "\"description\": \"Bad hash.\"", with: "\"description\": 7, \"description\": \"again\"")
            .replacingOccurrences(of: "\"rejected\": true", with: "\"rejected\": \"yes\"")
        let (document, problems) = CatalogDocument.read(files: ["en.json": broken])
        let byCheck = Dictionary(grouping: problems, by: \.check)
        #expect(byCheck["duplicate-key"]?.first?.line == 10, "\(problems)")
        #expect(byCheck["json"]?.first?.message == "\"description\" is a number, not text")
        #expect(byCheck["json"]?.first?.line == 10 && byCheck["json"]?.first?.column == 22)
        #expect(byCheck["placeholder"]?.first?.message.contains("\"rejected\" of 'hash'") == true)
        #expect(document.source?.codes.count == 2, "the readable rest is kept")
    }

    @Test func aCatalogWithAnErrorInEveryCodeReportsThemAllWithPositions() {
        var en = "{\"locale\": \"en\", \"codes\": ["
        var de = "{\"locale\": \"de\", \"codes\": ["
        let count = 2_000
        for index in 0..<count {
            let comma = index == 0 ? "" : ","
            en += comma + "{\"code\": \"E\(index)\", \"status\": 400, \"placeholders\": [{\"name\": \"v\", \"type\": \"string\"}], \"templates\": [{\"id\": \"docs\", \"pattern\": \"E\(index) {v} {w}\"}]}"
            de += comma + "{\"code\": \"E\(index)\", \"templates\": [{\"id\": \"docs\", \"pattern\": \"E\(index) {v\"}]}"
        }
        en += "]}"
        de += "]}"
        let problems = loadProblems(["en.json": en, "de.json": de])
        #expect(problems.filter { $0.check == "unknown-placeholder" }.count == count)
        #expect(problems.filter { $0.check == "syntax" && $0.file == "de.json" }.count == count)
        #expect(problems.allSatisfy { $0.line == 1 && $0.column != nil }, "every problem points into the one-line file")
        let last = problems.last { $0.check == "syntax" }
        #expect(last?.code == "E\(count - 1)")
    }

    @Test func limitsAreCheckedWithAMessageNamingThem() {
        let many = (0...CatalogLimits.argumentsPerTemplate).map { _ in "{hash}" }.joined(separator: " ")
        let en = sourceJSON.replacingOccurrences(of: "Hash value {hash} is invalid.", with: many)
        let problems = loadProblems(["en.json": en, "de.json": germanJSON])
        let limit = problems.first { $0.check == "limit" }
        #expect(limit?.code == "InvalidHashValue")
        #expect(limit?.message.contains("more than the \(CatalogLimits.argumentsPerTemplate)") == true)
        #expect(limit?.expected?.contains("CatalogLimits.argumentsPerTemplate") == true)
        #expect(limit?.patternRange?.start == CatalogLimits.argumentsPerTemplate * 7)

        let templates = (0...CatalogLimits.templatesPerCode).map { "{ \"id\": \"v\($0)\", \"pattern\": \"Hash {hash} number \($0).\" }" }
        let crowded = sourceJSON.replacingOccurrences(of: "[ { \"id\": \"docs\", \"pattern\": \"Hash value {hash} is invalid.\" } ]",
                                                      with: "[ " + templates.joined(separator: ", ") + " ]")
        #expect(loadProblems(["en.json": crowded, "de.json": germanJSON]).contains { $0.check == "limit" && $0.message.contains("\(CatalogLimits.templatesPerCode + 1) templates") })
    }

    @Test func aMergedDocumentValidatesWithoutTouchingDisk() throws {
        var (document, _) = CatalogDocument.read(files: ["en.json": sourceJSON, "de.json": germanJSON])
        let index = try #require(document.files.firstIndex { $0.locale == "de" })
        let codeIndex = try #require(document.files[index].codeIndex("InvalidHashValue"))
        document.files[index].codes[codeIndex].templates[0].pattern = "Hash {hsh} falsch."
        do {
            _ = try Catalog.load(document: document)
            Issue.record("loaded a translation with an unknown placeholder")
        } catch {
            #expect(error.problems.contains { $0.check == "unknown-placeholder" && $0.file == "de.json" })
            #expect(error.problems.contains { $0.check == "missing-placeholder" })
        }
    }

    @Test func theWriterReplacesAFileAtomicallyAndKeepsTheLayout() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("errcat-writer-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (document, _) = CatalogDocument.read(files: ["en.json": sourceJSON, "de.json": germanJSON])
        let german = try #require(document.file(locale: "de"))
        let path = try CatalogWriter.write(german, into: directory)
        #expect(path == directory + "/de.json")
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written == CatalogWriter.text(of: german))
        #expect(written.hasPrefix("{\n  \"catalog\": \"mini\",\n  \"locale\": \"de\",\n  \"codes\": [\n    {\n      \"code\": \"InvalidHashValue\",\n      \"templates\": [\n        {\n          \"id\": \"docs\","))
        let (reread, problems) = CatalogDocument.read(directory: directory)
        #expect(problems.isEmpty)
        #expect(reread.files.first?.codes == german.codes.map { code in
            var copy = code
            copy.position = reread.files.first?.code(code.code)?.position
            copy.descriptionLocation = reread.files.first?.code(code.code)?.descriptionLocation
            copy.hintLocation = reread.files.first?.code(code.code)?.hintLocation
            copy.templates = zip(code.templates, reread.files.first?.code(code.code)?.templates ?? []).map { original, read in
                var template = original
                template.position = read.position
                template.patternLocation = read.patternLocation
                template.noteLocation = read.noteLocation
                return template
            }
            return copy
        })
        #expect(throws: CatalogWriteError.self) { try CatalogWriter.write(german, into: directory + "/no/such/dir") }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == written, "a failed write leaves the file as it was")
    }
}
