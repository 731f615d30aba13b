/*
 * builtin_lex.c - the word lists of the built-in extractor.
 *
 * Each list gives a class to its words (and a number, role or count kind);
 * builtin_lex_new() merges them into one hash table so that a token is
 * looked up once and every rule tests bits. Words are lower-case ASCII.
 */
#include <string.h>

#include "builtin_rules.h"
#include "xalloc.h"

struct wl {
    const char *word;
    int32_t num;
};

struct word_list {
    uint32_t cls;
    const struct wl *words;
    size_t n;
};

#define LIST(cls, arr)                                                                             \
    {                                                                                              \
        cls, arr, sizeof(arr) / sizeof(arr[0])                                                     \
    }

/* ---- the lists ----------------------------------------------------------- */

static const struct wl func_words[] = {
    {"the", 0},
    {"a", 0},
    {"an", 0},
    {"this", 0},
    {"that", 0},
    {"these", 0},
    {"those", 0},
    {"there", 0},
    {"here", 0},
    {"it", 0},
    {"its", 0},
    {"he", 0},
    {"she", 0},
    {"they", 0},
    {"we", 0},
    {"i", 0},
    {"you", 0},
    {"his", 0},
    {"her", 0},
    {"their", 0},
    {"our", 0},
    {"my", 0},
    {"your", 0},
    {"in", 0},
    {"on", 0},
    {"at", 0},
    {"of", 0},
    {"for", 0},
    {"by", 0},
    {"with", 0},
    {"from", 0},
    {"to", 0},
    {"into", 0},
    {"after", 0},
    {"before", 0},
    {"during", 0},
    {"since", 0},
    {"until", 0},
    {"while", 0},
    {"when", 0},
    {"where", 0},
    {"as", 0},
    {"but", 0},
    {"and", 0},
    {"or", 0},
    {"if", 0},
    {"although", 0},
    {"though", 0},
    {"because", 0},
    {"however", 0},
    {"meanwhile", 0},
    {"also", 0},
    {"so", 0},
    {"yet", 0},
    {"still", 0},
    {"then", 0},
    {"now", 0},
    {"once", 0},
    {"among", 0},
    {"about", 0},
    {"over", 0},
    {"under", 0},
    {"both", 0},
    {"all", 0},
    {"some", 0},
    {"many", 0},
    {"most", 0},
    {"several", 0},
    {"more", 0},
    {"other", 0},
    {"another", 0},
    {"each", 0},
    {"every", 0},
    {"no", 0},
    {"not", 0},
    {"what", 0},
    {"who", 0},
    {"which", 0},
    {"why", 0},
    {"how", 0},
    {"according", 0},
    {"last", 0},
    {"next", 0},
    {"earlier", 0},
    {"later", 0},
    {"today", 0},
    {"yesterday", 0},
    {"tomorrow", 0},
    {"so-called", 0},
    {"separately", 0},
    {"elsewhere", 0},
    {"despite", 0},
    {"following", 0},
    {"asked", 0},
    {"speaking", 0},
    {"like", 0},
    {"unlike", 0},
    {"instead", 0},
    {"further", 0},
    {"just", 0},
    {"only", 0},
    {"even", 0},
    {"such", 0},
    {"neither", 0},
    {"either", 0},
    {"few", 0},
    {"here", 0},
    {"thousands", 0},
    {"hundreds", 0},
    {"dozens", 0},
    {"tens", 0},
    {"mr", 0},
    {"mrs", 0},
    {"ms", 0},
    {"dr", 0},
    {"is", 0},
    {"was", 0},
    {"are", 0},
    {"were", 0},
    {"has", 0},
    {"have", 0},
    {"had", 0},
    {"will", 0},
    {"would", 0},
    {"can", 0},
    {"could", 0},
    {"should", 0},
    {"may", 0},
    {"might", 0},
    {"must", 0},
    {"do", 0},
    {"does", 0},
    {"did", 0},
    {"not", 0},
    {"one", 0},
    {"credit", 0},
    {"advertisement", 0},
    {"photo", 0},
    {"read", 0},
    {"watch", 0},
    {"update", 0},
    {"breaking", 0},
    {"live", 0},
    {"video", 0},
    {"please", 0},
    {"without", 0},
    {"within", 0},
    {"against", 0},
    {"between", 0},
    {"across", 0},
    {"along", 0},
    {"around", 0},
    {"near", 0},
    {"outside", 0},
    {"inside", 0},
    {"through", 0},
    {"throughout", 0},
    {"towards", 0},
    {"toward", 0},
    {"upon", 0},
    {"deputy", 0},
    {"senior", 0},
    {"acting", 0},
    {"vice", 0},
    {"former", 0},
    {"assistant", 0},
    {"interim", 0},
    {"incumbent", 0},
    {"independent", 0},
    {"veteran", 0},
    {"retired", 0},
    {"outgoing", 0},
    {"newly", 0},
    {"chief", 0},
    {"mv", 0},
    {"via", 0},
    {"than", 0},
    {"too", 0},
    {"very", 0},
    {"again", 0},
};

static const struct wl months[] = {
    {"january", 1},   {"february", 2}, {"march", 3},     {"april", 4},
    {"may", 5},       {"june", 6},     {"july", 7},      {"august", 8},
    {"september", 9}, {"october", 10}, {"november", 11}, {"december", 12},
};

