#include "metrics.h"

static int nothing(struct prf c)
{
    return c.tp == 0 && c.fp == 0 && c.fn == 0;
}

double prf_precision(struct prf c)
{
    if (nothing(c))
        return 1.0;
    return c.tp + c.fp ? (double)c.tp / (double)(c.tp + c.fp) : 0.0;
}

double prf_recall(struct prf c)
{
    if (nothing(c))
        return 1.0;
    return c.tp + c.fn ? (double)c.tp / (double)(c.tp + c.fn) : 0.0;
}

double prf_f1(struct prf c)
{
    if (nothing(c))
        return 1.0;
    return c.tp ? 2.0 * (double)c.tp / (double)(2 * c.tp + c.fp + c.fn) : 0.0;
}
