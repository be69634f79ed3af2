// `certif eligibility [--programme ID] [--session ID] FILE|-`: checks the prerequisites from a JSON
// description and prints the verdict as JSON, with the verdicts for the next sessions of the calendar.
#include "cli/cli.hpp"
#include "cli/options.hpp"

#include "assets/assets.hpp"
#include "core/model/eligibility.hpp"
#include "core/model/ruleset.hpp"
#include "core/codecs/json_strict.hpp"
#include "core/model/programme.hpp"
#include "core/model/session.hpp"

#include <iostream>

namespace cli {

namespace {

constexpr std::string_view sub = "eligibility";
constexpr std::string_view default_programme = "rs3536";  // today's behaviour without --programme
constexpr std::size_t listed_sessions = 4;                 // how many next sessions the verdict lists

void print_usage(std::ostream& out) {
  out << "Usage: certif eligibility FILE\n"
         "       certif eligibility -          (read standard input)\n"
         "       certif eligibility --programme ID [--session ID] FILE|-\n\n"
         "Checks the certification's prerequisites from a JSON description:\n"
         "  {\"reference_date\": \"YYYY-MM-DD\",\n"
         "   \"periods\": [{\"start\": \"YYYY-MM-DD\", \"end\": \"YYYY-MM-DD\" | null,\n"
         "                \"time\": \"full\" | \"part\"}],\n"
         "   \"phases\": {\"investigation\": true | false, \"construction\": true | false},\n"
         "   \"declarations\": {\"acceleration\": bool, \"holds_rs3536\": bool,      (optional; RS6247)\n"
         "                    \"construction_steps\": [\"...\"]},\n"
         "   \"sessions\": [{\"id\", \"label\": {\"fr\", \"en\"}, \"dossier_deadline\": \"YYYY-MM-DD\",\n"
         "                 \"interviews_from\", \"interviews_to\"}]}      (optional: the host's dated sessions)\n"
         "An absent or null end means still in the role.\n\n"
         "  --programme ID   the programme whose rules apply: rs3536 (default) or rs6247\n"
         "  --session ID     also give the verdict for this session (an id of the next sessions, e.g.\n"
         "                   2027-05 for a session of the programme's default calendar)\n\n"
         "Prints the verdict as of the reference date as JSON:\n"
         "  {\"eligible\", \"ruleset\", \"reference_date\", \"criteria\": {\n"
         "     \"duration\": {\"met\", \"full_time_days\", \"part_time_days\", \"equivalent_days\",\n"
         "                  \"required_days\", \"met_on\"},\n"
         "     \"phases\": {\"met\", \"investigation\", \"construction\"},\n"
         "     \"recency\": {\"met\", \"current\", \"last_end\", \"apply_before\"}}}\n"
         "(criteria also has \"declarations\" when the programme asks for them). With --programme,\n"
         "--session or \"sessions\" in the input, it adds \"programme\" and \"sessions\": {\"ruleset\",\n"
         "\"reference_date\", \"sessions\": [the next 4 sessions' verdicts: {\"session\", \"eligible\",\n"
         "\"in_role\", \"after_leaving\", \"reasons\", \"criteria\"}], \"apply_until\", \"eligible_from\"},\n"
         "and with --session also \"session\": that session's verdict.\n"
         "Dates are YYYY-MM-DD or null; equivalent_days is a whole number or ends in .5.\n\n"
         "Exit status: 0 a verdict was printed (eligible or not); 2 bad arguments, unknown programme or\n"
         "session, unreadable file, or invalid input (one line on stderr: the JSON Pointer of the first\n"
         "problem and what is wrong).\n";
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
  const Options o = parse_options(args, {{{"--programme"}, "a value"}, {{"--session"}, "a value"}});
  if (const auto stop = stop_early(sub, o, print_usage)) return *stop;
  const bool programme_given = o.get("--programme") != nullptr;
  const std::string programme_id = o.value_or("--programme", std::string(default_programme));
  const std::string session_id = o.value_or("--session", "");
  const std::vector<std::string_view>& files = o.positional;
  if (files.size() != 1) {
    fail(sub, files.empty() ? "missing FILE (or - for standard input); see certif eligibility --help"
                            : "expected one FILE; see certif eligibility --help");
    return exit_usage;
  }
  const std::string_view file = files.front();

  const auto loaded = core::load_programme(programme_id, [](std::string_view path) { return assets::find(path); });
  if (!loaded) {
    const bool unknown = loaded.issues().front().code == "programme.unknown";
    fail(sub, unknown ? "unknown programme '" + std::string(programme_id) + "'; expected rs3536 or rs6247"
                      : "the embedded programme is invalid (a build problem): " +
                            describe_issues(loaded.issues(), programme_id));
    return exit_usage;
  }
  const core::Ruleset& ruleset = loaded->ruleset;

  std::string read_error;
  const auto text = read_input(file, read_error);
  if (!text) {
    fail(sub, read_error);
    return exit_usage;
  }
  const auto doc = core::parse_json_strict(*text);
  if (!doc) {
    fail(sub, describe_issues(doc.issues(), file));
    return exit_usage;
  }
  const auto input = core::eligibility_input_from_json(*doc);
  if (!input) {
    fail(sub, describe_issues(input.issues(), file));
    return exit_usage;
  }
  std::vector<core::Session> host_sessions;
  const auto sessions_member = doc->is_object() ? doc->find("sessions") : doc->end();
  const bool sessions_given = doc->is_object() && sessions_member != doc->end();
  if (sessions_given) {
    auto read = core::read_sessions(*sessions_member, "/sessions");
    if (!read) {
      fail(sub, describe_issues(read.issues(), file));
      return exit_usage;
    }
    host_sessions = std::move(*read);
  }

  nlohmann::json out = core::to_json(core::evaluate(*input, ruleset));
  if (programme_given || !session_id.empty() || sessions_given) {
    const core::Calendar calendar = core::make_calendar(loaded->programme, std::move(host_sessions));
    out["programme"] = {{"id", loaded->programme.id}, {"version", loaded->programme.version}};
    out["sessions"] = core::to_json(core::evaluate_sessions(*input, ruleset, calendar, listed_sessions));
    if (!session_id.empty()) {
      const auto session = core::find_session(calendar, session_id, input->reference);
      if (!session) {
        fail(sub, "no session '" + std::string(session_id) + "' among the next sessions of programme " +
                      loaded->programme.id + " after " + core::to_iso(input->reference));
        return exit_usage;
      }
      out["session"] = core::to_json(core::evaluate_session(*input, ruleset, calendar, *session));
    }
  }
  std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  return exit_ok;
}

} // namespace cli