static const struct wl weekdays[] = {
    {"monday", 0}, {"tuesday", 1},  {"wednesday", 2}, {"thursday", 3},
    {"friday", 4}, {"saturday", 5}, {"sunday", 6},
};

static const struct wl numbers[] = {
    {"one", 1},      {"two", 2},        {"three", 3},     {"four", 4},      {"five", 5},
    {"six", 6},      {"seven", 7},      {"eight", 8},     {"nine", 9},      {"ten", 10},
    {"eleven", 11},  {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14}, {"fifteen", 15},
    {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19}, {"twenty", 20},
    {"thirty", 30},  {"forty", 40},     {"fifty", 50},    {"sixty", 60},    {"seventy", 70},
    {"eighty", 80},  {"ninety", 90},    {"dozen", 12},
};

static const struct wl scales[] = {
    {"hundred", 100},
    {"thousand", 1000},
    {"million", 1000000},
    {"billion", 1000000000},
};

/* Titles written before a name; num is the role they give. */
static const struct wl titles[] = {
    {"mr", ROLE_UNSET},
    {"mrs", ROLE_UNSET},
    {"ms", ROLE_UNSET},
    {"miss", ROLE_UNSET},
    {"dr", ROLE_UNSET},
    {"prof", ROLE_UNSET},
    {"sir", ROLE_UNSET},
    {"dame", ROLE_UNSET},
    {"lord", ROLE_UNSET},
    {"lady", ROLE_UNSET},
    {"rev", ROLE_UNSET},
    {"professor", ROLE_EXPERT},
    {"president", ROLE_OFFICIAL},
    {"minister", ROLE_OFFICIAL},
    {"governor", ROLE_OFFICIAL},
    {"mayor", ROLE_OFFICIAL},
    {"senator", ROLE_OFFICIAL},
    {"chairman", ROLE_OFFICIAL},
    {"chairwoman", ROLE_OFFICIAL},
    {"secretary", ROLE_OFFICIAL},
    {"undersecretary", ROLE_OFFICIAL},
    {"collector", ROLE_OFFICIAL},
    {"commissioner", ROLE_OFFICIAL},
    {"administrator", ROLE_OFFICIAL},
    {"ambassador", ROLE_OFFICIAL},
    {"chancellor", ROLE_OFFICIAL},
    {"premier", ROLE_OFFICIAL},
    {"judge", ROLE_JUDGE},
    {"justice", ROLE_JUDGE},
    {"magistrate", ROLE_JUDGE},
    {"superintendent", ROLE_POLICE},
    {"inspector", ROLE_POLICE},
    {"constable", ROLE_POLICE},
    {"detective", ROLE_POLICE},
    {"ssp", ROLE_POLICE},
    {"dsp", ROLE_POLICE},
    {"colonel", ROLE_UNSET},
    {"col", ROLE_UNSET},
    {"general", ROLE_UNSET},
    {"gen", ROLE_UNSET},
    {"major", ROLE_UNSET},
    {"maj", ROLE_UNSET},
    {"captain", ROLE_UNSET},
    {"capt", ROLE_UNSET},
    {"lieutenant", ROLE_UNSET},
    {"lt", ROLE_UNSET},
    {"sergeant", ROLE_UNSET},
    {"sgt", ROLE_UNSET},
    {"brigadier", ROLE_UNSET},
    {"admiral", ROLE_UNSET},
    {"prosecutor", ROLE_PROSECUTOR},
    {"officer", ROLE_UNSET},
    {"director", ROLE_OFFICIAL},
    {"commander", ROLE_UNSET},
};

/* Jobs written in lower case next to a name; num is the role. */
static const struct wl rolenouns[] = {
    {"spokesman", ROLE_SPOKESPERSON},
    {"spokeswoman", ROLE_SPOKESPERSON},
    {"spokesperson", ROLE_SPOKESPERSON},
    {"minister", ROLE_OFFICIAL},
    {"president", ROLE_OFFICIAL},
    {"governor", ROLE_OFFICIAL},
    {"mayor", ROLE_OFFICIAL},
    {"director", ROLE_OFFICIAL},
    {"director-general", ROLE_OFFICIAL},
    {"chairman", ROLE_OFFICIAL},
    {"chairwoman", ROLE_OFFICIAL},
    {"chair", ROLE_OFFICIAL},
    {"head", ROLE_OFFICIAL},
    {"secretary", ROLE_OFFICIAL},
    {"secretary-general", ROLE_OFFICIAL},
    {"administrator", ROLE_OFFICIAL},
    {"collector", ROLE_OFFICIAL},
    {"commissioner", ROLE_OFFICIAL},
    {"official", ROLE_OFFICIAL},
    {"leader", ROLE_OFFICIAL},
    {"executive", ROLE_OFFICIAL},
    {"undersecretary", ROLE_OFFICIAL},
    {"coordinator", ROLE_OFFICIAL},
    {"ceo", ROLE_OFFICIAL},
    {"professor", ROLE_EXPERT},
    {"analyst", ROLE_EXPERT},
    {"expert", ROLE_EXPERT},
    {"economist", ROLE_EXPERT},
    {"researcher", ROLE_EXPERT},
    {"scientist", ROLE_EXPERT},
    {"lecturer", ROLE_EXPERT},
    {"epidemiologist", ROLE_EXPERT},
    {"virologist", ROLE_EXPERT},
    {"academic", ROLE_EXPERT},
    {"judge", ROLE_JUDGE},
    {"magistrate", ROLE_JUDGE},
    {"lawyer", ROLE_LAWYER},
    {"attorney", ROLE_LAWYER},
    {"barrister", ROLE_LAWYER},
    {"solicitor", ROLE_LAWYER},
    {"prosecutor", ROLE_PROSECUTOR},
    {"superintendent", ROLE_POLICE},
    {"inspector", ROLE_POLICE},
    {"constable", ROLE_POLICE},
    {"detective", ROLE_POLICE},
    {"candidate", ROLE_CANDIDATE},
};

