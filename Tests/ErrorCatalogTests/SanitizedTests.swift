import ErrorCatalog
import Testing

@Suite("Sanitized: the one terminal sanitiser")
struct SanitizedTests {
    /// Every invisible, bidi and control class by Unicode property, including the gaps of
    /// issue 10.7 (U+061C, U+2060–2064, tag characters).
    static let escaped: [UInt32] = [
        0x00, 0x07, 0x1B, 0x7F, 0x85, 0x9B, 0xAD, 0x061C, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F,
        0x2028, 0x2029, 0x202A, 0x202E, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2069, 0x206F,
        0x3164, 0xFE0F, 0xFEFF, 0xFFF9, 0xFFFE, 0xE0000, 0xE0001, 0xE0041, 0xE007F, 0x1D173, 0x10FFFF,
    ]

    @Test(arguments: escaped)
    func invisibleAndControlCharactersBecomeEscapes(value: UInt32) {
        let scalar = Unicode.Scalar(value)!
        #expect(Sanitized.isInvisibleOrControl(scalar))
        let shown = Sanitized.visible("a" + String(scalar) + "b")
        #expect(shown == "a\\u{\(String(value, radix: 16, uppercase: true))}b")
    }

    /// The fast ranges (no property lookup) give what the properties give, for every scalar
    /// up to U+30FF (Latin, punctuation and the other ranges around them).
    @Test func fastRangesAgreeWithTheProperties() {
        var differences: [String] = []
        for value in UInt32(0)...0x30FF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let properties = scalar.properties
            let byProperties: Bool
            if value < 0x20 || (value >= 0x7F && value < 0xA0) {
                byProperties = true
            } else {
                switch properties.generalCategory {
                case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate: byProperties = true
                default: byProperties = properties.isDefaultIgnorableCodePoint || properties.isNoncharacterCodePoint
                }
            }
            if Sanitized.isInvisibleOrControl(scalar) != byProperties { differences.append(String(value, radix: 16)) }
        }
        #expect(differences.isEmpty, "\(differences.prefix(20))")
    }

    @Test func lineBreaksAndTabsAreNamed() {
        #expect(Sanitized.visible("a\tb\nc\rd") == "a\\tb\\nc\\rd")
        #expect(Sanitized.visible("a\tb\nc\rd", keepingLineBreaks: true) == "a\tb\nc\\rd")
    }

    @Test(arguments: ["Der Hashwert ist ungültig.", "1’200", "1\u{A0}200", "1\u{202F}200", "日本語", "Ä\u{308}", "emoji 👍", "«quoted»", ""])
    func visibleTextIsUnchanged(text: String) {
        #expect(Sanitized.visible(text) == text)
        #expect(!Sanitized.needsEscaping(text))
    }
}
