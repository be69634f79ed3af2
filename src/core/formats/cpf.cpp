// The CPF declaration: settings and identity data, every value checked as the XSD restricts it, the XML flux.
//
// [SECTION] helpers  [SECTION] JSON  [SECTION] checking  [SECTION] writing
#include "core/formats/cpf.hpp"

#include "core/formats/evaluation.hpp"

#include "core/codecs/json_reader.hpp"
#include "core/codecs/sha256.hpp"
#include "core/model/names.hpp"
#include "core/codecs/utf8.hpp"

#include <algorithm>
#include <map>
#include <utility>

namespace core {

using nlohmann::json;

const char* to_string(CpfXsdVersion v) noexcept { return v == CpfXsdVersion::v1_1_5 ? "1.1.5" : "1.1.2"; }

std::string cpf_id_technique(const CpfSettings& s, std::string_view email) {
  return "certif-intra-" +
         sha256_hex("certif-intra/cpf|" + s.certification_type + "|" + s.certification_code + "|" + normalize_email(email)).substr(0, 32);
}

// ---- [SECTION] helpers -----------------------------------------------------------------------------------

namespace {

// The XSD's enumerations (facts of XSD 1.1.2).
const char* const modalites_acces[] = {"FORMATION_INITIALE_HORS_APPRENTISSAGE", "FORMATION_INITIALE_APPRENTISSAGE",
                                        "FORMATION_CONTINUE_HORS_CONTRAT_DE_PROFESSIONNALISATION",
                                        "FORMATION_CONTINUE_CONTRAT_DE_PROFESSIONNALISATION", "VAE", "EQUIVALENCE_DIPLOME_ETRANGER",
                                        "CANDIDAT_LIBRE"};

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
bool all_digits(std::string_view s) noexcept { return !s.empty() && std::all_of(s.begin(), s.end(), is_digit); }

struct Checker {
  std::vector<Issue>& issues;

  void add(Severity severity, const char* code, const std::string& path, const std::string& who, const std::string& message) {
    issues.push_back(Issue{severity, code, path, (who.empty() ? std::string() : who + ": ") + message});
  }

  // A text value for the element `element` (1..max characters), reporting what the flux cannot carry.
  // Returns whether it may be written.
  bool text(const std::string& path, const std::string& who, const char* element, const std::string& value, std::size_t min,
            std::size_t max) {
    if (value.empty()) {
      if (min > 0) add(Severity::error, "cpf.missing", path, who, std::string(element) + " is required and empty.");
      return min == 0;
    }
    if (const auto bad = first_invalid_utf8(value)) {
      add(Severity::error, "cpf.invalid_utf8", path, who,
          std::string(element) + ": the text is not valid UTF-8 (byte " + std::to_string(*bad + 1) + ").");
      return false;
    }
    std::size_t position = 0;
    for (std::size_t i = 0; i < value.size(); ++position) {
      const Utf8Char c = decode_utf8(value, i);
      const char32_t cp = c.code_point;
      if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) {
        add(Severity::error, "cpf.control_character", path, who,
            std::string(element) + ": character " + std::to_string(position + 1) + " is a control character (U+" + hex4(cp) +
                ", a tab, a line break or an invisible code); it cannot be declared — correct the text.");
        return false;
      }
      if (cp == 0xFFFE || cp == 0xFFFF) {
        add(Severity::error, "cpf.xml_character", path, who,
            std::string(element) + ": character " + std::to_string(position + 1) + " (U+" + hex4(cp) + ") is not allowed in XML 1.0.");
        return false;
      }
      i += c.length;
    }
    if (value.front() == ' ' || value.back() == ' ') {
      add(Severity::error, "cpf.whitespace", path, who, std::string(element) + " starts or ends with a space: \"" + value + "\".");
      return false;
    }
    const std::size_t n = count_characters(value);  // code points, as XSD counts them
    if (n < min || n > max) {
      add(Severity::error, "cpf.length", path, who,
          std::string(element) + " has " + std::to_string(n) + (n < 2 ? " character" : " characters") + "; the XSD allows " +
              (min == max ? std::to_string(min) : std::to_string(min) + " to " + std::to_string(max)) + ".");
      return false;
    }
    return true;
  }

