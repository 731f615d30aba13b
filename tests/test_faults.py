#!/usr/bin/env python3
"""Fault injection and hostile input, end to end: factbench run against
outputs it cannot write, signals, a corpus that changes under it, resource
limits, and the security promises of docs/RELIABILITY.md.

Usage: test_faults.py FACTBENCH SOURCE_DIR
Each case builds a small corpus in a temporary directory. The tests run as
root in CI, where chmod stops no write: an unwritable output is made with a
path through a regular file, a file size limit (RLIMIT_FSIZE, as a full disk
fails a write) and, where mounting is allowed, a full tmpfs. Prints
"N passed, M failed".
"""
import ctypes
import json
import os
import resource
import signal
import stat
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from testlib import check, failures, finish  # noqa: E402

FACTBENCH, SOURCE = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
FAULTY = os.path.join(SOURCE, "tests", "backends", "faulty.py")
QUICK = ["--bootstrap", "20", "--permutations", "20"]

# Orphans of factbench (a worker it failed to reap, a grandchild left
# running) become our children, so that "nothing left behind" is checked
# exactly, zombies included.
PR_SET_CHILD_SUBREAPER = 36
SUBREAPER = ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0

# An exec backend that answers by the article id's first word; see answer().
BACKEND = r'''
import json, os, sys
req = json.loads(sys.stdin.read())
aid = req["article"]
kind = aid.split("-")[0]
pred = {"article": aid, "actors": [{"name": "Ana"}]}
if kind == "big":
    pred["padding"] = "x" * 5000
elif kind == "items":
    pred["actors"] = [{"name": n} for n in ["Ana", "Ben", "Cy", "Di", "Ed"]]
elif kind == "deep":
    pred["extra"] = json.loads("[" * 20 + "]" * 20)
elif kind == "env":
    pred["actors"] = [{"name": "v " + k} for k in sorted(os.environ)]
elif kind == "argv":
    pred["actors"] = [{"name": "a " + a} for a in sys.argv[1:]]
elif kind == "escape":
    pred["article"] = "../escape"
print(json.dumps(pred))
'''


def run(args, cwd, env=None, preexec=None, timeout=300):
    return subprocess.run([FACTBENCH, "run"] + QUICK + args, cwd=cwd, capture_output=True,
                          text=True, env=env, preexec_fn=preexec, timeout=timeout)


def make_corpus(root, ids, gold_actors=None):
    os.makedirs(os.path.join(root, "corpus"), exist_ok=True)
    os.makedirs(os.path.join(root, "gold"), exist_ok=True)
    for i in ids:
        with open(os.path.join(root, "corpus", i + ".txt"), "w") as f:
            f.write(f"Ana spoke about {i}.\n")
        with open(os.path.join(root, "gold", i + ".json"), "w") as f:
            json.dump({"article": i, "actors": gold_actors or [{"name": "Ana"}]}, f)
    backend = os.path.join(root, "answer.py")
    with open(backend, "w") as f:
        f.write(BACKEND)
    return backend


def snapshot(top):
    """Every file under top: {relative path: content}. A run may be writing
    there: a temporary file renamed between the listing and the reading is
    not in the snapshot (it was found once as the cause of this test failing
    now and then)."""
    files = {}
    for d, _, names in os.walk(top):
        for n in names:
            p = os.path.join(d, n)
            try:
                if os.path.isfile(p) and not os.path.islink(p):
                    files[os.path.relpath(p, top)] = open(p, "rb").read()
            except FileNotFoundError:
                pass
    return files


def temporaries(*tops):
    """Files a run leaves half done: temporary files of atomic writes and of gnuplot."""
    found = []
    for top in tops:
        for d, dirs, names in os.walk(top):
            found += [os.path.join(d, n) for n in names + dirs if ".tmp-" in n or ".gnuplot-" in n]
    return found


def leftovers():
    """Processes left behind: children of ours that are not reaped (orphans reparent to us)."""
    me, left = os.getpid(), []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == me:
            left.append((int(pid), fields[0]))
    for pid, _ in left:  # collect them, so that one case does not fail the next
        try:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except OSError:
            pass
    return left


