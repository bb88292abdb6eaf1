// Swift side of the ICU facade (Sources/ICUShim/include/icushim_format.h): error mapping, number
// symbols, plural rules and pooled icu::MessageFormat handles.
import ErrorCatalog
import ICUShim

/// A failure reported by ICU. Keeps ICU's error code and name; never turned into nil.
public struct ICUError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The ICU `UErrorCode` (> 0).
    public var code: Int32
    /// ICU's name for it, e.g. `U_ILLEGAL_ARGUMENT_ERROR`.
    public var name: String
    /// What we were doing when ICU failed.
    public var operation: String
    /// For pattern errors: ICU's parse error offset (UTF-16 units), -1 when none.
    public var offset: Int32

    public init(code: Int32, operation: String, offset: Int32 = -1) {
        self.code = code
        self.name = String(cString: icushim_error_name(code))
        self.operation = operation
        self.offset = offset
    }

    public var description: String {
        var text = "ICU error \(name) (\(code)) while \(operation)"
        if offset >= 0 { text += " at offset \(offset)" }
        return text
    }
}

@inline(__always)
func icuCheck(_ status: Int32, _ operation: @autoclosure () -> String) throws(ICUError) {
    if status != 0 { throw ICUError(code: status, operation: operation()) }
}

/// Calls `body` with a UTF-8 output buffer and returns the text it wrote, growing the buffer once
/// when ICU reports U_BUFFER_OVERFLOW_ERROR (15).
func icuUTF8Output(
    _ operation: @autoclosure () -> String,
    _ body: (UnsafeMutablePointer<CChar>, Int32, UnsafeMutablePointer<Int32>) -> Int32
) throws(ICUError) -> String {
    let bufferOverflow: Int32 = 15
    var length: Int32 = 0
    var status: Int32 = 0
    let first: String? = withUnsafeTemporaryAllocation(of: CChar.self, capacity: 512) { buffer in
        status = body(buffer.baseAddress!, Int32(buffer.count), &length)
        guard status == 0 else { return nil }
        return buffer.baseAddress!.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
            String(decoding: UnsafeBufferPointer(start: $0, count: Int(length)), as: UTF8.self)
        }
    }
    if let first { return first }
    guard status == bufferOverflow else { throw ICUError(code: status, operation: operation()) }
    let capacity = Int(length) + 1
    var result: String? = nil
    withUnsafeTemporaryAllocation(of: CChar.self, capacity: capacity) { buffer in
        status = body(buffer.baseAddress!, Int32(capacity), &length)
        if status == 0 {
            result = buffer.baseAddress!.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
                String(decoding: UnsafeBufferPointer(start: $0, count: Int(length)), as: UTF8.self)
            }
        }
    }
    guard let result else { throw ICUError(code: status, operation: operation()) }
    return result
}

// MARK: - Numbers

// `NumberSymbols` (the value) lives in ErrorCatalog, so that modules without ICU (the matcher)
// can be given the same facts; ICU is where they are read.
extension NumberSymbols {
    /// How ICU's default decimal format renders numbers in `locale`, read from ICU.
    public init(locale: String) throws(ICUError) {
        var raw = icushim_number_symbols()
        try icuCheck(icushim_number_symbols_get(locale, &raw), "reading the number symbols of \(locale)")
        func text<T>(_ tuple: inout T) -> String {
            withUnsafeBytes(of: &tuple) { bytes in
                let end = bytes.firstIndex(of: 0) ?? bytes.count
                return String(decoding: bytes[..<end], as: UTF8.self)
            }
        }
        var digitList: [[UInt8]] = []
        withUnsafeBytes(of: &raw.digits) { bytes in
            for index in 0..<10 {
                let slice = bytes[(index * 8)..<(index * 8 + 8)]
                let end = slice.firstIndex(of: 0) ?? slice.endIndex
                digitList.append(Array(bytes[slice.startIndex..<end]))
            }
        }
        self.init(locale: locale, groupingSeparator: text(&raw.grouping_separator), decimalSeparator: text(&raw.decimal_separator),
                  positivePrefix: text(&raw.positive_prefix), positiveSuffix: text(&raw.positive_suffix),
                  negativePrefix: text(&raw.negative_prefix), negativeSuffix: text(&raw.negative_suffix),
                  digits: digitList, groupingUsed: raw.grouping_used != 0, primaryGrouping: Int(raw.primary_grouping),
                  secondaryGrouping: Int(raw.secondary_grouping), minimumGroupingDigits: Int(raw.minimum_grouping_digits))
    }

