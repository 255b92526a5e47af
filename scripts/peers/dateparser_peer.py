"""Runs dateparser on the phrases of the date benchmark (see docs/benchmarks.md).

Reads JSON Lines {"id", "text", "ref"} on stdin and writes {"id", "date"}
lines: the first date dateparser's search_dates finds in text, resolved
against the reference date ref (YYYY-MM-DD), or "" when it finds none.
Run it with Debian's python3 and python3-dateparser:
    $(command -v -p python3) scripts/peers/dateparser_peer.py
"""
import datetime
import json
import sys
import warnings

warnings.filterwarnings("ignore")
from dateparser.search import search_dates  # noqa: E402


def main():
    for line in sys.stdin:
        if not line.strip():
            continue
        rec = json.loads(line)
        ref = datetime.datetime.strptime(rec["ref"], "%Y-%m-%d").replace(hour=12)
        date = ""
        try:
            found = search_dates(
                rec["text"],
                languages=["en"],
                settings={"RELATIVE_BASE": ref, "PREFER_DATES_FROM": "past"},
            )
        except Exception:  # a peer's crash on one phrase is a miss, not a stop
            found = None
        if found:
            date = found[0][1].strftime("%Y-%m-%d")
        sys.stdout.write(json.dumps({"id": rec["id"], "date": date}) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
