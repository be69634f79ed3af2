// The certifier's declaration of its holders to the SI CPF (« accrochage certificateurs »), from the coach's
// workspace: who is admitted, what each holder's flux entry still lacks, and the XML flux itself
// (core/formats/cpf.hpp writes and checks it; this file only gathers the workspace's part).
//
//   for (const app::CpfDeclaration& d : app::cpf_declarations(state))   // one per certification code
//     d.ready() holders go into the flux; the others say why (each issue names the holder and the field)
//   cmd::ExportCpf{"RS6247"} → fx::Download "declaration-cpf-RS6247-<date>.xml" of the ready holders
#pragma once

#include "app/commands.hpp"
#include "app/effects.hpp"
#include "app/state.hpp"
#include "core/formats/cpf.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace app {

struct CpfHolderStatus {
  std::uint32_t entry = 0;
  std::string name;                 // "Hélène Lefèvre", as the dossier gives it
  std::vector<core::Issue> issues;  // what keeps this holder out of the flux (errors), then warnings
  bool ready() const noexcept { return !core::has_errors(issues); }
};

// The admitted holders of one certification (an RS code), in the cohort's order.
struct CpfDeclaration {
  std::string certification;                 // "RS6247"
  std::vector<CpfHolderStatus> holders;
  std::vector<core::Issue> settings_issues;  // the profile's idClient / idContrat, as the XSD restricts them
  std::size_t ready() const noexcept;
  bool can_export() const noexcept { return ready() > 0 && !core::has_errors(settings_issues); }
};

// The certifier's settings for a certification: the profile's ids, the programme's RS code.
core::CpfSettings cpf_settings(const AppState& s, const std::string& certification);
// One declaration per certification with at least one admitted holder (a duplicate file counts once).
std::vector<CpfDeclaration> cpf_declarations(const AppState& s);
// The flux of the certification's ready holders, stamped with the app's clock; refused with check_cpf's
// errors (there are none once can_export()).
core::Result<std::string> cpf_flux_for(const AppState& s, const std::string& certification);

void handle(AppState& s, const cmd::ExportCpf& c, Effects& fx);

} // namespace app