  static std::string hex4(char32_t cp) {
    static const char* digits = "0123456789ABCDEF";
    std::string s;
    for (int shift = 12; shift >= 0; shift -= 4) s += digits[(cp >> shift) & 0xFu];
    return s;
  }
};

// The XSD's date pattern: (19|20)YY-MM-DD.
bool is_xsd_date(const Date& d) noexcept { return is_valid(d) && d.year >= 1900 && d.year <= 2099; }

// NIR: 13 characters ([12], 4 digits, the département — digits or 2A/2B —, 6 digits), or 15 with the
// control key (97 − the number modulo 97, 2A and 2B counted as 19 and 18).
bool nir_valid(std::string_view nir) {
  if (nir.size() != 13 && nir.size() != 15) return false;
  if (nir[0] != '1' && nir[0] != '2') return false;
  for (std::size_t i = 1; i < 13; ++i) {
    if (i == 5 || i == 6) continue;
    if (!is_digit(nir[i])) return false;
  }
  const bool corsica = nir[5] == '2' && (nir[6] == 'A' || nir[6] == 'B');
  if (!corsica && !(is_digit(nir[5]) && is_digit(nir[6]))) return false;
  if (nir.size() == 13) return true;
  if (!is_digit(nir[13]) || !is_digit(nir[14])) return false;
  std::string digits(nir.substr(0, 13));
  if (corsica) digits.replace(5, 2, nir[6] == 'A' ? "19" : "18");
  std::uint32_t rest = 0;
  for (const char c : digits) rest = (rest * 10 + static_cast<std::uint32_t>(c - '0')) % 97;
  const std::uint32_t key = static_cast<std::uint32_t>((nir[13] - '0') * 10 + (nir[14] - '0'));
  return key == 97 - rest;
}

} // namespace

// ---- [SECTION] JSON ---------------------------------------------------------------------------------------
// Both files are read with the strict-reader kit (core/codecs/json_reader.hpp): codes "cpf.<what>"
// (type_mismatch, member_missing, value_invalid, too_long...), and unknown members refused
// (cpf.member_unknown): a misspelt name would otherwise be silently unused.

namespace {

ReaderRules cpf_rules() { return ReaderRules("cpf", ReaderRules::Integers::integer, ReaderLimits{2000, 100, 1024 * 1024}); }

void read_text(JsonObject& o, const char* name, std::string& out) {
  if (const std::string* v = o.string(name, optional | or_null)) out = *v;
}

// The members that are texts, each with the field it fills.
template <typename T>
using TextMember = std::pair<const char*, std::string T::*>;
const TextMember<CpfSettings> settings_texts[] = {
    {"emetteur_id_client", &CpfSettings::emetteur_id_client}, {"certificateur_id_client", &CpfSettings::certificateur_id_client},
    {"id_contrat", &CpfSettings::id_contrat},                 {"certification_type", &CpfSettings::certification_type},
    {"certification_code", &CpfSettings::certification_code}, {"nature_deposant", &CpfSettings::nature_deposant},
    {"modalite_acces", &CpfSettings::modalite_acces},
};
const TextMember<CpfIdentity> identity_texts[] = {
    {"birth_name", &CpfIdentity::birth_name},
    {"usage_name", &CpfIdentity::usage_name},
    {"sex", &CpfIdentity::sex},
    {"birth_insee_code", &CpfIdentity::birth_insee_code},
    {"birth_postal_code", &CpfIdentity::birth_postal_code},
    {"birth_place_name", &CpfIdentity::birth_place_name},
    {"birth_country_code", &CpfIdentity::birth_country_code},
    {"birth_country_name", &CpfIdentity::birth_country_name},
    {"nir", &CpfIdentity::nir},
};

std::optional<CpfXsdVersion> parse_xsd_version(std::string_view v) {
  if (v == "1.1.2") return CpfXsdVersion::v1_1_2;
  if (v == "1.1.5") return CpfXsdVersion::v1_1_5;
  return std::nullopt;
}

} // namespace

Result<CpfSettings> cpf_settings_from_json(const json& j) {
  std::vector<Issue> issues;
  JsonReader r(cpf_rules(), issues);
  CpfSettings s;
  {
    JsonObject o = r.root(j, "the CPF settings, an object (see cpf.md)");
    o.refuse_unknown("member_unknown", "Unknown setting (see cpf.md): a misspelt name would be silently unused.");
    if (auto v = o.choice("xsd_version", optional | or_null, parse_xsd_version, "an XSD version", "\"1.1.2\" or \"1.1.5\"")) s.xsd = *v;
    for (const auto& [name, member] : settings_texts) read_text(o, name, s.*member);
    if (auto v = o.boolean("identity_verified", optional)) s.identity_verified = *v;
    if (auto v = o.boolean("use_nir", optional)) s.use_nir = *v;
    if (auto v = o.integer("validity_years", 1, 50, optional | or_null, "a whole number of years from 1 to 50, or null")) {
      s.validity_years = static_cast<int>(*v);
    }
  }
  if (has_errors(issues)) return issues;
  return s;
}

