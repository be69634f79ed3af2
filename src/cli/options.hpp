// The one option parser of `certif`'s subcommands: "-h"/"--help", options with or without a value (each
// under its spellings), "--" ending the options, and the messages every subcommand gives for a missing
// value or an unknown option.
#pragma once

#include "cli/cli.hpp"

#include <map>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace cli {

// One option: its spellings (found under the first), and what it needs when it takes a value.
struct OptionSpec {
  std::vector<std::string_view> names;  // "-o", "--output"
  std::string_view needs = {};          // "a FILE": takes a value ("-o needs a FILE"); empty: a flag
  bool message_names_first = false;     // the message says names.front() whatever spelling was typed
};

// What the arguments hold, options under their first spelling, in the order given.
struct Options {
  std::vector<std::string_view> positional;
  std::map<std::string, std::vector<std::string>> values;
  std::set<std::string> flags;
  bool help = false;
  std::string error;  // "-o needs a FILE", "unknown option '-x'": the first problem met (parsing stops)

  const std::string* get(const std::string& name) const;  // the last value given, or nullptr
  std::string value_or(const std::string& name, std::string fallback) const;
  bool has(const std::string& flag) const { return flags.count(flag) != 0; }
};

// Reads `args`. With `positionals` false, any other argument is an error ("unknown argument 'x'").
Options parse_options(const Args& args, const std::vector<OptionSpec>& spec, bool positionals = true);
// The same for options spelt one way each, all needing "a value".
Options parse_options(const Args& args, const std::set<std::string>& with_value, const std::set<std::string>& flags);

// Prints "certif <sub>: <message>; see certif <sub> --help" and returns exit_usage.
int usage_error(std::string_view sub, const std::string& message);

// The options that open sealed files (-i/--identity, --passphrase-env, --passphrase-fd), to add to a
// command's own; age_from_options moves what was given into `age` (false after printing why).
std::vector<OptionSpec> with_age_options(std::vector<OptionSpec> spec);
bool age_from_options(std::string_view sub, const Options& o, AgeInput& age);

// What every subcommand does first with its options: "--help" prints `usage` (exit_ok); a parsing problem
// (or, given `age`, a wrong age option) is a usage error (exit_usage). Returns the exit code to stop
// with, or nothing to go on.
std::optional<int> stop_early(std::string_view sub, const Options& o, void (*usage)(std::ostream&), AgeInput* age = nullptr);

} // namespace cli
