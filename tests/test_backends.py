#!/usr/bin/env python3
"""End-to-end tests of factbench run with every kind of backend.

Usage: test_backends.py FACTBENCH SOURCE_DIR PLUGIN.so BAD_ABI_PLUGIN.so
Runs the built binary on small corpora made in a temporary directory and on
the shipped corpus, and checks report.json. Prints "N passed, M failed".
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

from testlib import check, check_failures, finish

FACTBENCH, SOURCE, PLUGIN, BAD_PLUGIN = sys.argv[1:5]
FAULTY = os.path.join(SOURCE, "tests", "backends", "faulty.py")



def run(args, cwd):
    return subprocess.run([FACTBENCH, "run", "--bootstrap", "50", "--permutations", "50"] + args,
                          cwd=cwd, capture_output=True, text=True)


def make_corpus(root, ids):
    os.makedirs(os.path.join(root, "corpus"))
    os.makedirs(os.path.join(root, "gold"))
    for i in ids:
        with open(os.path.join(root, "corpus", i + ".txt"), "w") as f:
            f.write(f"Text of {i}.\n")
        with open(os.path.join(root, "gold", i + ".json"), "w") as f:
            json.dump({"article": i, "actors": [{"name": "Ana"}]}, f)


def leftovers(marker):
    out = subprocess.run(["pgrep", "-f", marker], capture_output=True, text=True).stdout
    return out.split()


EXPECT_JSONL = {
    "ok-1": None, "ok-2": None, "slow-1": None, "child-1": None,
    "error-1": "backend error: cannot handle this",
    "crash-1": "worker killed by signal 11",
    "exit-1": "worker exited with status 3",
    "hang-1": "timed out after 4 s",
    "garbage-1": "invalid response",
    "huge-1": "response larger than",
    "partial-1": "worker exited with status 0",
    "badutf8-1": "invalid UTF-8",
}
EXPECT_EXEC = dict(EXPECT_JSONL, **{
    "crash-1": "killed by signal 11",
    "exit-1": "exited with status 3",
    "partial-1": "invalid response",
})


def fault_run(tmp, kind, expect):
    root = os.path.join(tmp, kind)
    make_corpus(root, expect)
    faulty = os.path.join(root, "faulty-marker.py")  # a path only this run uses
    shutil.copy(FAULTY, faulty)
    spec = f"{kind}:python3 {faulty}" + (" --exec" if kind == "exec" else "")
    p = run(["--backend", spec, "--jobs", "3", "--timeout", "4", "--no-cache"], root)
    check(f"{kind}: the run succeeds", p.returncode == 0, p.stderr)
    report = json.load(open(os.path.join(root, "reports", "latest", "report.json")))
    check_failures(kind, expect, report)
    fn = report["backends"][0]["scores"]["strict"]["overall"]["fn"]
    check(f"{kind}: failed articles count as missed", fn == sum(1 for r in expect.values() if r))
    check(f"{kind}: no process left behind", not leftovers(faulty), leftovers(faulty))
    log = os.path.join(root, "reports", "latest", "logs", spec.replace("/", "_") + ".stderr.log")
    check(f"{kind}: worker stderr goes to its log", os.path.exists(log), log)


def cannot_start(tmp):
    root = os.path.join(tmp, "nostart")
    make_corpus(root, ["ok-1"])
    not_executable = os.path.join(root, "plain.txt")
    with open(not_executable, "w") as f:
        f.write("not a program\n")
    os.chmod(not_executable, 0o644)
    for spec in ["jsonl:no-such-program-here", f"exec:{not_executable}", "plugin:/no/such.so"]:
        p = run(["--backend", spec], root)
        check(f"{spec}: exit 3", p.returncode == 3, str(p.returncode))
        check(f"{spec}: says it cannot start", "cannot start backend" in p.stderr, p.stderr)
    p = run(["--backend", "nonsense:x"], root)
    check("unknown scheme: exit 2", p.returncode == 2, str(p.returncode))


def cache_and_resume(tmp):
    root = os.path.join(tmp, "cache")
    make_corpus(root, ["ok-1", "ok-2", "error-1", "slow-1"])
    spec = f"jsonl:python3 {FAULTY}"
    first = run(["--backend", spec], root)
    r1 = json.load(open(os.path.join(root, "reports", "latest", "report.json")))
    second = run(["--backend", spec], root)
    r2 = json.load(open(os.path.join(root, "reports", "latest", "report.json")))
    check("cache: both runs succeed", first.returncode == 0 and second.returncode == 0)
    check("cache: first run misses", r1["backends"][0]["cache"] == {"hits": 0, "misses": 4},
          r1["backends"][0].get("cache"))
    check("cache: errors are not cached, the rest hits",
          r2["backends"][0]["cache"] == {"hits": 3, "misses": 1}, r2["backends"][0].get("cache"))
    refresh = run(["--backend", spec, "--refresh"], root)
    r3 = json.load(open(os.path.join(root, "reports", "latest", "report.json")))
    check("cache: --refresh misses everything", r3["backends"][0]["cache"]["hits"] == 0)
    nocache = run(["--backend", spec, "--no-cache"], root)
    r4 = json.load(open(os.path.join(root, "reports", "latest", "report.json")))
    check("cache: --no-cache reports no cache", "cache" not in r4["backends"][0])
    check("cache: scores do not depend on the cache",
          r1["backends"][0]["scores"] == r2["backends"][0]["scores"] == r4["backends"][0]["scores"])
    small = run(["--backend", spec, "--max-response-bytes", "16"], root)
    r5 = json.load(open(os.path.join(root, "reports", "latest", "report.json")))
    reasons = [f["reason"] for f in r5["backends"][0]["failures"]]
    check("cache: an entry over a lowered response limit is not taken from the cache",
          small.returncode == 0 and r5["backends"][0]["cache"]["hits"] == 0 and
          sum("limits.response_bytes" in x or "larger than" in x for x in reasons) >= 3,
          (r5["backends"][0]["cache"], reasons))


def killed_and_resumed(tmp, kind, signal_name, code):
    """A run stopped by a signal midway, then run again, redoes only what was not done."""
    root = os.path.join(tmp, "resume-" + kind)
    ids = [f"ok-{i:02d}" for i in range(1, 21)] + [f"{kind}-1"]
    make_corpus(root, ids)
    faulty = os.path.join(root, "faulty-marker.py")
    shutil.copy(FAULTY, faulty)
    spec = f"jsonl:python3 {faulty}"
    first = run(["--backend", spec], root)
    check(f"{signal_name}: the first run stops", first.returncode == code, first.returncode)
    report = os.path.join(root, "reports", "latest", "report.json")
    check(f"{signal_name}: no report from the stopped run", not os.path.exists(report))
    if signal_name == "SIGINT":
        check("SIGINT: says it was interrupted", "interrupted" in first.stderr, first.stderr)
    check(f"{signal_name}: no worker left behind", not leftovers(faulty), leftovers(faulty))
    second = run(["--backend", spec], root)
    check(f"{signal_name}: the second run finishes", second.returncode == 0, second.stderr)
    r = json.load(open(report))
    cache = r["backends"][0]["cache"]
    check(f"{signal_name}: the first batch is not redone", cache["hits"] >= 16, cache)
    check(f"{signal_name}: every article is scored", r["corpus"]["articles"] == len(ids))


def sanity_on_shipped_corpus(tmp):
    out = os.path.join(tmp, "sanity")
    p = run(["--backend", "oracle", "--backend", "null", "--out", out], SOURCE)
    check("oracle and null: the run succeeds", p.returncode == 0, p.stderr)
    r = json.load(open(os.path.join(out, "report.json")))
    oracle, null = r["backends"]
    for mode in ("strict", "lenient"):
        for cat in ("overall", "actors", "counts", "dates", "claims"):
            m = oracle["scores"][mode][cat]
            check(f"oracle {mode} {cat} scores 1", m["precision"] == m["recall"] == m["f1"] == 1)
            check(f"null {mode} {cat} has recall 0", null["scores"][mode][cat]["recall"] == 0)
    check("oracle vs null is significant", r["comparisons"][0]["p_value"] < 0.05)
    pred = os.path.join(out, "predictions", "oracle")
    check("predictions are written per article", len(os.listdir(pred)) == r["corpus"]["articles"])


def progress(tmp):
    """Progress shows on a terminal and nowhere else."""
    import pty
    root = os.path.join(tmp, "progress")
    make_corpus(root, [f"ok-{i}" for i in range(20)])
    quiet = run(["--backend", "null"], root)
    check("progress: silent when stderr is no terminal", "articles," not in quiet.stderr,
          quiet.stderr)
    leader, follower = pty.openpty()
    p = subprocess.run([FACTBENCH, "run", "--backend", "null", "--bootstrap", "10"], cwd=root,
                       stdout=subprocess.DEVNULL, stderr=follower)
    os.close(follower)
    shown = b""
    try:
        while True:
            chunk = os.read(leader, 4096)
            if not chunk:
                break
            shown += chunk
    except OSError:
        pass
    os.close(leader)
    check("progress: a terminal sees done/total and the rate",
          p.returncode == 0 and b"20/20 articles" in shown and b"/s" in shown, shown)


def config_backends(tmp):
    root = os.path.join(tmp, "config")
    make_corpus(root, ["ok-1", "slow-1"])
    with open(os.path.join(root, "factbench.json"), "w") as f:
        json.dump({"backends": {"faulty": {"spec": f"jsonl:python3 {FAULTY}", "jobs": 2,
                                           "timeout": 5, "version": "1"}}}, f)
    p = run(["--backend", "faulty", "--backend", "null"], root)
    check("config: a named backend runs", p.returncode == 0, p.stderr)
    r = json.load(open(os.path.join(root, "reports", "latest", "report.json")))
    check("config: reports use the name", r["backends"][0]["name"] == "faulty")
    check("config: both backends are compared", len(r["comparisons"]) == 2)


def plugins(tmp):
    root = os.path.join(tmp, "plugin")
    make_corpus(root, ["ok-1"])
    with open(os.path.join(root, "corpus", "ok-1.txt"), "w") as f:
        f.write("date 2019-06-12\n\nText.\n")
    with open(os.path.join(root, "gold", "ok-1.json"), "w") as f:
        json.dump({"article": "ok-1", "dates": [{"what": "published", "value": "2019-06-12"}]}, f)
    p = run(["--backend", "plugin:" + PLUGIN, "--no-cache"], root)
    check("plugin: the sample runs", p.returncode == 0, p.stderr)
    r = json.load(open(os.path.join(root, "reports", "latest", "report.json")))
    check("plugin: the sample finds the date", r["backends"][0]["scores"]["strict"]["dates"]["tp"] == 1)
    p = run(["--backend", "plugin:" + BAD_PLUGIN], root)
    check("plugin: another ABI version is refused (exit 3)", p.returncode == 3, p.stderr)
    check("plugin: the message names the versions", "ABI version" in p.stderr, p.stderr)


def examples(tmp):
    python = os.path.join(SOURCE, "examples", "backends", "python", "regex_backend.py")
    backends = ["--backend", f"jsonl:python3 {python}"]
    node = os.path.join(SOURCE, "examples", "backends", "node-nlp")
    if shutil.which("node") and os.path.isdir(os.path.join(node, "node_modules")):
        backends += ["--backend", f"jsonl:node {os.path.join(node, 'backend.js')}"]
    else:
        print("skipped: the Node.js example (no node, or `npm ci` not run in examples/backends/node-nlp)")
    out = os.path.join(tmp, "examples")
    p = run(backends + ["--jobs", "2", "--no-cache", "--out", out], SOURCE)
    check("examples: the run succeeds", p.returncode == 0, p.stderr)
    r = json.load(open(os.path.join(out, "report.json")))
    for b in r["backends"]:
        check(f"examples: {b['name']} fails no article", b["failed"] == 0, b["failures"][:3])
        check(f"examples: {b['name']} finds something", b["scores"]["lenient"]["overall"]["tp"] > 0)


with tempfile.TemporaryDirectory() as tmp:
    examples(tmp)
    plugins(tmp)
    fault_run(tmp, "jsonl", EXPECT_JSONL)
    fault_run(tmp, "exec", EXPECT_EXEC)
    cannot_start(tmp)
    cache_and_resume(tmp)
    killed_and_resumed(tmp, "stopper", "SIGKILL", -9)
    killed_and_resumed(tmp, "stopint", "SIGINT", 3)
    sanity_on_shipped_corpus(tmp)
    config_backends(tmp)
    progress(tmp)

finish()
