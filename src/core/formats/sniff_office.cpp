// Sniffing ZIP-based documents: OpenDocument and Office Open XML read from their parts (content types,
// relationships, manifest) as their applications read them, and what else an archive is.
#include "core/formats/sniff_detail.hpp"

#include "core/codecs/utf8.hpp"

#include <algorithm>
#include <cstdint>

namespace core::sniff_detail {

// [SECTION] XML attributes ---------------------------------------------------------------------------
// [Content_Types].xml and the relationship parts are read as Office reads them: attribute values with
// their entities decoded ("macro&#x45;nabled" is "macroEnabled"). A DTD (which could define entities) is
// forbidden in OPC packages (ECMA-376 part 2, 8.1.4): its presence makes the package damaged.

struct XmlAttribute {
  std::string_view name;  // local name (any prefix dropped)
  std::string value;      // entities decoded
};

std::string_view local_name(std::string_view qname) noexcept {
  const std::size_t colon = qname.rfind(':');
  return colon == std::string_view::npos ? qname : qname.substr(colon + 1);
}

// Appends `raw` with its five predefined and numeric character references decoded; false on any other.
bool decode_entities(std::string_view raw, std::string& out) {
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '&') {
      out.push_back(raw[i]);
      continue;
    }
    const std::size_t semi = raw.find(';', i);
    if (semi == std::string_view::npos || semi - i > 12) return false;
    const std::string_view ref = raw.substr(i + 1, semi - i - 1);
    i = semi;
    if (ref == "lt") out.push_back('<');
    else if (ref == "gt") out.push_back('>');
    else if (ref == "amp") out.push_back('&');
    else if (ref == "quot") out.push_back('"');
    else if (ref == "apos") out.push_back('\'');
    else if (ref.size() >= 2 && ref[0] == '#') {
      const bool hex = ref[1] == 'x';
      const std::string_view digits = ref.substr(hex ? 2 : 1);
      if (digits.empty()) return false;
      std::uint32_t cp = 0;
      for (char c : digits) {
        std::uint32_t v = 0;
        if (is_digit(c)) v = static_cast<std::uint32_t>(c - '0');
        else if (hex && lower(c) >= 'a' && lower(c) <= 'f') v = static_cast<std::uint32_t>(lower(c) - 'a' + 10);
        else return false;
        cp = cp * (hex ? 16u : 10u) + v;
        if (cp > 0x10FFFF) return false;
      }
      if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
      append_utf8(out, static_cast<char32_t>(cp));
    } else {
      return false;
    }
  }
  return true;
}

// UTF-16 XML (allowed by OPC) as UTF-8, so that it is read like the rest.
std::string as_utf8_xml(std::string text) {
  const bool le = starts(text, "\xFF\xFE"), be = starts(text, "\xFE\xFF");
  if (!le && !be) return text;
  std::string out;
  for (std::size_t i = 2; i + 1 < text.size(); i += 2) {
    const auto lo = static_cast<std::uint8_t>(text[le ? i : i + 1]), hi = static_cast<std::uint8_t>(text[le ? i + 1 : i]);
    const char32_t unit = static_cast<char32_t>(lo | (hi << 8));
    append_utf8(out, unit >= 0xD800 && unit <= 0xDFFF ? U'\uFFFD' : unit);
  }
  return out;
}

