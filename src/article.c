#include "article.h"

static bool id_char(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '-';
}

bool article_id_valid(const char *id)
{
    size_t n = 0;
    if (!id_char(id[0]) || id[0] == '.' || id[0] == '_' || id[0] == '-')
        return false;
    for (; id[n]; n++)
        if (n >= ARTICLE_ID_MAX || !id_char(id[n]))
            return false;
    return true;
}
