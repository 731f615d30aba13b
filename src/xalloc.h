/*
 * xalloc.h - allocation that never returns NULL.
 *
 * Out of memory is not a condition factbench can recover from, so every
 * allocation goes through these wrappers, which print a message and abort.
 * Memory they return is freed with free().
 */
#ifndef FB_XALLOC_H
#define FB_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
/* Like realloc(); aborts instead of returning NULL. */
void *xrealloc(void *ptr, size_t size);
/* Resizes an array of count elements of size bytes, checking the product for overflow. */
void *xreallocarray(void *ptr, size_t count, size_t size);
char *xstrdup(const char *s);
/* Copies n bytes of s and adds a terminating NUL. */
char *xstrndup(const char *s, size_t n);

/* Grows an array in place so that it can hold at least `need` elements. */
#define XGROW(ptr, cap, need)                                                                      \
    do {                                                                                           \
        if ((need) > (cap)) {                                                                      \
            size_t xgrow_cap_ = (cap) ? (cap) : 8;                                                 \
            while (xgrow_cap_ < (need))                                                            \
                xgrow_cap_ *= 2;                                                                   \
            (ptr) = xreallocarray((ptr), xgrow_cap_, sizeof(*(ptr)));                              \
            (cap) = xgrow_cap_;                                                                    \
        }                                                                                          \
    } while (0)

#endif
