// `certif`: the native command line over the same core the browser runs.
#include "cli/cli.hpp"

#include "core/version.hpp"

#include <sodium.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace cli {

std::optional<std::string> read_input(std::string_view path, std::string& error) {
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    if (std::cin.bad()) {
      error = "cannot read standard input";
      return std::nullopt;
    }
    return std::move(ss).str();
  }
  std::ifstream in{std::string(path), std::ios::binary};
  if (!in) {
    error = "cannot open " + std::string(path);
    return std::nullopt;
  }
  // One read into a string of the file's size: bundles run to 200 MB, and a character-by-character
  // copy costs more than verifying them.
  std::string data;
  in.seekg(0, std::ios::end);
  const std::streamoff size = in ? static_cast<std::streamoff>(in.tellg()) : -1;
  in.clear();
  in.seekg(0, std::ios::beg);
  if (size > 0 && in) {
    data.resize(static_cast<std::size_t>(size));
    in.read(data.data(), size);
    data.resize(static_cast<std::size_t>(in.gcount()));
  }
  // To the end, whatever the size said (a growing file, a pipe that cannot tell its size).
  if (!in.bad()) {
    in.clear();
    data.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  if (in.bad()) {
    error = "cannot read " + std::string(path);
    return std::nullopt;
  }
  return data;
}

void fail(std::string_view sub, std::string_view message) {
  std::cerr << "certif " << sub << ": " << shown(message) << '\n';
}

} // namespace cli

namespace {

// Subcommands are added here as they are built; each lives in its own file.
const cli::Subcommand subcommands[] = {
    {"help", "show this help", nullptr},
    {"eligibility", "check the prerequisites from a JSON description (FILE or -)", cli::run_eligibility},
    {"validate", "check dossier bundles: format, attachments, integrity (--json)", cli::run_validate},
    {"inspect", "show a bundle: who, startup, pieces, integrity, eligibility rechecked", cli::run_inspect},
    {"extract", "unpack a bundle into a folder: answers.json, meta.json, files/", cli::run_extract},
    {"pack", "make a bundle from such a folder (the reverse of extract)", cli::run_pack},
    {"cohort", "the cohort table (CSV) from bundles and evaluation records (-o FILE)", cli::run_cohort},
    {"html", "printable HTML: dossier summary, evaluation sheet, attestation (-o FILE)", cli::run_html},
    {"seal", "encrypt a dossier for the jury's keys or a passphrase (age v1, -o FILE.age)", cli::run_seal},
    {"open", "decrypt a sealed dossier (.age) with --identity KEYFILE or its passphrase", cli::run_open},
    {"keygen", "make an age key pair (identity file, public key age1…, fingerprint)", cli::run_keygen},
    {"credential", "signed credentials: keygen, sign, verify, profile, revoke", cli::run_credential},
    {"cpf", "the holders' declaration to the CPF (XML flux) from evaluation records and bundles", cli::run_cpf},
    {"merge", "merge two jurors' evaluation records of one bundle, report differences (--json)", cli::run_merge},
};

void print_help(std::ostream& out) {
  out << "certif " << core::app_version << " — certif-intra's command line (RS3536 dossiers)\n\n"
      << "Usage: certif <command> [arguments]\n"
      << "       certif --help | --version\n\n"
      << "Commands:\n";
  for (const auto& s : subcommands) {
    std::string name = s.name;
    name.resize(14, ' ');
    out << "  " << name << s.synopsis << '\n';
  }
  out << "\nExit status: 0 success, 1 input read but not valid, 2 usage or unreadable input.\n"
      << "Every command reads the same formats and applies the same rules as the web app.\n"
      << "validate, inspect and cohort also read sealed dossiers (.age) with --identity KEYFILE.\n";
}

} // namespace

int main(int argc, char** argv) {
  // libsodium picks its fastest code for this CPU and readies its random generator (seal, keygen).
  if (sodium_init() < 0) {
    std::cerr << "certif: libsodium cannot start\n";
    return cli::exit_usage;
  }
  cli::Args args(argv + 1, argv + argc);
  if (args.empty()) {
    print_help(std::cerr);
    return cli::exit_usage;
  }
  const std::string_view first = args.front();
  if (first == "--help" || first == "-h" || first == "help") {
    print_help(std::cout);
    return cli::exit_ok;
  }
  if (first == "--version" || first == "-V") {
    std::cout << "certif " << core::app_version << '\n';
    return cli::exit_ok;
  }
  for (const auto& s : subcommands) {
    if (first == s.name && s.run) return s.run(cli::Args(args.begin() + 1, args.end()));
  }
  std::cerr << "certif: unknown command '" << first << "' (see certif --help)\n";
  return cli::exit_usage;
}
