// The bundle's field rules other code asks about: accepted media types, file names, export timestamps.
#include "core/formats/bundle_detail.hpp"

#include <algorithm>
#include <limits>

namespace core {

using namespace bundle_detail;

bool is_accepted_media_type(std::string_view media_type) noexcept {
  const auto& types = accepted_media_types();
  return std::find(types.begin(), types.end(), media_type) != types.end();
}

const char* file_name_problem(std::string_view name) noexcept {
  if (name.empty()) return "the name is empty";
  if (name.size() > max_file_name_bytes) return "the name is longer than 255 bytes";
  if (name == "." || name == "..") return "the name is \".\" or \"..\", which designate folders";
  if (first_invalid_utf8(name)) return "the name is not valid UTF-8";
  std::size_t i = 0;
  while (i < name.size()) {
    const Utf8Char c = decode_utf8(name, i);
    if (c.code_point == '/' || c.code_point == '\\') return "the name contains a path separator ('/' or '\\')";
    if (c.code_point < 0x20 || (c.code_point >= 0x7F && c.code_point <= 0x9F)) {
      return "the name contains a control character";
    }
    i += c.length;
  }
  return nullptr;
}

bool is_export_timestamp(std::string_view t) noexcept {
  // YYYY-MM-DDThh:mm:ssZ
  if (t.size() != 20 || t[10] != 'T' || t[13] != ':' || t[16] != ':' || t[19] != 'Z') return false;
  if (!parse_iso_date(t.substr(0, 10))) return false;
  for (const std::size_t i : {11u, 12u, 14u, 15u, 17u, 18u}) {
    if (!is_digit(t[i])) return false;
  }
  const int hh = (t[11] - '0') * 10 + (t[12] - '0');
  const int mm = (t[14] - '0') * 10 + (t[15] - '0');
  const int ss = (t[17] - '0') * 10 + (t[18] - '0');
  return hh < 24 && mm < 60 && ss < 60;
}

bool is_language_tag(std::string_view t) noexcept {
  const auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
  const auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  const std::size_t dash = t.find('-');
  const std::string_view language = t.substr(0, dash);
  if (language.size() < 2 || language.size() > 3) return false;
  for (char c : language) {
    if (!lower(c)) return false;
  }
  if (dash == std::string_view::npos) return true;
  const std::string_view region = t.substr(dash + 1);  // "CA", or a UN M.49 number ("419")
  if (region.size() == 2) return upper(region[0]) && upper(region[1]);
  return region.size() == 3 && is_digit(region[0]) && is_digit(region[1]) && is_digit(region[2]);
}

} // namespace core
