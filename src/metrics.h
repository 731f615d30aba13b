/*
 * metrics.h - precision, recall and F1 from true/false positive counts.
 */
#ifndef FB_METRICS_H
#define FB_METRICS_H

#include <stdint.h>

struct prf {
    int64_t tp, fp, fn;
};

static inline void prf_add(struct prf *sum, struct prf x)
{
    sum->tp += x.tp;
    sum->fp += x.fp;
    sum->fn += x.fn;
}

/*
 * SPEC section 4: P = TP/(TP+FP), R = TP/(TP+FN), F1 = 2PR/(P+R); a zero
 * denominator gives 0, except that P = R = F1 = 1 when there is nothing at
 * all (no gold, no prediction). F1 is computed as 2TP/(2TP+FP+FN), the same
 * number without the rounding of P and R.
 */
double prf_precision(struct prf c);
double prf_recall(struct prf c);
double prf_f1(struct prf c);

#endif
