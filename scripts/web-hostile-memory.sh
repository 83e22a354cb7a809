#!/usr/bin/env bash
# Peak memory and time of `licit check` against hostile servers on 127.0.0.1 (nothing else is
# contacted): a page of 100,000 images, an endless body, a gzip bomb (256 MiB of spaces), a
# 2 GB Content-Length claim, a server that never answers, and a redirect loop.
#
#   scripts/web-hostile-memory.sh [path/to/licit]      (default: target/debug/licit)
#
# Needs python3 and GNU time (/usr/bin/time). Prints the maximum resident set size.
set -euo pipefail
licit=${1:-target/debug/licit}
port_file=$(mktemp)
python3 - "$port_file" <<'PY' &
import gzip, http.server, socketserver, sys, threading, time

BOMB = gzip.compress(b" " * (256 << 20), compresslevel=9)
MANY = ("<html><body>\n" + "".join(f'<img src="/i/{i}.jpg">\n' for i in range(100_000))).encode()

class H(http.server.BaseHTTPRequestHandler):
    def log_message(self, *a):
        pass
    def send(self, status, headers, body=b""):
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        if body:
            self.wfile.write(body)
    def do_GET(self):
        p = self.path
        try:
            if p == "/many.html":
                self.send(200, [("Content-Type", "text/html"), ("Content-Length", str(len(MANY)))], MANY)
            elif p.startswith("/endless"):
                self.send(200, [("Content-Type", "text/html" if p.endswith(".html") else "image/jpeg")])
                end = time.time() + 30
                while time.time() < end:
                    self.wfile.write(b"<p>more</p>" * 4096)
            elif p == "/bomb.html":
                self.send(200, [("Content-Type", "text/html"), ("Content-Encoding", "gzip"), ("Content-Length", str(len(BOMB)))], BOMB)
            elif p == "/claim.jpg":
                self.send(200, [("Content-Type", "image/jpeg"), ("Content-Length", "2147483648")], b"\xff\xd8\xff\xe0" + b"\0" * 100000)
            elif p == "/silent.jpg":
                time.sleep(30)
            elif p == "/loop":
                self.send(302, [("Location", "/loop"), ("Content-Length", "0")])
            else:
                self.send(404, [("Content-Length", "0")])
        except (BrokenPipeError, ConnectionResetError):
            pass

class S(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True

srv = S(("127.0.0.1", 0), H)
open(sys.argv[1], "w").write(str(srv.server_address[1]))
threading.Timer(120, srv.shutdown).start()
srv.serve_forever()
PY
server=$!
trap 'kill $server 2>/dev/null; rm -f "$port_file"' EXIT
for _ in $(seq 50); do [ -s "$port_file" ] && break; sleep 0.2; done
port=$(cat "$port_file")
base="http://127.0.0.1:$port"
env -u HTTP_PROXY -u http_proxy -u ALL_PROXY -u all_proxy \
  /usr/bin/time -v "$licit" check --no-cache --timeout 2 --format jsonl \
  "$base/many.html" "$base/endless.html" "$base/endless.jpg" "$base/bomb.html" \
  "$base/claim.jpg" "$base/silent.jpg" "$base/loop" >/tmp/licit-hostile.jsonl 2>/tmp/licit-hostile.time || true
echo "items: $(wc -l </tmp/licit-hostile.jsonl)"
python3 - <<'PY'
import json, collections
kinds = collections.Counter()
for line in open("/tmp/licit-hostile.jsonl"):
    it = json.loads(line)
    for e in it["errors"]:
        kinds[e["kind"]] += 1
print("error kinds:", dict(kinds))
PY
grep -E "Maximum resident|Elapsed \(wall" /tmp/licit-hostile.time
