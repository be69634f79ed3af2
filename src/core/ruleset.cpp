// Eligibility rulesets: reading and checking a ruleset file, with every problem reported at its path.
#include "core/ruleset.hpp"

#include "core/json_strict.hpp"

#include <cmath>
#include <limits>
#include <optional>

namespace core {

using nlohmann::json;

namespace {

// Bounds that keep every count within 32 bits and reject numbers no certification would use.
constexpr std::int64_t max_required_days = 100000;
constexpr std::int64_t max_recency_years = 100;

Issue error(std::string code, std::string path, std::string message) {
  return Issue{Severity::error, std::move(code), std::move(path), std::move(message)};
}

// An integer JSON value as int64; nullopt for any other type or an unsigned value beyond int64.
std::optional<std::int64_t> integer_value(const json& v) noexcept {
  if (const auto* i = v.get_ptr<const json::number_integer_t*>()) return static_cast<std::int64_t>(*i);
  if (const auto* u = v.get_ptr<const json::number_unsigned_t*>()) {
    if (*u > static_cast<json::number_unsigned_t>(std::numeric_limits<std::int64_t>::max())) return std::nullopt;
    return static_cast<std::int64_t>(*u);
  }
  return std::nullopt;
}

std::optional<double> number_value(const json& v) noexcept {
  if (const auto* f = v.get_ptr<const json::number_float_t*>()) return static_cast<double>(*f);
  if (const auto* i = v.get_ptr<const json::number_integer_t*>()) return static_cast<double>(*i);
  if (const auto* u = v.get_ptr<const json::number_unsigned_t*>()) return static_cast<double>(*u);
  return std::nullopt;
}

// The member `name` of `obj`, or nullptr after recording "member_missing" (what it should hold in `expected`).
const json* require_member(const json& obj, const char* name, const std::string& parent, const char* expected,
                           std::vector<Issue>& issues) {
  const auto it = obj.find(name);
  if (it == obj.end()) {
    issues.push_back(error("member_missing", parent + "/" + name,
                           std::string("The member \"") + name + "\" is missing; expected " + expected + "."));
    return nullptr;
  }
  return &*it;
}

// A required object member; nullptr (with an issue) when missing or of another type.
const json* require_object(const json& obj, const char* name, const std::string& parent, const char* expected,
                           std::vector<Issue>& issues) {
  const json* v = require_member(obj, name, parent, expected, issues);
  if (v && !v->is_object()) {
    issues.push_back(error("type_mismatch", parent + "/" + name,
                           "Found " + detail::describe_json_value(*v) + "; expected " + expected + "."));
    return nullptr;
  }
  return v;
}

// A required integer member within [lo, hi].
std::optional<std::int32_t> require_int(const json& obj, const char* name, const std::string& parent,
                                        std::int64_t lo, std::int64_t hi, std::vector<Issue>& issues) {
  const std::string range = "an integer from " + std::to_string(lo) + " to " + std::to_string(hi);
  const json* v = require_member(obj, name, parent, range.c_str(), issues);
  if (!v) return std::nullopt;
  const std::string path = parent + "/" + name;
  const auto n = integer_value(*v);
  if (!n && !v->is_number_unsigned()) {  // an unsigned beyond int64 is an integer, just out of range
    issues.push_back(error("type_mismatch", path,
                           "Found " + detail::describe_json_value(*v) + "; expected " + range + "."));
    return std::nullopt;
  }
  if (!n || *n < lo || *n > hi) {
    issues.push_back(error("value_out_of_range", path,
                           "The value " + v->dump() + " is out of range; expected " + range + "."));
    return std::nullopt;
  }
  return static_cast<std::int32_t>(*n);
}

// A weight in half-days per day: the engine counts in half-days, so only 0, 0.5 and 1 are representable.
std::optional<std::int32_t> require_weight(const json& obj, const char* name, const std::string& parent,
                                           bool allow_zero, std::vector<Issue>& issues) {
  const char* expected = allow_zero ? "0, 0.5 or 1" : "0.5 or 1";
  const json* v = require_member(obj, name, parent, expected, issues);
  if (!v) return std::nullopt;
  const std::string path = parent + "/" + name;
  const auto w = number_value(*v);
  if (!w) {
    issues.push_back(error("type_mismatch", path,
                           "Found " + detail::describe_json_value(*v) + "; expected the number " + expected + "."));
    return std::nullopt;
  }
  const double halves = *w * 2.0;
  const bool ok = halves == std::floor(halves) && halves >= (allow_zero ? 0.0 : 1.0) && halves <= 2.0;
  if (!ok) {
    issues.push_back(error("weight_invalid", path,
                           "The weight " + v->dump() + " is not allowed; expected " + expected +
                               " (days are counted in halves)."));
    return std::nullopt;
  }
  return static_cast<std::int32_t>(halves);
}

} // namespace

namespace detail {

std::string quoted(std::string_view text) {
  // Long values are cut (at a UTF-8 character boundary) so that a message stays one readable line.
  constexpr std::size_t max_bytes = 40;
  bool cut = false;
  if (text.size() > max_bytes) {
    std::size_t n = max_bytes;
    while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0u) == 0x80u) --n;
    text = text.substr(0, n);
    cut = true;
  }
  std::string q = json(std::string(text)).dump(-1, ' ', false, json::error_handler_t::replace);
  if (cut) q.insert(q.size() - 1, "...");
  return q;
}

