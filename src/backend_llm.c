/*
 * backend_llm.c - `llm:URL`: a large language model behind an
 * OpenAI-compatible chat-completions endpoint (llama.cpp's server, vLLM,
 * Ollama, hosted providers).
 *
 * Each article fills the prompt template ({{article}}, {{published}},
 * {{title}}, {{text}}) into a user message, after the optional system
 * message; the request asks for a reply that follows the JSON schema of a
 * prediction (response_format json_schema). The reply's
 * choices[0].message.content is the prediction, bare or in a fenced code
 * block; its token usage is recorded. The HTTP engine (http.h) does the
 * rest. The model, parameters, system message and the template's text are
 * the backend's identity: changing any of them misses the cache.
 */
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "backend.h"
#include "fileio.h"
#include "http.h"
#include "json.h"
#include "vocab.h"
#include "xalloc.h"

/* The prompt of `llm:URL` without a "prompt" in the config; examples/llm/prompt.txt is fuller. */
static const char default_prompt[] =
    "Extract the facts of the news article below as one JSON object with four lists:\n"
    "- \"actors\": people and organizations that act or are acted upon, each {\"name\", "
    "\"aliases\", \"type\", \"role\"};\n"
    "- \"counts\": numbers of people killed, injured, arrested and so on, each {\"what\", "
    "\"value\", \"qualifier\"};\n"
    "- \"dates\": dates in YYYY-MM-DD, YYYY-MM or YYYY form, each {\"what\": event, published or "
    "other, \"value\", \"label\"}; resolve relative dates against the publication date;\n"
    "- \"claims\": what actors state, claim, deny or accuse, each {\"claimant\", \"kind\", "
    "\"text\"}.\n"
    "Only what the article says. Answer with the JSON object alone.\n"
    "\n"
    "Published: {{published}}\n"
    "Title: {{title}}\n"
    "\n"
    "{{text}}\n";

static const char *const placeholders[] = {"article", "published", "title", "text"};
#define N_PLACEHOLDERS (sizeof(placeholders) / sizeof(placeholders[0]))

struct llm_backend {
    struct backend base;
    http_client *client;
    char *prompt; /* the template's text */
    char *model, *system;
    double temperature;
    unsigned max_tokens;
    cJSON *schema;
};

/* ---- the prompt ---------------------------------------------------------------------------- */

/* The placeholder "{{name}}" at s names, as an index of placeholders; -1 when s starts none. */
static int placeholder_at(const char *s, size_t *len)
{
    if (strncmp(s, "{{", 2) != 0)
        return -1;
    for (size_t i = 0; i < N_PLACEHOLDERS; i++) {
        size_t n = strlen(placeholders[i]);
        if (strncmp(s + 2, placeholders[i], n) == 0 && strncmp(s + 2 + n, "}}", 2) == 0) {
            *len = n + 4;
            return (int)i;
        }
    }
    return -1;
}

/* Every "{{word}}" of a template must be a placeholder: a typo would silently send no article. */
static bool check_template(const char *t, const char *file, struct diag *d)
{
    for (const char *s = strstr(t, "{{"); s; s = strstr(s + 2, "{{")) {
        size_t len, word = strspn(s + 2, "abcdefghijklmnopqrstuvwxyz_");
        if (placeholder_at(s, &len) < 0 && word && strncmp(s + 2 + word, "}}", 2) == 0) {
            diag_error(d,
                       "%s: unknown placeholder '%.*s' (expected {{article}}, {{published}}, "
                       "{{title}} or {{text}})",
                       file, (int)word + 4, s);
            return false;
        }
    }
    if (!strstr(t, "{{text}}")) {
        diag_error(d, "%s: the prompt never shows the article: it has no {{text}}", file);
        return false;
    }
    return true;
}

static void fill(const char *t, const struct article *a, struct buf *out)
{
    char date[DATE_STRLEN];
    if (a->has_published)
        date_format(a->published, date);
    const char *values[N_PLACEHOLDERS] = {a->id, a->has_published ? date : "unknown",
                                          a->title ? a->title : "", a->text};
    buf_reset(out);
    for (const char *s = t; *s;) {
        size_t len;
        int which = placeholder_at(s, &len);
        if (which >= 0) {
            buf_adds(out, values[which]);
            s += len;
        } else {
            buf_addc(out, *s++);
        }
    }
}

/* ---- the request ----------------------------------------------------------------------------- */

static cJSON *words_of(const struct vocab *v)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "type", "string");
    cJSON *list = cJSON_AddArrayToObject(o, "enum");
    for (int i = 0; i < v->n_words; i++)
        if (strcmp(vocab_name(v, v->words[i].value), v->words[i].word) == 0) /* no synonyms */
            cJSON_AddItemToArray(list, cJSON_CreateString(v->words[i].word));
    return o;
}

static cJSON *typed(const char *type)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "type", type);
    return o;
}

/* A list of objects with these properties (all cJSON items taken), the first `required` of them
 * required. */
