/*
 * builtin_tok.c - tokens, quotations and sentences for the built-in extractor.
 *
 * Words keep inner apostrophes and hyphens ("King's", "al-Fajr",
 * "twenty-three"); numbers keep thousands separators and decimals ("1,200",
 * "2.5"). A sentence ends at a line break, or at . ! ? before a capital,
 * unless the stop follows a title ("Mr.") or an initial, or lies inside a
 * quotation, so that a quote of several sentences stays in one sentence with
 * its attribution.
 */
#include <string.h>
#include <utf8proc.h>

#include "builtin_rules.h"
#include "xalloc.h"

/* ---- characters ---------------------------------------------------------- */

enum cp_class { CP_SPACE, CP_NEWLINE, CP_LETTER, CP_UPPER, CP_MARK, CP_DIGIT, CP_OTHER };

static enum cp_class cp_classify(int32_t c)
{
    if (c >= 0 && c < 0x80) {
        if (c >= 'a' && c <= 'z')
            return CP_LETTER;
        if (c >= 'A' && c <= 'Z')
            return CP_UPPER;
        if (c >= '0' && c <= '9')
            return CP_DIGIT;
        if (c == '\n')
            return CP_NEWLINE;
        return (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') ? CP_SPACE : CP_OTHER;
    }
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
        (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x3000 || c == 0xFEFF)
        return CP_SPACE;
    if (c < 0)
        return CP_OTHER;
    switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
        return CP_UPPER;
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
        return CP_LETTER;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
        return CP_MARK;
    case UTF8PROC_CATEGORY_ND:
        return CP_DIGIT;
    default:
        return CP_OTHER;
    }
}

/* Decodes the character at s[i]; invalid bytes count as one unknown character. */
static size_t cp_at(const char *s, size_t len, size_t i, int32_t *c)
{
    if (i >= len) {
        *c = 0;
        return 0;
    }
    if ((unsigned char)s[i] < 0x80) {
        *c = (unsigned char)s[i];
        return 1;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t n =
        utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &cp);
    if (n <= 0) {
        *c = -1;
        return 1;
    }
    *c = cp;
    return (size_t)n;
}

static enum cp_class class_at(const char *s, size_t len, size_t i)
{
    int32_t c;
    if (!cp_at(s, len, i, &c))
        return CP_SPACE;
    return cp_classify(c);
}

static bool is_letter(enum cp_class k)
{
    return k == CP_LETTER || k == CP_UPPER;
}

static bool is_apostrophe(int32_t c)
{
    return c == '\'' || c == 0x2019;
}

static bool is_hyphen(int32_t c)
{
    return c == '-' || c == 0x2010 || c == 0x2011;
}

/* ---- words and numbers --------------------------------------------------- */

/* The end of a word starting at i: letters, marks, digits, inner ' and -. */
static bool ascii_alnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static size_t scan_word(const char *s, size_t len, size_t i)
{
    while (i < len) {
        if (ascii_alnum(s[i])) {
            i++;
            continue;
        }
        if ((unsigned char)s[i] < 0x80 && s[i] != '\'' && s[i] != '-')
            break; /* a blank or ASCII punctuation: no letter, mark, apostrophe or hyphen */
        int32_t c;
        size_t n = cp_at(s, len, i, &c);
        enum cp_class k = cp_classify(c);
        if (is_letter(k) || k == CP_MARK || k == CP_DIGIT) {
            i += n;
        } else if ((is_apostrophe(c) && is_letter(class_at(s, len, i + n))) ||
                   (is_hyphen(c) &&
                    (is_letter(class_at(s, len, i + n)) || class_at(s, len, i + n) == CP_DIGIT))) {
            i += n;
        } else {
            break;
        }
    }
    return i;
}

/* Whether s[i..i+n) are all ASCII digits. */
static bool digits(const char *s, size_t len, size_t i, size_t n)
{
    if (i + n > len)
        return false;
    for (size_t k = 0; k < n; k++)
        if (s[i + k] < '0' || s[i + k] > '9')
            return false;
    return true;
}

