/*
 * builtin_map.c - a map from strings to ints for the built-in extractor.
 *
 * Open addressing with linear probing, grown to keep the load under a half;
 * keys are copied. The actor table keeps its names, words and places in it.
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

static struct builtin_map_slot *map_slot(const struct builtin_map *m, const char *key)
{
    size_t mask = m->cap - 1, k = map_hash(key) & mask;
    while (m->slots[k].key && strcmp(m->slots[k].key, key) != 0)
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

static void map_grow(struct builtin_map *m)
{
    struct builtin_map old = *m;
    m->cap = old.cap ? old.cap * 2 : 64;
    m->n = 0;
    m->slots = xcalloc(m->cap, sizeof(*m->slots));
    for (size_t i = 0; i < old.cap; i++)
        if (old.slots[i].key) {
            builtin_map_put(m, old.slots[i].key, old.slots[i].value);
            free(old.slots[i].key);
        }
    free(old.slots);
}

void builtin_map_put(struct builtin_map *m, const char *key, int value)
{
    if (2 * (m->n + 1) > m->cap)
        map_grow(m);
    struct builtin_map_slot *s = map_slot(m, key);
    if (!s->key) {
        s->key = xstrdup(key);
        m->n++;
    }
    s->value = value;
}

void builtin_map_release(struct builtin_map *m)
{
    for (size_t i = 0; i < m->cap; i++)
        free(m->slots[i].key);
    free(m->slots);
}
