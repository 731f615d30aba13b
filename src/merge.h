/*
 * merge.h - joining the reports of a sharded run into the report of the whole.
 *
 * Shards are runs over disjoint parts of one corpus (`run --shard K/N`).
 * Each keeps the per-article counts and every article's position in the
 * corpus, so the merged report puts the articles back in corpus order and
 * recomputes every number from them: it equals the unsharded run's report
 * in every number, intervals and p-values included.
 */
#ifndef FB_MERGE_H
#define FB_MERGE_H

#include <stddef.h>

#include "diag.h"
#include "eval.h"
#include "result.h"

/*
 * Reads the report.json of each of the n shard directories and merges them
 * into e (release with eval_release()). Refuses, with FB_EINPUT and a clear
 * message, reports that are not shards, shards of different corpora or
 * settings, of different shard counts, the same shard twice, or a set that
 * misses a shard.
 */
fb_result merge_shards(const char *const *dirs, size_t n, struct eval *e, struct diag *d);

#endif
