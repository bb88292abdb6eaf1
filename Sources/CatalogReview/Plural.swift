import ICUShim

/// The plural categories a locale needs, from the system ICU's plural rules.
public enum PluralCategories {
    /// Cardinal (`ordinal == false`) or ordinal keywords of `locale`, e.g. `["one", "other"]` for `de`.
    public static func keywords(locale: String, ordinal: Bool = false) -> [String] {
        var buffer = [CChar](repeating: 0, count: 128)
        let status = icushim_review_plural_keywords(locale, ordinal ? 1 : 0, &buffer, Int32(buffer.count))
        guard status == 0 else { return ["other"] }
        let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let order = ["zero", "one", "two", "few", "many", "other"]
        return text.split(separator: " ").map(String.init).sorted { (order.firstIndex(of: $0) ?? 9) < (order.firstIndex(of: $1) ?? 9) }
    }
}