// Calls `on(local element name, attributes)` for each start tag; false when the XML has a DTD, an
// unterminated tag or an undecodable attribute value.
template <class F>
bool scan_xml(std::string_view xml, F&& on) {
  std::size_t i = 0;
  std::vector<XmlAttribute> attrs;
  while ((i = xml.find('<', i)) != std::string_view::npos) {
    const std::string_view rest = xml.substr(i);
    if (starts(rest, "<!--")) {
      const std::size_t end = rest.find("-->");
      if (end == std::string_view::npos) return false;
      i += end + 3;
      continue;
    }
    if (starts(rest, "<!")) return false;  // DOCTYPE, ENTITY, CDATA: none belongs here
    if (starts(rest, "<?") || starts(rest, "</")) {
      const std::size_t end = rest.find('>');
      if (end == std::string_view::npos) return false;
      i += end + 1;
      continue;
    }
    std::size_t k = 1;
    while (k < rest.size() && !is_space(rest[k]) && rest[k] != '>' && rest[k] != '/') ++k;
    const std::string_view name = local_name(rest.substr(1, k - 1));
    attrs.clear();
    for (;;) {
      while (k < rest.size() && is_space(rest[k])) ++k;
      if (k >= rest.size()) return false;
      if (rest[k] == '>' || rest[k] == '/') break;
      const std::size_t name_start = k;
      while (k < rest.size() && rest[k] != '=' && !is_space(rest[k]) && rest[k] != '>') ++k;
      const std::string_view attr_name = rest.substr(name_start, k - name_start);
      while (k < rest.size() && is_space(rest[k])) ++k;
      if (k >= rest.size() || rest[k] != '=') return false;
      ++k;
      while (k < rest.size() && is_space(rest[k])) ++k;
      if (k >= rest.size() || (rest[k] != '"' && rest[k] != '\'')) return false;
      const char quote = rest[k++];
      const std::size_t close = rest.find(quote, k);
      if (close == std::string_view::npos) return false;
      XmlAttribute a{local_name(attr_name), {}};
      if (!decode_entities(rest.substr(k, close - k), a.value)) return false;
      attrs.push_back(std::move(a));
      k = close + 1;
    }
    on(name, attrs);
    const std::size_t end = rest.find('>', k);
    if (end == std::string_view::npos) return false;
    i += end + 1;
  }
  return true;
}

std::string_view attr(const std::vector<XmlAttribute>& attrs, std::string_view name) noexcept {
  for (const auto& a : attrs)
    if (a.name == name) return a.value;
  return {};
}

// [SECTION] OpenDocument / Office Open XML --------------------------------------------------------------

std::optional<Verdict> sniff_opendocument(std::string_view b, const zip::Directory& d) {
  const zip::Entry* first = nullptr;
  for (const auto& z : d.entries)
    if (z.local_offset == 0) first = &z;
  if (first == nullptr || first->name != "mimetype") {
    // An OpenDocument package whose "mimetype" is not first (some zip tools reorder entries).
    const zip::Entry* mimetype = d.find("mimetype");
    if (mimetype != nullptr && d.find("content.xml") != nullptr) {
      const auto value = zip::entry_content(b, d, *mimetype, 256);
      if (value && starts_ci(*value, "application/vnd.oasis.opendocument.")) return Verdict{D::odf_mimetype_order};
    }
    return std::nullopt;
  }
  const auto value = zip::entry_content(b, d, *first, 256);
  if (!value) return Verdict{D::odf_damaged};
  K kind = K::unknown;
  if (*value == k_odt) kind = K::odt;
  else if (*value == k_ods) kind = K::ods;
  else if (*value == k_odp) kind = K::odp;
  if (kind == K::unknown) {
    for (const std::string_view type : {k_odt, k_ods, k_odp}) {
      // "mimetype" must hold exactly the type; a trailing newline is a common mistake of hand-made packages.
      std::string_view v = *value;
      while (!v.empty() && is_space(v.back())) v.remove_suffix(1);
      if (v == type) return Verdict{D::odf_mimetype_value};
    }
    for (const auto& t : k_other_odf)
      if (*value == t.media_type) return Verdict{t.detail, std::string(t.description), t.media_type};
    if (starts_ci(*value, "application/vnd.oasis.opendocument.")) return Verdict{D::odf_other_type};
    if (*value == "application/epub+zip") return Verdict{D::epub, {}, "application/epub+zip"};
    return std::nullopt;  // some other "mimetype"-first package: let the generic checks describe it
  }
  // The specification's rules, which are what make the type knowable from the first bytes.
  if (first->method != 0 || first->local_extra != 0) return Verdict{D::odf_mimetype_stored};
  if (d.find("content.xml") == nullptr) return Verdict{D::odf_incomplete};
  const std::string_view type = info(kind).media_type;
  for (const auto& z : d.entries) {
    if (z.name.substr(0, 6) == "Basic/" || z.name.substr(0, 8) == "Scripts/") {
      if (kind == K::odt) return Verdict{D::odf_macro, "OpenDocument text with macros", type};
      if (kind == K::ods) return Verdict{D::odf_macro, "OpenDocument spreadsheet with macros", type};
      return Verdict{D::odf_macro, "OpenDocument presentation with macros", type};
    }
  }
  // A password-protected package keeps its structure but encrypts its parts; only the manifest says so.
  if (const zip::Entry* manifest = d.find("META-INF/manifest.xml")) {
    const auto text = zip::entry_content(b, d, *manifest, std::size_t{1} << 20);
    if (!text) return Verdict{D::odf_damaged};
    if (contains_ci(*text, "encryption-data")) return Verdict{D::odf_encrypted, {}, type};
  }
  return Verdict{kind};
}

