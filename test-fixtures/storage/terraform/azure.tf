# Discharge letters and the EHR database on Azure: what still needs fixing.
resource "azurerm_storage_account" "letters" {
  name                       = "nwhletters"
  resource_group_name        = var.resource_group
  location                   = var.location
  account_tier               = "Standard"
  account_replication_type   = "GRS"
  https_traffic_only_enabled = true
  min_tls_version            = "TLS1_2"
  # insecure: containers may be made readable anonymously
  allow_nested_items_to_be_public = true
}

resource "azurerm_storage_container" "letters" {
  name                  = "letters"
  storage_account_name  = azurerm_storage_account.letters.name
  # insecure: anyone may list and read the discharge letters
  container_access_type = "container"
}

resource "azurerm_storage_container" "templates" {
  name                  = "templates"
  storage_account_name  = azurerm_storage_account.letters.name
  container_access_type = "private"
}

resource "azurerm_mssql_server" "ehr" {
  name                         = "nwh-ehr-sql"
  resource_group_name          = var.resource_group
  location                     = var.location
  version                      = "12.0"
  minimum_tls_version          = "1.2"
  administrator_login          = "ehradmin"
  administrator_login_password = var.sql_admin_password
}

# insecure: the EHR database accepts connections from every address
resource "azurerm_mssql_firewall_rule" "everyone" {
  name             = "everyone"
  server_id        = azurerm_mssql_server.ehr.id
  start_ip_address = "0.0.0.0"
  end_ip_address   = "255.255.255.255"
}

resource "azurerm_mssql_firewall_rule" "azure_services" {
  name             = "AllowAzureServices"
  server_id        = azurerm_mssql_server.ehr.id
  start_ip_address = "0.0.0.0"
  end_ip_address   = "0.0.0.0"
}
