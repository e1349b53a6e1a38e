# Lab results on AWS, fully encrypted and private: nothing here may be reported.
resource "aws_kms_key" "phi" {
  description         = "PHI at rest"
  enable_key_rotation = true
}

resource "aws_s3_bucket" "lab_results" {
  bucket = "nwh-lab-results"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "lab_results" {
  bucket = aws_s3_bucket.lab_results.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.phi.arn
    }
  }
}

resource "aws_s3_bucket_acl" "lab_results" {
  bucket = aws_s3_bucket.lab_results.id
  acl    = "private"
}

resource "aws_s3_bucket_public_access_block" "lab_results" {
  bucket                  = aws_s3_bucket.lab_results.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket" "lab_reports" {
  bucket = "nwh-lab-reports"
  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "aws:kms"
      }
    }
  }
}

resource "aws_db_instance" "lab" {
  identifier          = "nwh-lab"
  engine              = "postgres"
  instance_class      = "db.r6g.large"
  storage_encrypted   = true
  kms_key_id          = aws_kms_key.phi.arn
  publicly_accessible = false
}

resource "aws_rds_cluster" "lab_archive" {
  cluster_identifier = "nwh-lab-archive"
  engine             = "aurora-postgresql"
  storage_encrypted  = true
  kms_key_id         = aws_kms_key.phi.arn
}

resource "aws_rds_cluster_instance" "lab_archive" {
  cluster_identifier  = aws_rds_cluster.lab_archive.id
  instance_class      = "db.r6g.large"
  publicly_accessible = false
}

resource "aws_ebs_volume" "lab_scratch" {
  availability_zone = "us-east-1a"
  size              = 200
  encrypted         = true
  kms_key_id        = aws_kms_key.phi.arn
}

resource "aws_dynamodb_table" "lab_index" {
  name         = "lab-index"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "OrderId"
  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.phi.arn
  }
}
