// The one option parser of `certif`'s subcommands.
#include "cli/options.hpp"

#include <iostream>

#include <cstdlib>

namespace cli {

const std::string* Options::get(const std::string& name) const {
  const auto it = values.find(name);
  return it == values.end() || it->second.empty() ? nullptr : &it->second.back();
}

std::string Options::value_or(const std::string& name, std::string fallback) const {
  const std::string* v = get(name);
  return v ? *v : std::move(fallback);
}

Options parse_options(const Args& args, const std::vector<OptionSpec>& spec, bool positionals) {
  Options o;
  bool done = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view a = args[i];
    const OptionSpec* found = nullptr;
    if (!done) {
      for (const OptionSpec& s : spec) {
        for (const std::string_view n : s.names) {
          if (n == a) found = &s;
        }
      }
    }
    if (!done && (a == "--help" || a == "-h")) {
      o.help = true;
    } else if (!done && a == "--") {
      done = true;
    } else if (found && !found->needs.empty()) {
      if (i + 1 >= args.size()) {
        o.error = std::string(found->message_names_first ? found->names.front() : a) + " needs " + std::string(found->needs);
        return o;
      }
      o.values[std::string(found->names.front())].emplace_back(args[++i]);
    } else if (found) {
      o.flags.insert(std::string(found->names.front()));
    } else if (!positionals) {
      o.error = "unknown argument '" + std::string(a) + "'";
      return o;
    } else if (!done && a.size() > 1 && a.front() == '-') {
      o.error = "unknown option '" + std::string(a) + "'";
      return o;
    } else {
      o.positional.push_back(a);
    }
  }
  return o;
}

Options parse_options(const Args& args, const std::set<std::string>& with_value, const std::set<std::string>& flags) {
  std::vector<OptionSpec> spec;
  for (const std::string& n : with_value) spec.push_back({{n}, "a value"});
  for (const std::string& n : flags) spec.push_back({{n}});
  return parse_options(args, spec);
}

int usage_error(std::string_view sub, const std::string& message) {
  fail(sub, message + "; see certif " + std::string(sub) + " --help");
  return exit_usage;
}

std::optional<int> stop_early(std::string_view sub, const Options& o, void (*usage)(std::ostream&), AgeInput* age) {
  if (o.help) {
    usage(std::cout);
    return exit_ok;
  }
  if (!o.error.empty()) return usage_error(sub, o.error);
  if (age != nullptr && !age_from_options(sub, o, *age)) return exit_usage;
  return std::nullopt;
}

std::vector<OptionSpec> with_age_options(std::vector<OptionSpec> spec) {
  spec.push_back({{"-i", "--identity"}, "a value"});
  spec.push_back({{"--passphrase-env"}, "a value"});
  spec.push_back({{"--passphrase-fd"}, "a value"});
  return spec;
}

bool age_from_options(std::string_view sub, const Options& o, AgeInput& age) {
  if (const auto it = o.values.find("-i"); it != o.values.end()) age.identity_files = it->second;
  age.passphrase_env = o.value_or("--passphrase-env", "");
  if (const std::string* value = o.get("--passphrase-fd")) {
    char* end = nullptr;
    const long fd = std::strtol(value->c_str(), &end, 10);
    if (value->empty() || *end != '\0' || fd < 0 || fd > 1000000) {
      fail(sub, "--passphrase-fd needs a file descriptor number");
      return false;
    }
    age.passphrase_fd = static_cast<int>(fd);
  }
  return true;
}

} // namespace cli
