// `certif eligibility FILE|-`: checks the prerequisites from a JSON description and prints the verdict as JSON.
#include "cli/cli.hpp"

#include "assets/assets.hpp"
#include "core/model/eligibility.hpp"
#include "core/model/ruleset.hpp"

#include <iostream>

namespace cli {

namespace {

constexpr std::string_view sub = "eligibility";
constexpr std::string_view ruleset_asset = "rulesets/rs3536-2020.json";

void print_usage(std::ostream& out) {
  out << "Usage: certif eligibility FILE\n"
         "       certif eligibility -          (read standard input)\n\n"
         "Checks the certification's prerequisites (ruleset rs3536-2020) from a JSON description:\n"
         "  {\"reference_date\": \"YYYY-MM-DD\",\n"
         "   \"periods\": [{\"start\": \"YYYY-MM-DD\", \"end\": \"YYYY-MM-DD\" | null,\n"
         "                \"time\": \"full\" | \"part\"}],\n"
         "   \"phases\": {\"investigation\": true | false, \"construction\": true | false}}\n"
         "An absent or null end means still in the role. Prints the verdict as JSON:\n"
         "  {\"eligible\", \"ruleset\", \"reference_date\", \"criteria\": {\n"
         "     \"duration\": {\"met\", \"full_time_days\", \"part_time_days\", \"equivalent_days\",\n"
         "                  \"required_days\", \"met_on\"},\n"
         "     \"phases\": {\"met\", \"investigation\", \"construction\"},\n"
         "     \"recency\": {\"met\", \"current\", \"last_end\", \"apply_before\"}}}\n"
         "Dates are YYYY-MM-DD or null; equivalent_days is a whole number or ends in .5.\n\n"
         "Exit status: 0 a verdict was printed (eligible or not); 2 bad arguments, unreadable file,\n"
         "or invalid input (one line on stderr: the JSON Pointer of the first problem and what is wrong).\n";
}

// One line: where (a JSON Pointer, or the file for a document-level problem), what, and how many more.
std::string describe_issues(const std::vector<core::Issue>& issues, std::string_view file) {
  const core::Issue& first = issues.front();
  // A problem with the text itself (syntax, encoding) is located by line and column in its message:
  // name the file; a problem with a value is named by its JSON Pointer.
  const bool text_problem = first.path.empty() || first.code.rfind("json.", 0) == 0;
  std::string where = text_problem ? std::string(file == "-" ? "standard input" : file) : first.path;
  std::string line = where + ": " + first.message;
  if (issues.size() > 1) {
    const std::size_t more = issues.size() - 1;
    line += " (and " + std::to_string(more) + (more == 1 ? " more problem)" : " more problems)");
  }
  for (char& c : line) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return line;
}

} // namespace

int run_eligibility(const Args& args) {
  if (!args.empty() && (args.front() == "--help" || args.front() == "-h")) {
    print_usage(std::cout);
    return exit_ok;
  }
  if (args.size() != 1) {
    fail(sub, args.empty() ? "missing FILE (or - for standard input); see certif eligibility --help"
                           : "expected one FILE; see certif eligibility --help");
    return exit_usage;
  }
  const std::string_view file = args.front();
  if (file.size() > 1 && file.front() == '-') {
    fail(sub, "unknown option '" + std::string(file) + "'; see certif eligibility --help");
    return exit_usage;
  }

  const auto ruleset_text = assets::find(ruleset_asset);
  if (!ruleset_text) {
    fail(sub, "the embedded ruleset " + std::string(ruleset_asset) + " is missing (a build problem)");
    return exit_usage;
  }
  const auto ruleset = core::parse_ruleset(*ruleset_text);
  if (!ruleset) {
    fail(sub, "the embedded ruleset is invalid (a build problem): " + describe_issues(ruleset.issues(), ruleset_asset));
    return exit_usage;
  }

  std::string read_error;
  const auto text = read_input(file, read_error);
  if (!text) {
    fail(sub, read_error);
    return exit_usage;
  }
  const auto input = core::parse_eligibility_input(*text);
  if (!input) {
    fail(sub, describe_issues(input.issues(), file));
    return exit_usage;
  }

  const auto result = core::evaluate(*input, *ruleset);
  std::cout << core::to_json(result).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  return exit_ok;
}

} // namespace cli
