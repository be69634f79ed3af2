// The strict reader kit: typed member lookup with paths, limits and the text budget, unknown members,
// the format header, and the wording of values in messages.
//
// [SECTION] index: messages · JsonReader · JsonObject · JsonArray · format header · helpers
#include "core/codecs/json_reader.hpp"

#include "core/codecs/json_strict.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace core {

using nlohmann::json;

// ---- [SECTION] messages ----------------------------------------------------------------------------------

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

std::string found(const json& value, std::string_view expected) {
  return "Found " + describe_json_value(value) + "; expected " + std::string(expected) + ".";
}

} // namespace detail

namespace {

std::string child(const std::string& parent, std::string_view name) { return parent + "/" + json_pointer_escape(name); }

std::string with_null(const char* base, Need need) {
  std::string s = base;
  if ((need & or_null) != 0u) s += ", or null";
  return s;
}

std::string integer_range(std::int64_t low, std::int64_t high) {
  if (high == std::numeric_limits<std::int64_t>::max()) return "an integer from " + std::to_string(low);
  return "an integer from " + std::to_string(low) + " to " + std::to_string(high);
}

// A number that is whole, as a saturated int64 (beyond ±2^63 it is out of any range a format sets).
std::optional<std::int64_t> whole_number(const json& v) noexcept {
  if (const auto* i = v.get_ptr<const json::number_integer_t*>()) return static_cast<std::int64_t>(*i);
  if (const auto* u = v.get_ptr<const json::number_unsigned_t*>()) {
    constexpr auto top = static_cast<json::number_unsigned_t>(std::numeric_limits<std::int64_t>::max());
    return *u > top ? std::numeric_limits<std::int64_t>::max() : static_cast<std::int64_t>(*u);
  }
  if (const auto* f = v.get_ptr<const json::number_float_t*>()) {
    const double d = *f;
    if (!std::isfinite(d) || d != std::floor(d)) return std::nullopt;
    if (d >= 9.2e18) return std::numeric_limits<std::int64_t>::max();
    if (d <= -9.2e18) return std::numeric_limits<std::int64_t>::min();
    return static_cast<std::int64_t>(d);
  }
  return std::nullopt;
}

// A string read at `path`: its length against `max_chars` (0: the format's), then the text budget (after:
// the field's own limit is the more precise news).
void check_string(JsonReader& r, const std::string& s, std::size_t max_chars, const std::string& path) {
  const std::size_t limit = max_chars != 0 ? max_chars : r.rules().limits.max_chars;
  if (s.size() > limit) {  // at least as many bytes as characters: count only when it may matter
    const std::size_t n = count_characters(s);
    if (n > limit) {
      r.error("too_long", path, "The text is " + std::to_string(n) + " characters long; the limit is " + std::to_string(limit) + ".");
    }
  }
  r.charge(s.size(), path);
}

} // namespace

// ---- [SECTION] JsonReader ----------------------------------------------------------------------------------

std::string JsonReader::code(std::string_view what) const { return rules_.format + "." + std::string(what); }

void JsonReader::add(Severity severity, std::string_view what, std::string path, std::string message) {
  issues_.push_back(Issue{severity, code(what), std::move(path), std::move(message)});
}

void JsonReader::error(std::string_view what, std::string path, std::string message) {
  add(Severity::error, what, std::move(path), std::move(message));
}

bool JsonReader::has_errors() const noexcept { return core::has_errors(issues_); }

JsonObject JsonReader::root(const json& document, const char* expected) { return object_at(document, "", expected); }

JsonObject JsonReader::object_at(const json& value, std::string path, const char* expected) {
  if (!value.is_object()) {
    error("type_mismatch", path, detail::found(value, expected));
    return JsonObject();
  }
  return JsonObject(*this, &value, std::move(path));
}

void JsonReader::charge(std::uint64_t bytes, const std::string& path) {
  text_bytes_ += bytes;
  if (over_budget_ || text_bytes_ <= rules_.limits.max_text_bytes) return;
  over_budget_ = true;
  error("too_much_text", path,
        "The texts of this document reach " + std::to_string(text_bytes_) + " bytes here; the limit for all of them "
        "together is " + std::to_string(rules_.limits.max_text_bytes) + " bytes.");
}

// ---- [SECTION] JsonObject ----------------------------------------------------------------------------------

JsonObject::JsonObject(JsonReader& reader, const json* object, std::string path)
    : reader_(&reader), object_(object), path_(std::move(path)) {}

JsonObject::JsonObject(JsonObject&& other) noexcept
    : reader_(other.reader_), object_(other.object_), path_(std::move(other.path_)), known_(std::move(other.known_)),
      unknown_what_(other.unknown_what_), unknown_message_(std::move(other.unknown_message_)) {
  other.object_ = nullptr;
}

