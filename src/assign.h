/*
 * assign.h - optimal one-to-one assignment (the Hungarian method).
 */
#ifndef FB_ASSIGN_H
#define FB_ASSIGN_H

#include <stddef.h>
#include <stdint.h>

/*
 * Pairs rows with columns one to one so that the sum of the weights of the
 * pairs is as large as possible. w holds rows x cols weights, row-major,
 * each >= 0; a weight of 0 means the pair is not allowed. On return
 * match[r] is the column paired with row r, or -1. O(n^3) time for
 * n = max(rows, cols); the caller keeps the sum of weights within int64_t.
 * Deterministic: the same matrix always gives the same pairs.
 */
void assign_max(const int64_t *w, size_t rows, size_t cols, long *match);

#endif
