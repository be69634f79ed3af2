// `certif cohort [-o FILE] [--force] [--semicolon] FILE...`: the coach's cohort table (CSV) from bundles and evaluation
// records in any order, the same bytes as the web app's export.
#include "cli/cli.hpp"
#include "cli/options.hpp"

#include "core/formats/bundle.hpp"
#include "core/domain/cohort_csv.hpp"
#include "core/formats/evaluation.hpp"
#include "core/codecs/json_strict.hpp"
#include "core/domain/triage.hpp"

#include <iostream>
#include <memory>
#include <unordered_map>

namespace cli {

namespace {

constexpr std::string_view sub = "cohort";

void print_usage(std::ostream& out) {
  out << "Usage: certif cohort [-o FILE] [--force] [--semicolon] FILE...\n\n"
         "Reads dossier bundles (certif-intra/dossier) and evaluation records (certif-intra/evaluation), in\n"
         "any order, and writes the cohort table: one row per candidate (their latest bundle, with the\n"
         "evaluation whose bundle digest matches it, else an earlier version's), as CSV (RFC 4180, UTF-8 with\n"
         "a byte order mark, CRLF). Columns: Nom, Prénom, E-mail, Startup, Éligibilité (recalculée),\n"
         "Déclaration du candidat, Complétude, Statut, Décision, Date de la décision, Dossier exporté le,\n"
         "Versions reçues, Empreinte du dossier. The web app's export is the same file.\n\n"
         "Eligibility is recomputed from each bundle's answers on its own reference date, never taken from\n"
         "the candidate's claim. A file that cannot be read or is invalid is reported on standard error and\n"
         "left out; the others still make the table.\n\n"
         "  -o FILE       write the table to FILE (default: standard output; \"-\" too)\n"
         "  --force       replace FILE if it exists\n"
         "  --semicolon   separate the fields with ';', as French Excel expects (the same fields, quoted\n"
         "                and guarded the same way; the web app's \"Excel (;)\" export)\n"
         "  --identity KEYFILE  opens sealed bundles (.age); see certif open --help for passphrases\n\n"
         "Exit status: 0 every file was read; 1 some file is invalid; 2 bad arguments, an unreadable file or\n"
         "an output that cannot be written.\n";
}

std::string file_label(std::string_view file) { return file == "-" ? std::string("standard input") : std::string(file); }

void report(const std::string& name, const char* what, const std::vector<core::Issue>& issues, bool errors_only) {
  std::cerr << name << ": " << what << '\n';
  for (const auto& i : issues) {
    if (i.severity == core::Severity::notice || (errors_only && i.severity != core::Severity::error)) continue;
    std::cerr << "  " << format_issue(i) << '\n';
  }
}

bool has_warnings(const std::vector<core::Issue>& issues) {
  for (const auto& i : issues) {
    if (i.severity != core::Severity::notice) return true;
  }
  return false;
}

// What a file holds. An evaluation record is small; a bundle may be 200 MB: only files small enough to
// be a record are parsed here (and once more by their reader) to look at their "format".
enum class Kind { evaluation, bundle, not_json };

Kind kind_of(std::string_view text, std::vector<core::Issue>& issues) {
  if (text.size() > core::max_evaluation_bytes) return Kind::bundle;
  auto doc = core::parse_json_strict(text);
  if (!doc) {
    issues = doc.issues();
    return Kind::not_json;
  }
  const auto format = doc->is_object() ? doc->find("format") : doc->end();
  return doc->is_object() && format != doc->end() && *format == core::evaluation_format ? Kind::evaluation : Kind::bundle;
}

} // namespace

int run_cohort(const Args& args) {
  const Options o = parse_options(args, with_age_options({{{"-o", "--output"}, "a FILE", true}, {{"--force"}}, {{"--semicolon"}}}));
  AgeInput age;
  if (const auto stop = stop_early(sub, o, print_usage, &age)) return *stop;
  const std::string output = o.value_or("-o", "-");
  const bool force = o.has("--force"), semicolon = o.has("--semicolon");
  const std::vector<std::string_view>& files = o.positional;
  if (files.empty()) {
    fail(sub, "missing FILE; see certif cohort --help");
    return exit_usage;
  }
  std::string error;
  const core::Referential* referential = embedded_referential(error);
  const core::Ruleset* ruleset = referential ? embedded_ruleset(error) : nullptr;
  if (!referential || !ruleset) {
    fail(sub, error);
    return exit_usage;
  }

  // One file in memory at a time: a bundle is summarised, then dropped.
  std::vector<core::BundleSummary> summaries;
  std::vector<std::string> summary_files;
  std::vector<std::unique_ptr<core::Evaluation>> evaluations;
  std::vector<std::string> evaluation_files;
  bool invalid = false, unreadable = false;
  for (const std::string_view file : files) {
    const std::string name = file_label(file);
    auto text = read_bundle_file(file, &age);
    if (!text) {
      const bool unopened = cannot_read(text.error());
      (unopened ? unreadable : invalid) = true;
      report(name, unopened ? "unreadable, left out" : "invalid, left out", text.issues(), true);
      continue;
    }
    std::vector<core::Issue> json_issues;
    const Kind kind = kind_of(*text, json_issues);
    if (kind == Kind::not_json) {
      invalid = true;
      report(name, "not JSON, left out", json_issues, true);
      continue;
    }
    if (kind == Kind::evaluation) {
      auto e = core::parse_evaluation(*text);
      if (!e) {
        invalid = true;
        report(name, "invalid evaluation record, left out", e.issues(), true);
        continue;
      }
      std::vector<core::Issue> issues = e->issues;
      for (auto& i : core::check_evaluation(*e, *referential)) issues.push_back(std::move(i));
      if (has_warnings(issues)) report(name, "evaluation record read, with remarks", issues, false);
      evaluations.push_back(std::make_unique<core::Evaluation>(std::move(e).value()));
      evaluation_files.push_back(name);
      continue;
    }
    auto bundle = core::parse_bundle(*text);
    std::string().swap(text.value());  // the summary needs none of it
    if (!bundle) {
      invalid = true;
      report(name, "invalid bundle, left out", bundle.issues(), true);
      continue;
    }
    if (has_warnings(bundle->issues)) report(name, "bundle read, with remarks", bundle->issues, false);
    // Each bundle against its own programme's referential and ruleset (an RS3536 bundle stays RS3536).
    const core::LoadedProgramme* programme = bundle_programme(*bundle, error);
    if (!programme) {
      invalid = true;
      report(name, "bundle of an unknown programme, left out",
             {core::Issue{core::Severity::error, "bundle.programme_unknown", "/programme", error}}, true);
      continue;
    }
    summaries.push_back(core::summarize_bundle(*bundle, programme->referential, programme->ruleset));
    summary_files.push_back(name);
  }

  const core::Triage triage = core::triage(summaries);
  std::unordered_map<std::string, std::size_t> bundle_file_of;
  for (std::size_t i = 0; i < summaries.size(); ++i) {
    const auto& entry = triage.entries[i];
    if (entry.duplicate_of >= 0) {
      std::cerr << summary_files[i] << ": the same bundle as " << summary_files[static_cast<std::size_t>(entry.duplicate_of)]
                << " (counted once)\n";
    }
    bundle_file_of.emplace(summaries[i].digest, i);
  }
  std::unordered_map<std::string, std::size_t> evaluation_of;
  std::vector<const core::Evaluation*> evaluation_list;
  for (std::size_t k = 0; k < evaluations.size(); ++k) {
    const std::string& digest = evaluations[k]->bundle.digest;
    const auto [it, inserted] = evaluation_of.emplace(digest, k);
    if (!inserted) {
      std::cerr << evaluation_files[k] << ": evaluates the same bundle as " << evaluation_files[it->second]
                << "; the last one given is used\n";
      it->second = k;
    }
    if (bundle_file_of.count(digest) == 0) {
      std::cerr << evaluation_files[k] << ": its bundle (digest " << digest.substr(0, 16)
                << "...) is not among the files; its row has no eligibility or completeness\n";
    }
    evaluation_list.push_back(evaluations[k].get());
  }

  const std::vector<core::CohortRow> rows = core::cohort_rows(summaries, triage, evaluation_list);
  if (!write_file(output, core::cohort_csv(rows, semicolon ? ';' : ','), force, error)) {
    fail(sub, error);
    return exit_usage;
  }
  std::cerr << "certif cohort: " << summaries.size() << (summaries.size() == 1 ? " bundle, " : " bundles, ")
            << evaluations.size() << (evaluations.size() == 1 ? " evaluation" : " evaluations") << " read";
  const std::size_t left_out = files.size() - summaries.size() - evaluations.size();
  if (left_out > 0) std::cerr << ", " << left_out << " left out";
  std::cerr << "; " << rows.size() << (rows.size() == 1 ? " row" : " rows") << " written to "
            << (output == "-" ? std::string("standard output") : output) << '\n';
  if (unreadable) return exit_usage;
  return invalid ? exit_invalid : exit_ok;
}

} // namespace cli
