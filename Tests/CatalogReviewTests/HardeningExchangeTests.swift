import ErrorCatalog
import Foundation
import Testing
@testable import CatalogReview

@Suite("Hardening: PO and XLIFF exchange with hostile and CRLF input")
struct HardeningExchangeTests {
    static func exportedPO() throws -> String {
        let (raw, _) = CatalogDocument.read(files: try Fixture.bundledFiles())
        return try CatalogExchange.export(raw: raw, locale: "de", format: .po)
    }

    /// Issue 10.3: a CRLF (or CR) PO file, which `msgfmt -c` accepts, read as nothing.
    @Test(arguments: ["\r\n", "\r"])
    func crlfAndCRFilesReadLikeLF(lineEnd: String) throws {
        let lf = try Self.exportedPO()
        let other = lf.replacingOccurrences(of: "\n", with: lineEnd)
        let expected = try CatalogExchange.read(text: lf, fileName: "de.po")
        let document = try CatalogExchange.read(text: other, fileName: "de.po")
        #expect(document.locale == "de")
        #expect(document == expected)
        #expect(document.units.count > 60)
    }

    /// An edit in a CRLF file is merged (it was silently dropped: "0 texts changed").
    @Test func crlfEditIsMerged() throws {
        let (raw, _) = CatalogDocument.read(files: try Fixture.bundledFiles())
        let po = try Self.exportedPO().replacingOccurrences(of: "msgstr \"Der Hashwert {hash} ist ungültig.\"",
                                                            with: "msgstr \"Hashwert {hash} ungültig.\"")
            .replacingOccurrences(of: "\n", with: "\r\n")
        let merged = try CatalogExchange.merge(try CatalogExchange.read(text: po, fileName: "de.po"), into: raw, fileName: "de.json")
        #expect(merged.changed == 1)
        #expect(CatalogWriter.text(of: merged.file).contains("\"Hashwert {hash} ungültig.\""))
    }

    static let hostileNames = [
        "evil\"\nmsgid \"injected\"\nmsgstr \"x\"\n",
        "back\\slash \"quote\" %41 \r\nmsgctxt \"A/b\"",
        "de\n\"Language: fr\\n\"",
        "line\u{2028}sep\u{85}nel\u{1B}]0;x\u{7}",
    ]

    static func hostileDocument(_ name: String) -> ExchangeDocument {
        ExchangeDocument(catalog: name, sourceLocale: "en" + name, locale: "de" + name, units: [
            ExchangeUnit(context: "InvalidInput/docs", source: "Invalid input {input}.", target: "Ungültige Eingabe \(name).",
                         notes: ["note one\r\nmsgid \"injected\"\rmsgstr \"\"", "{input}: string"]),
            ExchangeUnit(context: "Code/\(name)", source: name, target: name, previousSource: name, fuzzy: true),
        ])
    }

    /// Issue 10.6: the catalog and locale strings went into the PO header and comments unescaped.
    @Test(arguments: hostileNames)
    func hostilePOStringsStayInsideTheirFields(name: String) throws {
        let document = Self.hostileDocument(name)
        let po = PO.write(document)
        let back = try PO.read(po, fileName: "x.po")
        #expect(back.catalog == document.catalog)
        #expect(back.locale == document.locale)
        #expect(back.sourceLocale == document.sourceLocale)
        #expect(back.units.count == 2, "no entry was injected")
        #expect(back.units.map(\.context) == document.units.map(\.context))
        #expect(back.units.map(\.source) == document.units.map(\.source))
        #expect(back.units.map(\.target) == document.units.map(\.target))
        #expect(back.units[1].previousSource == name)
        // Notes are comment lines: their line breaks split them, nothing else leaks.
        #expect(back.units[0].notes == ["note one", "msgid \"injected\"", "msgstr \"\"", "{input}: string"])
        // Every line of the file is a comment, a keyword line or a quoted continuation.
        for line in PO.lines(po) where !line.isEmpty {
            #expect(line.hasPrefix("#") || line.hasPrefix("msg") || line.hasPrefix("\""), "stray line: \(line)")
        }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/msgfmt"), "GNU gettext's msgfmt"),
          arguments: hostileNames)
    func msgfmtAcceptsTheHostileExport(name: String) throws {
        var document = Self.hostileDocument(name)
        document.units.removeLast() // msgfmt wants a msgctxt without control characters only for its own checks; keep one plain unit
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString).po")
        defer { try? FileManager.default.removeItem(at: file) }
        try PO.write(document).write(to: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/msgfmt")
        process.arguments = ["-c", "-o", "/dev/null", file.path]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(stderr)")
    }

