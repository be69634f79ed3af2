// The dossier bundle: the strict reader, the canonical walk that verifies or writes attachment data a
// chunk at a time, the writer, and the verdict recheck.
//
// [SECTION] index: helpers · canonical walk · reading the structure · BundleVerifier · writing ·
//                  the coach's checks
#include "core/bundle.hpp"

#include "core/base64.hpp"
#include "core/jcs.hpp"
#include "core/json_strict.hpp"
#include "core/sha256.hpp"
#include "core/sniff.hpp"
#include "core/utf8.hpp"
#include "core/version.hpp"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace core {

using nlohmann::json;

namespace {

// ---- [SECTION] helpers -------------------------------------------------------------------------------

// Data is decoded and hashed in pieces of this size: small enough to stay in cache between the base64
// decoder and the two hashes, large enough that the per-piece overhead does not show.
constexpr std::size_t k_piece = std::size_t{64} * 1024;

constexpr std::int64_t k_max_int32 = std::numeric_limits<std::int32_t>::max();

Issue make_issue(Severity severity, const char* code, std::string path, std::string message) {
  return Issue{severity, code, std::move(path), std::move(message)};
}

std::string member_path(const std::string& parent, std::string_view name) {
  return parent + "/" + json_pointer_escape(name);
}

std::string index_path(const std::string& parent, std::size_t index) { return parent + "/" + std::to_string(index); }

std::string found(const json& v, std::string_view expected) {
  return "Found " + detail::describe_json_value(v) + "; expected " + std::string(expected) + ".";
}

// A whole number from 0 to 2^53 (parse_json_strict reads no larger integer). JSON numbers are IEEE
// doubles to RFC 8785, which writes 5.0 as 5: so 5.0 is the count 5 too.
std::optional<std::uint64_t> as_count(const json& v) noexcept {
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

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

// "12.3 MB" style sizes for messages.
std::string describe_size(std::uint64_t bytes) {
  if (bytes < 1024) return std::to_string(bytes) + " bytes";
  const double kib = static_cast<double>(bytes) / 1024.0;
  char buf[32];
  if (kib < 1024.0) std::snprintf(buf, sizeof buf, "%.1f KiB", kib);
  else std::snprintf(buf, sizeof buf, "%.1f MiB", kib / 1024.0);
  return buf;
}

} // namespace

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

namespace {

// ---- [SECTION] canonical walk -----------------------------------------------------------------------
//
// Both reading and writing need the RFC 8785 text of a whole bundle, attachment data included, without
// ever holding it: reading hashes it (and compares it with the file), writing hashes it and then emits
// it. The walk produces that text a budget at a time. It goes member by member only through the
// containers that lead to attachment data; everything else is handed whole to a Canonicalizer. The data
// itself is streamed by the owner (decoding or encoding base64 as it goes), so no copy of it is made.

// One member of an object as the walk writes it.
struct Member {
  const std::string* name = nullptr;
  const json* value = nullptr;  // unused for a data member
  std::int32_t slot = -1;       // >= 0: an attachment's data, streamed by the owner
  bool in_digest = true;        // false for "integrity", which the digest leaves out
};

// What the walk's owner decides.
class Plan {
public:
  virtual ~Plan() = default;
  // Whether `node` is walked member by member (some attachment data lies below it).
  virtual bool descend(const json& node) const = 0;
  // The members of object `node` to write (the walk sorts them).
  virtual std::vector<Member> members(const json& node) const = 0;
  // The next piece (at most `budget` bytes, at least 1) of slot's data as canonical string contents,
  // valid until the next call; true when it was the last piece.
  virtual bool stream(std::int32_t slot, std::size_t budget, std::string_view& piece) = 0;
};

// Where the walk's text goes: everything (`full`, the file) and the digest's share of it.
class Sink {
public:
  virtual ~Sink() = default;
  virtual void put(std::string_view bytes, bool in_digest) = 0;
};

class CanonicalWalk {
public:
  CanonicalWalk(const json& root, Plan& plan, Sink& sink) : root_(&root), plan_(plan), sink_(sink) {}

  // Produces about `budget` bytes (at least one while not done).
  void next(std::size_t budget);
  bool done() const noexcept { return done_; }
  std::uint64_t produced() const noexcept { return produced_; }

private:
  struct Frame {
    const json* node = nullptr;
    std::vector<Member> members;  // objects, sorted
    std::size_t next = 0;
    bool object = false;
    bool in_digest = true;
    bool wrote_any = false;         // a member/element was written to the file
    bool wrote_any_digest = false;  // ... and to the digest
  };

  void emit(std::string_view bytes, bool in_digest) {
    sink_.put(bytes, in_digest);
    produced_ += bytes.size();
  }
  void open_value(const Member& m, bool in_digest);

  const json* root_;
  Plan& plan_;
  Sink& sink_;
  std::vector<Frame> stack_;
  std::unique_ptr<Canonicalizer> leaf_;
  bool leaf_in_digest_ = true;
  std::int32_t slot_ = -1;
  bool slot_in_digest_ = true;
  std::string buf_;
  bool started_ = false;
  bool done_ = false;
  std::uint64_t produced_ = 0;
};

void CanonicalWalk::open_value(const Member& m, bool in_digest) {
  if (m.slot >= 0) {
    emit("\"", in_digest);
    slot_ = m.slot;
    slot_in_digest_ = in_digest;
    return;
  }
  const json& v = *m.value;
  if ((v.is_object() || v.is_array()) && plan_.descend(v)) {
    Frame f;
    f.node = &v;
    f.object = v.is_object();
    f.in_digest = in_digest;
    if (f.object) {
      f.members = plan_.members(v);
      std::sort(f.members.begin(), f.members.end(),
                [](const Member& a, const Member& b) { return utf16_less(*a.name, *b.name); });
    }
    emit(f.object ? "{" : "[", in_digest);
    stack_.push_back(std::move(f));
    return;
  }
  leaf_ = std::make_unique<Canonicalizer>(v);
  leaf_in_digest_ = in_digest;
}

void CanonicalWalk::next(std::size_t budget) {
  if (done_) return;
  if (budget == 0) budget = 1;
  const std::uint64_t start = produced_;
  while (!done_ && produced_ - start < budget) {
    const std::size_t left = std::min<std::size_t>(k_piece, budget - static_cast<std::size_t>(produced_ - start));
    if (leaf_) {
      buf_.clear();
      leaf_->next(buf_, left);
      emit(buf_, leaf_in_digest_);
      if (leaf_->done()) leaf_.reset();
      continue;
    }
    if (slot_ >= 0) {
      std::string_view piece;
      const bool last = plan_.stream(slot_, left, piece);
      emit(piece, slot_in_digest_);
      if (last) {
        emit("\"", slot_in_digest_);
        slot_ = -1;
      }
      continue;
    }
    if (stack_.empty()) {
      if (started_) {
        done_ = true;
      } else {
        started_ = true;
        open_value(Member{nullptr, root_, -1, true}, true);
      }
      continue;
    }
    Frame& f = stack_.back();
    const std::size_t count = f.object ? f.members.size() : f.node->size();
    if (f.next == count) {
      const bool in_digest = f.in_digest;
      const bool object = f.object;
      stack_.pop_back();
      emit(object ? "}" : "]", in_digest);
      continue;
    }
    if (f.object) {
      const Member m = f.members[f.next++];
      const bool in_digest = f.in_digest && m.in_digest;
      // Commas separate what each stream holds: the digest's text has no comma for the members it omits.
      if (f.wrote_any) emit(",", in_digest && f.wrote_any_digest);
      f.wrote_any = true;
      if (in_digest) f.wrote_any_digest = true;
      buf_.clear();
      append_canonical_string(buf_, *m.name);
      buf_ += ':';
      emit(buf_, in_digest);
      open_value(m, in_digest);  // may push: `f` is not used after this
    } else {
      const json& element = (*f.node)[f.next++];
      if (f.wrote_any) emit(",", f.in_digest);
      f.wrote_any = true;
      f.wrote_any_digest = f.in_digest;
      open_value(Member{nullptr, &element, -1, true}, f.in_digest);
    }
  }
}

// Cuts `piece` (a view into valid UTF-8) so that it ends on a character boundary, keeping at least one
// character.
std::size_t utf8_cut(std::string_view text, std::size_t from, std::size_t length) noexcept {
  std::size_t end = std::min(text.size(), from + length);
  while (end > from && end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0u) == 0x80u) --end;
  if (end == from) {  // budget smaller than the character: take the whole character
    end = from + 1;
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0u) == 0x80u) ++end;
  }
  return end - from;
}

