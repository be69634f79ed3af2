// The `certif` command line: shared helpers and the subcommands' entry points.
#pragma once

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

// `certif eligibility FILE|-` (src/cli/eligibility.cpp).
int run_eligibility(const Args& args);

} // namespace cli