static cJSON *list_of(int required, int n, const char *const *names, cJSON *const *types)
{
    cJSON *item = typed("object"), *props = cJSON_AddObjectToObject(item, "properties");
    for (int i = 0; i < n; i++)
        cJSON_AddItemToObject(props, names[i], types[i]);
    cJSON_AddItemToObject(item, "required", cJSON_CreateStringArray(names, required));
    cJSON_AddFalseToObject(item, "additionalProperties");
    cJSON *list = typed("array");
    cJSON_AddItemToObject(list, "items", item);
    return list;
}

/* The JSON schema of a prediction (SPEC section 3), vocabularies included. */
static cJSON *prediction_schema(void)
{
    cJSON *aliases = typed("array"), *value = typed("integer"), *date = typed("string");
    cJSON_AddItemToObject(aliases, "items", typed("string"));
    cJSON_AddNumberToObject(value, "minimum", 0);
    cJSON_AddStringToObject(date, "pattern", "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$");
    static const char *const actor[] = {"name", "aliases", "type", "role"};
    static const char *const count[] = {"what", "value", "qualifier"};
    static const char *const dates[] = {"what", "value", "label"};
    static const char *const claim[] = {"claimant", "kind", "text"};
    static const char *const lists[] = {"actors", "counts", "dates", "claims"};
    cJSON *const actor_types[] = {typed("string"), aliases, words_of(&vocab_actor_type),
                                  words_of(&vocab_actor_role)};
    cJSON *const count_types[] = {words_of(&vocab_count_kind), value, words_of(&vocab_qualifier)};
    cJSON *const date_types[] = {words_of(&vocab_date_kind), date, typed("string")};
    cJSON *const claim_types[] = {typed("string"), words_of(&vocab_claim_kind), typed("string")};
    cJSON *const list_types[] = {
        list_of(1, 4, actor, actor_types),
        list_of(2, 3, count, count_types),
        list_of(2, 3, dates, date_types),
        list_of(3, 3, claim, claim_types),
    };
    cJSON *root = typed("object"), *props = cJSON_AddObjectToObject(root, "properties");
    for (int i = 0; i < 4; i++)
        cJSON_AddItemToObject(props, lists[i], list_types[i]);
    cJSON_AddItemToObject(root, "required", cJSON_CreateStringArray(lists, 4));
    cJSON_AddFalseToObject(root, "additionalProperties");
    return root;
}

static void add_message(cJSON *messages, const char *role, const char *content)
{
    cJSON *m = cJSON_CreateObject();
    cJSON_AddStringToObject(m, "role", role);
    cJSON_AddStringToObject(m, "content", content);
    cJSON_AddItemToArray(messages, m);
}

static void chat_request(void *ctx, const struct article *a, struct buf *body)
{
    const struct llm_backend *b = ctx;
    struct buf user = BUF_INIT;
    fill(b->prompt, a, &user);
    cJSON *o = cJSON_CreateObject();
    if (b->model)
        cJSON_AddStringToObject(o, "model", b->model);
    cJSON_AddNumberToObject(o, "temperature", b->temperature);
    if (b->max_tokens)
        cJSON_AddNumberToObject(o, "max_tokens", b->max_tokens);
    cJSON *messages = cJSON_AddArrayToObject(o, "messages");
    if (b->system)
        add_message(messages, "system", b->system);
    add_message(messages, "user", user.data);
    cJSON *format = cJSON_AddObjectToObject(o, "response_format");
    cJSON_AddStringToObject(format, "type", "json_schema");
    cJSON *schema = cJSON_AddObjectToObject(format, "json_schema");
    cJSON_AddStringToObject(schema, "name", "prediction");
    cJSON_AddItemReferenceToObject(schema, "schema", b->schema); /* still owned by b */
    char *text = cJSON_PrintUnformatted(o);
    buf_reset(body);
    buf_adds(body, text);
    cJSON_free(text);
    cJSON_Delete(o);
    buf_release(&user);
}

/* ---- the reply --------------------------------------------------------------------------------
 */

/* The inside of the first ``` fence of s (its info string, as "json", skipped), or all of s. */
static const char *unfence(const char *s, size_t *len)
{
    const char *open = strstr(s, "```"), *start = open ? strchr(open, '\n') : NULL;
    if (!start) {
        *len = strlen(s);
        return s;
    }
    start++;
    const char *close = strstr(start, "```");
    *len = close ? (size_t)(close - start) : strlen(start);
    return start;
}

/* The message content as a prediction; the article id is factbench's, never the model's. */
static void take_content(struct backend_job *j, const char *content, bool cut_short)
{
    struct diag quiet;
    diag_init(&quiet);
    size_t len = strlen(content);
    const char *text = content;
    cJSON *pred = json_parse(text, len, "reply", 1, JSON_DEFAULT_MAX_DEPTH, &quiet);
    if (!pred) {
        text = unfence(content, &len);
        pred = json_parse(text, len, "reply", 1, JSON_DEFAULT_MAX_DEPTH, &quiet);
    }
    diag_release(&quiet);
    if (cJSON_IsObject(pred)) {
        cJSON_DeleteItemFromObjectCaseSensitive(pred, "article");
        cJSON_AddStringToObject(pred, "article", j->article->id);
        char *s = cJSON_PrintUnformatted(pred);
        backend_job_answer(j, s, strlen(s));
        cJSON_free(s);
    } else {
        backend_job_answer(j, text, len); /* says what is wrong with it */
    }
    cJSON_Delete(pred);
    if (!j->ok && cut_short)
        buf_adds(&j->reason, " (the reply stopped at max_tokens)");
}

