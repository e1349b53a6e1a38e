# Clinical reporting on Google Cloud, private: nothing here may be reported.
resource "google_sql_database_instance" "reporting" {
  name             = "nwh-reporting"
  database_version = "POSTGRES_15"
  region           = "europe-west1"
  settings {
    tier = "db-custom-2-7680"
    ip_configuration {
      ipv4_enabled    = false
      private_network = google_compute_network.clinical.id
      ssl_mode        = "ENCRYPTED_ONLY"
      authorized_networks {
        name  = "clinic-vpn"
        value = "203.0.113.16/28"
      }
    }
  }
}

resource "google_storage_bucket" "reports" {
  name                        = "nwh-clinical-reports"
  location                    = "EU"
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  encryption {
    default_kms_key_name = google_kms_crypto_key.phi.id
  }
}

resource "google_storage_bucket_iam_member" "reports_readers" {
  bucket = google_storage_bucket.reports.name
  role   = "roles/storage.objectViewer"
  member = "group:clinical-reporting@northwind-health.com"
}
