// The Swift renderer: a MessageFormat AST compiled once per (template, locale) into an immutable
// program, rendered without ICU for the common cases (literal text, strings, integers, plural and
// select) and byte-identical to icu::MessageFormat. Rare argument kinds go to a cached ICU
// formatter of the single argument; constructs whose ICU semantics are too intricate to mirror
// (choice, a plural whose "other" case formats its number with an explicit style) go to ICU
// whole.
import ErrorCatalog
import MessageSyntax

/// A message compiled for one locale. Immutable and `Sendable`: share it between tasks freely.
public final class CompiledMessage: Sendable {
    public let pattern: String
    public let locale: String
    /// The argument names; `render(slots:)` takes values in this order.
    public let slotNames: [String]
    let nodes: [Node]
    /// Set when the message is formatted by ICU as a whole.
    let whole: MessageFormatPool?
    let data: LocaleData
    /// Whether any argument is left to ICU (for statistics and tests).
    public let usesICU: Bool
    /// The same program for messages without plural, select or ICU arguments, in a form that
    /// renders straight into the result string.
    let flat: FlatProgram?

    /// Compiles `message` (the AST of `pattern`) for `locale`.
    public init(pattern: String, message: Message, locale: String) throws(ICUError) {
        self.pattern = pattern
        self.locale = locale
        data = try LocaleData.forLocale(locale)
        var compiler = Compiler(data: data, pattern: pattern)
        if Compiler.needsWholeICU(message) {
            whole = try data.pool(pattern)
            nodes = []
            slotNames = Compiler.names(of: message)
            usesICU = true
            flat = nil
        } else {
            whole = nil
            nodes = try compiler.compile(message)
            slotNames = compiler.slotNames
            usesICU = compiler.usesICU
            flat = FlatProgram(nodes, slotNames: slotNames, integers: data.integers)
        }
    }

    /// The slot of an argument name, if the message has it.
    public func slot(of name: String) -> Int? { slotNames.firstIndex(of: name) }

    /// Renders with values by name. A missing value renders as `{name}`, as ICU does.
    public func render(_ values: [String: Value]) throws(ICUError) -> String {
        try render(slots: slotNames.map { values[$0] })
    }

    /// Renders with values by slot (`slotNames` order): the fast path.
    public func render(slots: [Value?]) throws(ICUError) -> String {
        precondition(slots.count == slotNames.count, "expected \(slotNames.count) values, got \(slots.count)")
        return try slots.withUnsafeBufferPointer { (slots) throws(ICUError) -> String in try render(buffer: slots) }
    }

