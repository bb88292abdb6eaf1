// A template of one code resolved for one locale: what `CatalogFormatter.format` renders, with the
// code lookup, locale negotiation and variant choice done once, and the name → slot mapping and
// the value checks precomputed. `format` itself goes through it, so both give the same text and
// the same errors.
import ErrorCatalog

/// One template of one code in one locale, ready to render many times.
///
/// Get one from ``CatalogFormatter/prepared(code:locale:variant:)`` and keep it for a hot loop:
/// ```swift
/// let message = try formatter.prepared(code: "MaximumBatchSizeExceeded", locale: "de")
/// let text = try message.render(["received": .integer(1200), "allowed": .integer(1000)])
/// // or by position, in `slotNames` order:
/// let same = try message.render(slots: [.integer(1200), .integer(1000)])
/// ```
/// Both `render` methods check the values exactly as `CatalogFormatter.format` does (names the
/// code does not declare, missing values, values invalid for their type) and produce the same
/// bytes. Immutable and `Sendable`: share it between tasks freely.
public final class PreparedMessage: @unchecked Sendable {
    // @unchecked: `fields` is storage of its own, written in `init` only and freed in `deinit`.
    /// The error code.
    public let code: String
    /// The catalog locale whose texts are rendered (`de` for a request of `de-AT`).
    public let catalogLocale: String
    /// The template's position among the code's templates (0 = the documented wording).
    public let variant: Int
    /// The template's id (`docs`, `example` …).
    public let templateID: String
    /// The compiled template (its `locale` is the formatting locale, e.g. `de-AT`).
    public let message: CompiledMessage

    /// The code's declared placeholders, in declaration order, and their names.
    let placeholders: [Placeholder]
    let names: [String]
    /// The quick check of each declared placeholder.
    let checks: [ValueCheck]
    /// Declared placeholder → the template's slot that shows it, or -1 (a variant may use a subset).
    let slotOfPlaceholder: [Int]
    /// Template slot → declared placeholder, or -1 (an undeclared name renders as `{name}`).
    let placeholderOfSlot: [Int]
    /// How many slots show a declared placeholder.
    let declaredSlots: Int
    /// What the by-name pass reads per declared placeholder, in storage of its own so that the
    /// pass retains no array: its name, its slot (or -1) and its quick check.
    struct Field {
        let name: String
        let slot: Int
        let check: ValueCheck
    }
    private let fields: UnsafeMutablePointer<Field>
    private let fieldCount: Int
    private let slotCount: Int
    /// The message's flat program, reached without a retain (`message` keeps it alive); nil when
    /// the message has plural, select or ICU-formatted arguments.
    private let flat: Unmanaged<FlatProgram>?
    /// Every slot of the flat program: all must be filled for the one-pass path.
    private let allSlots: UInt64

    init(code: String, catalogLocale: String, variant: Int, templateID: String, message: CompiledMessage,
         placeholders: [Placeholder]) {
        self.code = code
        self.catalogLocale = catalogLocale
        self.variant = variant
        self.templateID = templateID
        self.message = message
        self.placeholders = placeholders
        names = placeholders.map(\.name)
        checks = placeholders.map(ValueCheck.init)
        let names = self.names
        placeholderOfSlot = message.slotNames.map { names.firstIndex(of: $0) ?? -1 }
        slotOfPlaceholder = names.map { message.slotNames.firstIndex(of: $0) ?? -1 }
        declaredSlots = placeholderOfSlot.filter { $0 >= 0 }.count
        fieldCount = names.count
        slotCount = message.slotNames.count
        fields = .allocate(capacity: max(1, names.count))
        for index in names.indices {
            (fields + index).initialize(to: Field(name: names[index], slot: slotOfPlaceholder[index], check: checks[index]))
        }
        flat = message.flat.map { Unmanaged.passUnretained($0) }
        allSlots = slotCount >= 64 ? ~0 : (1 << UInt64(slotCount)) &- 1
    }

    deinit {
        fields.deinitialize(count: fieldCount)
        fields.deallocate()
    }

    /// The locale whose number conventions are used (`de-AT` …); usually `catalogLocale`.
    public var formattingLocale: String { message.locale }

    /// The argument names of the template; `render(slots:)` takes values in this order.
    public var slotNames: [String] { message.slotNames }

    /// Renders with values by placeholder name, checked as `CatalogFormatter.format` checks them:
    /// a name the code does not declare, a missing value or a value invalid for its type throws.
    public func render(_ values: [String: Value]) throws(FormatError) -> String {
        if let text = renderFlat(values) { return text }
        return try withSlots(values) { (buffer) throws(FormatError) -> String in
            do throws(ICUError) { return try message.render(buffer: buffer) } catch { throw .icu(error) }
        }
    }

