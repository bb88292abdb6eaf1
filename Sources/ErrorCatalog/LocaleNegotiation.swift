/// Locale negotiation: a BCP 47 tag (`de-AT`, `de_AT`) or an HTTP `Accept-Language` header
/// (`fr-CH, de;q=0.8, *;q=0.1`) → the best locale the catalog has, falling back by truncation
/// (`de-AT` → `de`), then to another member of the tag's family (`de` and `de-AT` are served by a
/// catalog that has only `de-DE`), and finally to the source locale.
public struct NegotiatedLocale: Sendable, Hashable {
    /// The catalog locale whose texts are used (`de`).
    public let catalogLocale: String
    /// The locale for number and date conventions: the requested tag when it shares the catalog
    /// locale's language (`de-AT` renders `1 200` with ICU's Austrian grouping), else the catalog locale.
    public let formattingLocale: String
    /// Each requested tag that was tried, in order, and the chain it fell back through.
    public let tried: [String]
}

/// Why a locale request cannot be used at all.
public struct LocaleRequestError: Error, Sendable, CustomStringConvertible {
    public var request: String
    public var available: [String]
    /// What `LocaleTag` found wrong, when it found something specific.
    public var reason: LocaleTagError?

    public init(request: String, available: [String], reason: LocaleTagError? = nil) {
        self.request = request
        self.available = available
        self.reason = reason
    }

    public var description: String {
        "'\(LocaleTagError.visible(request))' is not a locale tag or an Accept-Language header\(reason.map { " (\($0.detail))" } ?? ""); use a tag such as \(available.joined(separator: ", ")) or de-AT, or a header such as \"de-CH, de;q=0.9, en;q=0.5\""
    }
}

extension Catalog {
    /// The catalog locale for a tag or an `Accept-Language` header (see `negotiateLocale`).
    public func negotiate(_ request: String) -> String {
        (try? negotiateLocale(request))?.catalogLocale ?? sourceLocale
    }

    /// Negotiates a tag or an `Accept-Language` header against the catalog's locales.
    /// Throws only when the request is not a tag or header at all (`--locale 12`).
    public func negotiateLocale(_ request: String) throws(LocaleRequestError) -> NegotiatedLocale {
        let ranges: [LocaleTag.LanguageRange]
        do { ranges = try LocaleTag.acceptLanguage(request) } catch { throw LocaleRequestError(request: request, available: locales, reason: error) }
        guard !ranges.isEmpty else { throw LocaleRequestError(request: request, available: locales) }
        let catalogTags = locales.map { (locale: $0, tag: LocaleTag($0)) }
        var tried: [String] = []
        for range in ranges {
            guard let requested = range.tag else {
                tried.append("*")
                return NegotiatedLocale(catalogLocale: sourceLocale, formattingLocale: sourceLocale, tried: tried)
            }
            for candidate in requested.fallbackChain {
                tried.append(candidate.identifier)
                if let match = catalogTags.first(where: { $0.tag == candidate }) {
                    let formatting = match.tag.map(requested.sharesLanguage(with:)) == true ? requested.identifier : match.locale
                    return NegotiatedLocale(catalogLocale: match.locale, formattingLocale: formatting, tried: tried)
                }
            }
            // The same language in another region (an imported page gives `de-DE.json`): the most
            // general member of the family, in catalog order among equals.
            let family = catalogTags.compactMap { item in item.tag.map { (locale: item.locale, tag: $0) } }
                .filter { $0.tag.isSameFamily(as: requested) }
            if let match = family.min(by: { Self.specificity($0.tag) < Self.specificity($1.tag) }) {
                tried.append(match.locale)
                return NegotiatedLocale(catalogLocale: match.locale, formattingLocale: requested.identifier, tried: tried)
            }
        }
        tried.append(sourceLocale)
        return NegotiatedLocale(catalogLocale: sourceLocale, formattingLocale: sourceLocale, tried: tried)
    }

    /// How many subtags a tag has beyond its language (fewer is more general).
    private static func specificity(_ tag: LocaleTag) -> Int {
        (tag.script == nil ? 0 : 1) + (tag.region == nil ? 0 : 1) + tag.variants.count + tag.extensions.count
    }
}