// ---- [SECTION] reading the structure ----------------------------------------------------------------

// The value kinds a member may have, for the table-driven checks.
enum class Kind { text, text_or_null, boolean, boolean_or_null, count, number, date, date_or_null, object, object_or_null, array };

struct Field {
  const char* name;
  Kind kind;
};

const char* expected_kind(Kind k) {
  switch (k) {
    case Kind::text: return "a string";
    case Kind::text_or_null: return "a string or null";
    case Kind::boolean: return "true or false";
    case Kind::boolean_or_null: return "true, false or null";
    case Kind::count: return "a whole number, 0 or more";
    case Kind::number: return "a number";
    case Kind::date: return "a date written YYYY-MM-DD";
    case Kind::date_or_null: return "a date written YYYY-MM-DD, or null";
    case Kind::object: return "an object";
    case Kind::object_or_null: return "an object or null";
    case Kind::array: return "an array";
  }
  return "a value";
}

bool has_kind(const json& v, Kind k) {
  switch (k) {
    case Kind::text: return v.is_string();
    case Kind::text_or_null: return v.is_string() || v.is_null();
    case Kind::boolean: return v.is_boolean();
    case Kind::boolean_or_null: return v.is_boolean() || v.is_null();
    case Kind::count: return as_count(v).has_value();
    case Kind::number: return v.is_number();
    case Kind::date:
      return v.is_string() && parse_iso_date(v.get_ref<const std::string&>()).has_value();
    case Kind::date_or_null:
      return v.is_null() || (v.is_string() && parse_iso_date(v.get_ref<const std::string&>()).has_value());
    case Kind::object: return v.is_object();
    case Kind::object_or_null: return v.is_object() || v.is_null();
    case Kind::array: return v.is_array();
  }
  return false;
}

// One attachment's data, as the verifier finds and then decodes it.
struct VerifySlot {
  std::string path;        // the file entry's JSON Pointer
  std::string label;       // piece "mockup", file "screen.png" (for messages)
  json* entry = nullptr;   // the file entry in the document
  std::string* text = nullptr;  // its base64 "data", freed once decoded
  Attachment* target = nullptr; // receives the bytes
  std::optional<std::uint64_t> declared_size;
  std::optional<Sha256Digest> declared_sha;
  Base64Decoder decoder;
  Sha256 raw;                          // of the decoded bytes, unless the caller hashes them
  std::optional<Sha256Digest> digest;  // given by the caller (hash_files_elsewhere)
  std::uint64_t pos = 0;
  std::uint64_t text_size = 0;
  std::string escaped;     // the canonical form of a piece that is not valid base64
  std::optional<Sniff> sniff;  // what the decoded bytes are
};

class StructureReader {
public:
  explicit StructureReader(std::vector<Issue>& issues) : issues_(issues) {}

  void error(const char* code, std::string path, std::string message) {
    issues_.push_back(make_issue(Severity::error, code, std::move(path), std::move(message)));
  }

  // Checks `obj`'s members against `fields`: missing ones and wrong kinds are errors, others notices.
  void check(const json& obj, const std::string& path, std::initializer_list<Field> fields) {
    for (const Field& f : fields) {
      const auto it = obj.find(f.name);
      const std::string p = member_path(path, f.name);
      if (it == obj.end()) {
        error("bundle.member_missing", p,
              std::string("The member \"") + f.name + "\" is missing; expected " + expected_kind(f.kind) + ".");
      } else if (!has_kind(*it, f.kind)) {
        const bool date = (f.kind == Kind::date || f.kind == Kind::date_or_null) && it->is_string();
        error(date ? "bundle.value_invalid" : "bundle.type_mismatch", p,
              date ? detail::quoted(it->get_ref<const std::string&>()) + " is not a valid date; expected " +
                         expected_kind(f.kind) + "."
                   : found(*it, expected_kind(f.kind)));
      }
    }
    for (const auto& [name, value] : obj.items()) {
      bool known = false;
      for (const Field& f : fields) known = known || name == f.name;
      if (!known) {
        issues_.push_back(make_issue(Severity::notice, "bundle.member_unknown", member_path(path, name),
                                     "Unknown member " + detail::quoted(name) +
                                         " (perhaps from a newer version): kept as it is, not used."));
      }
    }
  }

  // The member `name` of `obj` when it has `kind` (check() has reported it otherwise).
  static const json* get(const json& obj, const char* name, Kind kind) {
    const auto it = obj.find(name);
    return it != obj.end() && has_kind(*it, kind) ? &*it : nullptr;
  }
  static json* get(json& obj, const char* name, Kind kind) {
    const auto it = obj.find(name);
    return it != obj.end() && has_kind(*it, kind) ? &*it : nullptr;
  }

  void check_elements(const json& array, const std::string& path, Kind kind) {
    for (std::size_t i = 0; i < array.size(); ++i) {
      if (!has_kind(array[i], kind)) error("bundle.type_mismatch", index_path(path, i), found(array[i], expected_kind(kind)));
    }
  }

  // {"id": string, "version": integer from 1}
  void check_reference(const json& root, const char* name, std::string& id, std::int32_t& version) {
    const std::string path = std::string("/") + name;
    const json* obj = get(root, name, Kind::object);
    if (!obj) return;
    check(*obj, path, {{"id", Kind::text}, {"version", Kind::count}});
    if (const json* v = get(*obj, "id", Kind::text)) id = v->get<std::string>();
    if (const json* v = get(*obj, "version", Kind::count)) {
      const std::uint64_t n = *as_count(*v);
      if (n < 1 || n > static_cast<std::uint64_t>(k_max_int32)) {
        error("bundle.value_invalid", path + "/version", "The version " + v->dump() + " is out of range; expected a whole number from 1.");
      } else {
        version = static_cast<std::int32_t>(n);
      }
    }
  }

