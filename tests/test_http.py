#!/usr/bin/env python3
"""End-to-end tests of the http: and llm: backends against a local server.

Usage: test_http.py FACTBENCH SOURCE_DIR
Starts tests/http_server.py on 127.0.0.1 (an ephemeral port; no other
address is ever contacted), runs factbench on small corpora made in a
temporary directory, and checks report.json, report.md, the logs, the cache
and what the server saw. Prints "N passed, M failed".
"""
import csv
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

from testlib import check, check_failures, failures, finish

FACTBENCH, SOURCE = sys.argv[1:3]
SERVER = os.path.join(SOURCE, "tests", "http_server.py")
TOKEN = "s3cr3t-T0KEN-7f2c9e"  # must never show in any output
outputs = []  # stdout and stderr of every run, searched for the token at the end


def environment(token=TOKEN):
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env["NO_PROXY"] = "127.0.0.1"
    if token is None:
        env.pop("FB_TEST_TOKEN", None)
    else:
        env["FB_TEST_TOKEN"] = token
    return env


def run(args, cwd, token=TOKEN, timeout=120):
    p = subprocess.run([FACTBENCH, "run", "--bootstrap", "20", "--permutations", "20"] + args,
                       cwd=cwd, capture_output=True, text=True, env=environment(token),
                       timeout=timeout)
    outputs.append(p.stdout + p.stderr)
    return p


def merge(dirs, out):
    p = subprocess.run([FACTBENCH, "merge"] + dirs + ["--out", out], capture_output=True, text=True)
    outputs.append(p.stdout + p.stderr)
    return p


def report(root, out="reports/latest"):
    with open(os.path.join(root, out, "report.json")) as f:
        return json.load(f)


def state(port, page="state"):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/{page}", timeout=10) as r:
        return json.load(r)


def make_corpus(root, ids, jsonl=False):
    os.makedirs(os.path.join(root, "corpus"))
    os.makedirs(os.path.join(root, "gold"))
    for i in ids:
        text = f"Ana spoke about {i}. Officials listened."
        if jsonl:
            with open(os.path.join(root, "corpus", "articles.jsonl"), "a") as f:
                f.write(json.dumps({"id": i, "published": "2019-06-14", "title": f"Title of {i}",
                                    "text": text}) + "\n")
        else:
            with open(os.path.join(root, "corpus", i + ".txt"), "w") as f:
                f.write(text + "\n")
        with open(os.path.join(root, "gold", i + ".json"), "w") as f:
            json.dump({"article": i, "actors": [{"name": "Ana", "type": "person"}]}, f)


def write_config(root, backends):
    with open(os.path.join(root, "factbench.json"), "w") as f:
        json.dump({"backends": backends}, f)


HEADERS = {"Authorization": {"env": "FB_TEST_TOKEN", "prefix": "Bearer "},
           "X-Static": "static-value"}


def service(port, **extra):
    return dict({"spec": f"http:http://127.0.0.1:{port}/extract", "timeout": 2, "jobs": 4,
                 "retries": 3, "backoff": 0.05, "headers": HEADERS}, **extra)


def per_article(r, b=0):
    return {a["article"]: a for a in r["backends"][b]["per_article"]}


# ---- http: ------------------------------------------------------------------------------------

EXPECT_HTTP = {
    "ok-h1": None, "ok-h2": None, "r429-h1": None, "r500-h1": None, "drop-h1": None,
    "slow-h1": "timed out after 2 s",
    "dead500-h1": "HTTP 500 after 4 attempts",
    "dropall-h1": "connection lost after 4 attempts",
    "e404-h1": "HTTP 404: model not found",
    "echo401-h1": "HTTP 401: bad credentials: Bearer [redacted]",
    "badjson-h1": "invalid response: response:1:1",
    "notpred-h1": "invalid response",
    "error-h1": "backend error: cannot handle this",
    "huge-h1": "response larger than 16777216 bytes",
}


