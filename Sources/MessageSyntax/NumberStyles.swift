/// The checks `icu::MessageFormat` makes on a number argument's style when it builds the formatter:
/// a DecimalFormat pattern (ICU's number_patternstring.cpp) or a number skeleton
/// (number_skeletons.cpp), as in ICU 72. Date/time styles and rule set names are never rejected
/// by ICU, so they are not checked.

/// A problem found in a style: where (scalar offset into the checked text) and what.
struct StyleProblem: Error {
    var offset: Int
    var message: String
}

enum DecimalPatternCheck {
    /// Checks `p` as ICU's `ParsedPatternInfo::consumePattern` does.
    static func check(_ p: ArraySlice<Unicode.Scalar>) -> StyleProblem? {
        var state = State(p: Array(p))
        do {
            try state.consumeSubpattern()
            if state.peek() == ";" {
                state.i += 1
                if state.peek() != nil { try state.consumeSubpattern() }
            }
            if let c = state.peek() {
                return StyleProblem(offset: state.i, message: "unexpected '\(c)' in the number pattern")
            }
            return nil
        } catch {
            return error
        }
    }

    struct State {
        var p: [Unicode.Scalar]
        var i = 0
        var hasPadding = false

        func peek() -> Unicode.Scalar? { i < p.count ? p[i] : nil }
        func peek2() -> Unicode.Scalar? { i + 1 < p.count ? p[i + 1] : nil }
        func fail(_ message: String) -> StyleProblem { StyleProblem(offset: i, message: message) }

        static func isDigit(_ c: Unicode.Scalar?) -> Bool {
            guard let c else { return false }
            return c >= "0" && c <= "9"
        }

        mutating func consumeSubpattern() throws(StyleProblem) {
            hasPadding = false
            try consumePadding()
            try consumeAffix()
            try consumePadding()
            try consumeFormat()
            try consumeExponent()
            try consumePadding()
            try consumeAffix()
            try consumePadding()
        }

        mutating func consumePadding() throws(StyleProblem) {
            guard peek() == "*" else { return }
            if hasPadding { throw fail("only one pad specifier '*' is allowed") }
            hasPadding = true
            i += 1
            try consumeLiteral()
        }

        mutating func consumeAffix() throws(StyleProblem) {
            while let c = peek() {
                switch c {
                case "#", "@", ";", "*", ".", ",", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9":
                    return
                default:
                    try consumeLiteral()
                }
            }
        }

        mutating func consumeLiteral() throws(StyleProblem) {
            guard let c = peek() else { throw fail("expected a character after '*'") }
            if c == "'" {
                let start = i
                i += 1
                while peek() != "'" {
                    if peek() == nil { throw StyleProblem(offset: start, message: "the quote in the number pattern is never closed") }
                    i += 1
                }
                i += 1
            } else {
                i += 1
            }
        }

        mutating func consumeFormat() throws(StyleProblem) {
            try consumeIntegerFormat()
            if peek() == "." {
                i += 1
                try consumeFractionFormat()
            } else if peek() == "¤", peek2() == "#" || Self.isDigit(peek2()) {
                i += 1
                try consumeFractionFormat()
            }
        }

        mutating func consumeIntegerFormat() throws(StyleProblem) {
            // Grouping sizes as ICU keeps them: g1 is the current group, g2/g3 the previous ones;
            // -1 means "no such group".
            var g1 = 0, g2 = -1, g3 = -1
            var numerals = 0, atSigns = 0, trailingHashes = 0
            loop: while let c = peek() {
                switch c {
                case ",":
                    g3 = g2; g2 = g1; g1 = 0
                case "#":
                    if numerals > 0 { throw fail("'#' cannot follow '0' before the decimal point") }
                    g1 += 1
                    if atSigns > 0 { trailingHashes += 1 }
                case "@":
                    if numerals > 0 { throw fail("cannot mix '0' and '@'") }
                    if trailingHashes > 0 { throw fail("cannot nest '#' inside a run of '@'") }
                    g1 += 1
                    atSigns += 1
                case "0"..."9":
                    if atSigns > 0 { throw fail("cannot mix '@' and '0'") }
                    g1 += 1
                    numerals += 1
                default:
                    break loop
                }
                i += 1
            }
            if g1 == 0 && g2 != -1 { throw fail("a grouping separator ',' cannot end the integer part") }
            if g2 == 0 && g3 != -1 { throw fail("two grouping separators ',' in a row") }
            groupingUsed = g2 != -1
        }