  void check_verdict(const json& root, const std::string& ruleset_id, Bundle& b) {
    const json* at_export = get(root, "eligibility_at_export", Kind::object);
    if (!at_export) return;
    check(*at_export, "/eligibility_at_export", {{"reference_date", Kind::date}, {"result", Kind::object_or_null}});
    std::string reference;
    if (const json* d = get(*at_export, "reference_date", Kind::date)) {
      reference = d->get<std::string>();
      b.reference_date = *parse_iso_date(reference);
    }
    const json* result = get(*at_export, "result", Kind::object_or_null);
    if (!result) return;
    b.claimed_verdict = *result;
    if (!result->is_object()) return;
    const json& r = *result;
    const std::string p = "/eligibility_at_export/result";
    check(r, p, {{"eligible", Kind::boolean}, {"ruleset", Kind::text}, {"reference_date", Kind::date}, {"criteria", Kind::object}});
    if (const json* d = get(r, "reference_date", Kind::date); d && !reference.empty() && *d != reference) {
      error("bundle.verdict_inconsistent", p + "/reference_date",
            "The verdict is about " + d->get<std::string>() + " but eligibility_at_export.reference_date says " +
                reference + "; expected the same day.");
    }
    if (const json* id = get(r, "ruleset", Kind::text); id && !ruleset_id.empty() && *id != ruleset_id) {
      error("bundle.verdict_inconsistent", p + "/ruleset",
            "The verdict names the ruleset " + detail::quoted(id->get<std::string>()) + " but the bundle's ruleset is " +
                detail::quoted(ruleset_id) + "; expected the same.");
    }
    const json* criteria = get(r, "criteria", Kind::object);
    if (!criteria) return;
    const std::string pc = p + "/criteria";
    check(*criteria, pc, {{"duration", Kind::object}, {"phases", Kind::object}, {"recency", Kind::object}});
    if (const json* d = get(*criteria, "duration", Kind::object)) {
      check(*d, pc + "/duration", {{"met", Kind::boolean}, {"full_time_days", Kind::count}, {"part_time_days", Kind::count},
                                   {"equivalent_days", Kind::number}, {"required_days", Kind::count},
                                   {"met_on", Kind::date_or_null}});
    }
    if (const json* ph = get(*criteria, "phases", Kind::object)) {
      check(*ph, pc + "/phases", {{"met", Kind::boolean}, {"investigation", Kind::boolean}, {"construction", Kind::boolean}});
    }
    if (const json* rc = get(*criteria, "recency", Kind::object)) {
      check(*rc, pc + "/recency", {{"met", Kind::boolean}, {"current", Kind::boolean}, {"last_end", Kind::date_or_null},
                                   {"apply_before", Kind::date_or_null}});
    }
  }

  // Types and required members of the answers; slots for every file entry whose data can be walked.
  // `dossier` is answers_from_json's reading of the same answers.
  void check_answers(json& answers, Dossier& dossier, std::vector<VerifySlot>& slots) {
    const std::string pa = "/answers";
    check(answers, pa, {{"identity", Kind::object}, {"startup", Kind::object}, {"eligibility", Kind::object},
                        {"competencies", Kind::array}, {"purposes", Kind::object}, {"pieces", Kind::array}});
    if (const json* id = get(answers, "identity", Kind::object)) {
      check(*id, pa + "/identity", {{"first_name", Kind::text}, {"last_name", Kind::text}, {"email", Kind::text},
                                    {"administration", Kind::text}, {"status", Kind::text}, {"position", Kind::text}});
    }
    if (const json* st = get(answers, "startup", Kind::object)) {
      check(*st, pa + "/startup", {{"name", Kind::text}, {"incubator", Kind::text}, {"phase", Kind::text},
                                   {"start_date", Kind::text}, {"site", Kind::text}, {"role", Kind::text}});
    }
    if (const json* el = get(answers, "eligibility", Kind::object)) {
      const std::string pe = pa + "/eligibility";
      check(*el, pe, {{"periods", Kind::array}, {"phases", Kind::object}});
      if (const json* periods = get(*el, "periods", Kind::array)) {
        for (std::size_t i = 0; i < periods->size(); ++i) {
          const json& p = (*periods)[i];
          const std::string pp = index_path(pe + "/periods", i);
          if (!p.is_object()) {
            error("bundle.type_mismatch", pp, found(p, "an object with start, end and time"));
            continue;
          }
          check(p, pp, {{"start", Kind::text}, {"end", Kind::text_or_null}, {"time", Kind::text}});
          if (const json* t = get(p, "time", Kind::text); t && !parse_time_kind(t->get<std::string>())) {
            error("bundle.value_invalid", pp + "/time",
                  detail::quoted(t->get<std::string>()) + " is not a working time; expected \"full\" or \"part\".");
          }
        }
      }
      if (const json* ph = get(*el, "phases", Kind::object)) {
        check(*ph, pe + "/phases", {{"investigation", Kind::boolean_or_null}, {"construction", Kind::boolean_or_null}});
      }
    }
    std::unordered_set<std::string> competency_ids;
    if (const json* cs = get(answers, "competencies", Kind::array)) {
      for (std::size_t i = 0; i < cs->size(); ++i) {
        const json& c = (*cs)[i];
        const std::string pc = index_path(pa + "/competencies", i);
        if (!c.is_object()) {
          error("bundle.type_mismatch", pc, found(c, "an object with id, evidence and pieces"));
          continue;
        }
        check(c, pc, {{"id", Kind::text}, {"evidence", Kind::text}, {"pieces", Kind::array}});
        if (const json* ps = get(c, "pieces", Kind::array)) check_elements(*ps, pc + "/pieces", Kind::text);
        if (const json* id = get(c, "id", Kind::text); id && !competency_ids.insert(id->get<std::string>()).second) {
          error("bundle.duplicate_id", pc + "/id", "The competency " + detail::quoted(id->get<std::string>()) + " appears twice; expected each once.");
        }
      }
    }
    if (const json* pu = get(answers, "purposes", Kind::object)) {
      check(*pu, pa + "/purposes", {{"selected", Kind::array}, {"detail", Kind::text}});
      if (const json* sel = get(*pu, "selected", Kind::array)) check_elements(*sel, pa + "/purposes/selected", Kind::text);
    }
    json* pieces = get(answers, "pieces", Kind::array);
    if (!pieces) return;
    std::unordered_set<std::string> piece_ids, attachment_ids;
    declared_total_ = 0;
    std::size_t dossier_piece = 0;  // answers_from_json skips what is not an object: follow it
    for (std::size_t i = 0; i < pieces->size(); ++i) {
      json& piece = (*pieces)[i];
      const std::string pp = index_path(pa + "/pieces", i);
      if (!piece.is_object()) {
        error("bundle.type_mismatch", pp, found(piece, "an object with id, url, description and files"));
        continue;
      }
      Piece* dpiece = dossier_piece < dossier.pieces.size() ? &dossier.pieces[dossier_piece] : nullptr;
      ++dossier_piece;
      check(piece, pp, {{"id", Kind::text}, {"url", Kind::text}, {"description", Kind::text}, {"files", Kind::array}});
      std::string piece_id;
      if (const json* id = get(piece, "id", Kind::text)) {
        piece_id = id->get<std::string>();
        if (!piece_ids.insert(piece_id).second) {
          error("bundle.duplicate_id", pp + "/id", "The piece " + detail::quoted(piece_id) + " appears twice; expected each once.");
        }
      }
      json* files = get(piece, "files", Kind::array);
      if (!files) continue;
      std::size_t dossier_file = 0;
      for (std::size_t k = 0; k < files->size(); ++k) {
        json& entry = (*files)[k];
        const std::string pf = index_path(pp + "/files", k);
        if (!entry.is_object()) {
          error("bundle.type_mismatch", pf, found(entry, "an object with id, name, media_type, size, sha256 and data"));
          continue;
        }
        Attachment* target = dpiece && dossier_file < dpiece->files.size() ? &dpiece->files[dossier_file] : nullptr;
        ++dossier_file;
        check_file(entry, pf, piece_id, attachment_ids, target, slots);
      }
    }
    if (declared_total_ > max_dossier_bytes) {
      error("bundle.dossier_too_large", pa + "/pieces",
            "The files add up to " + describe_size(declared_total_) + "; the limit is 150 MiB per dossier.");
    }
  }

private:
  void check_file(json& entry, const std::string& pf, const std::string& piece_id,
                  std::unordered_set<std::string>& attachment_ids, Attachment* target, std::vector<VerifySlot>& slots) {
    check(entry, pf, {{"id", Kind::text}, {"name", Kind::text}, {"media_type", Kind::text}, {"size", Kind::count},
                      {"sha256", Kind::text}, {"data", Kind::text}});
    std::string name;
    if (const json* n = get(entry, "name", Kind::text)) name = n->get<std::string>();
    const std::string label = "Piece " + detail::quoted(piece_id) + ", file " + detail::quoted(name);
    if (const json* id = get(entry, "id", Kind::text)) {
      const std::string& s = id->get_ref<const std::string&>();
      const bool well_formed = !s.empty() && s.size() <= 64 && std::all_of(s.begin(), s.end(), [](char c) {
        return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_' || c == '.';
      });
      if (!well_formed) {
        error("bundle.value_invalid", pf + "/id",
              label + ": the id " + detail::quoted(s) + " is not allowed; expected 1 to 64 letters, digits, '-', '_' or '.'.");
      } else if (!attachment_ids.insert(s).second) {
        error("bundle.duplicate_id", pf + "/id", label + ": the id " + detail::quoted(s) + " is already used by another file; expected each id once.");
      }
    }
    if (get(entry, "name", Kind::text)) {
      if (const char* problem = file_name_problem(name)) {
        error("bundle.name_invalid", pf + "/name", label + ": " + problem + "; expected a plain file name.");
      }
    }
    if (const json* mt = get(entry, "media_type", Kind::text); mt && !is_accepted_media_type(mt->get_ref<const std::string&>())) {
      error("bundle.media_type_not_accepted", pf + "/media_type",
            label + ": the type " + detail::quoted(mt->get<std::string>()) +
                " is not accepted; expected PDF, PNG, JPEG, WebP, OpenDocument, Office (docx, xlsx, pptx) or CSV.");
    }
    std::optional<std::uint64_t> declared_size;
    if (const json* sz = get(entry, "size", Kind::count)) {
      declared_size = as_count(*sz);
      declared_total_ = std::min(declared_total_ + *declared_size, max_bundle_bytes * 1024);  // saturates
      if (*declared_size > max_file_bytes) {
        error("bundle.file_too_large", pf + "/size",
              label + " is " + describe_size(*declared_size) + "; the limit is 50 MiB per file.");
      }
    }
    std::optional<Sha256Digest> declared_sha;
    if (const json* sha = get(entry, "sha256", Kind::text)) {
      declared_sha = sha256_from_hex(sha->get_ref<const std::string&>());
      if (!declared_sha) {
        error("bundle.value_invalid", pf + "/sha256",
              label + ": " + detail::quoted(sha->get<std::string>()) + " is not a SHA-256; expected 64 lowercase hexadecimal digits.");
      }
    }
    json* data = get(entry, "data", Kind::text);
    if (!data || !target) return;
    VerifySlot s;
    s.path = pf;
    s.label = label;
    s.entry = &entry;
    s.text = data->get_ptr<std::string*>();
    s.text_size = s.text->size();
    s.target = target;
    s.declared_size = declared_size;
    s.declared_sha = declared_sha;
    slots.push_back(std::move(s));
  }

