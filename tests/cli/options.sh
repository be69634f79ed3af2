#!/usr/bin/env bash
# The subcommands' option messages, word for word, now that one parser reads every command's options
# (src/cli/options.cpp): a missing value, an unknown option or argument, a bad value, "--" and --help.
#   tests/cli/options.sh CERTIF_BINARY REPO_ROOT
source "$(dirname "$0")/lib.bash" "$@"
samples="$root/assets/samples"

# usage NAME ARGS... : exit 2 and exactly this one line on stderr ($EXPECT).
usage() {
  local name="$1"
  shift
  run "$name" 2 "$@"
  [ "$(cat "$tmp/err")" = "$EXPECT" ] || fail "$name: stderr '$(cat "$tmp/err")', expected '$EXPECT'"
}

EXPECT="certif cohort: -o needs a FILE; see certif cohort --help" usage "cohort -o" cohort -o
EXPECT="certif cohort: -o needs a FILE; see certif cohort --help" usage "cohort --output" cohort --output
EXPECT="certif cohort: unknown option '--json'; see certif cohort --help" usage "cohort unknown" cohort --json x.json
EXPECT="certif cohort: --identity needs a value; see certif cohort --help" usage "cohort --identity" cohort x.json --identity
EXPECT="certif validate: -i needs a value; see certif validate --help" usage "validate -i" validate -i
EXPECT="certif validate: --passphrase-fd needs a file descriptor number" usage "validate fd" validate --passphrase-fd x f.json
EXPECT="certif validate: missing FILE; see certif validate --help" usage "validate nothing" validate --json
EXPECT="certif inspect: --date needs a day written YYYY-MM-DD; see certif inspect --help" usage "inspect --date" inspect f.json --date 2025-13-01
EXPECT="certif inspect: --date needs a day written YYYY-MM-DD; see certif inspect --help" usage "inspect --date missing" inspect f.json --date
EXPECT="certif inspect: expected one FILE; see certif inspect --help" usage "inspect two" inspect a.json b.json
EXPECT="certif open: -o needs a FILE; see certif open --help" usage "open --output" open f.age --output
EXPECT="certif open: expected one FILE.age; see certif open --help" usage "open two" open a.age b.age
EXPECT="certif seal: --recipient needs a value; see certif seal --help" usage "seal --recipient" seal f.json --recipient
EXPECT="certif seal: --work-factor needs a number from 1 to 22" usage "seal work factor" seal f.json -p --work-factor 23
EXPECT="certif html: --lang needs fr or en; see certif html --help" usage "html --lang" html summary f.json --lang de
EXPECT="certif html: -o needs a FILE; see certif html --help" usage "html --output" html summary f.json --output
EXPECT="certif cpf: --output needs a value; see certif cpf --help" usage "cpf --output" cpf --output
EXPECT="certif pack: --exported-at needs a value; see certif pack --help" usage "pack --exported-at" pack dir --exported-at
EXPECT="certif extract: unknown option '--all'; see certif extract --help" usage "extract unknown" extract f.json dir --all
EXPECT="certif keygen: unknown argument 'key.txt'; see certif keygen --help" usage "keygen operand" keygen key.txt
EXPECT="certif keygen: --output needs a FILE; see certif keygen --help" usage "keygen --output" keygen --output
EXPECT="certif credential: --key needs a value; see certif credential --help" usage "credential sign --key" credential sign --key
EXPECT="certif credential: unknown option '--x'; see certif credential --help" usage "credential verify unknown" credential verify --x

# "--" ends the options: a file named like an option is a file.
run "cohort -- file" 2 cohort -- --not-an-option.json  # read as a file (unreadable: exit 2), not refused as an option
has err "cannot open --not-an-option.json" "cohort -- file"
# --help wins over what follows it, and prints the usage on standard output.
run "validate --help" 0 validate --help --nonsense
has out "Usage: certif validate" "validate --help"
run "valid sample still valid" 0 validate "$samples/complete.json"
echo "options: ok"
