/*
 * buf.h - the growable byte buffer every writer shares.
 *
 * A struct buf always holds a NUL-terminated string in `data` (also when it
 * contains NUL bytes of its own; `len` is authoritative). Initialise with
 * BUF_INIT or buf_init(); buf_release() frees the memory and leaves an empty
 * buffer that can be used again.
 */
#ifndef FB_BUF_H
#define FB_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
    char *data;
    size_t len;
    size_t cap;
};

extern char buf_empty_[];
#define BUF_INIT                                                                                   \
    {                                                                                              \
        buf_empty_, 0, 0                                                                           \
    }

void buf_init(struct buf *b);
/* Frees the memory; the buffer is empty and usable afterwards. */
void buf_release(struct buf *b);
/* Returns the string and leaves the buffer empty; the caller frees the result. */
char *buf_detach(struct buf *b, size_t *len);
/* Makes room for at least `extra` more bytes. */
void buf_grow(struct buf *b, size_t extra);
void buf_reset(struct buf *b);
void buf_truncate(struct buf *b, size_t len);
void buf_add(struct buf *b, const void *data, size_t len);
void buf_adds(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
void buf_addf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vaddf(struct buf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));

#endif
