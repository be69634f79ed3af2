// BundleVerifier: every attachment decoded, hashed and sniffed, and the integrity digest matched, a budget at a time.
#include "core/formats/bundle_detail.hpp"

#include <algorithm>
#include <limits>

namespace core {

using namespace bundle_detail;

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

} // namespace core
