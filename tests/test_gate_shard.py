#!/usr/bin/env python3
"""Quality gates, baselines, history, and sharded runs merged back.

Usage: test_gate_shard.py FACTBENCH
Builds a synthetic corpus of 240 articles with gold and two sets of
predictions (one good, one worse), then checks gate decisions with exact
exit codes, and that shards run in parallel (xargs -P) and merged give a
report identical to the unsharded run, for N = 1, 3 and 7.
"""
import json
import os
import random
import subprocess
import sys
import tempfile

from testlib import check, finish

FACTBENCH = sys.argv[1]
NAMES = ["Ana Ruiz", "Ben Okafor", "Chen Wei", "Dara Singh", "Eli Cohen", "Fay Hu", "Gus Berg"]
KINDS = ["killed", "injured", "arrested", "missing"]



def synth(root, n, seed):
    """A corpus whose predictions miss, add and perturb items at random."""
    rng = random.Random(seed)
    for d in ("corpus", "gold", "good", "worse"):
        os.makedirs(os.path.join(root, d))
    for i in range(n):
        aid = f"s{i:04d}"
        with open(os.path.join(root, "corpus", aid + ".txt"), "w") as f:
            f.write(f"date 2020-01-{1 + i % 28:02d}\n\nSynthetic article {i}.\n")
        gold = {"article": aid,
                "actors": [{"name": x} for x in rng.sample(NAMES, rng.randint(1, 4))],
                "counts": [{"what": k, "value": rng.randint(1, 60)}
                           for k in rng.sample(KINDS, rng.randint(0, 3))]}
        with open(os.path.join(root, "gold", aid + ".json"), "w") as f:
            json.dump(gold, f)
        for name, keep in (("good", 0.9), ("worse", 0.6)):
            pred = {"article": aid,
                    "actors": [a for a in gold["actors"] if rng.random() < keep],
                    "counts": [dict(c, value=c["value"] + (0 if rng.random() < keep else 3))
                               for c in gold["counts"]]}
            if rng.random() < 0.3:
                pred["actors"].append({"name": "Spurious Person"})
            with open(os.path.join(root, name, aid + ".json"), "w") as f:
                json.dump(pred, f)


def run(root, *args):
    return subprocess.run([FACTBENCH, "run", "--bootstrap", "200", "--permutations", "400", *args],
                          cwd=root, capture_output=True, text=True)


def gates(root):
    with open(os.path.join(root, "good.json"), "w") as f:
        json.dump({"backends": {"sys": {"spec": "dir:good"}}}, f)
    with open(os.path.join(root, "worse.json"), "w") as f:
        json.dump({"backends": {"sys": {"spec": "dir:worse"}}}, f)
    p = run(root, "--config", "good.json", "--backend", "sys", "--out", "base",
            "--update-baseline", "--baseline", "base.json")
    check("baseline: written", p.returncode == 0 and os.path.exists(os.path.join(root, "base.json")),
          p.stderr)
    f1 = json.load(open(os.path.join(root, "base.json")))["backends"][0]["scores"]["strict"]["overall"]["f1"]

    p = run(root, "--config", "good.json", "--backend", "sys", "--fail-under", f"{f1 - 0.01:.4f}")
    check("fail-under: passes above the bar (exit 0)", p.returncode == 0, p.stderr)
    p = run(root, "--config", "good.json", "--backend", "sys", "--fail-under", f"{f1 + 0.01:.4f}")
    check("fail-under: fails below the bar (exit 1)", p.returncode == 1, p.returncode)
    check("fail-under: says which backend and score", "gate: sys: overall F1" in p.stderr, p.stderr)
    r = json.load(open(os.path.join(root, "reports", "latest", "report.json")))
    check("fail-under: the report holds the decision", r["gate"]["passed"] is False)
    p = run(root, "--config", "good.json", "--backend", "sys", "--fail-under", "counts=0.99")
    check("fail-under: per category (exit 1)", p.returncode == 1 and "counts F1" in p.stderr, p.stderr)
    p = run(root, "--config", "good.json", "--backend", "sys", "--fail-under", "colour=0.5")
    check("fail-under: an unknown category is a usage error (exit 2)", p.returncode == 2)

    p = run(root, "--config", "good.json", "--backend", "sys", "--baseline", "base.json",
            "--max-drop", "0.01")
    check("max-drop: no drop passes (exit 0)", p.returncode == 0, p.stderr)
    p = run(root, "--config", "worse.json", "--backend", "sys", "--baseline", "base.json",
            "--max-drop", "0.02")
    check("max-drop: a drop fails (exit 1)", p.returncode == 1, p.returncode)
    check("max-drop: names backend, category and size", "gate: sys: overall F1 dropped by" in p.stderr,
          p.stderr)
    p = run(root, "--config", "worse.json", "--backend", "sys", "--baseline", "base.json",
            "--max-drop", "0.02", "--require-significant")
    check("require-significant: a big drop is significant (exit 1)", p.returncode == 1, p.stderr)
    r = json.load(open(os.path.join(root, "reports", "latest", "report.json")))
    failed = [c for c in r["gate"]["checks"] if not c["passed"]]
    check("require-significant: p-values are reported",
          failed and all("p_value" in c for c in failed), r["gate"]["checks"])
    p = run(root, "--config", "worse.json", "--backend", "sys", "--baseline", "base.json",
            "--max-drop", "0.9")
    check("max-drop: a drop within the limit passes (exit 0)", p.returncode == 0, p.stderr)
    decisions = set()
    for _ in range(2):
        p = run(root, "--config", "worse.json", "--backend", "sys", "--baseline", "base.json",
                "--max-drop", "0.02", "--require-significant")
        decisions.add((p.returncode, p.stderr))
    check("gates are deterministic", len(decisions) == 1)
    p = run(root, "--backend", "null", "--max-drop", "0.1")
    check("max-drop without a baseline is a usage error (exit 2)", p.returncode == 2)

    p = run(root, "--config", "good.json", "--backend", "sys", "--history", "history.jsonl")
    p = run(root, "--config", "worse.json", "--backend", "sys", "--history", "history.jsonl")
    lines = [json.loads(x) for x in open(os.path.join(root, "history.jsonl"))]
    check("history: one line per run and backend", len(lines) == 2)
    check("history: scores and date", lines[1]["f1"]["overall"] < lines[0]["f1"]["overall"]
          and lines[0]["date"].endswith("Z") and "commit" in lines[0])


