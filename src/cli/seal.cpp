// `certif seal FILE (--recipient age1… … | --passphrase) [-o FILE.age]`: encrypts a dossier (any file) in
// the age v1 format for the jury's public keys or a passphrase, a piece at a time.
#include "cli/cli.hpp"
#include "cli/options.hpp"

#include <sodium.h>

#include <fstream>
#include <iostream>

#include <unistd.h>

namespace cli {

namespace {

constexpr std::string_view sub = "seal";

void print_usage(std::ostream& out) {
  out << "Usage: certif seal FILE --recipient age1… [--recipient age1…]... [-o FILE.age] [--force]\n"
         "       certif seal FILE --passphrase [--work-factor N] [-o FILE.age] [--force]\n\n"
         "Encrypts FILE (- : standard input) in the age v1 format (age-encryption.org/v1), so that only the\n"
         "holders of the private keys, or of the passphrase, can open it: with `certif open`, the web app,\n"
         "or Debian's `age -d`. The content is unchanged inside (a dossier opens to the same bytes, the\n"
         "same integrity digest). Memory stays at a few megabytes whatever the size.\n\n"
         "  -r, --recipient age1…   a public key to seal for (repeat for several); the header also names\n"
         "                          each key's fingerprint (XXXX-XXXX-XXXX-XXXX), so that a coach without\n"
         "                          the key is told which one it needs\n"
         "  --anonymous             do not name the keys' fingerprints in the header\n"
         "  -p, --passphrase        seal with a passphrase instead (scrypt), asked twice on the terminal;\n"
         "                          it cannot be combined with public keys\n"
         "  --passphrase-env VAR    the passphrase from the environment variable VAR (for scripts)\n"
         "  --passphrase-fd N       the passphrase from the first line read on file descriptor N\n"
         "  --work-factor N         scrypt's work factor, log2 (default 18, as age; 1 to 22)\n"
         "  -o FILE.age             where to write (default: standard output, unless it is a terminal);\n"
         "                          FILE.age appears only once complete\n"
         "  --force                 replace FILE.age if it exists\n\n"
         "A summary goes to standard error: the size and, for each key, its fingerprint, which the\n"
         "candidate can read out to the jury by phone to check the key is theirs.\n\n"
         "Exit status: 0 sealed; 2 bad arguments, an unreadable FILE or FILE.age cannot be written.\n";
}

} // namespace

int run_seal(const Args& args) {
  const Options o = parse_options(args, with_age_options({{{"-r", "--recipient"}, "a value"},
                                                          {{"-o", "--output"}, "a value"},
                                                          {{"--work-factor"}, "a value"},
                                                          {{"-p", "--passphrase"}},
                                                          {{"--anonymous"}},
                                                          {{"--force"}}}));
  AgeInput age;
  if (const auto stop = stop_early(sub, o, print_usage, &age)) return *stop;
  core::AgeSealOptions options;
  if (const auto it = o.values.find("-r"); it != o.values.end()) {
    for (const std::string& text : it->second) {
      const auto r = core::parse_age_recipient(text);
      if (!r) {
        fail(sub, "--recipient " + text + ": " + r.error().message);
        return exit_usage;
      }
      options.recipients.push_back(*r);
    }
  }
  if (const std::string* v = o.get("--work-factor")) {
    char* end = nullptr;
    const long n = std::strtol(v->c_str(), &end, 10);
    if (v->empty() || *end != '\0' || n < 1 || n > 22) {
      fail(sub, "--work-factor needs a number from 1 to 22");
      return exit_usage;
    }
    options.work_factor = static_cast<int>(n);
  }
  if (o.has("-p")) options.use_passphrase = true;
  if (o.has("--anonymous")) options.name_recipients = false;
  const bool force = o.has("--force");
  const std::string output = o.value_or("-o", "-");
  if (o.positional.size() > 1) return usage_error(sub, "expected one FILE");
  const std::optional<std::string_view> input =
      o.positional.empty() ? std::nullopt : std::optional<std::string_view>(o.positional.front());
  // A passphrase given for a script means sealing with it.
  if (!age.passphrase_env.empty() || age.passphrase_fd >= 0) options.use_passphrase = true;
  if (!input) {
    fail(sub, "missing FILE; see certif seal --help");
    return exit_usage;
  }
  if (options.use_passphrase && !options.recipients.empty()) {
    fail(sub, "a passphrase seals alone (the age format wants it so): give either --passphrase or --recipient");
    return exit_usage;
  }
  if (!options.use_passphrase && options.recipients.empty()) {
    fail(sub, "give the jury's public key with --recipient age1…, or use --passphrase; see certif seal --help");
    return exit_usage;
  }
  if (output == "-" && ::isatty(STDOUT_FILENO)) {
    fail(sub, "not writing a sealed (binary) file to the terminal: give -o FILE.age");
    return exit_usage;
  }
  std::ifstream file;
  std::istream* in = &std::cin;
  if (*input != "-") {
    file.open(std::string(*input), std::ios::binary);
    if (!file) {
      fail(sub, "cannot open " + std::string(*input));
      return exit_usage;
    }
    in = &file;
  }
  std::string error;
  if (options.use_passphrase) {
    auto p = get_passphrase(age, true, error);
    if (!p) {
      fail(sub, error);
      return exit_usage;
    }
    if (p->empty()) {
      fail(sub, "the passphrase is empty");
      return exit_usage;
    }
    options.passphrase = std::move(*p);
  }
  std::string random(core::age_seal_random_size(options), '\0');
  randombytes_buf(&random[0], random.size());
  auto sealer = core::AgeSealer::create(options, random);
  sodium_memzero(&random[0], random.size());
  if (!options.passphrase.empty()) sodium_memzero(&options.passphrase[0], options.passphrase.size());
  if (!sealer) {
    fail(sub, sealer.error().message);
    return exit_usage;
  }
  OutputFile out;
  if (!out.open(output, force, 0644, error)) {
    fail(sub, error);
    return exit_usage;
  }
  std::string piece(std::size_t{1} << 20, '\0');
  std::string sealed;
  while (*in) {
    in->read(&piece[0], static_cast<std::streamsize>(piece.size()));
    sealed.clear();
    sealer->feed(std::string_view(piece).substr(0, static_cast<std::size_t>(in->gcount())), sealed);
    if (!out.write(sealed, error)) {
      fail(sub, error);
      return exit_usage;
    }
  }
  if (in->bad()) {
    fail(sub, "cannot read " + std::string(*input == "-" ? "standard input" : *input));
    return exit_usage;
  }
  sealed.clear();
  sealer->finish(sealed);
  if (!out.write(sealed, error) || !out.commit(error)) {
    fail(sub, error);
    return exit_usage;
  }
  std::cerr << "certif seal: sealed " << format_size(sealer->plaintext_fed());
  if (options.use_passphrase) {
    std::cerr << " with a passphrase (scrypt, work factor " << options.work_factor << ")\n";
  } else {
    std::cerr << " for " << options.recipients.size() << (options.recipients.size() == 1 ? " key" : " keys") << ":\n";
    for (const auto& r : options.recipients) {
      std::cerr << "  " << core::age_fingerprint(r) << "  " << core::format_age_recipient(r) << '\n';
    }
  }
  return exit_ok;
}

} // namespace cli
