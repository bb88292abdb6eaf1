import ErrorCatalog
import Foundation

/// A strict JSON reader for the bodies `JSONSerialization` refuses although they are valid JSON
/// (RFC 8259), so that their code and message are not lost:
///
/// - numbers out of `Double`'s range (`1e309`) or with more digits than it holds: kept as their
///   text (a `String`), not refused;
/// - nesting deeper than `InputLimits.maxJSONDepth` (Foundation stops at 512): read without a
///   stack (a loop with its own), and containers deeper than the limit are checked but not kept
///   (they become `NSNull`), so nothing deep is built or released recursively.
///
/// Everything else is as strict as JSON: a malformed text gives nil. Values have
/// `JSONSerialization`'s shapes (`[String: Any]`, `[Any]`, `String`, `NSNumber`, `NSNull`).
enum TolerantJSON {
    static func parse(_ text: String, maxDepth: Int = InputLimits.maxJSONDepth) -> Any? {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { parse($0, maxDepth: maxDepth) }
    }

    private static func parse(_ b: UnsafeMutableBufferPointer<UInt8>, maxDepth: Int) -> Any? {
        var i = 0
        let n = b.count
        var depth = 0

        func skipSpace() {
            while i < n, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
        }
        func literal(_ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard i + count <= n else { return false }
            for k in 0..<count where b[i + k] != word.utf8Start[k] { return false }
            i += count
            return true
        }
        func string() -> String? {
            guard i < n, b[i] == 0x22 else { return nil }
            i += 1
            var out = [UInt8]()
            while i < n {
                let c = b[i]
                if c == 0x22 { i += 1; return String(validating: out, as: UTF8.self) ?? String(decoding: out, as: UTF8.self) }
                if c < 0x20 { return nil }
                if c != 0x5C { out.append(c); i += 1; continue }
                i += 1
                guard i < n else { return nil }
                let e = b[i]
                i += 1
                switch e {
                case 0x22: out.append(0x22)
                case 0x5C: out.append(0x5C)
                case 0x2F: out.append(0x2F)
                case 0x62: out.append(0x08)
                case 0x66: out.append(0x0C)
                case 0x6E: out.append(0x0A)
                case 0x72: out.append(0x0D)
                case 0x74: out.append(0x09)
                case 0x75:
                    guard var unit = hex4() else { return nil }
                    var scalar: Unicode.Scalar?
                    if (0xD800..<0xDC00).contains(unit), i + 1 < n, b[i] == 0x5C, b[i + 1] == 0x75 {
                        let save = i
                        i += 2
                        if let low = hex4(), (0xDC00..<0xE000).contains(low) {
                            unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            i = save
                        }
                    }
                    scalar = Unicode.Scalar(unit)
                    out.append(contentsOf: String(scalar ?? "\u{FFFD}").utf8)
                default: return nil
                }
            }
            return nil
        }
        func hex4() -> UInt32? {
            guard i + 4 <= n else { return nil }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let c = b[i]
                let digit: UInt32
                switch c {
                case 0x30...0x39: digit = UInt32(c - 0x30)
                case 0x41...0x46: digit = UInt32(c - 0x41 + 10)
                case 0x61...0x66: digit = UInt32(c - 0x61 + 10)
                default: return nil
                }
                value = value << 4 | digit
                i += 1
            }
            return value
        }
        func number() -> Any? {
            let start = i
            if i < n, b[i] == 0x2D { i += 1 }
            guard i < n, b[i] >= 0x30 && b[i] <= 0x39 else { return nil }
            if b[i] == 0x30 { i += 1 } else { while i < n, b[i] >= 0x30 && b[i] <= 0x39 { i += 1 } }
            var integral = true
            if i < n, b[i] == 0x2E {
                integral = false
                i += 1
                guard i < n, b[i] >= 0x30 && b[i] <= 0x39 else { return nil }
                while i < n, b[i] >= 0x30 && b[i] <= 0x39 { i += 1 }
            }
            if i < n, b[i] == 0x65 || b[i] == 0x45 {
                integral = false
                i += 1
                if i < n, b[i] == 0x2B || b[i] == 0x2D { i += 1 }
                guard i < n, b[i] >= 0x30 && b[i] <= 0x39 else { return nil }
                while i < n, b[i] >= 0x30 && b[i] <= 0x39 { i += 1 }
            }
            let text = String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
            if integral, let value = Int64(text) { return NSNumber(value: value) }
            if let value = Double(text), value.isFinite { return NSNumber(value: value) }
            return text // out of range: its text, so the body still reads
        }

