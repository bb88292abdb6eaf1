import ErrorCatalog
import MessageFormatting
import MessageMatching
import MessageTranslation

/// Explains an error response body for people (`explain`) and for streams (`parse --ndjson`):
/// the envelope decoded, the message matched, and the message re-rendered in the reader's locale.
struct BodyExplainer {
    let catalog: Catalog
    let matcher: MessageMatcher
    var translator: MessageTranslator? = nil

    struct Explained {
        var explanation: ExplainedError
        /// The message in the requested locale, when the match gives every value.
        var localizedMessage: String?
        var json: JSONValue
        var line: String
    }

    func explain(_ text: String, locale: NegotiatedLocale? = nil, httpStatus: Int? = nil) -> Explained {
        let catalogLocale = locale?.catalogLocale ?? catalog.sourceLocale
        let explanation = matcher.explain(body: text, httpStatus: httpStatus, locale: catalogLocale)
        var localized: String?
        if let translator, let result = explanation.match, let best = result.best, best.code == explanation.code, let locale {
            localized = try? translator.render(best, result: result, in: locale).text
        }
        var object: JSONValue = [:]
        if let match = explanation.match, let message = explanation.message {
            object = MatchOutput.json(match, input: message)
        } else {
            object["matched"] = false
            object["ambiguous"] = false
            object["alternatives"] = []
        }
        object["code"] = .string(explanation.code)
        object["confidence"] = .string(explanation.confidence.rawValue)
        if !explanation.details.isEmpty {
            object["details"] = .array(explanation.details.map { detail in
                var entry: JSONValue = ["code": .string(detail.code), "confidence": .string(detail.confidence.rawValue),
                                        "status": .integer(detail.status), "envelopeCode": .string(detail.body.code),
                                        "message": .string(detail.message), "target": .string(detail.target),
                                        "notes": .strings(detail.notes)]
                if let best = detail.match?.best {
                    entry["variant"] = .string(best.variant.id)
                    entry["locale"] = .string(best.locale)
                    entry["args"] = MatchOutput.matchJSON(best)["args"]
                }
                return entry
            })
        }
        object["codeSource"] = .string(explanation.codeSource.rawValue)
        object["status"] = .integer(explanation.status)
        object["target"] = .string(explanation.body.target)
        object["envelope"] = [
            "format": .string(explanation.body.format.rawValue),
            "code": .string(explanation.body.code),
            "codeChain": .strings(explanation.body.codeChain),
            "message": .string(explanation.body.message),
        ]
        if let httpStatus = explanation.httpStatus { object["httpStatus"] = .integer(httpStatus) }
        if let agrees = explanation.statusAgrees { object["statusAgrees"] = .bool(agrees) }
        object["codeDisagreement"] = .bool(explanation.codeDisagreement)
        if let messageCode = explanation.messageCode { object["messageCode"] = .string(messageCode) }
        if let description = explanation.description { object["description"] = .string(description) }
        if let hint = explanation.hint { object["hint"] = .string(hint) }
        if let localized { object["localizedMessage"] = .string(localized) }
        object["notes"] = .strings(explanation.notes)
        var line = [explanation.code ?? "-", explanation.status.map(String.init) ?? "-", explanation.body.target.map { Terminal.safe($0) } ?? "-"]
        if let best = explanation.match?.best {
            line.append(best.locale + "/" + best.variant.id)
            for name in best.values.keys.sorted() { line.append("\(name)=\(Terminal.safe(best.values[name]!.text))") }
        } else {
            line.append("(message not matched)")
        }
        if explanation.codeDisagreement { line.append("[message matches \(explanation.messageCode ?? "?")]") }
        if explanation.confidence == .low { line.append("[low confidence]") }
        return Explained(explanation: explanation, localizedMessage: localized, json: object, line: line.joined(separator: " "))
    }
}

