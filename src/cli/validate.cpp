// `certif validate [--json] FILE...`: checks dossier bundles (format, attachments, integrity) and reports per file.
#include "cli/cli.hpp"
#include "cli/options.hpp"

#include "core/formats/bundle.hpp"

#include <nlohmann/json.hpp>

#include <iostream>

namespace cli {

namespace {

constexpr std::string_view sub = "validate";

void print_usage(std::ostream& out) {
  out << "Usage: certif validate [--json] FILE...\n\n"
         "Checks dossier bundles (format certif-intra/dossier v1): the JSON itself, every member's type,\n"
         "each attachment (base64, size, SHA-256, media type, name) and the bundle's integrity digest.\n"
         "Prints a report per file: valid or not, then each problem with its JSON Pointer.\n\n"
         "  --json   one JSON document on standard output:\n"
         "           {\"valid\": bool, \"files\": [{\"file\": \"...\", \"valid\": bool, \"digest\": \"hex\" | null,\n"
         "            \"issues\": [{\"severity\": \"error\"|\"warning\"|\"notice\", \"code\": \"...\",\n"
         "                        \"path\": \"/json/pointer\", \"message\": \"...\"}]}]}\n\n"
         "  --identity KEYFILE  opens sealed files (.age) first (repeatable; for a passphrase, see\n"
         "           certif open --help): a damaged one is invalid, one no key opens is unreadable.\n\n"
         "Exit status: 0 every file is valid; 1 some file is not; 2 bad arguments or an unreadable file.\n";
}

struct Report {
  std::string file;
  bool readable = true;
  bool valid = false;
  std::string digest;
  std::vector<core::Issue> issues;
};

Report check(std::string_view file, AgeInput& age) {
  Report r;
  r.file = std::string(file);
  auto text = read_bundle_file(file, &age);
  if (!text) {
    r.readable = !cannot_read(text.error());
    r.issues = text.issues();
    return r;
  }
  auto bundle = core::parse_bundle(*text);
  if (bundle) {
    r.valid = true;
    r.digest = bundle->digest;
    r.issues = std::move(bundle->issues);
  } else {
    r.issues = bundle.issues();
  }
  return r;
}

nlohmann::json to_json(const Report& r) {
  nlohmann::json issues = nlohmann::json::array();
  for (const auto& i : r.issues) {
    issues.push_back({{"severity", core::to_string(i.severity)}, {"code", i.code}, {"path", i.path}, {"message", i.message}});
  }
  return {{"file", r.file}, {"valid", r.valid}, {"digest", r.valid ? nlohmann::json(r.digest) : nlohmann::json(nullptr)},
          {"issues", std::move(issues)}};
}

void print_text(const Report& r, std::ostream& out) {
  std::size_t errors = 0, warnings = 0, notices = 0;
  for (const auto& i : r.issues) {
    if (i.severity == core::Severity::error) ++errors;
    else if (i.severity == core::Severity::warning) ++warnings;
    else ++notices;
  }
  const std::string name = r.file == "-" ? "standard input" : r.file;
  if (r.valid) {
    out << name << ": valid (integrity sha256-jcs " << r.digest << ")";
  } else {
    out << name << ": INVALID (" << errors << (errors == 1 ? " error" : " errors") << ")";
  }
  if (warnings + notices > 0) {
    out << ", " << warnings << (warnings == 1 ? " warning" : " warnings") << ", " << notices
        << (notices == 1 ? " notice" : " notices");
  }
  out << '\n';
  for (const auto& i : r.issues) out << "  " << format_issue(i) << '\n';
}

} // namespace

int run_validate(const Args& args) {
  const Options o = parse_options(args, with_age_options({{{"--json"}}}));
  AgeInput age;
  if (const auto stop = stop_early(sub, o, print_usage, &age)) return *stop;
  const bool json = o.has("--json");
  const std::vector<std::string_view>& files = o.positional;
  if (files.empty()) {
    fail(sub, "missing FILE; see certif validate --help");
    return exit_usage;
  }

  bool all_valid = true, all_readable = true;
  nlohmann::json reports = nlohmann::json::array();
  for (const auto file : files) {
    const Report r = check(file, age);  // one file in memory at a time
    all_valid = all_valid && r.valid;
    all_readable = all_readable && r.readable;
    if (json) reports.push_back(to_json(r));
    else print_text(r, std::cout);
  }
  if (json) {
    const nlohmann::json out = {{"valid", all_valid}, {"files", std::move(reports)}};
    std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  }
  if (!all_readable) return exit_usage;
  return all_valid ? exit_ok : exit_invalid;
}

} // namespace cli