        var groupingUsed = false

        mutating func consumeFractionFormat() throws(StyleProblem) {
            var hashes = 0
            while let c = peek() {
                if c == "#" {
                    hashes += 1
                } else if Self.isDigit(c) {
                    if hashes > 0 { throw fail("'0' cannot follow '#' after the decimal point") }
                } else {
                    return
                }
                i += 1
            }
        }

        mutating func consumeExponent() throws(StyleProblem) {
            guard peek() == "E" else { return }
            if groupingUsed { throw fail("scientific notation 'E' cannot be used with grouping ','") }
            i += 1
            if peek() == "+" { i += 1 }
            while peek() == "0" { i += 1 }
        }
    }
}

enum NumberSkeletonCheck {
    enum Category: Hashable {
        case notation, unit, perUnit, precision, roundingMode, grouper, integerWidth, symbols, unitWidth, sign, decimal, scale
    }

    /// What may follow a stem after '/'.
    enum State {
        case none, scientific, fractionPrecision, precision
        case incrementPrecision, measureUnit, perMeasureUnit, identifierUnit, currency, integerWidth, numberingSystem, scale

        var requiresOption: Bool {
            switch self {
            case .none, .scientific, .fractionPrecision, .precision: return false
            default: return true
            }
        }
    }

    static let plainStems: [String: (Category, State)] = {
        var stems: [String: (Category, State)] = [:]
        for name in ["compact-short", "compact-long", "notation-simple", "K", "KK"] { stems[name] = (.notation, .none) }
        for name in ["scientific", "engineering"] { stems[name] = (.notation, .scientific) }
        for name in ["base-unit", "percent", "permille", "%"] { stems[name] = (.unit, .none) }
        stems["precision-integer"] = (.precision, .fractionPrecision)
        for name in ["precision-unlimited", "precision-currency-standard", "precision-currency-cash"] { stems[name] = (.precision, .precision) }
        for mode in ["ceiling", "floor", "down", "up", "half-even", "half-odd", "half-ceiling", "half-floor", "half-down", "half-up", "unnecessary"] {
            stems["rounding-mode-" + mode] = (.roundingMode, .none)
        }
        stems["integer-width-trunc"] = (.integerWidth, .none)
        for name in ["group-off", "group-min2", "group-auto", "group-on-aligned", "group-thousands", ",_", ",?", ",!"] { stems[name] = (.grouper, .none) }
        stems["latin"] = (.symbols, .none)
        for width in ["narrow", "short", "full-name", "iso-code", "formal", "variant", "hidden"] { stems["unit-width-" + width] = (.unitWidth, .none) }
        for name in signStems { stems[name] = (.sign, .none) }
        for name in ["decimal-auto", "decimal-always"] { stems[name] = (.decimal, .none) }
        stems["precision-increment"] = (.precision, .incrementPrecision)
        stems["measure-unit"] = (.unit, .measureUnit)
        stems["per-measure-unit"] = (.perUnit, .perMeasureUnit)
        stems["currency"] = (.unit, .currency)
        stems["integer-width"] = (.integerWidth, .integerWidth)
        stems["numbering-system"] = (.symbols, .numberingSystem)
        stems["scale"] = (.scale, .scale)
        return stems
    }()

    static let signStems: Set<String> = [
        "sign-auto", "sign-always", "sign-never", "sign-accounting", "sign-accounting-always", "sign-except-zero",
        "sign-accounting-except-zero", "sign-negative", "sign-accounting-negative",
        "+!", "+_", "()", "()!", "+?", "()?", "+-", "()-",
    ]

