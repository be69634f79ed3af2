// What the commands share for sealed (age) files: which failures mean "cannot read", asking a
// passphrase on the terminal, opening a sealed bundle as it is read, and output files that appear only
// once complete.
//
// [SECTION] index
//   unreadable   cannot_read (the options themselves: cli/options.hpp, with_age_options)
//   passphrase   from --passphrase-env, --passphrase-fd or the terminal (echo off)
//   opening      open_sealed: the header, the keys, the payload a piece at a time
//   output       OutputFile: a temporary file renamed into place on commit
#include "cli/cli.hpp"

#include <sodium.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace cli {

namespace fs = std::filesystem;

// ==== unreadable ===========================================================================================

bool cannot_read(const core::Issue& issue) {
  static const char* const codes[] = {"file.unreadable", "file.unwritable", core::age_no_identity, core::age_bad_identity,
                                      core::age_wrong_key,         core::age_passphrase_needed, core::age_bad_passphrase,
                                      core::age_no_passphrase_stanza, core::age_scrypt_failed};
  for (const char* c : codes) {
    if (issue.code == c) return true;
  }
  return false;
}

// ==== passphrase ===========================================================================================

namespace {

// One line from `fd`: up to a line feed (dropped, with a carriage return before it) or the end.
bool read_line_fd(int fd, std::string& out) {
  out.clear();
  char c = 0;
  for (;;) {
    const ssize_t n = ::read(fd, &c, 1);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    if (n == 0 || c == '\n') break;
    out += c;
    if (out.size() > 4096) return false;
  }
  if (!out.empty() && out.back() == '\r') out.pop_back();
  return true;
}

// Asks on the terminal with echo off. false when there is no terminal.
bool ask_terminal(const std::string& prompt, std::string& out) {
  const int tty = ::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (tty < 0) return false;
  termios saved{};
  const bool is_term = ::tcgetattr(tty, &saved) == 0;
  if (is_term) {
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    quiet.c_lflag |= ECHONL;
    // TCSANOW, not TCSAFLUSH: what was typed ahead (or piped by a test through a terminal) is kept.
    ::tcsetattr(tty, TCSANOW, &quiet);
  }
  if (::write(tty, prompt.data(), prompt.size()) < 0) { /* the prompt is a courtesy */ }
  const bool ok = read_line_fd(tty, out);
  if (is_term) ::tcsetattr(tty, TCSANOW, &saved);
  ::close(tty);
  return ok && is_term;
}

} // namespace

PassphraseSource passphrase_source(const AgeInput& age) {
  if (!age.passphrase_env.empty()) return PassphraseSource::env;
  if (age.passphrase_fd >= 0) return PassphraseSource::fd;
  const int tty = ::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (tty < 0) return PassphraseSource::none;
  const bool term = ::isatty(tty) != 0;
  ::close(tty);
  return term ? PassphraseSource::terminal : PassphraseSource::none;
}

std::optional<std::string> get_passphrase(AgeInput& age, bool twice, std::string& error) {
  switch (passphrase_source(age)) {
    case PassphraseSource::env: {
      const char* v = std::getenv(age.passphrase_env.c_str());
      if (!v) {
        error = "the environment variable " + age.passphrase_env + " (--passphrase-env) is not set";
        return std::nullopt;
      }
      return std::string(v);
    }
    case PassphraseSource::fd: {
      std::string line;
      if (!read_line_fd(age.passphrase_fd, line)) {
        error = "cannot read the passphrase from file descriptor " + std::to_string(age.passphrase_fd);
        return std::nullopt;
      }
      return line;
    }
    case PassphraseSource::terminal: {
      std::string first, second;
      if (!ask_terminal("Passphrase: ", first)) {
        error = "cannot read the passphrase from the terminal";
        return std::nullopt;
      }
      if (twice) {
        if (!ask_terminal("Same passphrase again: ", second)) {
          error = "cannot read the passphrase from the terminal";
          return std::nullopt;
        }
        const bool same = first == second;
        sodium_memzero(&second[0], second.size());
        if (!same) {
          error = "the two passphrases differ";
          return std::nullopt;
        }
      }
      return first;
    }
    case PassphraseSource::none: break;
  }
  error = "no terminal to ask the passphrase on: give it with --passphrase-env VAR or --passphrase-fd N";
  return std::nullopt;
}

// ==== opening ==============================================================================================

namespace {

core::Issue problem(const char* code, std::string message) {
  return core::Issue{core::Severity::error, code, "", std::move(message)};
}

// The keys for `o`: the identity files (read once), or the passphrase (asked once, again if wrong).
bool unlock(core::AgeOpener& o, AgeInput& age, const std::string& shown, core::Issue& why) {
  const core::AgeHeaderInfo& h = o.header();
  if (h.passphrase) {
    const bool interactive = passphrase_source(age) == PassphraseSource::terminal;
    for (int attempt = 0; attempt < 3; ++attempt) {
      if (!age.passphrase) {
        if (interactive) std::cerr << shown << " is sealed with a passphrase.\n";
        std::string error;
        age.passphrase = get_passphrase(age, false, error);
        if (!age.passphrase) {
          why = problem(core::age_passphrase_needed, "the file is sealed with a passphrase: " + error);
          return false;
        }
      }
      if (o.unlock_with_passphrase(*age.passphrase)) return true;
      why = o.error();
      if (o.failed() || why.code != core::age_bad_passphrase || !interactive) return false;
      std::cerr << "That is not the passphrase of " << shown << ".\n";
      sodium_memzero(&(*age.passphrase)[0], age.passphrase->size());
      age.passphrase.reset();
    }
    return false;
  }
  if (!age.loaded) {
    age.loaded = true;
    for (const auto& file : age.identity_files) {
      std::string error;
      auto text = read_input(file, error);
      if (!text) {
        age.load_error = problem("file.unreadable", "the identity file " + error);
        break;
      }
      auto ids = core::parse_age_identity_file(*text);
      sodium_memzero(&(*text)[0], text->size());
      if (!ids) {
        age.load_error = problem(ids.error().code.c_str(), "the identity file " + file + ", " + ids.error().message);
        break;
      }
      for (auto& id : ids.value()) age.identities.push_back(id);
    }
  }
  if (age.load_error) {
    why = *age.load_error;
    return false;
  }
  if (age.identities.empty()) {
    std::string names;
    for (const auto& f : h.fingerprints) names += (names.empty() ? "" : ", ") + f;
    const bool passphrase_given = !age.passphrase_env.empty() || age.passphrase_fd >= 0;
    why = problem(passphrase_given ? core::age_no_passphrase_stanza : core::age_no_identity,
                  "the file is sealed" + std::string(passphrase_given ? " to public keys, not with a passphrase," : "") +
                      (names.empty() ? std::string() : " for " + names) +
                      ": give the private key that opens it with --identity FILE");
    return false;
  }
  if (o.unlock(age.identities)) return true;
  why = o.error();
  return false;
}

} // namespace