    /// Renders like `render(_:)` and appends the UTF-8 bytes to `out` (for servers that write
    /// responses into a byte buffer): the same bytes as `render(_:)`, with the same checks. For the
    /// catalog's templates (literal text, strings, integers, lists) nothing is allocated apart from
    /// `out`'s own growth; keep one buffer and `removeAll(keepingCapacity: true)` between messages.
    /// On a thrown error `out` is left as it was.
    public func render(_ values: [String: Value], appendingTo out: inout [UInt8]) throws(FormatError) {
        if appendFlat(values, to: &out) { return }
        try withSlots(values) { (buffer) throws(FormatError) in
            let count = out.count
            do throws(ICUError) { try message.render(buffer: buffer, appendingTo: &out) } catch {
                out.removeSubrange(count...)
                throw .icu(error)
            }
        }
    }

    /// The common case in one pass over `values`, for a flat message (literal text, plain and
    /// number arguments): every slot gets a declared name's value that the quick check accepts and
    /// the flat program renders. Then the text; otherwise nil, and the general path decides (and
    /// reports any error). Same bytes as the general path.
    @inline(__always)
    func renderFlat(_ values: [String: Value]) -> String? {
        withStagedValues(values) { flat, capacity, slots, staging in
            String(unsafeUninitializedCapacity: capacity) { flat.write($0.baseAddress!, slots: slots, staging: staging) }
        }
    }

    /// `renderFlat` appending to `out`: false (and `out` unchanged) when the general path decides.
    @inline(__always)
    func appendFlat(_ values: [String: Value], to out: inout [UInt8]) -> Bool {
        withStagedValues(values) { flat, capacity, slots, staging in
            FlatProgram.append(capacity: capacity, to: &out) { flat.write($0, slots: slots, staging: staging) }
            return true
        } ?? false
    }

    /// Reads `values` once, by index (no copy of the dictionary, no `Value` kept): each value's
    /// bytes are copied to a staging buffer on the stack (integers kept as numbers), so the write
    /// that follows touches no reference-counted storage. `body` gets the program, the size
    /// bound, the staged slots and the staging bytes; nil when the general path must decide.
    @inline(__always)
    private func withStagedValues<R>(
        _ values: [String: Value],
        _ body: (FlatProgram, Int, UnsafePointer<FlatProgram.Staged>, UnsafePointer<UInt8>) -> R
    ) -> R? {
        guard let flat else { return nil }
        return flat._withUnsafeGuaranteedRef { flat -> R? in
            withUnsafeTemporaryAllocation(of: FlatProgram.Staged.self, capacity: max(1, slotCount)) { slots -> R? in
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: FlatProgram.stagingBytes) { staging -> R? in
                    let slotBase = slots.baseAddress!, stagingBase = staging.baseAddress!
                    var filled: UInt64 = 0
                    var capacity = flat.literalCount
                    var staged = 0
                    let fields = self.fields, fieldCount = self.fieldCount
                    var position = values.startIndex
                    let end = values.endIndex
                    while position != end {
                        let (name, value) = values[position]
                        values.formIndex(after: &position)
                        var index = 0
                        while index < fieldCount, fields[index].name != name { index += 1 }
                        if index == fieldCount { return nil }
                        let slot = fields[index].slot
                        guard slot >= 0 else { continue }   // a placeholder this variant does not show
                        guard fields[index].check.accepts(value),
                              let entry = flat.stage(value, slot: slot, into: stagingBase, at: &staged, limit: FlatProgram.stagingBytes)
                        else { return nil }
                        capacity += flat.size(of: entry, slot: slot)
                        slotBase[slot] = entry
                        filled |= 1 << UInt64(slot)
                    }
                    guard filled == allSlots else { return nil }
                    return body(flat, capacity, UnsafePointer(slotBase), UnsafePointer(stagingBase))
                }
            }
        }
    }

    /// The values placed in slot order and checked, handed to `body` as a buffer of
    /// `slotNames.count` values (on the stack: nothing allocated).
    @inline(__always)
    private func withSlots<R>(_ values: [String: Value],
                              _ body: (UnsafeBufferPointer<Value?>) throws(FormatError) -> R) throws(FormatError) -> R {
        try withUnsafeTemporaryAllocation(of: Value?.self, capacity: slotCount) {
            (slots) throws(FormatError) -> R in
            slots.initialize(repeating: nil)
            defer { _ = slots.deinitialize() }
            // One pass over the dictionary, no hashing: each given name is compared with the few
            // declared ones, lands in its slot and gets the quick check.
            var extra = false
            var placed = 0
            var quick = true
            let fields = self.fields, fieldCount = self.fieldCount
            for (name, value) in values {
                var index = 0
                while index < fieldCount, fields[index].name != name { index += 1 }
                if index == fieldCount { extra = true; break }
                let slot = fields[index].slot
                guard slot >= 0 else { continue }   // a placeholder this variant does not show
                if quick, !fields[index].check.accepts(value) { quick = false }
                slots[slot] = value
                placed += 1
            }
            if extra {
                let given = values.keys.filter { !names.contains($0) }.sorted()
                throw .extraValues(code: code, names: given, accepted: names)
            }
            let buffer = UnsafeBufferPointer(slots)
            // Every declared slot filled with a value the quick check accepts: nothing to report.
            // Otherwise the full check in slot order finds the first problem (or none).
            if !quick || placed != declaredSlots { try check(buffer) }
            return try body(buffer)
        }
    }

    /// Renders with values by position in `slotNames` order (`nil` for a value not given), with
    /// the same checks as `render(_:)`. The count must be `slotNames.count`.
    public func render(slots: [Value?]) throws(FormatError) -> String {
        precondition(slots.count == placeholderOfSlot.count,
                     "\(code) expects \(placeholderOfSlot.count) values (\(slotNames)), got \(slots.count)")
        return try slots.withUnsafeBufferPointer { (buffer) throws(FormatError) -> String in
            try check(buffer)
            do throws(ICUError) { return try message.render(buffer: buffer) } catch { throw .icu(error) }
        }
    }

    /// Missing and invalid values, in slot order (the first problem is reported).
    private func check(_ slots: UnsafeBufferPointer<Value?>) throws(FormatError) {
        try placeholderOfSlot.withUnsafeBufferPointer { (placeholderOf) throws(FormatError) in
            try checks.withUnsafeBufferPointer { (checks) throws(FormatError) in
                for slot in placeholderOf.indices {
                    let index = placeholderOf[slot]
                    if index < 0 { continue }
                    guard let value = slots[slot] else {
                        throw .missingValue(code: code, name: names[index], type: placeholders[index].type)
                    }
                    if checks[index].accepts(value) { continue }
                    if let problem = placeholders[index].validate(value) {
                        throw .invalidValue(code: code, name: names[index], problem: problem)
                    }
                }
            }
        }
    }
}

