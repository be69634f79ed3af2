// Reading a bundle's structure as hostile input: header, references, verdict, integrity, answers, files.
#include "core/formats/bundle_detail.hpp"

#include <algorithm>
#include <limits>

namespace core {

using namespace bundle_detail;

namespace {

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

} // namespace

namespace bundle_detail {

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
  if (const std::string* l = root.string_of_form("lang", optional, is_language_tag, "a language tag such as \"fr\" or \"en\"")) {
    b.lang = *l;  // optional
  }
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

} // namespace bundle_detail

} // namespace core
