#include "stats.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* ---- random numbers ----------------------------------------------------- */

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

void rng_seed(struct rng *r, uint64_t seed)
{
    for (int i = 0; i < 4; i++)
        r->s[i] = splitmix64(&seed);
}

static uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

uint64_t rng_next(struct rng *r)
{
    uint64_t *s = r->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

uint64_t rng_below(struct rng *r, uint64_t n)
{
    /* the high word of x * n (Lemire), rejecting the few x that would bias it: no division */
    unsigned __int128 m = (unsigned __int128)rng_next(r) * n;
    if ((uint64_t)m < n) {
        uint64_t threshold = -n % n; /* 2^64 mod n */
        while ((uint64_t)m < threshold)
            m = (unsigned __int128)rng_next(r) * n;
    }
    return (uint64_t)(m >> 64);
}

double rng_uniform(struct rng *r)
{
    return (double)(rng_next(r) >> 11) * 0x1.0p-53;
}

/* ---- reading counts ------------------------------------------------------ */

#define CHUNK 4096 /* articles a bootstrap holds at once */
#define BLOCK 64   /* articles a shuffle swaps with one random word */
#define GROUP 8    /* articles whose 256 subsets one table holds */

static size_t read_array(void *ctx, struct prf *rows, size_t max)
{
    struct stats_array *a = ctx;
    size_t n = a->n - a->at < max ? a->n - a->at : max;
    if (n)
        memcpy(rows, &a->counts[a->at * a->k], n * a->k * sizeof(*rows));
    a->at += n;
    return n;
}

struct stats_source stats_array_source(struct stats_array *a, const struct prf *counts, size_t n,
                                       size_t k)
{
    *a = (struct stats_array){counts, k, 0, n};
    return (struct stats_source){n, k, read_array, a};
}

/* Each set's width in the loops: TP, then FP + FN; rows are padded to a multiple of four. */
static size_t width(size_t k)
{
    return (2 * k + 3) / 4 * 4;
}

/*
 * Reads exactly `want` articles of src into out as (TP, FP + FN) pairs, w
 * numbers per article, padding with zeros; scratch holds want * k sets.
 */
static void read_pairs(const struct stats_source *src, struct prf *scratch, int64_t *out,
                       size_t want, size_t w)
{
    size_t got = 0, k = src->k;
    while (got < want) {
        size_t n = src->read(src->ctx, &scratch[got * k], want - got);
        if (!n)
            break;
        got += n;
    }
    memset(out, 0, want * w * sizeof(*out));
    for (size_t i = 0; i < got; i++)
        for (size_t j = 0; j < k; j++) {
            out[i * w + 2 * j] = scratch[i * k + j].tp;
            out[i * w + 2 * j + 1] = scratch[i * k + j].fp + scratch[i * k + j].fn;
        }
}

/* sum += row, w numbers (a multiple of four, so that the compiler pairs them up) */
static void add_row(int64_t *restrict sum, const int64_t *restrict row, size_t w)
{
    for (size_t t = 0; t < w; t += 4) {
        sum[t] += row[t];
        sum[t + 1] += row[t + 1];
        sum[t + 2] += row[t + 2];
        sum[t + 3] += row[t + 3];
    }
}

/* F1 from TP and FP + FN, as prf_f1() computes it. */
static double f1_of(int64_t tp, int64_t errors)
{
    if (!tp)
        return errors ? 0.0 : 1.0;
    return 2.0 * (double)tp / (double)(2 * tp + errors);
}

/* ---- bootstrap ---------------------------------------------------------- */

static int compare_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

void stats_bootstrap_f1(const struct stats_source *src, unsigned resamples, uint64_t seed,
                        double (*ci)[2])
{
    size_t n = src->n, k = src->k, w = width(k), chunks = (n + CHUNK - 1) / CHUNK;
    size_t B = n ? resamples : 0;
    struct rng r;
    rng_seed(&r, seed);
    /* how many of each resample's n draws land in each chunk */
    uint32_t *hits = xcalloc(B * chunks + 1, sizeof(*hits));
    for (size_t b = 0; b < B; b++)
        for (size_t i = 0; i < n; i++)
            hits[b * chunks + rng_below(&r, n) / CHUNK]++;
    int64_t *sums = xcalloc((B + 1) * w, sizeof(*sums)); /* row B: every article once */
    struct prf *scratch = xcalloc(CHUNK * k + 1, sizeof(*scratch));
    int64_t *rows = xcalloc(CHUNK * w, sizeof(*rows));
    for (size_t c = 0; c < chunks; c++) {
        size_t len = n - c * CHUNK < CHUNK ? n - c * CHUNK : CHUNK;
        read_pairs(src, scratch, rows, len, w);
        for (size_t i = 0; i < len; i++)
            add_row(&sums[B * w], &rows[i * w], w);
        for (size_t b = 0; b < B; b++)
            for (uint32_t h = hits[b * chunks + c]; h; h--)
                add_row(&sums[b * w], &rows[rng_below(&r, len) * w], w);
    }
    double *f1 = xcalloc(B * k + 1, sizeof(*f1)); /* set-major */
    for (size_t j = 0; j < k; j++) {
        double whole = f1_of(sums[B * w + 2 * j], sums[B * w + 2 * j + 1]);
        ci[j][0] = ci[j][1] = whole;
        for (size_t b = 0; b < B; b++)
            f1[j * B + b] = f1_of(sums[b * w + 2 * j], sums[b * w + 2 * j + 1]);
    }
    size_t lo = (size_t)ceil(0.025 * (double)B), hi = (size_t)ceil(0.975 * (double)B);
    for (size_t j = 0; B && j < k; j++) {
        double *v = &f1[j * B];
        qsort(v, B, sizeof(*v), compare_double);
        ci[j][0] = v[(lo ? lo : 1) - 1];
        ci[j][1] = v[hi - 1];
    }
    free(f1);
    free(rows);
    free(scratch);
    free(sums);
    free(hits);
}

/* ---- approximate randomisation ----------------------------------------- */

/*
 * table[g][s] = the sum of d over the articles of group g in subset s (bit
 * i: article GROUP * g + i), built one article at a time from the subset
 * without its lowest one.
 */
static void subset_sums(const int64_t *d, int64_t *table, size_t w)
{
    for (size_t g = 0; g < BLOCK / GROUP; g++) {
        int64_t *t = &table[g * 256 * w];
        memset(t, 0, w * sizeof(*t));
        for (unsigned s = 1; s < 256; s++) {
            unsigned low = (unsigned)__builtin_ctz(s);
            memcpy(&t[s * w], &t[(s & (s - 1)) * w], w * sizeof(*t));
            add_row(&t[s * w], &d[(g * GROUP + low) * w], w);
        }
    }
}

void stats_permutation_test(const struct stats_source *a, const struct stats_source *b,
                            unsigned shuffles, uint64_t seed, double *delta, double *p)
{
    size_t n = a->n, k = a->k, w = width(k);
    int64_t *moved =
        xcalloc((size_t)shuffles * w + 1, sizeof(*moved)); /* per round: swapped b - a */
    int64_t *table = xcalloc(BLOCK / GROUP * 256 * w, sizeof(*table));
    int64_t *ra = xcalloc(BLOCK * w, sizeof(*ra)), *rb = xcalloc(BLOCK * w, sizeof(*rb));
    int64_t *sa = xcalloc(w, sizeof(*sa)), *sb = xcalloc(w, sizeof(*sb));
    struct prf *scratch = xcalloc(BLOCK * k + 1, sizeof(*scratch));
    struct rng r;
    rng_seed(&r, seed);
    for (size_t at = 0; at < n; at += BLOCK) {
        size_t len = n - at < BLOCK ? n - at : BLOCK;
        read_pairs(a, scratch, ra, BLOCK, w); /* past len: zeros, which swap nothing */
        read_pairs(b, scratch, rb, BLOCK, w);
        for (size_t i = 0; i < len; i++) {
            add_row(sa, &ra[i * w], w);
            add_row(sb, &rb[i * w], w);
            for (size_t t = 0; t < w; t++)
                rb[i * w + t] -= ra[i * w + t]; /* rb becomes d = b - a */
        }
        subset_sums(rb, table, w);
        for (unsigned s = 0; s < shuffles; s++) {
            uint64_t bits = rng_next(&r);
            for (size_t g = 0; g < BLOCK / GROUP; g++, bits >>= GROUP)
                add_row(&moved[s * w], &table[(g * 256 + (bits & 255)) * w], w);
        }
    }
    unsigned long *reached = xcalloc(k, sizeof(*reached));
    for (size_t j = 0; j < k; j++) {
        int64_t tpa = sa[2 * j], ea = sa[2 * j + 1], tpb = sb[2 * j], eb = sb[2 * j + 1];
        delta[j] = f1_of(tpa, ea) - f1_of(tpb, eb);
        double observed = fabs(delta[j]);
        for (unsigned s = 0; s < shuffles; s++) {
            int64_t dtp = moved[s * w + 2 * j], de = moved[s * w + 2 * j + 1];
            double x = f1_of(tpa + dtp, ea + de) - f1_of(tpb - dtp, eb - de);
            /* a margin for rounding: a tie with the observed difference counts */
            reached[j] += fabs(x) >= observed - 1e-12;
        }
        p[j] = (double)(reached[j] + 1) / (double)(shuffles + 1);
    }
    free(reached);
    free(scratch);
    free(sa);
    free(sb);
    free(ra);
    free(rb);
    free(table);
    free(moved);
}
