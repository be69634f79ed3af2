// The dossier bundle: the strict reader, the canonical walk that verifies or writes attachment data a
// chunk at a time, the writer, and the verdict recheck.
//
// [SECTION] index: helpers · canonical walk · reading the structure · BundleVerifier · writing ·
//                  the coach's checks
#include "core/bundle.hpp"

#include "core/base64.hpp"
#include "core/jcs.hpp"
#include "core/json_reader.hpp"
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

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

// "12.3 MiB" style sizes for messages.
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

// A bundle's counts are whole numbers from 0 (1.5 and -3 are of the wrong type); texts and lists have the
// answers' limits (dossier.hpp), and the text budget covers every string but the attachments' data.
ReaderRules bundle_rules() { return ReaderRules("bundle", ReaderRules::Integers::count, answers_limits); }

// One attachment's data, as the verifier finds and then decodes it.
struct VerifySlot {
  std::string path;        // the file entry's JSON Pointer
  std::string label;       // piece "mockup", file "screen.png" (for messages)
  json* entry = nullptr;   // the file entry in the document
  std::string* text = nullptr;  // its base64 "data", freed once decoded
  std::size_t piece = 0, file = 0;  // the attachment in the dossier...
  Attachment* target = nullptr;     // ...which receives the bytes (set once the dossier is read)
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

// What the structure leaves for the verifier: the attachments' data to walk, and the digest to match.
struct Structure {
  std::vector<VerifySlot> slots;
  std::optional<Sha256Digest> declared_digest;
};

bool is_attachment_id(std::string_view s) noexcept {
  return !s.empty() && s.size() <= 64 && std::all_of(s.begin(), s.end(), [](char c) {
    return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_' || c == '.';
  });
}

// The file entries' own checks (the answers reader has read their common members). `stored`: a document
// kept without data (bundle_from_document).
class FileChecks {
public:
  FileChecks(Structure& out, bool stored) : out_(out), stored_(stored) {}

  void operator()(JsonObject& entry, const Piece& piece, std::size_t piece_index, std::size_t file_index) {
    JsonReader& r = *entry.reader();
    const Attachment& a = piece.files[file_index];
    const json& e = *entry.value();
    auto is_string = [&](const char* name) { const auto it = e.find(name); return it != e.end() && it->is_string(); };
    const std::string label = "Piece " + detail::quoted(piece.id) + ", file " + detail::quoted(a.name);
    if (is_string("id")) {
      if (!is_attachment_id(a.id)) {
        r.error("value_invalid", entry.path("id"),
                label + ": the id " + detail::quoted(a.id) + " is not allowed; expected 1 to 64 letters, digits, '-', '_' or '.'.");
      } else if (!ids_.insert(a.id).second) {
        r.error("duplicate_id", entry.path("id"),
                label + ": the id " + detail::quoted(a.id) + " is already used by another file; expected each id once.");
      }
    }
    if (is_string("name")) {
      if (const char* problem = file_name_problem(a.name)) {
        r.error("name_invalid", entry.path("name"), label + ": " + problem + "; expected a plain file name.");
      }
    }
    if (is_string("media_type") && !is_accepted_media_type(a.media_type)) {
      r.error("media_type_not_accepted", entry.path("media_type"),
              label + ": the type " + detail::quoted(a.media_type) +
                  " is not accepted; expected PDF, PNG, JPEG, WebP, OpenDocument, Office (docx, xlsx, pptx) or CSV.");
    }
    const auto size = e.find("size");
    const std::optional<std::uint64_t> declared_size = size != e.end() ? json_count(*size) : std::nullopt;
    if (declared_size) {
      declared_total_ = std::min(declared_total_ + *declared_size, max_bundle_bytes * 1024);  // saturates
      if (*declared_size > max_file_bytes) {
        r.error("file_too_large", entry.path("size"), label + " is " + describe_size(*declared_size) + "; the limit is 50 MiB per file.");
      }
    }
    std::optional<Sha256Digest> declared_sha;
    if (is_string("sha256")) {
      declared_sha = sha256_from_hex(a.sha256);
      if (!declared_sha) {
        r.error("value_invalid", entry.path("sha256"),
                label + ": " + detail::quoted(a.sha256) + " is not a SHA-256; expected 64 lowercase hexadecimal digits.");
      }
    }
    const json* data = entry.get("data", stored_ ? optional : required);
    if (data == nullptr || stored_) return;
    if (!data->is_string()) {
      r.error("type_mismatch", entry.path("data"), detail::found(*data, "a string (the file's bytes in base64)"));
      return;
    }
    VerifySlot s;
    s.path = entry.path();
    s.label = label;
    // The reader sees the document as const; the verifier owns it and frees each data string once decoded.
    s.entry = const_cast<json*>(&e);
    s.text = const_cast<json*>(data)->get_ptr<std::string*>();
    s.text_size = s.text->size();
    s.piece = piece_index;
    s.file = file_index;
    s.declared_size = declared_size;
    s.declared_sha = declared_sha;
    out_.slots.push_back(std::move(s));
  }

