import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// XLIFF 1.2: one `<file>` per locale, one `<trans-unit id="Code/variant">` per unit, notes for
/// the translator, a stale translation's old source as `<alt-trans alttranstype="previous-version">`.
enum XLIFF {
    static func escape(_ text: String, attribute: Bool = false) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "\n" where attribute: out += "&#10;"
            case "\t" where attribute: out += "&#9;"
            case "\r": out += "&#13;"
            default:
                // XML 1.0 cannot carry other control characters, U+FFFE or U+FFFF at all: show them as U+FFFD.
                if (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    static func write(_ document: ExchangeDocument) -> String {
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
          <file original="\(escape(document.catalog, attribute: true))/\(escape(document.locale, attribute: true)).json" source-language="\(escape(document.sourceLocale, attribute: true))" target-language="\(escape(document.locale, attribute: true))" datatype="plaintext">
            <header>
              <tool tool-id="errcat" tool-name="errcat"/>
              <note>Patterns are ICU MessageFormat: keep {placeholders} and plural/select syntax intact.</note>
            </header>
            <body>

        """
        for unit in document.units {
            let state = (unit.target ?? "").isEmpty ? "new" : unit.fuzzy ? "needs-review-translation" : "translated"
            let approved = state == "translated" ? "yes" : "no"
            out += "      <trans-unit id=\"\(escape(unit.context, attribute: true))\" resname=\"\(escape(unit.context, attribute: true))\" approved=\"\(approved)\" xml:space=\"preserve\">\n"
            out += "        <source>\(escape(unit.source))</source>\n"
            out += "        <target state=\"\(state)\">\(escape(unit.target ?? ""))</target>\n"
            if let previous = unit.previousSource {
                out += "        <alt-trans alttranstype=\"previous-version\">\n          <source>\(escape(previous))</source>\n"
                out += "          <target>\(escape(unit.target ?? ""))</target>\n        </alt-trans>\n"
            }
            for note in unit.notes { out += "        <note from=\"developer\">\(escape(note))</note>\n" }
            out += "      </trans-unit>\n"
        }
        out += "    </body>\n  </file>\n</xliff>\n"
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
        var stack: [String] = []
        var text = ""
        var inAltTrans = false
        var altSource: String?
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
                if let version = attributes["version"], version != "1.2" { fail("XLIFF version \(version): errcat reads XLIFF 1.2") }
            case "file":
                files += 1
                if files > 1 { fail("more than one <file>: export and import one locale per file") }
                sourceLanguage = attributes["source-language"] ?? ""
                targetLanguage = attributes["target-language"] ?? ""
            case "trans-unit":
                guard let id = attributes["id"], !id.isEmpty else { fail("<trans-unit> without an id"); return }
                unit = ExchangeUnit(context: id, source: "", target: nil, line: parser.lineNumber)
                sawTarget = false
            case "alt-trans":
                inAltTrans = true
                altSource = nil
                if attributes["alttranstype"] != "previous-version" { inAltTrans = false; stack[stack.count - 1] = "ignored-alt-trans" }
            case "source", "target", "note":
                text = ""
                if name == "target", parent == "trans-unit" {
                    if let state = attributes["state"], state.hasPrefix("needs-") { unit?.fuzzy = true }
                }
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
            let parent = stack.last
            switch element {
            case "source":
                if parent == "trans-unit" { unit?.source = text } else if parent == "alt-trans" { altSource = text }
            case "target":
                if parent == "trans-unit" { unit?.target = text; sawTarget = true }
            case "note":
                if parent == "trans-unit" { unit?.notes.append(text) }
            case "alt-trans":
                if inAltTrans, let altSource { unit?.previousSource = altSource }
                inAltTrans = false
            case "trans-unit":
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