/* Ranks that mean a police officer when "police" stands next to them. */
static const struct wl policeish[] = {
    {"commander", 0},   {"officer", 0},      {"chief", 0}, {"spokesman", 0},
    {"spokeswoman", 0}, {"spokesperson", 0}, {"head", 0},  {"commissioner", 0},
};

static const struct wl person_nouns[] = {
    {"teacher", 0},     {"student", 0},       {"trader", 0},      {"resident", 0},
    {"farmer", 0},      {"driver", 0},        {"mother", 0},      {"father", 0},
    {"wife", 0},        {"husband", 0},       {"son", 0},         {"daughter", 0},
    {"nurse", 0},       {"doctor", 0},        {"worker", 0},      {"shopkeeper", 0},
    {"fisherman", 0},   {"man", 0},           {"woman", 0},       {"boy", 0},
    {"girl", 0},        {"pensioner", 0},     {"owner", 0},       {"manager", 0},
    {"engineer", 0},    {"vendor", 0},        {"journalist", 0},  {"reporter", 0},
    {"nephew", 0},      {"niece", 0},         {"sister", 0},      {"brother", 0},
    {"relative", 0},    {"passenger", 0},     {"pilot", 0},       {"activist", 0},
    {"volunteer", 0},   {"member", 0},        {"supporter", 0},   {"villager", 0},
    {"survivor", 0},    {"witness", 0},       {"grandmother", 0}, {"grandfather", 0},
    {"widow", 0},       {"uncle", 0},         {"aunt", 0},        {"cousin", 0},
    {"miner", 0},       {"welder", 0},        {"labourer", 0},    {"mechanic", 0},
    {"cook", 0},        {"waiter", 0},        {"guard", 0},       {"founder", 0},
    {"owner", 0},       {"fan", 0},           {"player", 0},      {"coach", 0},
    {"midwife", 0},     {"surgeon", 0},       {"paramedic", 0},   {"firefighter", 0},
    {"officer", 0},     {"person", 0},        {"shopkeeper", 0},  {"bystander", 0},
    {"businessman", 0}, {"businesswoman", 0},
};