    /// Checks a number skeleton (the text after `::`) as ICU's `skeleton::parseSkeleton` does.
    static func check(_ s: ArraySlice<Unicode.Scalar>) -> StyleProblem? {
        let chars = Array(s)
        var seen = Set<Category>()
        var state: State? = nil   // nil: expecting a stem; otherwise the stem's option state
        var i = 0
        var segmentStart = 0
        while i <= chars.count {
            let c: Unicode.Scalar = i < chars.count ? chars[i] : " "
            let isTokenSeparator = PatternProps.isWhiteSpace(c)
            let isOptionSeparator = c == "/"
            if !isTokenSeparator && !isOptionSeparator {
                i += 1
                continue
            }
            if i > segmentStart {
                let segment = chars[segmentStart..<i]
                do {
                    let next: State
                    if let current = state {
                        next = try parseOption(current, segment)
                    } else {
                        next = try parseStem(segment, seen: &seen)
                    }
                    state = next == .none ? nil : next
                } catch {
                    return StyleProblem(offset: segmentStart, message: error.message)
                }
            } else if state != nil {
                return StyleProblem(offset: i, message: "expected an option after '/'")
            }
            if isOptionSeparator && state == nil {
                return StyleProblem(offset: i, message: "this skeleton stem takes no option")
            }
            if isTokenSeparator, let current = state {
                if current.requiresOption {
                    return StyleProblem(offset: i, message: "this skeleton stem needs an option after '/'")
                }
                state = nil
            }
            i += 1
            segmentStart = i
        }
        return nil
    }

