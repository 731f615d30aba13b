/*
 * text.h - positions and encoding checks on byte strings.
 */
#ifndef FB_TEXT_H
#define FB_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* A 1-based line and column; columns count characters, not bytes. */
struct text_pos {
    size_t line;
    size_t col;
};

/* The line and column of byte `offset` in text[0..len). */
struct text_pos text_pos_of(const char *text, size_t len, size_t offset);

/*
 * Checks that text[0..len) is valid UTF-8 without NUL characters. Returns
 * true when it is; otherwise stores the offset of the first bad byte in
 * *bad (when bad is not NULL) and returns false.
 */
bool text_valid_utf8(const char *text, size_t len, size_t *bad);

/* Whether needle[0..nlen) occurs in hay[0..hlen). An empty needle never occurs. */
bool text_contains(const char *hay, size_t hlen, const char *needle, size_t nlen);

#endif
