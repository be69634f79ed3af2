// age v1: the spec's key example, HKDF known answers, Debian's example file, round trips at chunk
// boundaries in any pieces, and every refusal: wrong key, truncation, flipped bytes, header tampering,
// unknown stanzas, passphrases, strict header syntax.
#include "core/codecs/age.hpp"

#include "core/codecs/base64.hpp"
#include "core/codecs/sha256.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::string bytes_from_seed(std::size_t n, std::uint32_t seed) {
  std::mt19937 rng(seed);  // test data only: the product takes its randomness from the platform
  std::string s(n, '\0');
  for (auto& c : s) c = static_cast<char>(rng() & 0xffu);
  return s;
}

std::string unhex(const std::string& h) {
  std::string out;
  for (std::size_t i = 0; i + 1 < h.size(); i += 2) out += static_cast<char>(std::stoi(h.substr(i, 2), nullptr, 16));
  return out;
}

core::AgeIdentity identity(std::uint32_t seed) {
  auto id = core::age_identity_from_random(bytes_from_seed(32, seed));
  EXPECT_TRUE(id);
  return id.value();
}

core::AgeSealOptions to(std::vector<core::AgeRecipient> recipients) {
  core::AgeSealOptions o;
  o.recipients = std::move(recipients);
  return o;
}

core::AgeSealOptions with_passphrase(std::string p, int work_factor = 10) {
  core::AgeSealOptions o;
  o.use_passphrase = true;
  o.passphrase = std::move(p);
  o.work_factor = work_factor;
  return o;
}

std::string seal(std::string_view plaintext, const core::AgeSealOptions& options, std::uint32_t seed = 7) {
  auto r = core::age_seal(plaintext, options, bytes_from_seed(core::age_seal_random_size(options), seed));
  EXPECT_TRUE(r) << (r ? "" : r.error().message);
  return r ? r.value() : std::string();
}

// Opens `file` fed in pieces of `piece` bytes with a budget of `budget` per call.
struct Opened {
  bool ok = false;
  core::Issue error;
  std::uint64_t error_offset = 0;
  std::string plaintext;
  std::vector<core::Issue> notices;
  core::AgeHeaderInfo header;
};

Opened open_in_pieces(const std::string& file, const std::vector<core::AgeIdentity>* ids, std::string_view passphrase,
                      std::size_t piece, std::size_t budget = SIZE_MAX) {
  Opened r;
  core::AgeOpener o;
  std::size_t at = 0;
  while (o.stage() == core::AgeOpener::Stage::header && at < file.size()) {
    at += o.feed(std::string_view(file).substr(at, piece), r.plaintext);
  }
  if (o.stage() == core::AgeOpener::Stage::header) o.finish(r.plaintext);
  if (o.failed()) {
    r.error = o.error();
    r.error_offset = o.error_offset();
    return r;
  }
  r.header = o.header();
  const bool unlocked = ids ? o.unlock(*ids) : o.unlock_with_passphrase(passphrase);
  if (!unlocked) {
    r.error = o.error();
    return r;
  }
  r.plaintext.reserve(static_cast<std::size_t>(o.plaintext_size(file.size())));
  while (at < file.size() && !o.failed()) {
    const std::size_t n = o.feed(std::string_view(file).substr(at, piece), r.plaintext, budget);
    EXPECT_LE(n, budget);
    at += n;
  }
  r.ok = o.finish(r.plaintext);
  r.error = o.error();
  r.error_offset = o.error_offset();
  r.notices = o.notices();
  return r;
}

Opened open_with(const std::string& file, const std::vector<core::AgeIdentity>& ids, std::size_t piece = 1 << 20) {
  return open_in_pieces(file, &ids, "", piece);
}

// The file's header size (through the MAC line).
std::size_t header_size(const std::string& file) { return file.find("\n---") + 1 + file.substr(file.find("\n---") + 1).find('\n') + 1; }

// ---- keys ------------------------------------------------------------------------------------------------

TEST(AgeKeys, SpecExampleIdentityGivesItsRecipient) {
  // The X25519 example of the age specification (C2SP age.md).
  const auto id = core::parse_age_identity("AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX");
  ASSERT_TRUE(id) << id.error().message;
  EXPECT_EQ(core::format_age_recipient(id->recipient), "age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj");
  EXPECT_EQ(core::format_age_identity(*id), "AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX");
  const auto r = core::parse_age_recipient("age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj");
  ASSERT_TRUE(r);
  EXPECT_EQ(*r, id->recipient);
  // Either case reads; lowercase is written.
  const auto upper = core::parse_age_recipient("AGE1ZVKYG2LQZRAA2LNJVQEJ32NKUU0UES2S82HZRYE869XEEXVN73EQUNUJWJ");
  ASSERT_TRUE(upper);
  EXPECT_EQ(*upper, id->recipient);
}

