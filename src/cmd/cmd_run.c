/*
 * cmd_run.c - `factbench run`: runs backends over a corpus and scores them.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cmd.h"
#include "config.h"
#include "eval.h"
#include "fileio.h"
#include "gate.h"
#include "history.h"
#include "interrupt.h"
#include "report.h"

#define MAX_BACKENDS    32
#define DEFAULT_TIMEOUT 30.0

const struct command cmd_run_command = {
    "run",
    cmd_run,
    "run extractor backends over the corpus and score them",
    "usage: factbench run [--corpus PATH] [--gold DIR] [--backend SPEC]... [--out DIR]\n"
    "                     [--jobs N] [--timeout S] [--no-cache] [--refresh] [settings]\n"
    "                     [--fail-under F1] [--baseline FILE --max-drop X] [--shard K/N]\n"
    "\n"
    "Runs each backend over every article that has gold, scores the predictions,\n"
    "compares every pair of backends, and writes OUT/report.json,\n"
    "OUT/predictions/<backend>/<id>.json and OUT/logs/<backend>.stderr.log.\n"
    "\n" CMD_INPUT_HELP
    "  --backend SPEC        builtin (default), null, oracle, dir:PATH, exec:CMD,\n"
    "                        jsonl:CMD, plugin:PATH.so, http:URL, llm:URL, or a name\n"
    "                        from the config file; repeat it to compare backends\n"
    "  --out DIR             where the outputs go (default: reports/latest)\n"
    "  --jobs N              articles at once per process or HTTP backend (default: "
    "1)\n" CMD_THREADS_HELP
    "  --timeout S           seconds per article (per request for HTTP) (default: 30)\n"
    "  --cache DIR           cache of external backends (default: reports/cache)\n"
    "  --no-cache            neither read nor write the cache\n"
    "  --refresh             ignore cached responses, store fresh ones\n"
    "\n"
    "quality gates (exit 1 when one fails; in the --mode given):\n"
    "  --fail-under F1       fail when overall F1 is under F1; CATEGORY=F1 for one\n"
    "                        category (actors, counts, dates, claims); repeatable\n"
    "  --baseline FILE       a report.json to compare with\n"
    "  --max-drop X          fail when F1 (overall or a category) drops by more than X\n"
    "  --require-significant fail a drop only when the paired test finds it (p < alpha)\n"
    "  --alpha A             significance level (default 0.05)\n"
    "  --update-baseline     also write this run's report to FILE (default\n"
    "                        reports/baseline.json)\n"
    "  --history FILE        append one JSON line per backend with the scores\n"
    "\n"
    "sharding (run parts of the corpus apart, then `factbench merge`):\n"
    "  --shard K/N           score the articles of shard K of N (0 <= K < N)\n"
    "  --shard auto          K and N from Slurm (SLURM_ARRAY_TASK_ID, _MIN, _COUNT),\n"
    "                        or K from JOB_COMPLETION_INDEX (Kubernetes) with\n"
    "  --shard-count N       the number of shards\n" CMD_SETTING_HELP
    "  -h, --help            show this help\n",
};

enum {
    OPT_NO_CACHE = 400,
    OPT_REFRESH,
    OPT_CACHE,
    OPT_FAIL_UNDER,
    OPT_BASELINE,
    OPT_MAX_DROP,
    OPT_SIGNIFICANT,
    OPT_ALPHA,
    OPT_UPDATE_BASELINE,
    OPT_HISTORY,
    OPT_SHARD,
    OPT_SHARD_COUNT,
};

struct run_args {
    struct cmd_inputs in;
    const char *specs[MAX_BACKENDS];
    size_t n_specs;
    const char *out, *cache_dir;
    unsigned jobs;
    unsigned threads; /* 0: one per CPU */
    double timeout;
    bool no_cache, refresh;
    struct gate_options gate;
    const char *baseline, *history, *shard_arg;
    bool update_baseline;
    long shard_count;
    struct diag *d;
};