    /// ICU's own rendering of `value` with the locale's default decimal format (the reference the
    /// Swift integer renderer is tested against).
    public static func icuFormat(_ value: Int64, locale: String) throws(ICUError) -> String {
        try icuUTF8Output("formatting \(value) in \(locale)") { buffer, capacity, length in
            icushim_number_format_int64(locale, value, buffer, capacity, length)
        }
    }
}

extension NumberSymbolsProvider {
    /// ICU's answer for every well-formed tag (ICU itself falls back `de-LU` → `de` → root).
    /// A tag ICU cannot read at all gives `nil` here, so the provider falls back along the tag's
    /// parents to the root symbols — a lookup, not an error the caller could act on.
    public static let icu = NumberSymbolsProvider { locale in try? NumberSymbols(locale: locale) }
}

/// Renders Int64 values exactly as ICU's default decimal format does, without calling ICU.
/// Immutable; built from `NumberSymbols`.
public final class IntegerRenderer: @unchecked Sendable {
    // @unchecked: `table` is storage of its own, written in `init` only and freed in `deinit`.
    let positivePrefix: [UInt8]
    let positiveSuffix: [UInt8]
    let negativePrefix: [UInt8]
    let negativeSuffix: [UInt8]
    let separator: [UInt8]
    /// Digit bytes; `asciiDigits` when the locale uses 0-9 (the fast path).
    let digits: [[UInt8]]
    let asciiDigits: Bool
    /// ICU's Grouper: sizes (0 = no grouping) and the minimum number of digits in front of the
    /// first separator.
    let grouping1: Int
    let grouping2: Int
    let minimumGrouping: Int
    /// The affixes, the separator and the ten digits in one block that `write` reads in place (no
    /// array to retain per number): `spans[k]` is (start, count) of piece k in `table`, pieces
    /// 0–4 = positive prefix, positive suffix, negative prefix, negative suffix, separator, 5–14 =
    /// the digits 0–9.
    private let table: UnsafeMutablePointer<UInt8>
    private let spans: UnsafeMutablePointer<(Int, Int)>

    public init(_ symbols: NumberSymbols) {
        positivePrefix = Array(symbols.positivePrefix.utf8)
        positiveSuffix = Array(symbols.positiveSuffix.utf8)
        negativePrefix = Array(symbols.negativePrefix.utf8)
        negativeSuffix = Array(symbols.negativeSuffix.utf8)
        separator = Array(symbols.groupingSeparator.utf8)
        digits = symbols.digits
        asciiDigits = symbols.digits == (0..<10).map { [UInt8(48 + $0)] }
        // Grouper::forProperties: a missing size takes the other one.
        var g1 = symbols.primaryGrouping
        var g2 = symbols.secondaryGrouping
        g1 = g1 > 0 ? g1 : (g2 > 0 ? g2 : g1)
        g2 = g2 > 0 ? g2 : g1
        if !symbols.groupingUsed || g1 <= 0 { g1 = 0; g2 = 0 }
        grouping1 = g1
        grouping2 = g2
        minimumGrouping = max(1, symbols.minimumGroupingDigits)
        // Ten digit pieces whatever `symbols.digits` holds (a short list keeps 0-9 for the rest).
        let digitPieces = (0..<10).map { $0 < symbols.digits.count ? symbols.digits[$0] : [UInt8(48 + $0)] }
        let pieces = [positivePrefix, positiveSuffix, negativePrefix, negativeSuffix, separator] + digitPieces
        table = .allocate(capacity: max(1, pieces.reduce(0) { $0 + $1.count }))
        spans = .allocate(capacity: pieces.count)
        var start = 0
        for (k, piece) in pieces.enumerated() {
            (table + start).initialize(from: piece, count: piece.count)
            (spans + k).initialize(to: (start, piece.count))
            start += piece.count
        }
    }

