# Imaging archive on AWS: what still needs fixing.
resource "aws_s3_bucket" "imaging" {
  bucket = "nwh-imaging-archive"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "imaging" {
  bucket = aws_s3_bucket.imaging.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.phi.arn
    }
  }
}

resource "aws_s3_bucket_acl" "imaging" {
  bucket = aws_s3_bucket.imaging.id
  # insecure: anyone may list and read the archive
  acl = "public-read"
}

resource "aws_s3_bucket_public_access_block" "imaging" {
  bucket                  = aws_s3_bucket.imaging.id
  block_public_acls       = true
  # insecure: a bucket policy may still make objects public
  block_public_policy     = false
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# insecure: the PACS cluster does not encrypt its storage (storage_encrypted is missing)
resource "aws_rds_cluster" "pacs" {
  cluster_identifier = "nwh-pacs"
  engine             = "aurora-postgresql"
  master_username    = "pacs"
  manage_master_user_password = true
}

# insecure: the DICOM scratch volume is not encrypted
resource "aws_ebs_volume" "dicom_scratch" {
  availability_zone = "us-east-1a"
  size              = 500
}

resource "aws_dynamodb_table" "study_index" {
  name         = "study-index"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "StudyInstanceUID"
  server_side_encryption {
    # insecure: encryption with a KMS key is turned off
    enabled = false
  }
}
