/*
 * builtin_rules.h - the parts of the built-in extractor (internal header).
 *
 * The extractor works on tokens, not on raw bytes: builtin_tok.c cuts the
 * article into words, numbers and punctuation, marks quotes and sentences
 * and looks every word up in the lexicon of builtin_lex.c. The finders then
 * read the tokens: builtin_name.c finds names and builtin_actor.c merges
 * them into actors (with the string map of builtin_map.c); builtin_count.c
 * reads numbers; builtin_date.c matches PCRE2 patterns at the tokens that
 * can start a date; builtin_claim.c finds attributed statements, asking
 * builtin_speaker.c who speaks. builtin.c ties them together behind
 * builtin.h.
 *
 * Nothing here is part of the library's interface.
 */
#ifndef FB_BUILTIN_RULES_H
#define FB_BUILTIN_RULES_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "date.h"
#include "diag.h"
#include "gold.h"
#include "vocab.h"

/* Most items of one category in a prediction (the scorer refuses more than 1,000). */
#define BUILTIN_MAX_ITEMS 900

/* ---- lexicon (builtin_lex.c) -------------------------------------------- */

/* Word classes; a word may have several. */
enum {
    LX_FUNC = 1u << 0,      /* function or common word: never starts a name */
    LX_MONTH = 1u << 1,     /* num = 1..12 */
    LX_WEEKDAY = 1u << 2,   /* num = 0 (Monday) .. 6 */
    LX_NUMBER = 1u << 3,    /* num = its value: "four", "twenty" */
    LX_SCALE = 1u << 4,     /* num = multiplier: "hundred", "million" */
    LX_TITLE = 1u << 5,     /* capitalised before a name: "Mr", "Governor" */
    LX_ROLENOUN = 1u << 6,  /* lowercase job before or after a name: "spokesman" */
    LX_PERSON = 1u << 7,    /* a noun for a person: "teacher", "man" */
    LX_ORGKEY = 1u << 8,    /* a word that makes a name an organisation */
    LX_ORGHEAD = 1u << 9,   /* an organisation word that takes "of"/"for" */
    LX_PLACEKEY = 1u << 10, /* "Bridge", "Avenue", "district" */
    LX_PLACEPREP = 1u << 11,
    LX_SAY = 1u << 12, /* reporting verbs */
    LX_DENY = 1u << 13,
    LX_ACCUSE = 1u << 14,
    LX_CLAIMV = 1u << 15, /* "claimed" (responsibility) */
    LX_KIND = 1u << 16,   /* kind = a count kind */
    LX_UNIT = 1u << 17,   /* a unit: numbers before it are not counts */
    LX_PRON = 1u << 18,   /* he, she */
    LX_FUTURE = 1u << 19, /* will, would, due ... */
    LX_INST = 1u << 20,   /* an unnamed institution: "police", "ministry" */
    LX_GROUP = 1u << 21,  /* a loose group that speaks: "residents" */
    LX_COMPANY = 1u << 22,
    LX_POLICEISH = 1u << 23, /* a rank that means police when "police" is near */
    LX_AUDIENCE = 1u << 24,  /* who is "told": "reporters" */
    LX_ADVERB = 1u << 25,    /* may stand between a subject and its verb */
    LX_DOCNOUN = 1u << 26,   /* "in a statement", "in its bulletin" */
    LX_DATEOPEN = 1u << 27,  /* may begin a date phrase: "in", "since", "last" */
    LX_PARTICLE = 1u << 28,  /* inside names: "al", "de", "van" */
    LX_BREAK = 1u << 29,     /* ends the clause of a count: "when", "after", "and" */
    LX_ACTING = 1u << 30,    /* an institution that acts: "police arrested" */
    LX_QUALEND = 1u << 31,   /* last word of a qualifier: "least", "than", "about" */
};

struct builtin_lex_entry {
    const char *word;
    uint32_t cls;
    int32_t num;
    enum actor_role role;
    enum count_kind kind;
};

struct builtin_lex;

/* Builds the lexicon. Free it with builtin_lex_free(). */
struct builtin_lex *builtin_lex_new(void);
void builtin_lex_free(struct builtin_lex *lx);
/* The entry id of word[0..len) (ASCII, any case), or -1. */
int builtin_lex_find(const struct builtin_lex *lx, const char *word, size_t len);
/* builtin_lex_find() of a word without capitals, as the tokeniser's keys are: a little faster. */
int builtin_lex_find_lower(const struct builtin_lex *lx, const char *word, size_t len);
/* The entry of an id from builtin_lex_find(). */
const struct builtin_lex_entry *builtin_lex_entry(const struct builtin_lex *lx, int id);

