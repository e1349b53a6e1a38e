"""Client for the Northwind lab results API.

Reference: https://developer.northwind-health.com/lab-api/v2
Old wiki page: http://wiki.northwind-health.com/integrations/lab-api
"""
import os
from dataclasses import dataclass

import requests

# insecure: the default endpoint is plain HTTP
DEFAULT_BASE_URL = "http://lab-results.northwind-health.com/api/v2"
SECURE_BASE_URL = "https://lab-results.northwind-health.com/api/v2"
LOCAL_BASE_URL = "http://127.0.0.1:5000/api/v2"
CA_BUNDLE = "/etc/ssl/certs/northwind-ca.pem"

LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
SNOMED = "http://snomed.info/sct"


@dataclass
class LabResult:
    code: str
    value: float
    unit: str

    def to_fhir(self) -> dict:
        return {
            "resourceType": "Observation",
            "status": "final",
            "code": {"coding": [{"system": LOINC, "code": self.code}]},
            "valueQuantity": {"value": self.value, "unit": self.unit, "system": UCUM, "code": self.unit},
            "bodySite": {"coding": [{"system": "http://snomed.info/sct", "code": "368208006"}]},
        }


class LabClient:
    def __init__(self, base_url: str | None = None, token: str | None = None):
        self.base_url = base_url or os.environ.get("LAB_API_URL", SECURE_BASE_URL)
        self.session = requests.Session()
        self.session.verify = CA_BUNDLE
        self.session.headers["Authorization"] = f"Bearer {token or os.environ['LAB_API_TOKEN']}"

    def results(self, order_id: str) -> list[LabResult]:
        resp = self.session.get(f"{self.base_url}/orders/{order_id}/results", timeout=10, verify=True)
        resp.raise_for_status()
        return [LabResult(**r) for r in resp.json()["results"]]

    def legacy_results(self, accession: str, birth_date: str) -> dict:
        # insecure: the date of birth is sent in the query string
        url = f"{DEFAULT_BASE_URL}/legacy/lookup?accession={accession}&dob={birth_date}"
        # insecure: certificate checks turned off for the legacy gateway
        resp = requests.get(url, timeout=10, verify=False)
        resp.raise_for_status()
        return resp.json()

    def ping_local(self) -> bool:
        return requests.get(f"{LOCAL_BASE_URL}/health", timeout=2).ok
