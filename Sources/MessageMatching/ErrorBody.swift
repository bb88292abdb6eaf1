import ErrorCatalog
import Foundation

/// What a server sent as an error response body, decoded without trusting it: the OData/Graph
/// envelope `{"error":{"code","message","target","details","innererror"}}`, an ASP.NET
/// `{"Message": …}` body, any other JSON, or not JSON at all (an HTML page from a proxy).
/// Decoding never fails: every input gives a body, at worst of format `.notJSON` or `.empty`.
public struct ErrorBody: Sendable, Hashable {
    public enum Format: String, Sendable, Hashable {
        /// `{"error": {"code": …, "message": …}}` (also `odata.error`).
        case errorEnvelope
        /// `{"Message": …}` / `{"message": …}` at the top level.
        case aspNet
        /// JSON, but neither of the above.
        case otherJSON
        /// An HTML page (typically from a proxy or gateway).
        case html
        /// Plain text: taken as the message itself.
        case text
        case empty
    }

    /// One entry of `details` (or the envelope itself): code, message, target.
    public struct Entry: Sendable, Hashable {
        public let code: String?
        public let message: String?
        public let target: String?
    }

    public let format: Format
    /// The envelope's top-level code.
    public let code: String?
    /// Codes from the top level down through nested `innererror`s, outermost first.
    public let codeChain: [String]
    public let message: String?
    /// The tracking ID to quote to support (`target`; a GUID or a request id such as `|8b7d5947-428b0a9cb9bb1600.`).
    public let target: String?
    public let details: [Entry]
    /// Each nested `innererror` (code, message, target), outermost first; `codeChain` without
    /// the top level's code is their codes.
    public private(set) var innerErrors: [Entry] = []
    /// For HTML: the page title, else the start of its text; for unreadable JSON: why.
    public let note: String?

