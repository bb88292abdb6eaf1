/// Locale negotiation: a BCP 47 tag (`de-AT`, `de_AT`) or an HTTP `Accept-Language` header
/// (`fr-CH, de;q=0.8, *;q=0.1`) → the best locale the catalog has, falling back by truncation
/// (`de-AT` → `de`) and finally to the source locale.
public struct NegotiatedLocale: Sendable, Hashable {
    /// The catalog locale whose texts are used (`de`).
    public let catalogLocale: String
    /// The locale for number and date conventions: the requested tag when it shares the catalog
    /// locale's language (`de-AT` renders `1 200` with ICU's Austrian grouping), else the catalog locale.
    public let formattingLocale: String
    /// Each requested tag that was tried, in order, and the chain it fell back through.
    public let tried: [String]
}

public enum LocaleTag {
    /// Canonical BCP 47 case: language lower, script title, region upper; `_` becomes `-`.
    public static func canonical(_ tag: String) -> String {
        let parts = tag.trimmingWhitespace().replacingUnderscores().split(separator: "-", omittingEmptySubsequences: false)
        var out: [String] = []
        for (index, part) in parts.enumerated() {
            let text = String(part)
            if index == 0 { out.append(text.lowercased()) }
            else if text.count == 4, text.allSatisfy(\.isLetter) { out.append(text.prefix(1).uppercased() + text.dropFirst().lowercased()) }
            else if text.count == 2, text.allSatisfy(\.isLetter) { out.append(text.uppercased()) }
            else { out.append(text.lowercased()) }
        }
        return out.joined(separator: "-")
    }

    /// A loose BCP 47 check: subtags of 1–8 ASCII letters or digits, the first all letters (2–8).
    public static func isWellFormed(_ tag: String) -> Bool {
        let parts = tag.replacingUnderscores().split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...8).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    /// `de-AT` → [`de-AT`, `de`].
    public static func fallbackChain(_ tag: String) -> [String] {
        var parts = canonical(tag).split(separator: "-").map(String.init)
        var chain: [String] = []
        while !parts.isEmpty {
            chain.append(parts.joined(separator: "-"))
            parts.removeLast()
        }
        return chain
    }

    public static func language(_ tag: String) -> String {
        String(canonical(tag).split(separator: "-").first ?? "")
    }
}

/// Why a locale request cannot be used at all.
public struct LocaleRequestError: Error, Sendable, CustomStringConvertible {
    public var request: String
    public var available: [String]
    public var description: String {
        "'\(request)' is not a locale tag or an Accept-Language header; use a tag such as \(available.joined(separator: ", ")) or de-AT, or a header such as \"de-CH, de;q=0.9, en;q=0.5\""
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
        let ranges = AcceptLanguage.parse(request)
        guard !ranges.isEmpty else { throw LocaleRequestError(request: request, available: locales) }
        var tried: [String] = []
        for range in ranges {
            if range == "*" {
                tried.append("*")
                return NegotiatedLocale(catalogLocale: sourceLocale, formattingLocale: sourceLocale, tried: tried)
            }
            for candidate in LocaleTag.fallbackChain(range) {
                tried.append(candidate)
                if let match = locales.first(where: { $0.lowercased() == candidate.lowercased() }) {
                    let formatting = LocaleTag.language(range) == LocaleTag.language(match) ? LocaleTag.canonical(range) : match
                    return NegotiatedLocale(catalogLocale: match, formattingLocale: formatting, tried: tried)
                }
            }
        }
        tried.append(sourceLocale)
        return NegotiatedLocale(catalogLocale: sourceLocale, formattingLocale: sourceLocale, tried: tried)
    }
}

enum AcceptLanguage {
    /// Language ranges by descending quality (stable for equal q); q=0 ranges are dropped.
    static func parse(_ header: String) -> [String] {
        var ranges: [(tag: String, q: Double, order: Int)] = []
        for (order, item) in header.split(separator: ",").enumerated() {
            let fields = item.split(separator: ";").map { String($0).trimmingWhitespace() }
            guard let tag = fields.first, !tag.isEmpty else { continue }
            guard tag == "*" || LocaleTag.isWellFormed(tag) else { return [] }
            var q = 1.0
            for field in fields.dropFirst() {
                let pair = field.split(separator: "=", maxSplits: 1).map { String($0).trimmingWhitespace() }
                if pair.count == 2, pair[0].lowercased() == "q" {
                    guard let value = Double(pair[1]), (0...1).contains(value) else { return [] }
                    q = value
                }
            }
            if q > 0 { ranges.append((tag, q, order)) }
        }
        return ranges.sorted { $0.q > $1.q || ($0.q == $1.q && $0.order < $1.order) }.map(\.tag)
    }
}

extension String {
    func replacingUnderscores() -> String {
        String(map { $0 == "_" ? "-" : $0 })
    }
}
