# Imaging on Azure, private and encrypted: nothing here may be reported.
resource "azurerm_storage_account" "imaging" {
  name                            = "nwhimagingarchive"
  resource_group_name             = var.resource_group
  location                        = var.location
  account_tier                    = "Standard"
  account_replication_type        = "GRS"
  https_traffic_only_enabled      = true
  min_tls_version                 = "TLS1_2"
  allow_nested_items_to_be_public = false
  infrastructure_encryption_enabled = true
}

resource "azurerm_storage_container" "studies" {
  name                  = "studies"
  storage_account_name  = azurerm_storage_account.imaging.name
  container_access_type = "private"
}

resource "azurerm_postgresql_flexible_server" "pacs" {
  name                   = "nwh-pacs"
  resource_group_name    = var.resource_group
  location               = var.location
  version                = "16"
  public_network_access_enabled = false
  delegated_subnet_id    = azurerm_subnet.db.id
}

resource "azurerm_postgresql_flexible_server_firewall_rule" "clinic_vpn" {
  name             = "clinic-vpn"
  server_id        = azurerm_postgresql_flexible_server.pacs.id
  start_ip_address = "203.0.113.16"
  end_ip_address   = "203.0.113.31"
}
