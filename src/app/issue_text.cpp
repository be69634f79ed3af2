// Problems in the interface's language: catalog sentences, JSON Pointers in words, short digests.
#include "app/issue_text.hpp"

#include "app/state.hpp"
#include "core/codecs/age.hpp"

#include <cctype>
#include <vector>

namespace app {

namespace {

std::vector<std::string> pointer_segments(std::string_view pointer) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < pointer.size()) {
    if (pointer[i] != '/') break;
    ++i;
    std::string segment;
    while (i < pointer.size() && pointer[i] != '/') {
      if (pointer[i] == '~' && i + 1 < pointer.size()) {
        segment += pointer[i + 1] == '1' ? '/' : '~';
        i += 2;
      } else {
        segment += pointer[i++];
      }
    }
    out.push_back(std::move(segment));
  }
  return out;
}

bool is_index(const std::string& s) {
  if (s.empty() || s.size() > 9) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool is_hex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }

// "line 3, column 14: ..." (parse_json_strict's messages): the two numbers.
bool line_and_column(std::string_view message, std::string& line, std::string& column) {
  constexpr std::string_view l = "line ", c = ", column ";
  if (message.substr(0, l.size()) != l) return false;
  const auto comma = message.find(c);
  const auto colon = message.find(':');
  if (comma == std::string_view::npos || colon == std::string_view::npos || colon < comma) return false;
  line = std::string(message.substr(l.size(), comma - l.size()));
  column = std::string(message.substr(comma + c.size(), colon - comma - c.size()));
  return is_index(line) && is_index(column);
}

} // namespace

std::string path_in_words(std::string_view pointer, const Catalog& tr) {
  std::string_view rest = pointer;
  constexpr std::string_view answers = "/answers";
  if (rest.substr(0, answers.size()) == answers && (rest.size() == answers.size() || rest[answers.size()] == '/')) {
    rest.remove_prefix(answers.size());
  }
  for (Field f : all_fields) {
    if (rest == field_path(f)) return tr.text(std::string("q.field.") + field_id(f));
  }
  const std::vector<std::string> segments = pointer_segments(rest);
  std::string out;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    std::string word;
    const std::string& s = segments[i];
    const bool indexed = i + 1 < segments.size() && is_index(segments[i + 1]) && tr.has("path." + s + ".n");
    if (indexed) {
      word = tr.format("path." + s + ".n", {{"n", std::to_string(std::stoul(segments[i + 1]) + 1)}});
      ++i;
    } else if (tr.has("path." + s)) {
      word = tr.text("path." + s);
    } else {
      word = is_index(s) ? std::to_string(std::stoul(s) + 1) : s;
    }
    if (!out.empty()) out += " › ";
    out += word;
  }
  return out;
}

std::string shorten_digests(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t n = 0;
    while (i + n < text.size() && is_hex(text[i + n])) ++n;
    if (n == 64) {
      out.append(text.substr(i, 12));
      out += "…";
      i += n;
    } else if (n > 0) {
      out.append(text.substr(i, n));
      i += n;
    } else {
      out += text[i++];
    }
  }
  return out;
}

namespace {

// The number after `tag` in `message` ("byte 1234"), or "".
std::string number_after(std::string_view message, std::string_view tag) {
  const auto at = message.find(tag);
  if (at == std::string_view::npos) return {};
  std::string n;
  for (std::size_t i = at + tag.size(); i < message.size() && message[i] >= '0' && message[i] <= '9'; ++i) n += message[i];
  return n;
}

// The fingerprints "XXXX-XXXX-XXXX-XXXX" listed after `tag` in `message`, joined by ", ".
std::string fingerprints_after(std::string_view message, std::string_view tag) {
  const auto at = message.find(tag);
  if (at == std::string_view::npos) return {};
  std::string out;
  for (std::size_t i = at; i + 19 <= message.size(); ++i) {
    bool form = true;
    for (std::size_t k = 0; k < 19 && form; ++k) {
      const char c = message[i + k];
      form = (k % 5 == 4) ? c == '-' : (std::isdigit(static_cast<unsigned char>(c)) || (c >= 'A' && c <= 'F'));
    }
    if (!form) continue;
    if (!out.empty()) out += ", ";
    out.append(message.substr(i, 19));
    i += 18;
  }
  return out;
}

// A sealed file's problem (core/codecs/age.hpp): the catalog's sentence, the keys the header names, and
// where the file broke (header line, chunk, byte).
std::string age_issue_text(const core::Issue& issue, const Catalog& tr) {
  if (issue.code == core::age_wrong_key) {
    const std::string named = fingerprints_after(issue.message, "sealed for");
    if (!named.empty()) return tr.format("issue.age.wrong_key", {{"fingerprints", named}});
    if (issue.message.find("does not name") != std::string::npos) return tr.text("issue.age.wrong_key_unnamed");
    return tr.text("issue.age.wrong_key_none");
  }
  std::string text = tr.text("issue." + issue.code);
  std::string where;
  const std::string_view path = issue.path;
  if (path.rfind("chunk ", 0) == 0) {
    where = tr.format("path.age_chunk", {{"n", std::string(path.substr(6))}});
  } else if (path.rfind("header line ", 0) == 0) {
    where = tr.format("path.age_header_line", {{"n", std::string(path.substr(12))}});
  } else if (path == "header") {
    where = tr.text("path.age_header");
  } else if (path == "payload") {
    where = tr.text("path.age_payload");
  }
  std::string byte = number_after(issue.message, "at byte ");
  if (byte.empty()) byte = number_after(issue.message, "(byte ");
  if (byte.empty()) byte = number_after(issue.message, "(bytes ");
  if (byte.empty()) byte = number_after(issue.message, "from byte ");
  if (!byte.empty()) where += (where.empty() ? "" : ", ") + tr.format("path.age_byte", {{"byte", byte}});
  if (where.empty()) return text;
  const bool full_stop = !text.empty() && text.back() == '.';
  if (full_stop) text.pop_back();
  return text + " (" + where + ")" + (full_stop ? "." : "");
}

} // namespace

std::string issue_text(const core::Issue& issue, const Catalog& tr) {
  const std::string key = "issue." + issue.code;
  if (issue.code.rfind("age.", 0) == 0 && tr.has(key)) return age_issue_text(issue, tr);
  if (!tr.has(key)) {
    return shorten_digests(issue.message) + (issue.path.empty() ? "" : " (" + issue.path + ")");
  }
  std::string where;
  std::string line, column;
  if (issue.code.rfind("json.", 0) == 0 && line_and_column(issue.message, line, column)) {
    where = tr.format("path.line_column", {{"line", line}, {"column", column}});
  } else {
    where = path_in_words(issue.path, tr);
  }
  std::string text = tr.text(key);
  if (where.empty()) return text;
  // "... dans le dossier (compétence 1 › ce que vous avez fait)." : where goes inside the last sentence.
  const bool full_stop = !text.empty() && text.back() == '.';
  if (full_stop) text.pop_back();
  return text + " (" + where + ")" + (full_stop ? "." : "");
}

} // namespace app
