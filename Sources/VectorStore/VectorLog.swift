import Foundation
import PlutusWire

/// The store's durability: every acknowledged write is a record appended to `wal.log` before the call
/// answers, and a snapshot (`snapshot.log`, the same record format) compacts it.
///
/// A record is a 4-byte big-endian length, a 4-byte big-endian CRC-32 of the payload, and the payload (a
/// ``VectorLogRecord`` in protobuf). Reading stops at the first record that is short, too long or fails its
/// checksum: a write torn by a crash is dropped whole, and the file is cut back to the last whole record.
struct VectorLog {
    /// When appended records reach the disk.
    enum SyncPolicy: String, Sendable {
        /// `fsync` after every acknowledged write batch: an acknowledged write survives a power cut.
        case always
        /// Leave it to the operating system: survives the process being killed, not the machine.
        case never
    }

    /// The largest record the reader accepts; anything longer is taken for a torn length.
    static let maximumRecordBytes = 512 << 20

    let directory: URL
    let sync: SyncPolicy
    private var wal: FileHandle
    private(set) var walBytes: UInt64

    var walURL: URL { directory.appendingPathComponent("wal.log") }
    var snapshotURL: URL { directory.appendingPathComponent("snapshot.log") }

    /// Opens (creating) the log in `directory`, and hands every intact record, snapshot first, to `replay`.
    init(directory: URL, sync: SyncPolicy, replay: (VectorLogRecord) throws -> Void) throws {
        self.directory = directory
        self.sync = sync
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let snapshot = directory.appendingPathComponent("snapshot.log")
        if FileManager.default.fileExists(atPath: snapshot.path) {
            _ = try Self.read(snapshot, replay)
        }
        let wal = directory.appendingPathComponent("wal.log")
        if !FileManager.default.fileExists(atPath: wal.path) {
            FileManager.default.createFile(atPath: wal.path, contents: nil)
        }
        let intact = try Self.read(wal, replay)
        self.wal = try FileHandle(forUpdating: wal)
        try self.wal.truncate(atOffset: intact)
        try self.wal.seekToEnd()
        walBytes = intact
    }

    /// Appends `records` as one write, synced per the policy.
    mutating func append(_ records: [VectorLogRecord]) throws {
        var bytes: [UInt8] = []
        for record in records { bytes += try Self.frame(record) }
        try wal.write(contentsOf: bytes)
        if sync == .always { try wal.synchronize() }
        walBytes += UInt64(bytes.count)
    }

    /// Replaces the snapshot with `records` (the whole state) and empties the write-ahead log. A crash at any
    /// point leaves a state that replays to the same items.
    mutating func compact(into records: [VectorLogRecord]) throws {
        let temporary = directory.appendingPathComponent("snapshot.tmp")
        FileManager.default.createFile(atPath: temporary.path, contents: nil)
        let handle = try FileHandle(forWritingTo: temporary)
        for record in records { try handle.write(contentsOf: try Self.frame(record)) }
        try handle.synchronize()
        try handle.close()
        if FileManager.default.fileExists(atPath: snapshotURL.path) {
            _ = try FileManager.default.replaceItemAt(snapshotURL, withItemAt: temporary)
        } else {
            try FileManager.default.moveItem(at: temporary, to: snapshotURL)
        }
        try wal.truncate(atOffset: 0)
        try wal.synchronize()
        walBytes = 0
    }

    func close() throws { try wal.close() }

    static func frame(_ record: VectorLogRecord) throws -> [UInt8] {
        let payload = try record.serializedBytes()
        var bytes = [UInt8]()
        bytes.reserveCapacity(payload.count + 8)
        for value in [UInt32(payload.count), CRC32.checksum(payload)] {
            bytes += [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
        }
        return bytes + payload
    }

    /// Replays the intact records of `url`; returns the length of its intact prefix.
    static func read(_ url: URL, _ replay: (VectorLogRecord) throws -> Void) throws -> UInt64 {
        let bytes = [UInt8](try Data(contentsOf: url))
        var offset = 0
        while bytes.count - offset >= 8 {
            let length = Int(bigEndian: bytes, at: offset)
            let checksum = UInt32(Int(bigEndian: bytes, at: offset + 4))
            guard length <= maximumRecordBytes, bytes.count - offset - 8 >= length else { break }
            let payload = Array(bytes[offset + 8..<offset + 8 + length])
            guard CRC32.checksum(payload) == checksum, let record = try? VectorLogRecord(serializedBytes: payload)
            else { break }
            try replay(record)
            offset += 8 + length
        }
        return UInt64(offset)
    }
}

extension Int {
    /// The 4-byte big-endian unsigned integer at `offset`.
    fileprivate init(bigEndian bytes: [UInt8], at offset: Int) {
        self = bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
    }
}

/// CRC-32 (IEEE 802.3, the one zlib and gzip use).
enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { index in
        (0..<8).reduce(UInt32(index)) { value, _ in value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
    }

    static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
        ~bytes.reduce(~UInt32(0)) { crc, byte in table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
    }
}