/* The end of a number at i: "1,200", "2.5", "10:30" (flag TK_TIME). */
static size_t scan_number(const char *s, size_t len, size_t i, uint32_t *flags)
{
    while (i < len && s[i] >= '0' && s[i] <= '9')
        i++;
    for (;;) {
        if (i < len && s[i] == ',' && digits(s, len, i + 1, 3) && !digits(s, len, i + 4, 1)) {
            i += 4;
        } else if (i < len && s[i] == '.' && digits(s, len, i + 1, 1)) {
            i++;
            while (i < len && s[i] >= '0' && s[i] <= '9')
                i++;
        } else if (i < len && s[i] == ':' && digits(s, len, i + 1, 2)) {
            i += 3;
            *flags |= TK_TIME;
        } else {
            return i;
        }
    }
}

/* ---- the token list ------------------------------------------------------ */

static void add_token(struct builtin_doc *d, size_t start, size_t end, uint32_t flags)
{
    XGROW(d->tok, d->cap_tok, d->n_tok + 1);
    d->tok[d->n_tok++] = (struct builtin_tok){start, end, flags, -1, 0, 0};
}

/* Lower-case ASCII copy of a word without a final 's, into out[cap]; its length. */
static size_t word_key(const struct builtin_doc *d, size_t i, char *out, size_t cap, bool *poss,
                       bool *ascii)
{
    const char *s = d->text + d->tok[i].start;
    size_t n = d->tok[i].end - d->tok[i].start;
    *poss = false;
    if (n > 2 && s[n - 1] == 's' && s[n - 2] == '\'') {
        n -= 2;
        *poss = true;
    } else if (n > 4 && s[n - 1] == 's' && memcmp(s + n - 4, "\xe2\x80\x99", 3) == 0) {
        n -= 4;
        *poss = true;
    }
    *ascii = true;
    size_t k = 0;
    for (size_t j = 0; j < n; j++) {
        unsigned char c = (unsigned char)s[j];
        if (c >= 0x80)
            *ascii = false;
        if (k + 1 < cap)
            out[k++] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    out[k] = '\0';
    return n < cap ? n : cap - 1;
}

static uint64_t word_hash(const char *w, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)w[i]) * 1099511628211ull;
    return h ? h : 1;
}

static void lower_add(struct builtin_doc *d, uint64_t h)
{
    size_t mask = d->lower_cap - 1, k = (size_t)h & mask;
    while (d->lower[k] && d->lower[k] != h)
        k = (k + 1) & mask;
    d->lower[k] = h;
}

static bool lower_has(const struct builtin_doc *d, uint64_t h)
{
    size_t mask = d->lower_cap - 1, k = (size_t)h & mask;
    while (d->lower[k]) {
        if (d->lower[k] == h)
            return true;
        k = (k + 1) & mask;
    }
    return false;
}

#define KEY_CAP 32 /* word_key(): keys are cut at KEY_CAP - 1 bytes */

/* What classify_word() reads from the characters of a word. */
struct word_shape {
    uint32_t flags;    /* TK_CAP, TK_UPPER, TK_PARTICLE, TK_POSS, TK_HYPHEN */
    bool lower_start;  /* it starts with a lower-case letter (or one without case) */
    bool ascii;        /* its key has only ASCII: only then can it be in the lexicon */
    char key[KEY_CAP]; /* as word_key() makes it */
    size_t key_len;
};

/* The case flags of word [start, end) and whether it starts in lower case, for any characters. */
static uint32_t case_flags(const char *s, size_t start, size_t end, bool *lower_start)
{
    int32_t c;
    cp_at(s, end, start, &c);
    enum cp_class first = cp_classify(c);
    uint32_t flags = 0;
    size_t upper = 0, letters = 0;
    for (size_t j = start; j < end;) {
        char b = s[j];
        if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')) {
            letters++;
            upper += b <= 'Z';
            j++;
            continue;
        }
        size_t n = cp_at(s, end, j, &c);
        enum cp_class k = cp_classify(c);
        letters += is_letter(k);
        upper += k == CP_UPPER;
        if (is_hyphen(c) && first == CP_LETTER && class_at(s, end, j + n) == CP_UPPER)
            flags |= TK_PARTICLE;
        j += n;
    }
    if (first == CP_UPPER)
        flags |= TK_CAP;
    if (letters >= 2 && upper == letters)
        flags |= TK_UPPER;
    *lower_start = first == CP_LETTER;
    return flags;
}