def shards(root):
    p = run(root, "--backend", "dir:good", "--backend", "dir:worse", "--out", "full")
    check("shards: the unsharded run", p.returncode == 0, p.stderr)
    full = open(os.path.join(root, "full", "report.json")).read()
    for n in (1, 3, 7):
        args = " ".join(f"{k}/{n}" for k in range(n))
        cmd = (f"printf '%s\\n' {args} | xargs -P 2 -I@ sh -c "
               f"'{FACTBENCH} run --bootstrap 200 --permutations 400 --backend dir:good "
               f"--backend dir:worse --shard @ --out shards{n}/$(echo @ | tr / _) >/dev/null'")
        p = subprocess.run(cmd, shell=True, cwd=root, capture_output=True, text=True)
        check(f"shards {n}: every shard runs", p.returncode == 0, p.stderr)
        dirs = [os.path.join(f"shards{n}", f"{k}_{n}") for k in range(n)]
        p = subprocess.run([FACTBENCH, "merge", *dirs, "--out", f"merged{n}"], cwd=root,
                           capture_output=True, text=True)
        check(f"shards {n}: merge succeeds", p.returncode == 0, p.stderr)
        merged = open(os.path.join(root, f"merged{n}", "report.json")).read()
        check(f"shards {n}: the merged report equals the unsharded one", merged == full)
        sizes = [json.load(open(os.path.join(root, d, "report.json")))["corpus"]["articles"]
                 for d in dirs]
        check(f"shards {n}: the shards split the corpus", sum(sizes) == 240 and
              (n == 1 or max(sizes) < 240), sizes)
    p = subprocess.run([FACTBENCH, "merge", "shards3/0_3", "shards3/1_3", "--out", "m"], cwd=root,
                       capture_output=True, text=True)
    check("merge: a missing shard is refused", p.returncode == 2 and "missing" in p.stderr, p.stderr)
    p = subprocess.run([FACTBENCH, "merge", "shards3/0_3", "shards3/0_3", "shards3/1_3",
                        "shards3/2_3", "--out", "m"], cwd=root, capture_output=True, text=True)
    check("merge: an overlapping shard is refused", p.returncode == 2 and "twice" in p.stderr)
    p = subprocess.run([FACTBENCH, "merge", "shards3/0_3", "shards7/1_7", "--out", "m"], cwd=root,
                       capture_output=True, text=True)
    check("merge: shards of different runs are refused", p.returncode == 2, p.stderr)
    p = run(root, "--backend", "dir:good", "--shard", "1/3", "--bootstrap", "100", "--out", "odd")
    check("merge: a shard with other settings runs", p.returncode == 0, p.stderr)
    p = subprocess.run([FACTBENCH, "merge", "shards3/0_3", "odd", "shards3/2_3", "--out", "m"],
                       cwd=root, capture_output=True, text=True)
    check("merge: shards of other settings are refused",
          p.returncode == 2 and "run with other settings or backends" in p.stderr, p.stderr)
    env = dict(os.environ, SLURM_ARRAY_TASK_ID="2", SLURM_ARRAY_TASK_COUNT="3",
               SLURM_ARRAY_TASK_MIN="0")
    p = subprocess.run([FACTBENCH, "run", "--bootstrap", "200", "--permutations", "400",
                        "--backend", "dir:good", "--backend", "dir:worse", "--shard", "auto",
                        "--out", "slurm"], cwd=root, env=env, capture_output=True, text=True)
    same = open(os.path.join(root, "slurm", "report.json")).read() == \
        open(os.path.join(root, "shards3", "2_3", "report.json")).read()
    check("shard auto: Slurm's array task is shard 2/3", p.returncode == 0 and same, p.stderr)
    env = dict(os.environ, JOB_COMPLETION_INDEX="1")
    p = subprocess.run([FACTBENCH, "run", "--backend", "dir:good", "--shard", "auto", "--out", "k"],
                       cwd=root, env=env, capture_output=True, text=True)
    check("shard auto: Kubernetes needs --shard-count", p.returncode == 2, p.stderr)


with tempfile.TemporaryDirectory() as tmp:
    synth(tmp, 240, 7)
    gates(tmp)
    shards(tmp)

finish()
