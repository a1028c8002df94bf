#!/usr/bin/env bash
# Runs nginx (Debian's) in the foreground in front of the service nodes: HTTP and WebSocket
# upgrades balanced across them, a node that refuses connections taken out for a few seconds and
# the request tried on the next. Its configuration and logs go to <repo>/.run/balancer-PORT.
# ./run --cluster starts it; so do the cluster tests.
#
#   scripts/balancer.sh PORT NODE_PORT [NODE_PORT ...]
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
. "$repo/scripts/lib.sh"

[ $# -ge 2 ] || fail "usage: scripts/balancer.sh PORT NODE_PORT [NODE_PORT ...]"
port=$1
shift
apt_install nginx
port_free "$port" ||
  fail "port $port is taken ($(port_user "$port")): stop that program or choose another port with GRIDCC_HTTP_PORT"

dir=$repo/.run/balancer-$port
mkdir -p "$dir"
servers=""
for node in "$@"; do
  # One refused connection takes a node out for 5 s; then it is tried again.
  servers+="    server 127.0.0.1:$node max_fails=1 fail_timeout=5s;"$'\n'
done
cat >"$dir/nginx.conf" <<CONF
# Written by scripts/balancer.sh; changes are lost on the next start.
worker_processes 1;
daemon off;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 8192; }
http {
  access_log off;
  client_body_temp_path $dir/body;
  proxy_temp_path $dir/proxy;
  fastcgi_temp_path $dir/fastcgi;
  uwsgi_temp_path $dir/uwsgi;
  scgi_temp_path $dir/scgi;
  # The service's own limit answers (a problem+json naming it), not nginx's.
  client_max_body_size 0;
  # Only WebSocket upgrades pass (/live); any other (a client's h2c) is not forwarded.
  map \$http_upgrade \$upstream_upgrade { ~*^websocket\$ websocket; default ""; }
  map \$http_upgrade \$upstream_connection { ~*^websocket\$ upgrade; default ""; }
  upstream gridcc {
$servers  }
  server {
    listen $port;
    location / {
      proxy_pass http://gridcc;
      proxy_http_version 1.1;
      proxy_set_header Upgrade \$upstream_upgrade;
      proxy_set_header Connection \$upstream_connection;
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$remote_addr;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_connect_timeout 2s;
      # /live sends a heartbeat every 15 s; an idle socket is not cut before that.
      proxy_read_timeout 1h;
      proxy_send_timeout 1h;
      proxy_request_buffering off;
      proxy_next_upstream error timeout http_502 http_503;
    }
  }
}
CONF
exec nginx -c "$dir/nginx.conf" -p "$dir"
