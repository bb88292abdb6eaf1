import Foundation
import Testing
import ErrorCatalog
@testable import CatalogReview

@Suite("PO and XLIFF exchange")
struct ExchangeTests {
    static func bundled() throws -> CatalogDocument {
        let (raw, problems) = CatalogDocument.read(files: try Fixture.bundledFiles())
        #expect(problems.isEmpty)
        return raw
    }

    @Test func theWriterReproducesTheBundledTranslationByteForByte() throws {
        let files = try Fixture.bundledFiles()
        let raw = try Self.bundled()
        #expect(raw.file(locale: "de").map(CatalogWriter.text(of:)) == files["de.json"])
    }

    @Test(arguments: ExchangeFormat.allCases)
    func exportThenImportGivesAnIdenticalCatalog(_ format: ExchangeFormat) throws {
        let files = try Fixture.bundledFiles()
        let raw = try Self.bundled()
        let exported = try CatalogExchange.export(raw: raw, locale: "de", format: format)
        let document = try CatalogExchange.read(text: exported, fileName: "de.\(format == .po ? "po" : "xlf")")
        #expect(document.locale == "de")
        let source = try #require(raw.source)
        let expected = source.codes.reduce(0) { $0 + $1.templates.count + ($1.description == nil ? 0 : 1) + ($1.hint == nil ? 0 : 1) }
        #expect(document.units.count == expected, "templates + descriptions + hints")
        #expect(expected > 60)
        let merged = try CatalogExchange.merge(document, into: raw, fileName: "x")
        #expect(CatalogWriter.text(of: merged.file) == files["de.json"])
        #expect(merged.changed == 0)
    }

    @Test(arguments: ExchangeFormat.allCases)
    func staleTranslationsKeepWhatTheyWereMadeFrom(_ format: ExchangeFormat) throws {
        var files = try Fixture.bundledFiles()
        files["de.json"] = files["de.json"]!.replacingOccurrences(of: "\"from\": \"Hash value {hash} is invalid.\"",
                                                                  with: "\"from\": \"Hash {hash} is invalid.\"")
        let (raw, _) = CatalogDocument.read(files: files)
        let exported = try CatalogExchange.export(raw: raw, locale: "de", format: format)
        switch format {
        case .po: #expect(exported.contains("#| msgid \"Hash {hash} is invalid.\""))
        case .xliff: #expect(exported.contains("alttranstype=\"previous-version\""))
        case .xliff2:
            #expect(exported.contains("<note category=\"previous-source\">Hash {hash} is invalid.</note>"))
            #expect(exported.contains("<segment state=\"translated\" subState=\"errcat:needs-review\">"))
        }
        let merged = try CatalogExchange.merge(try CatalogExchange.read(text: exported, fileName: format == .po ? "a.po" : "a.xlf"),
                                               into: raw, fileName: "x")
        #expect(CatalogWriter.text(of: merged.file) == files["de.json"])
    }

    @Test func specialCharactersSurviveBothFormats() throws {
        let tricky = "Zeile 1\n\t„Anführung“ \"quote\" \\ <b>&amp; '{'literal'}' {hash} ist ungültig."
        let files = Fixture.catalog(source: "Hash value {hash} is invalid.", target: tricky)
        let (raw, _) = CatalogDocument.read(files: files)
        for format in ExchangeFormat.allCases {
            let exported = try CatalogExchange.export(raw: raw, locale: "de", format: format)
            let document = try CatalogExchange.read(text: exported, fileName: format == .po ? "a.po" : "a.xlf")
            #expect(document.units.first?.target == tricky, "\(format)")
        }
    }

    @Test func aChangedTranslationIsImported() throws {
        let raw = try Self.bundled()
        var po = try CatalogExchange.export(raw: raw, locale: "de", format: .po)
        po = po.replacingOccurrences(of: "msgstr \"Der Hashwert {hash} ist ungültig.\"", with: "msgstr \"Hashwert {hash} ungültig.\"")
        let merged = try CatalogExchange.merge(try CatalogExchange.read(text: po, fileName: "de.po"), into: raw, fileName: "de.po")
        #expect(merged.changed == 1)
        #expect(merged.file.code("InvalidHashValue")?.templates.first?.pattern == "Hashwert {hash} ungültig.")
    }

    static let hostile: [(String, String, String)] = [
        ("bad.xlf", "<?xml version=\"1.0\"?><xliff version=\"1.2\"><file target-language=\"de\"><body><trans-unit id=\"InvalidUrl/docs\"><source>x</source><target>y</targt></trans-unit></body></file></xliff>", "not well-formed XML"),
        ("unknown.po", "msgid \"\"\nmsgstr \"Language: de\\n\"\n\nmsgctxt \"InvalidHashValu/docs\"\nmsgid \"Hash value {hash} is invalid.\"\nmsgstr \"Der Hashwert {hash} ist ungültig.\"\n", "unknown code 'InvalidHashValu' (did you mean 'InvalidHashValue'?)"),
        ("missing.po", "msgid \"\"\nmsgstr \"Language: de\\n\"\n\nmsgctxt \"InvalidHashValue/docs\"\nmsgid \"Hash value {hash} is invalid.\"\nmsgstr \"Der Hashwert ist ungültig.\"\n", "the translation drops {hash}"),
        ("syntax.xlf", "<xliff version=\"1.2\"><file target-language=\"de\"><body><trans-unit id=\"InvalidHashValue/docs\"><source>Hash value {hash} is invalid.</source><target>Der Hashwert {hash ist ungültig.</target></trans-unit></body></file></xliff>", "not valid ICU MessageFormat"),
        ("variant.po", "msgid \"\"\nmsgstr \"Language: de\\n\"\n\nmsgctxt \"InvalidHashValue/nope\"\nmsgid \"x\"\nmsgstr \"y\"\n", "unknown variant 'nope'"),
        ("garbage.po", "msgid \"\"\nmsgstr \"Language: de\\n\"\n\nthis is not a po file\n", "not PO syntax"),
        ("entity.xlf", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><xliff version=\"1.2\"><file target-language=\"de\"><body><trans-unit id=\"InvalidHashValue/docs\"><source>s</source><target>&e; {hash}</target></trans-unit></body></file></xliff>", "entities are refused"),
        ("source.po", "msgid \"\"\nmsgstr \"Language: en\\n\"\n", "into the source locale"),
    ]

