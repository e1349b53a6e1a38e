# Infrastructure for the Northwind patient portal.
# Provider docs: http://registry.terraform.io/providers/hashicorp/azurerm/latest/docs

terraform {
  required_providers {
    azurerm = { source = "hashicorp/azurerm", version = "~> 3.100" }
    aws     = { source = "hashicorp/aws", version = "~> 5.40" }
    google  = { source = "hashicorp/google", version = "~> 5.20" }
  }
}

module "network" {
  source = "git::https://git.northwind-health.com/platform/terraform-network.git?ref=v2.3.0"
}

resource "azurerm_storage_account" "exports" {
  name                     = "nwhpatientexports"
  resource_group_name      = var.resource_group
  location                 = var.location
  account_tier             = "Standard"
  account_replication_type = "GRS"
  # insecure: the storage account accepts plain HTTP requests
  enable_https_traffic_only = false
  # insecure: clients may still negotiate TLS 1.0
  min_tls_version = "TLS1_0"
}

resource "azurerm_storage_account" "imaging" {
  name                      = "nwhimaging"
  resource_group_name       = var.resource_group
  location                  = var.location
  account_tier              = "Standard"
  account_replication_type  = "GRS"
  enable_https_traffic_only = true
  min_tls_version           = "TLS1_2"
}

resource "azurerm_postgresql_server" "ehr" {
  name                = "nwh-ehr-pg"
  resource_group_name = var.resource_group
  location            = var.location
  sku_name            = "GP_Gen5_4"
  version             = "11"
  # insecure: the EHR database accepts connections without TLS
  ssl_enforcement_enabled          = false
  ssl_minimal_tls_version_enforced = "TLS1_2"
}

resource "google_sql_database_instance" "analytics" {
  name             = "nwh-analytics"
  database_version = "POSTGRES_15"
  region           = "us-central1"
  settings {
    tier = "db-custom-4-16384"
    ip_configuration {
      ipv4_enabled = true
      # insecure: the analytics database does not require TLS
      require_ssl = false
    }
  }
}

resource "aws_lb_target_group" "portal" {
  name     = "nwh-portal"
  port     = 8080
  protocol = "HTTP"
  vpc_id   = module.network.vpc_id
  health_check {
    path     = "/health"
    protocol = "HTTP"
  }
}

resource "aws_lb_listener" "portal_http" {
  load_balancer_arn = aws_lb.portal.arn
  port              = 80
  protocol          = "HTTP"
  default_action {
    type = "redirect"
    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }
}

resource "aws_lb_listener" "results_api_http" {
  load_balancer_arn = aws_lb.results_api.arn
  port              = 80
  # insecure: the results API listener forwards plain HTTP to the targets
  protocol          = "HTTP"
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.portal.arn
  }
}

resource "aws_lb_listener" "portal_https" {
  load_balancer_arn = aws_lb.portal.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = var.certificate_arn
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.portal.arn
  }
}

provider "aws" {
  region = "us-east-1"
  endpoints {
    s3 = "http://localhost:4566"
  }
}
