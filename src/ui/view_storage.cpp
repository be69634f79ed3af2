// Local saving as the user sees it: when the draft was last saved, a warning that stays while saving
// fails (the draft is still in memory and can be exported), and erasing the local data on request.
#include "ui/views.hpp"

#include "app/format.hpp"
#include "ui/widgets.hpp"

#include <imgui_internal.h>

namespace ui {

namespace {

// "2026-11-28T16:40" → "28 novembre 2026 à 16:40".
std::string when(const View& v, const std::string& stamp) {
  const auto d = core::parse_iso_date(std::string_view(stamp).substr(0, 10));
  if (!d || stamp.size() < 16) return stamp;
  return v.tr.format("storage.when", {{"date", app::format_date(*d, v.tr)}, {"time", stamp.substr(11, 5)}});
}

} // namespace

void storage_status_line(View& v) {
  const auto& st = v.state.storage;
  std::string line;
  ImU32 c = colour::muted;
  switch (st.status) {
    case app::Storage::Status::loading: line = v.tr.text("storage.loading"); break;
    case app::Storage::Status::failed: line = v.tr.text("storage.failed.short"); c = colour::error; break;
    case app::Storage::Status::ready:
      if (st.pending > 0 || st.dirty) line = v.tr.text("storage.saving");
      else if (!st.last_saved.empty()) line = v.tr.format("storage.saved", {{"when", when(v, st.last_saved)}});
      else line = v.tr.text("storage.nothing");
      break;
  }
  ImGui::PushFont(v.ui.fonts.small);
  ImGui::PushStyleColor(ImGuiCol_Text, c);
  plain(line);
  ImGui::PopStyleColor();
  ImGui::PopFont();
}

void storage_warning(View& v) {
  const auto& st = v.state.storage;
  if (st.status != app::Storage::Status::failed) return;
  const std::string key = st.error == "QuotaExceededError" ? "storage.failed.quota"
                        : st.error == "unavailable"        ? "storage.failed.unavailable"
                                                           : "storage.failed.other";
  notice(v.ui, Tone::error, v.tr.text("storage.failed.title"), v.tr.format(key, {{"error", st.error}}), v.width);
  ImGui::Dummy(ImVec2(0, 4 * v.ui.scale));
}

void clear_data_button(View& v) {
  const auto& tr = v.tr;
  if (button(v.ui, "storage.clear", tr.text("storage.clear"), ButtonKind::tertiary)) {
    v.ui.confirm_clear = true;
    ImGui::OpenPopup("###confirm-clear");
  }
  if (v.ui.confirm_clear && !ImGui::IsPopupOpen("###confirm-clear")) ImGui::OpenPopup("###confirm-clear");
  const float s = v.ui.scale;
  ImGui::SetNextWindowSize(ImVec2(std::min(520 * s, ImGui::GetIO().DisplaySize.x - 40 * s), 0));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(20 * s, 18 * s));
  const std::string title = tr.text("storage.clear.title") + "###confirm-clear";
  if (ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize)) {
    ImGui::PushTextWrapPos(0);
    plain_wrapped(tr.text("storage.clear.body"));
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, 6 * s));
    const bool escape = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
    if (button(v.ui, "storage.clear.cancel", tr.text("storage.clear.cancel"), ButtonKind::secondary) || escape) {
      v.ui.confirm_clear = false;
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Button, colour::error);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, colour::error_hover);
    if (button(v.ui, "storage.clear.confirm", tr.text("storage.clear.confirm"))) {
      v.out.push(app::cmd::ClearLocalData{});
      v.ui.confirm_clear = false;
      ImGui::CloseCurrentPopup();
    }
    ImGui::PopStyleColor(2);
    ImGui::EndPopup();
  }
  ImGui::PopStyleVar();
}

} // namespace ui
