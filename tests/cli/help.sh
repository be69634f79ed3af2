#!/usr/bin/env bash
# `certif --help`, `--version` and usage errors behave as documented.
set -u
certif="$1"
fail() { echo "FAIL: $*" >&2; exit 1; }

out=$("$certif" --help) || fail "--help exited non-zero"
grep -q "Usage: certif <command>" <<<"$out" || fail "--help lacks a usage line"
for c in seal open keygen; do
  grep -q "^  $c " <<<"$out" || fail "--help does not list '$c'"
done
grep -q "also read sealed dossiers (.age) with --identity KEYFILE" <<<"$out" || fail "--help does not say sealed dossiers are read"
for command in credential cpf; do
  grep -qE "^  $command " <<<"$out" || fail "--help does not list $command"
  "$certif" "$command" --help >/dev/null || fail "certif $command --help exited non-zero"
done
ver=$("$certif" --version) || fail "--version exited non-zero"
[[ "$ver" =~ ^certif\ [0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "--version printed '$ver'"
"$certif" >/dev/null 2>&1; [ $? -eq 2 ] || fail "no arguments should exit 2"
err=$("$certif" no-such-command 2>&1 >/dev/null); [ $? -eq 2 ] || fail "unknown command should exit 2"
grep -q "unknown command 'no-such-command'" <<<"$err" || fail "unknown command message: $err"
echo "ok"