    deinit {
        table.deallocate()
        spans.deallocate()
    }

    /// Appends the UTF-8 of `value` to `out`.
    public func append(_ value: Int64, to out: inout [UInt8]) {
        FlatProgram.append(capacity: maximumBytes, to: &out) { write(value, to: $0) }
    }

    /// The most bytes `write` can produce.
    var maximumBytes: Int {
        max(positivePrefix.count + positiveSuffix.count, negativePrefix.count + negativeSuffix.count)
            + 19 * max(1, digits.map(\.count).max() ?? 1) + 19 * separator.count
    }

    /// Copies piece `k` of `table` to `out + position`.
    @inline(__always)
    private func piece(_ k: Int, _ out: UnsafeMutablePointer<UInt8>, _ position: inout Int) {
        let (start, count) = spans[k]
        var i = 0
        while i < count { out[position + i] = table[start + i]; i += 1 }
        position += count
    }

    /// Writes the UTF-8 of `value` at `out` (room for `maximumBytes`) and returns the byte count.
    func write(_ value: Int64, to out: UnsafeMutablePointer<UInt8>) -> Int {
        let negative = value < 0
        var magnitude = value.magnitude
        var reversed: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var position = 0
        piece(negative ? 2 : 0, out, &position)
        withUnsafeMutableBytes(of: &reversed) { raw in
            var count = 0
            repeat {
                raw[count] = UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude != 0
            let grouped = grouping1 > 0 && count - grouping1 >= minimumGrouping
            var index = count - 1
            while index >= 0 {
                if asciiDigits {
                    out[position] = 48 + raw[index]
                    position += 1
                } else {
                    piece(5 + Int(raw[index]), out, &position)
                }
                if grouped && index > 0 && index >= grouping1 && (index - grouping1) % grouping2 == 0 {
                    piece(4, out, &position)
                }
                index -= 1
            }
        }
        piece(negative ? 3 : 1, out, &position)
        return position
    }

    public func format(_ value: Int64) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(32)
        append(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}

// MARK: - Plural rules

/// Plural keyword as an index into per-plural case tables.
public enum PluralKeyword: UInt8, Sendable, CaseIterable {
    case zero, one, two, few, many, other

    init(name: String) {
        switch name {
        case "zero": self = .zero
        case "one": self = .one
        case "two": self = .two
        case "few": self = .few
        case "many": self = .many
        default: self = .other
        }
    }
}

/// ICU plural rules (cardinal or ordinal) for one locale. `@unchecked Sendable`: the ICU handle is
/// immutable after opening and `PluralRules::select` / `LocalizedNumberFormatter` are thread-safe.
public final class PluralRules: @unchecked Sendable {
    private let handle: OpaquePointer
    public let locale: String
    public let ordinal: Bool
    /// Keywords of 0..<smallLimit, looked up once (a select costs ~0.1 µs; a table read ~1 ns).
    private let small: [PluralKeyword]
    static let smallLimit: Int64 = 1024

    public init(locale: String, ordinal: Bool) throws(ICUError) {
        var handle: OpaquePointer? = nil
        try icuCheck(icushim_plural_rules_open(locale, ordinal ? 1 : 0, &handle),
                     "opening the \(ordinal ? "ordinal" : "cardinal") plural rules of \(locale)")
        self.handle = handle!
        self.locale = locale
        self.ordinal = ordinal
        var small: [PluralKeyword] = []
        small.reserveCapacity(Int(Self.smallLimit))
        for n in 0..<Self.smallLimit {
            small.append(try Self.select(handle!, n))
        }
        self.small = small
    }

    deinit { icushim_plural_rules_close(handle) }

    private static func select(_ handle: OpaquePointer, _ value: Int64) throws(ICUError) -> PluralKeyword {
        var buffer: (CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar) = (0, 0, 0, 0, 0, 0, 0, 0)
        let status = withUnsafeMutableBytes(of: &buffer) { raw in
            icushim_plural_select_int64(handle, value, raw.baseAddress!.assumingMemoryBound(to: CChar.self), 8)
        }
        try icuCheck(status, "selecting the plural keyword of \(value)")
        return withUnsafeBytes(of: &buffer) { raw in
            let end = raw.firstIndex(of: 0) ?? raw.count
            return PluralKeyword(name: String(decoding: raw[..<end], as: UTF8.self))
        }
    }

    /// The keyword of an integer, exactly as ICU selects it.

    public func keyword(_ value: Int64) throws(ICUError) -> PluralKeyword {
        if value >= 0 && value < Self.smallLimit { return smallKeyword(Int(value)) }
        return try Self.select(handle, value)
    }


    func smallKeyword(_ index: Int) -> PluralKeyword { small[index] }

    /// The keyword of a double as MessageFormat selects it (after formatting with at most three
    /// fraction digits).
    public func keyword(_ value: Double) throws(ICUError) -> PluralKeyword {
        var buffer: (CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar) = (0, 0, 0, 0, 0, 0, 0, 0)
        let status = withUnsafeMutableBytes(of: &buffer) { raw in
            icushim_plural_select_double(handle, value, raw.baseAddress!.assumingMemoryBound(to: CChar.self), 8)
        }
        try icuCheck(status, "selecting the plural keyword of \(value)")
        return withUnsafeBytes(of: &buffer) { raw in
            let end = raw.firstIndex(of: 0) ?? raw.count
            return PluralKeyword(name: String(decoding: raw[..<end], as: UTF8.self))
        }
    }
}

// MARK: - Per-locale data cache

/// Everything the renderer needs from ICU for one locale, read once and shared.
public final class LocaleData: Sendable {
    public let locale: String
    public let symbols: NumberSymbols
    public let integers: IntegerRenderer
    public let cardinal: PluralRules
    public let ordinal: PluralRules
    /// Single-argument ICU formatters (`{0,date,short}` …) of this locale, shared by every
    /// compiled message.
    private let pools = Locked<[String: MessageFormatPool]>([:])

    private init(locale: String) throws(ICUError) {
        self.locale = locale
        symbols = try NumberSymbols(locale: locale)
        integers = IntegerRenderer(symbols)
        cardinal = try PluralRules(locale: locale, ordinal: false)
        ordinal = try PluralRules(locale: locale, ordinal: true)
    }

    /// The shared pool of `icu::MessageFormat` handles for `pattern` in this locale.
    public func pool(_ pattern: String) throws(ICUError) -> MessageFormatPool {
        if let pool = pools.withLock({ $0[pattern] }) { return pool }
        let pool = try MessageFormatPool(pattern: pattern, locale: locale)
        return pools.withLock { pools in
            if let existing = pools[pattern] { return existing }
            pools[pattern] = pool
            return pool
        }
    }

    private static let cache = Locked<[String: LocaleData]>([:])

    /// The shared data of `locale` (BCP 47 tag or ICU name), created on first use.
    public static func forLocale(_ locale: String) throws(ICUError) -> LocaleData {
        if let data = cache.withLock({ $0[locale] }) { return data }
        let data = try LocaleData(locale: locale)
        return cache.withLock { cache in
            if let existing = cache[locale] { return existing }
            cache[locale] = data
            return data
        }
    }
}

// MARK: - icu::MessageFormat

/// A typed argument on its way into ICU.
enum ICUArgument {
    case text(String)
    case integer(Int64)
    case double(Double)
    case date(Double)
}

/// One compiled `icu::MessageFormat`. Not thread-safe (ICU builds sub-formatters lazily): use it
/// from one task at a time, or through `MessageFormatPool`.
public final class ICUMessageFormat {
    private let handle: OpaquePointer
    public let pattern: String
    public let locale: String

    public init(pattern: String, locale: String) throws(ICUError) {
        var handle: OpaquePointer? = nil
        var offset: Int32 = -1
        let units = Array(pattern.utf16)
        let status = units.withUnsafeBufferPointer { buffer in
            icushim_mf_open(buffer.baseAddress, Int32(buffer.count), locale, &handle, &offset)
        }
        if status != 0 {
            throw ICUError(code: status, operation: "compiling the pattern \"\(pattern)\" for \(locale)", offset: offset)
        }
        self.handle = handle!
        self.pattern = pattern
        self.locale = locale
    }

    deinit { icushim_mf_close(handle) }

    /// Formats with named arguments, the way ICU's MessageFormat does.
    public func format(_ values: [String: Value]) throws(ICUError) -> String {
        let names = Array(values.keys)
        return try format(names: names, values: names.map { values[$0]! })
    }

    /// Formats with named arguments given as two parallel arrays.
    public func format(names: [String], values: [Value]) throws(ICUError) -> String {
        precondition(names.count == values.count)
        return try PreparedArguments(names: names, values: values.map(ICUArgument.init)).format(with: self)
    }

    /// Formats with prepared (pre-converted) arguments: the benchmark baseline path.
    public func format(_ prepared: PreparedArguments) throws(ICUError) -> String {
        try prepared.format(with: self)
    }

    func formatNamed(_ names: UnsafePointer<icushim_name>?, _ args: UnsafePointer<icushim_arg>?,
                     _ count: Int) throws(ICUError) -> String {
        try icuUTF8Output("formatting \"\(pattern)\" in \(locale)") { buffer, capacity, length in
            icushim_mf_format_named(handle, names, args, Int32(count), buffer, capacity, length)
        }
    }

    func formatPositional(_ argument: ICUArgument) throws(ICUError) -> String {
        var units: [UInt16] = []
        if case .text(let text) = argument { units = Array(text.utf16) }
        return try units.withUnsafeBufferPointer { (buffer) throws(ICUError) -> String in
            var arg = icushim_arg()
            argument.fill(&arg, text: buffer)
            return try icuUTF8Output("formatting \"\(pattern)\" in \(locale)") { output, capacity, length in
                icushim_mf_format_positional(handle, &arg, 1, output, capacity, length)
            }
        }
    }
}

extension ICUArgument {
    init(_ value: Value) {
        switch value {
        case .text(let text): self = .text(text)
        case .integer(let value): self = .integer(value)
        case .number(let value): self = .double(value)
        case .date(let ms): self = .date(ms)
        case .list(let items): self = .text(items.joined(separator: ", "))
        }
    }

    func fill(_ arg: inout icushim_arg, text: UnsafeBufferPointer<UInt16>) {
        switch self {
        case .text:
            arg.kind = Int32(ICUSHIM_ARG_STRING)
            arg.text = text.baseAddress
            arg.length = Int32(text.count)
        case .integer(let value):
            arg.kind = Int32(ICUSHIM_ARG_INT64)
            arg.integer = value
        case .double(let value):
            arg.kind = Int32(ICUSHIM_ARG_DOUBLE)
            arg.number = value
        case .date(let ms):
            arg.kind = Int32(ICUSHIM_ARG_DATE)
            arg.number = ms
        }
    }
}

/// Named arguments already converted to ICU's UTF-16 form, so repeated formatting (the benchmark
/// baseline) measures ICU and not Swift's string conversion.
public struct PreparedArguments: Sendable {
    let units: [UInt16]
    /// (offset, length) in `units` for each name, then for each text value.
    let nameRanges: [(Int, Int)]
    let kinds: [Int32]
    let textRanges: [(Int, Int)]
    let integers: [Int64]
    let numbers: [Double]

    init(names: [String], values: [ICUArgument]) {
        var units: [UInt16] = []
        var nameRanges: [(Int, Int)] = []
        var kinds: [Int32] = []
        var textRanges: [(Int, Int)] = []
        var integers: [Int64] = []
        var numbers: [Double] = []
        for name in names {
            let start = units.count
            units.append(contentsOf: name.utf16)
            nameRanges.append((start, units.count - start))
        }
        for value in values {
            var range = (0, 0)
            var integer: Int64 = 0
            var number = 0.0
            let kind: Int32
            switch value {
            case .text(let text):
                let start = units.count
                units.append(contentsOf: text.utf16)
                range = (start, units.count - start)
                kind = Int32(ICUSHIM_ARG_STRING)
            case .integer(let value): integer = value; kind = Int32(ICUSHIM_ARG_INT64)
            case .double(let value): number = value; kind = Int32(ICUSHIM_ARG_DOUBLE)
            case .date(let ms): number = ms; kind = Int32(ICUSHIM_ARG_DATE)
            }
            kinds.append(kind)
            textRanges.append(range)
            integers.append(integer)
            numbers.append(number)
        }
        self.units = units
        self.nameRanges = nameRanges
        self.kinds = kinds
        self.textRanges = textRanges
        self.integers = integers
        self.numbers = numbers
    }

    /// Prepares `values` by name for ICU.
    public init(_ values: [String: Value]) {
        let names = values.keys.sorted()
        self.init(names: names, values: names.map { ICUArgument(values[$0]!) })
    }

    func format(with format: ICUMessageFormat) throws(ICUError) -> String {
        let count = kinds.count
        return try units.withUnsafeBufferPointer { (base) throws(ICUError) -> String in
            try withUnsafeTemporaryAllocation(of: icushim_name.self, capacity: max(count, 1)) {
                (names) throws(ICUError) -> String in
                try withUnsafeTemporaryAllocation(of: icushim_arg.self, capacity: max(count, 1)) {
                    (args) throws(ICUError) -> String in
                    for index in 0..<count {
                        let (nameStart, nameLength) = nameRanges[index]
                        names[index] = icushim_name(text: base.baseAddress.map { $0 + nameStart },
                                                    length: Int32(nameLength))
                        let (textStart, textLength) = textRanges[index]
                        args[index] = icushim_arg(
                            kind: kinds[index], length: Int32(textLength),
                            text: base.baseAddress.map { $0 + textStart },
                            integer: integers[index], number: numbers[index])
                    }
                    return try format.formatNamed(names.baseAddress, args.baseAddress, count)
                }
            }
        }
    }
}

/// A pool of `ICUMessageFormat` handles for one (pattern, locale), safe to share between tasks:
/// a handle is checked out under a lock (`Locked`, which TSan understands), used by one thread, and put back.
public final class MessageFormatPool: Sendable {
    public let pattern: String
    public let locale: String
    // The handles are only ever touched by the task that checked them out.
    private let idle: Locked<[UnsafeHandle]>

    struct UnsafeHandle: @unchecked Sendable {
        let format: ICUMessageFormat
    }

    /// Compiles the pattern once up front so pattern errors surface here, not at format time.
    public init(pattern: String, locale: String) throws(ICUError) {
        self.pattern = pattern
        self.locale = locale
        let first = try ICUMessageFormat(pattern: pattern, locale: locale)
        idle = Locked([UnsafeHandle(format: first)])
    }

    /// Runs `body` with a handle that no other task uses meanwhile.
    public func withFormat<R>(_ body: (ICUMessageFormat) throws(ICUError) -> R) throws(ICUError) -> R {
        let handle: UnsafeHandle
        if let idleHandle = idle.withLock({ $0.popLast() }) {
            handle = idleHandle
        } else {
            handle = UnsafeHandle(format: try ICUMessageFormat(pattern: pattern, locale: locale))
        }
        defer { idle.withLock { $0.append(handle) } }
        return try body(handle.format)
    }
}
