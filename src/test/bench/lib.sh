# Helpers for benchmark scenarios (sourced).

# Runs wrk against a URL; prints "requests/s p50-ms p99-ms". Args: url [connections] [seconds]
wrk_figures() {
  local url=$1 connections=${2:-64} seconds=${3:-10}
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "$url" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /^Requests\/sec/ { rps = $2 }
    /Non-2xx/ { bad = $NF }
    END { if (bad) { print "wrk saw " bad " non-2xx answers" > "/dev/stderr"; exit 1 }
          printf "%.0f %.2f %.2f\n", rps, p50, p99 }'
}

# Serves a folder with nginx on a port in the background until the scenario exits.
nginx_serve() {
  local root=$1 port=$2 dir
  dir=$(mktemp -d)
  chmod 755 "$dir" "$root"
  cat >"$dir/nginx.conf" <<CONF
worker_processes auto;
daemon off;
pid $dir/nginx.pid;
error_log $dir/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  server { listen 127.0.0.1:$port; root $root; default_type application/json; }
}
CONF
  nginx -c "$dir/nginx.conf" -p "$dir" &
  NGINX_PID=$!
  trap 'kill $NGINX_PID 2>/dev/null' EXIT
  for _ in $(seq 1 50); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/")" != 000 ] && return 0
    sleep 0.1
  done
  echo "nginx did not start; see $dir/error.log" >&2
  return 1
}