  std::vector<Issue>& issues_;
  std::uint64_t declared_total_ = 0;  // sizes as the file entries declare them
};

bool find_code(const std::vector<Issue>& issues, std::string_view code) {
  return std::any_of(issues.begin(), issues.end(), [&](const Issue& i) { return i.code == code; });
}

} // namespace

// ---- [SECTION] BundleVerifier --------------------------------------------------------------------------

struct BundleVerifier::State final : Plan, Sink {
  std::string_view text;
  bool have_text = true;
  std::uint64_t text_size = 0;
  json doc;
  Bundle bundle;
  std::vector<Issue> issues;
  std::vector<VerifySlot> slots;
  std::unordered_map<const json*, std::int32_t> slot_of_entry;
  std::unordered_set<const json*> descend_into;
  std::unique_ptr<CanonicalWalk> walk;
  Sha256 digest_hash;
  std::optional<Sha256Digest> declared_digest;
  std::uint64_t compared = 0;  // bytes of the file matched against the canonical text so far
  bool canonical = true;
  std::size_t sniffed = 0;     // attachments whose content was identified, after the walk
  bool finished = false;       // done (walk over, or refused before it)
  bool taken = false;
  bool hash_elsewhere = false;        // the caller computes the attachments' digests
  std::vector<std::size_t> decoded;   // slots decoded and not yet handed out (hash_elsewhere)

  bool waiting() const noexcept {
    if (!hash_elsewhere || finished || !walk || !walk->done() || sniffed < slots.size()) return false;
    return std::any_of(slots.begin(), slots.end(), [](const VerifySlot& s) { return !s.decoder.failed() && !s.digest; });
  }

  void read_structure();
  void sniff_some(std::size_t budget);
  void conclude();