TEST(AgeKeys, FingerprintIsSha256OfTheRecipientText) {
  const auto r = core::parse_age_recipient("age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj");
  ASSERT_TRUE(r);
  // printf %s age1zvkyg2lq…unujwj | sha256sum | cut -c1-16  →  6a804773982840fa
  EXPECT_EQ(core::age_fingerprint(*r), "6A80-4773-9828-40FA");
  // The same digest from the project's own SHA-256, independent of libsodium's.
  EXPECT_EQ(core::to_hex(core::sha256(core::format_age_recipient(*r))).substr(0, 16), "6a804773982840fa");
}

TEST(AgeKeys, GeneratedIdentityRoundTrips) {
  const auto id = identity(1);
  const std::string text = core::format_age_identity(id);
  EXPECT_EQ(text.substr(0, 16), "AGE-SECRET-KEY-1");
  const auto back = core::parse_age_identity(text);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->secret, id.secret);
  EXPECT_EQ(back->recipient, id.recipient);
  EXPECT_FALSE(core::age_identity_from_random("short"));
  EXPECT_EQ(core::age_identity_from_random("short").error().code, core::age_bad_options);
}

TEST(AgeKeys, KeysOfTheWrongKindAreNamed) {
  const auto id = identity(2);
  const auto as_recipient = core::parse_age_recipient(core::format_age_identity(id));
  ASSERT_FALSE(as_recipient);
  EXPECT_EQ(as_recipient.error().code, core::age_bad_recipient);
  EXPECT_NE(as_recipient.error().message.find("private key"), std::string::npos);
  const auto as_identity = core::parse_age_identity(core::format_age_recipient(id.recipient));
  ASSERT_FALSE(as_identity);
  EXPECT_EQ(as_identity.error().code, core::age_bad_identity);
  EXPECT_NE(as_identity.error().message.find("public key"), std::string::npos);
  // A mistyped identity: the message never quotes the secret.
  std::string typo = core::format_age_identity(id);
  typo[20] = typo[20] == 'Q' ? 'P' : 'Q';
  const auto bad = core::parse_age_identity(typo);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message.find(typo.substr(16)), std::string::npos);
  EXPECT_NE(bad.error().message.find("checksum"), std::string::npos);
  // A recipient of the wrong length or prefix.
  EXPECT_FALSE(core::parse_age_recipient("age1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq"));
  EXPECT_FALSE(core::parse_age_recipient("age1pq1abc"));
  EXPECT_FALSE(core::parse_age_recipient(""));
}

TEST(AgeKeys, IdentityFileAsAgeKeygenWritesIt) {
  const auto a = identity(3), b = identity(4);
  std::string file = core::format_age_identity_file(a, "2026-12-02T10:00:00Z");
  EXPECT_EQ(file, "# created: 2026-12-02T10:00:00Z\n# public key: " + core::format_age_recipient(a.recipient) + "\n" +
                      core::format_age_identity(a) + "\n");
  file += "\r\n# another one, Windows line ending\r\n" + core::format_age_identity(b) + "\r\n";
  const auto ids = core::parse_age_identity_file(file);
  ASSERT_TRUE(ids) << ids.error().message;
  ASSERT_EQ(ids->size(), 2u);
  EXPECT_EQ((*ids)[0].recipient, a.recipient);
  EXPECT_EQ((*ids)[1].recipient, b.recipient);
  // Without a final line feed, and without the created line.
  const std::string bare = core::format_age_identity_file(a, "");
  EXPECT_EQ(bare.find("created"), std::string::npos);
  ASSERT_TRUE(core::parse_age_identity_file(bare.substr(0, bare.size() - 1)));
}

TEST(AgeKeys, IdentityFileProblemsNameTheLine) {
  const auto a = identity(5);
  const auto pub = core::parse_age_identity_file("# keys\n" + core::format_age_recipient(a.recipient) + "\n");
  ASSERT_FALSE(pub);
  EXPECT_EQ(pub.error().path, "line 2");
  EXPECT_NE(pub.error().message.find("public key"), std::string::npos);
  const auto spaced = core::parse_age_identity_file(core::format_age_identity(a) + " \n");
  ASSERT_FALSE(spaced);
  EXPECT_EQ(spaced.error().path, "line 1");
  const auto none = core::parse_age_identity_file("# only comments\n\n");
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().code, core::age_no_identity);
  const auto ssh = core::parse_age_identity_file("-----BEGIN OPENSSH PRIVATE KEY-----\n");
  ASSERT_FALSE(ssh);
  EXPECT_NE(ssh.error().message.find("SSH"), std::string::npos);
  const auto two = core::parse_age_identity_file("hello\n" + core::format_age_identity(a) + "\nworld\n");
  ASSERT_FALSE(two);
  ASSERT_EQ(two.issues().size(), 2u);
  EXPECT_EQ(two.issues()[1].path, "line 3");
}

