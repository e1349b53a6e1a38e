# Patient exports: one bucket done right, one not.
resource "aws_s3_bucket" "exports" {
  bucket = "nwh-patient-exports"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "exports" {
  bucket = aws_s3_bucket.exports.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}

# insecure: the scans bucket has no encryption configuration
resource "aws_s3_bucket" "scans" {
  bucket = "nwh-scans"
}

resource "aws_db_instance" "ehr" {
  engine            = "postgres"
  storage_encrypted = true
  # insecure: the EHR database is reachable from the internet
  publicly_accessible = true
}

resource "azurerm_storage_container" "letters" {
  name                  = "letters"
  # insecure: discharge letters are readable anonymously
  container_access_type = "blob"
}

resource "google_sql_database_instance" "ehr" {
  settings {
    ip_configuration {
      authorized_networks {
        # insecure: any address may connect
        value = "0.0.0.0/0"
      }
    }
  }
}
