import ICUShim
import Testing
@testable import MessageSyntax

/// ICU 72 (`icu::MessageFormat`) as the oracle: the Swift parser must accept exactly the patterns
/// ICU accepts, and for accepted ones the printed text must parse back to the same message and be
/// accepted by ICU too.
enum Oracle {
    struct Verdict {
        var accepted: Bool
        var errorName: String
        var errorOffset: Int32
    }

    static func validate(_ pattern: String) -> Verdict {
        let units = Array(pattern.utf16)
        var offset: Int32 = -1
        var name = [CChar](repeating: 0, count: 64)
        let status = units.withUnsafeBufferPointer { buffer in
            icushim_mf_validate(buffer.baseAddress, Int32(buffer.count), "en", &offset, &name, 64)
        }
        let errorName = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return Verdict(accepted: status == 0, errorName: errorName, errorOffset: offset)
    }
}

/// A small seeded generator (SplitMix64) so failures reproduce.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random MF1 patterns: mostly well-formed, with deliberate near-misses, then mutated/truncated.
struct PatternGenerator {
    var rng: SplitMix64

    mutating func pick<T>(_ items: [T]) -> T { items.randomElement(using: &rng)! }
    mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &rng) < percent }

    static let texts = ["a", "Hash ", " is invalid.", "isn't", "'", "''", "'{'", "'}'", "'#'", "'|'", "x'y", "ü", "\n",
                        " ", "{", "}", "#", "|", "'{x}'", "it''s", "'{a''b}'", "ä ö", "→", "\t", "''{", "''}"]
    static let names = ["a", "hash", "0", "1", "12", "32767", "_x", "ä", "x1", "1x", "n"]
    static let badNames = ["01", "", "a b", "-x", "32768", "a.b", "00"]
    static let types = ["number", "NUMBER", "Date", "time", "spellout", "ordinal", "duration"]
    static let badTypes = ["", "foo", "num3", "plurals", "select ordinal"]
    static let numberStyles = ["integer", "Currency", "percent", "::currency/EUR", ":: percent", "::compact-short",
                               "#,##0.00", "0.0", "#%", "'#'0", "00", "", " ", "::", "#,##0.###", "0.00E0", "¤#,##0.00",
                               "#,##0;(#,##0)", "@@@", "::precision-integer", "::.00", "abc", "'{'0"]
    static let badNumberStyles = ["#0#", "0.0#0", "#,##0,", "::foo", "'abc", "::currency/", "0#", "#,,##0"]
    static let dateStyles = ["short", "MEDIUM", "long", "full", "::yMMMd", "HH:mm", "yyyy-MM-dd", "'at' HH", "", "xyz"]
    static let ruleStyles = ["%spellout-ordinal", "%foo", "", "%digits-ordinal"]
    static let pluralKeywords = ["zero", "one", "two", "few", "many", "other", "other", "=0", "=1", "=1.5", "=-1", "foo"]
    static let selectKeywords = ["female", "male", "other", "other", "x", "1"]

    mutating func space() -> String { chance(30) ? pick([" ", "  ", "\n", "\t"]) : "" }

    mutating func message(depth: Int, plural: Bool) -> String {
        var out = ""
        for _ in 0..<Int.random(in: 0...4, using: &rng) {
            switch Int.random(in: 0..<10, using: &rng) {
            case 0...4: out += pick(Self.texts)
            case 5: if plural { out += "#" } else { out += pick(Self.texts) }
            default: out += argument(depth: depth)
            }
        }
        return out
    }

    mutating func argument(depth: Int) -> String {
        let name = chance(5) ? pick(Self.badNames) : pick(Self.names)
        var out = "{" + space() + name + space()
        let kind = depth >= 2 ? Int.random(in: 0..<3, using: &rng) : Int.random(in: 0..<7, using: &rng)
        switch kind {
        case 0:
            break
        case 1, 2:
            let type = chance(5) ? pick(Self.badTypes) : pick(Self.types)
            out += "," + space() + type + space()
            if chance(60) {
                let lower = type.lowercased()
                let style: String
                if lower == "number" {
                    style = chance(10) ? pick(Self.badNumberStyles) : pick(Self.numberStyles)
                } else if lower == "date" || lower == "time" {
                    style = pick(Self.dateStyles)
                } else {
                    style = pick(Self.ruleStyles)
                }
                out += "," + space() + style + space()
            }
        case 3, 4:
            out += "," + space() + pick(["plural", "selectordinal", "PLURAL"]) + space() + ","
            if chance(20) { out += space() + "offset:" + space() + pick(["1", "2", "0.5", "-1", "x"]) }
            var hasOther = false
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                let keyword = pick(Self.pluralKeywords)
                hasOther = hasOther || keyword == "other"
                out += space() + " " + keyword + space() + "{" + message(depth: depth + 1, plural: true) + "}"
            }
            if !hasOther && chance(85) { out += " other {" + message(depth: depth + 1, plural: true) + "}" }
        case 5:
            out += "," + space() + "select" + space() + ","
            var hasOther = false
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                let keyword = pick(Self.selectKeywords)
                hasOther = hasOther || keyword == "other"
                out += space() + " " + keyword + space() + "{" + message(depth: depth + 1, plural: false) + "}"
            }
            if !hasOther && chance(85) { out += " other {" + message(depth: depth + 1, plural: false) + "}" }
        default:
            out += "," + space() + "choice" + space() + ","
            for index in 0..<Int.random(in: 1...3, using: &rng) {
                if index > 0 { out += "|" }
                out += space() + pick(["0", "1", "1.5", "-∞", "∞", "2", "x"]) + space() + pick(["#", "<", "≤", "#"])
                out += message(depth: depth + 1, plural: false)
            }
        }
        return out + "}"
    }

    /// Deletes, duplicates or inserts a syntax character, or truncates.
    mutating func mutate(_ pattern: String) -> String {
        var scalars = Array(pattern.unicodeScalars)
        guard !scalars.isEmpty else { return pick(["{", "}", "'"]) }
        let position = Int.random(in: 0..<scalars.count, using: &rng)
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: scalars.removeSubrange(position...)
        case 1: scalars.remove(at: position)
        case 2: scalars.insert(pick(["{", "}", "'", ",", "#", "|", " ", "="]), at: position)
        default: scalars.insert(scalars[position], at: position)
        }
        return String(String.UnicodeScalarView(scalars))
    }
}