# ---- outputs that cannot be written -------------------------------------------------------------


def output_under_a_file(tmp):
    root = os.path.join(tmp, "under-file")
    make_corpus(root, ["a-1"])
    open(os.path.join(root, "blocker"), "w").close()
    p = run(["--out", "blocker/out"], root)
    check("output under a regular file: exit 3", p.returncode == 3, p.returncode)
    check("output under a regular file: says why", "cannot create directory 'blocker" in p.stderr
          and "Not a directory" in p.stderr, p.stderr)
    check("output under a regular file: nothing is left", sorted(os.listdir(root)) ==
          ["answer.py", "blocker", "corpus", "gold", "reports"] or
          sorted(os.listdir(root)) == ["answer.py", "blocker", "corpus", "gold"],
          os.listdir(root))


def directory_in_the_way(tmp):
    """A directory where report.html goes: the renames are checked before any is made."""
    root = os.path.join(tmp, "dir-in-way")
    make_corpus(root, ["a-1", "a-2"])
    first = run(["--out", "out", "--backend", "null"], root)
    before = snapshot(os.path.join(root, "out"))
    os.remove(os.path.join(root, "out", "report.html"))
    os.mkdir(os.path.join(root, "out", "report.html"))
    del before["report.html"]
    p = run(["--out", "out", "--backend", "oracle"], root)
    check("a directory in the way: exit 3", first.returncode == 0 and p.returncode == 3,
          p.stderr)
    after = snapshot(os.path.join(root, "out"))
    changed = [k for k in before if not k.startswith("predictions/") and after.get(k) != before[k]]
    check("a directory in the way: the previous report is intact", not changed, changed)
    check("a directory in the way: no temporary file", not temporaries(root), temporaries(root))


def file_size_limit(tmp):
    """RLIMIT_FSIZE fails writes past a size as a full disk does, and works for root."""
    root = os.path.join(tmp, "fsize")
    make_corpus(root, [f"a-{i}" for i in range(8)])
    # python3 and no gnuplot: sizes that do not depend on whether it is installed
    os.makedirs(os.path.join(root, "bin"))
    os.symlink(sys.executable, os.path.join(root, "bin", "python3"))
    env = dict(os.environ, PATH=os.path.join(root, "bin"))
    cmd = ["--backend", f"exec:python3 {os.path.join(root, 'answer.py')}", "--no-cache"]
    trial = run(cmd + ["--out", "trial"], root, env)
    sizes = {f: os.path.getsize(os.path.join(root, "trial", f)) for f in
             ("report.json", "report.html")}
    check("file size limit: the trial run succeeds", trial.returncode == 0, trial.stderr)
    check("file size limit: report.json is the largest file",
          sizes["report.json"] > sizes["report.html"] + 2000, sizes)
    first = run(["--backend", "null", "--out", "out"], root, env)
    before = snapshot(os.path.join(root, "out"))
    limit = sizes["report.html"] + 1000  # the other formats fit; report.json, written last, not

    def limited():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    p = run(cmd + ["--out", "out"], root, env, limited)
    check("file size limit: exit 3", first.returncode == 0 and p.returncode == 3,
          (p.returncode, p.stderr))
    check("file size limit: names the file", "cannot write" in p.stderr and
          "File too large" in p.stderr, p.stderr)
    after = snapshot(os.path.join(root, "out"))
    report = {k: v for k, v in before.items() if not k.startswith(("predictions/", "logs/"))}
    changed = [k for k in report if after.get(k) != report[k]]
    check("file size limit: every file of the previous report is intact", not changed, changed)
    check("file size limit: no temporary file", not temporaries(root), temporaries(root))


