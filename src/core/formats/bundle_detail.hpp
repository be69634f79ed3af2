// Internal to core/formats: what the bundle's files share — the canonical walk that reads and writes a
// whole bundle a budget at a time, the structure the reader leaves for the verifier, and small helpers.
// Only bundle_*.cpp include it; everything else uses core/formats/bundle.hpp.
#pragma once

#include "core/formats/bundle.hpp"

#include "core/codecs/base64.hpp"
#include "core/codecs/jcs.hpp"
#include "core/codecs/json_reader.hpp"
#include "core/codecs/json_strict.hpp"
#include "core/codecs/sha256.hpp"
#include "core/codecs/text.hpp"
#include "core/formats/sniff.hpp"
#include "core/codecs/utf8.hpp"
#include "core/version.hpp"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace core::bundle_detail {

using nlohmann::json;

// Data is decoded and hashed in pieces of this size: small enough to stay in cache between the base64
// decoder and the two hashes, large enough that the per-piece overhead does not show.
constexpr std::size_t k_piece = std::size_t{64} * 1024;

constexpr std::int64_t k_max_int32 = std::numeric_limits<std::int32_t>::max();

inline Issue make_issue(Severity severity, const char* code, std::string path, std::string message) {
  return Issue{severity, code, std::move(path), std::move(message)};
}

inline bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

// Sizes in messages (English, as every message of core): "12.3 MiB".
inline std::string describe_size(std::uint64_t bytes) { return format_size(bytes, size_units_for("en")); }

// ---- the canonical walk ------------------------------------------------------------------------------
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

// Cuts `piece` (a view into valid UTF-8) so that it ends on a character boundary, keeping at least one
// character.
std::size_t utf8_cut(std::string_view text, std::size_t from, std::size_t length) noexcept;

// ---- the structure the reader leaves for the verifier ------------------------------------------------

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

// A bundle's counts are whole numbers from 0 (1.5 and -3 are of the wrong type); texts and lists have the
// answers' limits (dossier.hpp), and the text budget covers every string but the attachments' data.
inline ReaderRules bundle_rules() { return ReaderRules("bundle", ReaderRules::Integers::count, answers_limits); }

// Everything but the attachments' contents and the digest, into `b` (its dossier without bytes).
// `stored`: the document as Bundle::document keeps it (no data, no integrity).
void read_bundle_structure(JsonReader& r, const json& doc, Bundle& b, Structure& out, bool stored);

bool find_code(const std::vector<Issue>& issues, std::string_view code);

} // namespace core::bundle_detail
