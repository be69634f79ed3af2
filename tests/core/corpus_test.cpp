// The corpus of real files made by real software (tests/data/corpus, see make.sh): every file's verdict
// is the one expected.tsv states, and what the viewer needs from an accepted file (the CSV separator, the
// image size once its EXIF orientation is applied) is what the producer meant.
#include "core/codecs/csv.hpp"
#include "core/codecs/image_header.hpp"
#include "core/formats/sniff.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
const fs::path k_dir = fs::path(CERTIF_SOURCE_DIR) / "tests/data/corpus";

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

struct Row {
  std::string file, producer, kind, detail;
  std::map<std::string, std::string> checks;
};

std::vector<std::string> split(const std::string& line, char sep) {
  std::vector<std::string> out;
  std::string cell;
  std::istringstream in(line);
  while (std::getline(in, cell, sep)) out.push_back(cell);
  return out;
}

std::vector<Row> expected() {
  std::vector<Row> rows;
  std::istringstream in(read(k_dir / "expected.tsv"));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const auto f = split(line, '\t');
    if (f.size() != 5) {
      ADD_FAILURE() << "expected.tsv: 5 columns expected: " << line;
      continue;
    }
    Row r{f[0], f[1], f[2], f[3] == "-" ? "" : f[3], {}};
    if (f[4] != "-")
      for (const auto& kv : split(f[4], ' ')) {
        const auto eq = kv.find('=');
        r.checks[kv.substr(0, eq)] = eq == std::string::npos ? "" : kv.substr(eq + 1);
      }
    rows.push_back(std::move(r));
  }
  return rows;
}

std::string separator_name(char c) {
  if (c == '\0') return "none";
  if (c == '\t') return "tab";
  return std::string(1, c);
}

}  // namespace

TEST(Corpus, EveryRealFileGetsItsExpectedVerdict) {
  const auto rows = expected();
  std::set<std::string> listed, producers;
  std::size_t accepted = 0, as_expected = 0;
  for (const Row& r : rows) {
    listed.insert(r.file);
    producers.insert(r.producer.substr(0, r.producer.find_first_of(" (,+")));
    const std::string bytes = read(k_dir / "files" / r.file);
    ASSERT_FALSE(bytes.empty()) << r.file << " is missing: run tests/data/corpus/make.sh";
    const core::Sniff s = core::sniff_media_type(bytes);
    const bool ok = s.kind == r.kind && s.detail == r.detail;
    EXPECT_TRUE(ok) << r.file << " (" << r.producer << "): " << s.kind << "/" << s.detail << " — " << s.description
                    << "; expected " << r.kind << "/" << r.detail;
    as_expected += ok;
    accepted += s.accepted;
    if (r.checks.count("sep")) {
      EXPECT_EQ(separator_name(s.separator), r.checks.at("sep")) << r.file;
      // The viewer splits where the sniffer said the columns are.
      const core::CsvTable t = core::read_csv(bytes);
      EXPECT_EQ(separator_name(t.separator), r.checks.at("sep")) << r.file;
      ASSERT_GE(t.rows.size(), 2u) << r.file;
      for (const auto& row : t.rows) EXPECT_EQ(row.size(), t.rows[0].size()) << r.file << ": a ragged table";
    }
    if (r.checks.count("encoding")) EXPECT_EQ(s.encoding, r.checks.at("encoding")) << r.file;
    if (r.checks.count("orientation")) EXPECT_EQ(std::to_string(s.orientation), r.checks.at("orientation")) << r.file;
    if (r.checks.count("shown")) {
      const auto h = core::read_image_header(bytes);
      ASSERT_TRUE(h) << r.file;
      EXPECT_EQ(std::to_string(h->shown_width()) + "x" + std::to_string(h->shown_height()), r.checks.at("shown")) << r.file;
    }
  }
  // The table lists every file of the folder, and only those.
  std::set<std::string> present;
  for (const auto& e : fs::directory_iterator(k_dir / "files")) present.insert(e.path().filename().string());
  EXPECT_EQ(present, listed);
  EXPECT_GE(rows.size(), 70u);
  EXPECT_GE(producers.size(), 15u);
  RecordProperty("files", static_cast<int>(rows.size()));
  RecordProperty("producers", static_cast<int>(producers.size()));
  RecordProperty("as_expected", static_cast<int>(as_expected));
  std::printf("corpus: %zu files from %zu producers, %zu accepted, %zu verdicts as expected\n", rows.size(), producers.size(),
              accepted, as_expected);
}