Result<CpfIdentity> cpf_identity_from_json(const json& j, const std::string& base) {
  std::vector<Issue> issues;
  JsonReader r(cpf_rules(), issues);
  CpfIdentity id;
  {
    JsonObject o = r.object_at(j, base, "the identity data, an object (see cpf.md)");
    o.refuse_unknown("member_unknown", "Unknown identity member (see cpf.md): a misspelt name would be silently unused.");
    for (const auto& [name, member] : identity_texts) read_text(o, name, id.*member);
    o.array("first_names", optional, 0, "an array of texts (1 to 3 first names)").strings(id.first_names);
    // The ranges of dates are check_cpf's (it names the XML element); here only whole numbers — or one
    // text "YYYY-MM-DD" (the questionnaire's birth_date), which stands for the three.
    const std::string* date = o.string("birth_date", optional | or_null);
    if (date != nullptr && !date->empty()) {
      if (const auto day = parse_iso_date(*date)) {
        id.birth_year = day->year;
        id.birth_month = day->month;
        id.birth_day = day->day;
      } else {
        r.error("value_invalid", o.path("birth_date"), "The birth date \"" + *date + "\" is not a date written YYYY-MM-DD.");
      }
    } else {
      id.birth_year = static_cast<int>(o.integer("birth_year", 0, 9999).value_or(0));
      if (auto m = o.integer("birth_month", 0, 9999, optional | or_null)) id.birth_month = static_cast<int>(*m);
      if (auto d = o.integer("birth_day", 0, 9999, optional | or_null)) id.birth_day = static_cast<int>(*d);
    }
  }
  if (has_errors(issues)) return issues;
  return id;
}

// ---- [SECTION] holders from the coach's records -------------------------------------------------------------

const json* bundle_cpf_identity(const json& document) noexcept {
  if (!document.is_object()) return nullptr;
  const auto answers = document.find("answers");
  if (answers == document.end() || !answers->is_object()) return nullptr;
  const auto identity = answers->find("cpf_identity");
  return identity == answers->end() ? nullptr : &*identity;
}

Result<CpfHolder> cpf_holder(const Evaluation& record, const json* identity, std::size_t index, std::string_view source) {
  const std::string label = record.candidate.first_name + " " + record.candidate.last_name + " <" + record.candidate.email + ">";
  const std::string base = "holders/" + std::to_string(index);
  const Decision* decision = current_decision(record);
  if (decision == nullptr || decision->decision != DecisionKind::admis) {
    return Issue{Severity::error, "cpf.not_admitted", base, label + " is not admitted: not declared."};
  }
  if (identity == nullptr) {
    return Issue{Severity::error, "cpf.identity_missing", base,
                 label + ": no identity data (birth name, first names, sex, date and place of birth); looked in " + std::string(source) + "."};
  }
  auto parsed = cpf_identity_from_json(*identity);
  if (!parsed) {
    std::vector<Issue> issues = parsed.issues();
    for (Issue& i : issues) {
      i.message = label + " (" + std::string(source) + "): " + i.message;
      i.path = base + "/identity" + i.path;
    }
    return issues;
  }
  CpfHolder h;
  h.label = label;
  h.email = normalize_email(record.candidate.email);
  h.obtained = decision->date;
  h.identity = std::move(parsed).value();
  return h;
}

namespace {

// holders/0/identity/birth_month → /cpf_identity/birth_date; …/first_names → /cpf_identity/first_names/0.
std::string answers_path(const std::string& path) {
  const std::string identity = "identity/";
  const auto at = path.rfind(identity);
  std::string member = at == std::string::npos ? std::string() : path.substr(at + identity.size());
  if (member == "birth_year" || member == "birth_month" || member == "birth_day") member = "birth_date";
  if (member == "first_names") member = "first_names/0";
  return "/cpf_identity" + (member.empty() ? std::string() : "/" + member);
}

} // namespace

