#!/usr/bin/env python3
"""Score crosscheck on batches with answer keys, pooled, per kind of conflict.

  eval.py [--bin BIN] [--out DIR] [--show] SET...

Each SET is a folder of batches (each batch a folder of NNN.txt articles and a
truth.json key in the news-batches format), or one batch folder. The scorer is
../shared/evaldata/news-batches/score.py, imported where it lies (never
copied): a reported conflict counts as right exactly when that scorer matches
it to a key conflict. This script adds what the scorer leaves out:

- counts pooled over the batches of each set (each conflict, pair and line
  counts once; ratios are taken of the pooled counts, never averaged);
- recall and precision per kind: date (with weekday_vs_date), person (with
  role), place, number, quote;
- look-alikes flagged (a reported conflict the key lists as a non-conflict);
- the precision of the report's `differences` list (a difference is right when
  the scorer's matching would take it for a key conflict).

With --show it prints, per batch, the key conflicts missed and the reported
conflicts that match none: use it on dev sets only (a test batch whose
failures are read becomes a dev batch).
"""
import argparse
import glob
import importlib.util
import io
import json
import os
import subprocess
import sys
from contextlib import redirect_stdout

KINDS = ["date", "person", "place", "number", "quote"]


def kind_of(k):
    k = (k or "").lower()
    if k in ("date", "weekday_vs_date", "weekday"):
        return "date"
    if k in ("person", "role"):
        return "person"
    if k in KINDS:
        return k
    return "other"