/* ---- tokens and sentences (builtin_tok.c) ------------------------------- */

enum {
    TK_WORD = 1u << 0,
    TK_NUM = 1u << 1, /* digits: "29", "1,200", "2.5" */
    TK_PUNCT = 1u << 2,
    TK_QOPEN = 1u << 3,
    TK_QCLOSE = 1u << 4,
    TK_CAP = 1u << 5,       /* starts with an upper-case letter */
    TK_UPPER = 1u << 6,     /* two or more letters, all upper case: "ICSR" */
    TK_NL = 1u << 7,        /* a line break before it */
    TK_PARA = 1u << 8,      /* a blank line before it */
    TK_POSS = 1u << 9,      /* ends in 's */
    TK_HEAD = 1u << 10,     /* in the headline */
    TK_INQ = 1u << 11,      /* inside a quotation */
    TK_TIME = 1u << 12,     /* "2:30" */
    TK_DATE = 1u << 13,     /* part of a date the date finder read */
    TK_PARTICLE = 1u << 14, /* "al-Fajr": lower-case start, capital after a hyphen */
    TK_ALNUM = 1u << 15,    /* digits glued to letters: "34-year-old", "1970s" */
    TK_HYPHEN = 1u << 16,   /* a word with an ASCII hyphen inside: "twenty-three", "mid-March" */
};

struct builtin_tok {
    size_t start, end; /* bytes of the text */
    uint32_t flags;
    int32_t lex;  /* lexicon id of the word (without 's), or -1 */
    uint32_t cls; /* the lexicon classes of the word, 0 for none */
    uint32_t sent;
};

struct builtin_sent {
    size_t first, end; /* tokens [first, end) */
    bool head;         /* the headline */
};

struct builtin_doc {
    const char *text;
    size_t len;
    const struct builtin_lex *lex;
    struct builtin_tok *tok;
    size_t n_tok, cap_tok;
    struct builtin_sent *sent;
    size_t n_sent, cap_sent;
    uint64_t *lower; /* hash set of words seen in lower case */
    size_t lower_cap;
    uint64_t *lower_words; /* their hashes, while tokenising */
    size_t n_lower_words, cap_lower_words;
    bool has_pub;
    struct fb_date pub;
};

/* Tokenises text[0..len) (the header line skipped) into d. Never fails. */
void builtin_tok_scan(struct builtin_doc *d, const struct builtin_lex *lx, const char *text,
                      size_t len);
void builtin_tok_release(struct builtin_doc *d);

/* c in lower case, if it is an ASCII capital. */
static inline char builtin_ascii_lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/*
 * Whether token i exists and is the word w (lower-case ASCII; case ignored).
 * The first letters and the lengths are compared before the rest: most
 * tokens differ from the word asked in one or the other, and strlen() of a
 * literal costs nothing once this is inlined.
 */
static inline bool builtin_tok_is(const struct builtin_doc *d, size_t i, const char *w)
{
    if (i >= d->n_tok)
        return false;
    const char *s = d->text + d->tok[i].start;
    size_t n = d->tok[i].end - d->tok[i].start; /* never 0 */
    if (builtin_ascii_lower(s[0]) != w[0] || strlen(w) != n)
        return false;
    for (size_t k = 1; k < n; k++) {
        char c = s[k];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != w[k])
            return false;
    }
    return true;
}

/* The lexicon classes of token i, 0 for none or past the end. */
static inline uint32_t builtin_tok_cls(const struct builtin_doc *d, size_t i)
{
    return i < d->n_tok ? d->tok[i].cls : 0;
}

/* The lexicon entry of token i, or NULL. */
const struct builtin_lex_entry *builtin_tok_entry(const struct builtin_doc *d, size_t i);

/* Whether punctuation token i is the character c. */
static inline bool builtin_tok_punct(const struct builtin_doc *d, size_t i, char c)
{
    return i < d->n_tok && (d->tok[i].flags & TK_PUNCT) && d->tok[i].end - d->tok[i].start == 1 &&
           d->text[d->tok[i].start] == c;
}

