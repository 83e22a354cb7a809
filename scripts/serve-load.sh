#!/usr/bin/env bash
# Load test of `licit serve`: N concurrent uploads (default 50) of a generated image of
# SIZE_MB megabytes (default 10) against a release server on 127.0.0.1. Prints how many were
# answered, with which status, how long it took, and the server's peak resident memory
# (VmHWM from /proc; target: at most 300 MB).
#
#   scripts/serve-load.sh                 # builds the release binary first
#   LICIT=path/to/licit N=50 SIZE_MB=10 scripts/serve-load.sh
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-50}
SIZE_MB=${SIZE_MB:-10}
if [[ -z "${LICIT:-}" ]]; then
    cargo build --release --quiet
    LICIT="${CARGO_TARGET_DIR:-target}/release/licit"
fi
command -v curl >/dev/null || { echo "serve-load: curl is needed" >&2; exit 2; }

work=$(mktemp -d)
server=""
cleanup() {
    [[ -n "$server" ]] && kill "$server" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# A real JPEG's metadata, then SIZE_MB of entropy-coded-looking bytes (no 0xFF, so no
# marker), then the end-of-image marker: the server reads the metadata and skips the rest.
img="$work/big.jpg"
{
    head -c -2 samples/photos/market-day.jpg
    head -c $((SIZE_MB * 1024 * 1024)) /dev/urandom | tr '\377' '\376'
    printf '\377\331'
} >"$img"

"$LICIT" serve --port 0 >"$work/out" 2>"$work/err" &
server=$!
for _ in $(seq 100); do
    grep -q '^listening on ' "$work/out" 2>/dev/null && break
    sleep 0.1
done
url=$(sed -n 's/^listening on //p' "$work/out")
[[ -n "$url" ]] || { echo "serve-load: the server did not start" >&2; cat "$work/err" >&2; exit 2; }
rss_start=$(awk '/VmRSS/ {print $2}' "/proc/$server/status")

start=$(date +%s.%N)
for i in $(seq "$N"); do
    curl -s -o "$work/answer.$i" -w '%{http_code}\n' --max-time 300 \
        -F "file=@$img;filename=big-$i.jpg" "$url/api/check?use=commercial" \
        >"$work/code.$i" 2>/dev/null &
done
wait $(jobs -p | grep -v "^$server\$") 2>/dev/null || true
end=$(date +%s.%N)

peak_kb=$(awk '/VmHWM/ {print $2}' "/proc/$server/status")
ok=$(cat "$work"/code.* | grep -c '^200$' || true)
verdicts=$(cat "$work"/answer.* 2>/dev/null | grep -c '"verdict": "not-allowed"' || true)
echo "uploads: $N of $SIZE_MB MiB each, at once"
echo "answered 200: $ok / $N (items with the expected verdict: $verdicts)"
echo "status codes: $(cat "$work"/code.* | sort | uniq -c | tr -s ' \n' ' ')"
awk -v s="$start" -v e="$end" 'BEGIN { printf "wall time: %.1f s\n", e - s }'
echo "server RSS at start: $((rss_start / 1024)) MiB; peak (VmHWM): $((peak_kb / 1024)) MiB (target <= 300)"
[[ "$ok" -eq "$N" && "$peak_kb" -le $((300 * 1024)) ]]