  // Plan
  bool descend(const json& node) const override { return descend_into.count(&node) != 0; }
  std::vector<Member> members(const json& node) const override {
    std::vector<Member> out;
    const auto it = slot_of_entry.find(&node);
    const bool is_root = &node == &doc;
    for (const auto& member : *node.get_ptr<const json::object_t*>()) {
      Member m{&member.first, &member.second, -1, true};
      if (it != slot_of_entry.end() && member.first == "data") m.slot = it->second;
      if (is_root && member.first == "integrity") m.in_digest = false;
      out.push_back(m);
    }
    return out;
  }
  bool stream(std::int32_t index, std::size_t budget, std::string_view& piece) override {
    VerifySlot& s = slots[static_cast<std::size_t>(index)];
    const std::string_view text_all(*s.text);
    const std::size_t from = static_cast<std::size_t>(s.pos);
    // Reserved only now, not when the structure was read: by then the caller may have freed the file
    // text, and earlier attachments their base64, so the memory is reused instead of added.
    if (from == 0) s.target->bytes.reserve(base64_decoded_size(text_all));
    if (from >= text_all.size()) {
      piece = {};
    } else {
      const std::size_t n = utf8_cut(text_all, from, std::max<std::size_t>(budget, 4));
      const std::string_view chunk = text_all.substr(from, n);
      s.pos += n;
      if (!s.decoder.failed()) {
        std::string& out = s.target->bytes;
        const std::size_t before = out.size();
        s.decoder.feed(chunk, out);
        if (!hash_elsewhere) s.raw.update(out.data() + before, out.size() - before);
      }
      if (!s.decoder.failed()) {
        piece = chunk;  // base64 needs no escaping: its canonical form is itself
      } else {
        // Not base64 (reported at the end): the digest still needs its exact canonical form.
        s.escaped.clear();
        append_canonical_string(s.escaped, chunk);
        piece = std::string_view(s.escaped).substr(1, s.escaped.size() - 2);
      }
    }
    if (s.pos < s.text_size) return false;
    if (!s.decoder.failed()) s.decoder.finish();
    if (hash_elsewhere && !s.decoder.failed()) decoded.push_back(static_cast<std::size_t>(index));
    // The document no longer needs the base64 text: give its memory back now (it is as large as the
    // attachment's share of the file). The last piece still points into it: keep a copy.
    if (piece.data() != s.escaped.data()) {
      s.escaped.assign(piece.data(), piece.size());
      piece = s.escaped;
    }
    std::string().swap(*s.text);
    return true;
  }

  // Sink
  void put(std::string_view bytes, bool in_digest) override {
    if (in_digest) digest_hash.update(bytes);
    if (have_text && canonical) {
      if (compared + bytes.size() > text.size() ||
          text.compare(static_cast<std::size_t>(compared), bytes.size(), bytes) != 0) {
        canonical = false;
      }
      compared += bytes.size();
    }
  }
};

void BundleVerifier::State::read_structure() {
  if (!doc.is_object()) {
    issues.push_back(make_issue(Severity::error, "bundle.not_a_dossier", "",
                                found(doc, "a certif-intra dossier bundle (a JSON object with \"format\": \"certif-intra/dossier\")")));
    return;
  }
  // What the file is, and which version, before anything else: a newer version may differ anywhere.
  const auto format = doc.find("format");
  if (format == doc.end() || !format->is_string() || *format != bundle_format) {
    issues.push_back(make_issue(
        Severity::error, "bundle.not_a_dossier", "/format",
        format == doc.end()
            ? std::string("The member \"format\" is missing: this is not a certif-intra dossier bundle.")
            : found(*format, "\"certif-intra/dossier\": this is not a certif-intra dossier bundle")));
    return;
  }
  const auto version = doc.find("format_version");
  if (version == doc.end()) {
    issues.push_back(make_issue(Severity::error, "bundle.member_missing", "/format_version",
                                "The member \"format_version\" is missing; expected 1."));
    return;
  }
  const auto v = as_count(*version);
  if (!v || *v < 1) {
    issues.push_back(make_issue(Severity::error, "bundle.value_invalid", "/format_version",
                                found(*version, "a format version, 1 for this app")));
    return;
  }
  if (*v > static_cast<std::uint64_t>(bundle_format_version)) {
    issues.push_back(make_issue(
        Severity::error, "bundle.version_unsupported", "/format_version",
        "This bundle is in format version " + std::to_string(*v) + "; this app reads version " +
            std::to_string(bundle_format_version) + ". Open it with a newer version of certif-intra."));
    return;
  }
  bundle.format_version = static_cast<std::int32_t>(*v);

  StructureReader r(issues);
  r.check(doc, "", {{"format", Kind::text}, {"format_version", Kind::count}, {"app", Kind::object},
                    {"exported_at", Kind::text}, {"referential", Kind::object}, {"ruleset", Kind::object},
                    {"answers", Kind::object}, {"eligibility_at_export", Kind::object}, {"integrity", Kind::object}});
  if (const json* app = StructureReader::get(doc, "app", Kind::object)) {
    r.check(*app, "/app", {{"name", Kind::text}, {"version", Kind::text}});
    if (const json* n = StructureReader::get(*app, "name", Kind::text)) bundle.app_name = n->get<std::string>();
    if (const json* n = StructureReader::get(*app, "version", Kind::text)) bundle.app_version = n->get<std::string>();
  }
  if (const json* t = StructureReader::get(doc, "exported_at", Kind::text)) {
    bundle.exported_at = t->get<std::string>();
    if (!is_export_timestamp(bundle.exported_at)) {
      r.error("bundle.value_invalid", "/exported_at",
              detail::quoted(bundle.exported_at) + " is not an export time; expected YYYY-MM-DDThh:mm:ssZ (UTC).");
    }
  }
  r.check_reference(doc, "referential", bundle.referential_id, bundle.referential_version);
  r.check_reference(doc, "ruleset", bundle.ruleset_id, bundle.ruleset_version);
  r.check_verdict(doc, bundle.ruleset_id, bundle);
  if (const json* integrity = StructureReader::get(doc, "integrity", Kind::object)) {
    // Strict: whatever sits in "integrity" is outside the digest, so nothing unknown may hide there.
    r.check(*integrity, "/integrity", {{"algorithm", Kind::text}, {"digest", Kind::text}});
    for (auto& i : issues) {
      if (i.code == "bundle.member_unknown" && i.path.rfind("/integrity/", 0) == 0) {
        i.severity = Severity::error;
        i.code = "bundle.value_invalid";
        i.message = "Unknown member in \"integrity\", which the digest does not cover; expected only algorithm and digest.";
      }
    }
    if (const json* a = StructureReader::get(*integrity, "algorithm", Kind::text); a && *a != bundle_integrity_algorithm) {
      r.error("bundle.value_invalid", "/integrity/algorithm",
              "The integrity algorithm " + detail::quoted(a->get<std::string>()) + " is unknown; expected \"sha256-jcs\".");
    }
    if (const json* d = StructureReader::get(*integrity, "digest", Kind::text)) {
      declared_digest = sha256_from_hex(d->get_ref<const std::string&>());
      if (!declared_digest) {
        r.error("bundle.value_invalid", "/integrity/digest",
                detail::quoted(d->get<std::string>()) + " is not a SHA-256; expected 64 lowercase hexadecimal digits.");
      }
    }
  }

  json* answers = StructureReader::get(doc, "answers", Kind::object);
  if (answers) {
    std::vector<Issue> reading;
    bundle.dossier = answers_from_json(*answers, reading);
    r.check_answers(*answers, bundle.dossier, slots);
    // answers_from_json reports nothing the checks above have not (they are stricter); keep it as a net.
    if (!has_errors(issues)) {
      for (auto& i : reading) {
        i.path = "/answers" + i.path;
        issues.push_back(std::move(i));
      }
    }
  }

  // The walk goes member by member down to each attachment's data; the rest is canonicalized whole.
  descend_into.insert(&doc);
  if (answers) {
    descend_into.insert(answers);
    json* pieces = StructureReader::get(*answers, "pieces", Kind::array);
    if (pieces) descend_into.insert(pieces);
  }
  for (std::size_t i = 0; i < slots.size(); ++i) {
    VerifySlot& s = slots[i];
    slot_of_entry[s.entry] = static_cast<std::int32_t>(i);
    descend_into.insert(s.entry);
    s.target->bytes.clear();
  }
  // The pieces and files arrays between them.
  if (answers) {
    if (json* pieces = StructureReader::get(*answers, "pieces", Kind::array)) {
      for (json& piece : *pieces) {
        if (!piece.is_object()) continue;
        json* files = StructureReader::get(piece, "files", Kind::array);
        if (!files) continue;
        for (json& entry : *files) {
          if (slot_of_entry.count(&entry)) {
            descend_into.insert(&piece);
            descend_into.insert(files);
          }
        }
      }
    }
  }
  walk = std::make_unique<CanonicalWalk>(doc, *this, *this);
}

