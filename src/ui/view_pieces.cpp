// The six pieces: links (https, never fetched) and files (picked or dropped, checked by content, within
// the limits shown before choosing), with progress while a file is read and the reason when refused.
#include "ui/views.hpp"

#include "app/format.hpp"

#include "ui/form.hpp"
#include "ui/widgets.hpp"

#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>

namespace ui {

namespace {

std::string refusal_reason(const View& v, const app::FileRefusal& r);

// Why a file was not added and, for a replacement, that the current file stays.
std::string refusal_text(const View& v, const app::FileRefusal& r) {
  const std::string why = refusal_reason(v, r);
  return r.kept.empty() ? why : why + " " + v.tr.format("files.refused.kept", {{"kept", r.kept}});
}

std::string refusal_reason(const View& v, const app::FileRefusal& r) {
  const auto& tr = v.tr;
  if (r.code == "file_too_large") {
    const std::string max = app::format_size(core::max_file_bytes, tr);
    std::string size = app::format_size(r.size, tr);
    if (size == max) size = tr.format("files.more_than", {{"max", max}});  // just over: say so, not "50 of 50"
    return tr.format("files.refused.too_large", {{"name", r.name}, {"size", size}, {"max", max}});
  }
  if (r.code == "dossier_full") {
    return tr.format("files.refused.dossier_full", {{"name", r.name}, {"size", app::format_size(r.size, tr)},
                                                    {"used", app::format_size(core::attachments_size(v.state.draft), tr)},
                                                    {"max", app::format_size(core::max_dossier_bytes, tr)}});
  }
  if (r.code == "type_refused") {
    // The precise finding's words when there are some, else the kind's; its advice, else the kind's.
    const std::string detail = "filetype.detail." + r.detail, kind = "filetype." + r.kind;
    const std::string detected = !r.detail.empty() && tr.has(detail) ? tr.text(detail)
                                 : tr.has(kind)                      ? tr.text(kind)
                                                                     : tr.text("filetype.unknown");
    const std::string hint_detail = "filetype.hint." + r.detail, hint_kind = "filetype.hint." + r.kind;
    const std::string advice = !r.detail.empty() && tr.has(hint_detail) ? " " + tr.text(hint_detail)
                               : tr.has(hint_kind)                      ? " " + tr.text(hint_kind)
                                                                        : std::string();
    return tr.format("files.refused.type", {{"name", r.name}, {"detected", detected}, {"advice", advice},
                                            {"accepted", tr.text("files.accepted")}});
  }
  if (r.code == "empty") return tr.format("files.refused.empty", {{"name", r.name}});
  if (r.code == "one_file_only") return tr.format("files.refused.one_file", {{"name", r.name}});
  if (r.code == "drop_outside") return tr.text("files.refused.drop_outside");
  return tr.format("files.refused.read", {{"name", r.name}});
}

void meter(View& v) {
  const float s = v.ui.scale;
  const std::uint64_t used = core::attachments_size(v.state.draft);
  const float frac = static_cast<float>(static_cast<double>(used) / static_cast<double>(core::max_dossier_bytes));
  ImGui::PushFont(v.ui.fonts.strong);
  plain(v.tr.format("files.meter", {{"used", app::format_size(used, v.tr)}, {"max", app::format_size(core::max_dossier_bytes, v.tr)}}));
  ImGui::PopFont();
  ImGui::PushStyleColor(ImGuiCol_PlotHistogram, frac > 0.9f ? colour::warning : colour::primary);
  ImGui::PushStyleColor(ImGuiCol_FrameBg, colour::track);
  ImGui::ProgressBar(frac > 1 ? 1.0f : frac, ImVec2(v.width, 10 * s), "");
  ImGui::PopStyleColor(2);
}

bool is_image(const std::string& media_type) { return media_type.rfind("image/", 0) == 0; }

// A small picture of an image attachment, or a document mark; the browser decodes images for us.
void preview(View& v, const core::Attachment& a) {
  const float s = v.ui.scale;
  const float box = 56 * s;
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + box, p.y + box), colour::placeholder, 4 * s);
  auto it = v.ui.thumbnails.find(a.id);
  if (is_image(a.media_type) && !a.bytes.empty()) {
    if (it == v.ui.thumbnails.end()) {
      v.ui.thumbnail_requests.push_back(a.id);
    } else if (it->second.texture) {
      const float k = std::min(box / it->second.w, box / it->second.h);
      const float w = it->second.w * k, h = it->second.h * k;
      const ImVec2 q(p.x + (box - w) / 2, p.y + (box - h) / 2);
      dl->AddImage(reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(it->second.texture)), q, ImVec2(q.x + w, q.y + h));
    }
  }
  if (!is_image(a.media_type) || (it != v.ui.thumbnails.end() && it->second.failed)) {
    const std::string ext = a.media_type == "application/pdf" ? "PDF" : a.media_type == "text/csv" ? "CSV" : "DOC";
    const ImVec2 ts = ImGui::CalcTextSize(ext.c_str());
    dl->AddText(ImVec2(p.x + (box - ts.x) / 2, p.y + (box - ts.y) / 2), colour::muted, ext.c_str());
  }
  ImGui::Dummy(ImVec2(box, box));
}

