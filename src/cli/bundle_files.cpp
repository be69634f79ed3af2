// What the bundle commands share: the embedded referential and ruleset, safe file names and writes, and
// how an issue or a size is printed.
#include "cli/cli.hpp"

#include "assets/assets.hpp"
#include "core/bundle.hpp"
#include "core/utf8.hpp"

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

namespace cli {

namespace fs = std::filesystem;

const core::Referential* embedded_referential(std::string& error) {
  static const auto parsed = [] {
    const auto text = assets::find("referential/rs3536-v1.json");
    return text ? std::make_unique<core::Result<core::Referential>>(core::parse_referential(*text)) : nullptr;
  }();
  if (parsed && parsed->ok()) return &parsed->value();
  error = "the embedded referential is missing or invalid (a build problem)";
  return nullptr;
}

const core::Ruleset* embedded_ruleset(std::string& error) {
  static const auto parsed = [] {
    const auto text = assets::find("rulesets/rs3536-2020.json");
    return text ? std::make_unique<core::Result<core::Ruleset>>(core::parse_ruleset(*text)) : nullptr;
  }();
  if (parsed && parsed->ok()) return &parsed->value();
  error = "the embedded ruleset is missing or invalid (a build problem)";
  return nullptr;
}

core::Result<std::string> read_bundle_file(std::string_view path, AgeInput* age) {
  const std::uint64_t limit = core::max_bundle_bytes;
  const std::string shown = path == "-" ? std::string("standard input") : std::string(path);
  auto too_large = [&](const std::string& size) {
    return core::Issue{core::Severity::error, "json.too_large", "",
                       "the file is " + size + " long; the limit is " + std::to_string(limit) + " bytes"};
  };
  std::error_code ec;
  if (path != "-") {
    const fs::path p{std::string(path)};
    if (fs::is_directory(p, ec)) {
      return core::Issue{core::Severity::error, "file.unreadable", "", shown + " is a folder, not a file"};
    }
    if (fs::is_regular_file(p, ec)) {
      const auto size = fs::file_size(p, ec);
      if (auto sealed = read_if_sealed(p.string(), shown, age, limit, ec ? 0 : size)) return std::move(*sealed);
      if (!ec && size > limit) return too_large(std::to_string(size) + " bytes");
      std::string error;
      auto text = read_input(path, error);
      if (!text) return core::Issue{core::Severity::error, "file.unreadable", "", error};
      if (text->size() > limit) return too_large("more than " + std::to_string(limit) + " bytes");  // it grew
      return std::move(*text);
    }
  }
  // Standard input, a pipe or a device: read by pieces, and stop past the limit.
  std::ifstream file;
  std::istream* in = &std::cin;
  if (path != "-") {
    file.open(std::string(path), std::ios::binary);
    if (!file) return core::Issue{core::Severity::error, "file.unreadable", "", "cannot open " + shown};
    in = &file;
  }
  std::string text;
  std::string piece(std::size_t{1} << 20, '\0');
  while (*in) {
    in->read(piece.data(), static_cast<std::streamsize>(piece.size()));
    text.append(piece.data(), static_cast<std::size_t>(in->gcount()));
    if (text.size() <= piece.size() && core::looks_like_age(text)) return open_sealed(*in, std::move(text), shown, age, limit, 0);
    if (text.size() > limit) return too_large("more than " + std::to_string(limit) + " bytes");
  }
  if (in->bad()) return core::Issue{core::Severity::error, "file.unreadable", "", "cannot read " + shown};
  return text;
}

bool may_write(const std::string& path, bool force, std::string& error) {
  std::error_code ec;
  const auto status = fs::symlink_status(path, ec);
  if (fs::is_symlink(status)) {
    error = path + " is a symbolic link; not writing through it";
    return false;
  }
  if (fs::exists(status)) {
    if (!force) {
      error = path + " already exists (use --force to replace it)";
      return false;
    }
    if (!fs::is_regular_file(status)) {
      error = path + " exists and is not a regular file";
      return false;
    }
  }
  return true;
}

std::string utc_now() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

bool write_file(const std::string& path, std::string_view bytes, bool force, std::string& error) {
  if (path == "-") {
    std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    std::cout.flush();
    if (!std::cout) error = "cannot write to standard output";
    return static_cast<bool>(std::cout);
  }
  if (!may_write(path, force, error)) return false;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) {
    error = "cannot create " + path;
    return false;
  }
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) {
    error = "cannot write " + path;
    return false;
  }
  return true;
}

std::string safe_file_name(std::string_view name, std::string_view fallback) {
  std::string out;
  std::size_t i = 0;
  while (i < name.size()) {
    const core::Utf8Char c = core::decode_utf8(name, i);
    const char32_t cp = c.code_point;
    const bool reserved = cp == '/' || cp == '\\' || cp == ':' || cp == '*' || cp == '?' || cp == '"' || cp == '<' ||
                          cp == '>' || cp == '|' || cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
    if (!c.valid || reserved) out += '_';
    else out.append(name.data() + i, c.length);
    i += c.length;
  }
  // No hidden files, no "." or "..", nothing Windows would silently trim.
  while (!out.empty() && (out.back() == '.' || out.back() == ' ')) out.pop_back();
  std::size_t lead = 0;
  while (lead < out.size() && (out[lead] == '.' || out[lead] == ' ')) ++lead;
  if (lead > 0) out = "_" + out.substr(lead);
  if (out.empty() || out == "_") out = std::string(fallback);
  // Device names are reserved on Windows whatever the extension ("nul.txt").
  std::string stem = out.substr(0, out.find('.'));
  for (char& ch : stem) ch = static_cast<char>(ch >= 'a' && ch <= 'z' ? ch - 'a' + 'A' : ch);
  static const char* const devices[] = {"CON",  "PRN",  "AUX",  "NUL",  "COM1", "COM2", "COM3", "COM4",
                                        "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3",
                                        "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9"};
  for (const char* d : devices) {
    if (stem == d) {
      out = "_" + out;
      break;
    }
  }
  // At most 200 bytes (room for a " (2)" suffix under the usual 255), cut on a character boundary,
  // keeping a short extension.
  constexpr std::size_t max_bytes = 200;
  if (out.size() > max_bytes) {
    const auto dot = out.rfind('.');
    const std::string ext = dot != std::string::npos && out.size() - dot <= 16 ? out.substr(dot) : std::string();
    std::size_t keep = max_bytes - ext.size();
    while (keep > 0 && (static_cast<unsigned char>(out[keep]) & 0xC0u) == 0x80u) --keep;
    out = out.substr(0, keep) + ext;
  }
  return out;
}

std::string format_issue(const core::Issue& issue) {
  std::string severity = core::to_string(issue.severity);
  severity.resize(8, ' ');
  std::string line = severity + (issue.path.empty() ? std::string("(file)") : issue.path) + ": " + issue.message;
  for (char& c : line) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return line;
}

std::string format_size(std::uint64_t bytes) {
  if (bytes < 1024) return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
  char buf[32];
  const double kib = static_cast<double>(bytes) / 1024.0;
  if (kib < 1024.0) std::snprintf(buf, sizeof buf, "%.1f KiB", kib);
  else std::snprintf(buf, sizeof buf, "%.1f MiB", kib / 1024.0);
  return buf;
}

} // namespace cli
