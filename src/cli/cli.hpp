// The `certif` command line: shared helpers and the subcommands' entry points.
#pragma once

#include "core/referential.hpp"
#include "core/result.hpp"
#include "core/ruleset.hpp"

#include <cstdint>
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

// Reads a bundle file ("-": standard input) without ever holding more than core::max_bundle_bytes + 1
// bytes: a larger file is refused (code json.too_large) before it is read. An unreadable file gives the
// code file.unreadable.
core::Result<std::string> read_bundle_file(std::string_view path);

// The referential and ruleset embedded in the program (the web app's), or nullptr and `error` set.
const core::Referential* embedded_referential(std::string& error);
const core::Ruleset* embedded_ruleset(std::string& error);

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

// `certif eligibility FILE|-` (src/cli/eligibility.cpp).
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

} // namespace cli
