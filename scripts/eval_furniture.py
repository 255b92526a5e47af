#!/usr/bin/env python3
"""Score crosscheck's furniture and off-topic findings on batches with answer keys, line by line.

  eval_furniture.py [--bin BIN] [--out DIR] [--reuse] [--show] SET...

The news-batches scorer (../shared/evaldata/news-batches/score.py, imported where it lies) gives
boilerplate-line recall only. A pipeline also needs to know how often a line of the story is cut, so
this script scores every non-blank line of every article:

- a line is flagged when a boilerplate finding's span overlaps it, or a metadata field read from the
  text (byline, dateline, date; not the headline) covers at least half of it;
- a key line (truth.json `boilerplate_lines`) is found when it is flagged, as the scorer counts it;
- precision is flagged key lines over flagged lines, leaving out lines of pasted stories and other
  stories' headlines (`off_topic_paragraph_starts`: furniture or off-topic, either is fair) and the
  line the report took for the headline;
- off-topic recall is the scorer's (a key paragraph start inside an off-topic or boilerplate finding);
- false off-topic paragraphs are off-topic findings on lines that are neither key furniture nor a key
  pasted paragraph, counted per article;
- ranking pairs are the scorer's rank checks (boilerplate and speculation most/least, off-topic
  articles above the rest), pooled.

Counts are pooled over the batches of each set. With --show the misses and false flags of each batch
are printed: use it on dev sets only (a test batch whose failures are read becomes a dev batch).
"""
import argparse
import glob
import importlib.util
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import eval as batch_eval  # noqa: E402  (scripts/eval.py: runner and scorer loader)


def lines_of(raw):
    """Non-blank lines of the article as (start byte, end byte, text)."""
    out, pos = [], 0
    for ln in raw.split(b"\n"):
        end = pos + len(ln)
        txt = ln.decode("utf-8", "replace").strip()
        if txt:
            out.append((pos, end, txt))
        pos = end + 1
    return out


def spans(items, base):
    """Spans of report items as byte ranges of the file (report spans start at text_offset)."""
    for it in items:
        sp = it.get("span") or {}
        if "start" in sp and "end" in sp:
            yield base + sp["start"], base + sp["end"]


def overlapping(lines, start, end):
    return [i for i, (s, e, _) in enumerate(lines) if s < end and start < e]


def key_line(sc, lines, want):
    """Index of the article line a key string names: the exact line, else the first it overlaps."""
    nw = sc.norm(want)
    for i, (_, _, t) in enumerate(lines):
        if sc.norm(t) == nw:
            return i
    for i, (_, _, t) in enumerate(lines):
        if nw and (nw in sc.norm(t) or sc.norm(t) in nw) and len(sc.norm(t)) > 3:
            return i
    for i, (_, _, t) in enumerate(lines):
        if sc.overlaps(want, t):
            return i
    return None


def zero():
    return {"bp_key": 0, "bp_found": 0, "flagged": 0, "flagged_right": 0, "ot_key": 0, "ot_found": 0,
            "ot_false": 0, "articles": 0, "rank_ok": 0, "rank_total": 0}


def score_batch(sc, report, truth, batch, pooled, show):
    arts = {a["id"]: a for a in report.get("articles", [])}
    bl = truth.get("boilerplate_lines", {})
    ots = truth.get("off_topic_paragraph_starts", {})
    out = []
    for path in sorted(glob.glob(os.path.join(batch, "[0-9]*.txt"))):
        stem = os.path.basename(path)[:-4]
        aid = sc.resolve(report, stem)
        if aid is None:
            continue
        a = arts[aid]
        base = a.get("text_offset", 0)
        with open(path, "rb") as f:
            lines = [ln for ln in lines_of(f.read()) if ln[0] >= base]
        pooled["articles"] += 1
        flagged = set()
        for s, e in spans((f for f in a.get("findings", []) or [] if f.get("kind") == "boilerplate"), base):
            flagged.update(overlapping(lines, s, e))
        title_lines = set()
        # Metadata flags a line it covers at least half of (a byline line),
        # not a story line that opens with a dateline.
        for s, e in spans((i for i in a.get("inferred", []) or [] if i.get("field") != "title"), base):
            for i in overlapping(lines, s, e):
                ls, le, _ = lines[i]
                if 2 * (min(e, le) - max(s, ls)) >= le - ls:
                    flagged.add(i)
        for s, e in spans((i for i in a.get("inferred", []) or [] if i.get("field") == "title"), base):
            title_lines.update(overlapping(lines, s, e))
        offtopic = set()
        for s, e in spans((f for f in a.get("findings", []) or [] if f.get("kind") == "off_topic"), base):
            offtopic.update(overlapping(lines, s, e))
        keys = {}
        for want in bl.get(stem, []):
            i = key_line(sc, lines, want)
            if i is not None:
                keys[i] = want
        ot_lines = set()
        for st in ots.get(stem, []):
            i = key_line(sc, lines, st)
            if i is not None:
                ot_lines.add(i)
        # the scorer's own recall test, so the figures agree with it
        fs = batch_eval_texts(a, {"boilerplate"}) + [i.get("text", "") for i in a.get("inferred", []) or [] if i.get("text")]
        for want in bl.get(stem, []):
            pooled["bp_key"] += 1
            hit = any(sc.overlaps(want, t) for t in fs)
            pooled["bp_found"] += hit
            if not hit:
                out.append("  MISS %s: %s" % (stem, want[:100]))
        fo = batch_eval_texts(a, {"boilerplate", "off_topic"})
        for st in ots.get(stem, []):
            pooled["ot_key"] += 1
            hit = any(sc.norm(st) in sc.norm(t) for t in fo)
            pooled["ot_found"] += hit
            if not hit:
                out.append("  OT-MISS %s: %s" % (stem, st[:100]))
        for i in sorted(flagged):
            if i in ot_lines and i not in keys:
                continue
            if i in title_lines and i not in keys:
                continue
            pooled["flagged"] += 1
            if i in keys:
                pooled["flagged_right"] += 1
            else:
                out.append("  FALSE %s: %s" % (stem, lines[i][2][:100]))
        # paragraphs after a key off-topic start, up to the next key line, belong to the pasted story
        for i in sorted(offtopic):
            if i in keys or i in ot_lines or (i - 1 in ot_lines) or (i - 2 in ot_lines and i - 1 in offtopic):
                continue
            pooled["ot_false"] += 1
            out.append("  OT-FALSE %s: %s" % (stem, lines[i][2][:100]))
    rank(sc, report, truth, pooled)
    if show and out:
        print("-- %s" % os.path.basename(batch.rstrip("/")))
        print("\n".join(out))


