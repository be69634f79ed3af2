#!/usr/bin/env bash
# Sets up what is missing, builds the web app if its sources changed, and serves it on 127.0.0.1.
# Usage: ./serve.sh [--port N]        (default port 8000)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
port=8000
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port="${2:-}"; shift 2 || true ;;
    --port=*) port="${1#--port=}"; shift ;;
    -h|--help) echo "usage: ./serve.sh [--port N]"; exit 0 ;;
    *) echo "serve.sh: unknown argument '$1' (usage: ./serve.sh [--port N])" >&2; exit 2 ;;
  esac
done
if ! [[ "$port" =~ ^[0-9]+$ ]] || [ "$port" -lt 1 ] || [ "$port" -gt 65535 ]; then
  echo "serve.sh: --port needs a number between 1 and 65535, got '$port'" >&2
  exit 2
fi

"$root/scripts/setup.sh"
"$root/scripts/build.sh" web >/dev/null

site="$root/build/wasm/site"
# Refuse clearly when the port is taken, before announcing a URL that would show someone else's server.
if ! /usr/bin/python3 - "$port" <<'PY'
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
try:
    s.bind(("127.0.0.1", int(sys.argv[1])))
except OSError:
    sys.exit(1)
finally:
    s.close()
PY
then
  echo "serve.sh: port $port on 127.0.0.1 is already in use; choose another with ./serve.sh --port N" >&2
  exit 1
fi

echo "certif-intra is served at http://127.0.0.1:$port/  (folder: $site; Ctrl+C to stop)"
exec /usr/bin/python3 -m http.server "$port" --bind 127.0.0.1 --directory "$site"
