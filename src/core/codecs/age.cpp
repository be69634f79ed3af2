// age v1: keys, the header (writing and strict line-by-line reading), the STREAM payload, on libsodium.
//
// [SECTION] index
//   primitives   unpadded base64, HKDF, libsodium calls, wiping
//   keys         identities, recipients, fingerprints, identity files
//   header out   stanzas and MAC as AgeSealer writes them
//   sealer       AgeSealer
//   header in    the opener's line parser and stanza checks
//   opener       AgeOpener: unlock, chunks, the end of the file
//   one call     age_seal, age_open, looks_like_age
#include "core/codecs/age.hpp"

#include "core/codecs/base64.hpp"
#include "core/codecs/bech32.hpp"
#include "core/codecs/utf8.hpp"

#include <sodium.h>

#include <algorithm>
#include <cstring>

namespace core {

namespace {

// ==== primitives ===========================================================================================

constexpr const char* k_version_prefix = "age-encryption.org/";
constexpr const char* k_armor_begin = "-----BEGIN AGE ENCRYPTED FILE-----";
constexpr const char* k_x25519_info = "age-encryption.org/v1/X25519";
constexpr const char* k_scrypt_label = "age-encryption.org/v1/scrypt";
constexpr const char* k_hrp_recipient = "age";
constexpr const char* k_hrp_identity = "age-secret-key-";
constexpr std::uint32_t k_file_key_size = 16;
constexpr std::uint32_t k_sealed_chunk = age_chunk_size + age_tag_size;  // a full chunk in the file
constexpr int k_max_seal_work_factor = 22;

using Bytes = std::string;

const unsigned char* u8(std::string_view s) noexcept { return reinterpret_cast<const unsigned char*>(s.data()); }
unsigned char* u8(std::string& s) noexcept { return reinterpret_cast<unsigned char*>(&s[0]); }
std::string_view view(const AgeKey& k) noexcept { return {reinterpret_cast<const char*>(k.data()), k.size()}; }

void wipe(std::string& s) noexcept {
  if (!s.empty()) sodium_memzero(&s[0], s.size());
  s.clear();
}

// Holds a secret and wipes it on the way out.
struct Secret {
  std::string bytes;
  Secret() = default;
  explicit Secret(std::string b) : bytes(std::move(b)) {}
  Secret(const Secret&) = delete;
  Secret& operator=(const Secret&) = delete;
  Secret(Secret&& o) noexcept : bytes(std::move(o.bytes)) { o.bytes.clear(); }
  Secret& operator=(Secret&& o) noexcept {
    wipe(bytes);
    bytes = std::move(o.bytes);
    o.bytes.clear();
    return *this;
  }
  ~Secret() { wipe(bytes); }
};

std::string b64(std::string_view bytes) {
  std::string s = base64_encode(bytes);
  while (!s.empty() && s.back() == '=') s.pop_back();
  return s;
}

// Canonical unpadded base64 (the spec: no '=', zero unused bits), or false.
bool unb64(std::string_view text, std::string& out) {
  if (text.size() % 4 == 1 || text.find('=') != std::string_view::npos) return false;
  std::string padded(text);
  padded.append((4 - text.size() % 4) % 4, '=');
  auto r = base64_decode(padded);
  if (!r) return false;
  out = std::move(r.value());
  return true;
}

bool is_vchar(char c) noexcept { return c >= 0x21 && c <= 0x7e; }
bool is_b64_char(char c) noexcept {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
}
bool all_vchar(std::string_view s) noexcept { return !s.empty() && std::all_of(s.begin(), s.end(), is_vchar); }

std::string hmac_sha256(std::string_view key, std::string_view message) {
  crypto_auth_hmacsha256_state st;
  crypto_auth_hmacsha256_init(&st, u8(key), key.size());
  crypto_auth_hmacsha256_update(&st, u8(message), message.size());
  std::string mac(crypto_auth_hmacsha256_BYTES, '\0');
  crypto_auth_hmacsha256_final(&st, u8(mac));
  sodium_memzero(&st, sizeof st);
  return mac;
}

Secret hkdf32(std::string_view ikm, std::string_view salt, std::string_view info) {
  return Secret(hkdf_sha256(ikm, salt, info, 32));
}

std::string nonce12_zero() { return std::string(12, '\0'); }

// ChaCha20-Poly1305 of a short message under a 32-byte key with the all-zero nonce (stanza bodies).
std::string aead_seal_zero_nonce(std::string_view key, std::string_view plaintext) {
  std::string c(plaintext.size() + age_tag_size, '\0');
  unsigned long long clen = 0;
  const std::string n = nonce12_zero();
  crypto_aead_chacha20poly1305_ietf_encrypt(u8(c), &clen, u8(plaintext), plaintext.size(), nullptr, 0, nullptr,
                                            u8(n), u8(key));
  return c;
}

bool aead_open_zero_nonce(std::string_view key, std::string_view ciphertext, Secret& plaintext) {
  if (ciphertext.size() < age_tag_size) return false;
  std::string m(ciphertext.size() - age_tag_size, '\0');
  unsigned long long mlen = 0;
  const std::string n = nonce12_zero();
  if (crypto_aead_chacha20poly1305_ietf_decrypt(u8(m), &mlen, nullptr, u8(ciphertext), ciphertext.size(), nullptr, 0,
                                                u8(n), u8(key)) != 0) {
    return false;
  }
  plaintext = Secret(std::move(m));
  return true;
}

// The 12-byte payload nonce: an 11-byte big-endian chunk counter, then 1 for the last chunk.
void chunk_nonce(std::uint64_t counter, bool last, unsigned char out[12]) noexcept {
  std::memset(out, 0, 12);
  for (int i = 0; i < 8; ++i) out[10 - i] = static_cast<unsigned char>((counter >> (8 * i)) & 0xffu);
  out[11] = last ? 1 : 0;
}

Issue problem(const char* code, std::string path, std::string message) {
  return Issue{Severity::error, code, std::move(path), std::move(message)};
}

std::string plural(std::uint64_t n, const char* one, const char* many) {
  return std::to_string(n) + ' ' + (n == 1 ? one : many);
}

std::string upper_hex(std::string_view bytes) {
  static constexpr char digits[] = "0123456789ABCDEF";
  std::string s;
  for (const char c : bytes) {
    s += digits[(static_cast<unsigned char>(c) >> 4) & 0xF];
    s += digits[static_cast<unsigned char>(c) & 0xF];
  }
  return s;
}

bool is_fingerprint(std::string_view s) noexcept {
  if (s.size() != 19) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (i % 5 == 4) {
      if (c != '-') return false;
    } else if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'))) {
      return false;
    }
  }
  return true;
}

} // namespace

