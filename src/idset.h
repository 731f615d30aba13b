/*
 * idset.h - a set of article ids, kept as 64-bit xxHash (XXH3) digests.
 *
 * Eight bytes an id whatever its length, so that a run over a million
 * articles can tell which ids it has seen without keeping their text. Two
 * different ids share a digest with a probability near 2^-64 per pair,
 * which the set accepts.
 */
#ifndef FB_IDSET_H
#define FB_IDSET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct idset {
    uint64_t *slots; /* 0 marks an empty slot; a digest of 0 is stored as 1 */
    size_t cap, count;
};

void idset_init(struct idset *s);
void idset_release(struct idset *s);
/* Adds id; returns false when it was already there. */
bool idset_add(struct idset *s, const char *id);
bool idset_has(const struct idset *s, const char *id);

#endif
