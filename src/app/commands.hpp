// Commands: what views ask for. Views never mutate the state; `apply` does, after the frame.
#pragma once

#include "app/state.hpp"

#include <variant>
#include <vector>

namespace app {

namespace cmd {
struct GoTo { Screen screen; };
struct SetLanguage { Lang lang; };
struct SetToday { core::Date today; };
struct SetCandidateStep { CandidateStep step; };
struct SetEligibilityStage { EligibilityStage stage; };
struct AddPeriod {};
struct RemovePeriod { std::size_t index; };
struct EditPeriod { std::size_t index; core::PeriodAnswer value; };
struct SetPhase { Phase phase; std::optional<bool> done; };
} // namespace cmd

using Command = std::variant<cmd::GoTo, cmd::SetLanguage, cmd::SetToday, cmd::SetCandidateStep, cmd::SetEligibilityStage,
                             cmd::AddPeriod, cmd::RemovePeriod, cmd::EditPeriod, cmd::SetPhase>;

// Collected during a frame, applied after it.
class Commands {
public:
  template <typename C>
  void push(C c) { items_.emplace_back(std::move(c)); }
  std::vector<Command> take() { return std::exchange(items_, {}); }
  bool empty() const noexcept { return items_.empty(); }

private:
  std::vector<Command> items_;
};

} // namespace app