    /// Decodes `text`. Never throws, never crashes.
    public static func decode(_ text: String) -> ErrorBody {
        // A UTF-8 byte order mark (some servers and editors write one) is not part of the body.
        // (By scalar: a BOM followed by a combining mark is one Character.)
        var scalars = Substring(text).unicodeScalars
        while scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        let text = Substring(scalars)
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            return ErrorBody(format: .empty, code: nil, codeChain: [], message: nil, target: nil, details: [], note: nil)
        }
        if trimmed.first == "{" || trimmed.first == "[" {
            if let object = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8), options: [.fragmentsAllowed]) {
                return decodeJSON(object)
            }
            // Valid JSON that Foundation refuses (a number such as 1e309, nesting deeper than 512):
            // read by the strict reader that keeps such numbers as text and skips the deep part.
            if let object = TolerantJSON.parse(trimmed) {
                return decodeJSON(object)
            }
            return ErrorBody(format: .otherJSON, code: nil, codeChain: [], message: nil, target: nil, details: [],
                             note: "the body starts like JSON but is not valid JSON")
        }
        if trimmed.first == "<" {
            return ErrorBody(format: .html, code: nil, codeChain: [], message: nil, target: nil, details: [],
                             note: htmlSummary(trimmed))
        }
        let firstLine = trimmed.split(whereSeparator: \.isNewline).first.map(String.init) ?? trimmed
        return ErrorBody(format: .text, code: nil, codeChain: [], message: String(firstLine.prefix(4096)), target: nil,
                         details: [], note: nil)
    }

    static func string(_ any: Any?) -> String? {
        if let text = any as? String { return text }
        if let number = any as? NSNumber { return number.stringValue }
        if let dict = any as? [String: Any] { return string(dict["value"]) } // odata.error message {"lang","value"}
        return nil
    }

    static func value(_ dict: [String: Any], _ key: String) -> Any? {
        if let exact = dict[key] { return exact }
        let lower = key.lowercased()
        return dict.first { $0.key.lowercased() == lower }?.value
    }

    static func decodeJSON(_ object: Any) -> ErrorBody {
        guard let top = object as? [String: Any] else {
            return ErrorBody(format: .otherJSON, code: nil, codeChain: [], message: nil, target: nil, details: [],
                             note: "the JSON body is not an object")
        }
        if let error = (value(top, "error") ?? top["odata.error"]) as? [String: Any] {
            var chain: [String] = []
            var innerErrors: [Entry] = []
            if let code = string(value(error, "code")) { chain.append(code) }
            var inner = value(error, "innererror") as? [String: Any]
            var depth = 0
            while let current = inner, depth < 32 {
                let code = string(value(current, "code"))
                if let code { chain.append(code) }
                innerErrors.append(Entry(code: code, message: string(value(current, "message")), target: string(value(current, "target"))))
                inner = value(current, "innererror") as? [String: Any]
                depth += 1
            }
            var details: [Entry] = []
            for item in (value(error, "details") as? [Any] ?? []).prefix(100) {
                guard let detail = item as? [String: Any] else { continue }
                details.append(Entry(code: string(value(detail, "code")), message: string(value(detail, "message")),
                                     target: string(value(detail, "target"))))
            }
            return ErrorBody(format: .errorEnvelope, code: string(value(error, "code")), codeChain: chain,
                             message: string(value(error, "message")), target: string(value(error, "target")),
                             details: details, innerErrors: innerErrors, note: nil)
        }
        if let message = string(value(top, "message")) {
            return ErrorBody(format: .aspNet, code: string(value(top, "code")), codeChain: string(value(top, "code")).map { [$0] } ?? [],
                             message: message, target: string(value(top, "target")), details: [], note: nil)
        }
        return ErrorBody(format: .otherJSON, code: nil, codeChain: [], message: nil, target: nil, details: [],
                         note: "the JSON body has neither \"error\" nor \"message\"")
    }

    static func htmlSummary(_ html: String) -> String {
        let lower = html.lowercased()
        if let open = lower.range(of: "<title"), let close = lower.range(of: "</title>", range: open.upperBound..<lower.endIndex),
           let gt = lower.range(of: ">", range: open.upperBound..<close.lowerBound) {
            let start = html.index(html.startIndex, offsetBy: lower.distance(from: lower.startIndex, to: gt.upperBound))
            let end = html.index(html.startIndex, offsetBy: lower.distance(from: lower.startIndex, to: close.lowerBound))
            let title = html[start..<end].trimmingCharacters(in: .whitespacesAndNewlines)
            if !title.isEmpty { return String(title.prefix(200)) }
        }
        var text = ""
        var inTag = false
        for character in html {
            if character == "<" { inTag = true; continue }
            if character == ">" { inTag = false; text.append(" "); continue }
            if !inTag { text.append(character) }
            if text.count > 400 { break }
        }
        let words = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return String(words.prefix(200))
    }
}

/// An error response explained with the catalog: the body, the message match, and the
/// cross-checks between the envelope's code, the message and the HTTP status.
public struct ExplainedError: Sendable {
    public let body: ErrorBody
    /// The match of the body's message (restricted to the envelope's code when the catalog knows it).
    public let match: MatchResult?
    /// The code the explanation is about: the deepest code of the envelope the catalog knows,
    /// else the code of the message match.
    public let code: String?
    /// Where `code` came from.
    public let codeSource: CodeSource
    /// The catalog's HTTP status for `code`.
    public let status: Int?
    /// The HTTP status the response came with, if given.
    public let httpStatus: Int?
    /// `false` when `httpStatus` differs from the catalog's status for `code`.
    public let statusAgrees: Bool?
    /// The message matches a template of another code than the envelope's (reported, not hidden).
    public let messageCode: String?
    public let codeDisagreement: Bool
    public let target: String?
    public let description: String?
    public let hint: String?
    /// What was found (unknown codes, disagreements, non-JSON bodies), structured; render with
    /// `ExplainNote.text(german:)`.
    public let findings: [ExplainNote]
    /// The message that was matched: the one that belongs to `code` (an `innererror`'s own
    /// message when the code came from that `innererror`), else the envelope's message.
    public let message: String?
    /// `high` when the code comes from the envelope or from a template whose literal text
    /// matched and nothing contradicts it; `low` when it rests on a free-text-only template or
    /// the HTTP status or the envelope's code disagrees; `noMatch` when there is no code.
    public let confidence: Confidence
    /// Each entry of the envelope's `details`, explained on its own (code, message, target).
    public let details: [ExplainedError]
    /// The findings as English sentences.
    public var notes: [String] { findings.map { $0.text(german: false) } }