std::vector<Issue> check_cpf_answers(const Dossier& d) {
  json identity = cpf_identity_json(d);
  if (identity.is_null()) return {};
  std::vector<Issue> out;
  // The date said at its field; then any real day stands in, to check the rest at once.
  if (d.cpf_birth_date.empty()) {
    out.push_back(Issue{Severity::error, "cpf.missing", "/cpf_identity/birth_date", "The date of birth is missing."});
    identity["birth_date"] = "2000-01-01";
  } else if (!parse_iso_date(d.cpf_birth_date)) {
    out.push_back(Issue{Severity::error, "cpf.value_invalid", "/cpf_identity/birth_date",
                        "The date of birth \"" + d.cpf_birth_date + "\" is not a real date."});
    identity["birth_date"] = "2000-01-01";
  }
  auto read = cpf_identity_from_json(identity, "/cpf_identity");
  if (!read) {
    for (Issue i : read.issues()) {
      i.path = answers_path(i.path);
      out.push_back(std::move(i));
    }
    return out;
  }
  CpfHolder h;
  h.label = d.first_name + " " + d.last_name;
  h.email = d.email;
  h.obtained = Date{2026, 1, 1};  // any real day: only the identity's problems are kept
  h.identity = std::move(read).value();
  CpfSettings settings;
  for (Issue& i : check_cpf(CpfFlux{settings, "2026-01-01T00:00:00Z", {std::move(h)}})) {
    if (i.path.find("/identity") == std::string::npos) continue;  // the settings' and the holder's other parts
    i.path = answers_path(i.path);
    out.push_back(std::move(i));
  }
  return out;
}

// ---- [SECTION] checking -----------------------------------------------------------------------------------

