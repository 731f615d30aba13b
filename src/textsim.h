/*
 * textsim.h - how alike two claim texts are: F1 over word tokens.
 *
 * A text becomes a multiset of tokens: name_fold() (NFKC, case folding,
 * everything but letters and digits as blanks), split at blanks, with the
 * stop words of docs/SCORING.md removed. When a side has no token left
 * after removing stop words, both sides keep all their tokens instead, so
 * short texts made only of stop words still compare.
 *
 * Similarity = 2c / (|a| + |b|), where c is the size of the multiset
 * intersection: the F1 of one side's tokens against the other's.
 */
#ifndef FB_TEXTSIM_H
#define FB_TEXTSIM_H

#include <stdbool.h>
#include <stddef.h>

/* A text's tokens, sorted, with and without stop words. */
struct tokens {
    char *storage;    /* the folded text; the token pointers point into it */
    const char **all; /* every token, sorted */
    size_t n_all;
    const char **content; /* the tokens that are not stop words, sorted */
    size_t n_content;
};

/* Tokenises text (UTF-8; invalid bytes give no tokens). Release with tokens_release(). */
void tokens_init(struct tokens *t, const char *text);
void tokens_release(struct tokens *t);

/* The similarity of two tokenised texts, in [0, 1]; 0 when either has no token. */
double textsim_f1(const struct tokens *a, const struct tokens *b);

/* Whether a folded token is a stop word. */
bool textsim_is_stop_word(const char *token);

#endif