// Media types (or relationship types) that mean VBA, Excel 4 macro sheets or a macro-enabled part.
bool names_macros(std::string_view type) noexcept {
  return contains_ci(type, "macroenabled") || contains_ci(type, "vbaproject") || contains_ci(type, "macrosheet") ||
         contains_ci(type, "vbadata");
}

struct ContentTypes {
  std::vector<std::pair<std::string, std::string>> defaults;   // extension, type
  std::vector<std::pair<std::string, std::string>> overrides;  // part name (no leading '/'), type
  bool macros = false;

  std::string_view type_of(std::string_view part) const noexcept {
    for (const auto& [name, type] : overrides)
      if (equal_ci(name, part)) return type;
    const std::size_t dot = part.rfind('.');
    const std::string_view ext = dot == std::string_view::npos ? std::string_view{} : part.substr(dot + 1);
    for (const auto& [e, type] : defaults)
      if (equal_ci(e, ext)) return type;
    return {};
  }
};

std::string_view without_slash(std::string_view s) noexcept {
  while (!s.empty() && s.front() == '/') s.remove_prefix(1);
  return s;
}

std::optional<ContentTypes> read_content_types(const std::string& xml) {
  ContentTypes ct;
  const bool ok = scan_xml(xml, [&](std::string_view name, const std::vector<XmlAttribute>& attrs) {
    if (name == "Default") ct.defaults.emplace_back(std::string(attr(attrs, "Extension")), std::string(attr(attrs, "ContentType")));
    if (name == "Override")
      ct.overrides.emplace_back(std::string(without_slash(attr(attrs, "PartName"))), std::string(attr(attrs, "ContentType")));
  });
  if (!ok || !contains_ci(xml, "<types")) return std::nullopt;
  for (const auto& [k, type] : ct.defaults) ct.macros = ct.macros || names_macros(type);
  for (const auto& [k, type] : ct.overrides) ct.macros = ct.macros || names_macros(type);
  return ct;
}

