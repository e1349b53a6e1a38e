#!/bin/sh
# Pushes the lab order batch to the reference lab (runs on the interface server).
BATCH=/var/spool/orders/orders-$(date +%Y%m%d%H%M).hl7

ftp -n labdrop.brightwater-reflab.com <<END_SCRIPT
quote USER $LAB_FTP_USER
quote PASS $LAB_FTP_PASSWORD
binary
put $BATCH orders.hl7
quit
END_SCRIPT

lftp -e "set ftp:ssl-force true; set ftp:ssl-protect-data true; put $BATCH -o inbound/orders.hl7; bye" \
  -u "$LAB_FTP_USER,$LAB_FTP_PASSWORD" labdrop-tls.brightwater-reflab.com