// ---- primitives ------------------------------------------------------------------------------------------

TEST(AgeHkdf, Rfc5869TestCases) {
  // RFC 5869 appendix A, test cases 1 to 3.
  EXPECT_EQ(core::to_hex(core::hkdf_sha256(std::string(22, '\x0b'), unhex("000102030405060708090a0b0c"),
                                           unhex("f0f1f2f3f4f5f6f7f8f9"), 42)),
            "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
  std::string ikm, salt, info;
  for (int i = 0x00; i < 0x50; ++i) ikm += static_cast<char>(i);
  for (int i = 0x60; i < 0xb0; ++i) salt += static_cast<char>(i);
  for (int i = 0xb0; i < 0x100; ++i) info += static_cast<char>(i);
  EXPECT_EQ(core::to_hex(core::hkdf_sha256(ikm, salt, info, 82)),
            "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c59045a99cac7827271cb41c65e590e09da3275600c2f"
            "09b8367793a9aca3db71cc30c58179ec3e87c14c01d5c1f3434f1d87");
  EXPECT_EQ(core::to_hex(core::hkdf_sha256(std::string(22, '\x0b'), "", "", 42)),
            "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8");
}

// ---- Debian's example file (golang-filippo-age-dev) --------------------------------------------------------

TEST(AgeKnownAnswer, DebianExampleFileOpens) {
  const std::string dir = "/usr/share/gocode/src/filippo.io/age/testdata/";
  std::ifstream keys(dir + "example_keys.txt", std::ios::binary), file(dir + "example.age", std::ios::binary);
  ASSERT_TRUE(keys && file) << "Debian's golang-filippo-age-dev is missing: run scripts/setup.sh";
  std::stringstream k, f;
  k << keys.rdbuf();
  f << file.rdbuf();
  const auto ids = core::parse_age_identity_file(k.str());
  ASSERT_TRUE(ids) << ids.error().message;
  const auto opened = core::age_open(f.str(), *ids);
  ASSERT_TRUE(opened) << opened.error().message;
  EXPECT_EQ(*opened, "Black lives matter.");
}

// ---- round trips -------------------------------------------------------------------------------------------

TEST(AgeRoundTrip, SizesAroundChunkBoundariesInAnyPieces) {
  const auto a = identity(10), b = identity(11);
  const std::vector<core::AgeIdentity> only_b{b};
  const std::size_t k = core::age_chunk_size;
  for (const std::size_t size : {std::size_t{0}, std::size_t{1}, k - 1, k, k + 1, 2 * k, 3 * k + 5}) {
    const std::string plain = bytes_from_seed(size, static_cast<std::uint32_t>(size));
    const auto options = to({a.recipient, b.recipient});
    // Sealed in uneven pieces: the same bytes as in one call (same random input).
    auto sealer = core::AgeSealer::create(options, bytes_from_seed(core::age_seal_random_size(options), 3));
    ASSERT_TRUE(sealer);
    std::string pieces;
    for (std::size_t at = 0; at < size; at += 7919) sealer->feed(std::string_view(plain).substr(at, 7919), pieces);
    sealer->finish(pieces);
    const std::string whole = seal(plain, options, 3);
    EXPECT_EQ(pieces, whole) << size;
    EXPECT_EQ(whole.size(), sealer->sealed_size(size)) << size;

    for (const std::size_t piece : {std::size_t{1} << 20, std::size_t{4093}, k + 16, std::size_t{1}}) {
      if (piece == 1 && size > 2 * k) continue;  // byte by byte: the small sizes suffice
      const Opened o = open_with(whole, only_b, piece);
      ASSERT_TRUE(o.ok) << size << " / " << piece << ": " << o.error.message;
      EXPECT_EQ(o.plaintext, plain) << size << " / " << piece;
    }
    const std::vector<core::AgeIdentity> only_a{a};
    const Opened budgeted = open_in_pieces(whole, &only_a, "", 1 << 20, 1000);
    ASSERT_TRUE(budgeted.ok) << budgeted.error.message;
    EXPECT_EQ(budgeted.plaintext, plain);
  }
}

TEST(AgeRoundTrip, ExactChunkMultipleEndsWithAFullFinalChunk) {
  const auto a = identity(12);
  const std::string plain = bytes_from_seed(2 * core::age_chunk_size, 5);
  const std::string file = seal(plain, to({a.recipient}));
  // No empty chunk after the two full ones.
  EXPECT_EQ(file.size(), header_size(file) + core::age_nonce_size + plain.size() + 2 * core::age_tag_size);
  core::AgeOpener o;
  std::string out;
  std::size_t at = o.feed(file, out);
  ASSERT_TRUE(o.unlock({a}));
  EXPECT_EQ(o.plaintext_size(file.size()), plain.size());
  at += o.feed(std::string_view(file).substr(at), out);
  EXPECT_EQ(at, file.size());
  // The second chunk is held until the end is known: only the first one is out.
  EXPECT_EQ(out.size(), core::age_chunk_size);
  ASSERT_TRUE(o.finish(out));
  EXPECT_EQ(out, plain);
  EXPECT_EQ(o.chunks_opened(), 2u);
}

TEST(AgeRoundTrip, PlaintextComesOutAsChunksVerify) {
  const auto a = identity(13);
  const std::string plain = bytes_from_seed(10 * core::age_chunk_size + 3, 6);
  const std::string file = seal(plain, to({a.recipient}));
  core::AgeOpener o;
  std::string out;
  std::size_t at = o.feed(file, out);
  ASSERT_TRUE(o.unlock({a}));
  at += o.feed(std::string_view(file).substr(at, file.size() - at - 1), out);
  // All but the held final chunk is out before the end: memory is the output plus one chunk.
  EXPECT_EQ(out.size(), 10 * core::age_chunk_size);
  EXPECT_EQ(out, plain.substr(0, out.size()));
  at += o.feed(std::string_view(file).substr(at), out);
  ASSERT_TRUE(o.finish(out));
  EXPECT_EQ(out, plain);
}

TEST(AgeRoundTrip, Passphrase) {
  const std::string plain = "{\"format\": \"certif-intra/dossier\"} — é";
  const std::string file = seal(plain, with_passphrase("correct horse battery staple", 10));
  EXPECT_EQ(file.find("-> scrypt "), 22u);
  EXPECT_EQ(file.find("fingerprint"), std::string::npos);  // a passphrase file names nobody
  const auto opened = core::age_open_with_passphrase(file, "correct horse battery staple");
  ASSERT_TRUE(opened) << opened.error().message;
  EXPECT_EQ(*opened, plain);
  const Opened o = open_in_pieces(file, nullptr, "correct horse battery staple", 3);
  ASSERT_TRUE(o.ok);
  EXPECT_TRUE(o.header.passphrase);
  EXPECT_EQ(o.header.work_factor, 10);
}

TEST(AgeRoundTrip, HeaderNamesTheRecipientsFingerprints) {
  const auto a = identity(14), b = identity(15);
  const std::string file = seal("x", to({a.recipient, b.recipient}));
  EXPECT_NE(file.find("-> certif-intra.beta.gouv.fr/fingerprint " + core::age_fingerprint(a.recipient) + "\n\n"),
            std::string::npos);
  const Opened o = open_with(file, {b});
  ASSERT_TRUE(o.ok);
  EXPECT_EQ(o.header.fingerprints,
            (std::vector<std::string>{core::age_fingerprint(a.recipient), core::age_fingerprint(b.recipient)}));
  EXPECT_EQ(o.header.x25519_stanzas, 2u);
  EXPECT_TRUE(o.notices.empty());
}

// ---- refusals ------------------------------------------------------------------------------------------------

TEST(AgeRefusal, WrongKeyNamesTheFingerprintsAndStaysLocked) {
  const auto a = identity(20), b = identity(21), c = identity(22);
  const std::string file = seal("secret", to({a.recipient, b.recipient}));
  core::AgeOpener o;
  std::string out;
  const std::size_t at = o.feed(file, out);
  ASSERT_EQ(o.stage(), core::AgeOpener::Stage::locked);
  EXPECT_FALSE(o.unlock({c}));
  EXPECT_EQ(o.error().code, core::age_wrong_key);
  EXPECT_NE(o.error().message.find(core::age_fingerprint(a.recipient)), std::string::npos);
  EXPECT_NE(o.error().message.find(core::age_fingerprint(b.recipient)), std::string::npos);
  EXPECT_NE(o.error().message.find(core::age_fingerprint(c.recipient)), std::string::npos);  // the key tried
  EXPECT_EQ(o.stage(), core::AgeOpener::Stage::locked);
  EXPECT_EQ(o.feed(std::string_view(file).substr(at), out), 0u);  // nothing is read while locked
  EXPECT_FALSE(o.unlock_with_passphrase("guess"));
  EXPECT_EQ(o.error().code, core::age_no_passphrase_stanza);
  ASSERT_TRUE(o.unlock({c, b}));
  o.feed(std::string_view(file).substr(at), out);
  ASSERT_TRUE(o.finish(out));
  EXPECT_EQ(out, "secret");
}

TEST(AgeRefusal, WrongKeyOnAFileThatNamesNobody) {
  const auto a = identity(23), c = identity(24);
  auto options = to({a.recipient});
  options.name_recipients = false;
  const std::string file = seal("secret", options);
  EXPECT_EQ(file.find("fingerprint"), std::string::npos);
  const Opened o = open_with(file, {c});
  EXPECT_EQ(o.error.code, core::age_wrong_key);
  EXPECT_NE(o.error.message.find("does not name"), std::string::npos);
}

TEST(AgeRefusal, PassphraseProblems) {
  const std::string file = seal("secret", with_passphrase("right", 10));
  core::AgeOpener o;
  std::string out;
  const std::size_t at = o.feed(file, out);
  EXPECT_FALSE(o.unlock({identity(25)}));
  EXPECT_EQ(o.error().code, core::age_passphrase_needed);
  EXPECT_FALSE(o.unlock_with_passphrase("wrong"));
  EXPECT_EQ(o.error().code, core::age_bad_passphrase);
  EXPECT_EQ(o.stage(), core::AgeOpener::Stage::locked);  // ask again
  ASSERT_TRUE(o.unlock_with_passphrase("right"));
  o.feed(std::string_view(file).substr(at), out);
  ASSERT_TRUE(o.finish(out));
  EXPECT_EQ(out, "secret");

  // A work factor over the reader's limit is refused before any scrypt runs.
  core::AgeOpenOptions strict;
  strict.max_work_factor = 9;
  const auto limited = core::age_open_with_passphrase(file, "right", strict);
  ASSERT_FALSE(limited);
  EXPECT_EQ(limited.error().code, core::age_work_factor_too_high);
  std::string absurd = file;
  absurd.replace(absurd.find(" 10\n"), 4, " 40\n");
  EXPECT_EQ(core::age_open_with_passphrase(absurd, "right").error().code, core::age_work_factor_too_high);
  absurd = file;
  absurd.replace(absurd.find(" 10\n"), 4, " 1000\n");
  EXPECT_EQ(core::age_open_with_passphrase(absurd, "right").error().code, core::age_work_factor_too_high);
  absurd = file;
  absurd.replace(absurd.find(" 10\n"), 4, " 010\n");
  EXPECT_EQ(core::age_open_with_passphrase(absurd, "right").error().code, core::age_bad_stanza);

  // Sealing refuses what cannot be opened safely.
  EXPECT_EQ(core::age_seal("x", with_passphrase(""), "").error().code, core::age_bad_options);
  auto mixed = with_passphrase("p");
  mixed.recipients.push_back(identity(26).recipient);
  EXPECT_EQ(core::age_seal("x", mixed, std::string(100, 'r')).error().code, core::age_bad_options);
  EXPECT_EQ(core::age_seal("x", with_passphrase("p", 23), std::string(100, 'r')).error().code, core::age_bad_options);
  EXPECT_EQ(core::age_seal("x", core::AgeSealOptions{}, std::string(100, 'r')).error().code, core::age_bad_options);
  EXPECT_EQ(core::age_seal("x", to({identity(27).recipient}), "too short").error().code, core::age_bad_options);
}

TEST(AgeRefusal, ScryptStanzaMustBeAlone) {
  const std::string file = seal("secret", with_passphrase("p", 10));
  std::string mixed = file;
  mixed.insert(mixed.find("---"), "-> X25519 " + std::string(43, 'A') + "\n" + std::string(43, 'A') + "\n");
  const auto r = core::age_open_with_passphrase(mixed, "p");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, core::age_scrypt_not_alone);
}