def full_tmpfs(tmp):
    mnt = os.path.join(tmp, "tmpfs")
    os.makedirs(mnt)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mnt],
                             capture_output=True).returncode == 0
    if not mounted:
        print("skipped: the full-filesystem test (mounting a tmpfs is not allowed here);"
              " the file size limit test stands in for it")
        return
    try:
        root = os.path.join(tmp, "full")
        make_corpus(root, [f"a-{i}" for i in range(5)])
        out = os.path.join(mnt, "out")
        first = run(["--backend", "null", "--out", out, "--no-cache"], root)
        before = snapshot(out)
        filler = os.path.join(mnt, "filler")
        with open(filler, "wb") as f:
            try:
                while True:
                    f.write(b"\0" * 65536)
                    f.flush()
            except OSError:
                pass
        try:
            with open(filler, "ab") as f:  # the last few bytes
                while True:
                    f.write(b"\0")
                    f.flush()
        except OSError:
            pass
        p = run(["--backend", "oracle", "--out", out, "--no-cache"], root)
        check("full filesystem: exit 3", first.returncode == 0 and p.returncode == 3,
              (p.returncode, p.stderr))
        check("full filesystem: says so", "No space left on device" in p.stderr, p.stderr)
        after = snapshot(out)
        changed = [k for k in before if after.get(k) != before[k]]
        check("full filesystem: every previous file is intact", not changed, changed)
        check("full filesystem: no temporary file", not temporaries(mnt), temporaries(mnt))
        # where the run keeps its articles ($TMPDIR) is full: the outputs are elsewhere
        out = os.path.join(tmp, "out-tmpdir-full")
        env = dict(os.environ, TMPDIR=mnt)
        p = run(["--backend", "oracle", "--out", out, "--no-cache"], root, env=env)
        check("full $TMPDIR: exit 3, and says so",
              p.returncode == 3 and "No space left on device" in p.stderr, (p.returncode, p.stderr))
        check("full $TMPDIR: no report", not os.path.exists(os.path.join(out, "report.json")))
    finally:
        subprocess.run(["umount", mnt])


def missing_tmpdir(tmp):
    root = os.path.join(tmp, "notmp")
    make_corpus(root, ["a-1"])
    env = dict(os.environ, TMPDIR=os.path.join(tmp, "no-such-dir"))
    p = run(["--backend", "null", "--out", "out", "--no-cache"], root, env=env)
    check("missing $TMPDIR: exit 3, and says where",
          p.returncode == 3 and "cannot create a temporary file in" in p.stderr and
          "no-such-dir" in p.stderr, (p.returncode, p.stderr))


# ---- signals --------------------------------------------------------------------------------


def terminated(tmp, kind):
    """SIGTERM midway: workers killed and reaped, nothing half written; the next run resumes."""
    root = os.path.join(tmp, "sigterm-" + kind)
    ids = [f"slow-{i:02d}" for i in range(20)]
    make_corpus(root, ids)
    spec = f"{kind}:python3 {FAULTY}" + (" --exec" if kind == "exec" else "")
    cache = os.path.join(root, "cache")
    args = [FACTBENCH, "run"] + QUICK + ["--backend", spec, "--cache", cache, "--out", "out"]
    p = subprocess.Popen(args, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True)
    deadline = time.time() + 60
    while time.time() < deadline and len(snapshot(cache)) < 3 and p.poll() is None:
        time.sleep(0.05)
    p.send_signal(signal.SIGTERM)
    _, err = p.communicate(timeout=60)
    check(f"SIGTERM ({kind}): exit 3", p.returncode == 3, (p.returncode, err))
    check(f"SIGTERM ({kind}): says so", "interrupted by signal 15" in err, err)
    check(f"SIGTERM ({kind}): no report", not os.path.exists(os.path.join(root, "out",
                                                                          "report.json")))
    check(f"SIGTERM ({kind}): nothing half written", not temporaries(root), temporaries(root))
    left = leftovers()
    check(f"SIGTERM ({kind}): no worker left, no zombie", SUBREAPER and not left, left)
    done = len(snapshot(cache))
    again = run(["--backend", spec, "--cache", cache, "--out", "out"], root)
    check(f"SIGTERM ({kind}): the next run finishes", again.returncode == 0, again.stderr)
    r = json.load(open(os.path.join(root, "out", "report.json")))
    check(f"SIGTERM ({kind}): it resumes from the cache",
          r["backends"][0]["cache"]["hits"] == done >= 3, (r["backends"][0]["cache"], done))
    check(f"SIGTERM ({kind}): every article is scored", r["corpus"]["articles"] == len(ids))


