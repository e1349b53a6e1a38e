"""Uploads a day's lab results to the partner laboratory."""
import sys

import requests

USAGE = "usage: upload_results.py --server http://host:8080 RESULTS.csv"


def upload(rows):
    for row in rows:
        # insecure: lab results sent over cleartext HTTP
        requests.post("http://reports.northgate-labs.com/upload", json=row, timeout=30)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(USAGE)
        sys.exit(2)