    /// Renders with values by slot from a buffer of exactly `slotNames.count` values (the
    /// formatter's path: no array to allocate per message).
    func render(buffer slots: UnsafeBufferPointer<Value?>) throws(ICUError) -> String {
        if let whole {
            var names: [String] = []
            var values: [Value] = []
            for (index, value) in slots.enumerated() {
                if let value {
                    names.append(slotNames[index])
                    values.append(value)
                }
            }
            return try whole.withFormat { (format) throws(ICUError) -> String in
                try format.format(names: names, values: values)
            }
        }
        if let flat, let text = flat.render(slots) { return text }
        var out: [UInt8] = []
        out.reserveCapacity(128)
        try emit(nodes, pound: nil, slots: slots, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Renders with values by slot, appending the UTF-8 bytes to `out`: the same bytes as
    /// `render(buffer:)`, and no allocation of its own on the flat path (only `out` may grow).
    func render(buffer slots: UnsafeBufferPointer<Value?>, appendingTo out: inout [UInt8]) throws(ICUError) {
        if whole != nil {
            out.append(contentsOf: try render(buffer: slots).utf8)
            return
        }
        if let flat, flat.append(slots, to: &out) { return }
        try emit(nodes, pound: nil, slots: slots, into: &out)
    }

    private func emit(_ nodes: [Node], pound: PoundValue?, slots: UnsafeBufferPointer<Value?>,
                      into out: inout [UInt8]) throws(ICUError) {
        for node in nodes {
            switch node {
            case .literal(let bytes):
                out.append(contentsOf: bytes)
            case .simple(let slot):
                guard let value = slots[slot] else { missing(slot, &out); continue }
                switch value {
                case .text(let text): out.append(contentsOf: text.utf8)
                case .integer(let integer): data.integers.append(integer, to: &out)
                case .list(let items): appendList(items, &out)
                case .number, .date:
                    try appendICU(data.pool("{0}"), ICUArgument(value), &out)
                }
            case .number(let slot, let pool):
                guard let value = slots[slot] else { missing(slot, &out); continue }
                if case .integer(let integer) = value {
                    data.integers.append(integer, to: &out)
                } else {
                    try appendICU(pool, ICUArgument(value), &out)
                }
            case .icu(let slot, let pool):
                guard let value = slots[slot] else { missing(slot, &out); continue }
                try appendICU(pool, ICUArgument(value), &out)
            case .pound:
                // The parser only produces `#` directly inside plural cases.
                guard let pound else { out.append(UInt8(ascii: "#")); continue }
                switch pound {
                case .integer(let integer): data.integers.append(integer, to: &out)
                case .double(let number): try appendICU(data.pool("{0,number}"), .double(number), &out)
                }
            case .plural(let plural):
                guard let value = slots[plural.slot] else { missing(plural.slot, &out); continue }
                let (caseIndex, poundValue) = try plural.select(value, data: data)
                try emit(plural.cases[caseIndex], pound: poundValue, slots: slots, into: &out)
            case .select(let select):
                guard let value = slots[select.slot] else { missing(select.slot, &out); continue }
                let keyword: String
                switch value {
                case .text(let text): keyword = text
                case .list(let items): keyword = items.joined(separator: ", ")
                default:
                    // Formattable::getString on a number or date: ICU fails the whole format.
                    throw ICUError(code: 3, operation: "selecting a case of {\(slotNames[select.slot]), select} with a non-text value")
                }
                let caseIndex = select.keywords[keyword] ?? select.other
                try emit(select.cases[caseIndex], pound: nil, slots: slots, into: &out)
            }
        }
    }

    private func missing(_ slot: Int, _ out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        out.append(contentsOf: slotNames[slot].utf8)
        out.append(UInt8(ascii: "}"))
    }

    private func appendList(_ items: [String], _ out: inout [UInt8]) {
        for (index, item) in items.enumerated() {
            if index > 0 { out.append(contentsOf: [UInt8(ascii: ","), UInt8(ascii: " ")]) }
            out.append(contentsOf: item.utf8)
        }
    }

    private func appendICU(_ pool: MessageFormatPool, _ argument: ICUArgument,
                           _ out: inout [UInt8]) throws(ICUError) {
        let text = try pool.withFormat { (format) throws(ICUError) -> String in
            try format.formatPositional(argument)
        }
        out.append(contentsOf: text.utf8)
    }
}

/// A message of literal text, plain arguments and numbers only (every catalog template so far):
/// one pass sizes the result, a second writes it into the string's own storage. No reference
/// counting in the loop: operations and literal text live in storage of the program's own, the
/// integer renderer is reached without a retain.
final class FlatProgram: @unchecked Sendable {
    // @unchecked: `operations`, `bytes` and `slotUses` are storage of its own, written in `init`
    // only and freed in `deinit`; `integers` is kept alive by `integersOwner`.
    struct Operation {
        /// 0 literal bytes[start..<end], 1 argument `{slot}`, 2 number argument `{slot, number}`.
        var kind: UInt8
        var slot: Int32
        var start: Int32
        var end: Int32
    }
    let operations: UnsafeMutablePointer<Operation>
    let operationCount: Int
    let bytes: UnsafeMutablePointer<UInt8>
    let literalCount: Int
    let slotCount: Int
    /// How many operations show each slot (a value's size counts that often).
    let slotUses: UnsafeMutablePointer<Int32>
    /// Slots shown by a `{slot, number}` operation: only an integer renders here.
    let numberSlots: UInt64
    private let integersOwner: IntegerRenderer
    private let integers: Unmanaged<IntegerRenderer>
    let integerBytes: Int

    init?(_ nodes: [Node], slotNames: [String], integers: IntegerRenderer) {
        guard slotNames.count <= 64 else { return nil }
        var operations: [Operation] = []
        var bytes: [UInt8] = []
        var uses = [Int32](repeating: 0, count: slotNames.count)
        var numberSlots: UInt64 = 0
        for node in nodes {
            switch node {
            case .literal(let literal):
                let start = bytes.count
                bytes.append(contentsOf: literal)
                operations.append(Operation(kind: 0, slot: 0, start: Int32(start), end: Int32(bytes.count)))
            case .simple(let slot):
                operations.append(Operation(kind: 1, slot: Int32(slot), start: 0, end: 0))
                uses[slot] += 1
            case .number(let slot, _):
                operations.append(Operation(kind: 2, slot: Int32(slot), start: 0, end: 0))
                uses[slot] += 1
                numberSlots |= 1 << UInt64(slot)
            default:
                return nil
            }
        }
        operationCount = operations.count
        self.operations = .allocate(capacity: max(1, operations.count))
        self.operations.initialize(from: operations, count: operations.count)
        literalCount = bytes.count
        self.bytes = .allocate(capacity: max(1, bytes.count))
        self.bytes.initialize(from: bytes, count: bytes.count)
        slotCount = slotNames.count
        slotUses = .allocate(capacity: max(1, uses.count))
        slotUses.initialize(from: uses, count: uses.count)
        self.numberSlots = numberSlots
        integersOwner = integers
        self.integers = Unmanaged.passUnretained(integers)
        integerBytes = integers.maximumBytes
    }

    deinit {
        operations.deallocate()
        bytes.deallocate()
        slotUses.deallocate()
    }

    /// The rendered text, or nil when a value needs the general path (a missing value, a double
    /// or a date, a text into a number argument).
    func render(_ slots: UnsafeBufferPointer<Value?>) -> String? {
        guard let capacity = capacity(slots) else { return nil }
        return String(unsafeUninitializedCapacity: capacity) { out in
            write(out.baseAddress!) { slot, at in write(slots[slot].unsafelyUnwrapped, slot: slot, at: at) }
        }
    }

    /// Appends the rendered UTF-8 to `out`; false (and `out` unchanged) when a value needs the
    /// general path.
    func append(_ slots: UnsafeBufferPointer<Value?>, to out: inout [UInt8]) -> Bool {
        guard let capacity = capacity(slots) else { return false }
        Self.append(capacity: capacity, to: &out) { base in
            write(base) { slot, at in write(slots[slot].unsafelyUnwrapped, slot: slot, at: at) }
        }
        return true
    }

    /// Appends what `write` writes (at most `capacity` bytes) to `out`: written on the stack and
    /// copied once (an array has no uninitialised tail to write into; zero-filling it first and
    /// cutting it back costs more than the copy).
    @inline(__always)
    static func append(capacity: Int, to out: inout [UInt8], _ write: (UnsafeMutablePointer<UInt8>) -> Int) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            let written = write(buffer.baseAddress!)
            out.append(contentsOf: UnsafeBufferPointer(start: buffer.baseAddress!, count: written))
        }
    }

