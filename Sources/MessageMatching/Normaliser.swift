/// The normal form both templates and received messages are compared in (UTF-8 bytes):
/// ASCII letters lower-cased, every run of whitespace (tab, newline, no-break space …) one space,
/// curly apostrophes (’ ‘) as `'`, and a space before `.` `,` `:` `;` `!` `?` dropped.
///
/// The tolerances are detected afterwards, per matched template, by comparing the template's
/// literal text with the original bytes; the normal form only decides *which* templates can match.
struct ByteNormaliser {
    /// The last byte emitted was a space that came from whitespace.
    private(set) var lastWasSpace = false
    /// Spacing kept as written: each whitespace character is one space (no runs collapsed) and no
    /// space before punctuation is dropped. The matcher's second look at a message that matched
    /// only a catch-all, for values that begin with punctuation (`.NET`) or are blank (see
    /// `MessageMatcher.scan`).
    var keepSpacing = false

    /// Whether `b` starts a whitespace character at `bytes[i]`; returns its length (0 if not).
    @inline(__always)
    static func whitespaceLength(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let b = bytes[i]
        if b == 0x20 || (b >= 0x09 && b <= 0x0D) { return 1 }
        if b == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xA0 { return 2 } // NBSP
        if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80 {
            let c = bytes[i + 2]
            if (c >= 0x80 && c <= 0x8A) || c == 0xAF { return 3 } // en/em/thin … spaces, narrow NBSP
        }
        if b == 0xE3, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x80 { return 3 } // ideographic space
        return 0
    }

    /// Whether a curly apostrophe (’ U+2019, ‘ U+2018) starts at `bytes[i]`.
    @inline(__always)
    static func isCurlyApostrophe(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        bytes[i] == 0xE2 && i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0x99 || bytes[i + 2] == 0x98)
    }

    @inline(__always)
    static func isPunctuation(_ b: UInt8) -> Bool {
        b == 0x2E || b == 0x2C || b == 0x3A || b == 0x3B || b == 0x21 || b == 0x3F
    }

    /// Normalises `bytes[range]` and appends to `out` (with, per output byte, the original start
    /// and end offsets). `count` is the number of bytes in `out` so far; it may shrink by one when
    /// a space before punctuation is dropped.
    @inline(__always)
    mutating func normalise(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int,
                            out: UnsafeMutablePointer<UInt8>, origStart: UnsafeMutablePointer<Int32>,
                            origEnd: UnsafeMutablePointer<Int32>, count: inout Int) {
        var i = start
        while i < end {
            let b = bytes[i]
            if b < 0x80 {
                if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
                    if lastWasSpace && !keepSpacing {
                        origEnd[count - 1] = Int32(i + 1)
                    } else {
                        out[count] = 0x20; origStart[count] = Int32(i); origEnd[count] = Int32(i + 1)
                        count += 1
                        lastWasSpace = true
                    }
                    i += 1
                    continue
                }
                if lastWasSpace && !keepSpacing && Self.isPunctuation(b) && count > 0 {
                    count -= 1
                }
                lastWasSpace = false
                out[count] = (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
                origStart[count] = Int32(i); origEnd[count] = Int32(i + 1)
                count += 1
                i += 1
                continue
            }
            let ws = Self.whitespaceLength(bytes, i)
            if ws > 0 {
                if lastWasSpace && !keepSpacing {
                    origEnd[count - 1] = Int32(i + ws)
                } else {
                    out[count] = 0x20; origStart[count] = Int32(i); origEnd[count] = Int32(i + ws)
                    count += 1
                    lastWasSpace = true
                }
                i += ws
                continue
            }
            lastWasSpace = false
            if Self.isCurlyApostrophe(bytes, i) {
                out[count] = 0x27; origStart[count] = Int32(i); origEnd[count] = Int32(i + 3)
                count += 1
                i += 3
                continue
            }
            out[count] = b; origStart[count] = Int32(i); origEnd[count] = Int32(i + 1)
            count += 1
            i += 1
        }
    }

    /// Resets the whitespace state (at a slot boundary in a template).
    mutating func reset() { lastWasSpace = false }
}

/// Trims a message: leading/trailing whitespace and a final period (with whitespace before it).
struct Trimmed {
    /// Start of the body (after leading whitespace).
    var bodyStart: Int
    /// End of the body (before whitespace + final period + trailing whitespace).
    var bodyEnd: Int
    /// End of the text without trailing whitespace.
    var textEnd: Int
    var hasPeriod: Bool
    /// Whitespace between the body and the final period.
    var spaceBeforePeriod: Bool
    /// Leading or trailing whitespace was removed.
    var trimmedWhitespace: Bool

    /// With `keepSpacing`, whitespace before a final period stays in the body (a blank value
    /// just before it is a value, not a tolerance).
    init(_ bytes: UnsafeBufferPointer<UInt8>, keepSpacing: Bool = false) {
        var start = 0
        var end = bytes.count
        while start < end {
            let ws = ByteNormaliser.whitespaceLength(bytes, start)
            if ws == 0 { break }
            start += ws
        }
        while end > start {
            // Whitespace ends here? Check the 1-, 2- and 3-byte forms.
            if ByteNormaliser.whitespaceLength(bytes, end - 1) == 1 { end -= 1; continue }
            if end - 2 >= start && ByteNormaliser.whitespaceLength(bytes, end - 2) == 2 { end -= 2; continue }
            if end - 3 >= start && ByteNormaliser.whitespaceLength(bytes, end - 3) == 3 { end -= 3; continue }
            break
        }
        trimmedWhitespace = start > 0 || end < bytes.count
        textEnd = end
        bodyStart = start
        hasPeriod = false
        spaceBeforePeriod = false
        if end > start && bytes[end - 1] == 0x2E {
            hasPeriod = true
            end -= 1
            var e = end
            while e > start && !keepSpacing {
                if ByteNormaliser.whitespaceLength(bytes, e - 1) == 1 { e -= 1; continue }
                if e - 2 >= start && ByteNormaliser.whitespaceLength(bytes, e - 2) == 2 { e -= 2; continue }
                break
            }
            spaceBeforePeriod = e < end
            end = e
        }
        bodyEnd = end
    }
}