    @Test(arguments: hostileNames)
    func hostileXLIFFStringsStayInsideTheirFields(name: String) throws {
        let document = Self.hostileDocument(name)
        for format in [ExchangeFormat.xliff, .xliff2] {
            let text = format == .xliff ? XLIFF.write(document) : XLIFF2.write(document)
            let back = try CatalogExchange.read(text: text, fileName: "x.xlf", format: format)
            // XML 1.0 cannot carry most control characters: they come back as U+FFFD (1.2) or
            // <cp/> (2.0); everything else is the same.
            func xml(_ s: String) -> String {
                String(String.UnicodeScalarView(s.unicodeScalars.map { $0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\r" ? "\u{FFFD}" : $0 }))
            }
            #expect(back.units.count == 2, "\(format)")
            #expect(xml(back.locale) == xml(document.locale) || back.locale == document.locale, "\(format): \(back.locale)")
            #expect(xml(back.sourceLocale) == xml(document.sourceLocale) || back.sourceLocale == document.sourceLocale, "\(format)")
            if format == .xliff2 {
                #expect(back.units.map(\.target) == document.units.map(\.target), "\(format)")
                #expect(back.units.map(\.source) == document.units.map(\.source), "\(format)")
            } else {
                #expect(back.units.map { $0.target.map(xml) } == document.units.map { $0.target.map(xml) }, "\(format)")
            }
        }
    }

    /// Found by the xliff and xliff2 fuzz targets: FoundationXML's parser crashes (SIGSEGV,
    /// strlen of NULL) on a processing instruction without data. Refused before parsing.
    @Test(arguments: ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<?xm?>\n<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\"></xliff>\n",
                      "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\"><?pi?></xliff>",
                      "<?xml-stylesheet href=\"a.xsl\"?><xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\"></xliff>"])
    func processingInstructionsAreRefusedNotCrashed(text: String) {
        for format in [ExchangeFormat.xliff, .xliff2] {
            #expect {
                try CatalogExchange.read(text: text, fileName: "pi.xlf", format: format)
            } throws: { error in
                (error as? ImportFailure)?.description.contains("a processing instruction (<?…?>)") ?? false
            }
        }
    }

    @Test func theXMLDeclarationIsStillAccepted() throws {
        let (raw, _) = CatalogDocument.read(files: try Fixture.bundledFiles())
        let exported = "\u{FEFF}" + (try CatalogExchange.export(raw: raw, locale: "de", format: .xliff))
        #expect(exported.contains("<?xml version=\"1.0\""))
        #expect(try CatalogExchange.read(text: exported, fileName: "de.xlf").units.count > 60)
    }

    /// U+FFFE and U+FFFF are not XML characters: the writer must not emit them raw.
    @Test func xliffWritersNeverEmitNonXMLCharacters() throws {
        let document = ExchangeDocument(catalog: "c\u{FFFE}", sourceLocale: "en", locale: "de", units: [
            ExchangeUnit(context: "A/b\u{FFFF}", source: "x\u{FFFE}y", target: "z\u{FFFF}"),
        ])
        for format in [ExchangeFormat.xliff, .xliff2] {
            let text = format == .xliff ? XLIFF.write(document) : XLIFF2.write(document)
            #expect(!text.unicodeScalars.contains { $0.value == 0xFFFE || $0.value == 0xFFFF }, "\(format)")
            let back = try CatalogExchange.read(text: text, fileName: "x.xlf", format: format)
            #expect(back.units.count == 1, "\(format)")
        }
    }
}

@Suite("Hardening: invisible characters in review and HTML")
struct InvisibleCharacterReviewTests {
    /// Issue 10.5: NUL, ESC and U+202E in a translation passed import and review said nothing.
    @Test func reviewFlagsControlBidiAndInvisibleCharacters() throws {
        let files = Fixture.catalog(source: "Hash value {hash} is invalid.",
                                    target: "Der Hashwert {hash} ist \u{202E}ungültig\u{0}\u{1B}[2J.\u{200B}",
                                    description: ("Meaning.", "Bedeutung\u{E0041}."))
        let result = CatalogReviewer.forFiles(files).review()
        let findings = result.findings.filter { $0.check == "invisible-character" }
        let messages = findings.map(\.message)
        #expect(messages.contains("U+202E is a bidirectional control (it can reorder how the text is shown) in the pattern"))
        #expect(messages.contains("U+0000 is NUL in the pattern"))
        #expect(messages.contains("U+001B is ESC (starts a terminal escape sequence) in the pattern"))
        #expect(messages.contains("U+200B is a zero-width character in the pattern"))
        #expect(messages.contains("U+E0041 is a tag character (invisible) in the description"))
        #expect(findings.first { $0.message.hasPrefix("U+202E") }?.severity == .error)
        #expect(findings.first { $0.message.hasPrefix("U+200B") }?.severity == .warning)
        #expect(findings.first { $0.message.hasPrefix("U+202E") }?.start == 24)
        #expect(findings.allSatisfy { $0.locale == "de" })
        #expect(result.hasErrors)
        // The text report shows them escaped.
        let text = ReviewReport.text(result)
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E || $0.value == 0 })
    }

    @Test func cleanCatalogHasNoCharacterFindings() throws {
        let result = CatalogReviewer.forFiles(try Fixture.bundledFiles()).review()
        #expect(!result.findings.contains { $0.check == "invisible-character" })
    }

    /// Every ASCII character, alone and inside plain text (the escaper returns plain printable
    /// ASCII unchanged without building a copy): the five HTML specials as entities, controls
    /// other than tab and newline shown as code points, the rest as they are.
    @Test func htmlEscapesEveryASCIICharacter() {
        for value in UInt32(0)..<0x80 {
            let scalar = Unicode.Scalar(value)!
            let expected: String = switch scalar {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            case "\"": "&quot;"
            case "'": "&#39;"
            case "\n", "\t": String(scalar)
            case _ where value < 0x20 || value == 0x7F: "<span class=\"ctl\">\\u{\(String(value, radix: 16, uppercase: true))}</span>"
            default: String(scalar)
            }
            #expect(HTMLReport.escape(String(scalar)) == expected, "U+\(String(value, radix: 16))")
            #expect(HTMLReport.escape("plain text " + String(scalar) + " more") == "plain text " + expected + " more")
        }
        #expect(HTMLReport.escape("Größe ä") == "Größe ä")
    }

    /// Issue 10.7: the HTML escaper left U+200B–200F, U+2028/2029, U+FEFF and U+061C raw.
    @Test(arguments: [0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2028, 0x2029, 0xFEFF, 0x061C, 0x2060, 0x2064, 0xE0041, 0x1B, 0x85] as [UInt32])
    func htmlEscapesEveryInvisibleClass(value: UInt32) {
        let html = HTMLReport.escape("a" + String(Unicode.Scalar(value)!) + "b")
        #expect(html == "a<span class=\"ctl\">\\u{\(String(value, radix: 16, uppercase: true))}</span>b")
    }
}