void file_row(View& v, const core::Piece& piece, const core::Attachment& a, const std::string& base) {
  const float s = v.ui.scale;
  ImGui::PushID(a.id.c_str());
  preview(v, a);
  ImGui::SameLine();
  ImGui::BeginGroup();
  ImGui::Dummy(ImVec2(0, 6 * s));
  // The name can be changed (what the coach will see); the content cannot.
  std::string name = a.name;
  const std::string rid = base + "/name";
  ImGui::SetNextItemWidth(std::max(160 * s, v.width - 540 * s));
  if (ImGui::InputText("##name", &name) && genuine_edit(v.ui, rid.c_str(), name)) {
    v.out.push(app::cmd::RenameAttachment{a.id, name});
  }
  track(v.ui, rid.c_str(), a.name, "input");
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  ImGui::PushStyleColor(ImGuiCol_Text, colour::muted);
  plain(app::format_size(a.size(), v.tr) + " · " + a.media_type);
  ImGui::PopStyleColor();
  ImGui::SameLine();
  if (button(v.ui, (base + "/replace").c_str(), v.tr.text("files.replace"), ButtonKind::tertiary)) {
    v.out.push(app::cmd::PickFiles{piece.id, a.id});
  }
  ImGui::SameLine();
  if (button(v.ui, (base + "/remove").c_str(), v.tr.text("files.remove"), ButtonKind::tertiary)) {
    v.out.push(app::cmd::RemoveAttachment{a.id});
  }
  ImGui::EndGroup();
  ImGui::PopID();
}

