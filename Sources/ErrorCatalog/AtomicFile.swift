import Foundation

/// Replaces a file atomically: write a temporary file next to it, flush, rename over it.
public enum AtomicFile {
    public static func write(_ data: Data, to path: String) throws(AtomicFileError) {
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = (directory.isEmpty ? "." : directory as NSString).appendingPathComponent(
            ".\((path as NSString).lastPathComponent).\(UInt32.random(in: 0...UInt32.max)).tmp")
        guard FileManager.default.createFile(atPath: temporary, contents: data) else {
            throw AtomicFileError(path: path, reason: "cannot write a temporary file in \(directory.isEmpty ? "." : directory)")
        }
        if let handle = FileHandle(forUpdatingAtPath: temporary) {
            try? handle.synchronize()
            try? handle.close()
        }
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw AtomicFileError(path: path, reason: "cannot replace the file: \(reason)")
        }
    }
}

public struct AtomicFileError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { reason }
}
