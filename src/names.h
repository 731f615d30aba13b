/*
 * names.h - the normal form in which names are compared (SPEC section 4).
 *
 * In order: Unicode NFKC and case folding (utf8proc); every character that is
 * not a letter or digit becomes a blank (combining marks stay with their
 * letter, so scripts that keep marks apart are not cut into pieces); blanks
 * collapse and are trimmed; leading honorific tokens (mr, mrs, dr, prof,
 * sir ...) are dropped, never the last token. "“Dr. Okafor”", "dr okafor" and
 * "Okafor" all give "okafor".
 */
#ifndef FB_NAMES_H
#define FB_NAMES_H

#include <stdbool.h>
#include <stddef.h>

/*
 * The normal form of s[0..len) as a new string the caller frees, or NULL when
 * s is not valid UTF-8. A name of only punctuation gives "".
 */
char *name_normalize(const char *s, size_t len);

/*
 * The first steps of normalisation, without dropping honorifics: NFKC, case
 * folding, blanks for everything but letters and digits, blanks collapsed.
 * Also the tokeniser of claim texts. A new string the caller frees, or NULL
 * when s is not valid UTF-8.
 */
char *name_fold(const char *s, size_t len);

/* Whether a normalised token is an honorific that normalisation drops. */
bool name_is_honorific(const char *token, size_t len);

#endif
