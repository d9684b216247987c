import Glibc

/// Writes every byte of `buffer` to `fd`, going on after a write a signal interrupted.
///
/// - Returns: 0 when everything was written, else the `errno` of the failed write (`ENOSPC` for a write that wrote
///   nothing without saying why).
@discardableResult
package func writeAll(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> Int32 {
    var offset = 0
    while offset < buffer.count {
        let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { return n < 0 ? errno : ENOSPC }
        offset += n
    }
    return 0
}

/// Writes every byte of `bytes` to `fd` (see `writeAll(_:_:)` for a buffer).
@discardableResult
package func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32 {
    bytes.withUnsafeBytes { writeAll(fd, $0) }
}
