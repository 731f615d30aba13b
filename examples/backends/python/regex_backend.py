#!/usr/bin/env python3
"""A factbench `jsonl` backend in plain Python (standard library only).

It reads one request per line on stdin and writes one prediction per line
on stdout (factbench SPEC section 5). Its rules are deliberately few: a
baseline to compare richer extractors with, and a template for your own.

    factbench run --backend "jsonl:python3 examples/backends/python/regex_backend.py"
"""
import datetime
import json
import re
import sys

NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
KINDS = [
    (r"killed|dead|died|deaths", "killed"),
    (r"injured|wounded|hurt", "injured"),
    (r"arrested|detained", "arrested"),
    (r"missing", "missing"),
    (r"evacuated", "evacuated"),
    (r"in hospital|hospitali[sz]ed", "hospitalized"),
]
COUNT = re.compile(
    r"\b(at least |more than |about |nearly )?(\d[\d,]*|" + "|".join(NUMBER_WORDS) + r")\b"
    r"(?:\s+\w+){0,3}?\s+(?:people\s+|were\s+|have been\s+|had been\s+)*(" +
    "|".join(k for k, _ in KINDS) + r")", re.IGNORECASE)
NAME = re.compile(r"\b(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?([A-Z][a-z]+(?:\s+[A-Z][a-z]+)+)")
SAID = re.compile(r"[\"“]([^\"”]{10,})[,.]?[\"”],?\s+([A-Z][\w.]*(?:\s+[A-Z]\w+)*)\s+said")
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
SKIP = {"The", "In", "On", "At", "It", "He", "She", "They", "But", "A"}


def value_of(token):
    token = token.lower().replace(",", "")
    return NUMBER_WORDS[token] if token in NUMBER_WORDS else int(token)


def extract(req):
    text = req["text"]
    published = req.get("published")
    counts, seen = [], set()
    for m in COUNT.finditer(text):
        kind = next(k for p, k in KINDS if re.fullmatch(p, m.group(3), re.IGNORECASE))
        value = value_of(m.group(2))
        if 1900 <= value <= 2100 or (kind, value) in seen:
            continue
        seen.add((kind, value))
        item = {"what": kind, "value": value}
        if m.group(1):
            item["qualifier"] = "about" if m.group(1).lower().startswith(("about", "nearly")) else "at_least"
        counts.append(item)
    actors = []
    for m in NAME.finditer(text):
        name = m.group(1)
        if name.split()[0] not in SKIP and all(a["name"] != name for a in actors):
            actors.append({"name": name, "type": "person"})
    dates = []
    if published:
        dates.append({"what": "published", "value": published})
        day = datetime.date.fromisoformat(published)
        for m in re.finditer(r"\b(?:on|last)\s+(" + "|".join(WEEKDAYS) + r")\b", text, re.I):
            back = (day.weekday() - WEEKDAYS.index(m.group(1).lower())) % 7 or 7
            value = (day - datetime.timedelta(days=back)).isoformat()
            if all(d["value"] != value for d in dates):
                dates.append({"what": "event", "value": value})
    claims = [{"claimant": m.group(2), "kind": "statement", "text": m.group(1)}
              for m in SAID.finditer(text)]
    return {"article": req["article"], "actors": actors, "counts": counts,
            "dates": dates, "claims": claims}


def main():
    for line in sys.stdin:
        req = json.loads(line)
        try:
            answer = extract(req)
        except Exception as e:  # one bad article must not stop the worker
            answer = {"article": req.get("article"), "error": str(e)}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