TEST(AgeRefusal, TruncatedAnywhere) {
  const auto a = identity(30);
  const std::vector<core::AgeIdentity> ids{a};
  const std::string plain = bytes_from_seed(3 * core::age_chunk_size + 100, 8);
  const std::string file = seal(plain, to({a.recipient}));
  const std::size_t h = header_size(file);
  const std::size_t sealed_chunk = core::age_chunk_size + core::age_tag_size;
  struct Cut {
    std::size_t size;
    const char* code;
    const char* path;
  };
  const Cut cuts[] = {
      {0, core::age_empty, ""},
      {10, core::age_truncated, "header line 1"},
      {h - 5, core::age_truncated, nullptr},  // inside the MAC line
      {h, core::age_truncated, "payload"},
      {h + 7, core::age_truncated, "payload"},  // inside the nonce
      {h + 16, core::age_truncated, "payload"},
      {h + 16 + 10, core::age_truncated, "chunk 0"},  // shorter than a tag
      {h + 16 + sealed_chunk, core::age_truncated, "chunk 0"},  // right after a chunk that is not the last
      {h + 16 + 2 * sealed_chunk, core::age_truncated, "chunk 1"},
      {h + 16 + sealed_chunk + 500, core::age_chunk_tampered, "chunk 1"},  // inside a chunk
      {file.size() - 1, core::age_chunk_tampered, "chunk 3"},              // inside the last chunk
  };
  for (const auto& cut : cuts) {
    const Opened o = open_with(file.substr(0, cut.size), ids, 4096);
    ASSERT_FALSE(o.ok) << cut.size;
    EXPECT_EQ(o.error.code, cut.code) << cut.size << ": " << o.error.message;
    if (cut.path) {
      EXPECT_EQ(o.error.path, cut.path) << cut.size;
    }
    EXPECT_FALSE(o.error.message.empty());
  }
  // The message of a cut after a whole chunk says so, with the byte.
  const Opened o = open_with(file.substr(0, h + 16 + sealed_chunk), ids);
  EXPECT_NE(o.error.message.find("truncated"), std::string::npos);
  EXPECT_EQ(o.error_offset, h + 16 + sealed_chunk);
}

