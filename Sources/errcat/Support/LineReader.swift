#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines from a file descriptor in 64 KiB blocks: constant memory, one pass, no Foundation.
/// Lines end at `\n` (a preceding `\r` is dropped); a final line without `\n` is returned too.
struct LineReader {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var finished = false
    private(set) var bytesRead = 0
    /// Lines longer than this are cut (the rest is skipped) so one huge line cannot exhaust memory.
    let maximumLineLength: Int

    init(fd: Int32, maximumLineLength: Int = 1 << 20) {
        self.fd = fd
        self.maximumLineLength = maximumLineLength
        buffer.reserveCapacity(1 << 16)
    }

    /// The next line, or nil at the end of the input.
    mutating func next() -> (line: String, truncated: Bool)? {
        var truncated = false
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                var end = newline
                if end > start, buffer[end - 1] == 0x0D { end -= 1 }
                let overlong = end - start > maximumLineLength
                let line = String(decoding: buffer[start..<min(end, start + maximumLineLength)], as: UTF8.self)
                start = newline + 1
                return (line, truncated || overlong)
            }
            if finished {
                guard start < buffer.count else { return nil }
                let line = String(decoding: buffer[start..<min(buffer.count, start + maximumLineLength)], as: UTF8.self)
                start = buffer.count
                return (line, truncated)
            }
            // Compact, then read more.
            if start > 0 {
                buffer.removeSubrange(0..<start)
                start = 0
            }
            if buffer.count > maximumLineLength {
                // Keep the head of the overlong line, drop the rest up to its newline.
                truncated = true
                buffer.removeSubrange(maximumLineLength..<buffer.count)
                if !skipToNewline() { finished = true }
                continue
            }
            readMore()
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

    /// Discards input until just after a newline is buffered; false at the end of input.
    private mutating func skipToNewline() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count <= 0 { return false }
            bytesRead += count
            if let newline = chunk[0..<count].firstIndex(of: 0x0A) {
                buffer.append(0x0A)
                buffer.append(contentsOf: chunk[(newline + 1)..<count])
                return true
            }
        }
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

    mutating func write(line: String) {
        bytes.append(contentsOf: line.utf8)
        bytes.append(0x0A)
        if lineBuffered || bytes.count >= 1 << 16 { flush() }
    }

    mutating func write(lineBytes: [UInt8]) {
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
