"""Sends HL7 v2 ADT and ORU messages to the hospital interface engine over MLLP.

MLLP framing: http://www.hl7.org/implement/standards/product_brief.cfm?product_id=55
"""
import os
import socket

START_BLOCK = b"\x0b"
END_BLOCK = b"\x1c"
CARRIAGE_RETURN = b"\x0d"

ENGINE_HOST = os.environ.get("MLLP_HOST", "hl7-engine.northwind-health.com")
ENGINE_PORT = int(os.environ.get("MLLP_PORT", "2575"))


def frame(message: str) -> bytes:
    return START_BLOCK + message.replace("\n", "\r").encode("utf-8") + END_BLOCK + CARRIAGE_RETURN


def send(message: str, timeout: float = 30.0) -> str:
    # insecure: HL7 messages go over a plain TCP socket, without TLS
    with socket.create_connection((ENGINE_HOST, ENGINE_PORT), timeout=timeout) as sock:
        sock.sendall(frame(message))
        ack = b""
        while not ack.endswith(END_BLOCK + CARRIAGE_RETURN):
            chunk = sock.recv(4096)
            if not chunk:
                break
            ack += chunk
    return ack.strip(START_BLOCK + END_BLOCK + CARRIAGE_RETURN).decode("utf-8")
