// The `certif` command line: shared helpers and the subcommands' entry points.
#pragma once

#include "core/codecs/age.hpp"
#include "core/formats/bundle.hpp"
#include "core/formats/evaluation.hpp"
#include "core/model/programme.hpp"
#include "core/model/referential.hpp"
#include "core/base/result.hpp"
#include "core/model/ruleset.hpp"

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cli {

// Exit codes shared by every subcommand.
inline constexpr int exit_ok = 0;
inline constexpr int exit_invalid = 1;  // the input was read but did not pass (e.g. an invalid bundle)
inline constexpr int exit_usage = 2;    // bad arguments, unreadable file, malformed input

using Args = std::vector<std::string_view>;

struct Subcommand {
  const char* name;
  const char* synopsis;  // one line for `certif --help`
  int (*run)(const Args& args);  // args exclude the program and subcommand names
};

// Reads a whole file, or standard input for "-". nullopt (and `error` set) when unreadable.
std::optional<std::string> read_input(std::string_view path, std::string& error);

// Prints "certif <sub>: <message>" on stderr.
void fail(std::string_view sub, std::string_view message);

// ---- shared by the bundle commands (src/cli/bundle_files.cpp) ----------------------------------------

// ---- sealed (age) files (src/cli/age_io.cpp) -------------------------------------------------------------

// The keys a command opens sealed files with: --identity FILE (-i, repeatable: age identity files) and,
// for files sealed with a passphrase, --passphrase-env VAR or --passphrase-fd N (else the terminal).
struct AgeInput {
  std::vector<std::string> identity_files;
  std::string passphrase_env;
  int passphrase_fd = -1;
  // Filled on first use, then reused for every file of the command.
  bool loaded = false;
  std::vector<core::AgeIdentity> identities;
  std::optional<core::Issue> load_error;
  std::optional<std::string> passphrase;
};
// (cli/options.hpp: with_age_options and age_from_options read these options with a command's own.)
// Whether an issue from read_bundle_file means the file could not be read or opened (exit status 2:
// file.unreadable, and no key, a wrong key or passphrase for a sealed file) rather than read and found
// invalid (exit status 1).
bool cannot_read(const core::Issue& issue);

enum class PassphraseSource { env, fd, terminal, none };
PassphraseSource passphrase_source(const AgeInput& age);
// The passphrase from --passphrase-env, --passphrase-fd (its first line) or the terminal (asked twice
// when `twice`, echo off). nullopt and `error` set when there is none.
std::optional<std::string> get_passphrase(AgeInput& age, bool twice, std::string& error);

class OutputFile;
// Opens the sealed file being read from `in` (`head`: its first bytes, already read), with at most
// `limit` bytes of content; `file_size` (0 when unknown) lets it reserve the content's memory at once.
// Memory: the content plus a megabyte, whatever the file's size — or, with a `sink`, a megabyte or two:
// the content goes there as it verifies (and the result is empty); the caller commits the sink only on
// success. Issues carry the age.* codes (file.unwritable when the sink fails).
core::Result<std::string> open_sealed(std::istream& in, std::string head, const std::string& shown, AgeInput* age,
                                      std::uint64_t limit, std::uint64_t file_size, OutputFile* sink = nullptr);

// When the file at `path` is a sealed one: open_sealed's result on it; nullopt when it is not sealed.
std::optional<core::Result<std::string>> read_if_sealed(const std::string& path, const std::string& shown, AgeInput* age,
                                                        std::uint64_t limit, std::uint64_t file_size);

// A file written in pieces that appears under its name only once complete: a temporary file next to it,
// renamed by commit(); removed if the object goes before. "-" is standard output (written at once).
// Refuses to replace an existing file unless `force`, and never writes through a symbolic link.
class OutputFile {
public:
  OutputFile() = default;
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  ~OutputFile();
  bool open(const std::string& path, bool force, unsigned mode, std::string& error);
  bool write(std::string_view bytes, std::string& error);
  bool commit(std::string& error);

private:
  std::string path_, temp_;
  int fd_ = -1;
};


// Reads a bundle file ("-": standard input) without ever holding more than core::max_bundle_bytes + 1
// bytes: a larger file is refused (code json.too_large) before it is read. An unreadable file gives the
// code file.unreadable. A sealed (age) file is opened with `age`'s keys as it is read (see open_sealed).
core::Result<std::string> read_bundle_file(std::string_view path, AgeInput* age = nullptr);

// The programmes embedded in the program (the web app's), each with its referential and ruleset,
// loaded once; the one with this id, or nullptr and `error` set.
const core::LoadedProgramme* embedded_programme(std::string_view id, std::string& error);
// The programme a bundle was made for (core::programme_for_document: the one it names, else the one
// using its referential and ruleset), or nullptr and `error` set (a programme this program does not know).
const core::LoadedProgramme* bundle_programme(const core::Bundle& bundle, std::string& error);
// The programme an evaluation record is for (core::programme_of), or nullptr and `error` set.
const core::LoadedProgramme* record_programme(const core::Evaluation& record, std::string& error);
// The programme of documents that name none and of what is built from scratch (pack, cpf): RS3536,
// as before programmes existed.
inline constexpr std::string_view default_cli_programme = "rs3536";

// The default programme's referential and ruleset, or nullptr and `error` set.
const core::Referential* embedded_referential(std::string& error);
const core::Ruleset* embedded_ruleset(std::string& error);

// The current UTC time, "YYYY-MM-DDThh:mm:ssZ" (bundles' exported_at, identity files' created line).
std::string utc_now();

// Writes `bytes` to `path` ("-": standard output). Refuses to replace an existing file unless `force`,
// and then only a regular file with no other hard link (replacing it would change a file elsewhere);
// never writes through a symbolic link. On standard output, a terminal gets the control characters
// escaped (core::terminal_text, line breaks kept); a pipe or a file gets the bytes as they are. false
// and `error` set on failure.
bool write_file(const std::string& path, std::string_view bytes, bool force, std::string& error);

// Why `path` may not be written (nullopt: it may): a symbolic link; an existing file without `force`;
// with `force`, anything but a regular file with a single hard link (a FIFO, a device, a folder, a file
// linked from elsewhere). The checks write_file makes, for commands that check every target first.
std::optional<std::string> cannot_write(const std::string& path, bool force);

// Text from a bundle (a name, a title, a message quoting it) as printed in reports: control characters
// escaped (core::terminal_text), so that it can neither send terminal commands nor fake a line.
std::string shown(std::string_view text);

// "error   /answers/identity/email: message" (one line: line breaks in the message become spaces, other
// control characters are escaped).
std::string format_issue(const core::Issue& issue);
// "12.3 KiB"
std::string format_size(std::uint64_t bytes);

// `certif eligibility [--programme ID] [--session ID] FILE|-` (src/cli/eligibility.cpp).
int run_eligibility(const Args& args);
// `certif validate [--json] FILE...` (src/cli/validate.cpp).
int run_validate(const Args& args);
// `certif inspect FILE [--date YYYY-MM-DD]` (src/cli/inspect.cpp).
int run_inspect(const Args& args);
// `certif extract FILE DIR [--force]` (src/cli/extract.cpp).
int run_extract(const Args& args);
// `certif pack DIR -o FILE [--force] [--exported-at T]` (src/cli/pack.cpp).
int run_pack(const Args& args);
// `certif cohort [-o FILE] [--force] [--semicolon] FILE...` (src/cli/cohort.cpp).
int run_cohort(const Args& args);
// `certif html summary|evaluation|attestation FILE... [--lang fr|en] [-o FILE] [--force]` (src/cli/html.cpp).
int run_html(const Args& args);
// `certif seal FILE (--recipient age1… … | --passphrase) [-o FILE.age]` (src/cli/seal.cpp).
int run_seal(const Args& args);
// `certif open FILE.age [--identity KEYFILE…] [-o FILE]` (src/cli/open.cpp).
int run_open(const Args& args);
// `certif keygen [-o FILE] | -y FILE` (src/cli/keygen.cpp).
int run_keygen(const Args& args);
// `certif credential keygen|sign|verify|profile|revoke ...` (src/cli/credential.cpp).
int run_credential(const Args& args);
// `certif cpf EVALUATION... BUNDLE... -o FLUX.xml [--settings FILE] ...` (src/cli/cpf.cpp).
int run_cpf(const Args& args);
// `certif merge RECORD_A RECORD_B [-o MERGED] [--force] [--json]` (src/cli/merge.cpp).
int run_merge(const Args& args);

} // namespace cli
