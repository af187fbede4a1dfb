#!/usr/bin/env bash
# The deployment of docker-compose.yml, checked end to end (README, "Deploying: several instances"):
# builds and starts app ×2 + PostgreSQL + Redis + nginx under a project name of its own, then through
# nginx on :80 — the health check, the H5 app with its first screen, the console at /admin/, a staff
# sign-in made with `npm run admin` inside a container, requests served by both instances, one
# instance SIGKILLed with no failed request, a graceful stop (SIGTERM) of the other, and the data
# kept across `down` and `up` (the pgdata volume). Removes everything it made (containers, volumes).
#   bash scripts/compose-smoke.sh            (needs docker and docker compose or docker-compose, port 80 free)
set -euo pipefail
cd "$(dirname "$0")/.."
export POSTGRES_PASSWORD="smoke-$RANDOM-$RANDOM"
P=zctsmoke
if docker compose version >/dev/null 2>&1; then DC=(docker compose -p $P); else DC=(docker-compose -p $P); fi
B=http://127.0.0.1
fail() { echo "FAIL: $*"; exit 1; }
cleanup() { "${DC[@]}" down -v >/dev/null 2>&1 || true; }
trap cleanup EXIT

wait_healthy() {
  for _ in $(seq 1 90); do
    [ "$(docker ps --filter "name=${P}[-_]app" --filter health=healthy -q | wc -l)" -ge "$1" ] && return 0
    sleep 2
  done
  fail "the app containers did not become healthy"
}
code() { curl -s -o /dev/null -w '%{http_code}' "$@"; }

echo "== build and start"
"${DC[@]}" up -d --build >/dev/null
wait_healthy 2
[ "$(code $B/api/v1/health)" = 200 ] || fail "health through nginx"
curl -s $B/ | grep -q 'zct-first-screen' || fail "首页 without its first screen"
curl -s $B/admin/ | grep -q '政务工作台' || fail "the console is not served at /admin/"

echo "== the first admin, made inside a container, signs in through nginx"
app1=$(docker ps --filter "name=${P}[-_]app1" -q)
docker exec -e ADMIN_PASSWORD='Smoke-Passw0rd-1' "$app1" /app/node_modules/.bin/tsx scripts/admin.ts create-user --username smokeadmin --role admin --org 331000 >/dev/null
login() { curl -s -X POST $B/api/v1/auth/password -H 'content-type: application/json' -d '{"username":"smokeadmin","password":"Smoke-Passw0rd-1"}'; }
TOKEN=$(login | sed -n 's/.*"token":"\([0-9a-f]*\)".*/\1/p')
[ -n "$TOKEN" ] || fail "staff sign-in"
for _ in $(seq 1 12); do [ "$(code -H "authorization: Bearer $TOKEN" "$B/api/v1/admin/audit?page=1&pageSize=5")" = 200 ] || fail "a signed-in read"; done
for c in app1 app2; do
  n=$(docker logs "$(docker ps --filter "name=${P}[-_]$c" -q)" 2>&1 | grep -c '/admin/audit' || true)
  [ "$n" -gt 0 ] || fail "$c served none of the reads (nginx should spread them)"
  echo "   $c served $n of 12"
done

echo "== one instance SIGKILLed: no request fails"
docker kill -s KILL "$app1" >/dev/null
for _ in $(seq 1 20); do [ "$(code "$B/api/v1/policies?page=1&pageSize=1")" = 200 ] || fail "a request failed with app1 down"; done
"${DC[@]}" start app1 >/dev/null
wait_healthy 2

echo "== a graceful stop (SIGTERM) of the other"
app2=$(docker ps --filter "name=${P}[-_]app2" -q)
"${DC[@]}" stop app2 >/dev/null
docker logs "$app2" 2>&1 | grep -q '"signal":"SIGTERM"' || fail "app2 did not shut down on SIGTERM"
[ "$(docker inspect "$app2" --format '{{.State.ExitCode}}')" = 0 ] || fail "app2 exit code"
for _ in $(seq 1 10); do [ "$(code "$B/api/v1/policies?page=1&pageSize=1")" = 200 ] || fail "a request failed with app2 stopped"; done

echo "== down and up: the data is kept"
"${DC[@]}" down >/dev/null
"${DC[@]}" up -d >/dev/null
wait_healthy 2
login | grep -q '"token"' || fail "the staff account did not survive down/up"
echo "compose smoke: all checks passed"
