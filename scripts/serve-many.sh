#!/usr/bin/env bash
# Serves the app from several Streamlit processes behind Debian's nginx, with sticky sessions and websockets.
#
#   scripts/serve-many.sh [PROCESSES] [PORT] [DATABASE_URL]
#                                   defaults: one process per core, port 8080, LSTM_EXPLORER_DATABASE_URL
#
# Class votes are shared between visitors, so every process must reach the same database: with more than
# one process give DATABASE_URL (PostgreSQL, postgresql+psycopg://user:password@host/db) or set
# LSTM_EXPLORER_DATABASE_URL. Without either, every process shares one SQLite file under $LSTM_EXPLORER_DATA
# (default ~/.local/share/lstm-explorer), which holds for one machine and a class or two.
#
# Streamlit keeps each visitor's session (days, weights, training runs) in the memory of the process
# that served the page, over one websocket. nginx therefore pins a browser to one process with a
# cookie of its own, and passes the websocket upgrade through. Logs, pids and nginx's files go to
# $LSTM_EXPLORER_RUN_DIR (default: a new temporary folder). Ctrl-C or SIGTERM stops everything.
# nginx compresses what a first visit loads (scripts/nginx-compression.conf: gzip level 6 for
# JavaScript, CSS, JSON, HTML, SVG) and lets browsers keep /static for a year.
set -euo pipefail
cd "$(dirname "$0")/.."

processes="${1:-$(nproc)}"
port="${2:-8080}"
database_url="${3:-${LSTM_EXPLORER_DATABASE_URL:-}}"
case "$processes" in '' | *[!0-9]* | 0) echo "serve-many: PROCESSES must be a whole number from 1, not '$processes'" >&2; exit 2 ;; esac
case "$port" in '' | *[!0-9]*) echo "serve-many: PORT must be a port number, not '$port'" >&2; exit 2 ;; esac
if [ "$processes" -gt 32 ] || [ "$port" -lt 1 ] || [ $((port + processes)) -gt 65535 ]; then
  echo "serve-many: at most 32 processes, on ports PORT+1 to PORT+PROCESSES below 65536" >&2
  exit 2
fi
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"
[ -x "$nginx_bin" ] || { echo "serve-many: nginx is not installed (apt-get install nginx)" >&2; exit 2; }

run_dir="${LSTM_EXPLORER_RUN_DIR:-$(mktemp -d)}"
mkdir -p "$run_dir"
# Each process caps its own concurrent runs; share the cores out between them unless told otherwise.
per_process_runs="${LSTM_EXPLORER_MAX_RUNS:-$(( ($(nproc) + processes - 1) / processes ))}"
# One secret for all processes, so a cookie signed by one is valid at another if nginx ever fails over.
cookie_secret="$(python -c 'import secrets; print(secrets.token_hex(32))')"

children=()
stop_all() {
  trap - EXIT INT TERM
  for pid in "${children[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop_all EXIT INT TERM

upstreams=""
for index in $(seq 1 "$processes"); do
  app_port=$((port + index))
  LSTM_EXPLORER_MAX_RUNS="$per_process_runs" STREAMLIT_SERVER_COOKIE_SECRET="$cookie_secret" PYTHONUNBUFFERED=1 \
    LSTM_EXPLORER_DATABASE_URL="$database_url" \
    python -m streamlit run streamlit_app.py --server.port "$app_port" --server.address 127.0.0.1 \
    --server.headless true >"$run_dir/app-$index.log" 2>&1 &
  children+=("$!")
  echo "$!" >"$run_dir/app-$index.pid"
  upstreams="$upstreams    server 127.0.0.1:$app_port;
"
done

for index in $(seq 1 "$processes"); do
  app_port=$((port + index))
  for _ in $(seq 1 600); do
    if python -c "import urllib.request, sys; urllib.request.urlopen('http://127.0.0.1:$app_port/_stcore/health', timeout=1)" 2>/dev/null; then
      break
    fi
    kill -0 "${children[$((index - 1))]}" 2>/dev/null || { echo "serve-many: app $index exited; see $run_dir/app-$index.log" >&2; exit 1; }
    sleep 0.1
  done
done

cat >"$run_dir/nginx.conf" <<EOF
worker_processes auto;
pid $run_dir/nginx.pid;
error_log $run_dir/nginx-error.log warn;
daemon off;
events { worker_connections 1024; }
http {
  log_format routed '\$remote_addr "\$request" \$status upstream=\$upstream_addr route=\$route_key';
  access_log $run_dir/nginx-access.log routed;
  client_body_temp_path $run_dir/client_body;
  proxy_temp_path $run_dir/proxy;
  fastcgi_temp_path $run_dir/fastcgi;
  uwsgi_temp_path $run_dir/uwsgi;
  scgi_temp_path $run_dir/scgi;
  # Streamlit refuses weights files over 1 MB with its own message; let slightly more through to it.
  client_max_body_size 2m;
  # Nothing touches disk: nginx's workers (www-data under a root master) may not be able to write to
  # the run folder, and a large response (plotly.js) or an upload spilled to a temporary file there
  # would fail. Upload bodies stay in memory; responses stream through instead of being spooled.
  client_body_buffer_size 2m;
  proxy_max_temp_file_size 0;

  # A browser without our cookie gets a new random route; the cookie then keeps it on one process.
  map \$cookie_lstm_explorer_route \$route_key { "" \$request_id; default \$cookie_lstm_explorer_route; }
  map \$cookie_lstm_explorer_route \$route_cookie {
    "" "lstm_explorer_route=\$request_id; Path=/; HttpOnly; SameSite=Lax";
    default "";
  }
  map \$http_upgrade \$connection_upgrade { default upgrade; "" close; }
  include $PWD/scripts/nginx-compression.conf;
  # Streamlit names its bundles under /static by their content's hash and marks them immutable for a
  # year; a file that comes without caching headers gets a day, so a returning visitor loads nothing.
  map \$upstream_http_cache_control \$static_cache_control { "" "public, max-age=86400"; default ""; }

  upstream lstm_explorer {
    hash \$route_key consistent;
$upstreams  }

  server {
    listen $port;
    location /static/ {
      proxy_pass http://lstm_explorer;
      proxy_http_version 1.1;
      proxy_set_header Host \$host;
      add_header Cache-Control \$static_cache_control;
    }
    location / {
      proxy_pass http://lstm_explorer;
      proxy_http_version 1.1;
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header Upgrade \$http_upgrade;
      proxy_set_header Connection \$connection_upgrade;
      # The websocket stays open as long as the visitor keeps the page.
      proxy_read_timeout 1h;
      add_header Set-Cookie \$route_cookie always;
    }
  }
}
EOF

"$nginx_bin" -c "$run_dir/nginx.conf" -p "$run_dir" &
children+=("$!")
echo "LSTM Explorer on http://localhost:$port: $processes app processes, each training at most $per_process_runs run(s) at once; files in $run_dir"
wait -n
echo "serve-many: a process exited; stopping the others (see $run_dir)" >&2
exit 1
