#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why `AtomicFile.write` did not write; `description` is one readable line.
public struct AtomicFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path as the caller gave it.
    public let path: String
    /// What went wrong and, where there is one, what to do.
    public let reason: String
    /// The `errno` behind it (0 when errcat itself refused).
    public let code: Int32

    public init(path: String, reason: String, code: Int32 = 0) {
        self.path = path
        self.reason = reason
        self.code = code
    }

    public var description: String { "cannot write '\(Sanitized.visible(path))': \(reason)" }
}

/// Writes a whole file so that a reader sees either the old or the new content, never a part:
/// the bytes go to a temporary file in the same directory (`.NAME.errcat-PID-RANDOM.tmp`), which
/// is flushed to disk (`fsync`) and renamed over the target; then the directory is flushed.
///
/// - A replaced file keeps its permission bits and owner.
/// - A symbolic link is written through: its final target is replaced, the link stays.
/// - A read-only target (no write permission bit at all) is refused, even for root.
/// - On failure the temporary file is removed and the target is untouched.
/// - Temporary files of this naming pattern older than `staleAge` seconds (left by a run that was
///   killed) are removed from the directory when a later write goes there.
/// - `-` means standard output; a character device or FIFO (`/dev/stdout`, `/dev/null`, a
///   terminal) is written straight through, since it cannot be replaced.
public enum AtomicFile {
    /// Age in seconds after which a leftover temporary file is considered stale.
    public static let staleAge: Int = 60

    public static func write(_ text: String, to path: String) throws(AtomicFileError) {
        try write(Array(text.utf8), to: path)
    }

    public static func write(_ bytes: some Collection<UInt8>, to path: String) throws(AtomicFileError) {
        let data = Array(bytes)
        if path == "-" {
            try writeAll(data, to: STDOUT_FILENO, path: "standard output")
            return
        }
        guard !path.isEmpty else { throw AtomicFileError(path: path, reason: "the file name is empty; give a file name, or - for standard output") }
        var info = stat()
        if stat(path, &info) == 0 {
            // A device, pipe or socket (/dev/stdout, /dev/null, a terminal) cannot be replaced:
            // written straight through (its link, e.g. /proc/self/fd/1 -> pipe:[…], is no path).
            let type = info.st_mode & S_IFMT
            if type == S_IFCHR || type == S_IFIFO || type == S_IFSOCK {
                try writeThrough(data, to: path, path: path)
                return
            }
        }
        let target = try resolveLinks(path)
        let exists = stat(target, &info) == 0
        if exists {
            if info.st_mode & S_IFMT == S_IFREG && info.st_mode & 0o222 == 0 {
                throw AtomicFileError(path: path, reason: "the file is read-only (mode \(octal(info.st_mode & 0o7777))); "
                    + "make it writable (chmod u+w) or write to another file")
            }
        } else if errno != ENOENT {
            throw failure(path, "cannot look at the file", errno)
        }
        let directory = dirname(of: target)
        removeStaleTemporaries(in: directory)
        let temporary = directory + "/." + basename(of: target) + ".errcat-\(getpid())-\(String(UInt64.random(in: 0...UInt64.max), radix: 16)).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, exists ? 0o600 : 0o666)
        guard fd >= 0 else {
            let code = errno
            var directoryInfo = stat()
            if stat(directory, &directoryInfo) != 0 {
                throw AtomicFileError(path: path, reason: "the directory '\(Sanitized.visible(directory))' does not exist", code: code)
            }
            throw failure(path, "cannot create a temporary file in '\(Sanitized.visible(directory))'", code)
        }
        var closed = false
        do throws(AtomicFileError) {
            if exists {
                if fchmod(fd, info.st_mode & 0o7777) != 0 { throw failure(path, "cannot give the new file the old one's mode", errno) }
                var mine = stat()
                if fstat(fd, &mine) == 0, mine.st_uid != info.st_uid || mine.st_gid != info.st_gid,
                   fchown(fd, info.st_uid, info.st_gid) != 0 {
                    throw failure(path, "cannot keep the file's owner \(info.st_uid):\(info.st_gid)", errno)
                }
            }
            try writeAll(data, to: fd, path: path)
            if fsync(fd) != 0 { throw failure(path, "cannot flush the new content to disk", errno) }
            closed = true
            if close(fd) != 0 { throw failure(path, "cannot close the temporary file", errno) }
            if rename(temporary, target) != 0 {
                let code = errno
                throw failure(path, code == EISDIR ? "it is a directory" : "cannot replace the file", code)
            }
        } catch {
            if !closed { close(fd) }
            unlink(temporary)
            throw error
        }
        // The rename is durable once the directory is on disk (best effort: some file systems refuse).
        let directoryFD = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryFD >= 0 {
            _ = fsync(directoryFD)
            close(directoryFD)
        }
    }

