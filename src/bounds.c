#include "bounds.h"

#include "json.h"
#include "score.h"

const struct bounds bounds_defaults = {
    .article_bytes = 16u << 20,
    .response_bytes = 16u << 20,
    .items = SCORE_MAX_ITEMS,
    .depth = JSON_DEFAULT_MAX_DEPTH,
};

const struct bounds *bounds_or_defaults(const struct bounds *b)
{
    return b ? b : &bounds_defaults;
}