def http_faults(tmp, port):
    root = os.path.join(tmp, "http")
    make_corpus(root, EXPECT_HTTP)
    write_config(root, {"svc": service(port)})
    started = time.monotonic()
    p = run(["--backend", "svc"], root)
    elapsed = time.monotonic() - started
    check("http: the run succeeds", p.returncode == 0, p.stderr)
    check("http: the run takes no retry longer than it should", elapsed < 30, elapsed)
    r = report(root)
    check_failures("http", EXPECT_HTTP, r)
    fn = r["backends"][0]["scores"]["strict"]["overall"]["fn"]
    check("http: failed articles count as missed", fn == sum(1 for v in EXPECT_HTTP.values() if v))
    s = state(port)
    hits = {k.split(":", 1)[1]: v for k, v in s["hits"].items() if k.startswith("extract:")}
    for article, want in [("ok-h1", 1), ("r429-h1", 2), ("r500-h1", 2), ("dead500-h1", 4),
                          ("e404-h1", 1), ("echo401-h1", 1), ("slow-h1", 1), ("badjson-h1", 1),
                          ("notpred-h1", 1), ("error-h1", 1)]:
        check(f"http: {article} asked {want} time(s)", hits.get(article) == want,
              hits.get(article))
    check("http: a dropped connection is tried again", hits.get("drop-h1", 0) >= 2,
          hits.get("drop-h1"))
    check("http: connections dropped every time are tried 4 times",
          hits.get("dropall-h1", 0) >= 4, hits.get("dropall-h1"))
    times = s["times"].get("extract:r429-h1", [0, 0])
    check("http: Retry-After is honoured", len(times) == 2 and times[1] - times[0] >= 0.9, times)
    times = s["times"].get("extract:dead500-h1", [])
    gaps = [b - a for a, b in zip(times, times[1:])]
    check("http: retries back off", len(gaps) == 3 and 0.02 <= gaps[0] < 1.5, gaps)
    articles = per_article(r)
    usage = articles["ok-h1"].get("usage", {})
    check("http: latency is recorded per article", usage.get("latency_ms", 0) >= 150, usage)
    check("http: no tokens from a service that says none", "prompt_tokens" not in usage, usage)
    check("http: a timed-out article has no usage", "usage" not in articles["slow-h1"])
    total = r["backends"][0].get("usage", {})
    answered = sum(1 for a in articles.values() if "usage" in a)
    check("http: usage totals over the answered articles",
          total.get("articles") == answered and answered >= 5
          and abs(total["latency_ms"]["mean"] * answered - total["latency_ms"]["total"]) < 1e-6,
          total)
    log = os.path.join(root, "reports", "latest", "logs", "svc.http.log")
    text = open(log).read() if os.path.exists(log) else ""
    check("http: retries are logged", "dead500-h1: attempt 1: HTTP 500" in text, text[:400])
    md = open(os.path.join(root, "reports", "latest", "report.md")).read()
    check("http: report.md has a cost line", "## Cost" in md and "| svc | " in md, md[-600:])
    return root


def http_concurrency(tmp, port):
    root = os.path.join(tmp, "jobs")
    ids = [f"ok-j{i:02d}" for i in range(12)]
    make_corpus(root, ids)
    write_config(root, {"svc": service(port)})
    for _ in range(100):  # requests of earlier runs that factbench gave up on may still sleep
        if state(port)["in_flight"] == 0:
            break
        time.sleep(0.1)
    before = state(port, "reset")
    p = run(["--backend", "svc", "--no-cache"], root)
    after = state(port)
    check("jobs: the run succeeds", p.returncode == 0 and report(root)["backends"][0]["failed"] == 0,
          p.stderr)
    check("jobs: up to 4 requests at once", 3 <= after["max_in_flight"] <= 4,
          after["max_in_flight"])
    opened = after["connections"] - before["connections"] - 1  # the /state request itself
    check("jobs: connections are reused", 1 <= opened <= 4, opened)


