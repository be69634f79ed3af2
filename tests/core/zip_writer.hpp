// A minimal ZIP writer for tests: stored or deflated entries (zlib), written as the specification says,
// with knobs to build the hostile archives the readers must refuse.
#pragma once

#include "core/codecs/zip.hpp"

#include <zlib.h>

#include <cstdint>
#include <string>
#include <vector>

namespace test_zip {

struct Entry {
  std::string name;
  std::string data;
  bool deflate = false;
  std::uint16_t flags = 0;        // in both headers
  std::uint16_t local_flags = 0;  // added to the local header only
};

inline void put16(std::string& b, std::uint16_t v) {
  b += static_cast<char>(v & 0xFF);
  b += static_cast<char>(v >> 8);
}
inline void put32(std::string& b, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) b += static_cast<char>((v >> (8 * i)) & 0xFF);
}

inline std::string deflate_raw(const std::string& data) {
  z_stream zs{};
  deflateInit2(&zs, 9, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, static_cast<uLong>(data.size())), '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

inline std::string make(const std::vector<Entry>& entries) {
  std::string out, central;
  for (const Entry& e : entries) {
    const std::string stored = e.deflate ? deflate_raw(e.data) : e.data;
    const std::uint32_t crc = core::zip::crc32(e.data);
    const auto offset = static_cast<std::uint32_t>(out.size());
    out += "PK\x03\x04";
    put16(out, 20);
    put16(out, static_cast<std::uint16_t>(e.flags | e.local_flags));
    put16(out, e.deflate ? 8 : 0);
    put32(out, 0);  // time, date
    put32(out, crc);
    put32(out, static_cast<std::uint32_t>(stored.size()));
    put32(out, static_cast<std::uint32_t>(e.data.size()));
    put16(out, static_cast<std::uint16_t>(e.name.size()));
    put16(out, 0);
    out += e.name + stored;
    central += "PK\x01\x02";
    put16(central, 20);
    put16(central, 20);
    put16(central, e.flags);
    put16(central, e.deflate ? 8 : 0);
    put32(central, 0);
    put32(central, crc);
    put32(central, static_cast<std::uint32_t>(stored.size()));
    put32(central, static_cast<std::uint32_t>(e.data.size()));
    put16(central, static_cast<std::uint16_t>(e.name.size()));
    put16(central, 0);
    put16(central, 0);
    put16(central, 0);
    put16(central, 0);
    put32(central, 0);
    put32(central, offset);
    central += e.name;
  }
  const auto cd_offset = static_cast<std::uint32_t>(out.size());
  out += central;
  out += "PK\x05\x06";
  put16(out, 0);
  put16(out, 0);
  put16(out, static_cast<std::uint16_t>(entries.size()));
  put16(out, static_cast<std::uint16_t>(entries.size()));
  put32(out, static_cast<std::uint32_t>(central.size()));
  put32(out, cd_offset);
  put16(out, 0);
  return out;
}

// The parts of a minimal .docx, to vary.
inline const char* docx_content_types() {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
         "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
         "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
         "<Override PartName=\"/word/document.xml\" "
         "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
}
inline std::string rels(const std::string& items) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships "
         "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" + items + "</Relationships>";
}
inline const char* office_document_rel() {
  return "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
         "Target=\"word/document.xml\"/>";
}
inline std::vector<Entry> docx_entries() {
  return {{"[Content_Types].xml", docx_content_types(), true},
          {"_rels/.rels", rels(office_document_rel()), true},
          {"word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                                "<w:body><w:p/></w:body></w:document>", true}};
}

} // namespace test_zip
