import ErrorCatalog
import MessageFormatting
import MessageMatching

/// Reads a message in one locale and renders it in another with the same typed values:
/// `Maximum batch size exceeded. Received: 1,200, allowed: 1,000.` →
/// `Die maximale Batchgröße wurde überschritten. Empfangen: 1.200, zulässig: 1.000.`
///
/// Immutable and `Sendable`: one translator may be shared by any number of tasks.
public struct MessageTranslator: Sendable {
    public let catalog: Catalog
    public let matcher: MessageMatcher
    public let formatter: CatalogFormatter

    public init(catalog: Catalog) throws {
        self.catalog = catalog
        // The matcher reads numbers with the separators the formatter writes: both from ICU.
        matcher = try MessageMatcher(catalog: catalog, numberSymbols: .icu)
        formatter = try CatalogFormatter(catalog: catalog)
    }

    public init(matcher: MessageMatcher, formatter: CatalogFormatter) {
        catalog = formatter.catalog
        self.matcher = matcher
        self.formatter = formatter
    }

    /// A message rendered in another locale.
    public struct Translation: Sendable {
        /// The translated text.
        public let text: String
        /// The match the values came from.
        public let match: Match
        /// The whole match result (ambiguity, alternatives).
        public let result: MatchResult
        /// The catalog locale and the formatting locale of the output.
        public let locale: NegotiatedLocale
        /// The variant rendered: the same id as the match when the target locale has it, else the
        /// documented one (an observed wording such as the seed's machine translation has no
        /// counterpart in other locales).
        public let variantID: String
    }

    public enum TranslationError: Error, Sendable, CustomStringConvertible {
        /// The message matches no template; `nearest` says which came closest and where it left it.
        case noMatch(nearest: NearMiss?)
        /// `locale` is not a tag or Accept-Language header.
        case invalidLocale(LocaleRequestError)
        /// The code has no template in the target locale (a code without server text).
        case noTemplate(code: String, locale: String)
        /// Rendering failed (e.g. a recovered value is not valid for the target's placeholder).
        case format(FormatError)
        /// The message has text the template does not (`extraText`): a translation would drop it.
        case extraText(code: String, text: String)

        public var description: String {
            switch self {
            case .noMatch(let nearest):
                var text = "the message matches no template, so it cannot be translated"
                if let nearest {
                    text += "; nearest: \(nearest.code) (\(nearest.locale), \(nearest.variant.id)) \"\(nearest.pattern)\", left at column \(nearest.scalarOffset + 1) where it expects \(nearest.expected)"
                }
                return text
            case .invalidLocale(let error): return error.description
            case .noTemplate(let code, let locale): return "\(code) has no template in \(locale)"
            case .format(let error): return error.description
            case .extraText(let code, let text):
                return "the message is \(code) followed by more text (\"\(text)\"), which a translation would drop"
            }
        }
    }

    /// Translates `message` into `locale` (a tag such as `de-AT` or an Accept-Language header).
    /// `from` restricts the message's locale (`.auto` tries every locale of the catalog).
    public func translate(_ message: String, to locale: String, from: LocaleFilter = .auto) throws(TranslationError) -> Translation {
        let target: NegotiatedLocale
        do { target = try catalog.negotiateLocale(locale) } catch { throw .invalidLocale(error) }
        let result = matcher.match(message, locale: from)
        guard let best = result.best else { throw .noMatch(nearest: result.nearest) }
        return try render(best, result: result, in: target)
    }

    /// Renders an existing match in `target` with the same values.
    public func render(_ match: Match, result: MatchResult, in target: NegotiatedLocale) throws(TranslationError) -> Translation {
        let ids = catalog.entry(match.code)?.localized[target.catalogLocale]?.templates.map(\.id) ?? []
        guard !ids.isEmpty else { throw .noTemplate(code: match.code, locale: target.catalogLocale) }
        if let extra = match.extraText { throw .extraText(code: match.code, text: extra) }
        let variant = ids.firstIndex(of: match.variant.id) ?? 0
        var values: [String: Value] = [:]
        for (name, value) in match.values { values[name] = value.value }
        do {
            let text = try formatter.format(code: match.code, values: values, locale: target.formattingLocale, variant: variant)
            return Translation(text: text, match: match, result: result, locale: target, variantID: ids[variant])
        } catch {
            throw .format(error)
        }
    }
}
