/*
 * builtin_map.c - a map from strings to ints for the built-in extractor.
 *
 * Open addressing with linear probing, grown to keep the load under a half;
 * keys are copied into one pool per map, so that a map costs a few
 * allocations however many keys it holds. The actor table keeps its names,
 * words and places in it.
 */
#include <stdlib.h>
#include <string.h>

#include "builtin_rules.h"
#include "xalloc.h"

static size_t map_hash(const char *s)
{
    size_t h = 1469598103934665603ull & SIZE_MAX;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * (size_t)1099511628211ull;
    return h;
}

static const char *slot_key(const struct builtin_map *m, const struct builtin_map_slot *s)
{
    return m->pool + s->key - 1;
}

static struct builtin_map_slot *map_slot(const struct builtin_map *m, const char *key)
{
    size_t mask = m->cap - 1, k = map_hash(key) & mask;
    while (m->slots[k].key && strcmp(slot_key(m, &m->slots[k]), key) != 0)
        k = (k + 1) & mask;
    return &m->slots[k];
}

int builtin_map_get(const struct builtin_map *m, const char *key)
{
    if (!m->cap)
        return -1;
    struct builtin_map_slot *s = map_slot(m, key);
    return s->key ? s->value : -1;
}

/* Doubles the slots; the keys stay where they are in the pool. */
static void map_grow(struct builtin_map *m)
{
    struct builtin_map_slot *old = m->slots;
    size_t old_cap = m->cap;
    m->cap = old_cap ? old_cap * 2 : 64;
    m->slots = xcalloc(m->cap, sizeof(*m->slots));
    for (size_t i = 0; i < old_cap; i++)
        if (old[i].key)
            *map_slot(m, slot_key(m, &old[i])) = old[i];
    free(old);
}

/* Copies key into the pool; its offset + 1, as a slot stores it. */
static size_t pool_add(struct builtin_map *m, const char *key)
{
    size_t n = strlen(key) + 1;
    XGROW(m->pool, m->pool_cap, m->pool_len + n);
    memcpy(m->pool + m->pool_len, key, n);
    m->pool_len += n;
    return m->pool_len - n + 1;
}

void builtin_map_put(struct builtin_map *m, const char *key, int value)
{
    if (2 * (m->n + 1) > m->cap)
        map_grow(m);
    struct builtin_map_slot *s = map_slot(m, key);
    if (!s->key) {
        s->key = pool_add(m, key);
        m->n++;
    }
    s->value = value;
}

void builtin_map_release(struct builtin_map *m)
{
    free(m->slots);
    free(m->pool);
    memset(m, 0, sizeof(*m));
}