/* Words that make a name an organisation; num is the role they suggest. */
static const struct wl orgkeys[] = {
    {"police", ROLE_POLICE},
    {"ministry", ROLE_OFFICIAL},
    {"agency", ROLE_UNSET},
    {"authority", ROLE_OFFICIAL},
    {"commission", ROLE_OFFICIAL},
    {"council", ROLE_OFFICIAL},
    {"directorate", ROLE_OFFICIAL},
    {"department", ROLE_OFFICIAL},
    {"bureau", ROLE_OFFICIAL},
    {"office", ROLE_UNSET},
    {"secretariat", ROLE_OFFICIAL},
    {"board", ROLE_UNSET},
    {"tribunal", ROLE_OFFICIAL},
    {"observatory", ROLE_UNSET},
    {"service", ROLE_UNSET},
    {"services", ROLE_UNSET},
    {"court", ROLE_JUDGE},
    {"army", ROLE_MILITARY},
    {"forces", ROLE_MILITARY},
    {"navy", ROLE_MILITARY},
    {"news", ROLE_MEDIA},
    {"media", ROLE_MEDIA},
    {"weekly", ROLE_MEDIA},
    {"times", ROLE_MEDIA},
    {"tv", ROLE_MEDIA},
    {"television", ROLE_MEDIA},
    {"radio", ROLE_MEDIA},
    {"herald", ROLE_MEDIA},
    {"tribune", ROLE_MEDIA},
    {"gazette", ROLE_MEDIA},
    {"hospital", ROLE_OTHER},
    {"university", ROLE_OTHER},
    {"institute", ROLE_OTHER},
    {"college", ROLE_OTHER},
    {"clinic", ROLE_UNSET},
    {"school", ROLE_UNSET},
    {"party", ROLE_UNSET},
    {"union", ROLE_UNSET},
    {"front", ROLE_UNSET},
    {"alliance", ROLE_UNSET},
    {"coalition", ROLE_UNSET},
    {"movement", ROLE_UNSET},
    {"association", ROLE_UNSET},
    {"federation", ROLE_UNSET},
    {"confederation", ROLE_UNSET},
    {"society", ROLE_UNSET},
    {"foundation", ROLE_UNSET},
    {"trust", ROLE_UNSET},
    {"network", ROLE_UNSET},
    {"group", ROLE_UNSET},
    {"groupe", ROLE_UNSET},
    {"company", ROLE_UNSET},
    {"corp", ROLE_UNSET},
    {"corporation", ROLE_UNSET},
    {"ltd", ROLE_UNSET},
    {"limited", ROLE_UNSET},
    {"inc", ROLE_UNSET},
    {"plc", ROLE_UNSET},
    {"llc", ROLE_UNSET},
    {"industries", ROLE_UNSET},
    {"holdings", ROLE_UNSET},
    {"bank", ROLE_UNSET},
    {"committee", ROLE_UNSET},
    {"cooperative", ROLE_UNSET},
    {"organisation", ROLE_UNSET},
    {"organization", ROLE_UNSET},
    {"centre", ROLE_UNSET},
    {"center", ROLE_UNSET},
    {"league", ROLE_UNSET},
    {"club", ROLE_UNSET},
    {"fc", ROLE_UNSET},
    {"analytics", ROLE_UNSET},
    {"partnership", ROLE_UNSET},
    {"bloc", ROLE_UNSET},
    {"command", ROLE_UNSET},
    {"assembly", ROLE_UNSET},
    {"parliament", ROLE_UNSET},
    {"congress", ROLE_UNSET},
    {"senate", ROLE_UNSET},
    {"logistics", ROLE_UNSET},
    {"logistique", ROLE_UNSET},
    {"transports", ROLE_UNSET},
    {"minerals", ROLE_UNSET},
    {"chemicals", ROLE_UNSET},
    {"airlines", ROLE_UNSET},
    {"airways", ROLE_UNSET},
    {"motors", ROLE_UNSET},
    {"energy", ROLE_UNSET},
    {"mining", ROLE_UNSET},
    {"lawyers", ROLE_UNSET},
    {"partners", ROLE_UNSET},
    {"consulting", ROLE_UNSET},
    {"charity", ROLE_UNSET},
    {"fund", ROLE_UNSET},
    {"programme", ROLE_UNSET},
    {"laboratory", ROLE_UNSET},
    {"syndicat", ROLE_UNSET},
    {"cross", ROLE_UNSET},
    {"crescent", ROLE_UNSET},
    {"tribunal", ROLE_UNSET},
    {"brigade", ROLE_UNSET},
    {"brigades", ROLE_UNSET},
    {"battalion", ROLE_UNSET},
    {"militia", ROLE_UNSET},
    {"express", ROLE_UNSET},
    {"hotel", ROLE_UNSET},
    {"museum", ROLE_UNSET},
    {"academy", ROLE_UNSET},
    {"corps", ROLE_UNSET},
    {"guard", ROLE_UNSET},
};

/* Organisation words that may be followed by "of" or "for". */
static const struct wl orgheads[] = {
    {"ministry", 0},      {"institute", 0},   {"federation", 0},   {"union", 0},
    {"directorate", 0},   {"court", 0},       {"coordinator", 0},  {"centre", 0},
    {"center", 0},        {"alliance", 0},    {"movement", 0},     {"university", 0},
    {"bank", 0},          {"department", 0},  {"office", 0},       {"association", 0},
    {"society", 0},       {"front", 0},       {"council", 0},      {"commission", 0},
    {"party", 0},         {"bureau", 0},      {"board", 0},        {"agency", 0},
    {"authority", 0},     {"committee", 0},   {"organisation", 0}, {"organization", 0},
    {"league", 0},        {"coalition", 0},   {"college", 0},      {"school", 0},
    {"academy", 0},       {"foundation", 0},  {"trust", 0},        {"network", 0},
    {"confederation", 0}, {"congress", 0},    {"secretariat", 0},  {"tribunal", 0},
    {"service", 0},       {"observatory", 0}, {"chamber", 0},      {"museum", 0},
    {"fund", 0},          {"corps", 0},       {"command", 0},      {"forces", 0},
    {"army", 0},          {"hospital", 0},    {"clinic", 0},       {"syndicate", 0},
    {"syndicat", 0},      {"bloc", 0},        {"partnership", 0},  {"group", 0},
};

static const struct wl placekeys[] = {
    {"bridge", 0},       {"street", 0},        {"avenue", 0},         {"road", 0},
    {"square", 0},       {"park", 0},          {"river", 0},          {"lake", 0},
    {"delta", 0},        {"valley", 0},        {"mountains", 0},      {"mountain", 0},
    {"hills", 0},        {"island", 0},        {"islands", 0},        {"province", 0},
    {"district", 0},     {"region", 0},        {"city", 0},           {"town", 0},
    {"village", 0},      {"airport", 0},       {"station", 0},        {"stadium", 0},
    {"port", 0},         {"bay", 0},           {"coast", 0},          {"sea", 0},
    {"ocean", 0},        {"gulf", 0},          {"desert", 0},         {"forest", 0},
    {"highway", 0},      {"plaza", 0},         {"boulevard", 0},      {"lane", 0},
    {"peninsula", 0},    {"strait", 0},        {"canal", 0},          {"department", 0},
    {"state", 0},        {"county", 0},        {"camp", 0},           {"estate", 0},
    {"municipality", 0}, {"neighbourhood", 0}, {"suburb", 0},         {"capital", 0},
    {"border", 0},       {"yard", 0},          {"districts", 0},      {"provinces", 0},
    {"regions", 0},      {"villages", 0},      {"towns", 0},          {"cities", 0},
    {"states", 0},       {"counties", 0},      {"municipalities", 0}, {"valleys", 0},
};

