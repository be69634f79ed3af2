// `certif inspect FILE [--date YYYY-MM-DD]`: what a coach sees first — who, which startup, the pieces,
// the integrity verdict, eligibility recomputed next to the claim, and completeness.
#include "cli/cli.hpp"
#include "cli/options.hpp"

#include "core/formats/bundle.hpp"
#include "core/codecs/jcs.hpp"

#include <iostream>

namespace cli {

namespace {

constexpr std::string_view sub = "inspect";

void print_usage(std::ostream& out) {
  out << "Usage: certif inspect FILE [--date YYYY-MM-DD]\n\n"
         "Verifies a dossier bundle, then shows who sent it, their startup, each piece (links, files with\n"
         "type, size and SHA-256), the integrity verdict, the eligibility verdict the bundle claims next to\n"
         "the one recomputed from its answers (never trusting the claim), and what is missing.\n"
         "Eligibility and completeness are judged on the day the candidate exported; --date also\n"
         "recomputes eligibility for another day (e.g. the day of the interview).\n"
         "A sealed FILE (.age) is opened with --identity KEYFILE (or its passphrase: see certif open --help).\n\n"
         "Exit status: 0 the bundle is valid (complete or not, eligible or not); 1 it is not valid;\n"
         "2 bad arguments or an unreadable file.\n";
}

// Every text taken from the bundle is printed through shown(): control characters escaped.
std::string or_dash(const std::string& s) { return s.empty() ? std::string("—") : shown(s); }

std::string verdict_word(const nlohmann::json& v) {
  if (!v.is_object()) return "no verdict";
  const auto e = v.find("eligible");
  if (e == v.end() || !e->is_boolean()) return "unreadable";
  return e->get<bool>() ? "eligible" : "not eligible";
}

std::string date_or(const std::optional<core::Date>& d, const char* none) { return d ? core::to_iso(*d) : none; }

void print_criteria(const core::EligibilityResult& r, std::ostream& out) {
  const auto& d = r.duration;
  std::string eq = core::canonical_number(d.equivalent_days);
  out << "    duration:   " << (d.met ? "met" : "not met") << " — " << eq << " equivalent days of " << d.required_days
      << " (" << d.full_time_days << " full-time, " << d.part_time_days << " part-time)";
  if (!d.met && d.met_on) out << "; reached on " << core::to_iso(*d.met_on) << " if continued";
  out << '\n';
  out << "    phases:     " << (r.phases.met ? "met" : "not met") << " — investigation "
      << (r.phases.investigation ? "yes" : "no") << ", construction " << (r.phases.construction ? "yes" : "no") << '\n';
  out << "    recency:    " << (r.recency.met ? "met" : "not met") << " — ";
  if (r.recency.current) out << "still in the role\n";
  else out << "left on " << date_or(r.recency.last_end, "?") << ", may apply until " << date_or(r.recency.apply_before, "?") << '\n';
}

} // namespace

int run_inspect(const Args& args) {
  const Options o = parse_options(args, with_age_options({{{"--date"}, "a day written YYYY-MM-DD"}}));
  AgeInput age;
  if (const auto stop = stop_early(sub, o, print_usage, &age)) return *stop;
  std::optional<core::Date> other_date;
  if (const std::string* d = o.get("--date"); d && !(other_date = core::parse_iso_date(*d))) {
    return usage_error(sub, "--date needs a day written YYYY-MM-DD");
  }
  if (o.positional.size() > 1) return usage_error(sub, "expected one FILE");
  const std::optional<std::string_view> file =
      o.positional.empty() ? std::nullopt : std::optional<std::string_view>(o.positional.front());
  if (!file) {
    fail(sub, "missing FILE; see certif inspect --help");
    return exit_usage;
  }
  std::string error;
  auto text = read_bundle_file(*file, &age);
  if (!text && cannot_read(text.error())) {
    fail(sub, text.error().message);
    return exit_usage;
  }
  if (!text) {
    std::cout << (*file == "-" ? std::string("standard input") : std::string(*file)) << ": INVALID — not shown. Problems:\n"
              << "  " << format_issue(text.error()) << '\n';
    return exit_invalid;
  }
  auto parsed = core::parse_bundle(*text);
  text = std::string();
  std::ostream& out = std::cout;
  const std::string name = *file == "-" ? "standard input" : std::string(*file);
  if (!parsed) {
    out << name << ": INVALID — not shown. Problems:\n";
    for (const auto& i : parsed.issues()) out << "  " << format_issue(i) << '\n';
    return exit_invalid;
  }
  const core::Bundle& b = *parsed;
  const core::Dossier& d = b.dossier;
  // Checked against the bundle's own programme (the one it names, else the one of its referential).
  const core::LoadedProgramme* programme = bundle_programme(b, error);
  if (!programme) {
    fail(sub, error);
    return exit_invalid;
  }
  const core::Referential* referential = &programme->referential;
  const core::Ruleset* ruleset = &programme->ruleset;

  out << "File:          " << name << '\n'
      << "Bundle:        " << core::bundle_format << " v" << b.format_version << ", written by " << or_dash(b.app_name) << ' '
      << shown(b.app_version) << " on " << shown(b.exported_at) << '\n'
      << "Integrity:     verified (sha256-jcs " << b.digest << ")" << (b.canonical ? "" : ", not in canonical form") << '\n'
      << "Referential:   " << shown(b.referential_id) << " v" << b.referential_version << ", ruleset " << shown(b.ruleset_id) << " v"
      << b.ruleset_version << '\n'
      << "Programme:     " << programme->programme.rs_code << " (" << programme->programme.certifier_short << ")"
      << (b.programme_id.empty() ? ", inferred from its referential" : "") << '\n'
      << '\n'
      << "Candidate:     " << or_dash(d.first_name + (d.first_name.empty() || d.last_name.empty() ? "" : " ") + d.last_name)
      << (d.email.empty() ? "" : " <" + shown(d.email) + ">") << '\n'
      << "               " << or_dash(d.status) << " · " << or_dash(d.position) << " · " << or_dash(d.administration) << '\n'
      << "Startup:       " << or_dash(d.startup_name) << " — incubator " << or_dash(d.incubator) << ", phase "
      << or_dash(d.startup_phase) << ", since " << or_dash(d.startup_start) << '\n'
      << "               " << or_dash(d.startup_site) << " · role: " << or_dash(d.role) << '\n';

  // Eligibility: the claim, then the recomputation from the facts.
  const core::VerdictCheck check = core::recheck_verdict(b, *ruleset);
  out << "\nEligibility on " << core::to_iso(b.reference_date) << " (the day of the export):\n"
      << "    claimed:    " << verdict_word(b.claimed_verdict) << '\n'
      << "    recomputed: " << (check.recomputed ? (check.recomputed->eligible ? "eligible" : "not eligible") : "no verdict")
      << (check.agrees ? " — agrees with the claim" : " — DIFFERS from the claim") << '\n';
  if (check.recomputed) print_criteria(*check.recomputed, out);
  for (const auto& i : check.issues) out << "    " << format_issue(i) << '\n';
  if (other_date) {
    out << "\nEligibility on " << core::to_iso(*other_date) << " (--date):\n";
    auto input = core::eligibility_input(d, *other_date);
    if (input) {
      const auto r = core::evaluate(*input, *ruleset);
      out << "    recomputed: " << (r.eligible ? "eligible" : "not eligible") << '\n';
      print_criteria(r, out);
    } else {
      out << "    recomputed: no verdict\n";
      for (const auto& i : input.issues()) out << "    " << format_issue(i) << '\n';
    }
  }

  // Pieces.
  std::size_t files = 0;
  for (const auto& p : d.pieces) files += p.files.size();
  out << "\nPieces (" << files << (files == 1 ? " file, " : " files, ") << format_size(core::attachments_size(d)) << "):\n";
  for (const auto& p : d.pieces) {
    std::string id = shown(p.id);
    id.resize(std::max<std::size_t>(id.size(), 18), ' ');
    std::string lead = "    " + id + " ";
    if (p.url.empty() && p.files.empty()) out << lead << "(missing)\n";
    if (!p.url.empty()) {
      out << lead << "link " << shown(p.url) << '\n';
      lead = std::string(lead.size(), ' ');
    }
    for (const auto& f : p.files) {
      out << lead << shown(f.name) << "  " << shown(f.media_type) << "  " << format_size(f.size()) << "  sha256 "
          << shown(f.sha256) << '\n';
      lead = std::string(lead.size(), ' ');
    }
  }

  // Completeness, on the day of the export, at the bundle's own paths.
  auto completeness = core::check_dossier(d, *referential, b.reference_date);
  std::size_t missing = 0, wrong = 0;
  for (const auto& i : completeness) (i.severity == core::Severity::error ? wrong : missing)++;
  out << "\nCompleteness on " << core::to_iso(b.reference_date) << ": ";
  if (completeness.empty()) out << "complete\n";
  else out << missing << " missing, " << wrong << " malformed\n";
  for (auto i : completeness) {
    i.path = "/answers" + i.path;
    out << "    " << format_issue(i) << '\n';
  }
  if (b.referential_id != referential->id || b.referential_version != referential->version) {
    out << "    (checked against this program's referential " << referential->id << " v" << referential->version << ")\n";
  }
  if (!b.issues.empty()) {
    out << "\nNotes on the file:\n";
    for (const auto& i : b.issues) out << "    " << format_issue(i) << '\n';
  }
  return exit_ok;
}

} // namespace cli
