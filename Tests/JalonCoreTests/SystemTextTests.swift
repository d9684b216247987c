import Foundation
import Testing

@testable import JalonCore

/// The system's errors are said in words, in the settings' language: never `Error Domain=NSCocoaErrorDomain …`,
/// never glibc's English `strerror` inside a French sentence.
@Suite struct SystemTextTests {
    @Test(arguments: [
        (ENOENT, SystemText.noSuchFile), (EACCES, .permissionDenied), (EPERM, .permissionDenied),
        (ENOSPC, .diskFull), (EDQUOT, .quotaExceeded), (EROFS, .readOnlyFileSystem), (ENOTDIR, .notADirectory),
        (EIO, .inputOutput), (EMFILE, .tooManyOpenFiles), (71, .systemError(code: 71)),
    ])
    func errnoValuesHaveWords(_ code: Int32, _ expected: SystemText) {
        #expect(SystemText(errno: code) == expected)
        #expect(SystemText(POSIXError(POSIXErrorCode(rawValue: code)!)) == expected)
    }

    @Test(arguments: [
        (CocoaError.Code.fileWriteVolumeReadOnly, SystemText.readOnlyFileSystem),
        (.fileWriteOutOfSpace, .diskFull), (.fileReadNoSuchFile, .noSuchFile), (.fileNoSuchFile, .noSuchFile),
        (.fileReadNoPermission, .permissionDenied), (.fileWriteNoPermission, .permissionDenied),
        (.fileReadCorruptFile, .damaged), (.fileReadInapplicableStringEncoding, .notText),
        (.fileWriteFileExists, .alreadyExists), (.fileReadUnknown, .unknown),
    ])
    func cocoaCodesHaveWords(_ code: CocoaError.Code, _ expected: SystemText) {
        #expect(SystemText(CocoaError(code)) == expected)
        #expect(SystemText(NSError(domain: NSCocoaErrorDomain, code: code.rawValue)) == expected)
    }

    /// Foundation wraps the `errno` it got: that says more than its own code.
    @Test func theUnderlyingErrnoWins() {
        let wrapped = NSError(
            domain: NSCocoaErrorDomain, code: CocoaError.Code.fileWriteUnknown.rawValue,
            userInfo: [NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(ENOSPC))])
        #expect(SystemText(wrapped) == .diskFull)
    }

    /// A real Foundation failure, read back in both languages.
    @Test func aRealFoundationErrorIsSaidInWords() throws {
        let dir = try TemporaryDirectory()
        do {
            try Data("x".utf8).write(to: URL(fileURLWithPath: dir.url("missing/file")))
            Issue.record("writing into a missing folder succeeded")
        } catch {
            let text = SystemText(error)
            #expect(text == .noSuchFile, "\(error)")
            #expect(text.text(.fr) == "fichier ou dossier introuvable")
            #expect(text.text(.en) == "no such file or directory")
        }
    }

    /// The state database's errors speak the settings' language, the system's reason included.
    @Test func aStateDirectoryThatIsAFileIsSaidInFrench() throws {
        let dir = try TemporaryDirectory()
        let file = try dir.write("state", "not a directory")
        do {
            _ = try Store(directory: file)
            Issue.record("a file was used as the state directory")
        } catch {
            #expect(error.code == .directory)
            let french = error.text(.fr)
            #expect(french.hasPrefix("le dossier d'état \(file) n'est pas un dossier"), "\(french)")
            #expect(!french.contains("directory") && !french.contains("cannot"), "English in French: \(french)")
            #expect(error.text(.en).hasPrefix("the state directory \(file) is not a directory"))
        }
    }

    @Test func aStateDirectoryUnderAFileGivesTheSystemsReasonInFrench() throws {
        let dir = try TemporaryDirectory()
        try dir.write("file", "x")
        do {
            _ = try Store(directory: dir.url("file/state"))
            Issue.record("a state directory under a file was made")
        } catch {
            #expect(error.cause == .notADirectory, "\(error)")
            let french = error.text(.fr)
            #expect(french.contains("impossible de créer le dossier d'état"), "\(french)")
            #expect(french.contains("n'est pas un dossier"), "\(french)")
            #expect(!french.contains("Error Domain") && !french.contains("Not a directory"), "\(french)")
        }
    }
}
