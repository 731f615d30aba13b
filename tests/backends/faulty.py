#!/usr/bin/env python3
"""A backend that misbehaves on purpose, for factbench's fault tests.

What it does for an article depends on the article id's first word
(before the first '-'):
  ok       answers a prediction with one actor, "Ana"
  error    answers {"article": id, "error": "..."}
  crash    dies with SIGSEGV
  exit     exits with status 3 (exec mode: after printing a valid answer)
  hang     sleeps forever without answering
  garbage  prints a line that is not JSON
  huge     prints one line of 20 MB
  partial  prints half a line, then exits
  badutf8  prints a line with invalid UTF-8
  close    closes its stdout, then sleeps
  child    leaves a grandchild behind (sleeping, its output elsewhere), then answers
  slow     sleeps 0.3 s, then answers
  sleep20  sleeps 20 ms, then answers (for benchmarks)
  stopper  the first time (no file <this script>.stopped yet): kills factbench
           with SIGKILL; afterwards answers
  stopint  the same with SIGINT, using <this script>.interrupted
Modes: `faulty.py` is a jsonl worker (a request line in, a response line
out); `faulty.py --exec` answers one request read from stdin.
"""
import json
import os
import signal
import subprocess
import sys
import time


def answer(req, out):
    article = req["article"]
    kind = article.split("-")[0]
    ok = json.dumps({"article": article, "actors": [{"name": "Ana"}]}) + "\n"
    if kind == "error":
        out.write(json.dumps({"article": article, "error": "cannot handle this"}) + "\n")
    elif kind == "crash":
        os.kill(os.getpid(), signal.SIGSEGV)
    elif kind == "exit":
        if "--exec" in sys.argv:
            out.write(ok)
            out.flush()
        sys.exit(3)
    elif kind == "hang":
        time.sleep(3600)
    elif kind == "garbage":
        out.write("this is not json\n")
    elif kind == "huge":
        out.write('{"article": "' + "x" * (20 << 20) + '"}\n')
    elif kind == "partial":
        out.write(ok[: len(ok) // 2])
        out.flush()
        sys.exit(0)
    elif kind == "badutf8":
        out.flush()
        sys.stdout.buffer.write(b'{"article": "\xff\xfe"}\n')
        sys.stdout.buffer.flush()
    elif kind == "close":
        out.flush()
        os.close(1)
        time.sleep(3600)
    elif kind == "child":
        subprocess.Popen([sys.executable, __file__, "--linger"], stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        out.write(ok)
    elif kind == "slow":
        time.sleep(0.3)
        out.write(ok)
    elif kind in ("stopper", "stopint"):
        marker = __file__ + (".stopped" if kind == "stopper" else ".interrupted")
        if not os.path.exists(marker):
            open(marker, "w").close()
            os.kill(os.getppid(), signal.SIGKILL if kind == "stopper" else signal.SIGINT)
            time.sleep(3600)
        out.write(ok)
    elif kind == "sleep20":
        time.sleep(0.02)
        out.write(ok)
    else:
        out.write(ok)
    out.flush()


def main():
    if "--linger" in sys.argv:
        time.sleep(3600)
        return
    if "--exec" in sys.argv:
        answer(json.loads(sys.stdin.read()), sys.stdout)
        return
    for line in sys.stdin:
        answer(json.loads(line), sys.stdout)


if __name__ == "__main__":
    main()