def batch_eval_texts(a, kinds):
    return [f.get("text", "") for f in a.get("findings", []) or [] if f.get("kind") in kinds]


def rank(sc, report, truth, pooled):
    r = truth.get("ranking", {})
    for key, most, least in [("boilerplate", "boilerplate_most", "boilerplate_least"),
                             ("speculation", "speculation_most", "speculation_least")]:
        s = sc.scores(report, key)
        for hi in r.get(most, []):
            for lo in r.get(least, []):
                a, b = sc.resolve(report, hi), sc.resolve(report, lo)
                if a and b:
                    pooled["rank_total"] += 1
                    pooled["rank_ok"] += s.get(a, 0) > s.get(b, 0)
    off = sc.scores(report, "off_topic")
    spill = {sc.resolve(report, x) for x in r.get("off_topic", [])}
    for a in off:
        if a in spill:
            continue
        for b in spill:
            pooled["rank_total"] += 1
            pooled["rank_ok"] += off.get(b, 0) > off.get(a, 0)


def ratio(a, b):
    return "%.3f" % (a / b) if b else "  -  "


def print_set(name, p, n):
    print("== %s (%d batches, %d articles)" % (name, n, p["articles"]))
    print("  boilerplate lines: recall %s (%d/%d), precision %s (%d/%d)" % (
        ratio(p["bp_found"], p["bp_key"]), p["bp_found"], p["bp_key"],
        ratio(p["flagged_right"], p["flagged"]), p["flagged_right"], p["flagged"]))
    print("  off-topic paragraphs: recall %s (%d/%d); false %d (%s per article)" % (
        ratio(p["ot_found"], p["ot_key"]), p["ot_found"], p["ot_key"], p["ot_false"],
        ratio(p["ot_false"], p["articles"])))
    print("  ranking pairs right: %s (%d/%d)" % (ratio(p["rank_ok"], p["rank_total"]), p["rank_ok"], p["rank_total"]))


def main():
    root = os.path.dirname(HERE)
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.path.join(root, "bin", "crosscheck"))
    ap.add_argument("--out", default=os.path.join(root, "out", "eval-furniture"))
    ap.add_argument("--shared", default=os.environ.get("CROSSCHECK_SHARED", os.path.join(os.path.dirname(root), "shared")))
    ap.add_argument("--reuse", action="store_true", help="score reports already in --out instead of running")
    ap.add_argument("--show", action="store_true", help="print misses and false flags (dev sets only)")
    ap.add_argument("--json", help="also write the pooled counts to this file")
    ap.add_argument("sets", nargs="+")
    args = ap.parse_args()
    sc = batch_eval.find_scorer(args.shared)
    everything = {}
    for s in args.sets:
        bs = batch_eval.batches_in(s)
        if not bs:
            print("== %s: no batches with truth.json" % s)
            continue
        out = os.path.join(args.out, s.strip("/").replace("/", "_").replace(".", ""))
        os.makedirs(out, exist_ok=True)
        pooled = zero()
        for b in bs:
            truth = batch_eval.load_truth(b)
            rep = os.path.join(out, os.path.basename(b.rstrip("/")) + ".json")
            if args.reuse and os.path.exists(rep):
                with open(rep, encoding="utf-8") as f:
                    report = json.load(f)
            else:
                report = batch_eval.run_batch(args.bin, b, out)
            score_batch(sc, report, truth, b, pooled, args.show)
        print_set(s, pooled, len(bs))
        everything[s] = pooled
    if args.json:
        batch_eval.write_json(args.json, everything)


if __name__ == "__main__":
    main()