@Suite struct DifferentialTests {
    static let handwritten: [String] = [
        "", "plain", "isn't", "it''s", "'{'", "'}'", "'{x}'", "a '{b", "x'", "'", "''", "'''", "a}b", "}", "{", "{}",
        "{ }", "{a", "{a}", "{ a }", "{0}", "{01}", "{00}", "{32767}", "{32768}", "{a b}", "{a,}", "{a,number}",
        "{a , number , integer }", "{a,number,integer", "{a,NuMbEr}", "{a,foo}", "{a,number,#0#}", "{a,number,'abc}",
        "{a,number,{x}}", "{a,number,{x}", "{a,date,::yMMMd}", "{a,time,HH:mm'}'}", "{a,spellout,%foo}",
        "{n,plural,other{#}}", "{n,plural,one{#}}", "{n,plural,other{'#'}}", "{n,plural,other{''#''}}",
        "{n,plural,offset:1 other{#}}", "{n,plural,offset :1 other{#}}", "{n,plural,offset:x other{#}}",
        "{n,plural,other{a} offset:1}", "{n,plural,=0{none} other{#}}", "{n,plural,=abc{x} other{y}}", "{n,plural,= 1{x} other{y}}",
        "{n,plural,=1e3{x} other{y}}", "{n,plural,=1e{x} other{y}}", "{n,plural,=.5{x} other{y}}", "{n,plural,=1.{x} other{y}}",
        "{n,plural,=+1{x} other{y}}", "{n,plural,=--1{x} other{y}}", "{n,plural,other{x}", "{n,plural,other{x}",
        "{n,plural}", "{n,plural,}", "{n,plural, other {x} other {y}}", "{n, select, other{}}", "{n, select, =1{x} other{}}",
        "{n, select, a{#} other{}}", "{n,selectordinal,one{#st} two{#nd} few{#rd} other{#th}}", "{n,select ordinal,other{}}",
        "{0,choice,0#none|1#one|1<many}", "{0,choice,0#a|}", "{0,choice,}", "{0,choice,x#a}", "{0,choice,0a}",
        "{0,choice,-∞<neg|0≤zero}", "{0,choice,0#a'|'b}", "{0,choice,0#{1}|1#b}", "{0,choice,0#a}b{c", "x{0,choice,0#a",
        "{n,plural,other{{g,select,other{#}}}}", "{n,plural,other{{g,select,other{'#'}}}}", "Der Hashwert {hash ist ungültig.",
        "{a}{b}{0}{1}", "{ä}", "{a-b}", "{a.b}", "{a_b}", "{\u{00A0}a}", "{\u{200E}a\u{200E}}", "{a\u{2028}}",
        "{a, number, ::currency/EUR}", "{a, number, ::currency/EU}", "{a, number, integer}}", "{n, plural, other {'}'}}",
        "{n, plural, other {'{'}}", "{n, plural, other {x}}}", "{n, plural, one {x} other {y}} }",
    ]

