#!/usr/bin/env python3
"""The reports rendered from report.json: golden files, hostile strings,
missing gnuplot, and report.html in headless Chromium.

Usage: test_reports.py FACTBENCH SOURCE_DIR [--update]
tests/render/ holds a tiny corpus whose gold and predictions are full of
strings meant to break HTML, XML, CSV and Markdown, and expected/ the exact
report.md, junit.xml and per_article.csv of a run over it (--update rewrites
them; read the diff before committing).
"""
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile

from testlib import check, finish
import xml.etree.ElementTree as ET

FACTBENCH, SOURCE = sys.argv[1], sys.argv[2]
UPDATE = "--update" in sys.argv
FIXTURE = os.path.join(SOURCE, "tests", "render")
PRED = 'pred<b>"x",y'



def run(root, env=None):
    return subprocess.run([FACTBENCH, "run", "--backend", "dir:" + PRED, "--backend", "null",
                           "--bootstrap", "100", "--permutations", "100", "--out", "out"],
                          cwd=root, capture_output=True, text=True, env=env)


def fixture(tmp, name):
    root = os.path.join(tmp, name)
    shutil.copytree(FIXTURE, root, ignore=shutil.ignore_patterns("expected"))
    return root


def golden(root):
    for f in ("report.md", "junit.xml", "per_article.csv"):
        got = open(os.path.join(root, "out", f), encoding="utf-8").read()
        path = os.path.join(FIXTURE, "expected", f)
        if UPDATE:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            open(path, "w", encoding="utf-8").write(got)
        check(f"golden: {f}", got == open(path, encoding="utf-8").read(), "differs from expected/")


def hostile(root):
    out = os.path.join(root, "out")
    html = open(os.path.join(out, "report.html"), encoding="utf-8").read()
    check("html: only the page's own script", html.count("<script") == 1)
    check("html: no element from the data", "<img" not in html and "<b>" not in html)
    check("html: hostile names shown as text", "&lt;script&gt;alert(1)&lt;/script&gt;" in html)
    check("html: CDATA ends as text", "]]&gt;" in html and "]]>" not in html)
    check("html: no outside resource", not any(x in html for x in
          ('src="http', "src='http", "<link", "@import", "url(http", 'href="http')))
    tree = ET.parse(os.path.join(out, "junit.xml"))
    suites = tree.getroot().findall("testsuite")
    check("junit: valid XML, one suite per backend", len(suites) == 2)
    check("junit: names survive escaping", suites[0].get("name") == "dir:" + PRED, suites[0].get("name"))
    cases = suites[0].findall("testcase")
    check("junit: one case per article", [c.get("name") for c in cases] == ["h1", "h2"])
    check("junit: a failed backend is an error, a score a failure",
          cases[0].find("failure") is not None and cases[1].find("error") is not None)
    rows = list(csv.reader(open(os.path.join(out, "per_article.csv"), newline="", encoding="utf-8")))
    check("csv: one row per backend, article and mode, plus the header", len(rows) == 9)
    check("csv: fields survive quoting", rows[1][0] == "dir:" + PRED and len(set(map(len, rows))) == 1)
    md = open(os.path.join(out, "report.md"), encoding="utf-8").read()
    check("md: no raw HTML from the data", "<b>" not in md and "<script" not in md)
    report = json.load(open(os.path.join(out, "report.json")))
    check("json: the hostile strings are kept as they are",
          report["backends"][0]["name"] == "dir:" + PRED)


def no_gnuplot(tmp):
    """Without gnuplot the outputs do not depend on the machine: the golden files come from here."""
    root = fixture(tmp, "nognuplot")
    env = dict(os.environ, PATH="/nonexistent")
    p = run(root, env)
    golden(root)
    check("no gnuplot: the run succeeds", p.returncode == 0, p.stderr)
    check("no gnuplot: it says plots were skipped", "gnuplot not found: plots skipped" in p.stderr,
          p.stderr)
    out = os.path.join(root, "out")
    md = open(os.path.join(out, "report.md")).read()
    check("no gnuplot: report.md leaves plots out", "plots/" not in md and "skipped" in md)
    html = open(os.path.join(out, "report.html")).read()
    check("no gnuplot: report.html leaves plots out", "<svg" not in html and "skipped" in html)
    check("no gnuplot: no plot files", not os.listdir(os.path.join(out, "plots"))
          if os.path.isdir(os.path.join(out, "plots")) else True)


def browser(root):
    chromium = shutil.which("chromium")
    if not chromium:
        check("browser: chromium is installed (scripts/deps installs it)",
              os.environ.get("CI") != "true")
        print("skipped: the browser test (no chromium)")
        return
    page = "file://" + os.path.join(root, "out", "report.html")
    flags = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
             "--no-first-run", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", "--user-data-dir=" + os.path.join(root, "chromium-profile"),
             "--enable-logging=stderr", "--v=0"]
    p = subprocess.run(flags + ["--dump-dom", page], capture_output=True, text=True, timeout=120)
    console = [l for l in p.stderr.splitlines() if ":CONSOLE" in l]
    check("browser: no console message", not console, console)
    check("browser: the page shows the summary", 'id="summary"' in p.stdout and "Scores (strict)" in p.stdout,
          p.stdout[:300])
    check("browser: the data made no element", "<img" not in p.stdout)
    shot = os.path.join(SOURCE_BUILD, "report-screenshot.png")
    p = subprocess.run(flags + ["--window-size=1200,1600", "--screenshot=" + shot, page],
                       capture_output=True, text=True, timeout=120)
    check("browser: a screenshot is saved", os.path.exists(shot) and os.path.getsize(shot) > 10000,
          shot)


SOURCE_BUILD = os.getcwd()  # ctest runs this from the build's tests directory
with tempfile.TemporaryDirectory() as tmp:
    root = fixture(tmp, "hostile")
    p = run(root)
    check("the run over the hostile fixture succeeds", p.returncode == 0, p.stderr)
    hostile(root)
    browser(root)
    no_gnuplot(tmp)

finish()