std::optional<Verdict> sniff_office_open_xml(std::string_view b, const zip::Directory& d) {
  const zip::Entry* types = d.find_ci("[Content_Types].xml");
  if (types == nullptr) return std::nullopt;
  const auto raw = zip::entry_content(b, d, *types, std::size_t{1} << 20);
  if (!raw) return Verdict{D::ooxml_damaged};
  const auto ct = read_content_types(as_utf8_xml(*raw));
  if (!ct) return Verdict{D::ooxml_damaged};

  // What Office loads is what relationships point at: every relationship part is read, and one that
  // names a VBA project or a macro sheet (whatever its file is called) makes the document macro-enabled.
  bool macros = ct->macros;
  std::string main_part;
  for (const auto& z : d.entries) {
    const std::size_t slash = z.name.rfind('/');
    const std::string_view base = slash == std::string_view::npos ? z.name : z.name.substr(slash + 1);
    if (equal_ci(base, "vbaProject.bin") || equal_ci(base, "vbaProjectSignature.bin") || starts_ci(z.name, "xl/macrosheets/"))
      macros = true;
    if (!ends_ci(z.name, ".rels")) continue;
    const auto rels = zip::entry_content(b, d, z, std::size_t{1} << 20);
    if (!rels) return Verdict{D::ooxml_damaged};
    const bool package_rels = equal_ci(z.name, "_rels/.rels");
    const bool ok = scan_xml(as_utf8_xml(*rels), [&](std::string_view name, const std::vector<XmlAttribute>& attrs) {
      if (name != "Relationship") return;
      const std::string_view type = attr(attrs, "Type");
      if (names_macros(type)) macros = true;
      if (package_rels && main_part.empty() && ends_ci(type, "/officeDocument") && !equal_ci(attr(attrs, "TargetMode"), "External"))
        main_part = std::string(without_slash(attr(attrs, "Target")));
    });
    if (!ok) return Verdict{D::ooxml_damaged};
  }

  const bool word = d.find_ci("word/document.xml") != nullptr;
  const bool excel = d.find_ci("xl/workbook.xml") != nullptr;
  const bool powerpoint = d.find_ci("ppt/presentation.xml") != nullptr;
  if (int{word} + int{excel} + int{powerpoint} > 1) return Verdict{D::ooxml_ambiguous};
  if (main_part.empty()) {
    if (!word && !excel && !powerpoint) return Verdict{D::ooxml_other, {}, "application/zip"};
    return Verdict{D::ooxml_damaged};  // a main part, but no relationship to it: Office cannot open it
  }
  if (d.find_ci(main_part) == nullptr) return Verdict{D::ooxml_damaged};
  const std::string_view main_type = ct->type_of(main_part);
  const std::string_view ooxml = "application/vnd.openxmlformats-officedocument.";
  std::optional<K> kind;
  bool is_template = false;
  if (equal_ci(main_type, std::string(ooxml) + "wordprocessingml.document.main+xml")) kind = K::docx;
  else if (equal_ci(main_type, std::string(ooxml) + "spreadsheetml.sheet.main+xml")) kind = K::xlsx;
  // A slide show (.ppsx) is a presentation that opens playing; PowerPoint opens it as .pptx too.
  else if (equal_ci(main_type, std::string(ooxml) + "presentationml.presentation.main+xml") ||
           equal_ci(main_type, std::string(ooxml) + "presentationml.slideshow.main+xml"))
    kind = K::pptx;
  else if (contains_ci(main_type, "wordprocessingml.template") || contains_ci(main_type, "spreadsheetml.template") ||
           contains_ci(main_type, "presentationml.template"))
    is_template = true;
  if (macros || names_macros(main_type)) {
    if (word || contains_ci(main_type, "word"))
      return Verdict{D::ooxml_macro, "macro-enabled Word document (.docm)", "application/vnd.ms-word.document.macroEnabled.12"};
    if (excel || contains_ci(main_type, "excel"))
      return Verdict{D::ooxml_macro, "macro-enabled Excel workbook (.xlsm)", "application/vnd.ms-excel.sheet.macroEnabled.12"};
    return Verdict{D::ooxml_macro, "macro-enabled PowerPoint presentation (.pptm)",
                   "application/vnd.ms-powerpoint.presentation.macroEnabled.12"};
  }
  if (is_template) return Verdict{D::ooxml_template, {}, "application/zip"};
  if (!kind) return Verdict{D::ooxml_other, {}, "application/zip"};
  // The main part's name must agree with its type (the names other readers go by).
  const bool names_agree = (kind == K::docx && word) || (kind == K::xlsx && excel) || (kind == K::pptx && powerpoint);
  if (!names_agree) return Verdict{D::ooxml_ambiguous};
  return Verdict{*kind};
}

Verdict sniff_zip(std::string_view b) {
  const zip::Directory d = zip::read_directory(b);
  switch (d.error) {
    case zip::Error::none: break;
    case zip::Error::unsupported: return Verdict{D::zip_unsupported};
    case zip::Error::too_many_entries: return Verdict{D::zip_too_many};
    case zip::Error::duplicate_name: return Verdict{D::zip_duplicate};
    case zip::Error::encrypted: return Verdict{D::zip_encrypted};
    case zip::Error::damaged:
      // Name what it was meant to be from the first local header, for a useful message.
      if (has_at(b, 30, "mimetype")) return Verdict{D::odf_damaged};
      if (has_at(b, 30, "[Content_Types].xml")) return Verdict{D::ooxml_damaged};
      return Verdict{D::zip_damaged};
  }
  if (auto v = sniff_opendocument(b, d)) return *v;
  if (auto v = sniff_office_open_xml(b, d)) return *v;
  if (d.find("AndroidManifest.xml") != nullptr && d.find("classes.dex") != nullptr)
    return Verdict{D::apk, {}, "application/vnd.android.package-archive"};
  if (d.find_ci("META-INF/MANIFEST.MF") != nullptr) {
    for (const auto& z : d.entries)
      if (ends_ci(z.name, ".class")) return Verdict{D::jar, {}, "application/java-archive"};
  }
  return Verdict{K::zip};
}

} // namespace core::sniff_detail