// What each attachment really is, from its bytes (never from its name or declared type). A phase of
// its own, an attachment or more per step: identifying a 50 MB CSV reads all of it.
void BundleVerifier::State::sniff_some(std::size_t budget) {
  std::uint64_t spent = 0;
  while (sniffed < slots.size() && (spent == 0 || spent < budget)) {
    VerifySlot& s = slots[sniffed++];
    if (s.decoder.failed()) continue;
    s.sniff = sniff_media_type(s.target->bytes);
    spent += s.target->bytes.size() + 1;
  }
}

void BundleVerifier::State::conclude() {
  finished = true;
  std::uint64_t total = 0;
  for (VerifySlot& s : slots) {
    const std::string& bytes = s.target->bytes;
    if (s.decoder.failed()) {
      issues.push_back(make_issue(Severity::error, "bundle.data_invalid", s.path + "/data",
                                  s.label + ": the data is not valid base64 (" + s.decoder.error().message + ")."));
      std::string().swap(s.target->bytes);
      continue;
    }
    total += bytes.size();
    if (s.declared_size && *s.declared_size != bytes.size()) {
      issues.push_back(make_issue(Severity::error, "bundle.size_mismatch", s.path + "/size",
                                  s.label + ": the data holds " + std::to_string(bytes.size()) +
                                      " bytes, but the size says " + std::to_string(*s.declared_size) +
                                      ": the file was altered or damaged."));
    }
    if (bytes.size() > max_file_bytes && !(s.declared_size && *s.declared_size > max_file_bytes)) {
      issues.push_back(make_issue(Severity::error, "bundle.file_too_large", s.path + "/data",
                                  s.label + " is " + describe_size(bytes.size()) + "; the limit is 50 MiB per file."));
    }
    const Sha256Digest actual = s.digest ? *s.digest : s.raw.finish();
    if (s.declared_sha && *s.declared_sha != actual) {
      issues.push_back(make_issue(Severity::error, "bundle.sha256_mismatch", s.path + "/sha256",
                                  s.label + ": the content's SHA-256 is " + to_hex(actual) + ", but the bundle says " +
                                      to_hex(*s.declared_sha) + ": the file was altered or damaged."));
    }
    if (s.sniff && !s.sniff->accepted) {
      std::string why = sniff_refusal_message(*s.sniff);
      if (!why.empty() && why[0] >= 'A' && why[0] <= 'Z') why[0] = static_cast<char>(why[0] - 'A' + 'a');
      issues.push_back(make_issue(Severity::error, "bundle.content_not_accepted", s.path + "/data", s.label + ": " + why));
    } else if (s.sniff && s.target->media_type != s.sniff->media_type &&
               is_accepted_media_type(s.target->media_type)) {
      issues.push_back(make_issue(Severity::error, "bundle.media_type_mismatch", s.path + "/media_type",
                                  s.label + ": declared as " + detail::quoted(s.target->media_type) +
                                      ", but its content is another type: " + s.sniff->description + " (" +
                                      s.sniff->media_type + ")."));
    }
  }
  if (total > max_dossier_bytes && !find_code(issues, "bundle.dossier_too_large")) {
    issues.push_back(make_issue(Severity::error, "bundle.dossier_too_large", "/answers/pieces",
                                "The files add up to " + describe_size(total) + "; the limit is 150 MiB per dossier."));
  }
  const Sha256Digest digest = digest_hash.finish();
  if (declared_digest && *declared_digest != digest) {
    issues.push_back(make_issue(Severity::error, "bundle.integrity_mismatch", "/integrity/digest",
                                "The bundle was modified after export: its content does not match its integrity "
                                "digest (computed " + to_hex(digest) + ", recorded " + to_hex(*declared_digest) + ")."));
  }
  bundle.digest = to_hex(digest);
  bundle.canonical = have_text && canonical && compared == text.size();
  if (have_text && !bundle.canonical && !has_errors(issues)) {
    issues.push_back(make_issue(Severity::notice, "bundle.not_canonical", "",
                                "The file is not in canonical form (RFC 8785): it verifies, but writing it back "
                                "gives other bytes (same content, same digest)."));
  }
  // The document as kept: no data (decoded into the dossier), no integrity (recomputed on writing).
  for (VerifySlot& s : slots) s.entry->erase("data");
  doc.erase("integrity");
  walk.reset();
}

BundleVerifier::BundleVerifier(std::string_view text) noexcept : state_(std::make_unique<State>()) {
  State& s = *state_;
  s.text = text;
  s.text_size = text.size();
  JsonLimits limits;
  limits.max_bytes = static_cast<std::size_t>(std::min<std::uint64_t>(max_bundle_bytes, std::numeric_limits<std::size_t>::max()));
  limits.max_depth = max_bundle_depth;
  limits.max_values = max_bundle_values;
  auto parsed = parse_json_strict(text, limits);
  if (!parsed) {
    s.issues = parsed.issues();
    s.finished = true;
    return;
  }
  s.doc = std::move(parsed).value();
  s.read_structure();
  if (!s.walk) s.finished = true;
}

BundleVerifier::~BundleVerifier() = default;
BundleVerifier::BundleVerifier(BundleVerifier&&) noexcept = default;
BundleVerifier& BundleVerifier::operator=(BundleVerifier&&) noexcept = default;

bool BundleVerifier::step(std::size_t budget_bytes) noexcept {
  State& s = *state_;
  if (s.finished) return true;
  if (!s.walk->done()) {
    s.walk->next(budget_bytes);
    return false;  // what the content is: from the next step on
  }
  s.sniff_some(budget_bytes);
  if (s.sniffed == s.slots.size() && !s.waiting()) s.conclude();
  return s.finished;
}

void BundleVerifier::hash_files_elsewhere() noexcept { state_->hash_elsewhere = true; }

std::vector<BundleVerifier::Decoded> BundleVerifier::take_decoded() {
  State& s = *state_;
  std::vector<Decoded> out;
  for (const std::size_t i : s.decoded) out.push_back({i, s.slots[i].target->bytes});
  s.decoded.clear();
  return out;
}

void BundleVerifier::set_file_digest(std::size_t index, const Sha256Digest& digest) noexcept {
  State& s = *state_;
  if (index < s.slots.size()) s.slots[index].digest = digest;
}

void BundleVerifier::hash_here(std::size_t index) noexcept {
  State& s = *state_;
  if (index < s.slots.size()) s.slots[index].digest = sha256(s.slots[index].target->bytes);
}

bool BundleVerifier::waiting() const noexcept { return state_->waiting(); }

bool BundleVerifier::done() const noexcept { return state_->finished; }