static const struct wl placepreps[] = {
    {"in", 0},     {"from", 0},    {"near", 0},   {"outside", 0}, {"across", 0},
    {"into", 0},   {"towards", 0}, {"toward", 0}, {"through", 0}, {"throughout", 0},
    {"around", 0}, {"inside", 0},  {"at", 0},     {"to", 0},      {"within", 0},
    {"via", 0},    {"beyond", 0},  {"off", 0},    {"on", 0},
};

static const struct wl say_verbs[] = {
    {"said", 0},       {"says", 0},      {"say", 0},       {"told", 0},       {"tells", 0},
    {"added", 0},      {"adds", 0},      {"stated", 0},    {"explained", 0},  {"noted", 0},
    {"warned", 0},     {"warns", 0},     {"announced", 0}, {"announces", 0},  {"confirmed", 0},
    {"confirms", 0},   {"insisted", 0},  {"insists", 0},   {"argued", 0},     {"argues", 0},
    {"maintained", 0}, {"maintains", 0}, {"reported", 0},  {"estimated", 0},  {"acknowledged", 0},
    {"admitted", 0},   {"alleged", 0},   {"testified", 0}, {"wrote", 0},      {"predicted", 0},
    {"stressed", 0},   {"declared", 0},  {"revealed", 0},  {"disclosed", 0},  {"conceded", 0},
    {"complained", 0}, {"recalled", 0},  {"claimed", 0},   {"claims", 0},     {"contended", 0},
    {"saying", 0},     {"adding", 0},    {"warning", 0},   {"promised", 0},   {"pledged", 0},
    {"vowed", 0},      {"urged", 0},     {"countered", 0}, {"replied", 0},    {"responded", 0},
    {"arguing", 0},    {"insisting", 0}, {"noting", 0},    {"explaining", 0},
};

static const struct wl deny_verbs[] = {
    {"denied", 0},    {"denies", 0},   {"deny", 0},     {"denying", 0},
    {"rejected", 0},  {"rejects", 0},  {"reject", 0},   {"dismissed", 0},
    {"dismisses", 0}, {"disputed", 0}, {"disputes", 0}, {"refuted", 0},
};

static const struct wl accuse_verbs[] = {
    {"accused", 0}, {"accuses", 0}, {"accusing", 0}, {"blamed", 0}, {"blames", 0}, {"blaming", 0},
};

static const struct wl claim_verbs[] = {
    {"claimed", 0},
    {"claims", 0},
    {"claim", 0},
    {"claiming", 0},
};

static const struct wl kinds[] = {
    {"killed", COUNT_KILLED},
    {"dead", COUNT_KILLED},
    {"died", COUNT_KILLED},
    {"deaths", COUNT_KILLED},
    {"death", COUNT_KILLED},
    {"fatalities", COUNT_KILLED},
    {"lives", COUNT_KILLED},
    {"toll", COUNT_KILLED},
    {"killing", COUNT_KILLED},
    {"kills", COUNT_KILLED},
    {"kill", COUNT_KILLED},
    {"injured", COUNT_INJURED},
    {"wounded", COUNT_INJURED},
    {"hurt", COUNT_INJURED},
    {"injuries", COUNT_INJURED},
    {"injuring", COUNT_INJURED},
    {"wounding", COUNT_INJURED},
    {"hospital", COUNT_HOSPITALIZED},
    {"hospitals", COUNT_HOSPITALIZED},
    {"hospitalised", COUNT_HOSPITALIZED},
    {"hospitalized", COUNT_HOSPITALIZED},
    {"admitted", COUNT_HOSPITALIZED},
    {"treated", COUNT_HOSPITALIZED},
    {"arrested", COUNT_ARRESTED},
    {"detained", COUNT_ARRESTED},
    {"arrests", COUNT_ARRESTED},
    {"detentions", COUNT_ARRESTED},
    {"custody", COUNT_ARRESTED},
    {"arresting", COUNT_ARRESTED},
    {"detaining", COUNT_ARRESTED},
    {"charged", COUNT_CHARGED},
    {"indicted", COUNT_CHARGED},
    {"convicted", COUNT_CONVICTED},
    {"missing", COUNT_MISSING},
    {"unaccounted", COUNT_MISSING},
    {"displaced", COUNT_DISPLACED},
    {"homeless", COUNT_DISPLACED},
    {"fled", COUNT_DISPLACED},
    {"evacuated", COUNT_EVACUATED},
    {"evacuations", COUNT_EVACUATED},
    {"evacuation", COUNT_EVACUATED},
    {"rescued", COUNT_RESCUED},
    {"affected", COUNT_AFFECTED},
    {"cases", COUNT_CASES},
    {"infected", COUNT_CASES},
    {"infections", COUNT_CASES},
    {"vaccinated", COUNT_VACCINATED},
    {"protesters", COUNT_PARTICIPANTS},
    {"protestors", COUNT_PARTICIPANTS},
    {"demonstrators", COUNT_PARTICIPANTS},
    {"marchers", COUNT_PARTICIPANTS},
    {"strikers", COUNT_PARTICIPANTS},
    {"participants", COUNT_PARTICIPANTS},
    {"crowd", COUNT_PARTICIPANTS},
    {"attendees", COUNT_PARTICIPANTS},
    {"attendance", COUNT_PARTICIPANTS},
    {"attended", COUNT_PARTICIPANTS},
    {"marched", COUNT_PARTICIPANTS},
    {"joined", COUNT_PARTICIPANTS},
    {"part", COUNT_PARTICIPANTS},
    {"rallied", COUNT_PARTICIPANTS},
    {"votes", COUNT_VOTES},
    {"seats", COUNT_SEATS},
    {"jobs", COUNT_JOBS},
    {"layoffs", COUNT_JOBS},
    {"redundancies", COUNT_JOBS},
};

