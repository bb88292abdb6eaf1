import ErrorCatalog
import Foundation
import MessageFormatting
import MessageMatching

/// Explains an error response body for people (`explain`) and for streams (`parse --ndjson`):
/// the envelope decoded, the message matched, and the message re-rendered in the reader's locale.
struct BodyExplainer {
    let catalog: Catalog
    let matcher: MessageMatcher
    var formatter: CatalogFormatter? = nil

    struct Explained {
        var explanation: ExplainedError
        /// The message in the requested locale, when the match gives every value.
        var localizedMessage: String?
        var json: [String: Any]
        var line: String
    }

    func explain(_ text: String, locale: NegotiatedLocale? = nil, httpStatus: Int? = nil) -> Explained {
        let catalogLocale = locale?.catalogLocale ?? catalog.sourceLocale
        let explanation = matcher.explain(body: text, httpStatus: httpStatus, locale: catalogLocale)
        var localized: String?
        if let formatter, let best = explanation.match?.best, best.code == explanation.code, let locale {
            localized = Translation.render(best, formatter: formatter, catalog: catalog, locale: locale)
        }
        var object: [String: Any] = [:]
        if let match = explanation.match, let message = explanation.body.message {
            object = MatchOutput.json(match, input: message)
        } else {
            object["matched"] = false
            object["ambiguous"] = false
            object["alternatives"] = [Any]()
        }
        object["code"] = explanation.code ?? NSNull()
        object["codeSource"] = explanation.codeSource.rawValue
        object["status"] = explanation.status ?? NSNull()
        object["target"] = explanation.body.target ?? NSNull()
        object["envelope"] = [
            "format": explanation.body.format.rawValue,
            "code": explanation.body.code ?? NSNull(),
            "codeChain": explanation.body.codeChain,
            "message": explanation.body.message ?? NSNull(),
        ] as [String: Any]
        if let httpStatus = explanation.httpStatus { object["httpStatus"] = httpStatus }
        if let agrees = explanation.statusAgrees { object["statusAgrees"] = agrees }
        object["codeDisagreement"] = explanation.codeDisagreement
        if let messageCode = explanation.messageCode { object["messageCode"] = messageCode }
        if let description = explanation.description { object["description"] = description }
        if let hint = explanation.hint { object["hint"] = hint }
        if let localized { object["localizedMessage"] = localized }
        object["notes"] = explanation.notes
        var line = [explanation.code ?? "-", explanation.status.map(String.init) ?? "-", explanation.body.target.map { Terminal.safe($0) } ?? "-"]
        if let best = explanation.match?.best {
            line.append(best.locale + "/" + best.variant.id)
            for name in best.values.keys.sorted() { line.append("\(name)=\(Terminal.safe(best.values[name]!.text))") }
        } else {
            line.append("(message not matched)")
        }
        if explanation.codeDisagreement { line.append("[message matches \(explanation.messageCode ?? "?")]") }
        return Explained(explanation: explanation, localizedMessage: localized, json: object, line: line.joined(separator: " "))
    }
}

/// Re-renders a match in another locale with the same values.
enum Translation {
    /// The same variant when the target locale has it (an observed wording falls back to the
    /// documented template, variant 0).
    static func render(_ match: Match, formatter: CatalogFormatter, catalog: Catalog, locale: NegotiatedLocale) -> String? {
        var values: [String: Value] = [:]
        for (name, value) in match.values { values[name] = value.value }
        let ids = catalog.entry(match.code)?.localized[locale.catalogLocale]?.templates.map(\.id) ?? []
        guard !ids.isEmpty else { return nil }
        let variant = ids.firstIndex(of: match.variant.id) ?? 0
        return try? formatter.format(code: match.code, values: values, locale: locale.formattingLocale, variant: variant)
    }
}
