#!/usr/bin/env bash
# The layer rule (src/CMakeLists.txt, ADR 0015), checked on the sources: the build alone cannot
# see a header-only crossing, because every layer shares one include root.
#   - http/ and views/ include no store header and nothing of services/internal/;
#   - no public services header includes a store header or names a store type (but the opaque
#     handle of the database in Services, which nothing outside services can use);
#   - views/ include nothing of services/ or http/;
#   - export/ (printed documents, calendar feeds) includes no project header but its own and
#     core/'s;
#   - domain/ includes only the standard library without I/O, domain/ and the I/O-free part of
#     core/ (results, dates, text).
# Prints each crossing as FILE:LINE and fails when there is one.
set -euo pipefail
src=${1:-$(dirname "$0")/../src}
cd "$src"
bad=0
crossing() {  # message, grep output
  if [[ -n $2 ]]; then
    echo "$1:" >&2
    echo "$2" | sed 's/^/  /' >&2
    bad=1
  fi
}
crossing "http/ or views/ reaches the store" \
  "$(grep -nE '^\s*#\s*include\s*[<"](store|services/internal)/' -r http views || true)"
crossing "a services header exposes the store" \
  "$(grep -nE '^\s*#\s*include\s*[<"]store/|\bstore::[A-Za-z_]+' services/*.hpp \
    | grep -vE '^services/context\.hpp:[0-9]+:(class Database;|  store::Database& db;)' || true)"
crossing "views/ reaches services or http" \
  "$(grep -nE '^\s*#\s*include\s*[<"](services|http)/' -r views || true)"
crossing "export/ includes a project header outside export/ and core/" \
  "$(grep -nE '^\s*#\s*include\s*"' -r export | grep -vE '#\s*include\s*"(export|core)/' || true)"
# domain/: project headers from core/ and domain/ only; standard headers but those that do I/O.
crossing "domain/ includes a header outside domain/ and core's results, dates and text" \
  "$(grep -nE '^\s*#\s*include\s*"' -r domain | grep -vE '#\s*include\s*"(domain/|core/(result|time|text)\.hpp")' || true)"
crossing "domain/ includes a header with I/O" \
  "$(grep -nE '^\s*#\s*include\s*<(fstream|iostream|istream|ostream|cstdio|stdio\.h|filesystem|thread|future|sys/|unistd\.h|fcntl\.h|soci|sodium|spdlog|boost|nlohmann|ctemplate|sqlite3|libpq)' -r domain || true)"
crossing "domain/ includes a library header" \
  "$(grep -nE '^\s*#\s*include\s*<[^>]*[/.][^>]*>' -r domain || true)"
if (( bad )); then exit 1; fi
echo "layers: http, views, services headers and domain keep to the rule"