static const struct wl units[] = {
    {"percent", 0},     {"per", 0},     {"cent", 0},       {"hours", 0},      {"hour", 0},
    {"days", 0},        {"day", 0},     {"weeks", 0},      {"week", 0},       {"months", 0},
    {"month", 0},       {"years", 0},   {"year", 0},       {"minutes", 0},    {"minute", 0},
    {"seconds", 0},     {"km", 0},      {"kilometres", 0}, {"kilometers", 0}, {"metres", 0},
    {"meters", 0},      {"miles", 0},   {"mile", 0},       {"kg", 0},         {"kilograms", 0},
    {"tonnes", 0},      {"tons", 0},    {"degrees", 0},    {"mm", 0},         {"cm", 0},
    {"millimetres", 0}, {"inches", 0},  {"feet", 0},       {"acres", 0},      {"hectares", 0},
    {"litres", 0},      {"liters", 0},  {"rupees", 0},     {"dollars", 0},    {"euros", 0},
    {"pounds", 0},      {"won", 0},     {"cedis", 0},      {"kwacha", 0},     {"pesos", 0},
    {"shillings", 0},   {"yuan", 0},    {"naira", 0},      {"taka", 0},       {"rand", 0},
    {"francs", 0},      {"yen", 0},     {"dinars", 0},     {"roubles", 0},    {"baht", 0},
    {"ringgit", 0},     {"zloty", 0},   {"lei", 0},        {"kina", 0},       {"bolivianos", 0},
    {"reais", 0},       {"dirhams", 0}, {"times", 0},      {"am", 0},         {"pm", 0},
    {"storeys", 0},     {"floors", 0},  {"points", 0},     {"goals", 0},      {"runs", 0},
    {"overs", 0},       {"wickets", 0}, {"gbp", 0},        {"usd", 0},        {"eur", 0},
    {"mph", 0},         {"kph", 0},     {"decades", 0},    {"centuries", 0},  {"nights", 0},
};

static const struct wl pronouns[] = {{"he", 0}, {"she", 0}};

static const struct wl future_words[] = {
    {"will", 0},     {"would", 0},     {"shall", 0},   {"due", 0},      {"scheduled", 0},
    {"expected", 0}, {"plans", 0},     {"planned", 0}, {"intends", 0},  {"upcoming", 0},
    {"tomorrow", 0}, {"postponed", 0}, {"must", 0},    {"deadline", 0},
};

/* Unnamed institutions that may speak; num is their role. */
static const struct wl institutions[] = {
    {"police", ROLE_POLICE},        {"army", ROLE_MILITARY},       {"military", ROLE_MILITARY},
    {"navy", ROLE_MILITARY},        {"government", ROLE_OFFICIAL}, {"ministry", ROLE_OFFICIAL},
    {"secretariat", ROLE_OFFICIAL}, {"department", ROLE_OFFICIAL}, {"agency", ROLE_OFFICIAL},
    {"commission", ROLE_OFFICIAL},  {"council", ROLE_OFFICIAL},    {"authority", ROLE_OFFICIAL},
    {"authorities", ROLE_OFFICIAL}, {"office", ROLE_OFFICIAL},     {"prosecutors", ROLE_PROSECUTOR},
    {"service", ROLE_UNSET},        {"guard", ROLE_RESCUER},       {"coastguard", ROLE_RESCUER},
    {"court", ROLE_JUDGE},          {"tribunal", ROLE_OFFICIAL},   {"directorate", ROLE_OFFICIAL},
    {"bureau", ROLE_OFFICIAL},      {"assembly", ROLE_OFFICIAL},   {"divers", ROLE_RESCUER},
};

static const struct wl groups[] = {
    {"residents", 0},     {"officials", 0},   {"witnesses", 0},   {"observers", 0},
    {"analysts", 0},      {"survivors", 0},   {"doctors", 0},     {"traders", 0},
    {"critics", 0},       {"villagers", 0},   {"relatives", 0},   {"families", 0},
    {"experts", 0},       {"activists", 0},   {"scrutineers", 0}, {"organisers", 0},
    {"organizers", 0},    {"forecasters", 0}, {"engineers", 0},   {"volunteers", 0},
    {"investigators", 0}, {"rescuers", 0},    {"leaders", 0},
};

static const struct wl company_words[] = {
    {"company", 0},    {"corp", 0},    {"corporation", 0}, {"ltd", 0},        {"limited", 0},
    {"inc", 0},        {"plc", 0},     {"llc", 0},         {"industries", 0}, {"holdings", 0},
    {"group", 0},      {"groupe", 0},  {"minerals", 0},    {"chemicals", 0},  {"logistics", 0},
    {"logistique", 0}, {"express", 0}, {"airlines", 0},    {"motors", 0},     {"energy", 0},
    {"mining", 0},     {"firm", 0},    {"operator", 0},    {"transports", 0},
};

