// Sealing keys: the coach's identities (generated from the platform's random bytes, imported from
// identity files, kept in local storage, backed up) and the jury's recipients from config.js.
#include "app/keys.hpp"

#include "app/format.hpp"
#include "app/issue_text.hpp"
#include "core/documents/key_recovery.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace app {

namespace {

KeyEntry make_entry(std::string name, const core::AgeIdentity& identity, std::string created) {
  KeyEntry k;
  k.name = std::move(name);
  k.identity = identity;
  k.recipient = core::format_age_recipient(identity.recipient);
  k.fingerprint = core::age_fingerprint(identity.recipient);
  k.created = std::move(created);
  return k;
}

bool holds(const KeyRing& ring, const core::AgeIdentity& identity) {
  return std::any_of(ring.keys.begin(), ring.keys.end(),
                     [&](const KeyEntry& k) { return k.identity.recipient == identity.recipient; });
}

// One line of text: no control character (a name shows on one line and goes into a file's comment).
bool one_line(std::string_view text) {
  return std::none_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; });
}

bool blank(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t'; });
}

void store_keys(const AppState& s, Effects& fx) {
  fx.push_back(fx::StoreValue{keys_storage_key, keys_record(s.keys)});
}

// "# created: 2026-12-02T10:00:00Z" in an identity file, if it has one.
std::string created_in(std::string_view file) {
  constexpr std::string_view tag = "# created: ";
  const auto at = file.find(tag);
  if (at == std::string_view::npos) return {};
  std::string_view rest = file.substr(at + tag.size());
  rest = rest.substr(0, rest.find_first_of("\r\n"));
  return core::is_export_timestamp(rest) ? std::string(rest) : std::string();
}

std::string key_file_stem(const KeyEntry& k) {
  std::string fp = k.fingerprint;
  std::replace(fp.begin(), fp.end(), '-', '_');
  return "cle-certif-intra-" + fp;
}

} // namespace

