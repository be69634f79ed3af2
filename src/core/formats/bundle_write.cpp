// Writing a bundle deterministically, in one call or a chunk at a time, from the dossier and its export inputs.
#include "core/formats/bundle_detail.hpp"

#include "core/codecs/json_reader.hpp"

#include <algorithm>
#include <limits>

namespace core {

using namespace bundle_detail;

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
  if (!in.lang.empty()) doc["lang"] = in.lang;
  if (in.carry_unknown_from != nullptr) carry_unknown_members(doc, *in.carry_unknown_from, "id", {"app", "integrity", "eligibility_at_export"});
  return doc;
}

std::string export_bundle(const Dossier& dossier, const ExportInputs& inputs) {
  return write_bundle(bundle_document(dossier, inputs), dossier);
}

} // namespace core
