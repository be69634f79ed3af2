// The holders' declaration to the SI CPF from the workspace (declaration.hpp).
#include "app/declaration.hpp"

#include "app/app.hpp"
#include "app/catalog.hpp"
#include "app/coach_ops.hpp"
#include "core/formats/evaluation.hpp"

#include <algorithm>
#include <map>

namespace app {

namespace {

// The issues of one holder's part of a flux (paths holders/<index>/…), moved to holders/0 so that each
// holder is checked on its own, whoever else is admitted.
std::vector<core::Issue> holder_issues(const core::CpfSettings& settings, const std::string& clock, const core::CpfHolder& h) {
  core::CpfFlux one{settings, clock, {h}};
  std::vector<core::Issue> out;
  for (core::Issue& i : core::check_cpf(one)) {
    if (i.path.rfind("holders/0", 0) == 0) out.push_back(std::move(i));
  }
  return out;
}

struct Gathered {
  std::vector<CpfDeclaration> declarations;
  std::map<std::string, std::vector<core::CpfHolder>> ready;  // by certification, in the holders' order
};

Gathered gather(const AppState& s) {
  Gathered g;
  std::map<std::string, std::size_t> index;  // certification → declarations[i]
  for (const CoachEntry* e : valid_entries(s.workspace)) {
    const core::TriageEntry* t = triage_of(s.workspace, *e);
    if (t && t->duplicate_of >= 0) continue;  // the same dossier counts once
    const core::Evaluation& record = outcome(*e);
    const core::Decision* decision = core::current_decision(record);
    if (decision == nullptr || decision->decision != core::DecisionKind::admis) continue;
    const std::string code = entry_programme(s, *e).referential.rs_reference;
    auto [at, added] = index.emplace(code, g.declarations.size());
    if (added) {
      CpfDeclaration d;
      d.certification = code;
      const core::CpfSettings settings = cpf_settings(s, code);
      for (core::Issue& i : core::check_cpf(core::CpfFlux{settings, s.clock_utc, {}})) {
        if (i.path.rfind("settings/", 0) == 0) d.settings_issues.push_back(std::move(i));
      }
      g.declarations.push_back(std::move(d));
    }
    CpfDeclaration& d = g.declarations[at->second];
    CpfHolderStatus status;
    status.entry = e->id;
    status.name = record.candidate.first_name + " " + record.candidate.last_name;
    auto holder = core::cpf_holder(record, core::bundle_cpf_identity(e->bundle.document), 0, "the dossier");
    if (holder) {
      status.issues = holder_issues(cpf_settings(s, code), s.clock_utc, *holder);
      if (status.ready()) g.ready[code].push_back(std::move(holder).value());
    } else {
      status.issues = holder.issues();
    }
    d.holders.push_back(std::move(status));
  }
  return g;
}

} // namespace

std::size_t CpfDeclaration::ready() const noexcept {
  return static_cast<std::size_t>(std::count_if(holders.begin(), holders.end(), [](const CpfHolderStatus& h) { return h.ready(); }));
}

core::CpfSettings cpf_settings(const AppState& s, const std::string& certification) {
  const CoachProfile& p = s.workspace.profile;
  core::CpfSettings settings;
  settings.emetteur_id_client = p.cpf_id_client;  // the certifier sends its own flux: emitter and certifier alike
  settings.certificateur_id_client = p.cpf_id_client;
  settings.id_contrat = p.cpf_id_contrat;
  settings.certification_type = certification.rfind("RNCP", 0) == 0 ? "RNCP" : "RS";
  settings.certification_code = certification;
  return settings;
}

std::vector<CpfDeclaration> cpf_declarations(const AppState& s) { return gather(s).declarations; }

core::Result<std::string> cpf_flux_for(const AppState& s, const std::string& certification) {
  Gathered g = gather(s);
  core::CpfFlux flux{cpf_settings(s, certification), s.clock_utc, std::move(g.ready[certification])};
  return core::cpf_flux_xml(flux);
}

void handle(AppState& s, const cmd::ExportCpf& c, Effects& fx) {
  auto xml = cpf_flux_for(s, c.certification);
  if (!xml) {
    s.workspace.cpf_issues = xml.issues();
    return;
  }
  s.workspace.cpf_issues.clear();
  const std::string day = s.clock_utc.size() >= 10 ? s.clock_utc.substr(0, 10) : core::to_iso(s.today);
  download(fx, "declaration-cpf-" + c.certification + "-" + day + ".xml", "application/xml", std::move(xml).value());
  fx.push_back(fx::Announce{catalog_for(s.prefs.lang).format("coach.cpf.exported", {{"code", c.certification}})});
}

} // namespace app