void piece_card(View& v, std::size_t index, const core::Piece& piece, const core::PieceSpec& spec) {
  const float s = v.ui.scale;
  const auto& tr = v.tr;
  const char* lang = app::lang_code(v.state.prefs.lang);
  const std::string base = "/pieces/" + std::to_string(index);
  scroll_if_requested(v.ui, base.c_str());
  const ImVec2 top = ImGui::GetCursorScreenPos();
  begin_card(v.ui, base.c_str(), v.width);

  const bool done = !piece.url.empty() || !piece.files.empty();
  ImGui::PushFont(v.ui.fonts.strong);
  ImGui::PushStyleColor(ImGuiCol_Text, done ? colour::success : colour::muted);
  plain(done ? "✓" : "○");
  ImGui::PopStyleColor();
  ImGui::SameLine();
  // In the text version the card is a group named after its piece, and so are its controls
  // ("Lien (https) — Organigramme"): six cards ask the same questions.
  ImGui::TextWrapped("%s", spec.title.get(lang).c_str());
  ImGui::PopFont();
  begin_group(v.ui, spec.title.get(lang), true);
  text_wrapped(spec.hint.get(lang), colour::muted);
  const float inner = v.width - 32 * s;

  if (spec.takes_link()) {
    std::string url = piece.url;
    std::string err;
    for (const auto& i : v.state.readiness) {
      if (i.path == base + "/url" && i.severity == core::Severity::error) {
        err = tr.text(i.code == "url_not_https" ? "q.error.https" : i.code == "dossier.too_long" ? "q.error.too_long" : "q.error.invalid");
      }
    }
    if (text_field(v.ui, (base + "/url").c_str(), tr.text(spec.takes_files() ? "pieces.url.optional" : "pieces.url"), url,
                   tr.text("q.hint.site"), inner, err, core::max_line_chars)) {
      v.out.push(app::cmd::SetPieceUrl{piece.id, url});
    }
  }

  if (spec.takes_files()) {
    for (std::size_t k = 0; k < piece.files.size(); ++k) {
      file_row(v, piece, piece.files[k], base + "/files/" + std::to_string(k));
    }
    const bool can_add = spec.multiple || piece.files.empty();
    if (can_add) {
      if (button(v.ui, (base + "/add").c_str(), tr.text(spec.multiple ? "files.add.multiple" : "files.add"),
                 ButtonKind::secondary)) {
        v.out.push(app::cmd::PickFiles{piece.id, {}});
      }
      ImGui::SameLine();
      ImGui::AlignTextToFramePadding();
      text_wrapped(tr.text("files.drop_here"), colour::muted);
    }
    // Files being read show under the button, so that the button stays where it was while they come and go.
    for (const auto& job : v.state.file_jobs) {
      if (job.piece_id != piece.id) continue;
      const float frac = job.size ? static_cast<float>(static_cast<double>(job.bytes.size()) / static_cast<double>(job.size)) : 0.0f;
      plain(tr.format("files.reading", {{"name", job.name}}));
      ImGui::ProgressBar(frac, ImVec2(inner, 0));
    }
  }
  for (std::size_t r = 0; r < v.state.file_refusals.size(); ++r) {
    const auto& refusal = v.state.file_refusals[r];
    if (refusal.piece_id != piece.id) continue;
    field_error(v.ui, refusal_text(v, refusal), inner - 110 * s);
    ImGui::SameLine();
    ImGui::PushID(static_cast<int>(r));
    if (button(v.ui, (base + "/refusal/" + std::to_string(r) + "/dismiss").c_str(), tr.text("files.dismiss"), ButtonKind::tertiary)) {
      v.out.push(app::cmd::DismissRefusal{r});
    }
    ImGui::PopID();
  }

  std::string description = piece.description;
  std::string description_error;  // only a text over the limit (a restored draft): said, kept whole
  for (const auto& i : v.state.readiness) {
    if (i.path == base + "/description" && i.code == "dossier.too_long") description_error = tr.text("q.error.too_long");
  }
  if (text_field(v.ui, (base + "/description").c_str(), tr.text("pieces.description"), description,
                 tr.text("pieces.description.hint"), inner, description_error, core::max_text_chars)) {
    v.out.push(app::cmd::SetPieceDescription{piece.id, description});
  }
  end_group(v.ui);
  end_card(v.ui);
  const ImVec2 bottom = ImGui::GetItemRectMax();
  if (spec.takes_files()) v.ui.drop_zones.push_back({piece.id, top.x, top.y, top.x + v.width, bottom.y});
  ImGui::Dummy(ImVec2(0, 2 * s));
}

} // namespace

void view_pieces(View& v) {
  const float s = v.ui.scale;
  const auto& tr = v.tr;
  page_intro(v.ui, tr.text("pieces.title"), v.about("pieces.intro"));
  notice(v.ui, Tone::info, tr.text("files.limits.title"),
         tr.format("files.limits", {{"file", app::format_size(core::max_file_bytes, tr)},
                                    {"dossier", app::format_size(core::max_dossier_bytes, tr)},
                                    {"accepted", tr.text("files.accepted")}}),
         v.width);
  ImGui::Dummy(ImVec2(0, 4 * s));
  meter(v);
  for (std::size_t r = 0; r < v.state.file_refusals.size(); ++r) {  // files dropped outside any piece
    if (!v.state.file_refusals[r].piece_id.empty()) continue;
    field_error(v.ui, refusal_text(v, v.state.file_refusals[r]), v.width - 120 * s);
    ImGui::SameLine();
    ImGui::PushID(static_cast<int>(r));
    if (button(v.ui, ("pieces.refusal." + std::to_string(r) + ".dismiss").c_str(), tr.text("files.dismiss"), ButtonKind::tertiary)) {
      v.out.push(app::cmd::DismissRefusal{r});
    }
    ImGui::PopID();
  }
  ImGui::Dummy(ImVec2(0, 6 * s));
  for (std::size_t i = 0; i < v.state.draft.pieces.size(); ++i) {
    const auto& piece = v.state.draft.pieces[i];
    if (const core::PieceSpec* spec = v.state.programme.referential.piece(piece.id)) piece_card(v, i, piece, *spec);
  }
  ImGui::Dummy(ImVec2(0, 8 * s));
  if (button(v.ui, "pieces.next", tr.text("pieces.next"))) v.out.push(app::cmd::SetCandidateStep{app::CandidateStep::review});
}

} // namespace ui
