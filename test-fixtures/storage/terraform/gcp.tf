# Research warehouse on Google Cloud: what still needs fixing.
resource "google_sql_database_instance" "research" {
  name             = "nwh-research"
  database_version = "POSTGRES_15"
  region           = "europe-west1"
  settings {
    tier = "db-custom-2-7680"
    ip_configuration {
      ipv4_enabled = true
      ssl_mode     = "ENCRYPTED_ONLY"
      authorized_networks {
        name  = "anywhere"
        # insecure: any address may connect to the research database
        value = "0.0.0.0/0"
      }
    }
  }
}

resource "google_storage_bucket" "cohorts" {
  name                        = "nwh-research-cohorts"
  location                    = "EU"
  uniform_bucket_level_access = true
}

resource "google_storage_bucket_iam_binding" "cohorts_public" {
  bucket = google_storage_bucket.cohorts.name
  role   = "roles/storage.objectViewer"
  # insecure: the cohort extracts are readable by anyone on the internet
  members = ["allUsers"]
}

resource "google_storage_bucket_access_control" "cohorts_google" {
  bucket = google_storage_bucket.cohorts.name
  role   = "READER"
  # insecure: every Google account may read the bucket
  entity = "allAuthenticatedUsers"
}
