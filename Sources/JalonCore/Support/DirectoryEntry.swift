import Glibc

extension UnsafeMutablePointer where Pointee == dirent {
    /// The name of the entry `readdir` returned, read in place. A record is only as long as its name: copying
    /// `d_name` whole (256 bytes) can read past the end of readdir's buffer, and past the end of the page.
    var entryName: String {
        let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        return String(cString: UnsafeRawPointer(self).advanced(by: offset).assumingMemoryBound(to: CChar.self))
    }
}
