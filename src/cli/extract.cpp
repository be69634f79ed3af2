// `certif extract FILE DIR [--force]`: unpacks a verified bundle into a folder that `certif pack` turns back
// into the same bytes — answers.json, meta.json, and files/<piece>/<name>, each name inert (the detected
// type's extension: core/file_name) and unique as case- and normalisation-insensitive systems see it.
#include "cli/cli.hpp"
#include "cli/options.hpp"

#include "core/formats/bundle.hpp"
#include "core/codecs/file_name.hpp"
#include "core/codecs/unicode.hpp"

#include <filesystem>
#include <iostream>
#include <set>

namespace cli {

namespace {

namespace fs = std::filesystem;
constexpr std::string_view sub = "extract";

void print_usage(std::ostream& out) {
  out << "Usage: certif extract FILE DIR [--force]\n\n"
         "Verifies a dossier bundle, then writes into DIR (created if needed):\n"
         "  answers.json            the answers (attachments described, without their data)\n"
         "  meta.json               {\"bundle\": the bundle's other members (export time, versions, verdict,\n"
         "                           unknown members), \"files\": {attachment id: path of its file in DIR}}\n"
         "  files/<piece>/<name>    each attachment, under a name made safe for any file system: it ends\n"
         "                          with the extension of the type its content was found to be (a PDF\n"
         "                          named \"x.html\" is written \"x.html.pdf\"), without bidirectional or\n"
         "                          invisible characters, never a Windows device name, and unique even\n"
         "                          where \"Été.pdf\" and \"été.pdf\" are one file (macOS, Windows)\n"
         "`certif pack DIR -o FILE` turns the folder back into the same bundle, byte for byte.\n"
         "Every target is checked before anything is written: existing files are not replaced without\n"
         "--force, and even then only regular files with no other hard link; nothing is written through a\n"
         "symbolic link or outside DIR. When one target is refused, nothing is written.\n\n"
         "Exit status: 0 extracted; 1 the bundle is not valid (nothing written); 2 bad arguments, an\n"
         "unreadable file, or a file that cannot be written.\n";
}

// `name`, or "name (2).ext", "name (3).ext"... whichever is not yet in `taken`, names compared as
// case-insensitive, normalisation-insensitive file systems compare them (core::caseless_key).
std::string unique_name(const std::string& name, std::set<std::string>& taken) {
  std::string candidate = name;
  const auto dot = name.rfind('.');
  const std::string stem = dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
  const std::string ext = dot == std::string::npos || dot == 0 ? std::string() : name.substr(dot);
  for (int n = 2; !taken.insert(core::caseless_key(candidate)).second; ++n) candidate = stem + " (" + std::to_string(n) + ")" + ext;
  return candidate;
}

struct Output {
  std::string relative;  // inside DIR, '/'-separated
  std::string_view bytes;
  std::string owned;
};

} // namespace

int run_extract(const Args& args) {
  const Options opts = parse_options(args, {{{"--force"}}});
  if (opts.help) {
    print_usage(std::cout);
    return exit_ok;
  }
  if (!opts.error.empty()) return usage_error(sub, opts.error);
  const bool force = opts.has("--force");
  const std::vector<std::string_view>& positional = opts.positional;
  if (positional.size() != 2) {
    fail(sub, "expected FILE and DIR; see certif extract --help");
    return exit_usage;
  }
  const std::string_view file = positional[0];
  const fs::path dir{std::string(positional[1])};

  std::string error;
  auto text = read_bundle_file(file);
  if (!text && text.error().code == "file.unreadable") {
    fail(sub, text.error().message);
    return exit_usage;
  }
  auto parsed = text ? core::parse_bundle(*text) : core::Result<core::Bundle>(text.issues());
  text = std::string();
  if (!parsed) {
    fail(sub, std::string(file == "-" ? "standard input" : file) + " is not a valid bundle; nothing written:");
    for (const auto& i : parsed.issues()) std::cerr << "  " << format_issue(i) << '\n';
    return exit_invalid;
  }
  const core::Bundle& b = *parsed;

  // Where each attachment goes: files/<piece>/<name>, both made safe and unique.
  std::vector<Output> outputs;
  nlohmann::json file_map = nlohmann::json::object();
  std::set<std::string> folders;
  for (std::size_t i = 0; i < b.dossier.pieces.size(); ++i) {
    const core::Piece& p = b.dossier.pieces[i];
    if (p.files.empty()) continue;
    const std::string folder = unique_name(core::portable_file_name(p.id, "piece-" + std::to_string(i + 1)), folders);
    std::set<std::string> names;
    for (const core::Attachment& a : p.files) {
      // The bundle verified each file's content is of its declared type: that type names the extension.
      const std::string name = unique_name(core::disk_file_name(a.name, a.media_type, "file-" + a.id), names);
      Output o;
      o.relative = "files/" + folder + "/" + name;
      o.bytes = a.bytes;
      file_map[a.id] = o.relative;
      outputs.push_back(std::move(o));
    }
  }
  nlohmann::json meta_bundle = b.document;
  meta_bundle.erase("answers");
  const nlohmann::json meta = {{"bundle", std::move(meta_bundle)}, {"files", std::move(file_map)}};
  const auto dump = [](const nlohmann::json& j) {
    return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  };
  Output answers;
  answers.relative = "answers.json";
  answers.owned = dump(b.document["answers"]);
  Output meta_out;
  meta_out.relative = "meta.json";
  meta_out.owned = dump(meta);
  outputs.insert(outputs.begin(), {std::move(answers), std::move(meta_out)});
  for (Output& o : outputs) {
    if (!o.owned.empty()) o.bytes = o.owned;
  }

  // Refuse before writing anything: any symbolic link on the way inside DIR (it could lead outside), a
  // part of a path that is not a folder, and every target write_file would refuse (existing without
  // --force; with it, anything but a regular file of its own: a FIFO, a device, a hard link).
  std::error_code ec;
  for (const Output& o : outputs) {
    fs::path at = dir;
    fs::path rel(o.relative);
    for (auto part = rel.begin(); part != rel.end(); ++part) {
      at /= *part;
      const auto st = fs::symlink_status(at, ec);
      if (fs::is_symlink(st)) {
        fail(sub, at.string() + " is a symbolic link; nothing written");
        return exit_usage;
      }
      const bool last = std::next(part) == rel.end();
      if (last) {
        if (auto why = cannot_write(at.string(), force)) {
          fail(sub, *why + "; nothing written");
          return exit_usage;
        }
      } else if (fs::exists(st) && !fs::is_directory(st)) {
        fail(sub, at.string() + " exists and is not a folder; nothing written");
        return exit_usage;
      }
    }
  }
  for (const Output& o : outputs) {
    const fs::path target = dir / fs::path(o.relative);
    fs::create_directories(target.parent_path(), ec);
    if (ec) {
      fail(sub, "cannot create " + target.parent_path().string() + ": " + ec.message());
      return exit_usage;
    }
    if (!write_file(target.string(), o.bytes, force, error)) {
      fail(sub, error);
      return exit_usage;
    }
    std::cout << shown(target.string()) << '\n';
  }
  return exit_ok;
}

} // namespace cli
