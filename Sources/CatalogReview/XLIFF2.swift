import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// XLIFF 2.0 (core only): one `<file>` per locale, one `<unit>` per text with the catalog context
/// (`Code/variant`) in `name` — unit ids are NMTOKENs, which cannot hold '/' — and the
/// translator notes in `<notes>` before the `<segment>`.
///
/// What 1.2 carries in other elements, 2.0 core has no element for; this is how errcat maps it:
/// - a stale translation (XLIFF 1.2 `needs-review-translation` + `<alt-trans>`) is
///   `state="translated" subState="errcat:needs-review"` plus `<note category="previous-source">`
///   with the old source text;
/// - control characters XML 1.0 cannot carry are `<cp hex="…"/>` (the 2.0 core way), so they round-trip.
enum XLIFF2 {
    static let namespace = "urn:oasis:names:tc:xliff:document:2.0"
    static let previousSourceCategory = "previous-source"
    static let needsReview = "errcat:needs-review"

    /// Text content: markup escaped, control characters as `<cp/>`.
    static func content(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\r": out += "<cp hex=\"000D\"/>"
            default:
                if (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "<cp hex=\"\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex)\"/>"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    static func attribute(_ text: String) -> String { XLIFF.escape(text, attribute: true) }

    /// An NMTOKEN from a context: letters, digits, '.', '-', '_'; anything else as '_'.
    static func token(_ context: String) -> String {
        var out = ""
        for scalar in context.unicodeScalars {
            let ok = (scalar.properties.isAlphabetic || scalar.properties.numericType != nil) && scalar.isASCII || ".-_".unicodeScalars.contains(scalar)
            out.unicodeScalars.append(ok ? scalar : "_")
        }
        return out.isEmpty ? "u" : out
    }

    static func write(_ document: ExchangeDocument) -> String {
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff xmlns="\(namespace)" version="2.0" srcLang="\(attribute(document.sourceLocale))" trgLang="\(attribute(document.locale))">
          <file id="f1" original="\(attribute(document.catalog))/\(attribute(document.locale)).json">
            <notes>
              <note category="instructions">Patterns are ICU MessageFormat: keep {placeholders} and plural/select syntax intact.</note>
            </notes>

        """
        var used: Set<String> = []
        for unit in document.units {
            var id = token(unit.context)
            if used.contains(id) {
                var n = 2
                while used.contains("\(id)-\(n)") { n += 1 }
                id = "\(id)-\(n)"
            }
            used.insert(id)
            let translated = !(unit.target ?? "").isEmpty
            let state = translated ? "translated" : "initial"
            out += "    <unit id=\"\(attribute(id))\" name=\"\(attribute(unit.context))\">\n"
            if !unit.notes.isEmpty || unit.previousSource != nil {
                out += "      <notes>\n"
                for note in unit.notes { out += "        <note category=\"developer\">\(content(note))</note>\n" }
                if let previous = unit.previousSource {
                    out += "        <note category=\"\(previousSourceCategory)\">\(content(previous))</note>\n"
                }
                out += "      </notes>\n"
            }
            out += "      <segment state=\"\(state)\"\(unit.fuzzy && translated ? " subState=\"\(needsReview)\"" : "")>\n"
            out += "        <source xml:space=\"preserve\">\(content(unit.source))</source>\n"
            if let target = unit.target, !target.isEmpty { out += "        <target xml:space=\"preserve\">\(content(target))</target>\n" }
            out += "      </segment>\n    </unit>\n"
        }
        out += "  </file>\n</xliff>\n"
        return out
    }

    static func read(_ data: Data, fileName: String) throws(ImportFailure) -> ExchangeDocument {
        let delegate = Reader(fileName: fileName)
        try SafeXML.parse(data, fileName: fileName, reader: delegate)
        return ExchangeDocument(catalog: "", sourceLocale: delegate.sourceLanguage, locale: delegate.targetLanguage, units: delegate.units)
    }

    private final class Reader: NSObject, XLIFFReading {
        var reportedXMLError = false
        let fileName: String
        weak var parser: XMLParser?
        var problems: [ExchangeProblem] = []
        var units: [ExchangeUnit] = []
        var sourceLanguage = ""
        var targetLanguage = ""
        var sawXliff = false
        var files = 0

        var unit: ExchangeUnit?
        var segments = 0
        var stack: [String] = []
        var text = ""
        var noteCategory: String?
        var sawTarget = false

        init(fileName: String) { self.fileName = fileName }

        func fail(_ message: String) {
            problems.append(ExchangeProblem(file: fileName, line: parser?.lineNumber, column: parser?.columnNumber,
                                            context: unit?.context, message: message))
            if problems.count > 50 { parser?.abortParsing() }
        }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            let parent = stack.last
            stack.append(name)
            switch name {
            case "xliff":
                sawXliff = true
                if attributes["version"] != "2.0" { fail("XLIFF version \(attributes["version"] ?? "missing"): this reader is for XLIFF 2.0") }
                if attributes["xmlns"] != XLIFF2.namespace { fail("the root is not in the XLIFF 2.0 namespace \(XLIFF2.namespace)") }
                sourceLanguage = attributes["srcLang"] ?? ""
                targetLanguage = attributes["trgLang"] ?? ""
            case "file":
                files += 1
                if files > 1 { fail("more than one <file>: export and import one locale per file") }
            case "unit":
                guard let context = attributes["name"] ?? attributes["id"], !context.isEmpty else { fail("<unit> without a name or id"); return }
                unit = ExchangeUnit(context: context, source: "", target: nil, line: parser.lineNumber)
                segments = 0
                sawTarget = false
            case "segment":
                segments += 1
                if segments > 1 { fail("more than one <segment> in a unit: errcat texts are one segment each") }
                unit?.fuzzy = attributes["subState"] == XLIFF2.needsReview
            case "ignorable":
                fail("<ignorable> in a unit: errcat texts are one segment each")
            case "source", "target":
                text = ""
            case "note":
                text = ""
                noteCategory = attributes["category"]
            case "cp":
                guard let parent, ["source", "target", "note"].contains(parent) else { return }
                guard let hex = attributes["hex"], let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) else {
                    fail("<cp> without a valid hex code point"); return
                }
                text.unicodeScalars.append(scalar)
            default:
                if let parent, ["source", "target"].contains(parent) {
                    fail("inline markup <\(name)> in <\(parent)>: errcat patterns are plain ICU MessageFormat text")
                }
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            text += string
            if text.utf8.count > CatalogExchange.maximumInputBytes { fail("a text node is too large"); parser.abortParsing() }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            let element = stack.popLast()
            switch element {
            case "source": unit?.source = text
            case "target": unit?.target = text; sawTarget = true
            case "note":
                guard unit != nil else { break }
                if noteCategory == XLIFF2.previousSourceCategory { unit?.previousSource = text } else { unit?.notes.append(text) }
            case "unit":
                if var finished = unit {
                    if !sawTarget { finished.target = nil }
                    units.append(finished)
                }
                unit = nil
            default: break
            }
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            // The first error says where the document broke; the ones after it are consequences.
            if !reportedXMLError { fail("not well-formed XML: \(XMLErrorText.describe(parseError))") }
            reportedXMLError = true
        }
    }
}