std::string keys_record(const KeyRing& ring) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& k : ring.keys) {
    list.push_back({{"name", k.name}, {"identity", core::format_age_identity(k.identity)}, {"created", k.created},
                    {"backed_up", k.backed_up}});
  }
  return nlohmann::json{{"keys", std::move(list)}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void load_keys(KeyRing& ring, std::string_view stored) {
  const auto doc = nlohmann::json::parse(stored, nullptr, false);
  if (!doc.is_object()) return;
  const auto list = doc.find("keys");
  if (list == doc.end() || !list->is_array()) return;
  for (const auto& item : *list) {
    if (!item.is_object() || ring.keys.size() >= max_keys) continue;
    const auto id = item.find("identity");
    if (id == item.end() || !id->is_string()) continue;
    auto identity = core::parse_age_identity(id->get_ref<const std::string&>());
    if (!identity || holds(ring, *identity)) continue;
    auto text = [&](const char* member) {
      const auto it = item.find(member);
      return it != item.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    KeyEntry k = make_entry(text("name"), *identity, text("created"));
    const auto b = item.find("backed_up");
    k.backed_up = b != item.end() && b->is_boolean() && b->get<bool>();
    ring.keys.push_back(std::move(k));
  }
}

std::vector<core::AgeIdentity> identities(const KeyRing& ring) {
  std::vector<core::AgeIdentity> out;
  for (const auto& k : ring.keys) out.push_back(k.identity);
  return out;
}

SealConfig parse_seal_to(std::string_view json) {
  SealConfig out;
  const auto doc = nlohmann::json::parse(json, nullptr, false);
  if (doc.is_discarded() || doc.is_null()) return out;  // not configured
  if (!doc.is_array()) {
    out.problems.push_back({0, "not_list"});
    return out;
  }
  std::size_t n = 0;
  for (const auto& item : doc) {
    ++n;
    if (!item.is_object()) {
      out.problems.push_back({n, "not_object"});
      continue;
    }
    const auto name = item.find("name");
    const auto recipient = item.find("recipient");
    if (name == item.end() || !name->is_string() || blank(name->get_ref<const std::string&>()) ||
        !one_line(name->get_ref<const std::string&>()) || name->get_ref<const std::string&>().size() > max_key_name_bytes) {
      out.problems.push_back({n, "no_name"});
      continue;
    }
    if (recipient == item.end() || !recipient->is_string() || recipient->get_ref<const std::string&>().empty()) {
      out.problems.push_back({n, "no_recipient"});
      continue;
    }
    auto parsed = core::parse_age_recipient(recipient->get_ref<const std::string&>());
    if (!parsed) {
      out.problems.push_back({n, "bad_recipient"});
      continue;
    }
    if (std::any_of(out.recipients.begin(), out.recipients.end(), [&](const SealRecipient& r) { return r.recipient == *parsed; })) {
      out.problems.push_back({n, "duplicate"});
      continue;
    }
    SealRecipient r;
    r.name = name->get<std::string>();
    r.recipient = *parsed;
    r.text = core::format_age_recipient(r.recipient);
    r.fingerprint = core::age_fingerprint(r.recipient);
    out.recipients.push_back(std::move(r));
  }
  return out;
}

core::AgeSealOptions seal_options(const AppState& s) {
  core::AgeSealOptions o;
  if (effective_seal_mode(s) == SealMode::passphrase) {
    o.use_passphrase = true;
    o.passphrase = s.seal_passphrase;
    o.work_factor = s.seal_work_factor;
    return o;
  }
  for (const auto& r : s.site.seal.recipients) o.recipients.push_back(r.recipient);
  return o;
}

std::string route_text(std::uint64_t bytes, const Catalog& tr) {
  return tr.text(bytes < mail_limit_bytes ? "seal.route.mail" : "seal.route.transfer");
}

void import_identity_file(AppState& s, const std::string& name, std::string_view bytes, Effects& fx, const Catalog& tr) {
  KeyRing& ring = s.keys;
  ring.import_issues.clear();
  ring.imported.clear();
  ring.imported_count = 0;
  auto parsed = core::parse_age_identity_file(bytes);
  if (!parsed) {
    ring.import_issues = parsed.issues();
    fx.push_back(fx::Announce{tr.format("keys.import.refused", {{"name", name}})});
    return;
  }
  const std::string created = created_in(bytes);
  std::size_t added = 0;
  for (const auto& identity : *parsed) {
    if (holds(ring, identity) || ring.keys.size() >= max_keys) continue;
    KeyEntry k = make_entry(name, identity, created);
    k.backed_up = true;  // it came from a file the coach has
    ring.keys.push_back(std::move(k));
    ++added;
  }
  ring.imported = name;
  ring.imported_count = added;
  if (added) store_keys(s, fx);
  fx.push_back(fx::Announce{added ? tr.format("keys.import.done", {{"name", name}}) : tr.text("keys.import.known")});
}

void handle(AppState& s, const cmd::GenerateKey& c, Effects& fx) {
  if (s.keys.generating || blank(c.name) || !one_line(c.name) || c.name.size() > max_key_name_bytes ||
      s.keys.keys.size() >= max_keys) {
    return;
  }
  s.keys.generating = true;
  s.keys.pending_name = c.name;
  fx.push_back(fx::RandomBytes{"key", 32});
}

void handle(AppState& s, const cmd::RandomReady& c, Effects& fx) {
  const Catalog& tr = catalog_for(s.prefs.lang);
  if (c.purpose == "key") {
    if (!s.keys.generating) return;
    s.keys.generating = false;
    auto identity = core::age_identity_from_random(c.bytes);
    if (!identity) return;  // the platform gave fewer bytes than asked: nothing is made
    s.keys.keys.push_back(make_entry(std::exchange(s.keys.pending_name, {}), *identity, s.clock_utc));
    store_keys(s, fx);
    fx.push_back(fx::Announce{tr.format("keys.generated", {{"name", s.keys.keys.back().name}})});
  } else if (c.purpose == "seal") {
    if (!s.export_job || !s.export_job->sealed || s.export_job->sealer) return;
    // With a passphrase, scrypt runs here, once (about 1.5 s in a browser at age's work factor).
    auto sealer = core::AgeSealer::create(s.export_job->seal, c.bytes);
    core::age_wipe(s.export_job->seal.passphrase);
    if (!sealer) {
      s.export_job.reset();
      // Too few random bytes (the browser had none), or scrypt could not run (memory): said which.
      const core::Issue& why = sealer.error();
      fx.push_back(fx::Announce{why.code == core::age_bad_options ? tr.text("seal.export.failed")
                                                                   : tr.format("seal.export.failed_because", {{"why", issue_text(why, tr)}})});
      return;
    }
    s.export_job->sealer.emplace(std::move(sealer).value());
  }
}

void handle(AppState&, const cmd::PickIdentityFile&, Effects& fx) {
  fx.push_back(fx::PickFiles{keys_target, {}, true});
}

void handle(AppState& s, const cmd::RenameKey& c, Effects& fx) {
  if (c.index >= s.keys.keys.size() || blank(c.name) || !one_line(c.name) || c.name.size() > max_key_name_bytes) return;
  if (s.keys.keys[c.index].name == c.name) return;
  s.keys.keys[c.index].name = c.name;
  store_keys(s, fx);
}

void handle(AppState& s, const cmd::RemoveKey& c, Effects& fx) {
  if (c.index >= s.keys.keys.size()) return;
  const Catalog& tr = catalog_for(s.prefs.lang);
  const std::string name = s.keys.keys[c.index].name;
  s.keys.keys.erase(s.keys.keys.begin() + static_cast<std::ptrdiff_t>(c.index));
  store_keys(s, fx);
  fx.push_back(fx::Announce{tr.format("keys.removed", {{"name", name}})});
}

void handle(AppState& s, const cmd::DownloadIdentity& c, Effects& fx) {
  if (c.index >= s.keys.keys.size()) return;
  KeyEntry& k = s.keys.keys[c.index];
  std::string file = core::format_age_identity_file(k.identity, k.created);
  if (one_line(k.name)) file = "# certif-intra: " + k.name + "\n" + file;  // a comment: age and certif skip it
  fx.push_back(fx::Download{key_file_stem(k) + ".txt", "text/plain", std::move(file)});
  if (!k.backed_up) {
    k.backed_up = true;
    store_keys(s, fx);
  }
}

void handle(AppState& s, const cmd::DownloadRecoveryForm& c, Effects& fx) {
  if (c.index >= s.keys.keys.size()) return;
  KeyEntry& k = s.keys.keys[c.index];
  core::KeyRecoveryInputs in;
  in.name = k.name;
  in.created = k.created;
  in.lang = lang_code(s.prefs.lang);
  fx.push_back(fx::Download{"fiche-secours-" + key_file_stem(k) + ".html", "text/html", core::key_recovery_html(k.identity, in)});
  if (!k.backed_up) {
    k.backed_up = true;
    store_keys(s, fx);
  }
}

void handle(AppState& s, const cmd::KeysLoaded& c, Effects&) {
  load_keys(s.keys, c.json);
}

void handle(AppState& s, const cmd::SetSealExport& c, Effects&) {
  s.seal_mode = c.sealed ? SealMode::keys : SealMode::plain;
}

void handle(AppState& s, const cmd::SetSealMode& c, Effects&) {
  if (s.export_job) return;  // the export under way keeps the seal it started with
  s.seal_mode = c.mode;
}

void handle(AppState& s, const cmd::SetSealPassphrase& c, Effects&) {
  std::string& field = c.again ? s.seal_passphrase_again : s.seal_passphrase;
  core::age_wipe(field);
  field = c.text;
}

std::string passphrase_problem(const AppState& s) {
  return core::age_passphrase_problem(s.seal_passphrase, s.seal_passphrase_again);
}

} // namespace app
