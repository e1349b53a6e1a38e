from urllib.parse import urlparse

ALLOWED_SCHEMES = {"https"}


def require_https(url: str) -> str:
    """Refuses endpoints that would send health data in clear text (http://, ftp://)."""
    scheme = urlparse(url).scheme
    if scheme not in ALLOWED_SCHEMES:
        raise ValueError(f"refusing {scheme}:// endpoint, use https://")
    return url


def is_secure(url: str) -> bool:
    return not url.startswith("http://") and not url.startswith("ftp://")
