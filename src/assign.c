#include "assign.h"

#include <stdbool.h>
#include <stdlib.h>

#include "xalloc.h"

/*
 * The potentials form of the Hungarian method for a square n x n cost
 * matrix (cost = -weight, so that minimum cost is maximum weight). Rows and
 * columns are numbered from 1; column 0 and row 0 are the sentinels the
 * method starts its augmenting paths from.
 */
void assign_max(const int64_t *w, size_t rows, size_t cols, long *match)
{
    size_t n = rows > cols ? rows : cols;
    for (size_t r = 0; r < rows; r++)
        match[r] = -1;
    if (!rows || !cols)
        return;
    int64_t *u = xcalloc(n + 1, sizeof(*u)), *v = xcalloc(n + 1, sizeof(*v));
    int64_t *minv = xcalloc(n + 1, sizeof(*minv));
    size_t *p = xcalloc(n + 1, sizeof(*p)), *way = xcalloc(n + 1, sizeof(*way));
    bool *used = xcalloc(n + 1, sizeof(*used));

    for (size_t i = 1; i <= n; i++) {
        p[0] = i;
        size_t j0 = 0;
        for (size_t j = 0; j <= n; j++) {
            minv[j] = INT64_MAX;
            used[j] = false;
        }
        do {
            used[j0] = true;
            size_t i0 = p[j0], j1 = 0;
            int64_t delta = INT64_MAX;
            for (size_t j = 1; j <= n; j++) {
                if (used[j])
                    continue;
                int64_t weight = i0 <= rows && j <= cols ? w[(i0 - 1) * cols + (j - 1)] : 0;
                int64_t cur = -weight - u[i0] - v[j];
                if (cur < minv[j]) {
                    minv[j] = cur;
                    way[j] = j0;
                }
                if (minv[j] < delta) {
                    delta = minv[j];
                    j1 = j;
                }
            }
            for (size_t j = 0; j <= n; j++) {
                if (used[j]) {
                    u[p[j]] += delta;
                    v[j] -= delta;
                } else {
                    minv[j] -= delta;
                }
            }
            j0 = j1;
        } while (p[j0] != 0);
        do {
            size_t j1 = way[j0];
            p[j0] = p[j1];
            j0 = j1;
        } while (j0);
    }

    for (size_t j = 1; j <= cols; j++) {
        size_t i = p[j];
        if (i >= 1 && i <= rows && w[(i - 1) * cols + (j - 1)] > 0)
            match[i - 1] = (long)(j - 1);
    }
    free(u);
    free(v);
    free(minv);
    free(p);
    free(way);
    free(used);
}
