/*
 * synth.h - synthetic corpora whose scores are known in advance.
 *
 * `factbench synth` writes articles, gold and predictions in which every
 * gold item of a prediction is, at random with the given rates, dropped,
 * perturbed (so that it matches leniently and not strictly) or kept, and
 * spurious items are added. Items are made so that none can match any but
 * its own, so the scorer must find exactly the counts the generator made,
 * and precision and recall have a closed form in the rates (docs/SCORING.md):
 *
 *   strict:  R = (1-d)(1-q)   P = (1-d)(1-q) / ((1-d) + a)
 *   lenient: R = 1-d          P = (1-d) / ((1-d) + a)
 *
 * for drop rate d, perturb rate q and add rate a (spurious items per gold
 * item). Deterministic: a seed gives the same files byte for byte.
 */
#ifndef FB_SYNTH_H
#define FB_SYNTH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "result.h"

struct synth_options {
    size_t articles;
    uint64_t seed;
    double drop;    /* share of gold items the prediction leaves out */
    double perturb; /* share of the kept items changed so they match only leniently */
    double add;     /* spurious predicted items per gold item */
    bool jsonl;     /* the corpus as one corpus.jsonl instead of one .txt per article */
};

/*
 * Writes out_dir/corpus (or corpus.jsonl), out_dir/gold, out_dir/pred and
 * out_dir/expected.json (the exact counts made, and the closed-form
 * scores). FB_ERUNTIME (reported) when a file cannot be written.
 */
fb_result synth_write(const struct synth_options *o, const char *out_dir, struct diag *d);

#endif