def find_scorer(shared):
    path = os.path.join(shared, "evaldata", "news-batches", "score.py")
    if not os.path.exists(path):
        sys.exit("eval: scorer not found at %s (is ../shared beside the project?)" % path)
    spec = importlib.util.spec_from_file_location("newsbatch_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def batches_in(root):
    if os.path.exists(os.path.join(root, "truth.json")):
        return [root]
    return sorted(d for d in glob.glob(os.path.join(root, "*")) if os.path.exists(os.path.join(d, "truth.json")))


def run_batch(binary, batch, out):
    arts = sorted(glob.glob(os.path.join(batch, "[0-9]*.txt")))
    rep_path = os.path.join(out, os.path.basename(batch.rstrip("/")) + ".json")
    proc = subprocess.run([binary, "check", "--format", "json", "--out", rep_path] + arts,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if proc.returncode not in (0, 1, 3):
        sys.exit("eval: crosscheck failed on %s (exit %d): %s" % (batch, proc.returncode, proc.stderr.strip()))
    with open(rep_path, encoding="utf-8") as f:
        return json.load(f)


def load_truth(batch):
    """Reads a batch's answer key."""
    with open(os.path.join(batch, "truth.json"), encoding="utf-8") as f:
        return json.load(f)


def write_json(path, pooled):
    """Writes the pooled counts of every set to path, keys sorted."""
    with open(path, "w", encoding="utf-8") as f:
        json.dump(pooled, f, indent=1, sort_keys=True)


def zero():
    return {"true": 0, "found": 0, "reported": 0, "right": 0, "lookalikes": 0,
            "diff_reported": 0, "diff_right": 0}


def score_batch(sc, report, truth, pooled, show):
    buf = io.StringIO()
    with redirect_stdout(buf):
        sc.holdout(report, truth, ["dup", "claims", "scores"])
    metrics = json.loads(buf.getvalue().strip().splitlines()[-1])

    conflicts = report.get("conflicts", []) or []
    differences = report.get("differences", []) or []
    tcs = truth.get("conflicts", [])
    per = {k: zero() for k in KINDS + ["all"]}
    found = [any(sc.conflict_matches(report, c, t) for c in conflicts) for t in tcs]
    right = [any(sc.conflict_matches(report, c, t) for t in tcs) for c in conflicts]
    for t, f in zip(tcs, found):
        for k in (kind_of(t.get("kind")), "all"):
            per[k]["true"] += 1
            per[k]["found"] += f
    for c, r in zip(conflicts, right):
        for k in (kind_of(c.get("kind")), "all"):
            if k not in per:
                continue
            per[k]["reported"] += 1
            per[k]["right"] += r
    # look-alikes flagged, as the scorer counts them, attributed to the kind
    # of the reported conflict that flags them
    arts_of = lambda nc: {sc.resolve(report, a) for a in nc.get("articles", [])}
    for c, r in zip(conflicts, right):
        if r:
            continue
        for nc in truth.get("non_conflicts", []):
            arts = arts_of(nc)
            hits = [sd for sd in c.get("sides", []) or []
                    if sc.side_articles(sd) & arts and any(sc.overlaps(t, x) for t in sc.side_texts(sd) for x in nc.get("texts", []))]
            if len(hits) >= 2:
                for k in (kind_of(c.get("kind")), "all"):
                    if k in per:
                        per[k]["lookalikes"] += 1
                break
    diff_right = [any(sc.conflict_matches(report, d, t) for t in tcs) for d in differences]
    for d, r in zip(differences, diff_right):
        for k in (kind_of(d.get("kind")), "all"):
            if k in per:
                per[k]["diff_reported"] += 1
                per[k]["diff_right"] += r
    for k, v in per.items():
        for f, n in v.items():
            pooled["kinds"][k][f] += n
    for f in ("n_dup_want", "n_dup_found", "n_dup_counted", "n_dup_directed", "n_bp_lines", "n_bp_hit",
              "n_ot_paras", "n_ot_hit"):
        pooled["other"][f] = pooled["other"].get(f, 0) + metrics.get(f, 0)
    if show:
        name = truth.get("batch", "?")
        for t, f in zip(tcs, found):
            if not f:
                print("  %-28s MISSED %-8s %s" % (name[:28], t.get("kind"), t.get("description", "")[:90]))
        for c, r in zip(conflicts, right):
            if not r:
                print("  %-28s FALSE  %-8s %s" % (name[:28], c.get("kind"), c.get("summary", "")[:150]))
        for d, r in zip(differences, diff_right):
            if r:
                print("  %-28s DIFF+  %-8s %s" % (name[:28], d.get("kind"), d.get("summary", "")[:150]))
    return per


def print_reasons(sc, report, truth):
    """Lists each disagreement of report as RIGHT (a key conflict), LOOK
    (overlaps a key non-conflict) or OTHER, with its confidence and reasons."""
    tcs = truth.get("conflicts", [])
    ncs = truth.get("non_conflicts", [])
    for list_name in ("conflicts", "differences"):
        for c in report.get(list_name, []) or []:
            if any(sc.conflict_matches(report, c, t) for t in tcs):
                label = "RIGHT"
            else:
                label = "OTHER"
                for nc in ncs:
                    arts = {sc.resolve(report, a) for a in nc.get("articles", [])}
                    hits = [sd for sd in c.get("sides", []) or []
                            if sc.side_articles(sd) & arts and
                            any(sc.overlaps(t, x) for t in sc.side_texts(sd) for x in nc.get("texts", []))]
                    if len(hits) >= 2:
                        label = "LOOK"
                        break
            rules = " ".join("%s%+.2f" % (r["rule"].replace("conf.", ""), r["weight"]) for r in c.get("reasons", []))
            print("  %-5s %.2f %-11s %-8s %s | %s" % (label, c.get("confidence", 0), list_name[:11], c.get("kind"),
                                                     c.get("summary", "")[:110], rules))


def ratio(a, b):
    return "%.2f" % (a / b) if b else "  - "


def print_set(name, pooled, nbatches):
    print("== %s (%d batches)" % (name, nbatches))
    print("  %-7s %9s %9s %11s %10s %10s" % ("kind", "recall", "precision", "look-alikes", "diff prec", "diffs"))
    for k in KINDS + ["all"]:
        v = pooled["kinds"][k]
        print("  %-7s %4s %2d/%-2d %4s %2d/%-2d %11d %5s %2d/%-2d" % (
            k, ratio(v["found"], v["true"]), v["found"], v["true"],
            ratio(v["right"], v["reported"]), v["right"], v["reported"], v["lookalikes"],
            ratio(v["diff_right"], v["diff_reported"]), v["diff_right"], v["diff_reported"]))
    o = pooled["other"]
    print("  duplicates: found %d/%d, counted %d, directed %d; boilerplate lines %d/%d; pasted paragraphs %d/%d" % (
        o.get("n_dup_found", 0), o.get("n_dup_want", 0), o.get("n_dup_counted", 0), o.get("n_dup_directed", 0),
        o.get("n_bp_hit", 0), o.get("n_bp_lines", 0), o.get("n_ot_hit", 0), o.get("n_ot_paras", 0)))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.path.join(root, "bin", "crosscheck"))
    ap.add_argument("--out", default=os.path.join(root, "out", "eval"))
    ap.add_argument("--shared", default=os.environ.get("CROSSCHECK_SHARED", os.path.join(os.path.dirname(root), "shared")))
    ap.add_argument("--show", action="store_true", help="print misses and false conflicts (dev sets only)")
    ap.add_argument("--reasons", action="store_true",
                    help="print every conflict and difference with its confidence, reasons and whether the key "
                         "holds it (dev sets only: for choosing rule weights)")
    ap.add_argument("--json", help="also write the pooled counts to this file")
    ap.add_argument("sets", nargs="+")
    args = ap.parse_args()
    sc = find_scorer(args.shared)
    everything = {}
    for s in args.sets:
        bs = batches_in(s)
        if not bs:
            print("== %s: no batches with truth.json" % s)
            continue
        out = os.path.join(args.out, os.path.basename(os.path.normpath(os.path.dirname(bs[0]) if bs[0] != s else s)))
        os.makedirs(out, exist_ok=True)
        pooled = {"kinds": {k: zero() for k in KINDS + ["all"]}, "other": {}}
        for b in bs:
            truth = load_truth(b)
            report = run_batch(args.bin, b, out)
            score_batch(sc, report, truth, pooled, args.show)
            if args.reasons:
                print_reasons(sc, report, truth)
        print_set(s, pooled, len(bs))
        everything[s] = pooled
    if args.json:
        write_json(args.json, everything)


if __name__ == "__main__":
    main()