TEST(AgeRefusal, FlippedByteNamesTheChunk) {
  const auto a = identity(31);
  const std::vector<core::AgeIdentity> ids{a};
  const std::string plain = bytes_from_seed(4 * core::age_chunk_size + 1000, 9);
  const std::string file = seal(plain, to({a.recipient}));
  const std::size_t h = header_size(file);
  const std::size_t sealed_chunk = core::age_chunk_size + core::age_tag_size;
  struct Flip {
    std::size_t at;
    const char* code;
    const char* path;
    std::uint64_t offset;
  };
  const std::size_t chunk2 = h + 16 + 2 * sealed_chunk;
  const Flip flips[] = {
      {h + 3, core::age_chunk_tampered, "chunk 0", h + 16},  // the nonce: every chunk's key changes
      {h + 16 + 5, core::age_chunk_tampered, "chunk 0", h + 16},
      {chunk2 + 40000, core::age_chunk_tampered, "chunk 2", chunk2},  // a middle chunk
      {chunk2 + sealed_chunk - 1, core::age_chunk_tampered, "chunk 2", chunk2},  // its tag
      {file.size() - 20, core::age_chunk_tampered, "chunk 4", h + 16 + 4 * sealed_chunk},  // the last chunk
      {file.size() - 1, core::age_chunk_tampered, "chunk 4", h + 16 + 4 * sealed_chunk},
  };
  for (const auto& f : flips) {
    std::string bad = file;
    bad[f.at] = static_cast<char>(bad[f.at] ^ 0x01);
    const Opened o = open_with(bad, ids, 65536);
    ASSERT_FALSE(o.ok) << f.at;
    EXPECT_EQ(o.error.code, f.code) << f.at << ": " << o.error.message;
    EXPECT_EQ(o.error.path, f.path) << f.at;
    EXPECT_EQ(o.error_offset, f.offset) << f.at;
    // What came out before the damage is authentic, and no byte of a damaged chunk is handed out.
    EXPECT_EQ(o.plaintext, plain.substr(0, o.plaintext.size()));
    EXPECT_LE(o.plaintext.size(), (o.error_offset - h - 16) / sealed_chunk * core::age_chunk_size);
  }
}

