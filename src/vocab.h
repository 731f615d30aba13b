/*
 * vocab.h - the closed vocabularies of gold files and predictions.
 *
 * Every field with a fixed set of words (actor type and role, count kind and
 * qualifier, date kind, claim kind) is looked up here, and docs/FORMAT.md
 * lists the same words. Lookups ignore ASCII case and treat '_', '-' and
 * blanks alike, so "at least", "at-least" and "at_least" are one word.
 * Count kinds have synonyms ("dead" is killed); vocab_name() always gives
 * the canonical word.
 */
#ifndef FB_VOCAB_H
#define FB_VOCAB_H

enum actor_type { ACTOR_TYPE_UNSET = 0, ACTOR_PERSON, ACTOR_ORGANIZATION, ACTOR_OTHER };

enum actor_role {
    ROLE_UNSET = 0,
    ROLE_PERPETRATOR,
    ROLE_SUSPECT,
    ROLE_VICTIM,
    ROLE_OFFICIAL,
    ROLE_POLICE,
    ROLE_MILITARY,
    ROLE_RESCUER,
    ROLE_WITNESS,
    ROLE_EXPERT,
    ROLE_SPOKESPERSON,
    ROLE_MEDIA,
    ROLE_DEFENDANT,
    ROLE_PLAINTIFF,
    ROLE_PROSECUTOR,
    ROLE_JUDGE,
    ROLE_LAWYER,
    ROLE_CANDIDATE,
    ROLE_ORGANIZER,
    ROLE_PARTICIPANT,
    ROLE_OTHER,
};

enum count_kind {
    COUNT_KILLED,
    COUNT_INJURED,
    COUNT_HOSPITALIZED,
    COUNT_ARRESTED,
    COUNT_CHARGED,
    COUNT_CONVICTED,
    COUNT_MISSING,
    COUNT_DISPLACED,
    COUNT_EVACUATED,
    COUNT_RESCUED,
    COUNT_AFFECTED,
    COUNT_CASES,
    COUNT_VACCINATED,
    COUNT_PARTICIPANTS,
    COUNT_VOTES,
    COUNT_SEATS,
    COUNT_JOBS,
    COUNT_OTHER,
};

enum qualifier { QUAL_UNSET = 0, QUAL_EXACT, QUAL_AT_LEAST, QUAL_AT_MOST, QUAL_ABOUT };

enum date_kind { DATE_EVENT, DATE_PUBLISHED, DATE_OTHER };

enum claim_kind {
    CLAIM_STATEMENT,
    CLAIM_RESPONSIBILITY,
    CLAIM_DENIAL,
    CLAIM_ACCUSATION,
    CLAIM_OTHER
};

struct vocab_word {
    const char *word;
    int value;
};

/* A vocabulary: its words, canonical words first for each value. */
struct vocab {
    const char *what; /* "actor type", "count kind"... for messages */
    const struct vocab_word *words;
    int n_words;
};

extern const struct vocab vocab_actor_type;
extern const struct vocab vocab_actor_role;
extern const struct vocab vocab_count_kind;
extern const struct vocab vocab_qualifier;
extern const struct vocab vocab_date_kind;
extern const struct vocab vocab_claim_kind;

/* The value of `word`, or -1 when the vocabulary does not have it. */
int vocab_lookup(const struct vocab *v, const char *word);
/* The canonical word for a value (a static string), or NULL for an unknown value. */
const char *vocab_name(const struct vocab *v, int value);

#endif