  std::uint64_t declared_total() const noexcept { return declared_total_; }

private:
  Structure& out_;
  bool stored_;
  std::unordered_set<std::string> ids_;
  std::uint64_t declared_total_ = 0;  // sizes as the file entries declare them
};

// {"id": string, "version": integer from 1}
void read_reference(JsonObject& root, const char* name, std::string& id, std::int32_t& version) {
  JsonObject o = root.object(name);
  if (const std::string* v = o.string("id")) id = *v;
  if (auto v = o.integer("version", 1, k_max_int32)) version = static_cast<std::int32_t>(*v);
}

void read_verdict(JsonObject& root, Bundle& b) {
  JsonObject at_export = root.object("eligibility_at_export");
  if (!at_export) return;
  const auto reference = at_export.date("reference_date");
  if (reference) b.reference_date = *reference;
  const auto claimed = at_export.value()->find("result");
  if (claimed != at_export.value()->end() && (claimed->is_null() || claimed->is_object())) b.claimed_verdict = *claimed;
  JsonObject r = at_export.object("result", or_null);
  if (!r) return;
  JsonReader& reader = *r.reader();
  r.boolean("eligible");
  if (const std::string* id = r.string("ruleset"); id && !b.ruleset_id.empty() && *id != b.ruleset_id) {
    reader.error("verdict_inconsistent", r.path("ruleset"),
                 "The verdict names the ruleset " + detail::quoted(*id) + " but the bundle's ruleset is " +
                     detail::quoted(b.ruleset_id) + "; expected the same.");
  }
  if (const auto day = r.date("reference_date"); day && reference && *day != *reference) {
    reader.error("verdict_inconsistent", r.path("reference_date"),
                 "The verdict is about " + to_iso(*day) + " but eligibility_at_export.reference_date says " +
                     to_iso(*reference) + "; expected the same day.");
  }
  JsonObject criteria = r.object("criteria");
  constexpr std::int64_t any_count = std::int64_t{1} << 53;
  if (JsonObject d = criteria.object("duration")) {
    d.boolean("met");
    d.integer("full_time_days", 0, any_count);
    d.integer("part_time_days", 0, any_count);
    d.number("equivalent_days");
    d.integer("required_days", 0, any_count);
    d.date("met_on", or_null);
  }
  if (JsonObject ph = criteria.object("phases")) {
    ph.boolean("met");
    ph.boolean("investigation");
    ph.boolean("construction");
  }
  if (JsonObject rc = criteria.object("recency")) {
    rc.boolean("met");
    rc.boolean("current");
    rc.date("last_end", or_null);
    rc.date("apply_before", or_null);
  }
}

void read_integrity(JsonObject& root, Structure& out) {
  JsonObject integrity = root.object("integrity");
  if (!integrity) return;
  // Strict: whatever sits in "integrity" is outside the digest, so nothing unknown may hide there.
  integrity.refuse_unknown("value_invalid",
                           "Unknown member in \"integrity\", which the digest does not cover; expected only algorithm and digest.");
  JsonReader& r = *integrity.reader();
  if (const std::string* a = integrity.string("algorithm"); a && *a != bundle_integrity_algorithm) {
    r.error("value_invalid", integrity.path("algorithm"),
            "The integrity algorithm " + detail::quoted(*a) + " is unknown; expected \"sha256-jcs\".");
  }
  if (const std::string* d = integrity.string("digest")) {
    out.declared_digest = sha256_from_hex(*d);
    if (!out.declared_digest) {
      r.error("value_invalid", integrity.path("digest"),
              detail::quoted(*d) + " is not a SHA-256; expected 64 lowercase hexadecimal digits.");
    }
  }
}

// Everything but the attachments' contents and the digest, into `b` (its dossier without bytes).
// `stored`: the document as Bundle::document keeps it (no data, no integrity).
void read_bundle_structure(JsonReader& r, const json& doc, Bundle& b, Structure& out, bool stored) {
  const auto version = read_format_header(
      r, doc, FormatHeader{bundle_format, "a certif-intra dossier bundle", "not_a_dossier", bundle_format_version});
  if (!version) return;
  b.format_version = *version;
  JsonObject root(r, &doc, "");
  root.get("format");          // both checked above
  root.get("format_version");
  if (JsonObject app = root.object("app")) {
    b.app_name = app.string_or_empty("name");
    b.app_version = app.string_or_empty("version");
  }
  if (const std::string* t = root.string_of_form("exported_at", required, is_export_timestamp,
                                               "an export time written YYYY-MM-DDThh:mm:ssZ (UTC)")) {
    b.exported_at = *t;
  }
  read_reference(root, "referential", b.referential_id, b.referential_version);
  read_reference(root, "ruleset", b.ruleset_id, b.ruleset_version);
  if (root.has("programme")) read_reference(root, "programme", b.programme_id, b.programme_version);  // optional
  read_verdict(root, b);
  if (stored) root.get("integrity", optional);
  else read_integrity(root, out);
  FileChecks files(out, stored);
  if (JsonObject answers = root.object("answers")) {
    AnswersReading how;
    how.strict = true;
    how.file = std::ref(files);
    b.dossier = read_answers(answers, how);
  }
  if (files.declared_total() > max_dossier_bytes) {
    r.error("dossier_too_large", "/answers/pieces",
            "The files add up to " + describe_size(files.declared_total()) + "; the limit is 150 MiB per dossier.");
  }
  for (VerifySlot& s : out.slots) s.target = &b.dossier.pieces[s.piece].files[s.file];
}

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
  JsonReader r(bundle_rules(), issues);
  Structure structure;
  read_bundle_structure(r, doc, bundle, structure, false);
  if (has_errors(issues)) return;  // refused: nothing to walk
  slots = std::move(structure.slots);
  declared_digest = structure.declared_digest;

