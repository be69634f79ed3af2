// The coach's log of received files: bounded, and kept as JSON in local storage.
#include "core/domain/received_log.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <utility>

namespace core {

const char* to_string(ReceivedVerdict v) noexcept {
  switch (v) {
    case ReceivedVerdict::accepted: return "accepted";
    case ReceivedVerdict::refused: return "refused";
    case ReceivedVerdict::duplicate: return "duplicate";
  }
  return "accepted";
}

namespace {

bool verdict_from(std::string_view s, ReceivedVerdict& out) noexcept {
  for (auto v : {ReceivedVerdict::accepted, ReceivedVerdict::refused, ReceivedVerdict::duplicate}) {
    if (s == to_string(v)) {
      out = v;
      return true;
    }
  }
  return false;
}

void trim_to(ReceivedLog& log, std::size_t cap) {
  if (log.lines.size() <= cap) return;
  const std::size_t extra = log.lines.size() - cap;
  log.lines.erase(log.lines.begin(), log.lines.begin() + static_cast<std::ptrdiff_t>(extra));
  log.dropped += extra;
}

constexpr std::size_t max_text = 1000;

} // namespace

void log_received(ReceivedLog& log, ReceivedFile line, std::size_t cap) {
  log.lines.push_back(std::move(line));
  trim_to(log, cap);
}

std::string received_log_json(const ReceivedLog& log) {
  nlohmann::json lines = nlohmann::json::array();
  for (const auto& l : log.lines) {
    nlohmann::json j = {{"name", l.name}, {"at", l.received_at}, {"verdict", to_string(l.verdict)}};
    if (!l.reason.empty()) j["reason"] = l.reason;
    if (!l.candidate.empty()) j["candidate"] = l.candidate;
    lines.push_back(std::move(j));
  }
  const nlohmann::json root = {{"log", 1}, {"dropped", log.dropped}, {"lines", std::move(lines)}};
  return root.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

ReceivedLog received_log_from_json(std::string_view text, std::size_t cap) noexcept {
  ReceivedLog log;
  const auto root = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
  if (!root.is_object()) return log;
  if (const auto d = root.find("dropped"); d != root.end() && d->is_number_unsigned()) {
    log.dropped = static_cast<std::size_t>(std::min<std::uint64_t>(d->get<std::uint64_t>(), std::uint64_t{1} << 30));
  }
  const auto lines = root.find("lines");
  if (lines == root.end() || !lines->is_array()) return log;
  auto text_of = [](const nlohmann::json& j, const char* key, std::string& out) {
    const auto it = j.find(key);
    if (it == j.end()) return true;  // optional
    if (!it->is_string()) return false;
    out = it->get_ref<const std::string&>().substr(0, max_text);
    return true;
  };
  for (const auto& j : *lines) {
    if (!j.is_object()) continue;
    ReceivedFile f;
    std::string verdict;
    if (!j.contains("name") || !j.contains("verdict")) continue;
    if (!text_of(j, "name", f.name) || !text_of(j, "at", f.received_at) || !text_of(j, "verdict", verdict) ||
        !text_of(j, "reason", f.reason) || !text_of(j, "candidate", f.candidate) || !verdict_from(verdict, f.verdict))
      continue;
    log.lines.push_back(std::move(f));
  }
  trim_to(log, cap);
  return log;
}

} // namespace core
