"""Merges duplicate charts found by the nightly duplicate report.

INC-5120: the first run merged the two charts of Margaret Ellison (DOB 14/03/1951, NHS 252 760 1898)
in the wrong direction; the --survivor flag was added after that.
"""

import argparse
import logging

from portal.records.merge import merge_charts

log = logging.getLogger("merge-charts")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("duplicate_id")
    parser.add_argument("--survivor", required=True)
    args = parser.parse_args()
    merged = merge_charts(args.duplicate_id, survivor=args.survivor)
    log.info("merged chart %s into %s", args.duplicate_id, merged.pk)


if __name__ == "__main__":
    main()
