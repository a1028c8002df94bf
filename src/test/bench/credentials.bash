# Credentials for the benchmark (sourced by ./bench, and by scenarios that start services of
# their own, such as cluster.sh). Every function takes the base URL of the service it calls.

# POSTs JSON (stdin); prints the answer's body, then its HTTP status (000 when there was no
# answer) on a line of its own. Args: URL [more curl options]
post_json() {
  local url=$1; shift
  curl -sS -H 'Content-Type: application/json' --data-binary @- -w '\n%{http_code}' "$@" "$url" || true
}
status_of() { tail -n 1 <<<"$1"; }
body_of() { sed '$d' <<<"$1"; }
# A string field of a JSON answer (tokens, ids and CSRF tokens hold no quotes). Args: name answer
field() { sed -nE "s/.*\"$1\":\"([^\"]*)\".*/\1/p" <<<"$2" | head -n 1; }
# A string as a JSON string literal.
json_string() { local s=${1//\\/\\\\}; printf '"%s"' "${s//\"/\\\"}"; }

# Signs in as admin (password GRIDCC_ADMIN_PASSWORD) as a page does, with a cookie and its CSRF
# token, and makes a bearer token for admin that lasts a day. Sets BENCH_TOKEN and
# BENCH_TOKEN_ID; revoke it with revoke_token. Args: base URL, database name (for the message)
admin_token() {
  local base=$1 database=$2 jar answer csrf
  jar=$(mktemp)
  # The password goes on stdin, not on curl's command line where ps would show it.
  answer=$(post_json "$base/api/session" -c "$jar" <<<"{\"username\":\"admin\",\"password\":$(json_string "$GRIDCC_ADMIN_PASSWORD")}")
  case $(status_of "$answer") in
    200) ;;
    401) rm -f "$jar"
         fail "admin could not sign in to the database $database: its admin was made with another password. Set GRIDCC_BENCH_ADMIN_PASSWORD to that password (or drop $database and ./bench makes it anew)" ;;
    *)   rm -f "$jar"; fail "signing in as admin answered $(status_of "$answer"): $(body_of "$answer")" ;;
  esac
  csrf=$(field csrf "$answer")
  answer=$(post_json "$base/api/users/admin/tokens" -b "$jar" -H "X-CSRF-Token: $csrf" \
    <<<"{\"label\":\"./bench $(date '+%F %H:%M')\",\"days\":1}")
  # The session was only needed for that one token.
  curl -sS -o /dev/null -X DELETE -b "$jar" -H "X-CSRF-Token: $csrf" "$base/api/session" || true
  rm -f "$jar"
  [ "$(status_of "$answer")" = 201 ] || fail "making admin's token answered $(status_of "$answer"): $(body_of "$answer")"
  BENCH_TOKEN=$(field token "$answer")
  BENCH_TOKEN_ID=$(field id "$answer")
}

# Revokes a token; failures are ignored. Args: base URL, admin's bearer token, user, token id
revoke_token() {
  [ -n "$4" ] || return 0
  curl -sS -o /dev/null -X DELETE -H "Authorization: Bearer $2" "$1/api/users/$3/tokens/$4" || true
}
