/// How a locale writes numbers: its separators, digits, sign affixes and grouping sizes — as
/// ICU's default decimal format has them (read by `MessageFormatting` from ICU; built in below
/// for the common locales, so that modules without ICU, such as the matcher, get the same facts).
public struct NumberSymbols: Sendable, Hashable {
    public var locale: String
    public var groupingSeparator: String
    public var decimalSeparator: String
    public var positivePrefix: String
    public var positiveSuffix: String
    public var negativePrefix: String
    public var negativeSuffix: String
    /// UTF-8 of the digits 0…9 of the locale's numbering system.
    public var digits: [[UInt8]]
    public var groupingUsed: Bool
    /// Digits per group; `secondaryGrouping` 0 when every group has `primaryGrouping` digits
    /// (en-IN: 3 then 2, `12,34,567`).
    public var primaryGrouping: Int
    public var secondaryGrouping: Int
    /// As ICU's DecimalFormat reports it: -1 for "the locale's CLDR default".
    public var minimumGroupingDigits: Int

    public init(locale: String, groupingSeparator: String, decimalSeparator: String,
                positivePrefix: String = "", positiveSuffix: String = "", negativePrefix: String = "-", negativeSuffix: String = "",
                digits: [[UInt8]] = NumberSymbols.asciiDigits, groupingUsed: Bool = true,
                primaryGrouping: Int = 3, secondaryGrouping: Int = 0, minimumGroupingDigits: Int = -1) {
        self.locale = locale
        self.groupingSeparator = groupingSeparator
        self.decimalSeparator = decimalSeparator
        self.positivePrefix = positivePrefix
        self.positiveSuffix = positiveSuffix
        self.negativePrefix = negativePrefix
        self.negativeSuffix = negativeSuffix
        self.digits = digits
        self.groupingUsed = groupingUsed
        self.primaryGrouping = primaryGrouping
        self.secondaryGrouping = secondaryGrouping
        self.minimumGroupingDigits = minimumGroupingDigits
    }

    /// `0`…`9`.
    public static let asciiDigits: [[UInt8]] = (0..<10).map { [UInt8(48 + $0)] }
}

/// Where number symbols come from: ICU (`NumberSymbolsProvider.icu` in `MessageFormatting`) or
/// the built-in table (`.builtIn`). A locale the source does not know falls back along its
/// `LocaleTag` chain (`de-LU` → `de`), then to the root locale's symbols.
public struct NumberSymbolsProvider: Sendable {
    private let lookup: @Sendable (String) -> NumberSymbols?

    /// `lookup` answers for one canonical tag (`de-CH`), or `nil` when it has no data for it.
    public init(_ lookup: @escaping @Sendable (String) -> NumberSymbols?) {
        self.lookup = lookup
    }

    /// The symbols of `locale`: its own, a parent's, or the root locale's (`1,234.5`).
    public func symbols(for locale: String) -> NumberSymbols {
        for tag in LocaleTag(locale)?.fallbackChain ?? [] {
            if var found = lookup(tag.identifier) {
                found.locale = tag.identifier
                return found
            }
        }
        return NumberSymbols(locale: "root", groupingSeparator: ",", decimalSeparator: ".")
    }

    /// The built-in table: what ICU 72 (CLDR 42) answers for these locales, written out so that
    /// code without ICU agrees with code that has it. `NumberSymbolsTests` checks every entry —
    /// and every locale of the bundled catalog, de-AT, de-CH, en-IN, fr and it — against the
    /// system ICU, so a CLDR update that changes a separator fails a test instead of a match.
    public static let builtIn = NumberSymbolsProvider { builtInTable[$0] }

    static let builtInTable: [String: NumberSymbols] = {
        var table: [String: NumberSymbols] = [:]
        func add(_ locales: [String], _ grouping: String, _ decimal: String, minus: String = "-", secondary: Int = 0) {
            for locale in locales {
                table[locale] = NumberSymbols(locale: locale, groupingSeparator: grouping, decimalSeparator: decimal,
                                              negativePrefix: minus, secondaryGrouping: secondary)
            }
        }
        add(["en", "en-US", "en-GB", "en-XA", "ja", "zh", "ko", "th"], ",", ".")
        add(["en-IN"], ",", ".", secondary: 2)
        add(["he"], ",", ".", minus: "\u{200E}-")
        add(["de", "de-DE", "de-LU", "it", "nl", "id", "tr", "el", "ro", "sr", "vi", "is", "da", "es", "pt"], ".", ",")
        add(["hr", "sl"], ".", ",", minus: "\u{2212}")
        add(["de-CH", "de-LI"], "\u{2019}", ".")
        add(["de-AT", "ru", "cs", "sk", "uk", "hu", "bg", "pl"], "\u{A0}", ",")
        add(["sv", "nb", "fi"], "\u{A0}", ",", minus: "\u{2212}")
        add(["fr", "fr-CH"], "\u{202F}", ",")
        return table
    }()

    /// The locales of the built-in table.
    public static var builtInLocales: [String] { builtInTable.keys.sorted() }
}
