// `certif html summary|evaluation|attestation ...`: the printable, accessible HTML documents the web app
// makes (dossier summary, evaluation sheet, attestation), from the files, with the same core code.
#include "cli/cli.hpp"
#include "cli/options.hpp"

#include "core/documents/attestation.hpp"
#include "core/formats/bundle.hpp"
#include "core/documents/dossier_summary.hpp"
#include "core/formats/evaluation.hpp"
#include "core/documents/evaluation_html.hpp"

#include <iostream>

namespace cli {

namespace {

constexpr std::string_view sub = "html";

void print_usage(std::ostream& out) {
  out << "Usage: certif html summary BUNDLE [--date YYYY-MM-DD] [--lang fr|en] [-o FILE] [--force]\n"
         "       certif html evaluation EVALUATION BUNDLE [--lang fr|en] [-o FILE] [--force]\n"
         "       certif html attestation EVALUATION [--preview] [-o FILE] [--force]\n\n"
         "Writes one of the printable HTML documents the web app makes: self-contained (no script, nothing\n"
         "loaded from outside), semantic (headings, lists and tables a screen reader can walk), ready to print.\n"
         "  summary      the candidate's dossier: answers, pieces, prerequisites rechecked on the day of the\n"
         "               export (--date: on another day)\n"
         "  evaluation   the coach's evaluation record as a sheet; BUNDLE must be the dossier it evaluates\n"
         "  attestation  the attestation, once issued in the record (--preview: the provisional preview)\n\n"
         "Options:\n"
         "  --lang fr|en  the document's language (default fr; the attestation is always in French)\n"
         "  -o FILE       write to FILE (default: standard output; \"-\" too)\n"
         "  --force       replace FILE if it exists\n\n"
         "Exit status: 0 written; 1 an input is not valid, or the record is not about this bundle, or the\n"
         "attestation is not issued; 2 bad arguments or an unreadable file.\n";
}

std::string display_name(std::string_view path) { return path == "-" ? std::string("standard input") : std::string(path); }

void print_problems(std::string_view path, std::string_view what, const std::vector<core::Issue>& issues) {
  std::cerr << "certif html: " << display_name(path) << ": " << what << ":\n";
  for (const auto& i : issues) {
    if (i.severity == core::Severity::error) std::cerr << "  " << format_issue(i) << '\n';
  }
}

// A verified bundle, or nullopt with the problem printed and `code` set to the exit status.
std::optional<core::Bundle> load_bundle(std::string_view path, int& code) {
  auto text = read_bundle_file(path);
  if (!text) {
    code = text.error().code == "file.unreadable" ? exit_usage : exit_invalid;
    print_problems(path, "not a valid dossier bundle", text.issues());
    return std::nullopt;
  }
  auto parsed = core::parse_bundle(*text);
  if (!parsed) {
    code = exit_invalid;
    print_problems(path, "not a valid dossier bundle", parsed.issues());
    return std::nullopt;
  }
  return std::move(parsed).value();
}

std::optional<core::Evaluation> load_evaluation(std::string_view path, int& code) {
  auto text = read_bundle_file(path);
  if (!text) {
    code = text.error().code == "file.unreadable" ? exit_usage : exit_invalid;
    print_problems(path, "not a valid evaluation record", text.issues());
    return std::nullopt;
  }
  auto parsed = core::parse_evaluation(*text);
  if (!parsed) {
    code = exit_invalid;
    print_problems(path, "not a valid evaluation record", parsed.issues());
    return std::nullopt;
  }
  return std::move(parsed).value();
}

} // namespace

int run_html(const Args& args) {
  const Options o = parse_options(args, {{{"-o", "--output"}, "a FILE", true},
                                         {{"--lang"}, "fr or en"},
                                         {{"--date"}, "a day written YYYY-MM-DD"},
                                         {{"--force"}},
                                         {{"--preview"}}});
  if (const auto stop = stop_early(sub, o, print_usage)) return *stop;
  const std::string output = o.value_or("-o", "-");
  const std::string lang = o.value_or("--lang", "fr");
  if (lang != "fr" && lang != "en") return usage_error(sub, "--lang needs fr or en");
  std::optional<core::Date> date;
  if (const std::string* d = o.get("--date"); d && !(date = core::parse_iso_date(*d))) {
    return usage_error(sub, "--date needs a day written YYYY-MM-DD");
  }
  const bool force = o.has("--force"), preview = o.has("--preview");
  const std::vector<std::string_view>& positional = o.positional;
  if (positional.empty()) {
    fail(sub, "missing the document: summary, evaluation or attestation; see certif html --help");
    return exit_usage;
  }
  const std::string_view kind = positional.front();
  const std::size_t files = positional.size() - 1;
  const std::size_t wanted = kind == "summary" ? 1 : kind == "evaluation" ? 2 : kind == "attestation" ? 1 : 0;
  if (wanted == 0) {
    fail(sub, "unknown document '" + std::string(kind) + "' (summary, evaluation or attestation); see certif html --help");
    return exit_usage;
  }
  if (files != wanted) {
    fail(sub, std::string("certif html ") + std::string(kind) +
                  (kind == "evaluation" ? " takes EVALUATION BUNDLE" : kind == "summary" ? " takes one BUNDLE" : " takes one EVALUATION") +
                  "; see certif html --help");
    return exit_usage;
  }
  if ((date && kind != "summary") || (preview && kind != "attestation")) {
    fail(sub, std::string(date ? "--date" : "--preview") + " does not apply to " + std::string(kind) + "; see certif html --help");
    return exit_usage;
  }
  std::string error;
  // A bundle is read with its own programme's referential and ruleset (the one it names, else its
  // referential's); an evaluation alone with its record's programme.
  const auto programme_of = [&](const core::Bundle& b) {
    const core::LoadedProgramme* p = bundle_programme(b, error);
    if (!p) fail(sub, error);
    return p;
  };

  int code = exit_ok;
  std::string html;
  if (kind == "summary") {
    auto bundle = load_bundle(positional[1], code);
    if (!bundle) return code;
    const core::LoadedProgramme* programme = programme_of(*bundle);
    if (!programme) return exit_invalid;
    core::SummaryInputs in;
    in.reference = date ? *date : bundle->reference_date;
    in.lang = lang;
    in.exported_at = bundle->exported_at;
    in.digest = bundle->digest;
    html = core::dossier_summary_html(bundle->dossier, programme->referential, programme->ruleset, in);
  } else if (kind == "evaluation") {
    auto evaluation = load_evaluation(positional[1], code);
    if (!evaluation) return code;
    auto bundle = load_bundle(positional[2], code);
    if (!bundle) return code;
    const core::LoadedProgramme* programme = programme_of(*bundle);
    if (!programme) return exit_invalid;
    auto r = core::evaluation_html(*evaluation, programme->referential, &*bundle, lang);
    if (!r) {
      print_problems(positional[1], "no sheet", r.issues());
      return exit_invalid;
    }
    html = std::move(r).value();
  } else {
    auto evaluation = load_evaluation(positional[1], code);
    if (!evaluation) return code;
    const core::LoadedProgramme* programme = record_programme(*evaluation, error);
    if (!programme) {
      fail(sub, error);
      return exit_invalid;
    }
    auto r = core::attestation_html(*evaluation, programme->referential,
                                    preview ? core::AttestationVariant::preview : core::AttestationVariant::issued);
    if (!r) {
      print_problems(positional[1], "no attestation (--preview shows the draft)", r.issues());
      return exit_invalid;
    }
    html = std::move(r).value();
  }
  if (!write_file(output, html, force, error)) {
    fail(sub, error);
    return exit_usage;
  }
  return exit_ok;
}

} // namespace cli
