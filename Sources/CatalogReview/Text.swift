import ErrorCatalog
import MessageSyntax

/// The literal text of a parsed pattern as a flat list of scalars, each with its offset in the
/// pattern as written; a placeholder is one `\u{FFFC}` at the argument's start.
struct LiteralView {
    struct Item { var scalar: Unicode.Scalar; var offset: Int }
    var items: [Item] = []
    static let placeholder: Unicode.Scalar = "\u{FFFC}"

    init(_ message: Message) {
        append(message)
    }

    private mutating func append(_ message: Message) {
        for part in message.parts {
            switch part {
            case .text(let text, let range):
                let scalars = Array(text.unicodeScalars)
                let exact = scalars.count == range.end - range.start
                for (i, s) in scalars.enumerated() {
                    items.append(Item(scalar: s, offset: exact ? range.start + i : min(range.start + i, max(range.start, range.end - 1))))
                }
            case .pound(let range):
                items.append(Item(scalar: Self.placeholder, offset: range.start))
            case .argument(let argument):
                items.append(Item(scalar: Self.placeholder, offset: argument.range.start))
                switch argument.kind {
                case .plural(_, let cases), .selectordinal(_, let cases):
                    for c in cases { items.append(Item(scalar: " ", offset: argument.range.start)); append(c.message) }
                case .select(let cases):
                    for c in cases { items.append(Item(scalar: " ", offset: argument.range.start)); append(c.message) }
                case .choice(let cases):
                    for c in cases { items.append(Item(scalar: " ", offset: argument.range.start)); append(c.message) }
                case .simple, .formatted: break
                }
            }
        }
    }

    /// Plain text (no pattern involved): offsets are the scalar indexes.
    init(plain text: String) {
        items = text.unicodeScalars.enumerated().map { Item(scalar: $1, offset: $0) }
    }

    /// Whether the word at `range` is part of a technical token (`$filter`, `contoso.com`,
    /// `https://`, `a_b`): a run without spaces that has `$ . / : @ = _ \\` inside it.
    func isTechnical(_ range: Range<Int>) -> Bool {
        var a = range.lowerBound, b = range.upperBound
        while a > 0, !items[a - 1].scalar.properties.isWhitespace, items[a - 1].scalar != Self.placeholder { a -= 1 }
        while b < items.count, !items[b].scalar.properties.isWhitespace, items[b].scalar != Self.placeholder { b += 1 }
        let trimSet = Set(",;()!?\"'„“”«»…".unicodeScalars)
        while a < b, trimSet.contains(items[a].scalar) { a += 1 }
        while b > a, trimSet.contains(items[b - 1].scalar) || items[b - 1].scalar == "." || items[b - 1].scalar == ":" { b -= 1 }
        let technical = Set("$./:@=_\\".unicodeScalars)
        return items[a..<b].contains { technical.contains($0.scalar) }
    }

    var string: String { String(String.UnicodeScalarView(items.map(\.scalar))) }

    /// Words: runs of letters, digits, `-`, `_`, `'` starting with a letter.
    func words() -> [(word: String, start: Int, end: Int, index: Int, technical: Bool)] {
        var result: [(String, Int, Int, Int, Bool)] = []
        var i = 0
        while i < items.count {
            let s = items[i].scalar
            guard s.properties.isAlphabetic else { i += 1; continue }
            var j = i
            while j < items.count, items[j].scalar.properties.isAlphabetic || items[j].scalar.properties.numericType != nil
                    || ((items[j].scalar == "-" || items[j].scalar == "_" || items[j].scalar == "'" || items[j].scalar == "’")
                        && j + 1 < items.count && items[j + 1].scalar.properties.isAlphabetic) {
                j += 1
            }
            let word = String(String.UnicodeScalarView(items[i..<j].map(\.scalar)))
            result.append((word, items[i].offset, items[j - 1].offset + 1, result.count, isTechnical(i..<j)))
            i = j
        }
        return result
    }
}

enum TextRules {
    static func isAllCaps(_ word: String) -> Bool {
        let letters = word.unicodeScalars.filter { $0.properties.isAlphabetic }
        return letters.count >= 2 && letters.count == word.unicodeScalars.count
            && letters.allSatisfy { $0.properties.isUppercase }
    }

    /// `InvalidRequestBody`, `lowerCamel`: a lowercase letter followed by an uppercase one.
    static func isCamelCase(_ word: String) -> Bool {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count >= 4 else { return false }
        for i in 1..<scalars.count where scalars[i].properties.isUppercase && scalars[i - 1].properties.isLowercase {
            return true
        }
        return false
    }

    static func uppercaseCount(_ word: String) -> Int {
        word.unicodeScalars.filter { $0.properties.isUppercase }.count
    }

    /// Case-insensitive edit distance (the catalog's own, shared through the package).
    static func editDistance(_ a: String, _ b: String) -> Int {
        EditDistance.between(a.lowercased(), b.lowercased())
    }

    /// The final punctuation mark of a text (ignoring trailing whitespace), or "" when it ends otherwise.
    static func finalPunctuation(_ text: String) -> String {
        let trimmed = text.unicodeScalars.reversed().drop { $0.properties.isWhitespace }
        guard let last = trimmed.first else { return "" }
        return ".!?:;…".unicodeScalars.contains(last) ? String(last) : ""
    }
}