    public enum CodeSource: String, Sendable {
        case envelope, innerError, message, none
    }
}

extension MessageMatcher {
    /// Decodes and explains an error response body. `locale` selects the description and hint
    /// (falling back to the catalog's source locale).
    public func explain(body text: String, httpStatus: Int? = nil, locale: String = "en") -> ExplainedError {
        explain(ErrorBody.decode(text), httpStatus: httpStatus, locale: locale)
    }

    public func explain(_ body: ErrorBody, httpStatus: Int? = nil, locale: String = "en") -> ExplainedError {
        var notes: [ExplainNote] = []
        let known = { (code: String) -> Bool in catalog?.entry(code) != nil }
        // The deepest code of the chain the catalog knows.
        var envelopeCode: String? = nil
        var source = ExplainedError.CodeSource.none
        var message = body.message
        if body.format == .errorEnvelope, !body.innerErrors.isEmpty {
            // The deepest innererror with a code the catalog knows; its own message, if it has one.
            for inner in body.innerErrors.reversed() {
                guard let code = inner.code, known(code) else { continue }
                envelopeCode = code
                source = .innerError
                if let own = inner.message { message = own }
                break
            }
        }
        if envelopeCode == nil, let code = body.code, known(code) {
            envelopeCode = code
            source = .envelope
        }
        let unknown = body.codeChain.filter { !known($0) }
        if !unknown.isEmpty {
            notes.append(.codesNotInCatalog(unknown))
        }
        switch body.format {
        case .html: notes.append(.htmlPage(title: body.note))
        case .otherJSON: notes.append(.unrecognisedJSON(body.note))
        case .empty: notes.append(.emptyBody)
        default: break
        }

        var result: MatchResult? = nil
        var messageCode: String? = nil
        var disagreement = false
        if let message {
            let open = match(message)
            let strong = open.all.filter { !$0.isCatchAll }
            if let envelopeCode {
                let restricted = match(message, code: envelopeCode)
                result = restricted
                if !restricted.matched, let other = strong.first {
                    messageCode = other.code
                    disagreement = true
                    notes.append(.messageMatchesOtherCode(message: other.code, envelope: envelopeCode))
                    result = open
                } else if restricted.matched {
                    messageCode = envelopeCode
                } else {
                    notes.append(.noTemplateOfCode(envelopeCode))
                }
            } else {
                result = open
                if let best = strong.first ?? open.best { messageCode = best.code }
                if !open.matched { notes.append(.noTemplate) }
            }
        }
        var code = envelopeCode
        if code == nil, let messageCode {
            code = messageCode
            source = .message
        }
        // A code that rests only on a free-text template ("{reason}.") is a guess.
        var guess = source == .message && !(result?.all.contains { $0.code == messageCode && !$0.isCatchAll } ?? false)
        if guess, let guessed = code, let httpStatus, let status = catalog?.entry(guessed)?.status, status != httpStatus {
            // The status contradicts the guess: say "unknown" rather than diagnose wrongly.
            notes.append(.guessDropped(code: guessed, http: httpStatus, catalog: status))
            code = nil
            messageCode = nil
            guess = false
        } else if guess, let guessed = code {
            notes.append(.lowConfidence(code: guessed))
        }
        if code == nil, let first = body.code { notes.append(.noCatalogEntry(first)) }
        let entry = code.flatMap { catalog?.entry($0) }
        let status = entry?.status
        var statusAgrees: Bool? = nil
        if let httpStatus, let status {
            statusAgrees = httpStatus == status
            if httpStatus != status { notes.append(.statusDiffers(http: httpStatus, catalog: status, code: code ?? "")) }
        }
        let language = locale.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? locale
        let localized = entry.flatMap { $0.localized[locale] ?? $0.localized[language] }
        let fallback = entry.flatMap { e in catalog.flatMap { e.localized[$0.sourceLocale] } }
        let confidence: Confidence = code == nil ? .noMatch : guess || disagreement || statusAgrees == false ? .low : .high
        let details = body.details.map { entry in
            explain(ErrorBody(format: .errorEnvelope, code: entry.code, codeChain: entry.code.map { [$0] } ?? [], message: entry.message,
                              target: entry.target, details: [], note: nil), locale: locale)
        }
        return ExplainedError(body: body, match: result, code: code, codeSource: code == nil ? .none : source, status: status,
                              httpStatus: httpStatus, statusAgrees: statusAgrees, messageCode: messageCode,
                              codeDisagreement: disagreement, target: body.target,
                              description: localized?.description ?? fallback?.description,
                              hint: localized?.hint ?? fallback?.hint, findings: notes, message: message,
                              confidence: confidence, details: details)
    }
}

