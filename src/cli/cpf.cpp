// `certif cpf EVALUATION... BUNDLE... -o FLUX.xml`: the XML flux declaring a session's holders to the SI
// CPF, from the coach's evaluation records (the admitted ones), the dossiers they evaluate and the
// holders' identity data — with every value checked as the CDC's XSD restricts it.
#include "cli/cli.hpp"
#include "cli/options.hpp"

#include "core/formats/bundle.hpp"
#include "core/formats/cpf.hpp"
#include "core/formats/evaluation.hpp"
#include "core/codecs/json_strict.hpp"
#include "core/domain/triage.hpp"
#include "core/formats/vc_jwt.hpp"

#include <ctime>
#include <iostream>
#include <map>

namespace cli {

namespace {

constexpr std::string_view sub = "cpf";

void print_usage(std::ostream& out) {
  out << "Usage: certif cpf EVALUATION... BUNDLE... -o FLUX.xml [--settings SETTINGS.json] [--identities IDENTITIES.json]\n"
         "                 [--xsd-version 1.1.2|1.1.5] [--emetteur ID] [--certificateur ID] [--contrat ID]\n"
         "                 [--type RS|RNCP] [--code CODE] [--timestamp T] [--check] [--force]\n\n"
         "Writes the flux that declares the admitted holders to the SI CPF (Caisse des Dépôts, « accrochage\n"
         "certificateurs »): one passageCertification per admitted evaluation record, PAR_ADMISSION, dated by\n"
         "the decision, with a stable idTechnique per holder. Records that are not admitted are skipped.\n"
         "assets/schema/cpf.md describes the settings and identity files.\n\n"
         "  --settings FILE     the certifier's settings (JSON); the options below override its members\n"
         "  --identities FILE   identity data by holder: {\"<e-mail or bundle digest>\": {identity...}}; else each\n"
         "                      bundle's answers/cpf_identity\n"
         "  --xsd-version V     1.1.2 (kit v2.0.0, the default: no `action` element) or 1.1.5\n"
         "  --emetteur ID, --certificateur ID   the idClient values (8 characters each)\n"
         "  --contrat ID        idContrat (1 to 20 characters)\n"
         "  --type, --code      the certification (default RS and the embedded referential's RS reference)\n"
         "  --timestamp T       horodatage, YYYY-MM-DDThh:mm:ssZ (default: now)\n"
         "  --check             check only: print the problems, write nothing\n"
         "  -o FILE             the flux (\"-\": standard output); --force replaces FILE\n\n"
         "Every problem names the holder and the field. Exit status: 0 written (or, with --check, no error);\n"
         "1 a value the flux cannot carry, or missing data; 2 bad arguments or an unreadable file.\n";
}

struct Loaded {
  std::vector<std::pair<std::string, core::Evaluation>> evaluations;  // file, record
  std::map<std::string, core::Bundle> bundles;                        // by digest
};

} // namespace

int run_cpf(const Args& args) {
  std::vector<OptionSpec> spec = {{{"-o", "--output"}, "a value"}, {{"--force"}}, {{"--check"}}};
  for (const char* name : {"--settings", "--identities", "--xsd-version", "--emetteur", "--certificateur", "--contrat", "--type",
                           "--code", "--timestamp"}) {
    spec.push_back({{name}, "a value"});
  }
  const Options o = parse_options(args, spec);
  if (const auto stop = stop_early(sub, o, print_usage)) return *stop;
  std::map<std::string, std::string> opt;  // each option's last value
  for (const auto& [name, values] : o.values) opt[name] = values.back();
  const bool force = o.has("--force"), check_only = o.has("--check");
  const std::vector<std::string_view>& files = o.positional;
  if (files.empty()) {
    fail(sub, "missing EVALUATION and BUNDLE files; see certif cpf --help");
    return exit_usage;
  }
  if (!check_only && !opt.count("-o")) {
    fail(sub, "missing -o FLUX.xml (or --check); see certif cpf --help");
    return exit_usage;
  }
  std::string error;
  const core::Referential* referential = embedded_referential(error);
  if (!referential) {
    fail(sub, error);
    return exit_usage;
  }

  // Settings: the file, then the options.
  core::CpfSettings settings;
  settings.certification_code = referential->rs_reference;
  if (opt.count("--settings")) {
    auto text = read_input(opt["--settings"], error);
    if (!text) {
      fail(sub, error);
      return exit_usage;
    }
    auto doc = core::parse_json_strict(*text);
    auto parsed = doc ? core::cpf_settings_from_json(*doc) : core::Result<core::CpfSettings>(doc.issues());
    if (!parsed) {
      std::cerr << "certif cpf: " << opt["--settings"] << ": not valid CPF settings:\n";
      for (const auto& i : parsed.issues()) std::cerr << "  " << format_issue(i) << '\n';
      return exit_invalid;
    }
    settings = std::move(parsed).value();
    if (!doc->contains("certification_code")) settings.certification_code = referential->rs_reference;
  }
  if (opt.count("--xsd-version")) {
    if (opt["--xsd-version"] == "1.1.2") settings.xsd = core::CpfXsdVersion::v1_1_2;
    else if (opt["--xsd-version"] == "1.1.5") settings.xsd = core::CpfXsdVersion::v1_1_5;
    else {
      fail(sub, "--xsd-version takes 1.1.2 or 1.1.5");
      return exit_usage;
    }
  }
  if (opt.count("--emetteur")) settings.emetteur_id_client = opt["--emetteur"];
  if (opt.count("--certificateur")) settings.certificateur_id_client = opt["--certificateur"];
  if (opt.count("--contrat")) settings.id_contrat = opt["--contrat"];
  if (opt.count("--type")) settings.certification_type = opt["--type"];
  if (opt.count("--code")) settings.certification_code = opt["--code"];

  nlohmann::json identities = nlohmann::json::object();
  if (opt.count("--identities")) {
    auto text = read_input(opt["--identities"], error);
    if (!text) {
      fail(sub, error);
      return exit_usage;
    }
    auto doc = core::parse_json_strict(*text);
    if (!doc || !doc->is_object()) {
      fail(sub, opt["--identities"] + ": not a JSON object keyed by e-mail address or bundle digest");
      return exit_invalid;
    }
    for (auto& [key, value] : doc->items()) {
      const bool digest = core::sha256_from_hex(key).has_value();
      identities[digest ? key : core::normalize_email(key)] = value;
    }
  }

  // The records and the bundles, whatever their order on the command line.
  Loaded loaded;
  for (const auto file : files) {
    auto text = read_bundle_file(file);
    if (!text) {
      fail(sub, std::string(file) + ": " + text.error().message);
      return text.error().code == "file.unreadable" ? exit_usage : exit_invalid;
    }
    auto evaluation = core::parse_evaluation(*text);
    if (evaluation) {
      loaded.evaluations.emplace_back(std::string(file), std::move(evaluation).value());
      continue;
    }
    if (evaluation.error().code != "evaluation.not_an_evaluation") {
      std::cerr << "certif cpf: " << file << ": not a valid evaluation record:\n";
      for (const auto& i : evaluation.issues()) std::cerr << "  " << format_issue(i) << '\n';
      return exit_invalid;
    }
    auto bundle = core::parse_bundle(*text);
    if (!bundle) {
      std::cerr << "certif cpf: " << file << ": neither an evaluation record nor a valid dossier bundle:\n";
      for (const auto& i : bundle.issues()) std::cerr << "  " << format_issue(i) << '\n';
      return exit_invalid;
    }
    loaded.bundles.emplace(bundle->digest, std::move(bundle).value());
  }

  core::CpfFlux flux;
  flux.settings = settings;
  flux.timestamp = opt.count("--timestamp") ? opt["--timestamp"] : core::utc_timestamp(static_cast<std::int64_t>(std::time(nullptr)));
  std::vector<core::Issue> problems;
  for (const auto& [file, e] : loaded.evaluations) {
    const core::Decision* decision = core::current_decision(e);
    if (decision == nullptr || decision->decision != core::DecisionKind::admis) {
      const std::string label = e.candidate.first_name + " " + e.candidate.last_name + " <" + e.candidate.email + ">";
      std::cerr << "certif cpf: " << shown(file) << ": " << shown(label) << " is not admitted: not declared\n";
      continue;
    }
    const std::string email = core::normalize_email(e.candidate.email);
    const nlohmann::json* identity = nullptr;
    std::string source = "the bundle's answers/cpf_identity (is the bundle given?) and --identities";
    if (identities.contains(e.bundle.digest)) {
      identity = &identities[e.bundle.digest];
      source = opt["--identities"] + " (" + e.bundle.digest.substr(0, 12) + "…)";
    } else if (!email.empty() && identities.contains(email)) {
      identity = &identities[email];
      source = opt["--identities"] + " (" + email + ")";
    } else if (const auto b = loaded.bundles.find(e.bundle.digest); b != loaded.bundles.end()) {
      if ((identity = core::bundle_cpf_identity(b->second.document))) source = "the bundle's answers/cpf_identity";
    }
    auto holder = core::cpf_holder(e, identity, flux.holders.size(), source);
    if (!holder) {
      for (const core::Issue& i : holder.issues()) problems.push_back(i);
      continue;
    }
    flux.holders.push_back(std::move(holder).value());
  }
  for (core::Issue& i : core::check_cpf(flux)) problems.push_back(std::move(i));
  bool errors = false;
  for (const auto& i : problems) {
    errors = errors || i.severity == core::Severity::error;
    std::cerr << "  " << format_issue(i) << '\n';
  }
  if (errors) {
    std::cerr << "certif cpf: the flux cannot be written until these are corrected\n";
    return exit_invalid;
  }
  if (check_only) {
    std::cout << flux.holders.size() << (flux.holders.size() < 2 ? " holder" : " holders") << " ready to declare (XSD "
              << core::to_string(settings.xsd) << ")\n";
    return exit_ok;
  }
  auto xml = core::cpf_flux_xml(flux);
  if (!xml) {
    for (const auto& i : xml.issues()) std::cerr << "  " << format_issue(i) << '\n';
    return exit_invalid;
  }
  if (!write_file(opt["-o"], *xml, force, error)) {
    fail(sub, error);
    return exit_usage;
  }
  if (opt["-o"] != "-") {
    std::cout << flux.holders.size() << (flux.holders.size() < 2 ? " holder" : " holders") << " declared in " << opt["-o"] << " (XSD "
              << core::to_string(settings.xsd) << ")\n";
  }
  return exit_ok;
}

} // namespace cli
