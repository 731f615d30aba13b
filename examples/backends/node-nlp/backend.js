#!/usr/bin/env node
// A factbench `jsonl` backend built on two NLP packages: compromise finds
// people, organisations and numbers with the words around them; chrono-node
// resolves dates, relative ones against the publication date. One request
// line in, one prediction line out (the protocol of factbench's SPEC §5).
'use strict';

const readline = require('readline');
const nlp = require('compromise');
const chrono = require('chrono-node');

// Words that tie a number to a count kind of factbench's vocabulary.
const COUNT_WORDS = [
  [/\b(killed|dead|died|deaths|death toll|fatalities)\b/i, 'killed'],
  [/\b(injured|wounded|hurt)\b/i, 'injured'],
  [/\b(in hospital|hospitali[sz]ed|admitted)\b/i, 'hospitalized'],
  [/\b(arrested|detained|in custody)\b/i, 'arrested'],
  [/\b(missing)\b/i, 'missing'],
  [/\b(evacuated)\b/i, 'evacuated'],
  [/\b(displaced|homeless)\b/i, 'displaced'],
];

function actors(doc) {
  const seen = new Map();
  const add = (name, type) => {
    const clean = name.replace(/[^\p{L}\p{N}'’ .-]/gu, '').trim();
    if (clean.length > 1 && !seen.has(clean.toLowerCase())) {
      seen.set(clean.toLowerCase(), { name: clean, type });
    }
  };
  doc.people().forEach((p) => add(p.text('normal') === '' ? p.text() : p.text(), 'person'));
  doc.organizations().forEach((o) => add(o.text(), 'organization'));
  return [...seen.values()];
}

function counts(doc) {
  const out = [];
  doc.sentences().forEach((s) => {
    const text = s.text();
    for (const [pattern, what] of COUNT_WORDS) {
      if (!pattern.test(text)) continue;
      const values = s.numbers().get();
      if (values.length > 0 && Number.isInteger(values[0]) && values[0] >= 0 &&
          values[0] < 1e7 && values[0] < 1900) {
        out.push({ what, value: values[0] });
        break;
      }
    }
  });
  return out;
}

function iso(d) {
  return d.toISOString().slice(0, 10);
}

function dates(text, published) {
  const out = [];
  if (published) out.push({ what: 'published', value: published });
  const ref = published ? new Date(published + 'T12:00:00Z') : new Date();
  const seen = new Set(out.map((d) => d.value));
  for (const r of chrono.parse(text, { instant: ref, timezone: 'UTC' }, { forwardDate: false })) {
    if (!r.start.isCertain('day') && !r.start.isCertain('weekday')) continue;
    const value = iso(r.start.date());
    if (!seen.has(value)) {
      seen.add(value);
      out.push({ what: 'event', value });
    }
  }
  return out;
}

function claims(doc, people) {
  const out = [];
  doc.sentences().forEach((s) => {
    const text = s.text();
    const m = text.match(/^(.*?),?["”]?\s+(?:said|told)\b/) || text.match(/\bsaid:?\s+["“](.+)["”]/);
    if (!m) return;
    const speaker = people.find((p) => text.includes(p.name));
    if (speaker) out.push({ claimant: speaker.name, kind: 'statement', text: m[1].replace(/["“”]/g, '') });
  });
  return out;
}

function extract(req) {
  const body = req.text.replace(/^\s*date \d{4}-\d{2}-\d{2}[^\n]*\n/, '');
  const doc = nlp(body);
  const found = actors(doc);
  return {
    article: req.article,
    actors: found,
    counts: counts(doc),
    dates: dates(body, req.published),
    claims: claims(doc, found.filter((a) => a.type === 'person')),
  };
}

const rl = readline.createInterface({ input: process.stdin, terminal: false });
rl.on('line', (line) => {
  let answer;
  try {
    const req = JSON.parse(line);
    try {
      answer = extract(req);
    } catch (e) {
      answer = { article: req.article, error: String(e.message || e) };
    }
  } catch (e) {
    answer = { article: null, error: 'request is not JSON' };
  }
  process.stdout.write(JSON.stringify(answer) + '\n');
});