/// A quick, allocation-free check that accepts only values `Placeholder.validate` accepts. What it
/// does not accept goes to `validate`, which decides and says why; so the quick check never changes
/// a result, it only spares the full validation for the common valid values.
enum ValueCheck: UInt8, Sendable {
    /// Any text (a `string`, or a `rejected` placeholder of a textual type).
    case anyText
    case integer
    case date
    case list
    case identifier
    case hash
    case version
    /// Always the full validation.
    case full

    init(_ placeholder: Placeholder) {
        switch placeholder.type {
        case .integer: self = .integer
        case .date: self = .date
        case .list: self = .list
        case _ where placeholder.rejected: self = .anyText
        case .string: self = .anyText
        case .identifier: self = .identifier
        case .hash: self = .hash
        case .version: self = .version
        default: self = .full
        }
    }

    /// True only when the value is certainly valid; false means "ask `validate`".
    func accepts(_ value: Value) -> Bool {
        switch (self, value) {
        case (.integer, .integer), (.date, .date):
            return true
        case (.list, .list(let items)):
            if items.isEmpty { return false }
            for item in items where !Self.bytes(item, Self.isListItem) { return false }
            return true
        case (.anyText, .text):
            return true
        case (.identifier, .text(let text)):
            return Self.bytes(text, Self.isIdentifier)
        case (.hash, .text(let text)):
            return Self.bytes(text, Self.isHash)
        case (.version, .text(let text)):
            return Self.bytes(text, Self.isVersion)
        default:
            return false
        }
    }

    /// Runs `test` on the UTF-8 of `text` in place (native strings), or on a copy.
    @inline(__always)
    private static func bytes(_ text: String, _ test: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        if let result = text.utf8.withContiguousStorageIfAvailable(test) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(test)
    }

    /// Non-empty, no comma.
    private static func isListItem(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if bytes.isEmpty { return false }
        for byte in bytes where byte == UInt8(ascii: ",") { return false }
        return true
    }

    /// Non-empty printable ASCII without space.
    private static func isIdentifier(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if bytes.isEmpty { return false }
        for byte in bytes where byte <= 0x20 || byte >= 0x7F { return false }
        return true
    }

    /// 32, 40 or 64 hexadecimal digits.
    private static func isHash(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count == 32 || bytes.count == 40 || bytes.count == 64 else { return false }
        for byte in bytes {
            let lower = byte | 0x20
            if !((0x30...0x39).contains(byte) || (0x61...0x66).contains(lower)) { return false }
        }
        return true
    }

    /// 2 to 4 non-empty runs of ASCII digits separated by dots.
    private static func isVersion(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var parts = 1, digits = 0
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                if digits == 0 { return false }
                parts += 1
                digits = 0
            } else if (0x30...0x39).contains(byte) {
                digits += 1
            } else {
                return false
            }
        }
        return digits > 0 && parts >= 2 && parts <= 4
    }
}