double BundleVerifier::progress() const noexcept {
  const State& s = *state_;
  if (s.finished) return 1.0;
  if (!s.walk || s.text_size == 0) return 0.0;
  const double p = static_cast<double>(s.walk->produced()) / static_cast<double>(s.text_size);
  return std::min(p, 0.99);
}

void BundleVerifier::forget_text() noexcept {
  state_->have_text = false;
  state_->text = {};
}

Result<Bundle> BundleVerifier::finish() noexcept {
  State& s = *state_;
  while (!s.finished) {
    if (s.waiting()) {  // digests the caller still owes: computed here rather than waited for
      for (std::size_t i = 0; i < s.slots.size(); ++i) {
        if (!s.slots[i].decoder.failed() && !s.slots[i].digest) hash_here(i);
      }
    }
    step(std::size_t{1} << 24);
  }
  if (s.taken) {
    return Issue{Severity::error, "bundle.internal", "", "BundleVerifier::finish() was called twice."};
  }
  s.taken = true;
  if (has_errors(s.issues)) return std::move(s.issues);
  s.bundle.document = std::move(s.doc);
  s.bundle.issues = std::move(s.issues);
  return std::move(s.bundle);
}

Result<Bundle> parse_bundle(std::string_view text) noexcept {
  BundleVerifier v(text);
  while (!v.step(std::size_t{1} << 24)) {
  }
  return v.finish();
}

// ---- [SECTION] writing ---------------------------------------------------------------------------------

namespace {

struct WriteSlot {
  const Attachment* source = nullptr;  // nullptr: no such attachment (written empty, reported)
  Base64Encoder encoder;
  Sha256 raw;
  std::uint64_t pos = 0;
  json size_value;
  json sha_value;
  std::string buf;
};

const std::string& name_data() { static const std::string s = "data"; return s; }
const std::string& name_size() { static const std::string s = "size"; return s; }
const std::string& name_sha256() { static const std::string s = "sha256"; return s; }
const std::string& name_integrity() { static const std::string s = "integrity"; return s; }

// Unknown members of `old` that `fresh` lacks, copied in place (see ExportInputs::carry_unknown_from).
void carry_unknown(json& fresh, const json& old, bool root) {
  if (fresh.is_object() && old.is_object()) {
    for (const auto& [name, value] : old.items()) {
      if (root && (name == "app" || name == "integrity" || name == "eligibility_at_export")) continue;
      const auto it = fresh.find(name);
      if (it == fresh.end()) fresh[name] = value;
      else carry_unknown(*it, value, false);
    }
    return;
  }
  if (!fresh.is_array() || !old.is_array()) return;
  for (std::size_t i = 0; i < fresh.size(); ++i) {
    json& f = fresh[i];
    const json* match = nullptr;
    const auto id = f.is_object() ? f.find("id") : f.end();
    if (f.is_object() && id != f.end() && id->is_string()) {
      for (const json& o : old) {
        const auto oid = o.is_object() ? o.find("id") : o.end();
        if (o.is_object() && oid != o.end() && *oid == *id) {
          match = &o;
          break;
        }
      }
    } else if (i < old.size()) {
      match = &old[i];
    }
    if (match) carry_unknown(f, *match, false);
  }
}

} // namespace

struct BundleWriter::State final : Plan, Sink {
  const json& doc;
  const Dossier& dossier;
  std::vector<WriteSlot> slots;
  std::unordered_map<const json*, std::int32_t> slot_of_entry;
  std::unordered_set<const json*> descend_into;
  std::vector<Issue> issues;
  std::unique_ptr<CanonicalWalk> walk;
  int pass = 1;
  Sha256 digest_hash;
  std::string digest;
  json integrity_value;
  std::string* out = nullptr;
  std::uint64_t estimate = 1;   // bytes of one pass, for progress
  std::uint64_t first_pass = 0; // bytes the first pass went through
  bool finished = false;

  State(const json& d, const Dossier& dd) : doc(d), dossier(dd) {}

  bool descend(const json& node) const override { return descend_into.count(&node) != 0; }
  std::vector<Member> members(const json& node) const override {
    std::vector<Member> out_members;
    const auto it = slot_of_entry.find(&node);
    const bool is_entry = it != slot_of_entry.end();
    const bool is_root = &node == &doc;
    for (const auto& member : *node.get_ptr<const json::object_t*>()) {
      if (is_entry && (member.first == "data" || member.first == "size" || member.first == "sha256")) continue;
      if (is_root && member.first == "integrity") continue;
      out_members.push_back(Member{&member.first, &member.second, -1, true});
    }
    if (is_entry) {
      const WriteSlot& s = slots[static_cast<std::size_t>(it->second)];
      out_members.push_back(Member{&name_data(), nullptr, it->second, true});
      out_members.push_back(Member{&name_size(), &s.size_value, -1, true});
      out_members.push_back(Member{&name_sha256(), &s.sha_value, -1, true});
    }
    if (is_root && pass == 2) out_members.push_back(Member{&name_integrity(), &integrity_value, -1, false});
    return out_members;
  }
  bool stream(std::int32_t index, std::size_t budget, std::string_view& piece) override {
    WriteSlot& s = slots[static_cast<std::size_t>(index)];
    const std::string_view bytes = s.source ? std::string_view(s.source->bytes) : std::string_view();
    // Whole groups of 3 bytes, so that the encoder holds nothing back between pieces.
    const std::size_t groups = std::max<std::size_t>(budget / 4, 1);
    const std::size_t from = static_cast<std::size_t>(s.pos);
    const std::size_t n = std::min(bytes.size() - from, groups * 3);
    const std::string_view chunk = bytes.substr(from, n);
    s.buf.clear();
    s.encoder.feed(chunk, s.buf);
    if (pass == 1) s.raw.update(chunk);
    s.pos += n;
    const bool last = s.pos == bytes.size();
    if (last) {
      s.encoder.finish(s.buf);
      if (pass == 1) {
        s.size_value = static_cast<std::uint64_t>(bytes.size());
        s.sha_value = to_hex(s.raw.finish());
      }
    }
    piece = s.buf;
    return last;
  }
  void put(std::string_view bytes, bool in_digest) override {
    if (pass == 1) {
      if (in_digest) digest_hash.update(bytes);
    } else if (out != nullptr) {
      out->append(bytes.data(), bytes.size());
    }
  }

  void start_pass() {
    for (WriteSlot& s : slots) {
      s.pos = 0;
      s.encoder = Base64Encoder();
    }
    walk = std::make_unique<CanonicalWalk>(doc, *this, *this);
  }
};