    @Test(arguments: hostile)
    func hostileFilesAreRejectedWithWhereAndNeverTouchTheCatalog(name: String, content: String, message: String) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("review-import-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let files = try Fixture.bundledFiles()
        for (file, text) in files { try text.write(toFile: directory + "/" + file, atomically: true, encoding: .utf8) }
        let input = directory + "/" + name
        try content.write(toFile: input, atomically: true, encoding: .utf8)
        do {
            _ = try CatalogExchange.importFile(at: input, catalogDirectory: directory)
            Issue.record("imported \(name)")
        } catch {
            let text = error.description
            #expect(text.contains(message), "\(text)")
            #expect(error.problems.allSatisfy { $0.file == name })
            if name.hasSuffix(".po"), message != "into the source locale" { #expect(error.problems.contains { $0.line != nil }) }
        }
        #expect(try String(contentsOfFile: directory + "/de.json", encoding: .utf8) == files["de.json"])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func hugeInputIsRefusedBeforeParsing() {
        let huge = String(repeating: "#. x\n", count: CatalogExchange.maximumInputBytes / 5 + 10)
        #expect(throws: ImportFailure.self) { try CatalogExchange.read(text: huge, fileName: "huge.po") }
    }

    @Test func importWritesAtomicallyAndTheResultLoads() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("review-import-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for (file, text) in try Fixture.bundledFiles() { try text.write(toFile: directory + "/" + file, atomically: true, encoding: .utf8) }
        let (raw, _) = CatalogDocument.read(directory: directory)
        let xliff = try CatalogExchange.export(raw: raw, locale: "de", format: .xliff)
            .replacingOccurrences(of: "<target state=\"translated\">Die URL {url} ist ungültig.</target>",
                                  with: "<target state=\"translated\">Ungültige URL: {url}.</target>")
        try xliff.write(toFile: directory + "/de.xlf", atomically: true, encoding: .utf8)
        let result = try CatalogExchange.importFile(at: directory + "/de.xlf", catalogDirectory: directory)
        #expect(result.changed == 1)
        let catalog = try Catalog.load(directory: directory)
        #expect(catalog.entry("InvalidUrl")?.localized["de"]?.templates.first?.pattern == "Ungültige URL: {url}.")
    }
}

@Suite("XLIFF 2.0")
struct XLIFF2Tests {
    @Test func unitIdsAreNMTokensAndTheContextIsTheName() throws {
        let (raw, _) = CatalogDocument.read(files: try Fixture.bundledFiles())
        let exported = try CatalogExchange.export(raw: raw, locale: "de", format: .xliff2)
        #expect(exported.contains("<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\" trgLang=\"de\">"))
        #expect(exported.contains("<unit id=\"InvalidHashValue_docs\" name=\"InvalidHashValue/docs\">"))
        #expect(CatalogExchange.guessFormat(text: exported, fileName: "de.xlf") == .xliff2)
        #expect(CatalogExchange.guessFormat(text: try CatalogExchange.export(raw: raw, locale: "de", format: .xliff), fileName: "de.xlf") == .xliff)
        // Every id is unique and an NMTOKEN.
        let ids = exported.components(separatedBy: "<unit id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(Set(ids).count == ids.count && ids.count > 60)
        #expect(ids.allSatisfy { $0.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0)) } })
    }

    @Test func controlCharactersTravelAsCodePoints() throws {
        let target = "Zeile\u{1B}[31m {hash} \u{07}ungültig\r."
        let files = Fixture.catalog(source: "Hash value {hash} is invalid.", target: target)
        let (raw, _) = CatalogDocument.read(files: files)
        let exported = try CatalogExchange.export(raw: raw, locale: "de", format: .xliff2)
        #expect(exported.contains("Zeile<cp hex=\"001B\"/>[31m {hash} <cp hex=\"0007\"/>ungültig<cp hex=\"000D\"/>."))
        let document = try CatalogExchange.read(text: exported, fileName: "a.xlf")
        #expect(document.units.first { $0.context == "InvalidHashValue/docs" }?.target == target)
    }

    @Test(arguments: [
        ("<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\" trgLang=\"de\"><file id=\"f\"><unit id=\"u\" name=\"InvalidHashValue/docs\"><segment><source>a</source><target>b <pc id=\"1\">c</pc></target></segment></unit></file></xliff>", "inline markup <pc>"),
        ("<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\" trgLang=\"de\"><file id=\"f\"><unit id=\"u\" name=\"InvalidHashValue/docs\"><segment><source>a</source></segment><segment><source>b</source></segment></unit></file></xliff>", "more than one <segment>"),
        ("<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\" trgLang=\"de\"><file id=\"f\"><unit id=\"u\"><segment><source>a</source><target>b</target></file></xliff>", "not well-formed XML"),
    ])
    func brokenFilesSayWhatAndWhere(_ text: String, _ message: String) {
        do {
            _ = try CatalogExchange.read(text: text, fileName: "bad.xlf")
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.problems.contains { $0.message.contains(message) && $0.line != nil }, "\(error.problems)")
        }
    }
}
