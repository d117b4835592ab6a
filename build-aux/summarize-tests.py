#!/usr/bin/env python3
"""Reads meson testlog.json files and prints one closing line, N passed, N failed.

Each meson test (one TAP executable) counts once, and so does each fuzz
target that tests/fuzz/run records in the same JSON-lines shape. A log that
is missing counts as one failure. Exits 1 when anything failed or when no
test ran at all."""

import json
import sys

PASSED = {"OK", "EXPECTEDFAIL"}
SKIPPED = {"SKIP"}

passed, failed, skipped = 0, 0, 0
for path in sys.argv[1:]:
    try:
        log = open(path, encoding="utf-8")
    except OSError as error:
        failed += 1
        print(f"failed: no test log {path} ({error.strerror})")
        continue
    with log:
        for line in log:
            if not line.strip():
                continue
            test = json.loads(line)
            result = test["result"]
            if result in PASSED:
                passed += 1
            elif result in SKIPPED:
                skipped += 1
            else:
                failed += 1
                print(f"failed: {test['name']} ({result}) in {path}")

closing = f"{passed} passed, {failed} failed"
if skipped:
    closing += f", {skipped} skipped"
print(closing)
sys.exit(1 if failed or passed == 0 else 0)