/* The flags of the hyphens of an ASCII word: TK_HYPHEN, and TK_PARTICLE for "al-Fajr". */
static uint32_t hyphen_flags(const char *s, size_t n)
{
    uint32_t flags = 0;
    for (size_t j = 1; j < n; j++)
        if (s[j - 1] == '-') {
            flags |= TK_HYPHEN;
            if (s[0] >= 'a' && s[0] <= 'z' && s[j] >= 'A' && s[j] <= 'Z')
                flags |= TK_PARTICLE;
        }
    return flags;
}

/*
 * The shape of a word of ASCII bytes only, shorter than KEY_CAP, in one
 * pass over its letters: what case_flags() and word_key() give for it.
 * False, for the general path, for any other word.
 */
static bool shape_ascii(const char *s, size_t n, struct word_shape *w)
{
    if (n >= KEY_CAP)
        return false;
    size_t upper = 0, letters = 0;
    for (size_t j = 0; j < n; j++) {
        unsigned char b = (unsigned char)s[j];
        if (b >= 0x80)
            return false;
        bool up = b >= 'A' && b <= 'Z';
        letters += up || (b >= 'a' && b <= 'z');
        upper += up;
        w->key[j] = (char)(up ? b - 'A' + 'a' : b);
    }
    w->lower_start = s[0] >= 'a' && s[0] <= 'z';
    w->flags = (s[0] >= 'A' && s[0] <= 'Z' ? TK_CAP : 0) |
               (letters >= 2 && upper == letters ? TK_UPPER : 0);
    if (letters < n) /* digits, apostrophes or hyphens: a few words only */
        w->flags |= hyphen_flags(s, n);
    w->key_len = n;
    if (n > 2 && s[n - 1] == 's' && s[n - 2] == '\'') {
        w->key_len -= 2;
        w->flags |= TK_POSS;
    }
    w->key[w->key_len] = '\0';
    w->ascii = true;
    return true;
}

/* The shape of word i: shape_ascii(), or else the general path for any characters. */
static void word_shape(const struct builtin_doc *d, size_t i, struct word_shape *w)
{
    const struct builtin_tok *t = &d->tok[i];
    if (shape_ascii(d->text + t->start, t->end - t->start, w))
        return;
    w->flags = case_flags(d->text, t->start, t->end, &w->lower_start);
    if (memchr(d->text + t->start, '-', t->end - t->start))
        w->flags |= TK_HYPHEN;
    bool poss;
    w->key_len = word_key(d, i, w->key, sizeof(w->key), &poss, &w->ascii);
    w->flags |= poss ? TK_POSS : 0;
}

/* Sets the case flags, the lexicon id and the lower-case set for word i. */
static void classify_word(struct builtin_doc *d, size_t i)
{
    struct builtin_tok *t = &d->tok[i];
    struct word_shape w;
    word_shape(d, i, &w);
    t->flags |= w.flags;
    if (w.ascii)
        t->lex = builtin_lex_find_lower(d->lex, w.key, w.key_len);
    if (t->lex >= 0)
        t->cls = builtin_lex_entry(d->lex, t->lex)->cls;
    if (w.lower_start) {
        XGROW(d->lower_words, d->cap_lower_words, d->n_lower_words + 1);
        d->lower_words[d->n_lower_words++] = word_hash(w.key, w.key_len);
    }
}

/* Fills the set of words written in lower case, sized to their number. */
static void collect_lower(struct builtin_doc *d)
{
    d->lower_cap = 64;
    while (d->lower_cap < 2 * d->n_lower_words)
        d->lower_cap *= 2;
    d->lower = xcalloc(d->lower_cap, sizeof(*d->lower));
    for (size_t i = 0; i < d->n_lower_words; i++)
        lower_add(d, d->lower_words[i]);
    free(d->lower_words);
    d->lower_words = NULL;
    d->n_lower_words = d->cap_lower_words = 0;
}

/* Straight quotes open after a blank or an opening bracket, and close otherwise. */
static uint32_t quote_flags(const char *s, size_t start, int32_t c)
{
    if (c == 0x201C || c == 0x201E || c == 0xAB)
        return TK_QOPEN;
    if (c == 0x201D || c == 0xBB)
        return TK_QCLOSE;
    if (c != '"')
        return 0;
    if (start == 0)
        return TK_QOPEN;
    char p = s[start - 1];
    return (p == ' ' || p == '\n' || p == '\t' || p == '(' || p == '[' || p == ':') ? TK_QOPEN
                                                                                    : TK_QCLOSE;
}