def closes_stdout(tmp):
    """A backend that closes its output early and lives on fails that article, then is killed."""
    root = os.path.join(tmp, "close")
    make_corpus(root, ["close-1", "ok-1"])
    for kind, want in (("jsonl", "worker killed by signal 9 (Killed) before answering"),
                       ("exec", "invalid response: response:1:1: empty input")):
        spec = f"{kind}:python3 {FAULTY}" + (" --exec" if kind == "exec" else "")
        p = run(["--backend", spec, "--no-cache", "--timeout", "5", "--out", "out-" + kind], root)
        got = reasons(root, "out-" + kind) if p.returncode == 0 else {}
        check(f"stdout closed early ({kind}): that article fails", want in
              got.get("close-1", ""), (p.stderr, got))
        check(f"stdout closed early ({kind}): the others are scored",
              p.returncode == 0 and "ok-1" not in got, got)
        left = leftovers()
        check(f"stdout closed early ({kind}): no process left", not left, left)


# ---- a corpus that changes during the run ---------------------------------------------------

SABOTEUR = r'''
import json, os, sys
req = json.loads(sys.stdin.read())
if req["article"] == "a-00":
    c = "corpus"
    os.remove(os.path.join(c, "z-gone.txt"))
    open(os.path.join(c, "z-changed.txt"), "wb").write(b"now \xff\xfe not UTF-8\n")
    os.remove(os.path.join(c, "z-fifo.txt"))
    os.mkfifo(os.path.join(c, "z-fifo.txt"))
    open(os.path.join(c, "z-grown.txt"), "w").write("x" * 5000)
    os.remove(os.path.join("gold", "z-ungolded.json"))
    with open(os.path.join(c, "zz.jsonl"), "r+") as f:
        f.truncate(30)
print(json.dumps({"article": req["article"], "actors": [{"name": "Ana"}]}))
'''


def corpus_changes(tmp):
    root = os.path.join(tmp, "changes")
    ids = [f"a-{i:02d}" for i in range(20)]  # more than a batch: the rest is read later
    victims = ["z-gone", "z-changed", "z-fifo", "z-grown", "z-ungolded"]
    make_corpus(root, ids + victims)
    with open(os.path.join(root, "corpus", "zz.jsonl"), "w") as f:
        for i in range(3):
            f.write(json.dumps({"id": f"zz-{i}", "text": "Ana was there."}) + "\n")
    for i in range(3):
        with open(os.path.join(root, "gold", f"zz-{i}.json"), "w") as f:
            json.dump({"article": f"zz-{i}"}, f)
    with open(os.path.join(root, "saboteur.py"), "w") as f:
        f.write(SABOTEUR)
    p = run(["--backend", "exec:python3 saboteur.py", "--no-cache",
             "--max-article-bytes", "4096"], root)
    check("corpus changed: an input error, not a crash", p.returncode == 2, (p.returncode,
                                                                              p.stderr))
    for want in ["cannot read 'corpus/z-gone.txt': No such file or directory",
                 "corpus/z-changed.txt:1:5: invalid UTF-8",
                 "corpus/z-fifo.txt: empty article",
                 "corpus/z-grown.txt: larger than 4096 bytes (limits.article_bytes)",
                 "corpus/z-ungolded.txt: no gold file 'gold/z-ungolded.json', not scored",
                 "corpus/zz.jsonl:1:24: unterminated string"]:
        check(f"corpus changed: '{want}'", want in p.stderr, p.stderr)
    check("corpus changed: no report from a broken corpus",
          not os.path.exists(os.path.join(root, "reports", "latest", "report.json")))


# ---- resource limits ------------------------------------------------------------------------


def reasons(root, out="out"):
    return failures(json.load(open(os.path.join(root, out, "report.json"))))


