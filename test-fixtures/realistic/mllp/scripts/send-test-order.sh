#!/bin/sh
# Sends the ORM in ./orders to the reference lab's UAT interface, to check the mapping after a release.
set -e

ORDER="${1:-orders/ORM_O01_fbc.hl7}"

# The lab's UAT engine accepts plain MLLP on 2575.
nc uat-mllp.reflab-partners.com 2575 < "$ORDER"