TEST(AgeRefusal, HeaderTampering) {
  const auto a = identity(32), b = identity(33);
  const std::vector<core::AgeIdentity> ids{a};
  const std::string file = seal("dossier", to({a.recipient}));
  auto expect_code = [&](const std::string& bad, const char* code, const char* what) {
    const Opened o = open_with(bad, ids);
    ASSERT_FALSE(o.ok) << what;
    EXPECT_EQ(o.error.code, code) << what << ": " << o.error.message;
  };
  // The fingerprint changed: the key still opens the file key, the MAC catches it.
  std::string renamed = file;
  const std::size_t fp = renamed.find(core::age_fingerprint(a.recipient));
  renamed.replace(fp, 19, core::age_fingerprint(b.recipient));
  expect_code(renamed, core::age_header_mac, "fingerprint replaced");
  // A stanza added or removed.
  std::string added = file;
  added.insert(added.find("---"), "-> example.com/x arg\n\n");
  expect_code(added, core::age_header_mac, "stanza added");
  std::string removed = file;
  const std::size_t s = removed.find("-> certif-intra");
  removed.erase(s, removed.find("-> X25519") - s);
  expect_code(removed, core::age_header_mac, "fingerprint stanza removed");
  // A byte of the MAC.
  std::string mac = file;
  char& m = mac[mac.find("--- ") + 10];
  m = m == 'A' ? 'B' : 'A';
  expect_code(mac, core::age_header_mac, "MAC changed");
  // A byte of the X25519 body: the file key does not come out, so no key fits.
  std::string body = file;
  const std::size_t x = body.find("-> X25519 ");
  const std::size_t body_at = body.find('\n', x) + 3;
  body[body_at] = body[body_at] == 'A' ? 'B' : 'A';
  expect_code(body, core::age_wrong_key, "stanza body changed");
  // The share replaced by a low-order point (all zeros): refused, not tried.
  std::string zero = file;
  zero.replace(x + 10, 43, core::base64_encode(std::string(32, '\0')).substr(0, 43));
  expect_code(zero, core::age_bad_stanza, "low-order share");
}

