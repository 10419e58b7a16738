import ArgumentParser
import PlutusData

/// `plutus keygen`: a new random data key, for `PLUTUS_DATA_KEY`.
struct Keygen: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a new random AES-256 data key as a PLUTUS_DATA_KEY entry (id:base64).")

    @Option(help: "The key's id, stored beside everything it seals (letters, digits, - and _).")
    var id = "k1"

    func run() throws {
        let entry = DataCipher.generateKeyEntry(id: id)
        do {
            _ = try DataCipher(keyList: entry)
        } catch {
            throw ValidationError("\(error)")
        }
        print("PLUTUS_DATA_KEY=\(entry)")
    }
}
