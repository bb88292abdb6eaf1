#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ErrorCatalog

/// Reads lines from a file descriptor in 64 KiB blocks: constant memory, one pass, no Foundation.
/// Lines end at `\n` (a preceding `\r` is dropped); a final line without `\n` is returned too.
/// A line longer than `maximumLineLength` is not cut and passed on as if whole: it comes back
/// with `tooLong` set, no text, and its full length, so the caller can say so and by how much.
struct LineReader {
    struct Line: Sendable {
        /// The line's text (empty when `tooLong`).
        var text: String
        /// The line's length in bytes, without its line end (counted to the end for an overlong line).
        var length: Int
        var tooLong: Bool
    }

    private let fd: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var finished = false
    private(set) var bytesRead = 0
    /// Longest line returned as text (bytes); longer lines are measured and skipped.
    let maximumLineLength: Int

    init(fd: Int32, maximumLineLength: Int = InputLimits.maxLineBytes) {
        self.fd = fd
        self.maximumLineLength = maximumLineLength
        buffer.reserveCapacity(1 << 16)
    }

    /// The next line, or nil at the end of the input.
    mutating func next() -> Line? {
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                var end = newline
                if end > start, buffer[end - 1] == 0x0D { end -= 1 }
                defer { start = newline + 1 }
                if end - start > maximumLineLength { return Line(text: "", length: end - start, tooLong: true) }
                return Line(text: String(decoding: buffer[start..<end], as: UTF8.self), length: end - start, tooLong: false)
            }
            if finished {
                guard start < buffer.count else { return nil }
                defer { start = buffer.count }
                let length = buffer.count - start
                if length > maximumLineLength { return Line(text: "", length: length, tooLong: true) }
                return Line(text: String(decoding: buffer[start...], as: UTF8.self), length: length, tooLong: false)
            }
            // Compact, then read more.
            if start > 0 {
                buffer.removeSubrange(0..<start)
                start = 0
            }
            if buffer.count > maximumLineLength {
                // Too long already: count the rest of the line without keeping it.
                return skipOverlong()
            }
            readMore()
        }
    }

    /// The current (overlong) line, measured to its end and dropped; the buffer keeps what follows it.
    private mutating func skipOverlong() -> Line {
        var length = buffer.count
        var lastByteWasCR = buffer.last == 0x0D
        buffer.removeAll(keepingCapacity: true)
        start = 0
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count <= 0 {
                finished = true
                return Line(text: "", length: length, tooLong: true)
            }
            bytesRead += count
            if let newline = chunk[0..<count].firstIndex(of: 0x0A) {
                length += newline
                if newline > 0 ? chunk[newline - 1] == 0x0D : lastByteWasCR { length -= 1 }
                buffer.append(contentsOf: chunk[(newline + 1)..<count])
                return Line(text: "", length: length, tooLong: true)
            }
            length += count
            lastByteWasCR = chunk[count - 1] == 0x0D
        }
    }

    private mutating func readMore() {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if count <= 0 {
            finished = true
            return
        }
        bytesRead += count
        buffer.append(contentsOf: chunk[0..<count])
    }
}

/// Buffered standard output for streams: flushed per line on a terminal, per 64 KiB otherwise.
struct OutputBuffer {
    private var bytes: [UInt8] = []
    private let lineBuffered: Bool

    init() {
        lineBuffered = isatty(STDOUT_FILENO) == 1
        bytes.reserveCapacity(1 << 16)
    }

    /// A line of text for people: made safe for a terminal (see `Terminal.printable`).
    mutating func write(line: String) {
        bytes.append(contentsOf: Terminal.printable(line, colour: false).utf8)
        bytes.append(0x0A)
        if lineBuffered || bytes.count >= 1 << 16 { flush() }
    }

    /// A line of JSON: invisible and control characters inside its strings become `\\u` escapes
    /// (see `Terminal.jsonSafe`), the JSON value is unchanged.
    mutating func write(jsonLine: String) {
        bytes.append(contentsOf: Terminal.jsonSafe(jsonLine).utf8)
        bytes.append(0x0A)
        if lineBuffered || bytes.count >= 1 << 16 { flush() }
    }

    mutating func write(lineBytes: [UInt8]) {
        // JSON bytes from MatchJSONWriter: pure ASCII passes as it is (the common case).
        if lineBytes.contains(where: { $0 >= 0x7F }) {
            write(jsonLine: String(decoding: lineBytes, as: UTF8.self))
            return
        }
        bytes.append(contentsOf: lineBytes)
        bytes.append(0x0A)
        if lineBuffered || bytes.count >= 1 << 16 { flush() }
    }

    /// Lets `body` append whole lines (newlines included) to the buffer, then flushes as `write` does.
    mutating func append(_ body: (inout [UInt8]) -> Void) {
        body(&bytes)
        if lineBuffered || bytes.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { systemWrite(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if written <= 0 { break }
            offset += written
        }
        bytes.removeAll(keepingCapacity: true)
    }
}

/// A progress bar on standard error, only when standard input is a regular file and standard
/// error is a terminal.
struct ProgressBar {
    private let total: Int
    private let enabled: Bool
    private var lastDraw: UInt64 = 0

    init(fd: Int32) {
        var info = stat()
        let isFile = fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
        total = isFile ? Int(info.st_size) : 0
        enabled = isFile && total > 0 && isatty(STDERR_FILENO) == 1
    }

    mutating func update(bytes: Int, lines: Int) {
        guard enabled else { return }
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let ms = UInt64(now.tv_sec) * 1000 + UInt64(now.tv_nsec) / 1_000_000
        guard ms - lastDraw >= 100 else { return }
        lastDraw = ms
        draw(bytes: bytes, lines: lines)
    }

    func finish(lines: Int) {
        guard enabled else { return }
        draw(bytes: total, lines: lines)
        Terminal.err("")
    }

    private func draw(bytes: Int, lines: Int) {
        let fraction = min(1, Double(bytes) / Double(max(total, 1)))
        let width = 30
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let text = "\r\(bar) \(Int(fraction * 100))%  \(lines) lines"
        _ = text.withCString { systemWrite(STDERR_FILENO, $0, strlen($0)) }
    }
}

/// `write(2)`, named apart from the `write` methods above.
func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(fd, buffer, count)
}