/* The first byte after the header line "date YYYY-MM-DD ...", or 0. */
static size_t skip_header(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && (s[i] == ' ' || s[i] == '\t'))
        i++;
    if (len - i < 5 || memcmp(s + i, "date", 4) != 0)
        return 0;
    size_t j = i + 4;
    while (j < len && (s[j] == ' ' || s[j] == '\t'))
        j++;
    if (j == i + 4 || j >= len || s[j] < '0' || s[j] > '9')
        return 0;
    while (j < len && s[j] != '\n')
        j++;
    return j;
}

/* Reads a word or number token at i; returns its end and sets *flags. */
static size_t scan_token(const char *s, size_t len, size_t i, enum cp_class k, uint32_t *flags)
{
    if (k == CP_DIGIT) {
        size_t e = scan_number(s, len, i, flags);
        if (e == i) { /* a digit of another script */
            *flags = TK_WORD | TK_ALNUM;
            return scan_word(s, len, i);
        }
        int32_t c;
        size_t n = cp_at(s, len, e, &c);
        if (n &&
            (is_letter(cp_classify(c)) || (is_hyphen(c) && is_letter(class_at(s, len, e + n))))) {
            *flags = TK_WORD | TK_ALNUM;
            return scan_word(s, len, e);
        }
        *flags |= TK_NUM;
        return e;
    }
    size_t e = scan_word(s, len, i);
    *flags = TK_WORD;
    if (e == i || s[e - 1] != 's')
        return e;
    int32_t c;
    size_t n = cp_at(s, len, e, &c);
    /* "Workers' Union": a plural possessive before a capitalised word */
    if (is_apostrophe(c) && class_at(s, len, e + n) == CP_SPACE &&
        class_at(s, len, e + n + 1) == CP_UPPER)
        e += n;
    return e;
}

static void tokenize(struct builtin_doc *d, size_t from)
{
    const char *s = d->text;
    size_t len = d->len, i = from, newlines = 0;
    while (i < len) {
        if (s[i] == ' ') { /* the most common byte between tokens */
            i++;
            continue;
        }
        int32_t c;
        size_t n = cp_at(s, len, i, &c);
        enum cp_class k = cp_classify(c);
        if (k == CP_SPACE || k == CP_NEWLINE) {
            newlines += k == CP_NEWLINE;
            i += n;
            continue;
        }
        uint32_t flags = 0, brk = newlines ? TK_NL : 0;
        brk |= newlines >= 2 ? TK_PARA : 0;
        newlines = 0;
        size_t end;
        if (is_letter(k) || k == CP_DIGIT || k == CP_MARK) {
            end = scan_token(s, len, i, k, &flags);
        } else {
            end = i + n;
            flags = TK_PUNCT | quote_flags(s, i, c);
        }
        if (end <= i) /* never stall, whatever the bytes */
            end = i + n;
        add_token(d, i, end, flags | brk);
        if (flags & TK_WORD)
            classify_word(d, d->n_tok - 1);
        i = end;
    }
}

/* ---- quotations and sentences -------------------------------------------- */

/* Marks the tokens inside quotations; a line break ends an open one. */
static void mark_quotes(struct builtin_doc *d)
{
    bool in = false;
    for (size_t i = 0; i < d->n_tok; i++) {
        struct builtin_tok *t = &d->tok[i];
        if (t->flags & TK_NL)
            in = false;
        if (t->flags & TK_QOPEN) {
            in = true;
        } else if (t->flags & TK_QCLOSE) {
            in = false;
        } else if (in) {
            t->flags |= TK_INQ;
        }
    }
}

static const char *const abbreviations[] = {
    "mr",  "mrs", "ms",  "dr",   "prof", "col", "gen", "lt",   "sgt",  "capt", "maj", "st",
    "jr",  "sr",  "no",  "gov",  "sen",  "rep", "rev", "hon",  "mt",   "ft",   "vs",  "co",
    "jan", "feb", "aug", "sept", "oct",  "nov", "dec", "insp", "supt", "cpl",  "pte", "brig",
};