std::string hkdf_sha256(std::string_view ikm, std::string_view salt, std::string_view info, std::size_t length) {
  const std::string zeros(32, '\0');
  Secret prk(hmac_sha256(salt.empty() ? std::string_view(zeros) : salt, ikm));
  std::string okm;
  std::string t;
  length = std::min<std::size_t>(length, 255 * 32);
  for (unsigned counter = 1; okm.size() < length; ++counter) {
    std::string block = t;
    block.append(info.data(), info.size());
    block += static_cast<char>(counter);
    wipe(t);
    t = hmac_sha256(prk.bytes, block);
    wipe(block);
    okm.append(t, 0, std::min(t.size(), length - okm.size()));
  }
  wipe(t);
  return okm;
}

// ==== keys =================================================================================================

AgeIdentity::~AgeIdentity() { sodium_memzero(secret.data(), secret.size()); }

Result<AgeIdentity> age_identity_from_random(std::string_view random32) noexcept {
  if (random32.size() != 32) {
    return problem(age_bad_options, "", "an identity needs 32 random bytes, " + std::to_string(random32.size()) + " given");
  }
  AgeIdentity id;
  std::memcpy(id.secret.data(), random32.data(), 32);
  if (crypto_scalarmult_base(id.recipient.key.data(), id.secret.data()) != 0) {
    return problem(age_bad_options, "", "these random bytes give no usable key");
  }
  return id;
}

Result<AgeRecipient> parse_age_recipient(std::string_view text) noexcept {
  auto decoded = bech32_decode(text);
  if (!decoded) {
    return problem(age_bad_recipient, "", "not an age public key (age1…): it " + decoded.error().message);
  }
  if (decoded->hrp != k_hrp_recipient) {
    if (decoded->hrp == k_hrp_identity) {
      return problem(age_bad_recipient, "", "this is a private key (AGE-SECRET-KEY-1…), not a public key: never share it");
    }
    return problem(age_bad_recipient, "", "not an age X25519 public key: it starts with '" + decoded->hrp + "1', not 'age1'");
  }
  if (decoded->data.size() != 32) {
    return problem(age_bad_recipient, "", "an age public key holds 32 bytes, this one " + std::to_string(decoded->data.size()));
  }
  AgeRecipient r;
  std::memcpy(r.key.data(), decoded->data.data(), 32);
  return r;
}

std::string format_age_recipient(const AgeRecipient& recipient) { return bech32_encode(k_hrp_recipient, view(recipient.key)); }

Result<AgeIdentity> parse_age_identity(std::string_view text) noexcept {
  auto decoded = bech32_decode(text);
  // The messages never quote the text: it is a secret.
  if (!decoded) {
    const std::string& code = decoded.error().code;
    const char* why = code == bech32_bad_checksum      ? "its checksum does not match (a character is mistyped or missing)"
                      : code == bech32_mixed_case       ? "it mixes uppercase and lowercase letters"
                      : code == bech32_invalid_character ? "it holds a character that cannot be in a key"
                                                         : "it is not in the form AGE-SECRET-KEY-1…";
    return problem(age_bad_identity, "", std::string("not an age private key: ") + why);
  }
  if (decoded->hrp != k_hrp_identity) {
    if (decoded->hrp == k_hrp_recipient) {
      return problem(age_bad_identity, "", "this is a public key (age1…), not a private key (AGE-SECRET-KEY-1…)");
    }
    return problem(age_bad_identity, "", "not an age X25519 private key (AGE-SECRET-KEY-1…)");
  }
  Secret data(std::move(decoded->data));
  if (data.bytes.size() != 32) {
    return problem(age_bad_identity, "", "an age private key holds 32 bytes, this one " + std::to_string(data.bytes.size()));
  }
  return age_identity_from_random(data.bytes);
}

std::string format_age_identity(const AgeIdentity& identity) {
  return bech32_encode(k_hrp_identity, view(identity.secret), true);
}

std::string age_fingerprint(const AgeRecipient& recipient) {
  const std::string text = format_age_recipient(recipient);
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, u8(text), text.size());
  const std::string hex = upper_hex(std::string_view(reinterpret_cast<const char*>(digest), 8));
  return hex.substr(0, 4) + '-' + hex.substr(4, 4) + '-' + hex.substr(8, 4) + '-' + hex.substr(12, 4);
}