    /// An upper bound of the rendered size in bytes with values by slot, or nil when a value needs
    /// the general path.
    @inline(__always)
    private func capacity(_ slots: UnsafeBufferPointer<Value?>) -> Int? {
        var capacity = literalCount
        for slot in 0..<slotCount {
            guard let value = slots[slot], let count = byteCount(value, slot: slot) else { return nil }
            capacity += Int(slotUses[slot]) * count
        }
        return capacity
    }

    /// The bytes `value` takes in `slot` at most (an integer: the renderer's longest), or nil when
    /// it needs the general path (a double or a date, a text or list in a number argument).
    @inline(__always)
    func byteCount(_ value: Value, slot: Int) -> Int? {
        switch value {
        case .integer:
            return integerBytes
        case .text(let text) where numberSlots & (1 << UInt64(slot)) == 0:
            return text.utf8.count
        case .list(let items) where numberSlots & (1 << UInt64(slot)) == 0:
            var count = 0
            for item in items { count += item.utf8.count + 2 }
            return max(0, count - 2)
        default:
            return nil
        }
    }

    /// Writes `value` (one `byteCount` accepted) at `at` and returns the bytes written.
    @inline(__always)
    func write(_ value: Value, slot: Int, at: UnsafeMutablePointer<UInt8>) -> Int {
        switch value {
        case .integer(let number):
            return integers._withUnsafeGuaranteedRef { $0.write(number, to: at) }
        case .text(let text):
            return Self.copy(text, to: at)
        case .list(let items):
            var position = 0
            for index in items.indices {
                if index > 0 {
                    at[position] = UInt8(ascii: ",")
                    at[position + 1] = UInt8(ascii: " ")
                    position += 2
                }
                position += Self.copy(items[index], to: at + position)
            }
            return position
        default:
            return 0
        }
    }

