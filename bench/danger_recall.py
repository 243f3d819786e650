#!/usr/bin/env python3
"""Recall of the danger and secret rules on ../shared/corpus against the
hand-labelled commands in bench/data/corpus_danger_labels.tsv, per source and
where the command stands (code block or inline code), and the danger/secret
findings per rule. Prints figures; asserts nothing.
  bench/danger_recall.py [--misses] [BUILD_DIR] [CORPUS]"""
import collections, csv, json, os, subprocess, sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
args = [a for a in sys.argv[1:] if not a.startswith("--")]
build = args[0] if len(args) > 0 else os.path.join(root, "build")
corpus = args[1] if len(args) > 1 else os.path.join(root, "..", "shared", "corpus")
out = subprocess.run([os.path.join(build, "runbookc"), "lint", "--format", "json", corpus],
                     capture_output=True, text=True).stdout
findings = json.loads(out)["diagnostics"]
reported = collections.defaultdict(set)
per_rule = collections.defaultdict(collections.Counter)
for d in findings:
    if d["category"] not in ("danger", "secret"):
        continue
    rel = os.path.relpath(os.path.abspath(d["file"]), os.path.abspath(corpus))
    reported[(rel, d["line"])].add(d["code"])
    per_rule[rel.split("/")[0]][d["code"]] += 1

labels = [r for r in csv.reader(open(os.path.join(root, "bench/data/corpus_danger_labels.tsv")), delimiter="\t")
          if r and not r[0].startswith("#") and r[0] != "file"]
counts = collections.defaultdict(lambda: [0, 0])
missed = []
for file, line, where, shape, effect, by_design in labels:
    source = file.split("/")[0]
    hit = bool(reported.get((file, int(line))))
    for key in ((source, where), ("all", where), ("all", "all")):
        counts[key][0] += 1
        counts[key][1] += hit
    if not hit:
        missed.append((where, shape, file, line, by_design))

print(f"{'source':40} {'where':7} {'reported':>9}")
for (source, where), (n, hit) in sorted(counts.items()):
    print(f"{source:40} {where:7} {hit:4}/{n:<4} {100 * hit / n:5.1f}%")
print("\nfindings (danger, secret) per source and rule:")
for source, rules in sorted(per_rule.items()):
    print(f"  {source}: {sum(rules.values())}  " + " ".join(f"{c}:{n}" for c, n in sorted(rules.items())))
if "--misses" in sys.argv:
    print("\nmissed:")
    for m in sorted(missed):
        print("  " + "\t".join(m))
