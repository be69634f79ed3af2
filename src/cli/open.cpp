// `certif open FILE.age [--identity KEYFILE]... [-o FILE]`: decrypts an age v1 file (a sealed dossier),
// verified to its last chunk before anything is written.
#include "cli/cli.hpp"
#include "cli/options.hpp"

#include "core/formats/bundle.hpp"

#include <sodium.h>

#include <filesystem>
#include <fstream>
#include <iostream>

namespace cli {

namespace {

namespace fs = std::filesystem;
constexpr std::string_view sub = "open";

void print_usage(std::ostream& out) {
  out << "Usage: certif open FILE.age [--identity KEYFILE]... [-o FILE] [--force]\n\n"
         "Decrypts an age v1 file (a sealed dossier; - : standard input) with a private key, or with its\n"
         "passphrase, and checks every chunk up to the last: a damaged, modified or truncated file is\n"
         "refused with where it broke, and nothing is written then.\n\n"
         "  -i, --identity KEYFILE  an age identity file (as age-keygen or certif keygen write it; repeat\n"
         "                          for several). A file sealed for other keys is refused with the\n"
         "                          fingerprints its header names.\n"
         "  --passphrase-env VAR    for a file sealed with a passphrase: take it from the environment\n"
         "                          variable VAR (for scripts); otherwise it is asked on the terminal\n"
         "  --passphrase-fd N       … or from the first line read on file descriptor N\n"
         "  -o FILE                 where to write (default: standard output); FILE appears only once the\n"
         "                          whole file verified, readable by its owner only\n"
         "  --force                 replace FILE if it exists\n\n"
         "validate, inspect and cohort read sealed files directly with the same options.\n\n"
         "Exit status: 0 opened; 1 the file is damaged, modified, truncated or not an age file; 2 bad\n"
         "arguments, an unreadable file, no key or passphrase that opens it, or FILE cannot be written.\n";
}

} // namespace

int run_open(const Args& args) {
  AgeInput age;
  const Options o = parse_options(args, with_age_options({{{"-o", "--output"}, "a FILE", true}, {{"--force"}}}));
  if (const auto stop = stop_early(sub, o, print_usage, &age)) return *stop;
  if (o.positional.size() > 1) return usage_error(sub, "expected one FILE.age");
  const std::optional<std::string_view> input =
      o.positional.empty() ? std::nullopt : std::optional<std::string_view>(o.positional.front());
  const std::string output = o.value_or("-o", "-");
  const bool force = o.has("--force");
  if (!input) {
    fail(sub, "missing FILE.age; see certif open --help");
    return exit_usage;
  }
  const std::string shown = *input == "-" ? "standard input" : std::string(*input);
  std::ifstream file;
  std::istream* in = &std::cin;
  std::uint64_t size = 0;
  if (*input != "-") {
    std::error_code ec;
    if (fs::is_directory(std::string(*input), ec)) {
      fail(sub, shown + " is a folder, not a file");
      return exit_usage;
    }
    file.open(std::string(*input), std::ios::binary);
    if (!file) {
      fail(sub, "cannot open " + shown);
      return exit_usage;
    }
    size = fs::file_size(std::string(*input), ec);
    if (ec) size = 0;
    in = &file;
  }
  // Written nowhere until verified: to a file, through a temporary one renamed at the end (memory: a
  // megabyte or two); to standard output, from memory once verified (so at most a dossier's size).
  std::string error;
  OutputFile out;
  if (!out.open(output, force, 0600, error)) {
    fail(sub, error);
    return exit_usage;
  }
  const std::uint64_t limit = output == "-" ? core::max_bundle_bytes : UINT64_MAX;
  std::string head(64, '\0');
  in->read(&head[0], static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in->gcount()));
  auto plain = open_sealed(*in, std::move(head), shown, &age, limit, size, output == "-" ? nullptr : &out);
  if (!plain) {
    fail(sub, shown + ": " + plain.error().message + " (" + plain.error().code + ")");
    return cannot_read(plain.error()) ? exit_usage : exit_invalid;
  }
  std::string& content = plain.value();
  const bool written = out.write(content, error) && out.commit(error);
  sodium_memzero(&content[0], content.size());
  if (!written) {
    fail(sub, error);
    return exit_usage;
  }
  return exit_ok;
}

} // namespace cli
