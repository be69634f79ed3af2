// Referential files: parsing and consistency checks.
#include "core/model/referential.hpp"

#include "core/codecs/json_reader.hpp"
#include "core/codecs/json_strict.hpp"
#include "core/model/data_reader.hpp"

#include <nlohmann/json.hpp>

#include <set>

namespace core {

const AutonomyLevel* Referential::level(std::string_view level_id) const noexcept { return find_by_id(levels, level_id); }

const Competency* Referential::competency(std::string_view competency_id) const noexcept {
  return find_by_id(competencies, competency_id);
}

const PieceSpec* Referential::piece(std::string_view piece_id) const noexcept { return find_by_id(pieces, piece_id); }

std::string read_nonempty(JsonObject& o, const char* name) {
  const std::string* s = o.string(name, required, 0, true);
  return s ? *s : std::string();
}

LocalizedText read_localized(JsonObject& o, const char* name) {
  LocalizedText t;
  JsonObject v = o.object(name, required, "an object {\"fr\", \"en\"}");
  t.fr = read_nonempty(v, "fr");
  t.en = v.string_or_empty("en", optional);
  return t;
}

namespace {

using nlohmann::json;

// The referential is the app's own data; unknown members (sources, notes) are ignored.
ReaderRules referential_rules() {
  ReaderRules rules("referential", ReaderRules::Integers::integer, ReaderLimits{20000, 1000, 4ull << 20});
  rules.report_unknown = false;
  return rules;
}

constexpr std::int64_t max_small = 1000000;

// A non-empty list of objects, each read by `read` (which may report at the element's paths).
template <typename Read>
void each(JsonObject& doc, const char* name, const char* element, Read read) {
  JsonArray list = doc.array(name);
  if (list && list.size() == 0) doc.reader()->error("value_invalid", list.path(), "The list is empty; expected at least one item.");
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (JsonObject o = list.object(i, element)) read(o);
  }
}

void unique(JsonObject& o, const std::string& id, std::set<std::string>& ids, const char* noun) {
  if (!id.empty() && !ids.insert(id).second) {
    o.reader()->error("duplicate_id", o.path("id"), std::string(noun) + " id \"" + id + "\" appears twice");
  }
}

} // namespace

Result<Referential> parse_referential(std::string_view json_text) noexcept {
  auto parsed = parse_json_strict(json_text);
  if (!parsed) return parsed.issues();
  std::vector<Issue> issues;
  JsonReader r(referential_rules(), issues);
  Referential ref;
  JsonObject doc = r.root(*parsed, "a referential, a JSON object");
  if (!doc) return issues;
  ref.id = read_nonempty(doc, "id");
  ref.version = static_cast<std::int32_t>(doc.integer("version", 0, max_small).value_or(0));
  ref.rs_reference = read_nonempty(doc, "rs_reference");
  ref.title = read_localized(doc, "title");
  ref.certifier = read_nonempty(doc, "certifier");
  ref.official_page = doc.string_or_empty("official_page", optional);

  std::set<std::string> level_ids, competency_ids, piece_ids;
  each(doc, "autonomy_levels", "a level, an object", [&](JsonObject& l) {
    AutonomyLevel lv{read_nonempty(l, "id"), static_cast<std::int32_t>(l.integer("rank", 0, max_small).value_or(0)), read_localized(l, "label")};
    unique(l, lv.id, level_ids, "level");
    ref.levels.push_back(std::move(lv));
  });
  each(doc, "competencies", "a competency, an object", [&](JsonObject& c) {
    Competency comp{read_nonempty(c, "id"), read_localized(c, "title"), read_nonempty(c, "expected_level"), read_localized(c, "expected")};
    unique(c, comp.id, competency_ids, "competency");
    if (comp.expected_level == expected_level_set_by_host) {
      comp.expected_level.clear();
      comp.expected_set_by_host = true;
    } else if (!comp.expected_level.empty() && !ref.level(comp.expected_level)) {
      c.reader()->error("unknown_level", c.path("expected_level"),
                        "expected level \"" + comp.expected_level + "\" is not one of autonomy_levels (nor \"set_by_host\")");
    }
    ref.competencies.push_back(std::move(comp));
  });
  each(doc, "pieces", "a piece, an object", [&](JsonObject& p) {
    PieceSpec spec{read_nonempty(p, "id"), read_nonempty(p, "accepts"), false, read_localized(p, "title"), read_localized(p, "hint")};
    spec.multiple = p.boolean("multiple", optional).value_or(false);
    unique(p, spec.id, piece_ids, "piece");
    if (!spec.accepts.empty() && !spec.takes_link() && !spec.takes_files()) {
      p.reader()->error("value_invalid", p.path("accepts"), "\"accepts\" must be \"link\", \"file\" or \"file_or_link\"");
    }
    ref.pieces.push_back(std::move(spec));
  });
  doc.finish();
  if (has_errors(issues)) return issues;
  return ref;
}

} // namespace core