    static func generated(count: Int, seed: UInt64) -> [String] {
        var generator = PatternGenerator(rng: SplitMix64(seed: seed))
        var result: [String] = []
        while result.count < count {
            let pattern = generator.message(depth: 0, plural: false)
            result.append(pattern)
            if generator.chance(60) { result.append(generator.mutate(pattern)) }
            if generator.chance(30) { result.append(generator.mutate(generator.mutate(pattern))) }
        }
        return result
    }

    /// Checks one pattern against ICU; returns a description of the disagreement, or nil.
    static func disagreement(_ pattern: String) -> String? {
        let icu = Oracle.validate(pattern)
        let ours: Result<Message, SyntaxError>
        do { ours = .success(try MessageParser.parse(pattern)) } catch { ours = .failure(error) }
        switch (icu.accepted, ours) {
        case (true, .failure(let error)):
            return "ICU accepts, we reject (\(error)): \(pattern.debugDescription)"
        case (false, .success):
            return "ICU rejects (\(icu.errorName) @\(icu.errorOffset)), we accept: \(pattern.debugDescription)"
        case (false, .failure):
            return nil
        case (true, .success(let message)):
            let printed = MessagePrinter.print(message)
            guard Oracle.validate(printed).accepted else {
                return "ICU rejects the printed text \(printed.debugDescription) of \(pattern.debugDescription)"
            }
            guard let reparsed = try? MessageParser.parse(printed) else {
                return "we reject the printed text \(printed.debugDescription) of \(pattern.debugDescription)"
            }
            if !reparsed.isStructurallyEqual(to: message) {
                return "round trip changed the message: \(pattern.debugDescription) -> \(printed.debugDescription)"
            }
            return nil
        }
    }

    @Test func handwrittenPatternsAgreeWithICU() {
        let failures = Self.handwritten.compactMap(Self.disagreement)
        #expect(failures.isEmpty, "\(failures.count) of \(Self.handwritten.count) disagree:\n\(failures.joined(separator: "\n"))")
    }

