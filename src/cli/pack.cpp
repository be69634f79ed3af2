// `certif pack DIR -o FILE`: makes a dossier bundle from a folder laid out as `certif extract` writes it
// (answers.json, meta.json, files/), so that pack(extract(b)) gives back b byte for byte.
#include "cli/cli.hpp"
#include "cli/options.hpp"

#include "core/formats/bundle.hpp"
#include "core/codecs/file_name.hpp"
#include "core/codecs/json_strict.hpp"
#include "core/codecs/sha256.hpp"
#include "core/formats/sniff.hpp"
#include "core/version.hpp"

#include <filesystem>
#include <iostream>

namespace cli {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
constexpr std::string_view sub = "pack";

void print_usage(std::ostream& out) {
  out << "Usage: certif pack DIR -o FILE [--force] [--exported-at YYYY-MM-DDThh:mm:ssZ]\n\n"
         "Makes a dossier bundle from DIR, laid out as `certif extract` writes it:\n"
         "  answers.json   the answers; each file entry needs an \"id\" (size, sha256 and media_type are\n"
         "                 computed: the type from the file's content, as the web app does)\n"
         "  meta.json      optional: {\"bundle\": {members other than answers}, \"files\": {id: path}}\n"
         "  files/...      the attachments; an id missing from meta.json's \"files\" is looked for at\n"
         "                 files/<piece id>/<file name> (or under the name `certif extract` gives it)\n"
         "What meta.json's \"bundle\" gives is written as it is. What it lacks is this program's own:\n"
         "format and version, \"app\", the embedded referential and ruleset, \"exported_at\" (from\n"
         "--exported-at, else the current time), and \"eligibility_at_export\" (computed from the answers,\n"
         "on the day of exported_at). The result is verified before it is written.\n"
         "FILE may be - (standard output). An existing FILE is not replaced without --force.\n\n"
         "Exit status: 0 written; 1 the bundle would not be valid (nothing written); 2 bad arguments, an\n"
         "unreadable or malformed file in DIR, or FILE cannot be written.\n";
}

// A path from meta.json, kept inside DIR: relative, no "..", no empty or "." parts.
bool inside(const std::string& relative) {
  if (relative.empty()) return false;
  const fs::path p(relative);
  if (p.is_absolute() || p.has_root_name() || p.has_root_directory()) return false;
  for (const auto& part : p) {
    if (part == ".." || part == "." || part.empty()) return false;
  }
  return relative.find('\\') == std::string::npos;
}

std::optional<json> read_json(const fs::path& path, std::string& error) {
  auto text = read_input(path.string(), error);
  if (!text) return std::nullopt;
  auto parsed = core::parse_json_strict(*text);
  if (!parsed) {
    error = path.string() + ": " + parsed.error().message;
    return std::nullopt;
  }
  return std::move(parsed).value();
}

} // namespace

