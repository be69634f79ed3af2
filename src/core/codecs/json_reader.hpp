// The one strict way to read a JSON document (parsed by parse_json_strict) into a domain value: members
// looked up by name with the kind they must have, JSON Pointer paths built while descending, limits on
// strings, lists and all the text of the document, required and optional members, unknown members kept
// (they stay in the document) and reported — without exceptions, every problem an Issue.
//
//   std::vector<core::Issue> issues;
//   core::JsonReader r(rules, issues);                 // rules.format = "bundle": codes "bundle.<what>"
//   core::JsonObject root = r.root(doc, "a dossier bundle");
//   core::JsonObject app = root.object("app");        // reported at /app when missing or not an object
//   if (const std::string* name = app.string("name")) b.app_name = *name;
//   core::JsonArray pieces = root.object("answers").array("pieces", core::required, 100);
//   for (std::size_t i = 0; i < pieces.size(); ++i) { core::JsonObject p = pieces.object(i, "a piece"); ... }
//
// Problem codes are "<format>.<what>" (core/issue_codes.hpp lists every one a reader can emit):
//   member_missing   a required member is absent (path: where it should be)
//   type_mismatch    a value of another JSON type (message "Found <value>; expected <what>.")
//   value_invalid    the right type, not an allowed value (a date that does not exist, a number out of
//                    range...); a format may name these otherwise (ReaderRules)
//   too_long         a string over its limit, in characters (Unicode code points, as JSON Schema's
//                    maxLength counts them): the value is still returned, so lenient readers keep it
//   too_many         a list over its limit of items (its items are still read)
//   too_much_text    all the text read (strings and unknown members, in UTF-8 bytes) over the format's
//                    budget; reported once, at the string that crossed it
//   member_unknown   (notice) a member the reader never asked for: kept in the document, not used
// A JsonObject reports its unknown members when it is finished (finish(), or its destructor): after the
// problems of its own members, in reading order.
//
// Values and paths refer into the document, which must outlive the readers.
#pragma once

#include "core/base/date.hpp"
#include "core/base/result.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace core {

// How much a format lets a reader hold.
struct ReaderLimits {
  std::size_t max_chars = 2000;  // per string (characters) unless the read says otherwise
  std::size_t max_items = 1000;  // per list unless the read says otherwise
  std::uint64_t max_text_bytes = std::uint64_t{4} * 1024 * 1024;  // all the text of the document (bytes)
};

// How a format names and bounds what it reads. Formats were specified one by one; what differs between
// them is said here rather than in each reader.
struct ReaderRules {
  // Which numbers have the type of an integer member (see JsonObject::integer):
  //   number   any number; a fraction or a value out of range is then `out_of_range`
  //   integer  a whole number (5.0 is 5: RFC 8785 writes it so); out of range is `out_of_range`
  //   count    a whole number, 0 or more; a value out of range is `out_of_range`
  enum class Integers { number, integer, count };

  explicit ReaderRules(std::string format_name, Integers integer_typing = Integers::number, ReaderLimits reader_limits = {})
      : format(std::move(format_name)), integers(integer_typing), limits(reader_limits) {}

  std::string format;  // the codes' prefix: "bundle", "evaluation", ...
  Integers integers;
  ReaderLimits limits;
  const char* out_of_range = "value_invalid";
  const char* date_invalid = "value_invalid";    // a string that is not a date
  const char* choice_invalid = "value_invalid";  // a string that is none of the allowed values
  bool report_unknown = true;                    // notices for members never asked for
};

// Whether a member must be present, and whether null stands for "absent". Combine with |.
enum Need : unsigned { required = 0u, optional = 1u, or_null = 2u };
constexpr Need operator|(Need a, Need b) noexcept { return static_cast<Need>(static_cast<unsigned>(a) | static_cast<unsigned>(b)); }

class JsonObject;
class JsonArray;

class JsonReader {
public:
  JsonReader(ReaderRules rules, std::vector<Issue>& issues) : rules_(std::move(rules)), issues_(issues) {}