/* Whether the full stop at token i follows an abbreviation or an initial. */
static bool after_abbreviation(const struct builtin_doc *d, size_t i)
{
    if (i == 0 || !(d->tok[i - 1].flags & TK_WORD))
        return false;
    const struct builtin_tok *w = &d->tok[i - 1];
    size_t n = w->end - w->start;
    if (n == 1 && (w->flags & TK_CAP))
        return true;
    if (n > 5)
        return false;
    for (size_t k = 0; k < sizeof(abbreviations) / sizeof(abbreviations[0]); k++)
        if (builtin_tok_is(d, i - 1, abbreviations[k]))
            return true;
    return false;
}

static bool is_stop(const struct builtin_doc *d, size_t i)
{
    return builtin_tok_punct(d, i, '.') || builtin_tok_punct(d, i, '!') ||
           builtin_tok_punct(d, i, '?');
}

/* Whether a new sentence starts at token i (i > 0). */
static bool starts_sentence(const struct builtin_doc *d, size_t i)
{
    const struct builtin_tok *t = &d->tok[i];
    if (t->flags & TK_NL)
        return true;
    if (!(t->flags & (TK_CAP | TK_QOPEN | TK_NUM)) || (t->flags & TK_INQ))
        return false;
    size_t p = i - 1;
    if (d->tok[p].flags & TK_QCLOSE) {
        if (p == 0)
            return false;
        p--;
    } else if (d->tok[p].flags & TK_INQ) {
        return false;
    }
    return is_stop(d, p) && !(builtin_tok_punct(d, p, '.') && after_abbreviation(d, p));
}

static void add_sentence(struct builtin_doc *d, size_t first, size_t end)
{
    XGROW(d->sent, d->cap_sent, d->n_sent + 1);
    d->sent[d->n_sent++] = (struct builtin_sent){first, end, false};
}

static void split_sentences(struct builtin_doc *d)
{
    size_t first = 0;
    for (size_t i = 1; i <= d->n_tok; i++) {
        if (i < d->n_tok && !starts_sentence(d, i))
            continue;
        add_sentence(d, first, i);
        first = i;
    }
    for (size_t s = 0; s < d->n_sent; s++)
        for (size_t i = d->sent[s].first; i < d->sent[s].end; i++)
            d->tok[i].sent = (uint32_t)s;
    /* A first line without a full stop, followed by a blank line, is the headline. */
    if (d->n_sent > 1 && d->tok[d->sent[1].first].flags & TK_PARA &&
        !is_stop(d, d->sent[0].end - 1)) {
        d->sent[0].head = true;
        for (size_t i = d->sent[0].first; i < d->sent[0].end; i++)
            d->tok[i].flags |= TK_HEAD;
    }
}

void builtin_tok_scan(struct builtin_doc *d, const struct builtin_lex *lx, const char *text,
                      size_t len)
{
    d->text = text;
    d->len = len;
    d->lex = lx;
    size_t from = skip_header(text, len);
    /* about one token per five bytes of prose */
    d->cap_tok = len / 5 + 16;
    d->tok = xmalloc(d->cap_tok * sizeof(*d->tok));
    tokenize(d, from);
    collect_lower(d);
    mark_quotes(d);
    split_sentences(d);
}

void builtin_tok_release(struct builtin_doc *d)
{
    free(d->tok);
    free(d->sent);
    free(d->lower);
    free(d->lower_words);
    memset(d, 0, sizeof(*d));
}

/* ---- queries ------------------------------------------------------------- */

const struct builtin_lex_entry *builtin_tok_entry(const struct builtin_doc *d, size_t i)
{
    if (i >= d->n_tok || d->tok[i].lex < 0)
        return NULL;
    return builtin_lex_entry(d->lex, d->tok[i].lex);
}

bool builtin_tok_seen_lower(const struct builtin_doc *d, size_t i)
{
    if (i >= d->n_tok || !(d->tok[i].flags & TK_WORD))
        return false;
    char key[KEY_CAP];
    bool poss, ascii;
    size_t n = word_key(d, i, key, sizeof(key), &poss, &ascii);
    return lower_has(d, word_hash(key, n));
}

size_t builtin_tok_at(const struct builtin_doc *d, size_t off)
{
    size_t lo = 0, hi = d->n_tok;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->tok[mid].start < off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}
