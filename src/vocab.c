#include "vocab.h"

#include <stdbool.h>
#include <stddef.h>

#define VOCAB(name, label, ...)                                                                    \
    static const struct vocab_word name##_words[] = {__VA_ARGS__};                                 \
    const struct vocab name = {label, name##_words,                                                \
                               (int)(sizeof(name##_words) / sizeof(name##_words[0]))}

VOCAB(vocab_actor_type, "actor type", {"person", ACTOR_PERSON},
      {"organization", ACTOR_ORGANIZATION}, {"other", ACTOR_OTHER},
      {"organisation", ACTOR_ORGANIZATION});

VOCAB(vocab_actor_role, "actor role", {"perpetrator", ROLE_PERPETRATOR}, {"suspect", ROLE_SUSPECT},
      {"victim", ROLE_VICTIM}, {"official", ROLE_OFFICIAL}, {"police", ROLE_POLICE},
      {"military", ROLE_MILITARY}, {"rescuer", ROLE_RESCUER}, {"witness", ROLE_WITNESS},
      {"expert", ROLE_EXPERT}, {"spokesperson", ROLE_SPOKESPERSON}, {"media", ROLE_MEDIA},
      {"defendant", ROLE_DEFENDANT}, {"plaintiff", ROLE_PLAINTIFF}, {"prosecutor", ROLE_PROSECUTOR},
      {"judge", ROLE_JUDGE}, {"lawyer", ROLE_LAWYER}, {"candidate", ROLE_CANDIDATE},
      {"organizer", ROLE_ORGANIZER}, {"participant", ROLE_PARTICIPANT}, {"other", ROLE_OTHER},
      {"organiser", ROLE_ORGANIZER});

/* Canonical words first; the synonyms follow (documented in docs/FORMAT.md). */
VOCAB(vocab_count_kind, "count kind", {"killed", COUNT_KILLED}, {"injured", COUNT_INJURED},
      {"hospitalized", COUNT_HOSPITALIZED}, {"arrested", COUNT_ARRESTED},
      {"charged", COUNT_CHARGED}, {"convicted", COUNT_CONVICTED}, {"missing", COUNT_MISSING},
      {"displaced", COUNT_DISPLACED}, {"evacuated", COUNT_EVACUATED}, {"rescued", COUNT_RESCUED},
      {"affected", COUNT_AFFECTED}, {"cases", COUNT_CASES}, {"vaccinated", COUNT_VACCINATED},
      {"participants", COUNT_PARTICIPANTS}, {"votes", COUNT_VOTES}, {"seats", COUNT_SEATS},
      {"jobs", COUNT_JOBS}, {"other", COUNT_OTHER}, {"dead", COUNT_KILLED},
      {"deaths", COUNT_KILLED}, {"died", COUNT_KILLED}, {"fatalities", COUNT_KILLED},
      {"death toll", COUNT_KILLED}, {"wounded", COUNT_INJURED}, {"hurt", COUNT_INJURED},
      {"injuries", COUNT_INJURED}, {"hospitalised", COUNT_HOSPITALIZED},
      {"in hospital", COUNT_HOSPITALIZED}, {"hospitalizations", COUNT_HOSPITALIZED},
      {"hospitalisations", COUNT_HOSPITALIZED}, {"detained", COUNT_ARRESTED},
      {"arrests", COUNT_ARRESTED}, {"detentions", COUNT_ARRESTED}, {"in custody", COUNT_ARRESTED},
      {"indicted", COUNT_CHARGED}, {"prosecuted", COUNT_CHARGED}, {"found guilty", COUNT_CONVICTED},
      {"unaccounted for", COUNT_MISSING}, {"homeless", COUNT_DISPLACED},
      {"evacuations", COUNT_EVACUATED}, {"infected", COUNT_CASES}, {"infections", COUNT_CASES},
      {"protesters", COUNT_PARTICIPANTS}, {"demonstrators", COUNT_PARTICIPANTS},
      {"strikers", COUNT_PARTICIPANTS}, {"attendees", COUNT_PARTICIPANTS},
      {"attendance", COUNT_PARTICIPANTS}, {"crowd", COUNT_PARTICIPANTS}, {"job cuts", COUNT_JOBS},
      {"layoffs", COUNT_JOBS}, {"redundancies", COUNT_JOBS});

VOCAB(vocab_qualifier, "count qualifier", {"exact", QUAL_EXACT}, {"at_least", QUAL_AT_LEAST},
      {"at_most", QUAL_AT_MOST}, {"about", QUAL_ABOUT});

VOCAB(vocab_date_kind, "date kind", {"event", DATE_EVENT}, {"published", DATE_PUBLISHED},
      {"other", DATE_OTHER});

VOCAB(vocab_claim_kind, "claim kind", {"statement", CLAIM_STATEMENT},
      {"responsibility", CLAIM_RESPONSIBILITY}, {"denial", CLAIM_DENIAL},
      {"accusation", CLAIM_ACCUSATION}, {"other", CLAIM_OTHER});

/* One character of a word as lookups see it: lower case, separators as a blank. */
static char fold(char c)
{
    if (c == '_' || c == '-')
        return ' ';
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static bool same_word(const char *a, const char *b)
{
    while (*a && *b && fold(*a) == fold(*b)) {
        a++;
        b++;
    }
    return !*a && !*b;
}

int vocab_lookup(const struct vocab *v, const char *word)
{
    for (int i = 0; i < v->n_words; i++)
        if (same_word(v->words[i].word, word))
            return v->words[i].value;
    return -1;
}

const char *vocab_name(const struct vocab *v, int value)
{
    for (int i = 0; i < v->n_words; i++)
        if (v->words[i].value == value)
            return v->words[i].word;
    return NULL;
}