  const ReaderRules& rules() const noexcept { return rules_; }
  std::string code(std::string_view what) const;  // "<format>.<what>"
  void error(std::string_view what, std::string path, std::string message);
  void add(Severity severity, std::string_view what, std::string path, std::string message);
  std::vector<Issue>& issues() noexcept { return issues_; }
  bool has_errors() const noexcept;

  // The document as an object; when it is not one: type_mismatch at "" ("Found ...; expected <expected>.").
  JsonObject root(const nlohmann::json& document, const char* expected);
  // The same for a value found elsewhere (a member read raw), at `path`.
  JsonObject object_at(const nlohmann::json& value, std::string path, const char* expected);

  // Counts `bytes` of text against the budget; too_much_text at `path` the first time it is exceeded.
  void charge(std::uint64_t bytes, const std::string& path);
  std::uint64_t text_bytes() const noexcept { return text_bytes_; }

private:
  ReaderRules rules_;
  std::vector<Issue>& issues_;
  std::uint64_t text_bytes_ = 0;
  bool over_budget_ = false;
};

// One object of the document. Every accessor marks the member as known and reports what is wrong with it
// at its path; it returns nothing (nullptr, nullopt, an invalid reader) when the member is absent, null
// where allowed, or unusable. An invalid JsonObject (not an object, or absent) answers every call with
// nothing and reports nothing.
class JsonObject {
public:
  JsonObject() = default;
  JsonObject(JsonReader& reader, const nlohmann::json* object, std::string path);
  JsonObject(JsonObject&& other) noexcept;
  JsonObject& operator=(JsonObject&& other) noexcept;
  JsonObject(const JsonObject&) = delete;
  JsonObject& operator=(const JsonObject&) = delete;
  ~JsonObject() { finish(); }

  bool valid() const noexcept { return object_ != nullptr; }
  explicit operator bool() const noexcept { return valid(); }
  const std::string& path() const noexcept { return path_; }
  std::string path(std::string_view member) const;  // the member's JSON Pointer
  const nlohmann::json* value() const noexcept { return object_; }
  JsonReader* reader() const noexcept { return reader_; }

  // The member as it is (null included), or nullptr when absent (member_missing unless optional).
  // Not charged against the text budget: for values read otherwise (attachment data).
  const nlohmann::json* get(std::string_view name, Need need = required);
  bool has(std::string_view name) const noexcept;  // present (even null); does not mark it known

  // A string of at most `max_chars` characters (0: the format's default); too_long reports it and still
  // returns it. `nonempty`: "" is value_invalid.
  const std::string* string(std::string_view name, Need need = required, std::size_t max_chars = 0, bool nonempty = false);
  // string(), or "" for nothing.
  std::string string_or_empty(std::string_view name, Need need = required, std::size_t max_chars = 0);
  // A string that `well_formed` accepts, else value_invalid ("Found the string "..."; expected <expected>.").
  const std::string* string_of_form(std::string_view name, Need need, bool (*well_formed)(std::string_view),
                                  const char* expected);
  std::optional<bool> boolean(std::string_view name, Need need = required);
  std::optional<double> number(std::string_view name, Need need = required);
  // A whole number from `low` to `high`, typed as ReaderRules::integers says. `expected` replaces the
  // default description in messages ("an integer from 1 to 100").
  std::optional<std::int64_t> integer(std::string_view name, std::int64_t low, std::int64_t high, Need need = required,
                                      const char* expected = nullptr);
  // "YYYY-MM-DD", a real day (from min_year to max_year).
  std::optional<Date> date(std::string_view name, Need need = required);
  // One of a fixed set of strings, by its parser: `"x" is not <noun>; expected <expected>.` otherwise.
  template <typename T>
  std::optional<T> choice(std::string_view name, Need need, std::optional<T> (*parse)(std::string_view),
                          const char* noun, const char* expected) {
    const std::string* s = string(name, need);
    if (s == nullptr) return std::nullopt;
    std::optional<T> v = parse(*s);
    if (!v) choice_refused(name, *s, noun, expected);
    return v;
  }

