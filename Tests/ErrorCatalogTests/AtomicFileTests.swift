#if canImport(Glibc)
import Glibc
#endif
import ErrorCatalog
import Foundation
import Testing

@Suite("AtomicFile: whole-file writes", .serialized)
struct AtomicFileTests {
    let directory: String

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }
    func mode(_ path: String) -> mode_t { var info = stat(); stat(path, &info); return info.st_mode & 0o7777 }
    func leftovers() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).filter { AtomicFile.isTemporaryName($0) }
    }

    @Test func createsAndReplaces() throws {
        let path = directory + "/report.txt"
        try AtomicFile.write("one\n", to: path)
        #expect(try read(path) == "one\n")
        try AtomicFile.write(Array("two\n".utf8), to: path)
        #expect(try read(path) == "two\n")
        #expect(try leftovers().isEmpty)
    }

    @Test func newFileGetsTheUmaskMode() throws {
        let path = directory + "/new.txt"
        let old = umask(0o027)
        defer { umask(old) }
        try AtomicFile.write("x", to: path)
        #expect(mode(path) == 0o640)
    }

    @Test func keepsTheModeOfAReplacedFile() throws {
        for wanted: mode_t in [0o600, 0o640, 0o755] {
            let path = directory + "/mode-\(wanted).txt"
            try "old".write(toFile: path, atomically: false, encoding: .utf8)
            chmod(path, wanted)
            try AtomicFile.write("new", to: path)
            #expect(mode(path) == wanted)
            #expect(try read(path) == "new")
        }
    }

    @Test(.enabled(if: getuid() == 0, "changing a file's owner needs root"))
    func keepsTheOwnerOfAReplacedFile() throws {
        let path = directory + "/owned.txt"
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(chown(path, 65534, 65534) == 0)
        try AtomicFile.write("new", to: path)
        var info = stat()
        stat(path, &info)
        #expect(info.st_uid == 65534 && info.st_gid == 65534)
        #expect(try read(path) == "new")
    }

    @Test func writesThroughASymlinkAndKeepsTheLink() throws {
        let target = directory + "/target.txt", link = directory + "/link.txt"
        try "old".write(toFile: target, atomically: false, encoding: .utf8)
        chmod(target, 0o600)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "target.txt")
        try AtomicFile.write("new", to: link)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "target.txt")
        #expect(try read(target) == "new")
        #expect(mode(target) == 0o600)
        // A dangling link: its target is created.
        let dangling = directory + "/dangling.txt"
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: directory + "/created.txt")
        try AtomicFile.write("made", to: dangling)
        #expect(try read(directory + "/created.txt") == "made")
        #expect(try leftovers().isEmpty)
    }

    @Test func refusesAReadOnlyFileAndLeavesIt() throws {
        let path = directory + "/locked.txt"
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, 0o444)
        #expect {
            try AtomicFile.write("new", to: path)
        } throws: { error in
            let description = (error as? AtomicFileError)?.description ?? ""
            return description.contains("read-only (mode 0444)") && description.contains("chmod u+w") && !description.contains("\n")
        }
        #expect(try read(path) == "old")
        #expect(try leftovers().isEmpty)
    }

    /// The rename fails (the target is a directory): the temporary file is gone, the error says why.
    @Test func removesItsTemporaryFileOnFailure() throws {
        let path = directory + "/adir"
        try FileManager.default.createDirectory(atPath: path + "/inside", withIntermediateDirectories: true)
        #expect {
            try AtomicFile.write("x", to: path)
        } throws: { error in
            (error as? AtomicFileError)?.description.hasPrefix("cannot write '\(path)': it is a directory") ?? false
        }
        #expect(try leftovers().isEmpty)
    }

    @Test func missingDirectoryIsNamed() throws {
        let path = directory + "/no/such/dir/file.txt"
        #expect {
            try AtomicFile.write("x", to: path)
        } throws: { error in
            (error as? AtomicFileError)?.description.contains("the directory '\(directory)/no/such/dir' does not exist") ?? false
        }
    }

    @Test func removesStaleTemporaryFilesButNotFreshOnes() throws {
        let stale = directory + "/.report.txt.errcat-4242-deadbeef.tmp"
        let fresh = directory + "/.report.txt.errcat-4243-cafe.tmp"
        let unrelated = directory + "/.report.txt.other.tmp"
        for path in [stale, fresh, unrelated] { try "partial".write(toFile: path, atomically: false, encoding: .utf8) }
        var times = [timeval(tv_sec: time(nil) - 600, tv_usec: 0), timeval(tv_sec: time(nil) - 600, tv_usec: 0)]
        #expect(utimes(stale, &times) == 0)
        #expect(utimes(unrelated, &times) == 0)
        try AtomicFile.write("x", to: directory + "/other.txt")
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(FileManager.default.fileExists(atPath: fresh))
        #expect(FileManager.default.fileExists(atPath: unrelated))
    }

    @Test func temporaryNamePattern() {
        #expect(AtomicFile.isTemporaryName(".a.json.errcat-12-ab09.tmp"))
        #expect(!AtomicFile.isTemporaryName("a.json.errcat-12-ab09.tmp"))
        #expect(!AtomicFile.isTemporaryName(".a.json.errcat-12-xyz.tmp"))
        #expect(!AtomicFile.isTemporaryName(".a.json.errcat-12.tmp"))
        #expect(!AtomicFile.isTemporaryName(".errcat-12-ab.tmp"))
        #expect(!AtomicFile.isTemporaryName(".a.json.tmp"))
    }

    @Test func characterDevicesAreWrittenThrough() throws {
        try AtomicFile.write("discarded", to: "/dev/null")
        var info = stat()
        stat("/dev/null", &info)
        #expect(info.st_mode & S_IFMT == S_IFCHR)
        #expect(try leftovers().isEmpty)
    }
}
