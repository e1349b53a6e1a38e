#!/usr/bin/env bash
# Streams the engine log to the support laptop (no HL7 content: the engine log level is WARN).
set -eu
tail -F /opt/mirth/logs/mirth.log | nc -q 0 support-laptop.it.northwind-health.org 5140
