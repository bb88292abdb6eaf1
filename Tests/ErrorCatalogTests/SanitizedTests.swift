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

    /// `needsEscaping` reads bytes (eight printable ASCII bytes at a time, German letters without
    /// a look-up): it must still find every scalar the sanitiser escapes, at every position of a
    /// longer text, and nothing else.
    @Test func needsEscapingFindsEveryEscapedScalarAnywhere() {
        let filler = Array("Die Größe passt nicht: abcdefgh".unicodeScalars)
        var wrong: [String] = []
        var values = Array(UInt32(0)...0x30FF)
        values += [0xFEFF, 0xFFF9, 0xFFFD, 0xFFFE, 0x1F600, 0xE0041, 0x10FFFF]
        for value in values {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for position in [0, 3, 8, 15, filler.count] {
                var scalars = String.UnicodeScalarView()
                scalars.append(contentsOf: filler[..<position])
                scalars.append(scalar)
                scalars.append(contentsOf: filler[position...])
                if Sanitized.needsEscaping(String(scalars)) != Sanitized.isInvisibleOrControl(scalar) {
                    wrong.append("U+\(String(value, radix: 16)) at \(position)")
                }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(20))")
        #expect(!Sanitized.needsEscaping(String(String.UnicodeScalarView(filler))))
        #expect(!Sanitized.needsEscaping(""))
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