std::vector<Issue> check_cpf(const CpfFlux& flux) {
  std::vector<Issue> issues;
  Checker c{issues};
  const CpfSettings& s = flux.settings;
  c.text("settings/emetteur_id_client", "", "emetteur/idClient", s.emetteur_id_client, 8, 8);
  c.text("settings/certificateur_id_client", "", "certificateur/idClient", s.certificateur_id_client, 8, 8);
  c.text("settings/id_contrat", "", "certificateur/idContrat", s.id_contrat, 1, 20);
  if (c.text("settings/certification_type", "", "certification/type", s.certification_type, 1, 255) && s.certification_type != "RS" &&
      s.certification_type != "RNCP") {
    c.add(Severity::error, "cpf.value_invalid", "settings/certification_type", "", "certification/type is RS or RNCP.");
  }
  if (c.text("settings/certification_code", "", "certification/code", s.certification_code, 1, 100) &&
      (s.certification_code.rfind(s.certification_type, 0) != 0 || !all_digits(std::string_view(s.certification_code).substr(s.certification_type.size())))) {
    c.add(Severity::error, "cpf.value_invalid", "settings/certification_code", "",
          "certification/code is the type followed by the number of the fiche, e.g. RS6247; \"" + s.certification_code + "\" is not.");
  }
  if (!s.nature_deposant.empty() && s.nature_deposant != "CERTIFICATEUR" && s.nature_deposant != "TIERS_CONFIANCE") {
    c.add(Severity::error, "cpf.value_invalid", "settings/nature_deposant", "", "natureDeposant is CERTIFICATEUR or TIERS_CONFIANCE.");
  }
  if (!s.modalite_acces.empty() &&
      std::none_of(std::begin(modalites_acces), std::end(modalites_acces), [&](const char* m) { return s.modalite_acces == m; })) {
    c.add(Severity::error, "cpf.value_invalid", "settings/modalite_acces", "", "modaliteAcces \"" + s.modalite_acces + "\" is not one of the XSD's values.");
  }
  const auto stamp = flux.timestamp.size() == 20 ? parse_iso_date(std::string_view(flux.timestamp).substr(0, 10)) : std::nullopt;
  if (!stamp || !is_xsd_date(*stamp) || flux.timestamp[10] != 'T' || flux.timestamp[19] != 'Z') {
    c.add(Severity::error, "cpf.value_invalid", "timestamp", "", "horodatage comes from a time written YYYY-MM-DDThh:mm:ssZ (years 1900–2099).");
  }
  if (flux.holders.empty()) c.add(Severity::error, "cpf.no_holder", "holders", "", "The flux declares no holder.");

  std::map<std::string, std::size_t> ids;
  for (std::size_t n = 0; n < flux.holders.size(); ++n) {
    const CpfHolder& h = flux.holders[n];
    const CpfIdentity& id = h.identity;
    const std::string base = "holders/" + std::to_string(n);
    const std::string p = base + "/identity/";
    const std::string& who = h.label;
    const std::string id_technique = h.id_technique.empty() ? cpf_id_technique(s, h.email) : h.id_technique;
    if (h.id_technique.empty() && normalize_email(h.email).empty()) {
      c.add(Severity::error, "cpf.missing", base + "/email", who, "idTechnique is derived from the holder's e-mail address, and there is none.");
    } else if (c.text(base + "/id_technique", who, "idTechnique", id_technique, 1, 255)) {
      const auto [it, fresh] = ids.emplace(id_technique, n);
      if (!fresh) {
        c.add(Severity::error, "cpf.duplicate", base + "/id_technique", who,
              "idTechnique " + id_technique + " is also holder " + std::to_string(it->second + 1) + "'s: one passage per holder.");
      }
    }
    if (!is_xsd_date(h.obtained)) {
      c.add(Severity::error, "cpf.value_invalid", base + "/obtained", who, "dateDebutValidite (the decision's day) is not a valid date of 1900–2099.");
    } else if (s.validity_years && !is_xsd_date(add_years(h.obtained, *s.validity_years))) {
      c.add(Severity::error, "cpf.value_invalid", "settings/validity_years", who, "dateFinValidite would fall after 2099.");
    }
    const bool by_nir = s.xsd == CpfXsdVersion::v1_1_5 && s.use_nir && !id.nir.empty();
    if (!id.nir.empty() && !by_nir) {
      c.add(Severity::warning, "cpf.nir_ignored", p + "nir", who,
            s.xsd == CpfXsdVersion::v1_1_2 ? "XSD 1.1.2 has no NIR: the holder is declared by birth data."
                                           : "The settings do not use the NIR (use_nir): the holder is declared by birth data.");
    }
    if (by_nir && !nir_valid(id.nir)) {
      c.add(Severity::error, "cpf.value_invalid", p + "nir", who,
            "The NIR is 13 characters (1 or 2, four digits, the département, six digits), or 15 with a key that matches.");
    }
    c.text(p + "birth_name", who, "nomNaissance", id.birth_name, 1, 60);
    if (by_nir) continue;  // identifiantNational carries the NIR and the birth name only
    c.text(p + "usage_name", who, "nomUsage", id.usage_name, 0, 60);
    if (id.first_names.empty()) c.add(Severity::error, "cpf.missing", p + "first_names", who, "prenom1 (the first first name) is required.");
    if (id.first_names.size() > 3) {
      c.add(Severity::error, "cpf.value_invalid", p + "first_names", who,
            "The flux carries 3 first names at most (prenom1 to prenom3); there are " + std::to_string(id.first_names.size()) + ".");
    }
    for (std::size_t i = 0; i < id.first_names.size() && i < 3; ++i) {
      const std::string element = "prenom" + std::to_string(i + 1);
      c.text(p + "first_names/" + std::to_string(i), who, element.c_str(), id.first_names[i], 1, 60);
    }
    if (id.sex != "M" && id.sex != "F") c.add(Severity::error, "cpf.value_invalid", p + "sex", who, "sexe is M or F.");
    if (id.birth_year < 1900 || id.birth_year > 2099) {
      c.add(Severity::error, "cpf.value_invalid", p + "birth_year", who, "anneeNaissance is a year from 1900 to 2099.");
    }
    if (id.birth_month && (*id.birth_month < 1 || *id.birth_month > 12)) {
      c.add(Severity::error, "cpf.value_invalid", p + "birth_month", who, "moisNaissance is 1 to 12.");
    }
    if (id.birth_day && (*id.birth_day < 1 || *id.birth_day > 31)) {
      c.add(Severity::error, "cpf.value_invalid", p + "birth_day", who, "jourNaissance is 1 to 31.");
    } else if (id.birth_day && !id.birth_month) {
      c.add(Severity::error, "cpf.value_invalid", p + "birth_month", who, "A day of birth is given without its month.");
    } else if (id.birth_day && id.birth_month && *id.birth_month >= 1 && *id.birth_month <= 12 &&
               *id.birth_day > days_in_month(id.birth_year, *id.birth_month)) {
      c.add(Severity::error, "cpf.value_invalid", p + "birth_day", who,
            "There is no day " + std::to_string(*id.birth_day) + " in month " + std::to_string(*id.birth_month) + " of " +
                std::to_string(id.birth_year) + ".");
    }
    const bool insee = !id.birth_insee_code.empty(), postal = !id.birth_postal_code.empty();
    if (insee == postal) {
      c.add(Severity::error, insee ? "cpf.value_invalid" : "cpf.missing", p + (insee ? "birth_postal_code" : "birth_insee_code"), who,
            "The birth place is given by exactly one of codeInseeNaissance (the commune's INSEE code, 99xxx abroad) and "
            "codePostalNaissance.");
    } else if (insee) {
      if (c.text(p + "birth_insee_code", who, "codeInseeNaissance", id.birth_insee_code, 5, 5)) {
        const std::string& code = id.birth_insee_code;
        const bool form = all_digits(code) || (code[0] == '2' && (code[1] == 'A' || code[1] == 'B') && all_digits(code.substr(2)));
        if (!form) {
          c.add(Severity::error, "cpf.value_invalid", p + "birth_insee_code", who,
                "codeInseeNaissance is five digits (2A/2B then three digits in Corsica; 99 then the country's code abroad): \"" + code + "\".");
        } else if (code.rfind("99", 0) == 0 && !id.birth_country_code.empty() && id.birth_country_code != code.substr(2)) {
          c.add(Severity::warning, "cpf.country_mismatch", p + "birth_country_code", who,
                "Born abroad (" + code + ") but codePaysNaissance is " + id.birth_country_code + ".");
        }
      }
    } else if (c.text(p + "birth_postal_code", who, "codePostalNaissance/codePostal", id.birth_postal_code, 1, 9) &&
               !(id.birth_postal_code.size() == 5 && all_digits(id.birth_postal_code))) {
      c.add(Severity::warning, "cpf.postal_code_form", p + "birth_postal_code", who,
            "A French postal code has five digits: \"" + id.birth_postal_code + "\".");
    }
    c.text(p + "birth_place_name", who, "libelleCommuneNaissance", id.birth_place_name, 0, 60);
    if (c.text(p + "birth_country_code", who, "codePaysNaissance", id.birth_country_code, 0, 3) && !id.birth_country_code.empty() &&
        (id.birth_country_code.size() != 3 || !all_digits(id.birth_country_code))) {
      c.add(Severity::error, "cpf.length", p + "birth_country_code", who, "codePaysNaissance is the country's three-digit INSEE code.");
    }
    c.text(p + "birth_country_name", who, "libellePaysNaissance", id.birth_country_name, 0, 60);
  }
  return issues;
}