TEST(AgeRefusal, UnknownAndGreaseStanzasAreSkipped) {
  const auto a = identity(34);
  auto options = to({a.recipient});
  options.extra_stanzas.push_back({"example.com/enigma", {"a", "b=c"}, bytes_from_seed(100, 1)});
  options.extra_stanzas.push_back({"7%-grease", {"^"}, bytes_from_seed(48, 2)});  // a body of exactly 64 characters
  const std::string file = seal("dossier", options);
  EXPECT_NE(file.find("-> 7%-grease ^\n"), std::string::npos);
  const Opened o = open_with(file, {a}, 5);
  ASSERT_TRUE(o.ok) << o.error.message;
  EXPECT_EQ(o.plaintext, "dossier");
  ASSERT_EQ(o.notices.size(), 1u);
  EXPECT_EQ(o.notices[0].code, core::age_unknown_stanza);
  EXPECT_EQ(o.notices[0].severity, core::Severity::notice);
  EXPECT_NE(o.notices[0].message.find("example.com/enigma"), std::string::npos);
  EXPECT_EQ(o.header.unknown_types, std::vector<std::string>{"example.com/enigma"});
  ASSERT_EQ(o.header.stanzas.size(), 4u);
  EXPECT_EQ(o.header.stanzas[2].args, (std::vector<std::string>{"a", "b=c"}));
  EXPECT_EQ(o.header.stanzas[3].body, bytes_from_seed(48, 2));

  // A file with only a stanza of an unknown type: no key can fit, and the message says why.
  auto only = to({a.recipient});
  std::string alone = seal("x", only);
  const std::size_t s = alone.find("-> certif-intra");
  alone.replace(s, alone.find("---") - s, "-> example.com/enigma a\n\n");
  const Opened none = open_with(alone, {a});
  EXPECT_EQ(none.error.code, core::age_wrong_key);
  EXPECT_NE(none.error.message.find("example.com/enigma"), std::string::npos);
}

TEST(AgeRefusal, StanzaOfAKnownTypeInTheWrongForm) {
  const auto a = identity(35);
  const std::string file = seal("x", to({a.recipient}));
  const std::size_t x = file.find("-> X25519 ");
  std::string extra_arg = file;
  extra_arg.insert(file.find('\n', x), " more");
  EXPECT_EQ(open_with(extra_arg, {a}).error.code, core::age_bad_stanza);
  std::string short_body = file;
  const std::size_t body = file.find('\n', x) + 1;
  short_body.erase(body, 4);  // 39 characters: 29 bytes
  EXPECT_EQ(open_with(short_body, {a}).error.code, core::age_bad_stanza);
}

TEST(AgeRefusal, NotAnAgeFile) {
  std::string out;
  core::AgeOpener json;
  const std::string bundle = "{\"format\": \"certif-intra/dossier\"" + std::string(1 << 20, ' ');
  EXPECT_LT(json.feed(bundle, out), 4096u);  // refused at once, not after reading a megabyte
  EXPECT_EQ(json.error().code, core::age_not_age);
  EXPECT_FALSE(core::looks_like_age(bundle));

  EXPECT_EQ(core::age_open("", {}).error().code, core::age_empty);
  const std::string armored = "-----BEGIN AGE ENCRYPTED FILE-----\nYWdl\n-----END AGE ENCRYPTED FILE-----\n";
  EXPECT_TRUE(core::looks_like_age(armored));
  EXPECT_EQ(core::age_open(armored, {}).error().code, core::age_armored);
  EXPECT_EQ(core::age_open("age-encryption.org/v2\n-> X\n\n--- x\n", {}).error().code, core::age_version_unsupported);
  EXPECT_TRUE(core::looks_like_age("age-encryption.org/v1\n"));
}