Result<std::vector<AgeIdentity>> parse_age_identity_file(std::string_view text) noexcept {
  std::vector<AgeIdentity> ids;
  std::vector<Issue> issues;
  std::size_t line_no = 0;
  std::size_t at = 0;
  while (at < text.size()) {
    ++line_no;
    const std::size_t nl = text.find('\n', at);
    std::string_view line = text.substr(at, nl == std::string_view::npos ? std::string_view::npos : nl - at);
    at = nl == std::string_view::npos ? text.size() : nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    const std::string where = "line " + std::to_string(line_no);
    auto starts = [&](const char* prefix) {
      const std::size_t n = std::strlen(prefix);
      if (line.size() < n) return false;
      for (std::size_t i = 0; i < n; ++i) {
        char c = line[i];
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        if (c != prefix[i]) return false;
      }
      return true;
    };
    if (starts("-----BEGIN")) {
      issues.push_back(problem(age_bad_identity, where, where + " starts an SSH or PEM key, which certif-intra cannot use"));
    } else if (line.find_first_of(" \t") != std::string_view::npos) {
      issues.push_back(problem(age_bad_identity, where, where + " has spaces or tabs: a key line holds the key alone"));
    } else if (starts("AGE-SECRET-KEY-1")) {
      auto id = parse_age_identity(line);
      if (id) ids.push_back(std::move(id.value()));
      else issues.push_back(problem(age_bad_identity, where, where + ": " + id.error().message));
    } else if (starts("AGE1")) {
      issues.push_back(problem(age_bad_identity, where,
                             where + " holds a public key (age1…), not a private key: the identity file is the one "
                                     "age-keygen or certif keygen wrote"));
    } else if (starts("AGE-PLUGIN-")) {
      issues.push_back(problem(age_bad_identity, where, where + " holds an age plugin identity, which certif-intra cannot use"));
    } else {
      issues.push_back(problem(age_bad_identity, where, where + " is not an age private key (AGE-SECRET-KEY-1…)"));
    }
  }
  if (!issues.empty()) return issues;
  if (ids.empty()) return problem(age_no_identity, "", "the file holds no age private key (AGE-SECRET-KEY-1…)");
  return Result<std::vector<AgeIdentity>>(std::move(ids));
}

std::string format_age_identity_file(const AgeIdentity& identity, std::string_view created) {
  std::string out;
  if (!created.empty()) out += "# created: " + std::string(created) + "\n";
  out += "# public key: " + format_age_recipient(identity.recipient) + "\n";
  out += format_age_identity(identity) + "\n";
  return out;
}

// ==== header out ===========================================================================================

namespace {

void write_stanza(std::string& out, std::string_view type, const std::vector<std::string>& args, std::string_view body) {
  out += "-> ";
  out += type;
  for (const auto& a : args) {
    out += ' ';
    out += a;
  }
  out += '\n';
  const std::string text = b64(body);
  std::size_t at = 0;
  for (; text.size() - at >= 64; at += 64) {
    out.append(text, at, 64);
    out += '\n';
  }
  out.append(text, at, std::string::npos);  // the final line, shorter than 64 (maybe empty)
  out += '\n';
}

bool well_formed(const AgeStanza& s) {
  return all_vchar(s.type) && std::all_of(s.args.begin(), s.args.end(), [](const std::string& a) { return all_vchar(a); });
}

Result<Secret> scrypt_wrap_key(std::string_view passphrase, std::string_view salt, int work_factor) {
  std::string full_salt = std::string(k_scrypt_label) + std::string(salt);
  std::string key(32, '\0');
  static const unsigned char empty = 0;  // libsodium wants a pointer even for zero bytes
  const auto* p = passphrase.empty() ? &empty : u8(passphrase);
  if (crypto_pwhash_scryptsalsa208sha256_ll(p, passphrase.size(), u8(full_salt), full_salt.size(),
                                            std::uint64_t{1} << work_factor, 8, 1, u8(key), key.size()) != 0) {
    return problem(age_scrypt_failed, "header",
                 "scrypt could not run at work factor " + std::to_string(work_factor) + " (it needs " +
                     std::to_string((std::uint64_t{1} << work_factor) / 1024) + " MiB of memory)");
  }
  return Secret(std::move(key));
}

} // namespace

// ==== sealer ===============================================================================================

struct AgeSealer::State {
  std::string header;
  std::string nonce;
  Secret payload_key;
  std::string pending;  // plaintext held back: at most one chunk
  std::uint64_t counter = 0;
  std::uint64_t fed = 0;
  bool started = false;
  bool finished = false;

  void emit_start(std::string& out) {
    if (started) return;
    out += header;
    out += nonce;
    started = true;
  }
  void seal_chunk(const char* data, std::size_t size, bool last, std::string& out) {
    unsigned char n[12];
    chunk_nonce(counter++, last, n);
    const std::size_t at = out.size();
    out.resize(at + size + age_tag_size);
    unsigned long long clen = 0;
    crypto_aead_chacha20poly1305_ietf_encrypt(reinterpret_cast<unsigned char*>(&out[at]), &clen,
                                              reinterpret_cast<const unsigned char*>(data), size, nullptr, 0, nullptr, n,
                                              u8(payload_key.bytes));
  }
};

AgeSealer::AgeSealer() : state_(std::make_unique<State>()) {}
AgeSealer::~AgeSealer() {
  if (state_) wipe(state_->pending);
}
AgeSealer::AgeSealer(AgeSealer&&) noexcept = default;
AgeSealer& AgeSealer::operator=(AgeSealer&&) noexcept = default;

