#!/usr/bin/env bash
# Rewrites the eligibility table in README.md from the rules themselves
# (`drs-stop-rules table`). tests/readme.rs fails when the README is stale.
set -euo pipefail
cd "$(dirname "$0")/.."
table=$(cargo run -q --bin drs-stop-rules -- table)
TABLE="$table" python3 - <<'PY'
import os, re
path = "README.md"
text = open(path, encoding="utf-8").read()
begin, end = "<!-- stop-table:begin -->", "<!-- stop-table:end -->"
new = f"{begin}\n{os.environ['TABLE'].strip()}\n{end}"
text, count = re.subn(re.escape(begin) + ".*?" + re.escape(end), lambda _: new, text, flags=re.S)
if count != 1:
    raise SystemExit("README.md needs exactly one stop-table block")
open(path, "w", encoding="utf-8").write(text)
PY
echo "README.md table regenerated"
