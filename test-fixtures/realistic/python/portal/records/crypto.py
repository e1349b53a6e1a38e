"""Encryption of free-text clinical notes before they are stored."""

import base64
import os

from cryptography.fernet import Fernet, MultiFernet

# Old key kept so that notes written before the move to KMS can still be read.
_LEGACY_NOTES_KEY = b"q7Zx1Vb9Nw3Lk5Hj8Gf2Ds4Ap6Om0Iu1Yt3Re5Wq7E="

_notes_cipher = MultiFernet([
    Fernet(os.environ["NOTES_KEY"].encode()),
    Fernet(_LEGACY_NOTES_KEY),
])


def seal_note(text: str) -> bytes:
    return _notes_cipher.encrypt(text.encode("utf-8"))


def open_note(token: bytes) -> str:
    return _notes_cipher.decrypt(token).decode("utf-8")


def new_key() -> str:
    return base64.urlsafe_b64encode(os.urandom(32)).decode()
