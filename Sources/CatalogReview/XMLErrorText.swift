import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Plain words for Foundation's XMLParser errors ("NSXMLParserErrorDomain error 73" says nothing).
enum XMLErrorText {
    static func describe(_ error: Error?) -> String {
        guard let error else { return "the XML parser stopped without saying why" }
        // The codes are libxml2's (xmlParserErrors), which Apple's NSXMLParserError values mirror;
        // swift-corelibs-foundation passes them through unchanged, so match on the numbers.
        let code = (error as NSError).code
        let text: String? = switch code {
        case 4: "the document is empty"
        case 5: "the document ends too early (an element is not closed)"
        case 9: "a character that XML does not allow"
        case 23: "an entity reference without ';' (write & as &amp;)"
        case 26, 27: "an undeclared entity (&name;)"
        case 31, 32: "an unsupported text encoding (use UTF-8)"
        case 38: "'<' inside an attribute value (write &lt;)"
        case 39, 40: "an attribute value is not quoted properly"
        case 41: "an attribute has no value"
        case 42: "an attribute is given twice"
        case 73: "'>' expected (a tag is not closed)"
        case 74: "'</' expected (an element is not closed)"
        case 75: "'=' expected after an attribute name"
        case 76: "a closing tag does not match the element it closes"
        case 77: "an unfinished tag"
        case 85: "the elements are not properly nested"
        case 86: "content after the root element"
        default: nil
        }
        return text ?? "\((error as NSError).localizedDescription) (libxml2 error \(code))"
    }
}

/// What both XLIFF readers (1.2 and 2.0) share: the parser, the problems found, whether an
/// `<xliff>` root was seen.
protocol XLIFFReading: XMLParserDelegate {
    var parser: XMLParser? { get set }
    var problems: [ExchangeProblem] { get set }
    var sawXliff: Bool { get }
}

enum SafeXML {
    /// The byte offset of the first `<?` that is not the XML declaration at the start of `data`
    /// (after an optional UTF-8 BOM), or nil.
    static func processingInstruction(in data: Data) -> Int? {
        let bytes = [UInt8](data)
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        let declaration = Array("<?xml".utf8)
        var i = start
        while i + 1 < bytes.count {
            if bytes[i] == 0x3C && bytes[i + 1] == 0x3F {
                let isDeclaration = i == start && bytes.count > i + 5 && Array(bytes[i..<(i + 5)]) == declaration
                    && (bytes[i + 5] == 0x20 || bytes[i + 5] == 0x09 || bytes[i + 5] == 0x0A || bytes[i + 5] == 0x0D)
                if !isDeclaration { return i }
            }
            i += 1
        }
        return nil
    }

    /// Runs `reader` over untrusted XLIFF: no DTD or entity declarations (external entities,
    /// "billion laughs"), the first XML error in plain words with its position, and a document
    /// without an `<xliff>` root refused. Throws every problem found.
    static func parse(_ data: Data, fileName: String, reader: some XLIFFReading) throws(ImportFailure) {
        if let range = data.range(of: Data("<!DOCTYPE".utf8)) ?? data.range(of: Data("<!ENTITY".utf8)) {
            let line = data[..<range.lowerBound].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            throw ImportFailure([ExchangeProblem(file: fileName, line: line, message: "a DOCTYPE or entity declaration: XLIFF files need none, and entities are refused")])
        }
        // Processing instructions (`<?name …?>`) other than the XML declaration at the start are
        // refused: XLIFF needs none, and FoundationXML crashes (strlen of NULL) on one without data
        // such as `<?pi?>` (found by the xliff fuzz target).
        if let offset = processingInstruction(in: data) {
            let line = data[data.startIndex..<(data.startIndex + offset)].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            throw ImportFailure([ExchangeProblem(file: fileName, line: line,
                message: "a processing instruction (<?…?>): XLIFF files need none besides the <?xml …?> declaration at the very start")])
        }
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.delegate = reader
        reader.parser = parser
        let ok = parser.parse()
        if !ok && reader.problems.isEmpty {
            reader.problems.append(ExchangeProblem(file: fileName, line: parser.lineNumber, column: parser.columnNumber,
                                                   message: "not well-formed XML: \(XMLErrorText.describe(parser.parserError))"))
        }
        if !reader.sawXliff && reader.problems.isEmpty {
            reader.problems.append(ExchangeProblem(file: fileName, line: 1, message: "not an XLIFF document (no <xliff> root)"))
        }
        guard reader.problems.isEmpty else { throw ImportFailure(reader.problems) }
    }
}