/* Whether the word of capitalised token i also occurs in lower case in the text. */
bool builtin_tok_seen_lower(const struct builtin_doc *d, size_t i);
/* The index of the first token that starts at or after byte off. */
size_t builtin_tok_at(const struct builtin_doc *d, size_t off);

/* Whether token i exists and has one of the flags f. */
static inline bool builtin_tok_has(const struct builtin_doc *d, size_t i, uint32_t f)
{
    return i < d->n_tok && (d->tok[i].flags & f);
}

/* ---- a string map (builtin_map.c) ----------------------------------------- */

struct builtin_map_slot {
    size_t key; /* offset of the key in the pool + 1, 0 for an empty slot */
    int value;
};

/* Zero-initialise; the map copies its keys into its pool. */
struct builtin_map {
    struct builtin_map_slot *slots;
    size_t cap, n;
    char *pool; /* the keys, each NUL-terminated */
    size_t pool_len, pool_cap;
};

/* The value of key, or -1. */
int builtin_map_get(const struct builtin_map *m, const char *key);
void builtin_map_put(struct builtin_map *m, const char *key, int value);
void builtin_map_release(struct builtin_map *m);

/* ---- names (builtin_name.c) ----------------------------------------------- */

/* A name found in the text, with what its context says about it. */
struct builtin_name {
    size_t first, last; /* the name's tokens, inclusive */
    size_t title;       /* a title token right before, or SIZE_MAX */
    int job_lex;        /* lexicon id of the title or job that goes with it, or -1 */
    enum actor_role role;
    bool person, org, place, weak_org;
    size_t acronym; /* the token of "(ABC)" after it, or SIZE_MAX */
};

struct builtin_names {
    struct builtin_name *c;
    size_t n, cap;
};

/* Finds the names of d, in text order, into names (free names->c). */
void builtin_name_find(const struct builtin_doc *d, struct builtin_names *names);

/* ---- actors (builtin_actor.c) ------------------------------------------- */

struct builtin_actors;

/* Finds the names of the document and merges their mentions. */
struct builtin_actors *builtin_actor_find(const struct builtin_doc *d);
void builtin_actor_free(struct builtin_actors *a);
/* The actor of the mention that ends at token i (inclusive), or -1; *first gets its first token. */
int builtin_actor_ending(const struct builtin_actors *a, size_t i, size_t *first);
/* The actor of the mention that starts at token i, or -1; *last gets its last token. */
int builtin_actor_starting(const struct builtin_actors *a, size_t i, size_t *last);
enum { BUILTIN_MALE = 1, BUILTIN_FEMALE = 2 };

/* The person most recently mentioned before token i, not of the other gender, or -1. */
int builtin_actor_recent_person(const struct builtin_actors *a, size_t i, int gender);
/* What "Mr", "Mrs" or an earlier "he"/"she" said of an actor's gender, or 0. */
int builtin_actor_gender(const struct builtin_actors *a, int id);
/* Records that "he" or "she" referred to a person whose gender was unknown. */
void builtin_actor_note_gender(struct builtin_actors *a, int id, int gender);
/*
 * The actor most recently mentioned before token i that a definite noun
 * phrase "the <word>" can mean: a person with that title or job, or an
 * organisation with that word in its name. -1 if none.
 */
int builtin_actor_recent_noun(struct builtin_actors *a, const struct builtin_doc *d, size_t i,
                              int lex);
/*
 * Finds or adds an unnamed actor ("police", "health ministry") mentioned at
 * tokens [first, last], so that "the ministry" can find it later.
 */
int builtin_actor_unnamed(struct builtin_actors *a, const char *name, enum actor_type type,
                          enum actor_role role, size_t first, size_t last);
/* Marks an actor as one the prediction must list (a claimant). */
void builtin_actor_use(struct builtin_actors *a, int id);
const char *builtin_actor_name(const struct builtin_actors *a, int id);
/* Whether an actor is, or may be, a person (not an organisation). */
bool builtin_actor_is_person(const struct builtin_actors *a, int id);
/* Appends the actors to be listed to g. */
void builtin_actor_emit(const struct builtin_actors *a, struct gold_doc *g);

/* ---- speakers (builtin_speaker.c) ---------------------------------------- */

/* A sentence the claim finder reads, and the speakers it has found so far. */
struct builtin_sentence {
    const struct builtin_doc *d;
    struct builtin_actors *a;
    size_t sent, first, end; /* its index; its tokens [first, end) */
    int subject;             /* the last speaker found in this sentence, or -1 */
    int speaker;             /* the last speaker of a claim, or -1, and its sentence */
    size_t speaker_sent;
};