static const struct wl audience[] = {
    {"reporters", 0},     {"journalists", 0}, {"supporters", 0}, {"lawmakers", 0},
    {"parliament", 0},    {"television", 0},  {"radio", 0},      {"afp", 0},
    {"reuters", 0},       {"bbc", 0},         {"crowd", 0},      {"crowds", 0},
    {"court", 0},         {"residents", 0},   {"mourners", 0},   {"investigators", 0},
    {"interrogators", 0}, {"police", 0},      {"the", 0},        {"a", 0},
    {"state", 0},         {"local", 0},       {"news", 0},       {"agency", 0},
    {"workers", 0},       {"delegates", 0},   {"senators", 0},   {"us", 0},
    {"him", 0},           {"her", 0},         {"them", 0},       {"me", 0},
    {"members", 0},       {"staff", 0},       {"officers", 0},
};

static const struct wl adverbs[] = {
    {"has", 0},        {"have", 0},         {"had", 0},          {"also", 0},       {"always", 0},
    {"later", 0},      {"earlier", 0},      {"repeatedly", 0},   {"previously", 0}, {"again", 0},
    {"publicly", 0},   {"strongly", 0},     {"flatly", 0},       {"reportedly", 0}, {"further", 0},
    {"then", 0},       {"immediately", 0},  {"quickly", 0},      {"initially", 0},  {"firmly", 0},
    {"separately", 0}, {"subsequently", 0}, {"originally", 0},   {"yesterday", 0},  {"today", 0},
    {"vehemently", 0}, {"angrily", 0},      {"privately", 0},    {"first", 0},      {"once", 0},
    {"already", 0},    {"never", 0},        {"consistently", 0}, {"since", 0},      {"now", 0},
};

static const struct wl docnouns[] = {
    {"statement", 0}, {"interview", 0},  {"bulletin", 0}, {"report", 0},     {"post", 0},
    {"letter", 0},    {"speech", 0},     {"message", 0},  {"video", 0},      {"recording", 0},
    {"briefing", 0},  {"conference", 0}, {"filing", 0},   {"submission", 0}, {"ruling", 0},
    {"judgment", 0},  {"judgement", 0},  {"court", 0},    {"hearing", 0},    {"rally", 0},
    {"broadcast", 0}, {"update", 0},     {"notice", 0},   {"tweet", 0},      {"communique", 0},
};

static const struct wl date_openers[] = {
    {"in", 0},     {"since", 0},     {"by", 0},    {"from", 0},    {"until", 0},      {"till", 0},
    {"during", 0}, {"last", 0},      {"next", 0},  {"early", 0},   {"late", 0},       {"mid", 0},
    {"of", 0},     {"before", 0},    {"after", 0}, {"through", 0}, {"throughout", 0}, {"this", 0},
    {"end", 0},    {"yesterday", 0}, {"today", 0}, {"coming", 0},
};

static const struct wl particle_words[] = {
    {"de", 0},    {"da", 0},  {"das", 0}, {"dos", 0}, {"do", 0},  {"du", 0},  {"del", 0},
    {"della", 0}, {"der", 0}, {"den", 0}, {"van", 0}, {"von", 0}, {"bin", 0}, {"ibn", 0},
    {"al", 0},    {"el", 0},  {"la", 0},  {"le", 0},  {"des", 0}, {"y", 0},
};

static const struct wl count_breaks[] = {
    {"when", 0},   {"after", 0}, {"because", 0},  {"while", 0}, {"since", 0},
    {"before", 0}, {"if", 0},    {"although", 0}, {"but", 0},   {"than", 0},
    {"and", 0},    {"or", 0},    {"as", 0},       {"on", 0},
};

static const struct wl acting_words[] = {{"police", 0}, {"prosecutors", 0}, {"coastguard", 0}};

static const struct wl qualifier_ends[] = {
    {"least", 0},     {"than", 0},  {"of", 0},      {"over", 0},
    {"between", 0},   {"to", 0},    {"most", 0},    {"under", 0},
    {"estimated", 0}, {"about", 0}, {"around", 0},  {"nearly", 0},
    {"almost", 0},    {"some", 0},  {"roughly", 0}, {"approximately", 0},
    {"as", 0},
};

