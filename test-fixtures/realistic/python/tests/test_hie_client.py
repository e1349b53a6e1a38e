import pytest

from integrations.hie_client import HieClient
from integrations.urls import require_https


def test_plain_http_endpoints_are_refused():
    with pytest.raises(ValueError):
        require_https("http://docs.northbay-exchange.org/xds/repository")


def test_https_endpoints_pass():
    assert require_https("https://hie.northbay-exchange.org/fhir") == "https://hie.northbay-exchange.org/fhir"


def test_client_sets_bearer_token():
    client = HieClient("t0k3n")
    assert client.session.headers["Authorization"] == "Bearer t0k3n"