TEST(AgeRefusal, StrictHeaderSyntax) {
  const auto a = identity(36);
  const std::vector<core::AgeIdentity> ids{a};
  const std::string file = seal("x", to({a.recipient}));
  const std::size_t x = file.find("-> X25519 ");
  const std::size_t body = file.find('\n', x) + 1;
  const std::size_t body_end = file.find('\n', body);
  struct Case {
    std::string bad;
    const char* what;
  };
  std::vector<Case> cases;
  auto with = [&](std::size_t at, std::size_t n, const std::string& text) {
    std::string s = file;
    s.replace(at, n, text);
    return s;
  };
  cases.push_back({with(body_end, 0, "="), "padding on a body"});
  cases.push_back({with(x + 2, 1, "  "), "two spaces after the arrow"});
  cases.push_back({with(file.find('\n', x), 0, " "), "a space at the end of the arguments"});
  cases.push_back({with(body, 0, std::string(30, 'A')), "a body line longer than 64"});
  cases.push_back({with(body, 1, "*"), "a body character outside base64"});
  // The body's last character has 2 unused bits, zero in canonical base64: the next character sets one.
  const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const std::string next(1, alphabet[alphabet.find(file[body_end - 1]) + 1]);
  cases.push_back({with(body_end - 1, 1, next), "non-canonical last body character"});
  cases.push_back({with(file.find("--- ") + 3, 1, ""), "no space after ---"});
  cases.push_back({with(file.find("--- ") + 4, 2, ""), "a short MAC"});
  cases.push_back({std::string(core::age_version_line) + "\n" + file.substr(file.find("--- ")), "no stanza at all"});
  cases.push_back({with(21, 1, "\r\n"), "CR LF line endings"});
  cases.push_back({with(x, 0, "hello\n"), "a line that is neither a stanza nor the MAC"});
  for (const auto& c : cases) {
    const Opened o = open_with(c.bad, ids, 7);
    ASSERT_FALSE(o.ok) << c.what;
    EXPECT_EQ(o.error.code, core::age_header_malformed) << c.what << ": " << o.error.message;
    EXPECT_EQ(o.error.path.substr(0, 12), "header line ") << c.what;
  }
}

TEST(AgeRefusal, DataAfterTheFinalChunk) {
  const auto a = identity(37);
  for (const std::size_t size : {std::size_t{10}, std::size_t{core::age_chunk_size}}) {
    const std::string file = seal(bytes_from_seed(size, 1), to({a.recipient}));
    const Opened o = open_with(file + "extra", {a}, 100000);
    ASSERT_FALSE(o.ok) << size;
    EXPECT_EQ(o.error.code, size == 10 ? core::age_chunk_tampered : core::age_trailing_data) << o.error.message;
  }
  // A whole chunk's worth after a full final chunk: caught as a final chunk followed by more.
  const std::string file = seal(bytes_from_seed(core::age_chunk_size, 1), to({a.recipient}));
  const Opened o = open_with(file + std::string(core::age_chunk_size + 16, 'z'), {a});
  EXPECT_EQ(o.error.code, core::age_trailing_data);
}

// A payload the sealer never writes, built from the file key the test chose (the first 16 random bytes).
TEST(AgeRefusal, EmptyFinalChunkAfterFullOnes) {
  const auto a = identity(38);
  const auto options = to({a.recipient});
  const std::string random = bytes_from_seed(core::age_seal_random_size(options), 4);
  auto sealer = core::AgeSealer::create(options, random);
  ASSERT_TRUE(sealer);
  const std::string file_key = random.substr(0, 16), nonce = random.substr(16, 16);
  const std::string key = core::hkdf_sha256(file_key, nonce, "payload", 32);
  auto chunk = [&](const std::string& plain, std::uint64_t counter, bool last) {
    unsigned char n[12] = {0};
    n[10] = static_cast<unsigned char>(counter);
    n[11] = last ? 1 : 0;
    std::string c(plain.size() + 16, '\0');
    unsigned long long clen = 0;
    crypto_aead_chacha20poly1305_ietf_encrypt(reinterpret_cast<unsigned char*>(&c[0]), &clen,
                                              reinterpret_cast<const unsigned char*>(plain.data()), plain.size(), nullptr,
                                              0, nullptr, n, reinterpret_cast<const unsigned char*>(key.data()));
    return c;
  };
  const std::string full = bytes_from_seed(core::age_chunk_size, 2);
  const std::string good = sealer->header() + nonce + chunk(full, 0, false) + chunk("abc", 1, true);
  const Opened ok = open_with(good, {a});
  ASSERT_TRUE(ok.ok) << ok.error.message;
  EXPECT_EQ(ok.plaintext, full + "abc");
  const std::string bad = sealer->header() + nonce + chunk(full, 0, false) + chunk("", 1, true);
  const Opened o = open_with(bad, {a});
  EXPECT_EQ(o.error.code, core::age_empty_final_chunk);
  EXPECT_EQ(o.error.path, "chunk 1");
}

TEST(AgeRefusal, PlaintextOverTheCallersLimit) {
  const auto a = identity(39);
  const std::string file = seal(bytes_from_seed(200000, 3), to({a.recipient}));
  core::AgeOpenOptions limit;
  limit.max_plaintext_bytes = 100000;
  const auto r = core::age_open(file, {a}, limit);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, core::age_too_large);
}

TEST(AgeRefusal, HeaderWithoutEnd) {
  core::AgeOpenOptions small;
  small.max_header_bytes = 1000;
  const std::string endless = "age-encryption.org/v1\n-> a\n" + std::string(2000, 'A');
  const auto r = core::age_open(endless, {}, small);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, core::age_header_too_large);
}

} // namespace