static const struct word_list lists[] = {
    LIST(LX_FUNC, func_words),
    LIST(LX_MONTH, months),
    LIST(LX_WEEKDAY, weekdays),
    LIST(LX_NUMBER, numbers),
    LIST(LX_SCALE, scales),
    LIST(LX_TITLE, titles),
    LIST(LX_ROLENOUN, rolenouns),
    LIST(LX_POLICEISH, policeish),
    LIST(LX_PERSON, person_nouns),
    LIST(LX_ORGKEY, orgkeys),
    LIST(LX_ORGHEAD, orgheads),
    LIST(LX_PLACEKEY, placekeys),
    LIST(LX_PLACEPREP, placepreps),
    LIST(LX_SAY, say_verbs),
    LIST(LX_DENY, deny_verbs),
    LIST(LX_ACCUSE, accuse_verbs),
    LIST(LX_CLAIMV, claim_verbs),
    LIST(LX_KIND, kinds),
    LIST(LX_UNIT, units),
    LIST(LX_PRON, pronouns),
    LIST(LX_FUTURE, future_words),
    LIST(LX_INST, institutions),
    LIST(LX_GROUP, groups),
    LIST(LX_COMPANY, company_words),
    LIST(LX_AUDIENCE, audience),
    LIST(LX_ADVERB, adverbs),
    LIST(LX_DOCNOUN, docnouns),
    LIST(LX_DATEOPEN, date_openers),
    LIST(LX_PARTICLE, particle_words),
    LIST(LX_BREAK, count_breaks),
    LIST(LX_ACTING, acting_words),
    LIST(LX_QUALEND, qualifier_ends),
};

/* ---- the table ----------------------------------------------------------- */

#define LEX_SLOTS 4096 /* a power of two, well above the number of words */

/*
 * A slot keeps the hash of its word beside the entry id, so that a probe
 * reads the word only when the hashes agree: every word of an article is
 * looked up, many of them in vain.
 */
struct lex_slot {
    uint32_t hash;
    int32_t id; /* entry id + 1, 0 for empty */
};

struct builtin_lex {
    struct builtin_lex_entry *entries;
    size_t n_entries, cap_entries;
    size_t longest; /* the length of the longest word: longer ones need no look-up */
    struct lex_slot slots[LEX_SLOTS];
};

/* FNV-1a of the word in lower case; fold when it may still have capitals. */
static uint32_t lex_hash(const char *w, size_t len, bool fold)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)w[i];
        if (fold && c >= 'A' && c <= 'Z')
            c = (unsigned char)(c - 'A' + 'a');
        h = (h ^ c) * 16777619u;
    }
    return h;
}

static bool lex_equal(const char *entry, const char *w, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)w[i];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c - 'A' + 'a');
        if (entry[i] != (char)c)
            return false;
    }
    return entry[len] == '\0';
}

/* The entry id of word[0..len) with hash h, or -1. */
static int lex_lookup(const struct builtin_lex *lx, const char *word, size_t len, uint32_t h)
{
    for (uint32_t i = h & (LEX_SLOTS - 1); lx->slots[i].id; i = (i + 1) & (LEX_SLOTS - 1))
        if (lx->slots[i].hash == h && lex_equal(lx->entries[lx->slots[i].id - 1].word, word, len))
            return lx->slots[i].id - 1;
    return -1;
}

int builtin_lex_find(const struct builtin_lex *lx, const char *word, size_t len)
{
    if (len > lx->longest)
        return -1;
    return lex_lookup(lx, word, len, lex_hash(word, len, true));
}

int builtin_lex_find_lower(const struct builtin_lex *lx, const char *word, size_t len)
{
    if (len > lx->longest)
        return -1;
    return lex_lookup(lx, word, len, lex_hash(word, len, false));
}

static struct builtin_lex_entry *lex_insert(struct builtin_lex *lx, const char *word)
{
    size_t len = strlen(word);
    uint32_t h = lex_hash(word, len, true);
    int id = lex_lookup(lx, word, len, h);
    if (id >= 0)
        return &lx->entries[id];
    XGROW(lx->entries, lx->cap_entries, lx->n_entries + 1);
    struct builtin_lex_entry *e = &lx->entries[lx->n_entries];
    *e = (struct builtin_lex_entry){word, 0, 0, ROLE_UNSET, COUNT_OTHER};
    uint32_t i = h & (LEX_SLOTS - 1);
    while (lx->slots[i].id)
        i = (i + 1) & (LEX_SLOTS - 1);
    lx->slots[i] = (struct lex_slot){h, (int32_t)++lx->n_entries};
    if (len > lx->longest)
        lx->longest = len;
    return e;
}

/* Stores what a list says about one of its words in the merged entry. */
static void lex_take(struct builtin_lex_entry *e, uint32_t cls, int32_t num)
{
    e->cls |= cls;
    if (cls & (LX_TITLE | LX_ROLENOUN | LX_ORGKEY | LX_INST)) {
        if (num != ROLE_UNSET)
            e->role = (enum actor_role)num;
    } else if (cls == LX_KIND) {
        e->kind = (enum count_kind)num;
    } else if (cls & (LX_MONTH | LX_WEEKDAY | LX_NUMBER | LX_SCALE)) {
        e->num = num;
    }
}

struct builtin_lex *builtin_lex_new(void)
{
    struct builtin_lex *lx = xcalloc(1, sizeof(*lx));
    for (size_t l = 0; l < sizeof(lists) / sizeof(lists[0]); l++)
        for (size_t i = 0; i < lists[l].n; i++)
            lex_take(lex_insert(lx, lists[l].words[i].word), lists[l].cls, lists[l].words[i].num);
    return lx;
}

void builtin_lex_free(struct builtin_lex *lx)
{
    if (!lx)
        return;
    free(lx->entries);
    free(lx);
}

const struct builtin_lex_entry *builtin_lex_entry(const struct builtin_lex *lx, int id)
{
    return id >= 0 && (size_t)id < lx->n_entries ? &lx->entries[id] : NULL;
}