/// One finding of `explain`, in English or German.
public enum ExplainNote: Sendable, Hashable {
    /// Codes of the envelope the catalog does not know.
    case codesNotInCatalog([String])
    /// The body is an HTML page (a proxy or gateway answered); its title if it has one.
    case htmlPage(title: String?)
    /// JSON that is not an error body; why, in English, if known.
    case unrecognisedJSON(String?)
    case emptyBody
    /// The message matches a template of another code than the envelope's.
    case messageMatchesOtherCode(message: String, envelope: String)
    /// The message matches no template of the envelope's code.
    case noTemplateOfCode(String)
    /// The message matches no template at all.
    case noTemplate
    /// The envelope's code is not in the catalog and nothing else identified one.
    case noCatalogEntry(String)
    /// The response's HTTP status differs from the catalog's for the code.
    case statusDiffers(http: Int, catalog: Int, code: String)
    /// The code is a guess: only a free-text template ("{reason}.") matched the message.
    case lowConfidence(code: String)
    /// Only a free-text template of `code` matched, and the HTTP status contradicts it: no code is given.
    case guessDropped(code: String, http: Int, catalog: Int)

    public func text(german: Bool) -> String {
        switch self {
        case .codesNotInCatalog(let codes):
            return german ? "nicht im Katalog: \(codes.joined(separator: ", "))"
                : "code\(codes.count == 1 ? "" : "s") not in the catalog: \(codes.joined(separator: ", "))"
        case .htmlPage(let title):
            return (german ? "Der Antworttext ist eine HTML-Seite, kein API-Fehler (ein Proxy oder Gateway hat geantwortet)"
                : "the body is an HTML page, not an API error (a proxy or gateway answered)") + (title.map { ": \($0)" } ?? "")
        case .unrecognisedJSON(let why):
            return german ? "Der Antworttext ist JSON, aber kein bekannter Fehleraufbau" + (why.map { " (\($0))" } ?? "")
                : why ?? "unrecognised JSON body"
        case .emptyBody:
            return german ? "Der Antworttext ist leer" : "the body is empty"
        case .messageMatchesOtherCode(let message, let envelope):
            return german ? "Die Meldung passt zu \(message), nicht zum Code \(envelope) der Antwort"
                : "the message matches \(message), not the envelope's code \(envelope)"
        case .noTemplateOfCode(let code):
            return german ? "Die Meldung passt zu keiner Vorlage von \(code)" : "the message matches no template of \(code)"
        case .noTemplate:
            return german ? "Die Meldung passt zu keiner Vorlage" : "the message matches no template"
        case .noCatalogEntry(let code):
            return german ? "kein Katalogeintrag für '\(code)'" : "using no catalog entry for '\(code)'"
        case .statusDiffers(let http, let catalog, let code):
            return german ? "HTTP-Status \(http) weicht vom Katalogwert \(catalog) für \(code) ab"
                : "HTTP status \(http) differs from the catalog's \(catalog) for \(code)"
        case .lowConfidence(let code):
            return german ? "geraten (geringe Sicherheit): nur die Freitext-Vorlage von \(code) passt, die fast jeden Satz erfasst"
                : "a guess (low confidence): only the free-text template of \(code) matches, and it fits almost any sentence"
        case .guessDropped(let code, let http, let catalog):
            return german ? "Code unbekannt: nur die Freitext-Vorlage von \(code) (HTTP \(catalog)) passt, die Antwort hat aber HTTP \(http)"
                : "code unknown: only the free-text template of \(code) (HTTP \(catalog)) matches, but the response is HTTP \(http)"
        }
    }
}