def limits(tmp):
    root = os.path.join(tmp, "limits")
    backend = make_corpus(root, ["big-1", "items-1", "deep-1", "ok-1"])
    spec = ["--backend", f"exec:python3 {backend}", "--no-cache", "--out", "out"]
    p = run(spec + ["--max-response-bytes", "2000", "--max-items", "3", "--max-depth", "10"],
            root)
    check("limits as flags: the run succeeds", p.returncode == 0, p.stderr)
    got = reasons(root)
    check("limits: response bytes fail the article",
          got.get("big-1") == "response larger than 2000 bytes (limits.response_bytes)", got)
    check("limits: items fail the article", got.get("items-1") == "invalid response: response: "
          "$.actors: 5 items, more than the limit of 3 (limits.items)", got)
    check("limits: nesting fails the article", "nesting deeper than 10 levels" in
          got.get("deep-1", ""), got)
    check("limits: the rest is scored", "ok-1" not in got, got)
    with open(os.path.join(root, "limits.json"), "w") as f:
        json.dump({"limits": {"response_bytes": 2000, "items": 3, "depth": 10}}, f)
    p = run(spec + ["--config", "limits.json"], root)
    check("limits in the config file: the same failures", p.returncode == 0 and
          reasons(root) == got, (reasons(root), p.stderr))
    p = run(spec, root)
    check("limits: the defaults fail none of these", p.returncode == 0 and not reasons(root),
          reasons(root))
    p = run(spec + ["--max-items", "1001"], root)
    check("limits: items cannot go over the scorer's cap", p.returncode == 2 and
          "--max-items: expected an integer from 1 to 1000" in p.stderr, p.stderr)
    # gold and corpus are inputs: going over is an input error that names the file
    with open(os.path.join(root, "gold", "ok-1.json"), "w") as f:
        json.dump({"article": "ok-1", "actors": [{"name": n} for n in "ABCD"]}, f)
    p = run(spec + ["--max-items", "3"], root)
    check("limits: gold over the item limit is an input error", p.returncode == 2 and
          "gold/ok-1.json: $.actors: 4 items, more than the limit of 3" in p.stderr, p.stderr)
    p = run(spec + ["--max-article-bytes", "10"], root)
    check("limits: an article over the size limit is an input error", p.returncode == 2 and
          "corpus/big-1.txt: larger than 10 bytes (limits.article_bytes)" in p.stderr, p.stderr)


# ---- security ---------------------------------------------------------------------------------


def escaping_ids(tmp):
    root = os.path.join(tmp, "ids")
    backend = make_corpus(root, ["escape-1", "ok-1"])
    with open(os.path.join(root, "corpus", "more.jsonl"), "w") as f:
        for i in ["../x", "/etc/x", ".hidden", "a/b", "..", "-x"]:
            f.write(json.dumps({"id": i, "text": "t"}) + "\n")
    p = run(["--backend", f"exec:python3 {backend}", "--no-cache", "--out", "out"], root)
    check("unsafe ids: an input error", p.returncode == 2, p.returncode)
    check("unsafe ids: every one is named", p.stderr.count("is not a valid article id") == 6,
          p.stderr)
    os.remove(os.path.join(root, "corpus", "more.jsonl"))
    p = run(["--backend", f"exec:python3 {backend}", "--no-cache", "--out", "out"], root)
    check("a prediction for '../escape': that article fails", p.returncode == 0 and
          "$.article: '../escape' is not a valid article id" in
          reasons(root).get("escape-1", ""), (p.stderr, reasons(root)))
    check("a prediction for '../escape': nothing written outside",
          not os.path.exists(os.path.join(root, "out", "escape.json")) and
          not os.path.exists(os.path.join(root, "out", "predictions", "escape.json")))


