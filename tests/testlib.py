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


def finish():
    """Prints the closing line and exits non-zero when any check failed."""
    print(f"{_results['passed']} passed, {_results['failed']} failed")
    sys.exit(1 if _results["failed"] else 0)