static int parse(int argc, char **argv, struct run_args *a, struct cmd_settings *settings)
{
    static const struct option options[] = {
        CMD_INPUT_OPTIONS,
        {"backend", required_argument, NULL, 'b'},
        {"out", required_argument, NULL, 'o'},
        {"jobs", required_argument, NULL, 'j'},
        CMD_THREADS_OPTION,
        {"timeout", required_argument, NULL, 't'},
        {"cache", required_argument, NULL, OPT_CACHE},
        {"no-cache", no_argument, NULL, OPT_NO_CACHE},
        {"refresh", no_argument, NULL, OPT_REFRESH},
        {"fail-under", required_argument, NULL, OPT_FAIL_UNDER},
        {"baseline", required_argument, NULL, OPT_BASELINE},
        {"max-drop", required_argument, NULL, OPT_MAX_DROP},
        {"require-significant", no_argument, NULL, OPT_SIGNIFICANT},
        {"alpha", required_argument, NULL, OPT_ALPHA},
        {"update-baseline", no_argument, NULL, OPT_UPDATE_BASELINE},
        {"history", required_argument, NULL, OPT_HISTORY},
        {"shard", required_argument, NULL, OPT_SHARD},
        {"shard-count", required_argument, NULL, OPT_SHARD_COUNT},
        {"help", no_argument, NULL, 'h'},
        CMD_SETTING_OPTIONS,
        {NULL, 0, NULL, 0},
    };
    int c;
    char *end;
    while ((c = cmd_getopt(argc, argv, ":hj:", options, &cmd_run_command)) != -1) {
        int took = cmd_take_threads(&cmd_run_command, c, optarg, &a->threads);
        if (took < 0)
            return FB_EXIT_INPUT;
        if (took || cmd_take_setting(settings, c, optarg) || cmd_take_input(&a->in, c, optarg))
            continue;
        switch (c) {
        case 'b':
            if (a->n_specs == MAX_BACKENDS)
                return cmd_usage_error(&cmd_run_command, "at most %d backends", MAX_BACKENDS);
            a->specs[a->n_specs++] = optarg;
            break;
        case 'o':
            a->out = optarg;
            break;
        case 'j': {
            long jobs = strtol(optarg, &end, 10);
            if (*end || jobs < 1 || jobs > 256)
                return cmd_usage_error(&cmd_run_command, "--jobs: expected 1 to 256");
            a->jobs = (unsigned)jobs;
            break;
        }
        case 't':
            a->timeout = strtod(optarg, &end);
            if (*end || !(a->timeout > 0 && a->timeout <= 86400))
                return cmd_usage_error(&cmd_run_command,
                                       "--timeout: expected seconds, up to 86400");
            break;
        case OPT_CACHE:
            a->cache_dir = optarg;
            break;
        case OPT_NO_CACHE:
            a->no_cache = true;
            break;
        case OPT_REFRESH:
            a->refresh = true;
            break;
        case OPT_FAIL_UNDER:
            if (!gate_parse_fail_under(&a->gate, optarg, a->d))
                return FB_EXIT_INPUT;
            break;
        case OPT_BASELINE:
            a->baseline = optarg;
            break;
        case OPT_MAX_DROP:
            a->gate.max_drop = strtod(optarg, &end);
            if (*end || !(a->gate.max_drop >= 0 && a->gate.max_drop <= 1))
                return cmd_usage_error(&cmd_run_command, "--max-drop: expected 0 to 1");
            break;
        case OPT_SIGNIFICANT:
            a->gate.require_significant = true;
            break;
        case OPT_ALPHA:
            a->gate.alpha = strtod(optarg, &end);
            if (*end || !(a->gate.alpha > 0 && a->gate.alpha < 1))
                return cmd_usage_error(&cmd_run_command, "--alpha: expected more than 0, under 1");
            break;
        case OPT_UPDATE_BASELINE:
            a->update_baseline = true;
            break;
        case OPT_HISTORY:
            a->history = optarg;
            break;
        case OPT_SHARD:
            a->shard_arg = optarg;
            break;
        case OPT_SHARD_COUNT:
            a->shard_count = strtol(optarg, &end, 10);
            if (*end || a->shard_count < 1 || a->shard_count > 100000)
                return cmd_usage_error(&cmd_run_command, "--shard-count: expected 1 to 100000");
            break;
        case 'h':
            return -1;
        default:
            return FB_EXIT_INPUT;
        }
    }
    if (optind < argc)
        return cmd_usage_error(&cmd_run_command, "unexpected argument '%s'", argv[optind]);
    if (!a->n_specs)
        a->specs[a->n_specs++] = "builtin";
    if (a->gate.max_drop >= 0 && !a->baseline)
        return cmd_usage_error(&cmd_run_command, "--max-drop needs --baseline FILE");
    if (a->shard_arg && (gate_wanted(&a->gate) || a->update_baseline || a->history))
        return cmd_usage_error(&cmd_run_command,
                               "gates, baselines and history apply to whole runs: run the "
                               "shards, `factbench merge` them, and gate the merged report");
    return 0;
}