def planted_links(tmp):
    root = os.path.join(tmp, "links")
    backend = make_corpus(root, ["ok-1"])
    elsewhere = os.path.join(tmp, "elsewhere")
    os.makedirs(elsewhere)
    victim = os.path.join(elsewhere, "victim.txt")
    spec = f"exec:python3 {backend}"
    cases = {
        "predictions": os.path.join("out", "predictions"),
        "a backend's predictions": os.path.join("out", "predictions", "exec_python3_" +
                                                backend.strip("/").replace("/", "_")),
        "plots": os.path.join("out", "plots"),
        "logs": os.path.join("out", "logs"),
    }
    for name, link in cases.items():
        subprocess.run(["rm", "-rf", os.path.join(root, "out")])
        os.makedirs(os.path.dirname(os.path.join(root, link)), exist_ok=True)
        os.symlink(elsewhere, os.path.join(root, link))
        p = run(["--backend", spec, "--no-cache", "--out", "out"], root)
        # plots never fail a run: without them it goes on, with a warning
        want = 0 if name == "plots" else 3
        check(f"a link planted at {link}: refused", p.returncode == want and
              "a symbolic link in the output tree" in p.stderr, (p.returncode, p.stderr))
        check(f"a link planted at {link}: nothing written through it",
              os.listdir(elsewhere) == [], os.listdir(elsewhere))
    # links where files go: replaced (report) or not opened (log), the target untouched
    subprocess.run(["rm", "-rf", os.path.join(root, "out")])
    with open(victim, "w") as f:
        f.write("precious\n")
    os.makedirs(os.path.join(root, "out", "logs"))
    os.symlink(victim, os.path.join(root, "out", "report.html"))
    log = spec.replace("/", "_") + ".stderr.log"
    os.symlink(victim, os.path.join(root, "out", "logs", log))
    p = run(["--backend", spec, "--no-cache", "--out", "out"], root)
    check("links at report.html and at a log: the run succeeds", p.returncode == 0, p.stderr)
    check("links at report.html and at a log: the target is untouched",
          open(victim).read() == "precious\n")
    check("a link at report.html is replaced by the report",
          not os.path.islink(os.path.join(root, "out", "report.html")))
    # the cache
    cache = os.path.join(root, "cache")
    first = run(["--backend", spec, "--cache", cache, "--out", "out"], root)
    bucket = next(d for d in os.listdir(cache))
    subprocess.run(["rm", "-rf", os.path.join(cache, bucket)])
    os.symlink(elsewhere, os.path.join(cache, bucket))
    p = run(["--backend", spec, "--cache", cache, "--refresh", "--out", "out"], root)
    check("a link planted in the cache: a warning, the run goes on", first.returncode == 0 and
          p.returncode == 0 and "a symbolic link in the output tree" in p.stderr, p.stderr)
    check("a link planted in the cache: nothing written through it",
          sorted(os.listdir(elsewhere)) == ["victim.txt"], os.listdir(elsewhere))


def environment(tmp):
    root = os.path.join(tmp, "env")
    backend = make_corpus(root, ["env-1"])
    with open(os.path.join(root, "factbench.json"), "w") as f:
        json.dump({"backends": {"envy": {"spec": f"exec:python3 {backend}",
                                         "env": {"CONFIG_VAR": "1"}}}}, f)
    env = {"PATH": os.environ["PATH"], "HOME": root, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
           "TZ": "UTC", "TMPDIR": tmp, "FB_SECRET_TOKEN": "s3cret", "CI_JOB_TOKEN": "t",
           "AWS_SECRET_ACCESS_KEY": "k", "LD_PRELOAD": "", "PYTHONPATH": "/evil"}
    p = run(["--backend", "envy", "--no-cache", "--out", "out"], root, env)
    check("environment: the run succeeds", p.returncode == 0, p.stderr)
    pred = json.load(open(os.path.join(root, "out", "predictions", "envy", "env-1.json")))
    seen = {a["name"][2:] for a in pred["actors"]}
    allowed = {"PATH", "HOME", "LANG", "LC_ALL", "TZ", "TMPDIR", "CONFIG_VAR"}
    # python3 may add variables of its own (LC_CTYPE when it coerces the locale)
    check("environment: the allow-list and the config's env reach the backend",
          allowed <= seen, seen)
    check("environment: nothing else reaches it", not (seen - allowed - {"LC_CTYPE"}), seen)
    check("environment: no secret in the outputs", not any(
        "s3cret" in open(os.path.join(d, n), errors="replace").read()
        for d, _, ns in os.walk(os.path.join(root, "out")) for n in ns))


def no_shell(tmp):
    root = os.path.join(tmp, "shell")
    backend = make_corpus(root, ["argv-1"])
    spec = f"exec:python3 {backend} ; touch PWNED '$HOME' \"*\" '|' `id`"
    p = run(["--backend", spec, "--no-cache", "--out", "out"], root)
    check("no shell: the run succeeds", p.returncode == 0, p.stderr)
    pred = json.load(open(os.path.join(root, "out", "predictions",
                                       os.listdir(os.path.join(root, "out", "predictions"))[0],
                                       "argv-1.json")))
    argv = [a["name"][2:] for a in pred["actors"]]
    check("no shell: words arrive as written", argv == [";", "touch", "PWNED", "$HOME", "*",
                                                        "|", "`id`"], argv)
    check("no shell: nothing ran", not os.path.exists(os.path.join(root, "PWNED")))


