"""Pulls results from the reference lab's legacy terminal interface.

The lab still exposes a line-mode results terminal; we log in, ask for the day's results and parse the
fixed-width report.
"""

import logging
import os
import telnetlib
from dataclasses import dataclass

import paramiko

log = logging.getLogger(__name__)

LAB_HOST = os.environ.get("LAB_TERMINAL_HOST", "results.brightwater-reflab.com")


@dataclass
class LabResult:
    accession: str
    mrn: str
    test_code: str
    value: str


def fetch_results_telnet(day: str) -> list[LabResult]:
    tn = telnetlib.Telnet(LAB_HOST, 23, timeout=30)
    tn.read_until(b"login: ")
    tn.write(os.environ["LAB_USER"].encode() + b"\n")
    tn.read_until(b"Password: ")
    tn.write(os.environ["LAB_PASSWORD"].encode() + b"\n")
    tn.write(f"RESULTS {day}\n".encode())
    report = tn.read_until(b"END OF REPORT").decode("ascii", "replace")
    tn.close()
    return parse(report)


def fetch_results_ssh(day: str) -> list[LabResult]:
    client = paramiko.SSHClient()
    client.load_system_host_keys()
    client.connect(LAB_HOST, username=os.environ["LAB_USER"], key_filename=os.environ["LAB_KEY"])
    _, stdout, _ = client.exec_command(f"results --day {day}")
    report = stdout.read().decode("ascii", "replace")
    client.close()
    return parse(report)


def parse(report: str) -> list[LabResult]:
    results = []
    for line in report.splitlines():
        if len(line) < 40 or not line[:10].strip():
            continue
        results.append(LabResult(line[0:10].strip(), line[10:20].strip(), line[20:28].strip(), line[28:40].strip()))
    log.info("parsed %d lab results", len(results))
    return results