std::string describe_json_value(const json& value) {
  switch (value.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return value.get_ref<const json::boolean_t&>() ? "true" : "false";
    case json::value_t::object: return "an object";
    case json::value_t::array: return "an array";
    case json::value_t::string: return "the string " + detail::quoted(value.get_ref<const json::string_t&>());
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float: return "the number " + value.dump();
    case json::value_t::binary:
    case json::value_t::discarded: break;
  }
  return "an unexpected value";
}

} // namespace detail

const std::vector<std::string_view>& known_phase_names() noexcept {
  static const std::vector<std::string_view> names{"investigation", "construction"};
  return names;
}

Result<Ruleset> parse_ruleset(std::string_view json_text) noexcept {
  auto doc = parse_json_strict(json_text);
  if (!doc) return doc.issues();
  return ruleset_from_json(*doc);
}

Result<Ruleset> ruleset_from_json(const json& doc) noexcept {
  if (!doc.is_object()) {
    return error("type_mismatch", "",
                 "Found " + detail::describe_json_value(doc) + "; expected a ruleset, a JSON object.");
  }
  std::vector<Issue> issues;
  Ruleset r;

  if (const json* id = require_member(doc, "id", "", "the ruleset's identifier, a non-empty string", issues)) {
    if (!id->is_string()) {
      issues.push_back(error("type_mismatch", "/id",
                             "Found " + detail::describe_json_value(*id) + "; expected a non-empty string."));
    } else if (id->get_ref<const json::string_t&>().empty()) {
      issues.push_back(error("value_invalid", "/id", "The identifier is empty; expected a non-empty string."));
    } else {
      r.id = id->get_ref<const json::string_t&>();
    }
  }
  if (auto v = require_int(doc, "version", "", 1, std::numeric_limits<std::int32_t>::max(), issues)) r.version = *v;

  if (const json* d = require_object(doc, "duration", "", "an object with the required days and the weights", issues)) {
    if (auto v = require_int(*d, "required_equivalent_days", "/duration", 1, max_required_days, issues)) {
      r.required_equivalent_days = *v;
    }
    const auto full = require_weight(*d, "full_time_weight", "/duration", false, issues);
    const auto part = require_weight(*d, "part_time_weight", "/duration", true, issues);
    if (full) r.full_time_half_days = *full;
    if (part) r.part_time_half_days = *part;
    // A day covered by both kinds counts as full-time; that only makes sense if full-time weighs more.
    if (full && part && *part > *full) {
      issues.push_back(error("weight_invalid", "/duration/part_time_weight",
                             "The part-time weight " + d->find("part_time_weight")->dump() +
                                 " exceeds the full-time weight " + d->find("full_time_weight")->dump() +
                                 "; expected at most the full-time weight."));
    }
  }

  if (const json* p = require_object(doc, "phases", "", "an object listing the required phases", issues)) {
    const char* expected = "an array of phase names (\"investigation\", \"construction\")";
    if (const json* req = require_member(*p, "required", "/phases", expected, issues)) {
      if (!req->is_array()) {
        issues.push_back(error("type_mismatch", "/phases/required",
                               "Found " + detail::describe_json_value(*req) + "; expected " + expected + "."));
      } else {
        std::size_t i = 0;
        for (const auto& item : *req) {
          const std::string path = "/phases/required/" + std::to_string(i++);
          if (!item.is_string()) {
            issues.push_back(error("type_mismatch", path,
                                   "Found " + detail::describe_json_value(item) + "; expected a phase name."));
            continue;
          }
          const auto& name = item.get_ref<const json::string_t&>();
          bool known = false;
          for (auto k : known_phase_names()) known = known || name == k;
          bool seen = false;
          for (const auto& s : r.required_phases) seen = seen || s == name;
          if (!known) {
            issues.push_back(error("phase_unknown", path,
                                   "The phase " + detail::quoted(name) +
                                       " is unknown; expected \"investigation\" or \"construction\"."));
          } else if (seen) {
            issues.push_back(error("value_duplicate", path,
                                   "The phase \"" + name + "\" is listed twice; expected each phase once."));
          } else {
            r.required_phases.push_back(name);
          }
        }
      }
    }
  }

  if (const json* rc = require_object(doc, "recency", "", "an object with years_after_leaving", issues)) {
    if (auto v = require_int(*rc, "years_after_leaving", "/recency", 1, max_recency_years, issues)) {
      r.recency_years = *v;
    }
  }

  if (has_errors(issues)) return issues;
  return r;
}

} // namespace core