/* Token tests bounded by the sentence: false (or 0) for tokens past its end. */
static inline bool builtin_sent_is(const struct builtin_sentence *s, size_t i, const char *w)
{
    return i < s->end && builtin_tok_is(s->d, i, w);
}

static inline bool builtin_sent_punct(const struct builtin_sentence *s, size_t i, char ch)
{
    return i < s->end && builtin_tok_punct(s->d, i, ch);
}

static inline uint32_t builtin_sent_cls(const struct builtin_sentence *s, size_t i)
{
    return i < s->end ? builtin_tok_cls(s->d, i) : 0;
}

static inline bool builtin_sent_flag(const struct builtin_sentence *s, size_t i, uint32_t f)
{
    return i < s->end && (s->d->tok[i].flags & f);
}

/* "the", "a", "its", "his", "Tunisia's" ... */
static inline bool builtin_sent_determiner(const struct builtin_sentence *s, size_t i)
{
    return builtin_sent_is(s, i, "the") || builtin_sent_is(s, i, "a") ||
           builtin_sent_is(s, i, "an") || builtin_sent_is(s, i, "its") ||
           builtin_sent_is(s, i, "his") || builtin_sent_is(s, i, "her") ||
           builtin_sent_is(s, i, "their") ||
           (builtin_sent_flag(s, i, TK_POSS) && builtin_sent_flag(s, i, TK_CAP));
}

/* A sentence-final stop, or the end of the sentence. */
static inline bool builtin_sent_at_end(const struct builtin_sentence *s, size_t i)
{
    return i >= s->end || builtin_sent_punct(s, i, '.') || builtin_sent_punct(s, i, '!') ||
           builtin_sent_punct(s, i, '?') || (builtin_sent_flag(s, i, TK_QCLOSE) && i + 1 >= s->end);
}

/* The classes of reporting verbs. */
#define BUILTIN_REPORTING (LX_SAY | LX_DENY | LX_ACCUSE)

struct builtin_speaker {
    int actor;    /* -1 for none */
    bool named;   /* a name, not a pronoun or a common noun */
    size_t start; /* first token of the speaker's phrase */
};

/*
 * The speaker of the reporting verb at token v, standing before it;
 * *carried tells that it is shared with an earlier verb ("and said").
 */
struct builtin_speaker builtin_speaker_before(struct builtin_sentence *s, size_t v, bool *carried);
/* The speaker right after verb v (`"...," said X`); *last gets its last token. */
struct builtin_speaker builtin_speaker_after(struct builtin_sentence *s, size_t v, size_t *last);
/* The speaker whose phrase ends at token p. */
struct builtin_speaker builtin_speaker_ending(struct builtin_sentence *s, size_t p);
/* Whether verb v is a participle ("saying") that shares the speaker of its sentence. */
bool builtin_speaker_participle(const struct builtin_sentence *s, size_t v);
/* Lists the institutions that act in the sentence ("police arrested") as actors. */
void builtin_speaker_acting(struct builtin_sentence *s);

/* ---- counts, dates, claims ---------------------------------------------- */

void builtin_count_find(const struct builtin_doc *d, struct gold_doc *g);

struct builtin_date_rules;
struct builtin_date_rules *builtin_date_rules_new(struct diag *diag);
void builtin_date_rules_free(struct builtin_date_rules *r);
/* Appends the dates of d to g and marks the tokens they cover TK_DATE. */
void builtin_date_find(const struct builtin_date_rules *r, struct builtin_doc *d,
                       struct gold_doc *g);

void builtin_claim_find(const struct builtin_doc *d, struct builtin_actors *a, struct gold_doc *g);

/* ---- shared helpers (builtin.c) ----------------------------------------- */

/*
 * Append an item to g unless its category already holds BUILTIN_MAX_ITEMS.
 * builtin_add_count() takes ownership of label (or NULL), builtin_add_claim()
 * copies the claimant and takes ownership of text.
 */
void builtin_add_count(struct gold_doc *g, enum count_kind what, int64_t value, enum qualifier q,
                       char *label);
void builtin_add_date(struct gold_doc *g, enum date_kind what, struct fb_date value);
void builtin_add_claim(struct gold_doc *g, const char *claimant, enum claim_kind kind, char *text);

#endif
