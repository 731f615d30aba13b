#!/usr/bin/env python3
"""factbench synth: the scorer finds exactly the counts the generator made,
on 1,000 articles, and precision and recall agree with the closed form.

Usage: test_synth.py FACTBENCH
"""
import csv
import filecmp
import json
import os
import re
import subprocess
import sys
import tempfile

from testlib import check, finish

FACTBENCH = sys.argv[1]
SCORES = ("overall", "actors", "counts", "dates", "claims")


def factbench(*args):
    return subprocess.run([FACTBENCH, *args], capture_output=True, text=True)


def synth_and_score(tmp, name, *extra):
    out = os.path.join(tmp, name)
    p = factbench("synth", "--articles", "1000", "--seed", "11", "--drop", "0.1", "--perturb",
                  "0.25", "--add", "0.2", "--out", out, *extra)
    check(f"{name}: synth succeeds", p.returncode == 0, p.stderr)
    corpus = os.path.join(out, "corpus.jsonl" if "--jsonl" in extra else "corpus")
    p = factbench("score", "--pred", os.path.join(out, "pred"), "--gold", os.path.join(out, "gold"),
                  "--corpus", corpus, "--out", os.path.join(out, "report"), "--bootstrap", "0",
                  "--permutations", "0")
    check(f"{name}: score succeeds", p.returncode == 0, p.stderr)
    expected = json.load(open(os.path.join(out, "expected.json")))
    report = json.load(open(os.path.join(out, "report", "report.json")))
    check(f"{name}: 1000 articles scored", report["corpus"]["articles"] == 1000)
    scores = report["backends"][0]["scores"]
    for mode in ("strict", "lenient"):
        for cat in SCORES:
            made, got = expected["made"][mode][cat], scores[mode][cat]
            check(f"{name}: {mode} {cat} counts are exactly those made",
                  (made["tp"], made["fp"], made["fn"]) == (got["tp"], got["fp"], got["fn"]),
                  (made, got))
        closed = expected["closed_form"][mode]
        for measure in ("precision", "recall"):
            check(f"{name}: {mode} {measure} agrees with the closed form",
                  abs(scores[mode]["overall"][measure] - closed[measure]) < 0.02,
                  (scores[mode]["overall"][measure], closed[measure]))
    return out


with tempfile.TemporaryDirectory() as tmp:
    first = synth_and_score(tmp, "files")
    synth_and_score(tmp, "jsonl", "--jsonl")
    again = os.path.join(tmp, "again")
    factbench("synth", "--articles", "1000", "--seed", "11", "--drop", "0.1", "--perturb", "0.25",
              "--add", "0.2", "--out", again)
    same = all(filecmp.cmp(os.path.join(first, d, f), os.path.join(again, d, f), shallow=False)
               for d in ("gold", "pred") for f in ("s0000000.json", "s0000999.json"))
    check("the same seed writes the same files",
          same and filecmp.cmp(os.path.join(first, "expected.json"),
                               os.path.join(again, "expected.json"), shallow=False))
    # threads share the work, never the results: every output byte for byte the same
    outputs = ("report.json", "report.md", "report.html", "junit.xml", "per_article.csv")
    reports = []
    for threads in ("1", "3"):
        reports.append(os.path.join(tmp, "threads-" + threads))
        p = factbench("score", "--pred", os.path.join(first, "pred"), "--gold",
                      os.path.join(first, "gold"), "--corpus", os.path.join(first, "corpus"),
                      "--out", reports[-1], "--threads", threads, "--bootstrap", "200",
                      "--permutations", "0")
        check(f"--threads {threads}: score succeeds", p.returncode == 0, p.stderr)
    for name in outputs:
        check(f"--threads 1 and 3 write the same {name}",
              filecmp.cmp(os.path.join(reports[0], name), os.path.join(reports[1], name),
                          shallow=False))
    # 1,000 articles: the HTML drill-down shows the 400 with the lowest F1, in corpus order
    html = open(os.path.join(reports[0], "report.html"), encoding="utf-8").read()
    drilled = re.findall(r"<details id='a-([^']+)'>", html)
    with open(os.path.join(reports[0], "per_article.csv"), newline="") as f:
        f1 = {row["article"]: -1.0 if row["failed"] == "true" else float(row["f1"])
              for row in csv.DictReader(f) if row["mode"] == "strict"}
    order = sorted(f1)  # synthetic ids sort in corpus order
    lowest = sorted(order, key=lambda a: (f1[a], order.index(a)))[:400]
    check("report.html: the drill-down shows the 400 articles with the lowest F1",
          drilled == sorted(lowest), (len(drilled), sorted(set(drilled) ^ set(lowest))[:5]))
    check("report.html: and says so", "The 400 articles of 1000 with the lowest F1" in html)
    check("report.html: the table shows all 1,000", html.count("<tr><td class=l>") == 1000)
    p = factbench("score", "--pred", os.path.join(first, "pred"), "--threads", "0")
    check("--threads 0 is a usage error (exit 2)", p.returncode == 2, p.stderr)
    p = factbench("synth", "--articles", "10", "--out", os.path.join(tmp, "x"), "--drop", "2")
    check("a rate above 1 is a usage error (exit 2)", p.returncode == 2)

finish()