        // The open containers: their kind, and (for kept ones) their contents, in place.
        enum Kind { case object, array, skippedObject, skippedArray }
        var kinds: [Kind] = []
        var objects: [[String: Any]] = []
        var keys: [String?] = []
        var arrays: [[Any]] = []
        /// In a skipped object: whether the next token is a key.
        var skippedExpectsKey: [Bool] = []

        func open(_ isObject: Bool) {
            depth += 1
            if depth > maxDepth {
                kinds.append(isObject ? .skippedObject : .skippedArray)
                skippedExpectsKey.append(isObject)
            } else if isObject {
                kinds.append(.object); objects.append([:]); keys.append(nil)
            } else {
                kinds.append(.array); arrays.append([])
            }
        }
        /// Closes the top container and returns its value.
        func close() -> Any {
            depth -= 1
            switch kinds.removeLast() {
            case .object: keys.removeLast(); return objects.removeLast()
            case .array: return arrays.removeLast()
            case .skippedObject, .skippedArray: skippedExpectsKey.removeLast(); return NSNull()
            }
        }
        /// Adds a finished value to the container on top; false when there is none (the value is the document).
        func attach(_ value: Any) -> Bool {
            guard let kind = kinds.last else { return false }
            switch kind {
            case .object:
                objects[objects.count - 1][keys[keys.count - 1]!] = value
                keys[keys.count - 1] = nil
            case .array: arrays[arrays.count - 1].append(value)
            case .skippedObject, .skippedArray: break
            }
            return true
        }

        while true {
            skipSpace()
            guard i < n else { return nil }
            // A key first, in an object.
            if let kind = kinds.last, (kind == .object && keys[keys.count - 1] == nil)
                || (kind == .skippedObject && skippedExpectsKey[skippedExpectsKey.count - 1]) {
                guard let key = string() else { return nil }
                skipSpace()
                guard i < n, b[i] == 0x3A else { return nil }
                i += 1
                skipSpace()
                guard i < n else { return nil }
                if kind == .object { keys[keys.count - 1] = key } else { skippedExpectsKey[skippedExpectsKey.count - 1] = false }
            }
            // A value.
            var value: Any
            let c = b[i]
            switch c {
            case 0x7B, 0x5B:
                i += 1
                open(c == 0x7B)
                skipSpace()
                guard i < n else { return nil }
                if b[i] == (c == 0x7B ? 0x7D : 0x5D) {
                    i += 1
                    value = close()
                } else {
                    continue
                }
            case 0x22:
                guard let s = string() else { return nil }
                value = s
            case 0x74:
                guard literal("true") else { return nil }
                value = NSNumber(value: true)
            case 0x66:
                guard literal("false") else { return nil }
                value = NSNumber(value: false)
            case 0x6E:
                guard literal("null") else { return nil }
                value = NSNull()
            default:
                guard let number = number() else { return nil }
                value = number
            }
            // Attach it, then close every container that ends here.
            while true {
                guard attach(value) else {
                    skipSpace()
                    return i == n ? value : nil
                }
                skipSpace()
                guard i < n else { return nil }
                let kind = kinds[kinds.count - 1]
                if b[i] == 0x2C {
                    i += 1
                    if kind == .skippedObject { skippedExpectsKey[skippedExpectsKey.count - 1] = true }
                    break
                }
                let isObject = kind == .object || kind == .skippedObject
                guard b[i] == (isObject ? 0x7D : 0x5D) else { return nil }
                i += 1
                value = close()
            }
        }
    }
}
