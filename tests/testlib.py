"""What the end-to-end test scripts share: counting checks, and the closing
line CI reads ("N passed, M failed")."""
import sys

_results = {"passed": 0, "failed": 0}


def check(name, cond, detail=""):
    """Counts one check; a failed one is printed with its detail."""
    if cond:
        _results["passed"] += 1
    else:
        _results["failed"] += 1
        print(f"FAIL {name} {str(detail)[:600]}")


def failures(report, b=0):
    """Backend b's failed articles in a report: {article: reason}."""
    return {f["article"]: f["reason"] for f in report["backends"][b]["failures"]}


def check_failures(prefix, expect, report):
    """Checks each article of expect {article: reason or None}: failed with a
    reason that contains the one given, or scored (None)."""
    got = failures(report)
    for article, reason in expect.items():
        if reason is None:
            check(f"{prefix}: {article} is scored", article not in got, got.get(article, ""))
        else:
            check(f"{prefix}: {article} fails with '{reason}'", reason in got.get(article, ""),
                  got.get(article, "(not failed)"))


def finish():
    """Prints the closing line and exits non-zero when any check failed."""
    print(f"{_results['passed']} passed, {_results['failed']} failed")
    sys.exit(1 if _results["failed"] else 0)