    static func string(_ s: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: s)
        return String(view)
    }

    static func mark(_ category: Category, _ seen: inout Set<Category>) throws(StyleProblem) {
        if !seen.insert(category).inserted { throw StyleProblem(offset: 0, message: "the skeleton sets the same option twice") }
    }

    static func parseStem(_ segment: ArraySlice<Unicode.Scalar>, seen: inout Set<Category>) throws(StyleProblem) -> State {
        let bad = StyleProblem(offset: 0, message: "invalid skeleton stem '\(string(segment))'")
        let first = segment.first!
        switch first {
        case ".":
            try mark(.precision, &seen)
            guard checkFraction(segment.dropFirst()) else { throw bad }
            return .fractionPrecision
        case "@":
            try mark(.precision, &seen)
            guard checkDigits(segment) != nil else { throw bad }
            return .precision
        case "E":
            try mark(.notation, &seen)
            guard checkScientific(segment) else { throw bad }
            return .none
        case "0":
            try mark(.integerWidth, &seen)
            guard segment.allSatisfy({ $0 == "0" }) else { throw bad }
            return .none
        default:
            break
        }
        let name = string(segment)
        if name == "%x100" {
            try mark(.scale, &seen)
            try mark(.unit, &seen)
            return .none
        }
        if name == "unit" {
            try mark(.unit, &seen)
            try mark(.perUnit, &seen)
            return .identifierUnit
        }
        guard let (category, state) = plainStems[name] else {
            throw StyleProblem(offset: 0, message: "unknown skeleton stem '\(name)'")
        }
        try mark(category, &seen)
        return state
    }

    /// `.00##`, `.00*`, `.00+`: zeros, then hashes or one wildcard.
    static func checkFraction(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
        var rest = s.drop { $0 == "0" }
        if let c = rest.first, c == "*" || c == "+" {
            rest = rest.dropFirst()
        } else {
            rest = rest.drop { $0 == "#" }
        }
        return rest.isEmpty
    }

    /// `@@##`, `@@*`: returns (minimum, maximum or -1) and what remains.
    static func checkDigits(_ s: ArraySlice<Unicode.Scalar>, allowingRest: Bool = false) -> (Int, Int, ArraySlice<Unicode.Scalar>)? {
        var rest = s.drop { $0 == "@" }
        let minimum = s.count - rest.count
        var maximum = minimum
        if let c = rest.first, c == "*" || c == "+" {
            maximum = -1
            rest = rest.dropFirst()
        } else {
            let before = rest.count
            rest = rest.drop { $0 == "#" }
            maximum += before - rest.count
        }
        if !rest.isEmpty && !allowingRest { return nil }
        return (minimum, maximum, rest)
    }

    /// `E0`, `EE00`, `E+!0`, `E+?00`.
    static func checkScientific(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
        var rest = s.dropFirst()
        if rest.first == "E" { rest = rest.dropFirst() }
        if rest.first == "+" {
            rest = rest.dropFirst()
            guard let sign = rest.first, sign == "!" || sign == "?" else { return false }
            rest = rest.dropFirst()
        }
        return !rest.isEmpty && rest.allSatisfy { $0 == "0" }
    }

    static func isDecimalNumber(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
        var rest = s
        if let c = rest.first, c == "-" || c == "+" { rest = rest.dropFirst() }
        let intDigits = rest.prefix { $0 >= "0" && $0 <= "9" }.count
        rest = rest.dropFirst(intDigits)
        var fracDigits = 0
        if rest.first == "." {
            rest = rest.dropFirst()
            fracDigits = rest.prefix { $0 >= "0" && $0 <= "9" }.count
            rest = rest.dropFirst(fracDigits)
        }
        if intDigits + fracDigits == 0 { return false }
        if let e = rest.first, e == "e" || e == "E" {
            rest = rest.dropFirst()
            if let c = rest.first, c == "-" || c == "+" { rest = rest.dropFirst() }
            let expDigits = rest.prefix { $0 >= "0" && $0 <= "9" }.count
            if expDigits == 0 { return false }
            rest = rest.dropFirst(expDigits)
        }
        return rest.isEmpty
    }

    static func parseOption(_ state: State, _ segment: ArraySlice<Unicode.Scalar>) throws(StyleProblem) -> State {
        let option = string(segment)
        let bad = StyleProblem(offset: 0, message: "invalid skeleton option '\(option)'")
        switch state {
        case .currency:
            // ICU's CurrencyUnit takes any three "invariant" characters.
            guard segment.count == 3, segment.allSatisfy(isInvariant) else { throw bad }
            return .none
        case .measureUnit, .perMeasureUnit:
            guard measureUnits.contains(option) else { throw bad }
            return .none
        case .identifierUnit:
            guard isUnitIdentifier(option) else { throw bad }
            return .none
        case .incrementPrecision:
            guard isDecimalNumber(segment) else { throw bad }
            return .precision
        case .integerWidth:
            var rest = segment
            if let c = rest.first, c == "*" || c == "+" {
                rest = rest.dropFirst()
            } else {
                rest = rest.drop { $0 == "#" }
            }
            rest = rest.drop { $0 == "0" }
            guard rest.isEmpty else { throw bad }
            return .none
        case .numberingSystem:
            guard numberingSystems.contains(option) else { throw bad }
            return .none
        case .scale:
            guard isDecimalNumber(segment) else { throw bad }
            return .none
        case .scientific:
            if let c = segment.first, c == "*" || c == "+", segment.dropFirst().allSatisfy({ $0 == "e" }) { return .scientific }
            if signStems.contains(option) { return .scientific }
            throw bad
        case .fractionPrecision:
            if segment.first == "@" {
                guard let (minimum, maximum, rest) = checkDigits(segment, allowingRest: true) else { throw bad }
                if rest.isEmpty {
                    guard maximum == -1 || minimum == 1 else { throw bad }
                    return .precision
                }
                guard rest.count == 1, rest.first == "r" || rest.first == "s" else { throw bad }
                return .precision
            }
            if option == "w" { return .none }
            throw bad
        case .precision:
            if option == "w" { return .none }
            throw bad
        case .none:
            throw bad
        }
    }

    static func isInvariant(_ c: Unicode.Scalar) -> Bool {
        c.isASCIILetter || (c >= "0" && c <= "9") || " \"%&'()*+,-./:;<=>?_".unicodeScalars.contains(c)
    }

    /// An approximation of `MeasureUnit::forIdentifier`: every hyphen-separated word must be a
    /// word of a known unit, an SI/binary prefix plus such a word, or one of `per`, `and`,
    /// `square`, `cubic`, `powN`. (ICU's full grammar also checks the order of the words.)
    static func isUnitIdentifier(_ identifier: String) -> Bool {
        let words = identifier.split(separator: "-", omittingEmptySubsequences: false)
        guard !words.isEmpty else { return false }
        for word in words {
            let w = String(word)
            if w.isEmpty { return false }
            if unitWords.contains(w) || w == "per" || w == "and" || w == "square" || w == "cubic" { continue }
            if w.hasPrefix("pow"), let n = Int(w.dropFirst(3)), (2...15).contains(n) { continue }
            if unitPrefixes.contains(where: { w.hasPrefix($0) && unitWords.contains(String(w.dropFirst($0.count))) }) { continue }
            return false
        }
        return true
    }

    static let unitPrefixes = ["quecto", "ronto", "yocto", "zepto", "atto", "femto", "pico", "nano", "micro", "milli", "centi",
                               "deci", "deka", "hecto", "kilo", "mega", "giga", "tera", "peta", "exa", "zetta", "yotta",
                               "ronna", "quetta", "kibi", "mebi", "gibi", "tebi", "pebi", "exbi", "zebi", "yobe"]

    /// The words of ICU's measure unit subtypes (`meter`, `second`, `fluid`, `ounce` …).
    static let unitWords: Set<String> = {
        var words = Set<String>()
        for unit in measureUnits {
            // Drop the type (`length-`), keep the subtype's words.
            for word in unit.split(separator: "-").dropFirst() where word != "per" && word != "square" && word != "cubic" {
                words.insert(String(word))
            }
        }
        return words
    }()

    static let numberingSystems: Set<String> = [
        "adlm", "ahom", "arab", "arabext", "armn", "armnlow", "bali", "beng", "bhks", "brah", "cakm",
        "cham", "cyrl", "deva", "diak", "ethi", "fullwide", "geor", "gong", "gonm", "grek", "greklow",
        "gujr", "guru", "hanidays", "hanidec", "hans", "hansfin", "hant", "hantfin", "hebr", "hmng",
        "hmnp", "java", "jpan", "jpanfin", "jpanyear", "kali", "kawi", "khmr", "knda", "lana", "lanatham",
        "laoo", "latn", "lepc", "limb", "mathbold", "mathdbl", "mathmono", "mathsanb", "mathsans", "mlym",
        "modi", "mong", "mroo", "mtei", "mymr", "mymrshan", "mymrtlng", "nagm", "newa", "nkoo", "olck",
        "orya", "osma", "rohg", "roman", "romanlow", "saur", "segment", "shrd", "sind", "sinh", "sora",
        "sund", "takr", "talu", "taml", "tamldec", "telu", "thai", "tibt", "tirh", "tnsa", "vaii", "wara",
        "wcho"
    ]

    static let measureUnits: Set<String> = [
        "acceleration-g-force", "acceleration-meter-per-square-second", "angle-arc-minute",
        "angle-arc-second", "angle-degree", "angle-radian", "angle-revolution", "area-acre", "area-dunam",
        "area-hectare", "area-square-centimeter", "area-square-foot", "area-square-inch",
        "area-square-kilometer", "area-square-meter", "area-square-mile", "area-square-yard",
        "concentr-item", "concentr-karat", "concentr-milligram-ofglucose-per-deciliter",
        "concentr-milligram-per-deciliter", "concentr-millimole-per-liter", "concentr-mole",
        "concentr-percent", "concentr-permille", "concentr-permillion", "concentr-permyriad",
        "consumption-liter-per-100-kilometer", "consumption-liter-per-kilometer",
        "consumption-mile-per-gallon", "consumption-mile-per-gallon-imperial", "digital-bit",
        "digital-byte", "digital-gigabit", "digital-gigabyte", "digital-kilobit", "digital-kilobyte",
        "digital-megabit", "digital-megabyte", "digital-petabyte", "digital-terabit", "digital-terabyte",
        "duration-century", "duration-day", "duration-day-person", "duration-decade", "duration-hour",
        "duration-microsecond", "duration-millisecond", "duration-minute", "duration-month",
        "duration-month-person", "duration-nanosecond", "duration-quarter", "duration-second",
        "duration-week", "duration-week-person", "duration-year", "duration-year-person",
        "electric-ampere", "electric-milliampere", "electric-ohm", "electric-volt",
        "energy-british-thermal-unit", "energy-calorie", "energy-electronvolt", "energy-foodcalorie",
        "energy-joule", "energy-kilocalorie", "energy-kilojoule", "energy-kilowatt-hour",
        "energy-therm-us", "force-kilowatt-hour-per-100-kilometer", "force-newton", "force-pound-force",
        "frequency-gigahertz", "frequency-hertz", "frequency-kilohertz", "frequency-megahertz",
        "graphics-dot", "graphics-dot-per-centimeter", "graphics-dot-per-inch", "graphics-em",
        "graphics-megapixel", "graphics-pixel", "graphics-pixel-per-centimeter", "graphics-pixel-per-inch",
        "length-astronomical-unit", "length-centimeter", "length-decimeter", "length-earth-radius",
        "length-fathom", "length-foot", "length-furlong", "length-inch", "length-kilometer",
        "length-light-year", "length-meter", "length-micrometer", "length-mile",
        "length-mile-scandinavian", "length-millimeter", "length-nanometer", "length-nautical-mile",
        "length-parsec", "length-picometer", "length-point", "length-solar-radius", "length-yard",
        "light-candela", "light-lumen", "light-lux", "light-solar-luminosity", "mass-carat", "mass-dalton",
        "mass-earth-mass", "mass-grain", "mass-gram", "mass-kilogram", "mass-microgram", "mass-milligram",
        "mass-ounce", "mass-ounce-troy", "mass-pound", "mass-solar-mass", "mass-stone", "mass-ton",
        "mass-tonne", "power-gigawatt", "power-horsepower", "power-kilowatt", "power-megawatt",
        "power-milliwatt", "power-watt", "pressure-atmosphere", "pressure-bar", "pressure-hectopascal",
        "pressure-inch-ofhg", "pressure-kilopascal", "pressure-megapascal", "pressure-millibar",
        "pressure-millimeter-ofhg", "pressure-pascal", "pressure-pound-force-per-square-inch",
        "speed-kilometer-per-hour", "speed-knot", "speed-meter-per-second", "speed-mile-per-hour",
        "temperature-celsius", "temperature-fahrenheit", "temperature-generic", "temperature-kelvin",
        "torque-newton-meter", "torque-pound-force-foot", "volume-acre-foot", "volume-barrel",
        "volume-bushel", "volume-centiliter", "volume-cubic-centimeter", "volume-cubic-foot",
        "volume-cubic-inch", "volume-cubic-kilometer", "volume-cubic-meter", "volume-cubic-mile",
        "volume-cubic-yard", "volume-cup", "volume-cup-metric", "volume-deciliter", "volume-dessert-spoon",
        "volume-dessert-spoon-imperial", "volume-dram", "volume-drop", "volume-fluid-ounce",
        "volume-fluid-ounce-imperial", "volume-gallon", "volume-gallon-imperial", "volume-hectoliter",
        "volume-jigger", "volume-liter", "volume-megaliter", "volume-milliliter", "volume-pinch",
        "volume-pint", "volume-pint-metric", "volume-quart", "volume-quart-imperial", "volume-tablespoon",
        "volume-teaspoon"
    ]
}