JsonObject& JsonObject::operator=(JsonObject&& other) noexcept {
  if (this == &other) return *this;
  finish();
  reader_ = other.reader_;
  object_ = other.object_;
  path_ = std::move(other.path_);
  known_ = std::move(other.known_);
  unknown_what_ = other.unknown_what_;
  unknown_message_ = std::move(other.unknown_message_);
  other.object_ = nullptr;
  return *this;
}

std::string JsonObject::path(std::string_view member) const { return child(path_, member); }

bool JsonObject::has(std::string_view name) const noexcept {
  return object_ != nullptr && object_->find(name) != object_->end();
}

void JsonObject::mark(std::string_view name) {
  if (std::find(known_.begin(), known_.end(), name) == known_.end()) known_.push_back(name);
}

const json* JsonObject::find(std::string_view name, Need need, const char* expected) {
  if (object_ == nullptr) return nullptr;
  mark(name);
  const auto it = object_->find(name);
  if (it == object_->end()) {
    if ((need & optional) == 0u) {
      reader_->error("member_missing", path(name),
                     "The member \"" + std::string(name) + "\" is missing; expected " + with_null(expected, need) + ".");
    }
    return nullptr;
  }
  if (it->is_null() && (need & or_null) != 0u) return nullptr;
  return &*it;
}

const json* JsonObject::get(std::string_view name, Need need) {
  if (object_ == nullptr) return nullptr;
  mark(name);
  const auto it = object_->find(name);
  if (it == object_->end()) {
    if ((need & optional) == 0u) {
      reader_->error("member_missing", path(name), "The member \"" + std::string(name) + "\" is missing.");
    }
    return nullptr;
  }
  return &*it;
}

const std::string* JsonObject::string(std::string_view name, Need need, std::size_t max_chars, bool nonempty) {
  const json* v = find(name, need, "a string");
  if (v == nullptr) return nullptr;
  const std::string* s = v->get_ptr<const std::string*>();
  if (s == nullptr) {
    reader_->error("type_mismatch", path(name), detail::found(*v, with_null("a string", need)));
    return nullptr;
  }
  const std::string p = path(name);
  check_string(*reader_, *s, max_chars, p);
  if (nonempty && s->empty()) reader_->error("value_invalid", p, "The text is empty; expected a non-empty string.");
  return s;
}

std::string JsonObject::string_or_empty(std::string_view name, Need need, std::size_t max_chars) {
  const std::string* s = string(name, need, max_chars);
  return s ? *s : std::string();
}

const std::string* JsonObject::string_of_form(std::string_view name, Need need, bool (*well_formed)(std::string_view),
                                            const char* expected) {
  const json* v = find(name, need, expected);
  if (v == nullptr) return nullptr;
  const std::string* s = v->get_ptr<const std::string*>();
  if (s == nullptr) {
    reader_->error("type_mismatch", path(name), detail::found(*v, with_null(expected, need)));
    return nullptr;
  }
  reader_->charge(s->size(), path(name));
  if (!well_formed(*s)) {
    reader_->error("value_invalid", path(name), detail::found(*v, with_null(expected, need)));
    return nullptr;
  }
  return s;
}

std::optional<bool> JsonObject::boolean(std::string_view name, Need need) {
  const json* v = find(name, need, "true or false");
  if (v == nullptr) return std::nullopt;
  if (!v->is_boolean()) {
    reader_->error("type_mismatch", path(name), detail::found(*v, (need & or_null) ? "true, false or null" : "true or false"));
    return std::nullopt;
  }
  return v->get<bool>();
}

std::optional<double> JsonObject::number(std::string_view name, Need need) {
  const json* v = find(name, need, "a number");
  if (v == nullptr) return std::nullopt;
  if (!v->is_number()) {
    reader_->error("type_mismatch", path(name), detail::found(*v, with_null("a number", need)));
    return std::nullopt;
  }
  return v->get<double>();
}

std::optional<std::int64_t> JsonObject::integer(std::string_view name, std::int64_t low, std::int64_t high, Need need,
                                                const char* expected) {
  using Integers = ReaderRules::Integers;
  const Integers typing = reader_ ? reader_->rules().integers : Integers::number;
  const std::string range = expected ? std::string(expected) : integer_range(low, high);
  const char* kind = typing == Integers::count ? "a whole number, 0 or more" : range.c_str();
  const json* v = find(name, need, kind);
  if (v == nullptr) return std::nullopt;
  const std::optional<std::int64_t> n = whole_number(*v);
  const bool typed = typing == Integers::number ? v->is_number()
                     : typing == Integers::integer ? n.has_value()
                                                   : n.has_value() && *n >= 0;
  if (!typed) {
    reader_->error("type_mismatch", path(name), detail::found(*v, with_null(kind, need)));
    return std::nullopt;
  }
  if (!n || *n < low || *n > high) {
    reader_->error(reader_->rules().out_of_range, path(name),
                   "The value " + v->dump() + (n ? " is out of range" : " is not a whole number") + "; expected " +
                       range + ".");
    return std::nullopt;
  }
  return n;
}