int run_pack(const Args& args) {
  const Options o = parse_options(args, {{{"-o"}, "a value"}, {{"--exported-at"}, "a value"}, {{"--force"}}});
  if (const auto stop = stop_early(sub, o, print_usage)) return *stop;
  const bool force = o.has("--force");
  std::optional<std::string> output, exported_at;
  if (const std::string* v = o.get("-o")) output = *v;
  if (const std::string* v = o.get("--exported-at")) exported_at = *v;
  const std::vector<std::string_view>& positional = o.positional;
  if (positional.size() != 1 || !output) {
    fail(sub, "expected DIR and -o FILE; see certif pack --help");
    return exit_usage;
  }
  if (exported_at && !core::is_export_timestamp(*exported_at)) {
    fail(sub, "--exported-at needs a UTC time written YYYY-MM-DDThh:mm:ssZ");
    return exit_usage;
  }
  const fs::path dir{std::string(positional[0])};
  std::string error;
  const core::Ruleset* ruleset = embedded_ruleset(error);
  const core::Referential* referential = embedded_referential(error);
  if (!ruleset || !referential) {
    fail(sub, error);
    return exit_usage;
  }

  auto answers = read_json(dir / "answers.json", error);
  if (!answers) {
    fail(sub, error);
    return exit_usage;
  }
  json meta = json::object();
  std::error_code ec;
  if (fs::exists(dir / "meta.json", ec)) {
    auto m = read_json(dir / "meta.json", error);
    if (!m) {
      fail(sub, error);
      return exit_usage;
    }
    meta = std::move(*m);
  }
  const auto bundle_it = meta.is_object() ? meta.find("bundle") : meta.end();
  const auto files_it = meta.is_object() ? meta.find("files") : meta.end();
  if (!meta.is_object() || (bundle_it != meta.end() && !bundle_it->is_object()) ||
      (files_it != meta.end() && !files_it->is_object())) {
    fail(sub, (dir / "meta.json").string() + ": expected {\"bundle\": {...}, \"files\": {...}}");
    return exit_usage;
  }
  json doc = bundle_it != meta.end() ? *bundle_it : json::object();
  for (const char* own : {"answers", "integrity"}) {
    if (doc.contains(own)) {
      fail(sub, (dir / "meta.json").string() + ": \"bundle\" must not hold \"" + own +
                    "\" (the answers come from answers.json; the integrity is computed)");
      return exit_usage;
    }
  }
  const json no_files = json::object();
  const json& file_map = files_it != meta.end() ? *files_it : no_files;

  // What meta.json does not say is this program's.
  if (!doc.contains("format")) doc["format"] = core::bundle_format;
  if (!doc.contains("format_version")) doc["format_version"] = core::bundle_format_version;
  if (!doc.contains("app")) doc["app"] = {{"name", core::app_name}, {"version", core::app_version}};
  if (!doc.contains("referential")) doc["referential"] = {{"id", referential->id}, {"version", referential->version}};
  if (!doc.contains("ruleset")) doc["ruleset"] = {{"id", ruleset->id}, {"version", ruleset->version}};
  if (exported_at) doc["exported_at"] = *exported_at;
  else if (!doc.contains("exported_at")) doc["exported_at"] = utc_now();

  // The attachments: every file entry's bytes, found by its id.
  std::vector<core::Issue> reading;
  core::Dossier dossier = core::answers_from_json(*answers, reading);
  json* pieces = answers->is_object() && answers->contains("pieces") ? &(*answers)["pieces"] : nullptr;
  // The file entry of answers.json for attachment k of piece i (nullptr when it is not an object).
  const auto file_entry = [&](std::size_t i, std::size_t k) -> json* {
    if (!pieces || !pieces->is_array() || i >= pieces->size() || !(*pieces)[i].is_object()) return nullptr;
    const auto entries = (*pieces)[i].find("files");
    if (entries == (*pieces)[i].end() || !entries->is_array() || k >= entries->size() || !(*entries)[k].is_object()) return nullptr;
    return &(*entries)[k];
  };
  for (std::size_t i = 0; i < dossier.pieces.size(); ++i) {
    core::Piece& p = dossier.pieces[i];
    for (std::size_t k = 0; k < p.files.size(); ++k) {
      core::Attachment& a = p.files[k];
      const std::string folder = "files/" + core::portable_file_name(p.id, "piece-" + std::to_string(i + 1)) + "/";
      std::string relative = folder + core::portable_file_name(a.name, "file-" + a.id);
      const std::string extracted = folder + core::disk_file_name(a.name, a.media_type, "file-" + a.id);
      if (!fs::exists(dir / fs::path(relative), ec) && fs::exists(dir / fs::path(extracted), ec)) relative = extracted;
      const auto mapped = file_map.find(a.id);
      if (mapped != file_map.end()) {
        if (!mapped->is_string() || !inside(mapped->get<std::string>())) {
          fail(sub, (dir / "meta.json").string() + ": files/" + a.id + " must be a relative path inside " + dir.string());
          return exit_usage;
        }
        relative = mapped->get<std::string>();
      }
      auto bytes = read_input((dir / fs::path(relative)).string(), error);
      if (!bytes) {
        fail(sub, error + " (the file of attachment \"" + a.id + "\", piece \"" + p.id + "\")");
        return exit_usage;
      }
      a.bytes = std::move(*bytes);
      // The type is the content's, never the name's or what answers.json says (as the web app decides).
      const core::Sniff sniff = core::sniff_media_type(a.bytes);
      if (!sniff.accepted) {
        fail(sub, relative + " (attachment \"" + a.id + "\", piece \"" + p.id + "\"): " + core::sniff_refusal_message(sniff) +
                      " Nothing written.");
        return exit_invalid;
      }
      if (a.media_type != sniff.media_type) {
        if (!a.media_type.empty()) {
          std::cerr << "certif pack: " << shown(relative) << ": its content is " << sniff.description << " (" << sniff.media_type
                    << "), not " << shown(a.media_type) << " as answers.json says: the content's type is used\n";
        }
        a.media_type = sniff.media_type;
        if (json* entry = file_entry(i, k)) (*entry)["media_type"] = sniff.media_type;
      }
      // Say so when answers.json described other bytes (the writer uses the file's).
      if (const json* e = file_entry(i, k)) {
        const auto size = e->find("size"), sha = e->find("sha256");
        const bool size_differs = size != e->end() && *size != a.bytes.size();
        const bool sha_differs = sha != e->end() && *sha != core::sha256_hex(a.bytes);
        if (size_differs || sha_differs) {
          std::cerr << "certif pack: answers.json /pieces/" << i << "/files/" << k << ": size and sha256 taken from "
                    << shown(relative) << " (they differ from what answers.json says)\n";
        }
      }
    }
  }
  doc["answers"] = std::move(*answers);

  if (!doc.contains("eligibility_at_export")) {
    const json& rs = doc["ruleset"];
    if (rs != json{{"id", ruleset->id}, {"version", ruleset->version}}) {
      fail(sub, "meta.json names the ruleset " + rs.dump() + " but gives no eligibility_at_export, and this program only "
                "computes with " + ruleset->id + " v" + std::to_string(ruleset->version));
      return exit_usage;
    }
    const json& at = doc["exported_at"];
    const auto day = at.is_string() ? core::parse_iso_date(at.get<std::string>().substr(0, 10)) : std::nullopt;
    if (!day) {
      fail(sub, "exported_at is not a time written YYYY-MM-DDThh:mm:ssZ: cannot date the verdict");
      return exit_usage;
    }
    json verdict = nullptr;
    if (auto input = core::eligibility_input(dossier, *day)) verdict = core::to_json(core::evaluate(*input, *ruleset));
    doc["eligibility_at_export"] = {{"reference_date", core::to_iso(*day)}, {"result", std::move(verdict)}};
  }

  const std::string bytes = core::write_bundle(doc, dossier);
  auto check = core::parse_bundle(bytes);
  if (!check) {
    fail(sub, "the bundle would not be valid; nothing written:");
    for (const auto& i : check.issues()) std::cerr << "  " << format_issue(i) << '\n';
    return exit_invalid;
  }
  for (const auto& i : check->issues) std::cerr << "certif pack: " << format_issue(i) << '\n';
  if (!write_file(*output, bytes, force, error)) {
    fail(sub, error);
    return exit_usage;
  }
  if (*output != "-") {
    std::cout << *output << ": " << bytes.size() << " bytes, integrity sha256-jcs " << check->digest << '\n';
  }
  return exit_ok;
}

} // namespace cli