static void take_usage(const cJSON *reply, struct backend_usage *u)
{
    const cJSON *usage = cJSON_GetObjectItemCaseSensitive(reply, "usage");
    const cJSON *prompt = cJSON_GetObjectItemCaseSensitive(usage, "prompt_tokens");
    const cJSON *completion = cJSON_GetObjectItemCaseSensitive(usage, "completion_tokens");
    if (json_is_count(prompt))
        u->prompt_tokens = (int64_t)prompt->valuedouble;
    if (json_is_count(completion))
        u->completion_tokens = (int64_t)completion->valuedouble;
}

static void chat_answer(void *ctx, struct backend_job *j, const char *body, size_t len)
{
    (void)ctx;
    struct diag d;
    diag_init(&d);
    cJSON *reply = json_parse(body, len, "reply", 1, JSON_DEFAULT_MAX_DEPTH, &d);
    const cJSON *choice = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(reply, "choices"), 0);
    const cJSON *message = cJSON_GetObjectItemCaseSensitive(choice, "message");
    const cJSON *content = cJSON_GetObjectItemCaseSensitive(message, "content");
    const cJSON *finish = cJSON_GetObjectItemCaseSensitive(choice, "finish_reason");
    const cJSON *error = cJSON_GetObjectItemCaseSensitive(reply, "error");
    if (cJSON_IsObject(error))
        error = cJSON_GetObjectItemCaseSensitive(error, "message");
    take_usage(reply, &j->usage);
    if (!reply)
        backend_job_fail(j, "invalid reply: %s", diag_first_error(&d));
    else if (cJSON_IsString(content))
        take_content(j, content->valuestring,
                     cJSON_IsString(finish) && strcmp(finish->valuestring, "length") == 0);
    else if (cJSON_IsString(error))
        backend_job_fail(j, "backend error: %s", error->valuestring);
    else
        backend_job_fail(j, "invalid reply: no choices[0].message.content");
    cJSON_Delete(reply);
    diag_release(&d);
}

/* ---- the backend -------------------------------------------------------------------------------
 */

/* What changes the answers besides the spec: model, parameters, messages, schema. */
static char *identity_of(const struct llm_backend *b)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "model", b->model ? b->model : "");
    cJSON_AddNumberToObject(o, "temperature", b->temperature);
    cJSON_AddNumberToObject(o, "max_tokens", b->max_tokens);
    cJSON_AddStringToObject(o, "system", b->system ? b->system : "");
    cJSON_AddStringToObject(o, "prompt", b->prompt);
    cJSON_AddItemReferenceToObject(o, "schema", b->schema); /* still owned by b */
    char *text = cJSON_PrintUnformatted(o);
    char *id = xstrdup(text);
    cJSON_free(text);
    cJSON_Delete(o);
    return id;
}

static void llm_close(struct backend *base)
{
    struct llm_backend *b = (struct llm_backend *)base;
    http_client_close(b->client);
    cJSON_Delete(b->schema);
    free(b->prompt);
    free(b->model);
    free(b->system);
    free(b->base.identity);
    free(b);
}

static fb_result llm_open(const char *arg, const struct backend_options *opt, struct backend **out,
                          struct diag *d)
{
    const struct http_options *h = opt->http ? opt->http : &backend_http_defaults;
    struct buf prompt = BUF_INIT;
    const char *file = h->prompt ? h->prompt : "the built-in prompt";
    fb_result rc = FB_OK;
    if (h->prompt)
        rc = fileio_read(h->prompt, &prompt, d);
    else
        buf_adds(&prompt, default_prompt);
    if (rc == FB_OK && !check_template(prompt.data, file, d))
        rc = FB_EINPUT;
    http_client *client = NULL;
    if (rc == FB_OK)
        rc = http_client_open(arg, opt, &client, d);
    if (rc != FB_OK) {
        buf_release(&prompt);
        return rc;
    }
    struct llm_backend *b = xcalloc(1, sizeof(*b));
    b->base.ops = &llm_backend;
    b->client = client;
    b->prompt = buf_detach(&prompt, NULL);
    b->model = h->model ? xstrdup(h->model) : NULL;
    b->system = h->system ? xstrdup(h->system) : NULL;
    b->temperature = h->temperature;
    b->max_tokens = h->max_tokens;
    b->schema = prediction_schema();
    b->base.identity = identity_of(b);
    *out = &b->base;
    return FB_OK;
}

static void llm_extract(struct backend *base, struct backend_job *jobs, size_t n)
{
    struct llm_backend *b = (struct llm_backend *)base;
    const struct http_protocol chat = {chat_request, chat_answer, b};
    http_client_run(b->client, &chat, jobs, n);
}

const struct backend_ops llm_backend = {
    "llm", true, true, llm_open, llm_extract, llm_close, false,
};