std::optional<Date> JsonObject::date(std::string_view name, Need need) {
  const json* v = find(name, need, "a date string written YYYY-MM-DD");
  if (v == nullptr) return std::nullopt;
  const std::string* s = v->get_ptr<const std::string*>();
  if (s == nullptr) {
    reader_->error("type_mismatch", path(name), detail::found(*v, with_null("a date string written YYYY-MM-DD", need)));
    return std::nullopt;
  }
  reader_->charge(s->size(), path(name));
  std::optional<Date> d = parse_iso_date(*s);
  if (!d) {
    reader_->error(reader_->rules().date_invalid, path(name),
                   detail::quoted(*s) + " is not a valid date; expected a real day written YYYY-MM-DD, from " +
                       std::to_string(min_year) + " to " + std::to_string(max_year) + ".");
  }
  return d;
}

void JsonObject::choice_refused(std::string_view name, const std::string& value, const char* noun, const char* expected) {
  reader_->error(reader_->rules().choice_invalid, path(name),
                 detail::quoted(value) + " is not " + noun + "; expected " + expected + ".");
}

JsonObject JsonObject::object(std::string_view name, Need need, const char* expected) {
  const json* v = find(name, need, expected);
  if (v == nullptr) return JsonObject();
  if (!v->is_object()) {
    reader_->error("type_mismatch", path(name), detail::found(*v, with_null(expected, need)));
    return JsonObject();
  }
  return JsonObject(*reader_, v, path(name));
}

JsonArray JsonObject::array(std::string_view name, Need need, std::size_t max_items, const char* expected) {
  const json* v = find(name, need, expected);
  if (v == nullptr) return JsonArray();
  if (!v->is_array()) {
    reader_->error("type_mismatch", path(name), detail::found(*v, with_null(expected, need)));
    return JsonArray();
  }
  const std::size_t limit = max_items != 0 ? max_items : reader_->rules().limits.max_items;
  if (v->size() > limit) {
    reader_->error("too_many", path(name),
                   "The list has " + std::to_string(v->size()) + " items; the limit is " + std::to_string(limit) + ".");
  }
  return JsonArray(*reader_, v, path(name));
}

void JsonObject::refuse_unknown(const char* what, std::string message) {
  unknown_what_ = what;
  unknown_message_ = std::move(message);
}

void JsonObject::finish() {
  if (object_ == nullptr) return;
  const json* object = object_;
  object_ = nullptr;
  for (const auto& [name, value] : object->items()) {
    if (std::find(known_.begin(), known_.end(), std::string_view(name)) != known_.end()) continue;
    const std::string p = child(path_, name);
    reader_->charge(name.size() + json_text_bytes(value), p);
    if (unknown_what_ != nullptr) {
      reader_->error(unknown_what_, p, unknown_message_);
    } else if (reader_->rules().report_unknown) {
      reader_->add(Severity::notice, "member_unknown", p,
                   "Unknown member " + detail::quoted(name) + " (perhaps from a newer version): kept as it is, not used.");
    }
  }
}

// ---- [SECTION] JsonArray -----------------------------------------------------------------------------------

JsonArray::JsonArray(JsonReader& reader, const json* array, std::string path)
    : reader_(&reader), array_(array), path_(std::move(path)) {}

std::string JsonArray::path(std::size_t index) const { return path_ + "/" + std::to_string(index); }

JsonObject JsonArray::object(std::size_t index, const char* expected) {
  if (array_ == nullptr || index >= array_->size()) return JsonObject();
  return reader_->object_at((*array_)[index], path(index), expected);
}

const std::string* JsonArray::string(std::size_t index, std::size_t max_chars) {
  if (array_ == nullptr || index >= array_->size()) return nullptr;
  const json& v = (*array_)[index];
  const std::string* s = v.get_ptr<const std::string*>();
  if (s == nullptr) {
    reader_->error("type_mismatch", path(index), detail::found(v, "a string"));
    return nullptr;
  }
  check_string(*reader_, *s, max_chars, path(index));
  return s;
}

void JsonArray::strings(std::vector<std::string>& out, std::size_t max_chars) {
  for (std::size_t i = 0; i < size(); ++i) {
    if (const std::string* s = string(i, max_chars)) out.push_back(*s);
  }
}