std::string age_passphrase_problem(std::string_view passphrase, std::string_view again) {
  if (passphrase.empty()) return age_passphrase_empty;
  if (first_invalid_utf8(passphrase) || passphrase.find_first_of("\r\n") != std::string_view::npos) {
    return age_passphrase_not_text;
  }
  const auto characters = static_cast<std::size_t>(
      std::count_if(passphrase.begin(), passphrase.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
  if (characters < age_passphrase_min_characters) return age_passphrase_short;
  if (passphrase != again) return age_passphrase_mismatch;
  return {};
}

void age_wipe(std::string& secret) noexcept {
  if (!secret.empty()) sodium_memzero(&secret[0], secret.size());
  secret.clear();
}

std::size_t age_seal_random_size(const AgeSealOptions& options) noexcept {
  return 2 * 16 + (options.use_passphrase ? 16 : 32 * options.recipients.size());
}

Result<AgeSealer> AgeSealer::create(const AgeSealOptions& options, std::string_view random) noexcept {
  if (options.use_passphrase) {
    if (!options.recipients.empty() || !options.extra_stanzas.empty()) {
      return problem(age_bad_options, "", "a passphrase seals alone: it cannot be combined with public keys or other stanzas");
    }
    if (options.passphrase.empty()) return problem(age_bad_options, "", "the passphrase is empty");
    if (options.work_factor < 1 || options.work_factor > k_max_seal_work_factor) {
      return problem(age_bad_options, "", "the scrypt work factor must be between 1 and " +
                                            std::to_string(k_max_seal_work_factor));
    }
  } else if (options.recipients.empty()) {
    return problem(age_bad_options, "", "no recipient: give at least one public key (age1…) or a passphrase");
  }
  for (const auto& s : options.extra_stanzas) {
    if (!well_formed(s)) return problem(age_bad_options, "", "an extra stanza's type or arguments are not printable ASCII words");
  }
  if (random.size() < age_seal_random_size(options)) {
    return problem(age_bad_options, "", "sealing needs " + std::to_string(age_seal_random_size(options)) + " random bytes, " +
                                          std::to_string(random.size()) + " given");
  }
  const Secret file_key{std::string(random.substr(0, k_file_key_size))};
  AgeSealer sealer;
  State& st = *sealer.state_;
  st.nonce = std::string(random.substr(16, age_nonce_size));
  std::size_t at = 32;

  std::string& h = st.header;
  h = std::string(age_version_line) + "\n";
  if (options.use_passphrase) {
    const std::string salt(random.substr(at, 16));
    auto wrap = scrypt_wrap_key(options.passphrase, salt, options.work_factor);
    if (!wrap) return wrap.issues();
    write_stanza(h, "scrypt", {b64(salt), std::to_string(options.work_factor)},
                 aead_seal_zero_nonce(wrap->bytes, file_key.bytes));
  } else {
    for (std::size_t i = 0; i < options.recipients.size(); ++i, at += 32) {
      const AgeRecipient& r = options.recipients[i];
      AgeKey ephemeral{}, share{};
      std::memcpy(ephemeral.data(), random.data() + at, 32);
      Secret shared(std::string(32, '\0'));
      const bool ok = crypto_scalarmult_base(share.data(), ephemeral.data()) == 0 &&
                      crypto_scalarmult(u8(shared.bytes), ephemeral.data(), r.key.data()) == 0;
      sodium_memzero(ephemeral.data(), ephemeral.size());
      if (!ok) {
        return problem(age_bad_options, "", "recipient " + std::to_string(i + 1) + " (" + format_age_recipient(r) +
                                              ") is not a usable public key");
      }
      const std::string salt = std::string(view(share)) + std::string(view(r.key));
      const Secret wrap = hkdf32(shared.bytes, salt, k_x25519_info);
      if (options.name_recipients) write_stanza(h, age_fingerprint_stanza, {age_fingerprint(r)}, "");
      write_stanza(h, "X25519", {b64(view(share))}, aead_seal_zero_nonce(wrap.bytes, file_key.bytes));
    }
    for (const auto& s : options.extra_stanzas) write_stanza(h, s.type, s.args, s.body);
  }
  h += "---";
  const Secret mac_key = hkdf32(file_key.bytes, "", "header");
  h += " " + b64(hmac_sha256(mac_key.bytes, h)) + "\n";
  st.payload_key = hkdf32(file_key.bytes, st.nonce, "payload");
  return Result<AgeSealer>(std::move(sealer));
}

void AgeSealer::feed(std::string_view plaintext, std::string& out) {
  State& st = *state_;
  if (st.finished) return;
  st.emit_start(out);
  st.fed += plaintext.size();
  std::size_t pos = 0;
  while (pos < plaintext.size()) {
    if (st.pending.size() == age_chunk_size) {  // more follows: it was not the last
      st.seal_chunk(st.pending.data(), st.pending.size(), false, out);
      wipe(st.pending);
    }
    if (st.pending.empty() && plaintext.size() - pos > age_chunk_size) {
      st.seal_chunk(plaintext.data() + pos, age_chunk_size, false, out);
      pos += age_chunk_size;
      continue;
    }
    const std::size_t n = std::min<std::size_t>(age_chunk_size - st.pending.size(), plaintext.size() - pos);
    st.pending.append(plaintext.data() + pos, n);
    pos += n;
  }
}

void AgeSealer::finish(std::string& out) {
  State& st = *state_;
  if (st.finished) return;
  st.emit_start(out);
  st.seal_chunk(st.pending.data(), st.pending.size(), true, out);
  wipe(st.pending);
  st.finished = true;
}

const std::string& AgeSealer::header() const noexcept { return state_->header; }
std::uint64_t AgeSealer::plaintext_fed() const noexcept { return state_->fed; }

std::uint64_t AgeSealer::sealed_size(std::uint64_t plaintext_size) const noexcept {
  const std::uint64_t chunks = plaintext_size == 0 ? 1 : (plaintext_size + age_chunk_size - 1) / age_chunk_size;
  return state_->header.size() + age_nonce_size + plaintext_size + chunks * age_tag_size;
}

// ==== header in ============================================================================================

namespace {

// Reads the header a line at a time as bytes arrive, checking each line as it completes.
class HeaderReader {
public:
  explicit HeaderReader(std::uint32_t max_bytes) : max_bytes_(max_bytes) {}

  // Takes bytes of `input` up to the end of the header; returns how many. Sets done() or failed().
  std::size_t take(std::string_view input) {
    std::size_t pos = 0;
    while (pos < input.size() && !done_ && !error_) {
      std::size_t nl = input.find('\n', pos);
      std::size_t end = nl == std::string_view::npos ? input.size() : nl + 1;
      // The first line a little at a time: a file that is not an age file is refused within 64 bytes.
      if (line_no_ == 1 && end - pos > 64) {
        end = pos + 64;
        nl = std::string_view::npos;
      }
      if (text_.size() + (end - pos) > max_bytes_) {
        fail(age_header_too_large, "header", "the header is longer than " + std::to_string(max_bytes_) +
                                                 " bytes without ending: not a file this app can read");
        return pos;
      }
      text_.append(input.data() + pos, end - pos);
      pos = end;
      if (nl == std::string_view::npos) {  // the line goes on in the next bytes
        check_start();
        continue;
      }
      line(std::string_view(text_).substr(line_start_, text_.size() - 1 - line_start_));
      line_start_ = text_.size();
      ++line_no_;
    }
    return pos;
  }

  // At the end of the input: the header did not end.
  void end_of_input() {
    if (done_ || error_) return;
    if (text_.empty()) {
      fail(age_empty, "", "the file is empty");
    } else if (line_no_ == 1 && !check_start()) {
      // check_start() set the error
    } else {
      fail(age_truncated, "header line " + std::to_string(line_no_),
           "the file ends inside its header (line " + std::to_string(line_no_) + ", byte " + std::to_string(text_.size()) +
               "): it is truncated");
    }
  }

  bool done() const noexcept { return done_; }
  const std::optional<Issue>& error() const noexcept { return error_; }
  std::uint64_t error_offset() const noexcept { return error_offset_; }
  const std::string& text() const noexcept { return text_; }
  std::size_t mac_input_size() const noexcept { return mac_input_size_; }
  const std::string& mac() const noexcept { return mac_; }
  std::vector<AgeStanza>& stanzas() noexcept { return stanzas_; }

private:
  enum class Expect { version, stanza_or_mac, body };

  // The first line, before it is complete: refuse a file that is no age file without reading it all.
  bool check_start() {
    if (line_no_ != 1) return true;
    const std::string_view got = std::string_view(text_).substr(0, std::min<std::size_t>(text_.size(), 64));
    const std::string_view prefix = k_version_prefix;
    const std::string_view armor = k_armor_begin;
    const std::size_t n = std::min(got.size(), prefix.size());
    if (got.substr(0, n) == prefix.substr(0, n)) return true;
    const std::size_t m = std::min(got.size(), armor.size());
    if (got.substr(0, m) == armor.substr(0, m)) {
      if (m < armor.size()) return true;  // maybe; wait for more
      fail(age_armored, "header", "this age file is armored (text, from age -a): open it with age -d, or seal it again without -a");
      return false;
    }
    fail(age_not_age, "header", "not an age file: it does not start with \"age-encryption.org/\"");
    return false;
  }

  void fail(const char* code, std::string path, std::string message) {
    error_ = Issue{Severity::error, code, std::move(path), std::move(message)};
    error_offset_ = line_start_;
  }
  void malformed(const std::string& what, std::size_t column = 0) {
    fail(age_header_malformed, "header line " + std::to_string(line_no_),
         "header line " + std::to_string(line_no_) + (column ? ", column " + std::to_string(column) : std::string()) +
             ": " + what);
    error_offset_ = line_start_ + (column ? column - 1 : 0);
  }

  void line(std::string_view l) {
    if (!l.empty() && l.back() == '\r') {
      return malformed("the line ends with CR LF: the file was converted to Windows line endings (handled as text, "
                       "not as a binary file, on the way)", l.size());
    }
    switch (expect_) {
      case Expect::version:
        if (l == age_version_line) {
          expect_ = Expect::stanza_or_mac;
        } else if (l.substr(0, std::strlen(k_version_prefix)) == k_version_prefix) {
          fail(age_version_unsupported, "header line 1",
               "this file is in format " + std::string(l.substr(0, 80)) + "; this app reads " + age_version_line);
        } else if (l == k_armor_begin) {
          check_start();
        } else {
          fail(age_not_age, "header", "not an age file: it does not start with \"age-encryption.org/v1\"");
        }
        return;
      case Expect::stanza_or_mac:
        if (l.substr(0, 3) == "-> ") return arg_line(l);
        if (l.substr(0, 3) == "---") return mac_line(l);
        return malformed("expected a stanza (\"-> …\") or the MAC line (\"--- …\")", 1);
      case Expect::body:
        return body_line(l);
    }
  }

  void arg_line(std::string_view l) {
    AgeStanza s;
    std::size_t at = 3;
    bool first = true;
    while (true) {
      const std::size_t sp = l.find(' ', at);
      const std::string_view arg = l.substr(at, sp == std::string_view::npos ? std::string_view::npos : sp - at);
      if (arg.empty()) return malformed("an empty stanza argument (two spaces, or a space at the end)", at + 1);
      for (std::size_t i = 0; i < arg.size(); ++i) {
        if (!is_vchar(arg[i])) return malformed("a stanza argument holds a character that is not printable ASCII", at + i + 1);
      }
      if (first) s.type = std::string(arg);
      else s.args.emplace_back(arg);
      first = false;
      if (sp == std::string_view::npos) break;
      at = sp + 1;
    }
    stanzas_.push_back(std::move(s));
    body_text_.clear();
    expect_ = Expect::body;
  }

  void body_line(std::string_view l) {
    if (l.size() > 64) return malformed("a stanza body line is longer than 64 characters", 65);
    for (std::size_t i = 0; i < l.size(); ++i) {
      if (!is_b64_char(l[i])) return malformed("a stanza body holds a character that is not base64 (unpadded)", i + 1);
    }
    body_text_.append(l.data(), l.size());
    if (l.size() == 64) return;  // the body goes on
    if (!unb64(body_text_, stanzas_.back().body)) {
      return malformed("a stanza body is not canonical base64 (unpadded)", l.size() ? l.size() : 1);
    }
    expect_ = Expect::stanza_or_mac;
  }

  void mac_line(std::string_view l) {
    if (stanzas_.empty()) return malformed("the header has no recipient stanza before its MAC", 1);
    if (l.size() < 4 || l[3] != ' ') return malformed("the MAC line must be \"--- \" and the MAC", 4);
    const std::string_view text = l.substr(4);
    if (text.size() != 43 || !unb64(text, mac_) || mac_.size() != 32) {
      return malformed("the header MAC is not 43 characters of canonical base64", 5);
    }
    mac_input_size_ = line_start_ + 3;
    done_ = true;
  }

  std::uint32_t max_bytes_;
  std::string text_;
  std::size_t line_start_ = 0;
  std::size_t line_no_ = 1;
  Expect expect_ = Expect::version;
  std::string body_text_;
  std::vector<AgeStanza> stanzas_;
  std::string mac_;
  std::size_t mac_input_size_ = 0;
  bool done_ = false;
  std::optional<Issue> error_;
  std::uint64_t error_offset_ = 0;
};

bool is_decimal_work_factor(std::string_view s, int& value) {
  if (s.empty() || s.size() > 2 || s[0] < '1' || s[0] > '9') return false;
  value = 0;
  for (const char c : s) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  return true;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

} // namespace

// ==== opener ===============================================================================================

struct AgeOpener::State {
  AgeOpenOptions options;
  Stage stage = Stage::header;
  HeaderReader reader;
  AgeHeaderInfo info;
  std::vector<Issue> notices;
  Issue last_error;
  std::uint64_t error_offset = 0;
  std::uint64_t consumed = 0;
  Secret file_key;
  Secret payload_key;
  std::string nonce;
  std::string buffer;  // a chunk being gathered
  std::uint64_t counter = 0;
  std::uint64_t plaintext = 0;

  explicit State(AgeOpenOptions o) : options(o), reader(o.max_header_bytes) {}

  std::uint64_t chunk_offset(std::uint64_t index) const {
    return info.size + age_nonce_size + index * k_sealed_chunk;
  }

  bool fail(Issue issue, std::uint64_t offset) {
    last_error = std::move(issue);
    error_offset = offset;
    stage = Stage::failed;
    wipe(buffer);
    return false;
  }
  bool refuse(Issue issue) {  // stays locked
    last_error = std::move(issue);
    return false;
  }

  // Checks each stanza of a type this code knows, once the header is read.
  bool examine_header() {
    info.size = reader.text().size();
    info.stanzas = std::move(reader.stanzas());
    std::size_t scrypt = 0;
    for (std::size_t i = 0; i < info.stanzas.size(); ++i) {
      const AgeStanza& s = info.stanzas[i];
      const std::string where = "header";
      const std::string which = "stanza " + std::to_string(i + 1) + " (" + s.type + ")";
      std::string decoded;
      if (s.type == "X25519") {
        if (s.args.size() != 1 || !unb64(s.args[0], decoded) || decoded.size() != 32) {
          return fail(problem(age_bad_stanza, where, which + ": an X25519 stanza carries one argument, 32 bytes in base64"), 0);
        }
        if (s.body.size() != 32) {
          return fail(problem(age_bad_stanza, where, which + ": an X25519 stanza's body is 32 bytes, not " +
                                                       std::to_string(s.body.size())), 0);
        }
        ++info.x25519_stanzas;
      } else if (s.type == "scrypt") {
        int wf = 0;
        if (s.args.size() != 2 || !unb64(s.args[0], decoded) || decoded.size() != 16) {
          return fail(problem(age_bad_stanza, where, which + ": an scrypt stanza carries a 16-byte salt and a work factor"), 0);
        }
        if (!is_decimal_work_factor(s.args[1], wf)) {
          if (!s.args[1].empty() && s.args[1][0] >= '1' && s.args[1][0] <= '9' &&
              std::all_of(s.args[1].begin(), s.args[1].end(), [](char c) { return c >= '0' && c <= '9'; })) {
            wf = 99;  // more than two digits: absurd, refused below when unlocking
          } else {
            return fail(problem(age_bad_stanza, where, which + ": the work factor '" + s.args[1].substr(0, 20) +
                                                         "' is not a decimal number without leading zeros"), 0);
          }
        }
        if (s.body.size() != 32) {
          return fail(problem(age_bad_stanza, where, which + ": an scrypt stanza's body is 32 bytes, not " +
                                                       std::to_string(s.body.size())), 0);
        }
        ++scrypt;
        info.passphrase = true;
        info.work_factor = wf;
      } else if (s.type == age_fingerprint_stanza) {
        if (s.args.size() == 1 && is_fingerprint(s.args[0]) && s.body.empty()) {
          info.fingerprints.push_back(s.args[0]);
        } else {
          notices.push_back(Issue{Severity::notice, age_unknown_stanza, where,
                                  which + " is not in the form certif-intra writes; skipped"});
        }
      } else if (!ends_with(s.type, "-grease")) {
        info.unknown_types.push_back(s.type);
        notices.push_back(Issue{Severity::notice, age_unknown_stanza, where,
                                which + ": a recipient type this app does not know, skipped"});
      }
    }
    if (scrypt > 0 && info.stanzas.size() > 1) {
      return fail(problem(age_scrypt_not_alone, "header",
                        "a passphrase (scrypt) stanza must be the header's only stanza; this header has " +
                            std::to_string(info.stanzas.size())), 0);
    }
    stage = Stage::locked;
    return true;
  }

  bool accept_file_key(Secret key) {
    const Secret mac_key = hkdf32(key.bytes, "", "header");
    const std::string expected = hmac_sha256(mac_key.bytes, std::string_view(reader.text()).substr(0, reader.mac_input_size()));
    if (crypto_verify_32(u8(expected), u8(reader.mac())) != 0) {
      return fail(problem(age_header_mac, "header",
                        "the header's MAC does not match: the header was modified after sealing (the key itself fits)"),
                  0);
    }
    file_key = std::move(key);
    stage = Stage::payload;
    return true;
  }

  // Opens one sealed chunk of `size` bytes into `out`; false (and failed) when it does not verify.
  bool open_chunk(const char* data, std::size_t size, bool last, std::string& out) {
    const std::uint64_t offset = chunk_offset(counter);
    const std::string where = "chunk " + std::to_string(counter);
    if (size < age_tag_size) {
      return fail(problem(age_truncated, where, "the file ends " + std::to_string(size) + " bytes into chunk " +
                                                  std::to_string(counter) + " (at byte " + std::to_string(offset) +
                                                  "), before its 16-byte tag: it is truncated"),
                  offset);
    }
    const std::size_t plain = size - age_tag_size;
    if (plaintext + plain > options.max_plaintext_bytes) {
      return fail(problem(age_too_large, where, "the content is larger than " + std::to_string(options.max_plaintext_bytes) +
                                                  " bytes, the limit for this file"),
                  offset);
    }
    const std::size_t at = out.size();
    out.resize(at + plain);
    auto attempt = [&](bool flag) {
      unsigned char n[12];
      chunk_nonce(counter, flag, n);
      unsigned long long mlen = 0;
      return crypto_aead_chacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char*>(&out[at]), &mlen, nullptr,
                                                       reinterpret_cast<const unsigned char*>(data), size, nullptr, 0, n,
                                                       u8(payload_key.bytes)) == 0;
    };
    if (!attempt(last)) {
      // Tell the cases apart by trying the other flag: a chunk sealed as the last one with bytes after
      // it, or the file cut right after a chunk that was not its last.
      const bool other = attempt(!last);
      sodium_memzero(&out[at], plain);
      out.resize(at);
      if (other && !last) {
        return fail(problem(age_trailing_data, where,
                          "chunk " + std::to_string(counter) + " is the file's last, but " +
                              "more bytes follow it (from byte " + std::to_string(offset + size) + ")"),
                    offset + size);
      }
      if (other && last) {
        return fail(problem(age_truncated, where,
                          "the file ends after chunk " + std::to_string(counter) + " (byte " + std::to_string(offset + size) +
                              "), which is not its last: it is truncated"),
                    offset + size);
      }
      return fail(problem(age_chunk_tampered, where,
                        "chunk " + std::to_string(counter) + " (bytes " + std::to_string(offset) + " to " +
                            std::to_string(offset + size - 1) + ") fails authentication: the file was " +
                            (last ? "damaged, modified or truncated there" : "damaged or modified there")),
                  offset);
    }
    if (last && plain == 0 && counter > 0) {
      return fail(problem(age_empty_final_chunk, where,
                        "the final chunk is empty, which only an empty file may have: the file was modified"),
                  offset);
    }
    plaintext += plain;
    ++counter;
    return true;
  }
};

AgeOpener::AgeOpener(AgeOpenOptions options) : state_(std::make_unique<State>(options)) {}
AgeOpener::~AgeOpener() {
  if (state_) wipe(state_->buffer);
}
AgeOpener::AgeOpener(AgeOpener&&) noexcept = default;
AgeOpener& AgeOpener::operator=(AgeOpener&&) noexcept = default;

std::size_t AgeOpener::feed(std::string_view input, std::string& out, std::size_t budget) noexcept {
  State& st = *state_;
  const std::size_t take = std::min(input.size(), budget);
  std::size_t pos = 0;
  if (st.stage == Stage::header) {
    pos = st.reader.take(input.substr(0, take));
    st.consumed += pos;
    if (st.reader.error()) {
      st.fail(*st.reader.error(), st.reader.error_offset());
    } else if (st.reader.done()) {
      st.examine_header();
    }
    return pos;
  }
  if (st.stage != Stage::payload) return 0;

  if (st.nonce.size() < age_nonce_size) {
    const std::size_t n = std::min<std::size_t>(age_nonce_size - st.nonce.size(), take);
    st.nonce.append(input.data(), n);
    pos += n;
    if (st.nonce.size() == age_nonce_size) st.payload_key = hkdf32(st.file_key.bytes, st.nonce, "payload");
  }
  if (st.nonce.size() == age_nonce_size) {
    // A full chunk is known not to be the last once a byte follows it, within the budget or beyond.
    while (st.stage == Stage::payload) {
      if (st.buffer.empty() && take - pos >= k_sealed_chunk && input.size() - pos > k_sealed_chunk) {
        if (!st.open_chunk(input.data() + pos, k_sealed_chunk, false, out)) break;
        pos += k_sealed_chunk;
        continue;
      }
      const std::size_t n = std::min<std::size_t>(k_sealed_chunk - st.buffer.size(), take - pos);
      st.buffer.append(input.data() + pos, n);
      pos += n;
      if (st.buffer.size() == k_sealed_chunk && input.size() > pos) {
        if (!st.open_chunk(st.buffer.data(), st.buffer.size(), false, out)) break;
        st.buffer.clear();
        continue;
      }
      break;
    }
  }
  st.consumed += pos;
  return pos;
}

bool AgeOpener::unlock(const std::vector<AgeIdentity>& identities) noexcept {
  State& st = *state_;
  if (st.stage != Stage::locked) return st.refuse(problem(age_misuse, "", "unlock() is for a file whose header was read"));
  if (st.info.passphrase) {
    return st.refuse(problem(age_passphrase_needed, "header", "this file is sealed with a passphrase, not to a public key"));
  }
  for (const AgeStanza& s : st.info.stanzas) {
    if (s.type != "X25519") continue;
    std::string share;
    unb64(s.args[0], share);
    for (const AgeIdentity& id : identities) {
      Secret shared(std::string(32, '\0'));
      if (crypto_scalarmult(u8(shared.bytes), id.secret.data(), u8(share)) != 0) {
        return st.fail(problem(age_bad_stanza, "header",
                             "an X25519 stanza's share is a low-order point (the file was forged to leak nothing)"),
                       0);
      }
      const std::string salt = share + std::string(view(id.recipient.key));
      const Secret wrap = hkdf32(shared.bytes, salt, k_x25519_info);
      Secret file_key;
      if (aead_open_zero_nonce(wrap.bytes, s.body, file_key) && file_key.bytes.size() == k_file_key_size) {
        return st.accept_file_key(std::move(file_key));
      }
    }
  }
  std::string message = "none of the given keys opens this file";
  if (!identities.empty()) {
    message += " (";
    for (std::size_t i = 0; i < identities.size(); ++i) {
      message += (i ? ", " : "") + age_fingerprint(identities[i].recipient);
    }
    message += ")";
  }
  if (!st.info.fingerprints.empty()) {
    message += "; it is sealed for " + plural(st.info.fingerprints.size(), "key", "keys") + " with fingerprint" +
               (st.info.fingerprints.size() == 1 ? " " : "s ");
    for (std::size_t i = 0; i < st.info.fingerprints.size(); ++i) message += (i ? ", " : "") + st.info.fingerprints[i];
  } else if (st.info.x25519_stanzas > 0) {
    message += "; it is sealed for " + plural(st.info.x25519_stanzas, "key", "keys") +
               " that it does not name (it was sealed by another tool)";
  } else {
    message += "; it has no stanza for an X25519 key";
    if (!st.info.unknown_types.empty()) message += ", only of types this app does not know (" + st.info.unknown_types[0] + ")";
  }
  return st.refuse(problem(age_wrong_key, "header", message));
}

bool AgeOpener::unlock_with_passphrase(std::string_view passphrase) noexcept {
  State& st = *state_;
  if (st.stage != Stage::locked) {
    return st.refuse(problem(age_misuse, "", "unlock_with_passphrase() is for a file whose header was read"));
  }
  if (!st.info.passphrase) {
    return st.refuse(problem(age_no_passphrase_stanza, "header",
                           "this file is sealed to public keys, not with a passphrase: open it with a private key"));
  }
  const AgeStanza& s = st.info.stanzas.front();
  if (st.info.work_factor > st.options.max_work_factor) {
    return st.fail(problem(age_work_factor_too_high, "header",
                         "the passphrase's scrypt work factor is " + (st.info.work_factor >= 99 ? s.args[1].substr(0, 20) :
                         std::to_string(st.info.work_factor)) + "; this app refuses more than " +
                             std::to_string(st.options.max_work_factor) + " (it would take too much memory and time)"),
                   0);
  }
  std::string salt;
  unb64(s.args[0], salt);
  auto wrap = scrypt_wrap_key(passphrase, salt, st.info.work_factor);
  if (!wrap) return st.refuse(wrap.error());
  Secret file_key;
  if (!aead_open_zero_nonce(wrap->bytes, s.body, file_key) || file_key.bytes.size() != k_file_key_size) {
    return st.refuse(problem(age_bad_passphrase, "header", "the passphrase is not the one this file was sealed with"));
  }
  return st.accept_file_key(std::move(file_key));
}

bool AgeOpener::finish(std::string& out) noexcept {
  State& st = *state_;
  switch (st.stage) {
    case Stage::done: return true;
    case Stage::failed: return false;
    case Stage::header:
      st.reader.end_of_input();
      return st.fail(*st.reader.error(), st.reader.error_offset());
    case Stage::locked:
      return st.refuse(problem(age_misuse, "", "finish() before the file was unlocked"));
    case Stage::payload: break;
  }
  if (st.nonce.size() < age_nonce_size) {
    return st.fail(problem(age_truncated, "payload", "the file ends right after its header (byte " +
                                                       std::to_string(st.info.size + st.nonce.size()) +
                                                       "), before the payload: it is truncated"),
                   st.info.size + st.nonce.size());
  }
  if (st.buffer.empty()) {
    return st.fail(problem(age_truncated, "payload", "the file ends before its first chunk (byte " +
                                                       std::to_string(st.chunk_offset(0)) + "): it is truncated"),
                   st.chunk_offset(0));
  }
  if (!st.open_chunk(st.buffer.data(), st.buffer.size(), true, out)) return false;
  wipe(st.buffer);
  st.stage = Stage::done;
  return true;
}

AgeOpener::Stage AgeOpener::stage() const noexcept { return state_->stage; }
const AgeHeaderInfo& AgeOpener::header() const noexcept { return state_->info; }
const Issue& AgeOpener::error() const noexcept { return state_->last_error; }
const std::vector<Issue>& AgeOpener::notices() const noexcept { return state_->notices; }
std::uint64_t AgeOpener::error_offset() const noexcept { return state_->error_offset; }
std::uint64_t AgeOpener::consumed() const noexcept { return state_->consumed; }
std::uint64_t AgeOpener::chunks_opened() const noexcept { return state_->counter; }

std::uint64_t AgeOpener::plaintext_size(std::uint64_t file_size) const noexcept {
  const State& st = *state_;
  if (st.stage == Stage::header || file_size < st.info.size + age_nonce_size + age_tag_size) return 0;
  const std::uint64_t payload = file_size - st.info.size - age_nonce_size;
  const std::uint64_t chunks = (payload + k_sealed_chunk - 1) / k_sealed_chunk;
  const std::uint64_t last = payload - (chunks - 1) * k_sealed_chunk;
  if (last < age_tag_size || (last == age_tag_size && chunks > 1)) return 0;
  return payload - chunks * age_tag_size;
}

// ==== one call ============================================================================================

bool looks_like_age(std::string_view bytes) noexcept {
  const std::string_view prefix = k_version_prefix;
  const std::string_view armor = k_armor_begin;
  return bytes.substr(0, prefix.size()) == prefix || bytes.substr(0, armor.size()) == armor;
}

Result<std::string> age_seal(std::string_view plaintext, const AgeSealOptions& options, std::string_view random) {
  auto sealer = AgeSealer::create(options, random);
  if (!sealer) return sealer.issues();
  std::string out;
  out.reserve(static_cast<std::size_t>(sealer->sealed_size(plaintext.size())));
  sealer->feed(plaintext, out);
  sealer->finish(out);
  return Result<std::string>(std::move(out));
}

namespace {

Result<std::string> open_whole(std::string_view file, const AgeOpenOptions& options,
                               const std::vector<AgeIdentity>* identities, std::string_view passphrase) {
  AgeOpener o(options);
  std::string out;
  std::size_t at = 0;
  while (o.stage() == AgeOpener::Stage::header && at < file.size()) at += o.feed(file.substr(at), out);
  if (o.stage() == AgeOpener::Stage::header) o.finish(out);
  if (o.failed()) return o.error();
  const bool unlocked = identities ? o.unlock(*identities) : o.unlock_with_passphrase(passphrase);
  if (!unlocked) return o.error();
  out.reserve(static_cast<std::size_t>(o.plaintext_size(file.size())));
  at += o.feed(file.substr(at), out);
  if (!o.finish(out)) return o.error();
  return Result<std::string>(std::move(out));
}

} // namespace

Result<std::string> age_open(std::string_view file, const std::vector<AgeIdentity>& identities,
                             const AgeOpenOptions& options) {
  return open_whole(file, options, &identities, "");
}

Result<std::string> age_open_with_passphrase(std::string_view file, std::string_view passphrase,
                                             const AgeOpenOptions& options) {
  return open_whole(file, options, nullptr, passphrase);
}

} // namespace core