static long env_number(const char *name)
{
    const char *v = getenv(name);
    char *end;
    long n = v && *v ? strtol(v, &end, 10) : -1;
    return v && *v && !*end ? n : -1;
}

/* The shard of --shard K/N or --shard auto; false (reported) when it makes no sense. */
static bool shard_of(const struct run_args *a, struct shard *s, struct diag *d)
{
    long k = -1, n = -1;
    if (!a->shard_arg)
        return true;
    if (strcmp(a->shard_arg, "auto") != 0) {
        char *end;
        k = strtol(a->shard_arg, &end, 10);
        n = *end == '/' ? strtol(end + 1, &end, 10) : -1;
        if (*end)
            n = -1;
    } else if (env_number("SLURM_ARRAY_TASK_ID") >= 0 && env_number("SLURM_ARRAY_TASK_COUNT") > 0) {
        long min = env_number("SLURM_ARRAY_TASK_MIN");
        k = env_number("SLURM_ARRAY_TASK_ID") - (min > 0 ? min : 0);
        n = a->shard_count > 0 ? a->shard_count : env_number("SLURM_ARRAY_TASK_COUNT");
    } else if (env_number("JOB_COMPLETION_INDEX") >= 0) {
        k = env_number("JOB_COMPLETION_INDEX");
        n = a->shard_count;
        if (n < 1) {
            diag_error(d, "--shard auto: JOB_COMPLETION_INDEX is set; give --shard-count N");
            return false;
        }
    } else {
        diag_error(d, "--shard auto: neither SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT "
                      "nor JOB_COMPLETION_INDEX is set");
        return false;
    }
    if (n < 1 || n > 100000 || k < 0 || k >= n) {
        diag_error(d, "--shard: expected K/N with 0 <= K < N <= 100000, not '%s' (K %ld, N %ld)",
                   a->shard_arg, k, n);
        return false;
    }
    *s = (struct shard){(unsigned)k, (unsigned)n};
    return true;
}

/*
 * After a whole run: the gate, the baseline update and the history. Returns
 * the exit code so far (0, or 1 when the gate failed).
 */
static int after_run(const struct run_args *a, struct eval *e, struct gate_result *gate,
                     fb_result *rc, struct diag *d)
{
    struct eval baseline;
    bool have_baseline = false;
    if (a->baseline && a->gate.max_drop >= 0) {
        *rc = report_read(a->baseline, &baseline, d);
        if (*rc != FB_OK)
            return 0;
        have_baseline = true;
    }
    if (gate_wanted(&a->gate)) {
        gate_evaluate(e, have_baseline ? &baseline : NULL, &a->gate, gate, d);
        e->gate = gate;
    }
    if (have_baseline)
        eval_release(&baseline);
    return gate_wanted(&a->gate) && !gate->passed ? FB_EXIT_GATE : 0;
}

/* Copies the report just written to the baseline file, whole or not at all. */
static fb_result update_baseline(const char *out, const char *baseline, struct diag *d)
{
    struct buf from = BUF_INIT, text = BUF_INIT;
    buf_addf(&from, "%s/report.json", out);
    fb_result rc = fileio_read(from.data, &text, d) == FB_OK ? FB_OK : FB_ERUNTIME;
    if (rc == FB_OK)
        rc = fileio_write_atomic(baseline, text.data, text.len, true, d);
    if (rc == FB_OK)
        fprintf(stderr, "baseline written to '%s'\n", baseline);
    buf_release(&from);
    buf_release(&text);
    return rc;
}

