import Dispatch
import Glibc

/// A datagram socket in the state directory through which `jalon done` tells the running daemon to look at the
/// acknowledgements again. The acknowledgement itself is in the state database first: the poke only saves waiting.
///
/// The state directory is 0700, so only the user can reach the socket.
final class ControlSocket: @unchecked Sendable {  // confined to its queue
    static let fileName = "control.sock"

    private let fd: Int32
    private let source: DispatchSourceRead
    private let path: String

    /// - Parameter received: called on `queue` with each message.
    init?(stateDirectory: String, queue: DispatchQueue, received: @escaping @Sendable (String) -> Void) {
        path = stateDirectory + "/" + ControlSocket.fileName
        let socketFD = socket(
            AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        guard socketFD >= 0 else { return nil }
        unlink(path)
        guard ControlSocket.withAddress(path, { bind(socketFD, $0, $1) }) == 0 else {
            close(socketFD)
            return nil
        }
        fd = socketFD
        chmod(path, 0o600)
        source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
        let fd = self.fd
        let path = self.path
        source.setEventHandler { @Sendable in
            var buffer = [UInt8](repeating: 0, count: 512)
            while true {
                let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if n <= 0 { break }
                received(String(decoding: buffer[..<n], as: UTF8.self))
            }
        }
        source.setCancelHandler { @Sendable in
            close(fd)
            unlink(path)
        }
        source.resume()
    }

    deinit { source.cancel() }

    /// Sends `message` to a daemon listening in `stateDirectory`; false when none listens.
    @discardableResult
    static func send(_ message: String, stateDirectory: String) -> Bool {
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let bytes = Array(message.utf8)
        let sent = withAddress(stateDirectory + "/" + fileName) { address, length in
            bytes.withUnsafeBytes { Int32(sendto(fd, $0.baseAddress, $0.count, 0, address, length)) }
        }
        return sent == Int32(bytes.count)
    }

    private static func withAddress(
        _ path: String, _ body: (UnsafePointer<sockaddr>, socklen_t) -> Int32
    ) -> Int32 {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { return -1 }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, b) in bytes.enumerated() { raw[i] = b }
        }
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
    }
}
