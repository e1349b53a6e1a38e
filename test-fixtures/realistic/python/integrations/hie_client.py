"""Client for the regional health information exchange (HIE)."""

import logging
import os

import requests

log = logging.getLogger(__name__)

HIE_BASE = os.environ.get("HIE_BASE", "https://hie.northbay-exchange.org/fhir")
# The exchange's document repository still answers on its old endpoint only.
HIE_DOCUMENTS = "http://docs.northbay-exchange.org/xds/repository"


class HieClient:
    def __init__(self, token: str):
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {token}"

    def patient(self, mrn: str) -> dict:
        resp = self.session.get(f"{HIE_BASE}/Patient", params={"identifier": f"urn:oid:2.16.840.1.113883.19.5|{mrn}"}, timeout=20)
        resp.raise_for_status()
        return resp.json()

    def push_document(self, document: bytes, content_type: str) -> str:
        resp = self.session.post(HIE_DOCUMENTS, data=document, headers={"Content-Type": content_type}, timeout=60)
        resp.raise_for_status()
        return resp.headers["Location"]

    def ping(self) -> bool:
        try:
            return self.session.get(f"{HIE_BASE}/metadata", timeout=5).ok
        except requests.RequestException:
            log.warning("HIE unreachable")
            return False
