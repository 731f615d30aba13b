#include "idset.h"

#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "xalloc.h"

void idset_init(struct idset *s)
{
    s->slots = NULL;
    s->cap = s->count = 0;
}

void idset_release(struct idset *s)
{
    free(s->slots);
    idset_init(s);
}

static uint64_t digest(const char *id)
{
    uint64_t h = XXH3_64bits(id, strlen(id));
    return h ? h : 1;
}

/* The slot holding h, or the empty slot where it would go. */
static size_t find(const struct idset *s, uint64_t h)
{
    size_t mask = s->cap - 1, i = (size_t)h & mask;
    while (s->slots[i] && s->slots[i] != h)
        i = (i + 1) & mask;
    return i;
}

static void grow(struct idset *s)
{
    struct idset bigger = {xcalloc(s->cap ? s->cap * 2 : 64, sizeof(uint64_t)),
                           s->cap ? s->cap * 2 : 64, s->count};
    for (size_t i = 0; i < s->cap; i++)
        if (s->slots[i])
            bigger.slots[find(&bigger, s->slots[i])] = s->slots[i];
    free(s->slots);
    *s = bigger;
}

bool idset_add(struct idset *s, const char *id)
{
    if ((s->count + 1) * 2 > s->cap)
        grow(s);
    uint64_t h = digest(id);
    size_t i = find(s, h);
    if (s->slots[i])
        return false;
    s->slots[i] = h;
    s->count++;
    return true;
}

bool idset_has(const struct idset *s, const char *id)
{
    return s->cap && s->slots[find(s, digest(id))] != 0;
}
