// `certif keygen [-o FILE]` / `certif keygen -y FILE`: a new age X25519 key pair, written as age-keygen
// writes it, or the public keys of an identity file.
#include "cli/cli.hpp"
#include "cli/options.hpp"

#include <sodium.h>

#include <iostream>

namespace cli {

namespace {

constexpr std::string_view sub = "keygen";

void print_usage(std::ostream& out) {
  out << "Usage: certif keygen [-o FILE] [--force]\n"
         "       certif keygen -y FILE\n\n"
         "Makes a new age X25519 key pair and writes the identity file as age-keygen does (readable by its\n"
         "owner only):\n"
         "  # created: 2026-12-02T10:00:00Z\n"
         "  # public key: age1…\n"
         "  AGE-SECRET-KEY-1…\n"
         "to FILE (default: standard output), and the public key and its fingerprint on standard error.\n"
         "Give the public key (age1…) to those who seal for you; keep the file secret and keep a copy:\n"
         "without it, what is sealed for that key can never be opened again.\n\n"
         "  -y FILE   print the public key of each identity in FILE (- : standard input), one per line,\n"
         "            and their fingerprints on standard error\n"
         "  --force   replace FILE if it exists\n\n"
         "Exit status: 0 done; 2 bad arguments, an unreadable or invalid FILE, or FILE cannot be written.\n";
}

} // namespace

int run_keygen(const Args& args) {
  // No operand: anything but these options is an "unknown argument".
  const Options o = parse_options(args, {{{"-o", "--output"}, "a FILE"}, {{"-y"}, "a FILE"}, {{"--force"}}}, false);
  if (const auto stop = stop_early(sub, o, print_usage)) return *stop;
  const std::string output = o.value_or("-o", "-");
  std::optional<std::string> public_of;
  if (const std::string* v = o.get("-y")) public_of = *v;
  const bool force = o.has("--force");
  std::string error;
  if (public_of) {
    auto text = read_input(*public_of, error);
    if (!text) {
      fail(sub, error);
      return exit_usage;
    }
    const auto ids = core::parse_age_identity_file(*text);
    sodium_memzero(&(*text)[0], text->size());
    if (!ids) {
      for (const auto& i : ids.issues()) fail(sub, *public_of + ": " + i.message);
      return exit_usage;
    }
    for (const auto& id : *ids) {
      std::cout << core::format_age_recipient(id.recipient) << '\n';
      std::cerr << "Fingerprint: " << core::age_fingerprint(id.recipient) << '\n';
    }
    return exit_ok;
  }
  std::string random(32, '\0');
  randombytes_buf(&random[0], random.size());
  const auto id = core::age_identity_from_random(random);
  sodium_memzero(&random[0], random.size());
  if (!id) {
    fail(sub, id.error().message);
    return exit_usage;
  }
  std::string file = core::format_age_identity_file(*id, utc_now());
  OutputFile out;
  const bool written = out.open(output, force, 0600, error) && out.write(file, error) && out.commit(error);
  sodium_memzero(&file[0], file.size());
  if (!written) {
    fail(sub, error);
    return exit_usage;
  }
  std::cerr << "Public key: " << core::format_age_recipient(id->recipient) << '\n'
            << "Fingerprint: " << core::age_fingerprint(id->recipient) << '\n';
  return exit_ok;
}

} // namespace cli
