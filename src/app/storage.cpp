// Local keeping, item by item: writes tracked until confirmed, failures kept per item and retried.
#include "app/storage.hpp"

#include "app/app.hpp"
#include "app/keys.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <vector>

namespace app {

namespace {

constexpr const char* draft_item = "draft";
constexpr const char* candidate_erase_item = "candidate/erase";
constexpr const char* coach_erase_item = "coach/erase";

bool starts_with(const std::string& s, std::string_view prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

// The serial of a storage write, or null for any other effect.
std::uint32_t* serial_of(Effect& e) {
  return std::visit([](auto& x) -> std::uint32_t* {
    using T = std::decay_t<decltype(x)>;
    if constexpr (std::is_same_v<T, fx::StoreValue> || std::is_same_v<T, fx::SaveDraft> ||
                  std::is_same_v<T, fx::StoreAttachment> || std::is_same_v<T, fx::DeleteAttachment> ||
                  std::is_same_v<T, fx::ClearStorage> || std::is_same_v<T, fx::SaveCoachEntry> ||
                  std::is_same_v<T, fx::DeleteCoachEntry> || std::is_same_v<T, fx::StoreCoachFile> ||
                  std::is_same_v<T, fx::ClearCoachStorage>) {
      return &x.write;
    } else {
      return nullptr;
    }
  }, e);
}

// Erasing makes room: whatever failed may fit now.
bool erases(const Effect& e) {
  return std::holds_alternative<fx::DeleteAttachment>(e) || std::holds_alternative<fx::ClearStorage>(e) ||
         std::holds_alternative<fx::DeleteCoachEntry>(e) || std::holds_alternative<fx::ClearCoachStorage>(e);
}

void forget_items(Storage& st, std::string_view prefix) {
  for (auto it = st.writes.begin(); it != st.writes.end();) {
    if (starts_with(it->first, prefix)) it = st.writes.erase(it);
    else ++it;
  }
}

// A valid entry of the workspace with this digest that still holds attachment `id`'s bytes, or else any
// valid entry with this digest.
CoachEntry* holder(Workspace& w, const std::string& digest, const std::string& id) {
  CoachEntry* any = nullptr;
  for (auto& e : w.entries) {
    if (e->check != CoachEntry::Check::valid || e->bundle.digest != digest) continue;
    if (const core::Attachment* a = find_attachment(e->bundle.dossier, id); a && !a->bytes.empty()) return e.get();
    if (!any) any = e.get();
  }
  return any;
}

bool coach_erase_pending(const Storage& st) { return st.writes.count(coach_erase_item) > 0; }

// A coach file is in local storage: its bytes leave the heap (unless erasing the workspace is still to be
// confirmed: a retried erase would take it with it).
void coach_file_stored(AppState& s, const std::string& key) {
  if (coach_erase_pending(s.storage)) return;
  for (auto& e : s.workspace.entries) {
    if (e->check != CoachEntry::Check::valid) continue;
    bool all_stored = true;
    for (auto& p : e->bundle.dossier.pieces) {
      for (auto& f : p.files) {
        const std::string k = coach_file_key(e->bundle.digest, f.id);
        if (k == key) f.bytes = std::string();
        if (!f.bytes.empty()) all_stored = false;
      }
    }
    if (all_stored) e->bytes_stored = true;
  }
}

} // namespace

std::string write_item(const AppState& s, const Effect& e) {
  if (std::holds_alternative<fx::SaveDraft>(e)) return draft_item;
  if (const auto* x = std::get_if<fx::StoreAttachment>(&e)) return "attachment/" + x->attachment_id;
  if (const auto* x = std::get_if<fx::DeleteAttachment>(&e)) return "attachment/" + x->attachment_id;
  if (std::holds_alternative<fx::ClearStorage>(e)) return candidate_erase_item;
  if (const auto* x = std::get_if<fx::SaveCoachEntry>(&e)) return "coach/" + x->digest;
  if (const auto* x = std::get_if<fx::DeleteCoachEntry>(&e)) return "coach/" + x->digest;
  if (const auto* x = std::get_if<fx::StoreCoachFile>(&e)) {
    const CoachEntry* entry = find_entry(s.workspace, x->entry);
    return entry ? "coach_file/" + coach_file_key(entry->bundle.digest, x->attachment_id) : std::string();
  }
  if (std::holds_alternative<fx::ClearCoachStorage>(e)) return coach_erase_item;
  // Where the user was is not worth a warning (and changes with every scroll): not followed.
  if (const auto* x = std::get_if<fx::StoreValue>(&e)) return x->key == place_storage_key ? std::string() : "value/" + x->key;
  return {};
}

void track_writes(AppState& s, Effects& fx) {
  Storage& st = s.storage;
  for (Effect& e : fx) {
    std::uint32_t* serial = serial_of(e);
    if (!serial || *serial != 0) continue;  // not a write, or already tracked (and retried as such)
    const std::string item = write_item(s, e);
    if (item.empty()) continue;
    // What an erase takes away is no longer to be written.
    if (std::holds_alternative<fx::ClearStorage>(e)) {
      forget_items(st, draft_item);
      forget_items(st, "attachment/");
    } else if (std::holds_alternative<fx::ClearCoachStorage>(e)) {
      forget_items(st, "coach/");
      forget_items(st, "coach_file/");
    } else if (const auto* d = std::get_if<fx::DeleteCoachEntry>(&e)) {
      forget_items(st, "coach_file/" + d->digest + "/");
    }
    *serial = st.next_serial++;
    PendingWrite& w = st.writes[item];
    w.write = e;
    w.serial = *serial;
    w.in_flight = true;
    // Earlier failures of the item are kept (count and reason) until this attempt is answered.
  }
}

void write_reported(AppState& s, const cmd::StorageWritten& c) {
  Storage& st = s.storage;
  auto it = std::find_if(st.writes.begin(), st.writes.end(), [&](const auto& kv) { return kv.second.serial == c.serial; });
  if (it == st.writes.end() || !it->second.in_flight) return;  // superseded by a later write of its item
  PendingWrite& w = it->second;
  if (!c.ok) {
    w.in_flight = false;
    w.error = c.error.empty() ? "UnknownError" : c.error;
    ++w.failures;
    w.retry_at_ms = s.clock_ms + retry_delay_ms(w.failures);
    return;
  }
  const Effect done = std::move(w.write);
  const std::string item = it->first;
  st.writes.erase(it);
  if (std::holds_alternative<fx::SaveDraft>(done) && !c.when.empty()) {
    st.last_saved = c.when;
    st.draft_exists = true;
  }
  if (std::holds_alternative<fx::StoreCoachFile>(done)) coach_file_stored(s, item.substr(std::string("coach_file/").size()));
  if (std::holds_alternative<fx::ClearCoachStorage>(done)) {
    for (const auto& e : s.workspace.entries) {  // files confirmed meanwhile can leave the heap now
      if (e->check != CoachEntry::Check::valid) continue;
      for (const auto& p : e->bundle.dossier.pieces) {
        for (const auto& f : p.files) {
          const std::string key = coach_file_key(e->bundle.digest, f.id);
          if (!f.bytes.empty() && !st.writes.count("coach_file/" + key)) coach_file_stored(s, key);
        }
      }
    }
  }
  if (erases(done)) {
    for (auto& [k, other] : st.writes) {
      if (!other.in_flight) other.retry_at_ms = 0;
    }
  }
}

void retry_writes(AppState& s, Effects& fx, bool now) {
  Storage& st = s.storage;
  Effects again;
  std::vector<std::string> gone;
  for (auto& [item, w] : st.writes) {
    if (w.in_flight || (!now && s.clock_ms < w.retry_at_ms)) continue;
    Effect e = w.write;
    if (auto* f = std::get_if<fx::StoreCoachFile>(&e)) {
      // The bytes may now be held by a twin of the entry that asked (a duplicate bundle).
      const std::string digest = item.substr(std::string("coach_file/").size(), 64);
      CoachEntry* h = holder(s.workspace, digest, f->attachment_id);
      const core::Attachment* a = h ? find_attachment(h->bundle.dossier, f->attachment_id) : nullptr;
      if (!a || a->bytes.empty()) {
        gone.push_back(item);  // nothing left to write
        continue;
      }
      f->entry = h->id;
    }
    if (const auto* a = std::get_if<fx::StoreAttachment>(&e); a && !find_attachment(s.draft, a->attachment_id)) {
      gone.push_back(item);
      continue;
    }
    *serial_of(e) = 0;
    again.push_back(std::move(e));
    // A retried erase is followed by what was written since, which it would otherwise take away.
    if (std::holds_alternative<fx::ClearStorage>(w.write)) {
      again.push_back(fx::SaveDraft{core::answers_to_json(s.draft).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)});
      for (const auto& p : s.draft.pieces) {
        for (const auto& f : p.files) again.push_back(fx::StoreAttachment{f.id});
      }
    } else if (std::holds_alternative<fx::ClearCoachStorage>(w.write)) {
      for (const auto& entry : s.workspace.entries) {
        if (entry->check != CoachEntry::Check::valid) continue;
        bool first = true;  // duplicates share their twin's record key and files
        for (const auto& x : s.workspace.entries) {
          if (x.get() == entry.get()) break;
          if (x->check == CoachEntry::Check::valid && x->bundle.digest == entry->bundle.digest) first = false;
        }
        if (!first) continue;
        again.push_back(fx::SaveCoachEntry{entry->bundle.digest, entry_record(*entry)});
        for (const auto& p : entry->bundle.dossier.pieces) {
          for (const auto& f : p.files) {
            if (!f.bytes.empty()) again.push_back(fx::StoreCoachFile{entry->id, f.id});
          }
        }
      }
    }
  }
  for (const auto& item : gone) st.writes.erase(item);
  track_writes(s, again);
  fx.insert(fx.end(), std::make_move_iterator(again.begin()), std::make_move_iterator(again.end()));
}

double retry_delay_ms(int failures) noexcept {
  double d = 2000;
  for (int i = 1; i < failures && d < 60000; ++i) d *= 2;
  return std::min(d, 60000.0);
}

double next_retry_ms(const Storage& st) noexcept {
  double next = -1;
  for (const auto& [item, w] : st.writes) {
    if (w.in_flight) continue;
    if (next < 0 || w.retry_at_ms < next) next = w.retry_at_ms;
  }
  return next;
}

int writes_in_flight(const Storage& st) noexcept {
  int n = 0;
  for (const auto& [item, w] : st.writes) n += w.in_flight ? 1 : 0;
  return n;
}

int writes_failed(const Storage& st) noexcept {
  int n = 0;
  for (const auto& [item, w] : st.writes) n += w.failures > 0 ? 1 : 0;
  return n;
}

StorageProblems storage_problems(const AppState& s) {
  StorageProblems p;
  const Storage& st = s.storage;
  if (st.status == Storage::Status::failed) {
    p.unavailable = true;
    p.error = st.error;
  }
  for (const auto& [item, w] : st.writes) {
    if (w.failures == 0) continue;  // never failed: simply on its way
    if (p.error.empty()) p.error = w.error;
    if (item == draft_item) p.answers = true;
    else if (starts_with(item, "attachment/")) p.files += 1;
    else if (item == candidate_erase_item) p.erase = true;
    else if (item == coach_erase_item) p.coach_erase = true;
    else if (starts_with(item, "coach/")) p.coach_records += 1;
    else if (starts_with(item, "coach_file/")) p.coach_files += 1;
    else if (item == std::string("value/") + coach_profile_key) p.profile = true;
    else if (item == std::string("value/") + keys_storage_key) p.keys = true;
    else if (starts_with(item, "value/")) p.prefs = true;
  }
  return p;
}

const core::Attachment* coach_file_in_memory(const Workspace& w, const std::string& key) noexcept {
  for (const auto& e : w.entries) {
    if (e->check != CoachEntry::Check::valid) continue;
    for (const auto& p : e->bundle.dossier.pieces) {
      for (const auto& f : p.files) {
        if (!f.bytes.empty() && coach_file_key(e->bundle.digest, f.id) == key) return &f;
      }
    }
  }
  return nullptr;
}

} // namespace app