  JsonObject object(std::string_view name, Need need = required, const char* expected = "an object");
  JsonArray array(std::string_view name, Need need = required, std::size_t max_items = 0, const char* expected = "an array");

  // Unknown members are errors here (`what`, with `message`) rather than notices: for a part no digest covers.
  void refuse_unknown(const char* what, std::string message);
  // Reports the members never asked for (once; the destructor calls it).
  void finish();

private:
  friend class JsonArray;
  const nlohmann::json* find(std::string_view name, Need need, const char* expected);
  void mark(std::string_view name);
  void choice_refused(std::string_view name, const std::string& value, const char* noun, const char* expected);

  JsonReader* reader_ = nullptr;
  const nlohmann::json* object_ = nullptr;
  std::string path_;
  std::vector<std::string_view> known_;
  const char* unknown_what_ = nullptr;  // refuse_unknown's
  std::string unknown_message_;
};

// One array of the document.
class JsonArray {
public:
  JsonArray() = default;
  JsonArray(JsonReader& reader, const nlohmann::json* array, std::string path);

  bool valid() const noexcept { return array_ != nullptr; }
  explicit operator bool() const noexcept { return valid(); }
  std::size_t size() const noexcept { return array_ ? array_->size() : 0; }
  const std::string& path() const noexcept { return path_; }
  std::string path(std::size_t index) const;
  const nlohmann::json& at(std::size_t index) const { return (*array_)[index]; }

  // Element `index` as an object; type_mismatch ("Found ...; expected <expected>.") otherwise.
  JsonObject object(std::size_t index, const char* expected);
  const std::string* string(std::size_t index, std::size_t max_chars = 0);
  // Every element that is a string, appended to `out`; the others are reported.
  void strings(std::vector<std::string>& out, std::size_t max_chars = 0);

private:
  JsonReader* reader_ = nullptr;
  const nlohmann::json* array_ = nullptr;
  std::string path_;
};

// What a versioned document says it is: {"format": <name>, "format_version": 1..max_version}.
struct FormatHeader {
  const char* name;        // "certif-intra/dossier"
  const char* what_is_it;  // "a certif-intra dossier bundle"
  const char* not_it;      // the what when it is something else: "not_a_dossier"
  std::int32_t max_version;
};
// Checks the header before anything else (a newer version may differ anywhere): not an object or another
// format → <format>.<not_it>; format_version missing → member_missing, not a whole number from 1 →
// value_invalid, above max_version → version_unsupported (naming the version this program reads).
// Returns the version, or nullopt after one error.
std::optional<std::int32_t> read_format_header(JsonReader& reader, const nlohmann::json& document, const FormatHeader& header);

// Writing a document back with what its reader did not know: the unknown members of `old` that `fresh`
// lacks, copied into `fresh` in place at every depth — objects matched by member name, array elements by
// their string member `key` when they have one ("id", "competency"), else by position. Members of the
// root named in `skip_at_root` are never carried (the writer recomputes them). Every known member is
// expected in `fresh` (null when absent), so only unknown ones are copied.
void carry_unknown_members(nlohmann::json& fresh, const nlohmann::json& old, std::string_view key,
                           const std::vector<std::string_view>& skip_at_root = {});

// Unicode code points in valid UTF-8 (what JSON Schema's maxLength counts).
std::size_t count_characters(std::string_view text) noexcept;
// The UTF-8 bytes of every string and member name in `value`.
std::uint64_t json_text_bytes(const nlohmann::json& value) noexcept;
// A whole number from 0 to 2^53 (5.0 is 5); nullopt otherwise.
std::optional<std::uint64_t> json_count(const nlohmann::json& value) noexcept;

namespace detail {
// A string as a JSON literal for messages, cut after 40 bytes ("...") and with control characters escaped.
std::string quoted(std::string_view text);
// A short English description of a JSON value for messages ("the number 3", "the string \"x\"", "null").
std::string describe_json_value(const nlohmann::json& value);
// "Found <value>; expected <expected>."
std::string found(const nlohmann::json& value, std::string_view expected);
} // namespace detail

} // namespace core