// ---- [SECTION] writing -------------------------------------------------------------------------------------

namespace {

class XmlWriter {
public:
  explicit XmlWriter(int depth) : depth_(depth) {}
  void open(const char* name) {
    indent();
    out_ += "<cpf:" + std::string(name) + ">\n";
    ++depth_;
  }
  void close(const char* name) {
    --depth_;
    indent();
    out_ += "</cpf:" + std::string(name) + ">\n";
  }
  void leaf(const char* name, std::string_view text) {
    indent();
    out_ += "<cpf:" + std::string(name) + ">";
    for (const char ch : text) {
      if (ch == '&') out_ += "&amp;";
      else if (ch == '<') out_ += "&lt;";
      else if (ch == '>') out_ += "&gt;";
      else out_ += ch;
    }
    out_ += "</cpf:" + std::string(name) + ">\n";
  }
  void nil(const char* name) {
    indent();
    out_ += "<cpf:" + std::string(name) + " xsi:nil=\"true\"/>\n";
  }
  std::string take() { return std::move(out_); }

private:
  void indent() { out_.append(static_cast<std::size_t>(depth_) * 2, ' '); }
  std::string out_;
  int depth_ = 0;
};

std::string two_digits(int v) { return std::string(1, static_cast<char>('0' + v / 10)) + static_cast<char>('0' + v % 10); }

} // namespace