    /// How many bytes of value text the by-name path stages on the stack; longer values in all take
    /// the general path.
    static let stagingBytes = 1024

    /// A value of the by-name path: an integer, or `count` bytes at `offset` of the staging buffer
    /// (a text, or a list already joined with ", ").
    struct Staged {
        var integer: Int64
        var offset: Int32
        /// -1 for an integer.
        var count: Int32
    }

    /// Stages `value` for `slot`: text and list bytes copied to `staging` at `used` (advanced),
    /// integers kept. Nil when the value needs the general path or the staging buffer is full.
    @inline(__always)
    func stage(_ value: Value, slot: Int, into staging: UnsafeMutablePointer<UInt8>, at used: inout Int,
               limit: Int) -> Staged? {
        guard let count = byteCount(value, slot: slot) else { return nil }
        if case .integer(let number) = value { return Staged(integer: number, offset: 0, count: -1) }
        guard used + count <= limit else { return nil }
        let start = used
        used += write(value, slot: slot, at: staging + used)
        return Staged(integer: 0, offset: Int32(start), count: Int32(used - start))
    }

    /// The bytes a staged value takes at most in all the places that show `slot`.
    @inline(__always)
    func size(of value: Staged, slot: Int) -> Int {
        Int(slotUses[slot]) * (value.count < 0 ? integerBytes : Int(value.count))
    }

    /// Writes the message at `base` from staged values and returns the byte count. Touches only
    /// plain memory.
    @inline(__always)
    func write(_ base: UnsafeMutablePointer<UInt8>, slots: UnsafePointer<Staged>, staging: UnsafePointer<UInt8>) -> Int {
        write(base) { slot, at in
            let value = slots[slot]
            if value.count < 0 { return integers._withUnsafeGuaranteedRef { $0.write(value.integer, to: at) } }
            at.update(from: staging + Int(value.offset), count: Int(value.count))
            return Int(value.count)
        }
    }

    /// Writes the message at `base` (room for the size computed from the same values): literal
    /// runs from the program's bytes, each slot by `value(slot, at)`, which writes there and
    /// returns its byte count. Returns the byte count.
    @inline(__always)
    private func write(_ base: UnsafeMutablePointer<UInt8>, _ value: (Int, UnsafeMutablePointer<UInt8>) -> Int) -> Int {
        var position = 0
        for k in 0..<operationCount {
            let operation = operations[k]
            if operation.kind == 0 {
                let count = Int(operation.end &- operation.start)
                (base + position).update(from: bytes + Int(operation.start), count: count)
                position += count
                continue
            }
            position += value(Int(operation.slot), base + position)
        }
        return position
    }

    /// Copies the UTF-8 of `text` (in place for native strings: no mutable copy to take).
    @inline(__always)
    private static func copy(_ text: String, to destination: UnsafeMutablePointer<UInt8>) -> Int {
        if let count = text.utf8.withContiguousStorageIfAvailable({ utf8 -> Int in
            if utf8.count > 0 { destination.update(from: utf8.baseAddress!, count: utf8.count) }
            return utf8.count
        }) {
            return count
        }
        var count = 0
        for byte in text.utf8 {
            destination[count] = byte
            count += 1
        }
        return count
    }
}

/// The number `#` renders: n − offset, kept as an integer when ICU would see one.
enum PoundValue {
    case integer(Int64)
    case double(Double)
}

enum Node: Sendable {
    case literal([UInt8])
    /// `{x}`: text as is, integers natively, other values through ICU's `{0}`.
    case simple(Int)
    /// `{x, number}` and `{x, number, integer}`: integers natively, the rest through `pool`.
    case number(Int, MessageFormatPool)
    /// Any other simple argument, always through ICU (`{0,date,short}` …).
    case icu(Int, MessageFormatPool)
    case pound
    case plural(PluralNode)
    case select(SelectNode)
}

