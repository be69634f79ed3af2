// What the bundle commands share: the embedded programmes (a bundle's own, by what it names), safe writes, and how an issue,
// a size or a bundle's text is printed.
#include "cli/cli.hpp"

#include "assets/assets.hpp"
#include "core/base/date.hpp"
#include "core/domain/jury.hpp"
#include "core/formats/bundle.hpp"
#include "core/codecs/terminal_text.hpp"
#include "core/codecs/text.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

namespace cli {

namespace fs = std::filesystem;

namespace {

const std::vector<core::LoadedProgramme>& embedded_programmes() {
  static const auto loaded = [] {
    std::vector<core::LoadedProgramme> out;
    const core::AssetLookup find = [](std::string_view path) { return assets::find(path); };
    for (const auto id : core::shipped_programme_ids()) {
      if (auto p = core::load_programme(id, find)) out.push_back(std::move(p).value());
    }
    return out;
  }();
  return loaded;
}

} // namespace

const core::LoadedProgramme* embedded_programme(std::string_view id, std::string& error) {
  for (const auto& p : embedded_programmes()) {
    if (p.programme.id == id) return &p;
  }
  error = "the embedded programme '" + std::string(id) + "' is missing or invalid (a build problem)";
  return nullptr;
}

const core::LoadedProgramme* bundle_programme(const core::Bundle& bundle, std::string& error) {
  std::vector<core::Programme> known;
  for (const auto& p : embedded_programmes()) known.push_back(p.programme);
  const auto match = core::programme_for_document(known, bundle.programme_id, bundle.referential_id, bundle.ruleset_id);
  if (!match) {
    error = "the bundle is for " +
            (bundle.programme_id.empty() ? "referential '" + bundle.referential_id + "' and ruleset '" + bundle.ruleset_id + "'"
                                         : "programme '" + bundle.programme_id + "'") +
            ", which this program does not know";
    return nullptr;
  }
  return embedded_programme(match->programme_id, error);
}

const core::LoadedProgramme* record_programme(const core::Evaluation& record, std::string& error) {
  std::vector<core::Programme> known;
  for (const auto& p : embedded_programmes()) known.push_back(p.programme);
  const auto id = core::programme_of(record, known);
  if (!id) {
    error = "the evaluation record is for referential '" + record.referential_id + "', which this program does not know";
    return nullptr;
  }
  return embedded_programme(*id, error);
}

const core::Referential* embedded_referential(std::string& error) {
  const auto* p = embedded_programme(default_cli_programme, error);
  return p ? &p->referential : nullptr;
}

const core::Ruleset* embedded_ruleset(std::string& error) {
  const auto* p = embedded_programme(default_cli_programme, error);
  return p ? &p->ruleset : nullptr;
}

core::Result<std::string> read_bundle_file(std::string_view path, AgeInput* age) {
  const std::uint64_t limit = core::max_bundle_bytes;
  const std::string label = path == "-" ? std::string("standard input") : std::string(path);
  auto too_large = [&](const std::string& size) {
    return core::Issue{core::Severity::error, "json.too_large", "",
                       "the file is " + size + " long; the limit is " + std::to_string(limit) + " bytes"};
  };
  std::error_code ec;
  if (path != "-") {
    const fs::path p{std::string(path)};
    if (fs::is_directory(p, ec)) {
      return core::Issue{core::Severity::error, "file.unreadable", "", label + " is a folder, not a file"};
    }
    if (fs::is_regular_file(p, ec)) {
      const auto size = fs::file_size(p, ec);
      if (auto sealed = read_if_sealed(p.string(), label, age, limit, ec ? 0 : size)) return std::move(*sealed);
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
    if (!file) return core::Issue{core::Severity::error, "file.unreadable", "", "cannot open " + label};
    in = &file;
  }
  std::string text;
  std::string piece(std::size_t{1} << 20, '\0');
  while (*in) {
    in->read(piece.data(), static_cast<std::streamsize>(piece.size()));
    text.append(piece.data(), static_cast<std::size_t>(in->gcount()));
    if (text.size() <= piece.size() && core::looks_like_age(text)) return open_sealed(*in, std::move(text), label, age, limit, 0);
    if (text.size() > limit) return too_large("more than " + std::to_string(limit) + " bytes");
  }
  if (in->bad()) return core::Issue{core::Severity::error, "file.unreadable", "", "cannot read " + label};
  return text;
}

std::optional<std::string> cannot_write(const std::string& path, bool force) {
  struct stat st {};
  if (lstat(path.c_str(), &st) != 0) return std::nullopt;  // nothing there yet
  if (S_ISLNK(st.st_mode)) return path + " is a symbolic link; not writing through it";
  if (!force) return path + " already exists (use --force to replace it)";
  if (!S_ISREG(st.st_mode)) return path + " exists and is not a regular file";
  if (st.st_nlink != 1) return path + " has other hard links: replacing it would change a file elsewhere";
  return std::nullopt;
}

std::string utc_now() { return core::utc_timestamp(static_cast<std::int64_t>(std::time(nullptr))); }

bool write_file(const std::string& path, std::string_view bytes, bool force, std::string& error) {
  if (path == "-") {
    std::string escaped;
    if (isatty(STDOUT_FILENO)) {
      escaped = core::terminal_text(bytes, core::LineBreaks::kept);
      bytes = escaped;
    }
    std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    std::cout.flush();
    if (!std::cout) error = "cannot write to standard output";
    return static_cast<bool>(std::cout);
  }
  if (auto why = cannot_write(path, force)) {
    error = *why;
    return false;
  }
  // Opened without following a link and without truncating, then checked again on the open file: what
  // was looked at above cannot be swapped for something else in between.
  const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, 0644);
  if (fd < 0) {
    error = "cannot create " + path + ": " + std::strerror(errno);
    return false;
  }
  struct stat st {};
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_nlink != 1) {
    close(fd);
    error = path + " is not a regular file of its own; not written";
    return false;
  }
  bool ok = ftruncate(fd, 0) == 0;
  std::size_t done = 0;
  while (ok && done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) ok = false;
    else done += static_cast<std::size_t>(n);
  }
  if (close(fd) != 0) ok = false;
  if (!ok) error = "cannot write " + path;
  return ok;
}

std::string shown(std::string_view text) { return core::terminal_text(text); }

std::string format_issue(const core::Issue& issue) {
  std::string severity = core::to_string(issue.severity);
  severity.resize(8, ' ');
  std::string line = severity + (issue.path.empty() ? std::string("(file)") : issue.path) + ": " + issue.message;
  for (char& c : line) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return shown(line);
}

std::string format_size(std::uint64_t bytes) { return core::format_size(bytes, core::size_units_for("en")); }

} // namespace cli