  // The walk goes member by member down to each attachment's data; the rest is canonicalized whole:
  // through the root, the answers, the pieces, and each piece and files array that holds a slot.
  descend_into.insert(&doc);
  json& answers = doc["answers"];
  json& pieces = answers["pieces"];
  descend_into.insert(&answers);
  descend_into.insert(&pieces);
  for (std::size_t i = 0; i < slots.size(); ++i) {
    VerifySlot& s = slots[i];
    slot_of_entry[s.entry] = static_cast<std::int32_t>(i);
    descend_into.insert(s.entry);
    s.target->bytes.clear();
  }
  for (json& piece : pieces) {
    json& files = piece["files"];
    for (json& entry : files) {
      if (slot_of_entry.count(&entry)) {
        descend_into.insert(&piece);
        descend_into.insert(&files);
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

Result<Bundle> bundle_from_document(json document, std::string digest) noexcept {
  std::vector<Issue> issues;
  JsonReader r(bundle_rules(), issues);
  Bundle b;
  Structure none;
  read_bundle_structure(r, document, b, none, true);
  if (!sha256_from_hex(digest)) {
    r.error("value_invalid", "/integrity/digest",
            detail::quoted(digest) + " is not a SHA-256; expected 64 lowercase hexadecimal digits.");
  }
  if (has_errors(issues)) return issues;
  b.digest = std::move(digest);
  b.document = std::move(document);
  b.issues = std::move(issues);
  return b;
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
  if (!in.programme_id.empty()) doc["programme"] = {{"id", in.programme_id}, {"version", in.programme_version}};
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