def http_cache_and_secrets(tmp, port, root):
    """Second run of the fault corpus: answers hit the cache, whatever the token."""
    before = state(port)["hits"].get("extract:ok-h1")
    p = run(["--backend", "svc"], root, token="another-token-value")
    r = report(root)
    answered = sum(1 for v in EXPECT_HTTP.values() if v is None)
    cache = r["backends"][0]["cache"]
    check("cache: the second run succeeds", p.returncode == 0, p.stderr)
    check("cache: every answer hits, secrets are no part of the key",
          cache["hits"] == answered, cache)
    check("cache: a hit asks nothing", state(port)["hits"].get("extract:ok-h1") == before)
    check("cache: answers from the cache have no usage",
          "usage" not in per_article(r)["ok-h1"], per_article(r)["ok-h1"])


def http_cannot_connect(tmp):
    root = os.path.join(tmp, "noconnect")
    make_corpus(root, ["ok-n1"])
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    closed = s.getsockname()[1]
    s.close()
    write_config(root, {"down": {"spec": f"http:http://127.0.0.1:{closed}/extract",
                                 "retries": 1, "backoff": 0.05}})
    p = run(["--backend", "down", "--no-cache"], root)
    check("down: the run succeeds", p.returncode == 0, p.stderr)
    reason = failures(report(root)).get("ok-n1", "")
    check("down: the article fails with 'cannot connect'",
          reason.startswith("cannot connect after 2 attempts: "), reason)


def http_bad_setup(tmp, port):
    root = os.path.join(tmp, "setup")
    make_corpus(root, ["ok-s1"])
    write_config(root, {"svc": service(port)})
    p = run(["--backend", "svc"], root, token=None)
    check("setup: a missing token variable stops the run (exit 3)", p.returncode == 3, p.stderr)
    check("setup: the message names the variable", "'FB_TEST_TOKEN'" in p.stderr, p.stderr)
    p = run(["--backend", "http:ftp://127.0.0.1/x"], root)
    check("setup: a URL of another scheme is a usage error (exit 2)", p.returncode == 2, p.stderr)
    write_config(root, {"svc": {"spec": "jsonl:cat", "model": "m"}})
    p = run(["--backend", "svc"], root)
    check("setup: llm fields on another backend are refused", p.returncode == 2 and
          "for llm: backends" in p.stderr, p.stderr)