final class PluralNode: Sendable {
    let slot: Int
    let ordinal: Bool
    let offset: Double
    /// `=N` cases in source order: (N, case index).
    let exact: [(Double, Int)]
    /// Case index per `PluralKeyword.rawValue`; keywords without a case map to `other`.
    let byKeyword: [Int]
    let cases: [[Node]]

    init(slot: Int, ordinal: Bool, offset: Double, exact: [(Double, Int)], byKeyword: [Int], cases: [[Node]]) {
        self.slot = slot
        self.ordinal = ordinal
        self.offset = offset
        self.exact = exact
        self.byKeyword = byKeyword
        self.cases = cases
    }

    /// PluralFormat::findSubMessage: the first `=N` equal to the value, else the case of the
    /// keyword of (value − offset), else `other`.
    func select(_ value: Value, data: LocaleData) throws(ICUError) -> (Int, PoundValue) {
        let rules = ordinal ? data.ordinal : data.cardinal
        let number: Double
        var integer: Int64? = nil
        switch value {
        case .integer(let n):
            number = Double(n)
            if offset == 0 { integer = n }
        case .number(let d):
            number = d
        default:
            // ICU: a plural argument must be numeric (U_ILLEGAL_ARGUMENT_ERROR).
            throw ICUError(code: 1, operation: "selecting a plural case with a non-numeric value")
        }
        for (n, caseIndex) in exact where n == number {
            return (caseIndex, pound(integer, number))
        }
        // ICU keeps an integer argument as int64 when there is no offset; otherwise it formats and
        // selects on the double (value − offset). An integral double below 2^53 behaves like an
        // integer (ICU's shortest representation of it has the same digits).
        let poundValue = pound(integer, number)
        let keyword: PluralKeyword
        switch poundValue {
        case .integer(let n): keyword = try rules.keyword(n)
        case .double(let d): keyword = try rules.keyword(d)
        }
        return (byKeyword[Int(keyword.rawValue)], poundValue)
    }

    private func pound(_ integer: Int64?, _ number: Double) -> PoundValue {
        if let integer { return .integer(integer) }
        let d = offset == 0 ? number : number - offset
        if d == d.rounded(), abs(d) < 9_007_199_254_740_992, !(d == 0 && d.sign == .minus) {
            return .integer(Int64(d))
        }
        return .double(d)
    }
}

final class SelectNode: Sendable {
    let slot: Int
    let keywords: [String: Int]
    let other: Int
    let cases: [[Node]]

    init(slot: Int, keywords: [String: Int], other: Int, cases: [[Node]]) {
        self.slot = slot
        self.keywords = keywords
        self.other = other
        self.cases = cases
    }
}

struct Compiler {
    let data: LocaleData
    let scalars: [Unicode.Scalar]
    var slotNames: [String] = []
    var usesICU = false

    init(data: LocaleData, pattern: String) {
        self.data = data
        scalars = Array(pattern.unicodeScalars)
    }

    mutating func slot(_ name: ArgumentName) -> Int {
        let text = name.description
        if let index = slotNames.firstIndex(of: text) { return index }
        slotNames.append(text)
        return slotNames.count - 1
    }

    static func names(of message: Message) -> [String] {
        var names: [String] = []
        for argument in message.allArguments where !names.contains(argument.name.description) {
            names.append(argument.name.description)
        }
        return names
    }

    /// Whether ICU must format the message as a whole (see the file comment).
    static func needsWholeICU(_ message: Message) -> Bool {
        for argument in message.allArguments {
            switch argument.kind {
            case .choice: return true
            case .plural(_, let cases), .selectordinal(_, let cases):
                // MessageFormat selects the plural keyword with the formatter of the first
                // `{n, …}` of the same name in the `other` case (when it comes before any `#`).
                guard let other = cases.first(where: { $0.selector == .keyword("other") }) else { return true }
                for part in other.message.parts {
                    if case .pound = part { break }
                    if case .argument(let inner) = part, inner.name == argument.name {
                        if case .simple = inner.kind { break }
                        if case .formatted = inner.kind { return true }
                        break
                    }
                }
            default: break
            }
        }
        return false
    }

