/*
 * compare.h - two saved reports side by side (`factbench compare`).
 */
#ifndef FB_COMPARE_H
#define FB_COMPARE_H

#include <stdio.h>

#include "eval.h"

/* Articles listed as changed most, at most. */
#define COMPARE_TOP_ARTICLES 10

/*
 * Prints, as Markdown, the comparison of report a with report b: backends
 * paired by name (or the only backend of each), per mode and score the F1
 * of each and the difference, the paired approximate randomisation test
 * over the articles both scored (b's settings: permutations and seed), and
 * the articles whose overall F1 changed most. Returns the number of pairs.
 */
size_t compare_print(const struct eval *a, const char *name_a, const struct eval *b,
                     const char *name_b, FILE *out);

#endif
