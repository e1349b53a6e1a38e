import Foundation
import Security

struct ChartStore {
    let directory: URL
    let keychain: KeychainStore

    func remember(patientId: String, diagnosis: String) throws {
        print("caching chart of \(patientId)")
        UserDefaults.standard.set(patientId, forKey: "lastPatientId")
        try keychain.set(diagnosis, forKey: "lastDiagnosis")
    }

    func saveScan(_ data: Data, named name: String) throws {
        let url = directory.appendingPathComponent(name)
        try data.write(to: url, options: [.atomic, .completeFileProtection])
    }
}