def http_interrupted(tmp, port):
    root = os.path.join(tmp, "interrupt")
    make_corpus(root, [f"slow-i{i}" for i in range(4)])
    write_config(root, {"svc": service(port, timeout=30)})
    p = subprocess.Popen([FACTBENCH, "run", "--backend", "svc"], cwd=root, env=environment(),
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(1)
    p.send_signal(signal.SIGINT)
    try:
        out, err = p.communicate(timeout=10)
        outputs.append(out + err)
        check("interrupt: SIGINT stops the run at once (exit 3)", p.returncode == 3, err)
    except subprocess.TimeoutExpired:
        p.kill()
        p.communicate()
        check("interrupt: SIGINT stops the run at once", False, "still running after 10 s")


# ---- llm: -----------------------------------------------------------------------------------

EXPECT_LLM = {
    "ok-l1": None, "ok-l2": None, "fence-l1": None, "r429-l1": None,
    "notpred-l1": "invalid response: response:1:1",
    "cut-l1": "(the reply stopped at max_tokens)",
    "error-l1": "backend error: cannot handle this",
}
PROMPT = "Article: {{article}}\nPublished: {{published}}\nTitle: {{title}}\n\n{{text}}\n"


def llm(port, prompt, **extra):
    return dict({"spec": f"llm:http://127.0.0.1:{port}/v1/chat/completions",
                 "model": "test-model", "temperature": 0, "max_tokens": 256,
                 "system": "You extract facts from news.", "prompt": prompt, "timeout": 5,
                 "jobs": 3, "retries": 3, "backoff": 0.05, "headers": HEADERS}, **extra)


def llm_runs(tmp, port):
    root = os.path.join(tmp, "llm")
    make_corpus(root, EXPECT_LLM, jsonl=True)
    for name, text in [("a.txt", PROMPT), ("b.txt", "Read this.\n" + PROMPT)]:
        with open(os.path.join(root, name), "w") as f:
            f.write(text)
    write_config(root, {"llm-a": llm(port, "a.txt"), "llm-b": llm(port, "b.txt")})
    p = run(["--backend", "llm-a"], root)
    check("llm: the run succeeds", p.returncode == 0, p.stderr)
    r = report(root)
    check_failures("llm", EXPECT_LLM, r)
    check("llm: the predictions score", r["backends"][0]["scores"]["strict"]["actors"]["tp"] == 4)
    s = state(port)
    check("llm: 429 is tried again", s["hits"].get("chat:r429-l1") == 2, s["hits"])
    body = s["bodies"].get("chat:ok-l1", {})
    messages = body.get("messages", [{}, {}])
    check("llm: model, temperature and max_tokens are sent",
          (body.get("model"), body.get("temperature"), body.get("max_tokens")) ==
          ("test-model", 0, 256), body)
    check("llm: system then user message",
          [m.get("role") for m in messages] == ["system", "user"] and
          messages[0].get("content") == "You extract facts from news.", messages)
    check("llm: the template is filled in", messages[-1].get("content") ==
          "Article: ok-l1\nPublished: 2019-06-14\nTitle: Title of ok-l1\n\n"
          "Ana spoke about ok-l1. Officials listened.\n", messages[-1])
    fmt = body.get("response_format", {})
    schema = fmt.get("json_schema", {}).get("schema", {})
    check("llm: the prediction's JSON schema is the response format",
          fmt.get("type") == "json_schema" and
          sorted(schema.get("properties", {})) == ["actors", "claims", "counts", "dates"] and
          "perpetrator" in json.dumps(schema), fmt)
    words = len(messages[-1].get("content", "").split())
    usage = per_article(r)["ok-l1"].get("usage", {})
    check("llm: tokens and latency per article",
          usage.get("prompt_tokens") == words and usage.get("completion_tokens") == 42 and
          usage.get("latency_ms", 0) > 0, usage)
    check("llm: a reply that is no prediction still cost tokens",
          per_article(r)["notpred-l1"].get("usage", {}).get("completion_tokens") == 42)
    with open(os.path.join(root, "reports", "latest", "per_article.csv"), newline="") as f:
        rows = {(row["article"], row["mode"]): row for row in csv.DictReader(f)}
    row = rows.get(("ok-l1", "strict"), {})
    check("llm: per_article.csv has the article's latency and tokens",
          row.get("prompt_tokens") == str(words) and row.get("completion_tokens") == "42" and
          float(row.get("latency_ms") or 0) > 0, row)
    total = r["backends"][0]["usage"]
    check("llm: token totals", total["articles"] == 7 and
          total["completion_tokens"]["total"] == 7 * 42 and
          total["completion_tokens"]["mean"] == 42, total)
    md = open(os.path.join(root, "reports", "latest", "report.md")).read()
    check("llm: report.md shows the tokens", "| llm-a | 7 |" in md and
          "294 (42.0 per article)" in md, md[-700:])

    hits = s["hits"].get("chat:ok-l1")
    p = run(["--backend", "llm-a"], root)
    cache = report(root)["backends"][0]["cache"]
    check("llm cache: a second run takes the answers from the cache",
          p.returncode == 0 and cache == {"hits": 4, "misses": 3}, cache)
    check("llm cache: and asks nothing of them", state(port)["hits"].get("chat:ok-l1") == hits)
    with open(os.path.join(root, "a.txt"), "a") as f:
        f.write("Be careful.\n")
    p = run(["--backend", "llm-a"], root)
    cache = report(root)["backends"][0]["cache"]
    check("llm cache: a changed prompt misses", p.returncode == 0 and cache["hits"] == 0, cache)
    write_config(root, {"llm-a": llm(port, "a.txt", temperature=0.5),
                        "llm-b": llm(port, "b.txt")})
    p = run(["--backend", "llm-a"], root)
    cache = report(root)["backends"][0]["cache"]
    check("llm cache: a changed temperature misses", p.returncode == 0 and cache["hits"] == 0,
          cache)

    p = run(["--backend", "llm-a", "--backend", "llm-b"], root)
    r = report(root)
    check("llm: two prompts are two backends, compared",
          p.returncode == 0 and [b["name"] for b in r["backends"]] == ["llm-a", "llm-b"] and
          len(r["comparisons"]) == 2, p.stderr)
    return root


def llm_merged(tmp, root):
    """Usage survives report.json being read back: shards merged."""
    dirs = []
    for k in range(2):
        out = os.path.join(tmp, f"shard{k}")
        p = run(["--backend", "llm-b", "--no-cache", "--shard", f"{k}/2", "--out", out], root)
        check(f"merge: shard {k} runs", p.returncode == 0, p.stderr)
        dirs.append(out)
    merged = os.path.join(tmp, "merged")
    p = merge(dirs, merged)
    check("merge: the shards merge", p.returncode == 0, p.stderr)
    r = json.load(open(os.path.join(merged, "report.json")))
    usage = per_article(r)["ok-l2"].get("usage", {})
    check("merge: per-article usage is kept", usage.get("completion_tokens") == 42, usage)
    check("merge: usage totals are recomputed", r["backends"][0].get("usage", {}).get("articles")
          == 7, r["backends"][0].get("usage"))
    with open(os.path.join(root, "b.txt"), "a") as f:
        f.write("Be brief.\n")
    other = os.path.join(tmp, "shard1-other-prompt")
    p = run(["--backend", "llm-b", "--no-cache", "--shard", "1/2", "--out", other], root)
    check("merge: a shard with another prompt runs", p.returncode == 0, p.stderr)
    p = merge([dirs[0], other], merged)
    check("merge: shards run with other prompts do not merge (exit 2)",
          p.returncode == 2 and "run with other settings or backends" in p.stderr,
          (p.returncode, p.stderr))


def llm_example(tmp, port):
    """examples/llm/ as shipped, with its endpoints moved to the test server."""
    root = os.path.join(tmp, "example")
    make_corpus(root, ["ok-x1", "fence-x1"], jsonl=True)
    with open(os.path.join(SOURCE, "examples", "llm", "factbench.json")) as f:
        config = json.load(f)
    for entry in config["backends"].values():
        entry["spec"] = f"llm:http://127.0.0.1:{port}/v1/chat/completions"
        entry["prompt"] = os.path.join(SOURCE, entry["prompt"])
        entry["headers"] = HEADERS
        entry["timeout"] = 10
    write_config(root, config["backends"])
    p = run(["--backend", "builtin", "--backend", "llama-cpp", "--backend", "ollama"], root)
    check("example: the run succeeds", p.returncode == 0, p.stderr)
    r = report(root)
    for b in r["backends"][1:]:
        check(f"example: {b['name']} fails no article", b["failed"] == 0, b["failures"])
    body = state(port)["bodies"].get("chat:ok-x1", {})
    check("example: the prompt shows the article", "Ana spoke about ok-x1" in
          body.get("messages", [{}])[-1].get("content", ""), body)


def no_secret_anywhere(tmp):
    leaks = []
    for dirpath, _, files in os.walk(tmp):
        for name in files:
            path = os.path.join(dirpath, name)
            with open(path, "rb") as f:
                if TOKEN.encode() in f.read():
                    leaks.append(path)
    check("secrets: the token is in no report, log or cache file", not leaks, leaks)
    check("secrets: nor in anything printed", not any(TOKEN in o for o in outputs))
    check("secrets: the cache was searched too", os.path.isdir(os.path.join(tmp, "http", "reports",
                                                                            "cache")))


def main():
    server = subprocess.Popen([sys.executable, SERVER, TOKEN], stdout=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline()
        port = int(line.split()[1])
        with tempfile.TemporaryDirectory() as tmp:
            root = http_faults(tmp, port)
            http_cache_and_secrets(tmp, port, root)
            http_concurrency(tmp, port)
            http_cannot_connect(tmp)
            http_bad_setup(tmp, port)
            http_interrupted(tmp, port)
            llm_root = llm_runs(tmp, port)
            llm_merged(tmp, llm_root)
            llm_example(tmp, port)
            no_secret_anywhere(tmp)
    finally:
        server.kill()
        server.wait()
    finish()


main()
