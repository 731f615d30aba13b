/*
 * pool.h - a parallel for over a fixed set of threads.
 *
 * pool_for() runs fn(ctx, i) for every i in [0, n), spread over the pool's
 * threads and the caller's, and returns when all are done. Which thread
 * runs which i is not fixed, so fn must touch only what belongs to i (and
 * what no one writes); results are put in order by the caller afterwards.
 * A pool of one thread runs everything in the caller, in order. The pool's
 * own threads block every signal.
 */
#ifndef FB_POOL_H
#define FB_POOL_H

#include <stddef.h>

struct pool;

/* A pool of `threads` (the caller's included; 0 means one per online CPU, at most 16). */
struct pool *pool_new(unsigned threads);
unsigned pool_threads(const struct pool *p);
void pool_for(struct pool *p, size_t n, void (*fn)(void *ctx, size_t i), void *ctx);
void pool_free(struct pool *p);

#endif
