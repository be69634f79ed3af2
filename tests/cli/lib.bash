# What the CLI test scripts share (sourced, not a test itself: ctest runs tests/cli/*.sh): the program and
# the repository from the arguments, a scratch folder, and running a command with its exit status checked.
#   source "$(dirname "$0")/lib.bash" "$@"
certif="$1"
root="$2"
fail() { echo "FAIL: $*" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# run NAME EXPECTED_EXIT ARGS... : stdout in $tmp/out, stderr in $tmp/err.
run() {
  local name="$1" expected="$2"
  shift 2
  "$certif" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
  local rc=$?
  [ "$rc" -eq "$expected" ] || fail "$name: exit $rc, expected $expected; stdout: $(head -c 2000 "$tmp/out"); stderr: $(cat "$tmp/err")"
}
# has out|err TEXT MESSAGE : TEXT is in what the last run printed there.
has() { grep -qF -- "$2" "$tmp/$1" || fail "$3: '$2' not in $1: $(head -c 3000 "$tmp/$1")"; }
