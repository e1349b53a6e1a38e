"""Resend ADT messages from the archive to the RIS after an outage (run by the on-call engineer)."""
import argparse
import pathlib

from hl7.client import MLLPClient


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=pathlib.Path)
    parser.add_argument("--host", default="ris.northwind-health.org")
    parser.add_argument("--port", type=int, default=2575)
    args = parser.parse_args()

    with MLLPClient(args.host, args.port) as client:
        for path in sorted(args.folder.glob("*.hl7")):
            ack = client.send_message(path.read_text().replace("\n", "\r"))
            print(path.name, ack.split("|")[0] if ack else "no ack")


if __name__ == "__main__":
    main()
