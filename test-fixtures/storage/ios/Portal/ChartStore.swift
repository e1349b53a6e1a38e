import Foundation

struct ChartStore {
    let directory: URL

    func remember(patientId: String, diagnosis: String) {
        print("caching chart of \(patientId)")
        UserDefaults.standard.set(patientId, forKey: "lastPatientId")
        // insecure: the diagnosis is kept in plain UserDefaults
        UserDefaults.standard.set(diagnosis, forKey: "lastDiagnosis")
    }

    func saveScan(_ data: Data, named name: String) throws {
        let url = directory.appendingPathComponent(name)
        try data.write(to: url, options: .atomic)
        // insecure: the scan stays readable while the device is locked
        try FileManager.default.setAttributes([.protectionKey: FileProtectionType.none], ofItemAtPath: url.path)
    }
}