    /// Whether `name` is one of this type's temporary files (`.NAME.errcat-PID-HEX.tmp`).
    public static func isTemporaryName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        let marker = Array(".errcat-".utf8), suffix = Array(".tmp".utf8)
        guard bytes.count > 1 + 1 + marker.count + 3 + suffix.count, bytes[0] == UInt8(ascii: "."),
              bytes.suffix(suffix.count).elementsEqual(suffix) else { return false }
        let body = bytes[..<(bytes.count - suffix.count)]
        // The last ".errcat-" after a non-empty NAME.
        guard let start = (2...(body.count - marker.count)).reversed().first(where: { body[$0..<($0 + marker.count)].elementsEqual(marker) })
        else { return false }
        let tail = body[(start + marker.count)...].split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        func isHex(_ b: UInt8) -> Bool { isDigit(b) || (b >= 0x61 && b <= 0x66) }
        return tail.count == 2 && !tail[0].isEmpty && tail[0].allSatisfy(isDigit) && !tail[1].isEmpty && tail[1].allSatisfy(isHex)
    }

    /// Removes temporary files of this naming pattern older than `staleAge` from `directory`.
    static func removeStaleTemporaries(in directory: String) {
        guard let dir = opendir(directory) else { return }
        defer { closedir(dir) }
        let now = time(nil)
        while let entry = readdir(dir) {
            // The name in place, up to its NUL: a dirent is only as long as its name (d_reclen),
            // so copying the whole declared d_name array would read past it.
            let namePointer = UnsafeRawPointer(entry) + MemoryLayout<dirent>.offset(of: \dirent.d_name)!
            let name = String(cString: namePointer.assumingMemoryBound(to: CChar.self))
            guard isTemporaryName(name) else { continue }
            let full = directory + "/" + name
            var info = stat()
            guard lstat(full, &info) == 0, info.st_mode & S_IFMT == S_IFREG, now - info.st_mtim.tv_sec > staleAge else { continue }
            unlink(full)
        }
    }

    /// The final target of `path` through any symbolic links (the target itself need not exist).
    static func resolveLinks(_ path: String) throws(AtomicFileError) -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(current, &buffer, buffer.count - 1)
            guard count >= 0 else { throw failure(path, "cannot read the symbolic link", errno) }
            let link = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = link.hasPrefix("/") ? link : dirname(of: current) + "/" + link
        }
        throw AtomicFileError(path: path, reason: "too many levels of symbolic links", code: ELOOP)
    }

    static func writeThrough(_ data: [UInt8], to target: String, path: String) throws(AtomicFileError) {
        let fd = open(target, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw failure(path, "cannot open it for writing", errno) }
        defer { close(fd) }
        try writeAll(data, to: fd, path: path)
    }

    static func writeAll(_ data: [UInt8], to fd: Int32, path: String) throws(AtomicFileError) {
        var offset = 0
        while offset < data.count {
            let written = data[offset...].withUnsafeBytes { posixWrite(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw failure(path, "cannot write the content", errno)
            }
            offset += written
        }
    }

    static func failure(_ path: String, _ what: String, _ code: Int32) -> AtomicFileError {
        let hint: String
        switch code {
        case EACCES, EPERM: hint = "; permission denied: choose a file in a directory you can write to"
        case ENOSPC, EDQUOT: hint = "; the disk is full"
        case EROFS: hint = "; the file system is read-only"
        case ENOENT: hint = "; the directory does not exist"
        case ENOTDIR: hint = "; a part of the path is not a directory"
        default: hint = "; \(String(cString: strerror(code)))"
        }
        return AtomicFileError(path: path, reason: what + hint, code: code)
    }

    static func dirname(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func basename(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    static func octal(_ mode: mode_t) -> String {
        let digits = String(mode, radix: 8)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

/// `write(2)`, named apart from `AtomicFile.write`.
private func posixWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(fd, buffer, count)
}