/* The options of each backend: a config file definition, else the spec itself. */
static void backend_setup(const struct run_args *a, const struct config *cfg, const char *logs,
                          struct backend_options *opts)
{
    for (size_t i = 0; i < a->n_specs; i++) {
        const struct backend_def *def = config_backend(cfg, a->specs[i]);
        struct backend_options *o = &opts[i];
        o->name = a->specs[i];
        o->spec = def ? def->spec : a->specs[i];
        o->version = def ? def->version : NULL;
        o->timeout = def && def->timeout > 0 ? def->timeout : a->timeout;
        o->jobs = def && def->jobs ? def->jobs : a->jobs;
        o->env = def ? def->env : NULL;
        o->log_dir = logs;
        o->max_response = cfg->limits.response_bytes;
        o->http = def ? &def->http : NULL;
        o->identity = NULL;
    }
}

int cmd_run(int argc, char **argv)
{
    struct diag d;
    diag_init_stream(&d, stderr);
    struct run_args a = {.in = CMD_INPUTS_DEFAULT,
                         .out = "reports/latest",
                         .cache_dir = "reports/cache",
                         .jobs = 1,
                         .timeout = DEFAULT_TIMEOUT,
                         .d = &d};
    gate_options_init(&a.gate);
    struct cmd_settings settings = {0};
    int code = parse(argc, argv, &a, &settings);
    struct config cfg;
    config_defaults(&cfg);
    struct shard shard = {0, 0};
    if (!code)
        code = cmd_load_settings(&settings, &cfg, &d);
    if (!code && !shard_of(&a, &shard, &d))
        code = FB_EXIT_INPUT;
    if (code) {
        config_release(&cfg);
        diag_release(&d);
        return code < 0 ? FB_EXIT_OK : code;
    }
    signal(SIGPIPE, SIG_IGN); /* a backend that closes its input fails its article, not the run */
    interrupt_install();
    struct buf logs = BUF_INIT, preds = BUF_INIT;
    buf_addf(&logs, "%s/logs", a.out);
    buf_addf(&preds, "%s/predictions", a.out);
    struct backend_options opts[MAX_BACKENDS];
    backend_setup(&a, &cfg, logs.data, opts);
    struct eval_options eo = {
        .cfg = &cfg,
        .corpus = a.in.corpus,
        .gold = a.in.gold,
        .backends = opts,
        .n_backends = a.n_specs,
        .predictions_dir = preds.data,
        .cache = {a.no_cache ? NULL : a.cache_dir, !a.refresh},
        .progress = isatty(STDERR_FILENO) == 1,
        .shard = shard,
        .threads = a.threads,
    };
    struct eval e;
    struct gate_result gate = {true, NULL, 0};
    fb_result rc = fileio_mkdirs_in(a.out, logs.data, &d);
    if (rc == FB_OK)
        rc = fileio_mkdirs_in(a.out, preds.data, &d); /* no link planted in the tree */
    if (rc == FB_OK)
        rc = eval_run(&e, &eo, &d);
    if (rc == FB_OK) {
        code = after_run(&a, &e, &gate, &rc, &d);
        if (rc == FB_OK)
            rc = report_write(&e, a.out, a.history, &d);
        if (rc == FB_OK && a.update_baseline)
            rc = update_baseline(a.out, a.baseline ? a.baseline : "reports/baseline.json", &d);
        if (rc == FB_OK && a.history)
            rc = history_append(a.history, &e, &d);
        if (rc == FB_OK) {
            report_print_summary(&e, stdout);
            gate_explain(&gate, stderr);
        }
        eval_release(&e);
    }
    gate_release(&gate);
    buf_release(&logs);
    buf_release(&preds);
    config_release(&cfg);
    diag_release(&d);
    return rc != FB_OK ? fb_exit_code(rc) : code;
}