Result<std::string> cpf_flux_xml(const CpfFlux& flux) {
  std::vector<Issue> problems = check_cpf(flux);
  problems.erase(std::remove_if(problems.begin(), problems.end(), [](const Issue& i) { return i.severity != Severity::error; }), problems.end());
  if (!problems.empty()) return problems;
  const CpfSettings& s = flux.settings;
  std::vector<std::string> ids;
  std::string seed = "certif-intra/cpf-flux|" + flux.timestamp;
  for (const CpfHolder& h : flux.holders) {
    ids.push_back(h.id_technique.empty() ? cpf_id_technique(s, h.email) : h.id_technique);
    seed += "|" + ids.back();
  }
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<cpf:flux xmlns:cpf=\"" + std::string(cpf_namespace) + "\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n";
  XmlWriter e(1);  // the children of the root
  e.leaf("idFlux", "certif-intra-" + sha256_hex(seed).substr(0, 24));
  e.leaf("horodatage", flux.timestamp.substr(0, 19) + "+00:00");
  if (s.xsd == CpfXsdVersion::v1_1_5) e.leaf("action", "CREATION");
  e.open("emetteur");
  e.leaf("idClient", s.emetteur_id_client);
  e.open("certificateurs");
  e.open("certificateur");
  e.leaf("idClient", s.certificateur_id_client);
  e.leaf("idContrat", s.id_contrat);
  e.open("certifications");
  e.open("certification");
  e.leaf("type", s.certification_type);
  e.leaf("code", s.certification_code);
  if (!s.nature_deposant.empty()) e.leaf("natureDeposant", s.nature_deposant);
  e.open("passageCertifications");
  for (std::size_t n = 0; n < flux.holders.size(); ++n) {
    const CpfHolder& h = flux.holders[n];
    const CpfIdentity& id = h.identity;
    e.open("passageCertification");
    e.leaf("idTechnique", ids[n]);
    e.leaf("obtentionCertification", "PAR_ADMISSION");
    e.leaf("donneeCertifiee", s.identity_verified ? "true" : "false");
    e.leaf("dateDebutValidite", to_iso(h.obtained));
    if (s.validity_years) e.leaf("dateFinValidite", to_iso(add_years(h.obtained, *s.validity_years)));
    else e.nil("dateFinValidite");
    e.leaf("presenceNiveauLangueEuro", "false");
    e.leaf("presenceNiveauNumeriqueEuro", "false");
    e.nil("scoring");
    e.nil("mentionValidee");
    e.open("modalitesInscription");
    if (s.modalite_acces.empty()) e.nil("modaliteAcces");
    else e.leaf("modaliteAcces", s.modalite_acces);
    e.close("modalitesInscription");
    e.open("identificationTitulaire");
    if (s.xsd == CpfXsdVersion::v1_1_5 && s.use_nir && !id.nir.empty()) {
      e.open("identifiantNational");
      e.leaf("nir", std::string_view(id.nir).substr(0, 13));
      e.leaf("nomNaissance", id.birth_name);
      e.close("identifiantNational");
    } else {
      e.open("titulaire");
      e.leaf("nomNaissance", id.birth_name);
      if (id.usage_name.empty()) e.nil("nomUsage");
      else e.leaf("nomUsage", id.usage_name);
      for (std::size_t i = 0; i < id.first_names.size(); ++i) {
        const std::string element = "prenom" + std::to_string(i + 1);
        e.leaf(element.c_str(), id.first_names[i]);
      }
      e.leaf("anneeNaissance", std::to_string(id.birth_year));
      if (id.birth_month) e.leaf("moisNaissance", two_digits(*id.birth_month));
      else e.nil("moisNaissance");
      if (id.birth_day) e.leaf("jourNaissance", two_digits(*id.birth_day));
      else e.nil("jourNaissance");
      e.leaf("sexe", id.sex);
      e.open("codeCommuneNaissance");
      if (!id.birth_insee_code.empty()) {
        e.open("codeInseeNaissance");
        e.leaf("codeInsee", id.birth_insee_code);
        e.close("codeInseeNaissance");
      } else {
        e.open("codePostalNaissance");
        e.leaf("codePostal", id.birth_postal_code);
        e.close("codePostalNaissance");
      }
      e.close("codeCommuneNaissance");
      if (!id.birth_place_name.empty()) e.leaf("libelleCommuneNaissance", id.birth_place_name);
      if (!id.birth_country_code.empty()) e.leaf("codePaysNaissance", id.birth_country_code);
      if (!id.birth_country_name.empty()) e.leaf("libellePaysNaissance", id.birth_country_name);
      e.close("titulaire");
    }
    e.close("identificationTitulaire");
    e.close("passageCertification");
  }
  e.close("passageCertifications");
  e.close("certification");
  e.close("certifications");
  e.close("certificateur");
  e.close("certificateurs");
  e.close("emetteur");
  out += e.take();
  out += "</cpf:flux>\n";
  return out;
}

} // namespace core
