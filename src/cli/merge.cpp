// `certif merge RECORD_A RECORD_B [-o MERGED] [--force] [--json]`: merges two jurors' evaluation records of
// the same bundle and reports, competency by competency, where they agree and differ.
#include "cli/cli.hpp"
#include "cli/options.hpp"

#include "assets/assets.hpp"
#include "core/domain/jury.hpp"
#include "core/model/programme.hpp"

#include <iostream>

namespace cli {

namespace {

constexpr std::string_view sub = "merge";

void print_usage(std::ostream& out) {
  out << "Usage: certif merge RECORD_A RECORD_B [-o MERGED] [--force] [--json]\n\n"
         "Merges the evaluation records two jurors made of the same dossier bundle (a programme with a\n"
         "jury of two, e.g. rs6247) and reports where they agree and differ, competency by competency.\n"
         "The records must be of the same bundle (its digest), of the same known programme, by two\n"
         "different jurors (each record's \"juror\" member, else its coach).\n\n"
         "  -o MERGED   also write the merged record: the agreed levels in its grid (differences left\n"
         "              open, to resolve in the app), both jurors' grids and proposals under \"jury\"\n"
         "  --force     replace MERGED if it exists\n"
         "  --json      print the report as JSON:\n"
         "              {\"programme\", \"bundle\", \"jurors\": [{\"name\", \"role\", \"proposal\"}],\n"
         "               \"competencies\": [{\"competency\", \"a\", \"b\", \"agree\", \"retained\"}],\n"
         "               \"open\": [competency ids that differ], \"decision\": null}\n\n"
         "Exit status: 0 merged (whether or not the jurors differ); 1 a record is invalid or the two\n"
         "cannot be merged (different bundles, unknown programme, the same juror twice, a single-assessor\n"
         "programme); 2 bad arguments or an unreadable file.\n";
}

std::vector<core::Programme> shipped_programmes() {
  std::vector<core::Programme> out;
  for (std::string_view id : core::shipped_programme_ids()) {
    if (const auto text = assets::find("programmes/" + std::string(id) + ".json")) {
      if (auto p = core::parse_programme(*text)) out.push_back(std::move(*p));
    }
  }
  return out;
}

void print_issues(std::string_view file, const std::vector<core::Issue>& issues) {
  for (const core::Issue& i : issues) {
    if (i.severity != core::Severity::error) continue;
    std::cerr << file << ": " << format_issue(i) << '\n';
  }
}

std::string shown_level(const std::optional<std::string>& level) { return level ? *level : "(not assessed)"; }

} // namespace

int run_merge(const Args& args) {
  const Options o = parse_options(args, {{{"-o"}, "a file name"}, {{"--json"}}, {{"--force"}}});
  if (const auto stop = stop_early(sub, o, print_usage)) return *stop;
  const bool as_json = o.has("--json"), force = o.has("--force");
  const std::string output = o.value_or("-o", "");
  const std::vector<std::string_view>& files = o.positional;
  if (files.size() != 2) {
    fail(sub, "expected two evaluation records; see certif merge --help");
    return exit_usage;
  }

  std::vector<core::Evaluation> records;
  for (const std::string_view file : files) {
    std::string error;
    const auto text = read_input(file, error);
    if (!text) {
      fail(sub, error);
      return exit_usage;
    }
    auto e = core::parse_evaluation(*text);
    if (!e) {
      print_issues(file, e.issues());
      return exit_invalid;
    }
    records.push_back(std::move(e).value());
  }
  const auto merged = core::merge_records(records[0], records[1], shipped_programmes());
  if (!merged) {
    print_issues("merge", merged.issues());
    return exit_invalid;
  }

  if (as_json) {
    std::cout << core::merge_report(*merged).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  } else {
    std::cout << "Programme " << merged->programme_id << ", bundle " << merged->base.bundle.digest.substr(0, 12) << "…\n"
              << "Jurors: " << merged->a.juror.name << " and " << merged->b.juror.name << '\n';
    for (const core::CompetencyComparison& c : merged->comparisons) {
      std::cout << "  " << (c.agree ? "agree  " : "DIFFER ") << c.competency_id << ": " << shown_level(c.level_a);
      if (!c.agree) std::cout << " / " << shown_level(c.level_b);
      std::cout << '\n';
    }
    const auto open = merged->open_differences();
    std::cout << (open.empty() ? std::string("No difference: the jury can decide.\n")
                               : std::to_string(open.size()) + (open.size() == 1 ? " difference" : " differences") +
                                     " to resolve before the jury decision.\n");
  }
  if (!output.empty()) {
    std::string error;
    if (!write_file(output, core::write_evaluation(core::jury_record(*merged)), force, error)) {
      fail(sub, error);
      return exit_usage;
    }
  }
  return exit_ok;
}

} // namespace cli
