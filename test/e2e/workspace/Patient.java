class PatientFixture {
  void fill(Patient patient) {
    patient.setSsn("536-96-6187");
  }
}
