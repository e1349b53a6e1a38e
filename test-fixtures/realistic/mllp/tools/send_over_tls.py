"""Send one message to the HIE, which only accepts MLLP over TLS with our client certificate."""
import asyncio
import ssl
import sys

import hl7
from hl7.mllp import open_hl7_connection


async def send(path: str) -> None:
    context = ssl.create_default_context(cafile="/etc/hl7/hie-ca.pem")
    context.load_cert_chain("/etc/hl7/client.pem", "/etc/hl7/client-key.pem")
    reader, writer = await open_hl7_connection("hie-mllp.regional-hie.org", 2575, ssl=context)
    writer.writemessage(hl7.parse(open(path).read().replace("\n", "\r")))
    await writer.drain()
    print(await reader.readmessage())
    writer.close()


asyncio.run(send(sys.argv[1]))
