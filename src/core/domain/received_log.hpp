// The coach's log of received files: every file given to the cohort, when it came and what became of it
// (accepted, refused with its reason, or a duplicate of a bundle already there), kept across reloads so
// that a refused file or a duplicate, which the workspace does not keep, still leaves a trace.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace core {

enum class ReceivedVerdict { accepted, refused, duplicate };
const char* to_string(ReceivedVerdict v) noexcept;  // "accepted", "refused", "duplicate"

struct ReceivedFile {
  std::string name;         // the file's name as given
  std::string received_at;  // "YYYY-MM-DDThh:mm:ssZ", when its verdict was reached
  ReceivedVerdict verdict = ReceivedVerdict::accepted;
  std::string reason;       // refused: the first error's code ("bundle.integrity_mismatch"); else ""
  std::string candidate;    // accepted or duplicate: whose dossier ("Camille Martin"); else ""
  friend bool operator==(const ReceivedFile& a, const ReceivedFile& b) noexcept {
    return a.name == b.name && a.received_at == b.received_at && a.verdict == b.verdict && a.reason == b.reason &&
           a.candidate == b.candidate;
  }
};

// The log keeps the latest lines only: a session's files, and the previous sessions' while there is room.
inline constexpr std::size_t received_log_cap = 200;

struct ReceivedLog {
  std::vector<ReceivedFile> lines;  // oldest first
  std::size_t dropped = 0;          // older lines let go to stay within the cap, since the log began
};

// Adds a line at the end, letting the oldest go beyond `cap` (counted in `dropped`).
void log_received(ReceivedLog& log, ReceivedFile line, std::size_t cap = received_log_cap);

// The log as kept in local storage, and read back from it: strictly (a line with a wrong type or an
// unknown verdict is skipped, text fields are cut at 1,000 bytes), at most `cap` lines, never throws.
std::string received_log_json(const ReceivedLog& log);
ReceivedLog received_log_from_json(std::string_view text, std::size_t cap = received_log_cap) noexcept;

} // namespace core