// ---- [SECTION] format header -------------------------------------------------------------------------------

std::optional<std::int32_t> read_format_header(JsonReader& r, const json& doc, const FormatHeader& h) {
  const std::string quoted_name = std::string("\"") + h.name + "\"";
  if (!doc.is_object()) {
    r.error(h.not_it, "",
            detail::found(doc, std::string(h.what_is_it) + " (an object with \"format\": " + quoted_name + ")"));
    return std::nullopt;
  }
  const auto format = doc.find("format");
  if (format == doc.end()) {
    r.error(h.not_it, "/format", std::string("The member \"format\" is missing: this is not ") + h.what_is_it + ".");
    return std::nullopt;
  }
  if (!format->is_string() || *format != h.name) {
    r.error(h.not_it, "/format", detail::found(*format, quoted_name + ": this is not " + h.what_is_it));
    return std::nullopt;
  }
  const auto version = doc.find("format_version");
  if (version == doc.end()) {
    r.error("member_missing", "/format_version", "The member \"format_version\" is missing; expected 1.");
    return std::nullopt;
  }
  const auto v = json_count(*version);
  if (!v || *v < 1) {
    r.error("value_invalid", "/format_version", detail::found(*version, "a format version, 1 for this app"));
    return std::nullopt;
  }
  if (*v > static_cast<std::uint64_t>(h.max_version)) {
    r.error("version_unsupported", "/format_version",
            "This file is in format version " + std::to_string(*v) + "; this app reads version " +
                std::to_string(h.max_version) + ". Open it with a newer version of certif-intra.");
    return std::nullopt;
  }
  return static_cast<std::int32_t>(*v);
}

// ---- [SECTION] helpers -------------------------------------------------------------------------------------

std::size_t count_characters(std::string_view text) noexcept {
  std::size_t n = 0;
  for (const char c : text) n += (static_cast<unsigned char>(c) & 0xC0u) != 0x80u ? 1u : 0u;
  return n;
}

std::uint64_t json_text_bytes(const json& value) noexcept {
  // Iterative: the document's depth is bounded by the parse, but a stack costs nothing here.
  std::uint64_t total = 0;
  std::vector<const json*> todo{&value};
  while (!todo.empty()) {
    const json* v = todo.back();
    todo.pop_back();
    if (const auto* s = v->get_ptr<const std::string*>()) {
      total += s->size();
    } else if (v->is_object()) {
      for (const auto& [name, member] : v->items()) {
        total += name.size();
        todo.push_back(&member);
      }
    } else if (v->is_array()) {
      for (const json& element : *v) todo.push_back(&element);
    }
  }
  return total;
}

std::optional<std::uint64_t> json_count(const json& v) noexcept {
  if (v.is_number_unsigned()) return v.get<std::uint64_t>();
  if (v.is_number_integer() && v.get<std::int64_t>() >= 0) return static_cast<std::uint64_t>(v.get<std::int64_t>());
  if (v.is_number_float()) {
    const double d = v.get<double>();
    if (d >= 0 && d <= 9007199254740992.0 && d == static_cast<double>(static_cast<std::uint64_t>(d))) {
      return static_cast<std::uint64_t>(d);
    }
  }
  return std::nullopt;
}

// ---- [SECTION] carrying unknown members -------------------------------------------------------------------

namespace {

void carry(json& fresh, const json& old, std::string_view key, const std::vector<std::string_view>* skip) {
  if (fresh.is_object() && old.is_object()) {
    for (const auto& [name, value] : old.items()) {
      if (skip && std::find(skip->begin(), skip->end(), std::string_view(name)) != skip->end()) continue;
      const auto it = fresh.find(name);
      if (it == fresh.end()) fresh[name] = value;
      else carry(*it, value, key, nullptr);
    }
    return;
  }
  if (!fresh.is_array() || !old.is_array()) return;
  const auto key_of = [&](const json& v) -> const json* {
    if (!v.is_object()) return nullptr;
    const auto it = v.find(key);
    return it != v.end() && it->is_string() ? &*it : nullptr;
  };
  for (std::size_t i = 0; i < fresh.size(); ++i) {
    json& f = fresh[i];
    const json* match = nullptr;
    if (const json* k = key_of(f)) {
      for (const json& o : old) {
        const json* ok = key_of(o);
        if (ok != nullptr && *ok == *k) {
          match = &o;
          break;
        }
      }
    } else if (i < old.size()) {
      match = &old[i];
    }
    if (match) carry(f, *match, key, nullptr);
  }
}

} // namespace

void carry_unknown_members(json& fresh, const json& old, std::string_view key, const std::vector<std::string_view>& skip_at_root) {
  carry(fresh, old, key, &skip_at_root);
}

} // namespace core