    mutating func compile(_ message: Message) throws(ICUError) -> [Node] {
        var nodes: [Node] = []
        var pending: [UInt8] = []
        func flush() {
            if !pending.isEmpty { nodes.append(.literal(pending)); pending = [] }
        }
        for part in message.parts {
            switch part {
            case .text(let text, _):
                pending.append(contentsOf: text.utf8)
            case .pound:
                flush()
                nodes.append(.pound)
            case .argument(let argument):
                flush()
                nodes.append(try compile(argument))
            }
        }
        flush()
        return nodes
    }

    mutating func compile(_ argument: Argument) throws(ICUError) -> Node {
        let slot = slot(argument.name)
        switch argument.kind {
        case .simple:
            return .simple(slot)
        case .formatted(let type, let style):
            let pattern = singleArgumentPattern(argument) ?? Self.singleArgumentPattern(type, style)
            let pool = try data.pool(pattern)
            if type == .number, style == nil || style == .keyword("integer") {
                return .number(slot, pool)
            }
            usesICU = true
            return .icu(slot, pool)
        case .plural(let offset, let cases), .selectordinal(let offset, let cases):
            var ordinal = false
            if case .selectordinal = argument.kind { ordinal = true }
            var exact: [(Double, Int)] = []
            var keywordCase: [PluralKeyword: Int] = [:]
            var other = 0
            var compiled: [[Node]] = []
            for (index, pluralCase) in cases.enumerated() {
                compiled.append(try compile(pluralCase.message))
                switch pluralCase.selector {
                case .exact(let value):
                    exact.append((value, index))
                case .keyword(let keyword):
                    if keyword == "other" {
                        if keywordCase[.other] == nil { keywordCase[.other] = index; other = index }
                    } else if let known = PluralKeyword.named(keyword), keywordCase[known] == nil {
                        keywordCase[known] = index
                    }
                }
            }
            let byKeyword = PluralKeyword.allCases.map { keywordCase[$0] ?? other }
            return .plural(PluralNode(slot: slot, ordinal: ordinal, offset: offset, exact: exact,
                                      byKeyword: byKeyword, cases: compiled))
        case .select(let cases):
            var keywords: [String: Int] = [:]
            var other = 0
            var compiled: [[Node]] = []
            var sawOther = false
            for (index, selectCase) in cases.enumerated() {
                compiled.append(try compile(selectCase.message))
                if selectCase.keyword == "other" {
                    if !sawOther { other = index; sawOther = true }
                } else if keywords[selectCase.keyword] == nil {
                    keywords[selectCase.keyword] = index
                }
            }
            return .select(SelectNode(slot: slot, keywords: keywords, other: other, cases: compiled))
        case .choice:
            // needsWholeICU sends every message with a choice to ICU; never reached.
            usesICU = true
            return .icu(slot, try data.pool("{0}"))
        }
    }

    /// The argument exactly as written in the pattern with its name replaced by `0`: ICU passes
    /// the style text untrimmed to the sub-format (`{x, number, #,##0.00}` has a leading space in
    /// its DecimalFormat pattern, which prints), so only the original text is exact.
    func singleArgumentPattern(_ argument: Argument) -> String? {
        let range = argument.range, name = argument.nameRange
        guard range.start >= 0, range.end <= scalars.count, range.start <= name.start, name.start <= name.end,
              name.end <= range.end,
              String(String.UnicodeScalarView(scalars[name.start..<name.end])) == argument.name.description
        else { return nil }
        var text = String.UnicodeScalarView(scalars[range.start..<name.start])
        text.append("0")
        text.append(contentsOf: scalars[name.end..<range.end])
        return String(text)
    }

    /// `{0,<type>[,<style>]}` for the single-argument ICU formatter (for an AST without a source).
    static func singleArgumentPattern(_ type: FormatType, _ style: ArgumentStyle?) -> String {
        var text = "{0," + type.rawValue
        switch style {
        case nil: break
        case .keyword(let keyword): text += "," + keyword
        case .skeleton(let skeleton): text += ",::" + skeleton
        case .pattern(let pattern): text += "," + pattern
        }
        return text + "}"
    }
}

extension PluralKeyword {
    /// The keyword for a plural selector, or nil when ICU's rules can never produce it.
    static func named(_ name: String) -> PluralKeyword? {
        switch name {
        case "zero": return .zero
        case "one": return .one
        case "two": return .two
        case "few": return .few
        case "many": return .many
        case "other": return .other
        default: return nil
        }
    }
}