    @Test(arguments: [UInt64(1), 2, 3, 4])
    func generatedPatternsAgreeWithICU(seed: UInt64) {
        let patterns = Self.generated(count: 1000, seed: seed)
        let failures = patterns.compactMap(Self.disagreement)
        let accepted = patterns.filter { Oracle.validate($0).accepted }.count
        #expect(failures.isEmpty, "seed \(seed): \(failures.count) of \(patterns.count) disagree (\(accepted) accepted by ICU):\n\(failures.prefix(40).joined(separator: "\n"))")
        // The generator must exercise both sides, or the comparison proves little.
        #expect(accepted > patterns.count / 5 && accepted < patterns.count * 4 / 5, "seed \(seed): \(accepted) of \(patterns.count) accepted")
    }
}

/// Number styles are where ICU's MessageFormat validates the most (DecimalFormat patterns and
/// number skeletons): random strings over their alphabets, checked against ICU.
@Suite struct NumberStyleDifferentialTests {
    static func randomPatterns(count: Int, seed: UInt64) -> [String] {
        var rng = SplitMix64(seed: seed)
        let alphabet: [String] = ["#", "0", "0", "#", "@", ",", ".", ";", "E", "+", "*", "'", "%", "¤", "-", "a", "1", " ", "‰", "E0"]
        return (0..<count).map { _ in
            let length = Int.random(in: 0...8, using: &rng)
            return "{x, number, " + (0..<length).map { _ in alphabet.randomElement(using: &rng)! }.joined() + "}"
        }
    }

    static func randomSkeletons(count: Int, seed: UInt64) -> [String] {
        var rng = SplitMix64(seed: seed)
        let stems = ["percent", "compact-short", "K", "scientific", "engineering", "precision-integer", "precision-unlimited",
                     "currency", "measure-unit", "unit", "integer-width", "scale", "numbering-system", "precision-increment",
                     "group-off", ",_", "+!", "()", "sign-always", "latin", "unit-width-narrow", "%x100", "rounding-mode-floor",
                     ".00", ".0#", ".*", "@@#", "@+", "E0", "EE+!00", "000", "0#", "E", ".#0", "@#@", "foo", "%", "decimal-always"]
        let options = ["EUR", "eu", "length-meter", "length-foo", "meter-per-second", "*00", "#00", "+0", "100", "x", "latn", "arab",
                       "LATN", "0.05", "w", "@@r", "@#", "@@", "*ee", "+ee", "sign-always", "+!", "", "s"]
        return (0..<count).map { _ in
            var tokens: [String] = []
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                var token = stems.randomElement(using: &rng)!
                for _ in 0..<Int.random(in: 0...2, using: &rng) where Int.random(in: 0..<2, using: &rng) == 0 {
                    token += "/" + options.randomElement(using: &rng)!
                }
                tokens.append(token)
            }
            return "{x, number, ::" + tokens.joined(separator: Bool.random(using: &rng) ? " " : "  ") + "}"
        }
    }

    @Test func decimalPatternsAgreeWithICU() {
        let patterns = Self.randomPatterns(count: 3000, seed: 7)
        let failures = patterns.compactMap(DifferentialTests.disagreement)
        let accepted = patterns.filter { Oracle.validate($0).accepted }.count
        #expect(failures.isEmpty, "\(failures.count) of \(patterns.count) disagree (\(accepted) accepted by ICU):\n\(failures.prefix(40).joined(separator: "\n"))")
        #expect(accepted > patterns.count / 5 && accepted < patterns.count * 4 / 5, "\(accepted) of \(patterns.count) accepted")
    }

    @Test func skeletonsAgreeWithICU() {
        let patterns = Self.randomSkeletons(count: 3000, seed: 11)
        let failures = patterns.compactMap(DifferentialTests.disagreement)
        let accepted = patterns.filter { Oracle.validate($0).accepted }.count
        #expect(failures.isEmpty, "\(failures.count) of \(patterns.count) disagree (\(accepted) accepted by ICU):\n\(failures.prefix(40).joined(separator: "\n"))")
        #expect(accepted > patterns.count / 10 && accepted < patterns.count * 9 / 10, "\(accepted) of \(patterns.count) accepted")
    }
}