def gnuplot_injection(tmp):
    """A hostile report must not run commands through gnuplot's backquotes or quotes."""
    root = os.path.join(tmp, "gnuplot")
    make_corpus(root, ["a-1"])
    p = run(["--backend", "null", "--out", "out"], root)
    report = json.load(open(os.path.join(root, "out", "report.json")))
    pwned = os.path.join(root, "PWNED")
    report["backends"][0]["name"] = f"`touch {pwned}`"
    report["config"]["mode"] = "strict"
    with open(os.path.join(root, "hostile.json"), "w") as f:
        json.dump(report, f)
    out = os.path.join(root, "plot'out`touch " + pwned + "`")
    q = subprocess.run([FACTBENCH, "plot", "hostile.json", "--out", out], cwd=root,
                       capture_output=True, text=True)
    check("gnuplot: a hostile report is drawn", p.returncode == 0 and q.returncode in (0, 3),
          q.stderr)
    check("gnuplot: no command ran", not os.path.exists(pwned))
    if q.returncode == 0:
        check("gnuplot: plots land under a quoted path",
              os.path.exists(os.path.join(out, "plots", "scores.svg")), os.listdir(out))
    report["config"]["mode"] = f"strict') ; system('touch {pwned}') ; ('"
    with open(os.path.join(root, "hostile.json"), "w") as f:
        json.dump(report, f)
    q = subprocess.run([FACTBENCH, "plot", "hostile.json"], cwd=root, capture_output=True,
                       text=True)
    check("gnuplot: a hostile mode is refused", q.returncode == 2 and
          "$.config.mode: expected 'strict' or 'lenient'" in q.stderr, q.stderr)
    check("gnuplot: still no command ran", not os.path.exists(pwned))


def permissions(tmp):
    root = os.path.join(tmp, "perms")
    backend = make_corpus(root, ["a-1", "a-2"])
    hist = os.path.join(root, "history.jsonl")

    def open_umask():
        os.umask(0)

    p = run(["--backend", f"jsonl:python3 {FAULTY}", "--backend", f"exec:python3 {backend}",
             "--cache", "cache", "--out", "out", "--history", hist], root, preexec=open_umask)
    check("permissions: the run succeeds with umask 000", p.returncode == 0, p.stderr)
    bad = []
    for top in ("out", "cache"):
        for d, dirs, names in os.walk(os.path.join(root, top)):
            for n in dirs + names:
                path = os.path.join(d, n)
                mode = stat.S_IMODE(os.lstat(path).st_mode)
                want = 0o755 if os.path.isdir(path) else 0o644
                if mode != want:
                    bad.append((os.path.relpath(path, root), oct(mode)))
    check("permissions: the history file is written", os.path.exists(hist))
    if os.path.exists(hist):
        mode = stat.S_IMODE(os.stat(hist).st_mode)
        if mode != 0o644:
            bad.append(("history.jsonl", oct(mode)))
    check("permissions: files 0644, directories 0755, nothing world-writable", not bad, bad)
    check("permissions: plots are among them", os.path.isdir(os.path.join(root, "out", "plots")))


with tempfile.TemporaryDirectory() as tmp:
    output_under_a_file(tmp)
    directory_in_the_way(tmp)
    file_size_limit(tmp)
    full_tmpfs(tmp)
    missing_tmpdir(tmp)
    terminated(tmp, "jsonl")
    terminated(tmp, "exec")
    closes_stdout(tmp)
    corpus_changes(tmp)
    limits(tmp)
    escaping_ids(tmp)
    planted_links(tmp)
    environment(tmp)
    no_shell(tmp)
    gnuplot_injection(tmp)
    permissions(tmp)
    left = leftovers()
    check("no process is left behind by any case", not left, left)

finish()