core::Result<std::string> open_sealed(std::istream& in, std::string head, const std::string& shown, AgeInput* age,
                                      std::uint64_t limit, std::uint64_t file_size, OutputFile* sink) {
  AgeInput none;
  AgeInput& keys = age ? *age : none;
  core::AgeOpenOptions options;
  options.max_plaintext_bytes = limit;
  core::AgeOpener o(options);
  std::string plain;
  std::string piece = std::move(head);
  std::size_t at = 0;
  bool ended = false;
  auto refill = [&]() {
    piece.resize(std::size_t{1} << 20);
    in.read(&piece[0], static_cast<std::streamsize>(piece.size()));
    piece.resize(static_cast<std::size_t>(in.gcount()));
    at = 0;
    ended = piece.empty();
  };
  while (o.stage() == core::AgeOpener::Stage::header) {
    if (at == piece.size()) refill();
    if (ended) {
      o.finish(plain);
      break;
    }
    at += o.feed(std::string_view(piece).substr(at), plain);
  }
  if (in.bad()) return problem("file.unreadable", "cannot read " + shown);
  if (o.failed()) return o.error();
  core::Issue why;
  if (!unlock(o, keys, shown, why)) return why;
  for (const auto& n : o.notices()) std::cerr << "certif: " << shown << ": notice: " << n.message << '\n';
  if (file_size > 0 && !sink) plain.reserve(static_cast<std::size_t>(std::min(o.plaintext_size(file_size), limit)));
  std::string error;
  auto drain = [&]() {  // to the sink as it comes: memory stays at a megabyte or two
    const bool ok = sink->write(plain, error);
    sodium_memzero(&plain[0], plain.size());
    plain.clear();
    return ok;
  };
  while (!o.failed()) {
    if (at == piece.size()) refill();
    if (ended) break;
    at += o.feed(std::string_view(piece).substr(at), plain);
    if (sink && plain.size() >= (std::size_t{1} << 20) && !drain()) return problem("file.unwritable", error);
  }
  if (in.bad()) return problem("file.unreadable", "cannot read " + shown);
  if (!o.finish(plain)) {
    sodium_memzero(&plain[0], plain.size());
    return o.error();
  }
  if (sink && !drain()) return problem("file.unwritable", error);
  return core::Result<std::string>(std::move(plain));
}

std::optional<core::Result<std::string>> read_if_sealed(const std::string& path, const std::string& shown, AgeInput* age,
                                                        std::uint64_t limit, std::uint64_t file_size) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;  // the caller reports it
  std::string head(64, '\0');
  in.read(&head[0], static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  if (!core::looks_like_age(head)) return std::nullopt;
  return open_sealed(in, std::move(head), shown, age, limit, file_size);
}

// ==== output ===============================================================================================

OutputFile::~OutputFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!temp_.empty()) ::unlink(temp_.c_str());
}

bool OutputFile::open(const std::string& path, bool force, unsigned mode, std::string& error) {
  path_ = path;
  if (path == "-") return true;
  if (auto why = cannot_write(path, force)) {
    error = *why;
    return false;
  }
  // Next to the target (same file system, so the rename is atomic), hidden, unique.
  const fs::path target(path);
  const std::string dir = target.has_parent_path() ? target.parent_path().string() + "/" : std::string();
  for (int i = 0; i < 100 && fd_ < 0; ++i) {
    temp_ = dir + "." + target.filename().string() + ".partial-" + std::to_string(::getpid()) + "-" + std::to_string(i);
    fd_ = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, static_cast<mode_t>(mode));
    if (fd_ < 0 && errno != EEXIST) break;
  }
  if (fd_ < 0) {
    temp_.clear();
    error = "cannot create a file next to " + path + ": " + std::strerror(errno);
    return false;
  }
  return true;
}

bool OutputFile::write(std::string_view bytes, std::string& error) {
  const int fd = path_ == "-" ? STDOUT_FILENO : fd_;
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      error = "cannot write " + (path_ == "-" ? std::string("to standard output") : path_) + ": " + std::strerror(errno);
      return false;
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

bool OutputFile::commit(std::string& error) {
  if (path_ == "-") return true;
  const bool synced = ::fsync(fd_) == 0;
  const bool closed = ::close(fd_) == 0;
  fd_ = -1;
  if (!synced || !closed || ::rename(temp_.c_str(), path_.c_str()) != 0) {
    error = "cannot write " + path_ + ": " + std::strerror(errno);
    return false;
  }
  temp_.clear();
  return true;
}

} // namespace cli