BundleWriter::BundleWriter(const json& document, const Dossier& dossier)
    : state_(std::make_unique<State>(document, dossier)) {
  State& s = *state_;
  std::unordered_map<std::string_view, const Attachment*> by_id;
  for (const Piece& p : dossier.pieces) {
    for (const Attachment& a : p.files) by_id.emplace(a.id, &a);
  }
  std::uint64_t data_bytes = 0;
  if (document.is_object()) {
    s.descend_into.insert(&document);
    const auto answers = document.find("answers");
    if (answers != document.end() && answers->is_object()) {
      s.descend_into.insert(&*answers);
      const auto pieces = answers->find("pieces");
      if (pieces != answers->end() && pieces->is_array()) {
        s.descend_into.insert(&*pieces);
        for (std::size_t i = 0; i < pieces->size(); ++i) {
          const json& piece = (*pieces)[i];
          const auto files = piece.is_object() ? piece.find("files") : piece.end();
          if (!piece.is_object() || files == piece.end() || !files->is_array()) continue;
          s.descend_into.insert(&piece);
          s.descend_into.insert(&*files);
          for (std::size_t k = 0; k < files->size(); ++k) {
            const json& entry = (*files)[k];
            if (!entry.is_object()) continue;
            WriteSlot slot;
            const auto id = entry.find("id");
            const auto found_attachment = id != entry.end() && id->is_string() ? by_id.find(id->get_ref<const std::string&>()) : by_id.end();
            if (found_attachment != by_id.end()) {
              slot.source = found_attachment->second;
              data_bytes += base64_encoded_size(slot.source->bytes.size());
            } else {
              s.issues.push_back(make_issue(Severity::error, "bundle.attachment_missing",
                                            "/answers/pieces/" + std::to_string(i) + "/files/" + std::to_string(k),
                                            "No attachment of the dossier has this file entry's id; its data is written empty."));
            }
            s.slot_of_entry[&entry] = static_cast<std::int32_t>(s.slots.size());
            s.descend_into.insert(&entry);
            s.slots.push_back(std::move(slot));
          }
        }
      }
    }
  }
  s.estimate = data_bytes + 16384;
  s.start_pass();
}

BundleWriter::~BundleWriter() = default;
BundleWriter::BundleWriter(BundleWriter&&) noexcept = default;
BundleWriter& BundleWriter::operator=(BundleWriter&&) noexcept = default;

void BundleWriter::next(std::string& out, std::size_t budget_bytes) {
  State& s = *state_;
  if (s.finished) return;
  s.out = &out;
  s.walk->next(budget_bytes);
  s.out = nullptr;
  if (!s.walk->done()) return;
  if (s.pass == 1) {
    s.first_pass = s.walk->produced();
    s.estimate = s.first_pass + 100;  // the second pass adds the integrity member
    s.digest = to_hex(s.digest_hash.finish());
    s.integrity_value = {{"algorithm", bundle_integrity_algorithm}, {"digest", s.digest}};
    s.pass = 2;
    s.start_pass();
  } else {
    s.finished = true;
    s.walk.reset();
  }
}

bool BundleWriter::done() const noexcept { return state_->finished; }

double BundleWriter::progress() const noexcept {
  const State& s = *state_;
  if (s.finished) return 1.0;
  const std::uint64_t produced = s.walk ? s.walk->produced() : 0;
  const double so_far = static_cast<double>(s.pass == 1 ? produced : s.first_pass + produced);
  const double total = static_cast<double>(s.pass == 1 ? 2 * s.estimate : s.first_pass + s.estimate);
  return std::min(so_far / total, 0.99);
}

const std::string& BundleWriter::digest() const noexcept { return state_->digest; }
const std::vector<Issue>& BundleWriter::issues() const noexcept { return state_->issues; }

std::string write_bundle(const json& document, const Dossier& dossier) {
  BundleWriter w(document, dossier);
  std::string out;
  std::uint64_t expected = 0;
  for (const Piece& p : dossier.pieces) {
    for (const Attachment& a : p.files) expected += base64_encoded_size(a.bytes.size());
  }
  out.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(expected + 65536, std::numeric_limits<std::size_t>::max() / 2)));
  while (!w.done()) w.next(out, std::size_t{1} << 24);
  return out;
}

std::string write_bundle(const Bundle& bundle) { return write_bundle(bundle.document, bundle.dossier); }

json bundle_document(const Dossier& dossier, const ExportInputs& in) {
  json verdict = nullptr;
  if (in.ruleset != nullptr) {
    if (auto input = eligibility_input(dossier, in.reference_date)) verdict = to_json(evaluate(*input, *in.ruleset));
  }
  json doc = {
      {"format", bundle_format},
      {"format_version", bundle_format_version},
      {"app", {{"name", in.app_name.empty() ? std::string(app_name) : in.app_name},
               {"version", in.app_version.empty() ? std::string(app_version) : in.app_version}}},
      {"exported_at", in.exported_at},
      {"referential", {{"id", in.referential ? in.referential->id : std::string()},
                       {"version", in.referential ? in.referential->version : 0}}},
      {"ruleset", {{"id", in.ruleset ? in.ruleset->id : std::string()}, {"version", in.ruleset ? in.ruleset->version : 0}}},
      {"answers", answers_to_json(dossier)},
      {"eligibility_at_export", {{"reference_date", to_iso(in.reference_date)}, {"result", std::move(verdict)}}},
  };
  if (in.carry_unknown_from != nullptr) carry_unknown(doc, *in.carry_unknown_from, true);
  return doc;
}

std::string export_bundle(const Dossier& dossier, const ExportInputs& inputs) {
  return write_bundle(bundle_document(dossier, inputs), dossier);
}

// ---- [SECTION] the coach's checks ------------------------------------------------------------------------

Result<EligibilityInput> eligibility_input(const Dossier& dossier, Date reference) noexcept {
  auto input = eligibility_input_from_json(eligibility_input_json(dossier.eligibility, reference));
  if (input) return input;
  std::vector<Issue> issues = input.issues();
  for (Issue& i : issues) i.path = "/answers/eligibility" + i.path;
  return issues;
}

VerdictCheck recheck_verdict(const Bundle& bundle, const Ruleset& ruleset) {
  VerdictCheck c;
  c.claimed = bundle.claimed_verdict;
  if (bundle.ruleset_id != ruleset.id || bundle.ruleset_version != ruleset.version) {
    c.issues.push_back(make_issue(Severity::warning, "eligibility.ruleset_differs", "/ruleset",
                                  "The bundle was checked with ruleset " + detail::quoted(bundle.ruleset_id) + " version " +
                                      std::to_string(bundle.ruleset_version) + "; this recheck uses " +
                                      detail::quoted(ruleset.id) + " version " + std::to_string(ruleset.version) + "."));
  }
  auto input = eligibility_input(bundle.dossier, bundle.reference_date);
  if (input) {
    c.recomputed = evaluate(*input, ruleset);
    c.agrees = canonicalize(to_json(*c.recomputed)) == canonicalize(c.claimed);
  } else {
    c.agrees = c.claimed.is_null();
    const Issue& first = input.issues().front();
    c.issues.push_back(make_issue(Severity::warning, "eligibility.no_verdict", first.path,
                                  "The answers allow no verdict on " + to_iso(bundle.reference_date) + ": " + first.message));
  }
  if (!c.agrees) {
    auto describe = [](const json& v) -> std::string {
      if (!v.is_object()) return "no verdict";
      const auto e = v.find("eligible");
      if (e == v.end() || !e->is_boolean()) return "an unreadable verdict";
      return e->get<bool>() ? "eligible" : "not eligible";
    };
    const json recomputed = c.recomputed ? to_json(*c.recomputed) : json(nullptr);
    std::string message = "The bundle claims " + describe(c.claimed) + "; its answers give " + describe(recomputed);
    message += describe(c.claimed) == describe(recomputed) ? ", with different details." : ".";
    c.issues.push_back(make_issue(Severity::warning, "eligibility.claim_differs", "/eligibility_at_export/result", message));
  }
  return c;
}

} // namespace core
