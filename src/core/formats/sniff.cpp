// Content-based media-type detection: magic numbers, PDF structure at both ends, image headers, ZIP-based
// documents (core/zip: directory, content types, relationships), and the CSV heuristic (core/csv). See
// sniff.hpp for the decisions.
//
// This file: the public API and the verdict's words. The detectors: sniff_office.cpp (ZIP-based documents),
// sniff_binary.cpp (PDF, images, magic numbers), sniff_text.cpp (markup, CSV, text); shared: sniff_detail.hpp.
#include "core/formats/sniff_detail.hpp"

namespace core {

namespace sniff_detail {

Sniff make_sniff(const Verdict& v) {
  const KindInfo& i = info(v.kind);
  const DetailInfo* d = detail_info(v.detail);
  Sniff s;
  s.kind = std::string(i.id);
  s.detail = d ? std::string(d->id) : std::string();
  s.media_type = std::string(v.media_type.empty() ? i.media_type : v.media_type);
  s.description = !v.description.empty() ? v.description : d ? std::string(d->description) : std::string(i.description);
  s.hint = std::string(d && !d->hint.empty() ? d->hint : i.hint);
  s.encoding = std::string(v.encoding);
  s.separator = v.separator;
  if (v.image) {
    s.width = v.image->width;
    s.height = v.image->height;
    s.orientation = v.image->orientation;
  }
  s.accepted = i.accepted;
  return s;
}

} // namespace sniff_detail

using namespace sniff_detail;

// [SECTION] public API ----------------------------------------------------------------------------------

Sniff sniff_media_type(std::string_view bytes) noexcept {
  if (bytes.empty()) return make_sniff(Verdict{K::empty});
  if (auto v = sniff_binary_magic(bytes)) return make_sniff(*v);
  return make_sniff(sniff_text(bytes));
}

std::string_view describe_media_type(std::string_view media_type) noexcept {
  for (const auto& i : k_kinds)
    if (i.media_type == media_type) return i.description;
  for (const auto& t : k_other_odf)
    if (t.media_type == media_type) return t.description;
  return {};
}

std::string sniff_refusal_message(const Sniff& sniff) {
  if (sniff.accepted) return {};
  std::string m = "Not accepted: " + (sniff.description.empty() ? std::string("unknown content") : sniff.description);
  if (!sniff.hint.empty()) m += " (" + sniff.hint + ")";
  m += ". Accepted: PDF, PNG, JPEG, WebP, OpenDocument (.odt, .ods, .odp), Office (.docx, .xlsx, .pptx) and CSV.";
  return m;
}

const std::vector<std::string_view>& sniff_kinds() noexcept {
  static const std::vector<std::string_view> ids = [] {
    std::vector<std::string_view> v;
    for (const auto& i : k_kinds) v.push_back(i.id);
    return v;
  }();
  return ids;
}

const std::vector<std::string_view>& sniff_details() noexcept {
  static const std::vector<std::string_view> ids = [] {
    std::vector<std::string_view> v;
    for (const auto& i : k_details) v.push_back(i.id);
    return v;
  }();
  return ids;
}

std::string_view sniff_hint(std::string_view id) noexcept {
  for (const auto& i : k_kinds)
    if (i.id == id) return i.hint;
  for (const auto& i : k_details)
    if (i.id == id) return i.hint;
  return {};
}

// The one list of accepted media types (content detection owns it; bundles and the UI use it).
const std::vector<std::string_view>& accepted_media_types() noexcept {
  static const std::vector<std::string_view> types = {
      "application/pdf",
      "image/png",
      "image/jpeg",
      "image/webp",
      "application/vnd.oasis.opendocument.spreadsheet",
      "application/vnd.oasis.opendocument.presentation",
      "application/vnd.oasis.opendocument.text",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "application/vnd.openxmlformats-officedocument.presentationml.presentation",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "text/csv",
  };
  return types;
}

} // namespace core
