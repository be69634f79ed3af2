// The wasm side of bench/age.sh: seals and opens a file with core's AgeSealer / AgeOpener the way the
// browser will — 1 MiB slices in, sealed pieces out; the opened content kept whole in one reserved string
// (the bundle text the app then verifies) — and prints the time and the peak wasm heap as JSON.
//   node age_bench.js seal IN OUT RECIPIENT | open IN OUT IDENTITY_FILE | scrypt WORK_FACTOR
#include "core/codecs/age.hpp"

#include <emscripten/heap.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <unistd.h>

namespace {

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

std::string random_bytes(std::size_t n) {
  std::string s(n, '\0');
  for (std::size_t at = 0; at < n; at += 256) getentropy(&s[at], std::min<std::size_t>(256, n - at));  // crypto.getRandomValues
  return s;
}

void report(const char* op, double s, std::uint64_t bytes) {
  // The wasm memory never shrinks: its size now is the peak of the run.
  std::printf("{\"op\": \"%s\", \"seconds\": %.3f, \"bytes\": %llu, \"peak_heap_bytes\": %zu}\n", op, s,
              static_cast<unsigned long long>(bytes), emscripten_get_heap_size());
}

int fail(const std::string& why) {
  std::fprintf(stderr, "age_bench: %s\n", why.c_str());
  return 1;
}

} // namespace

int main(int argc, char** argv) {
  if (argc < 3) return fail("usage: seal IN OUT RECIPIENT | open IN OUT IDENTITY_FILE | scrypt WORK_FACTOR");
  const std::string op = argv[1];
  std::string piece(std::size_t{1} << 20, '\0');
  if (op == "scrypt") {
    core::AgeSealOptions o;
    o.use_passphrase = true;
    o.passphrase = "a passphrase";
    o.work_factor = std::atoi(argv[2]);
    const auto t0 = std::chrono::steady_clock::now();
    auto s = core::AgeSealer::create(o, random_bytes(core::age_seal_random_size(o)));
    if (!s) return fail(s.error().message);
    report("scrypt", seconds_since(t0), 0);
    return 0;
  }
  if (argc < 5) return fail("missing arguments");
  std::ifstream in(argv[2], std::ios::binary);
  std::ofstream out(argv[3], std::ios::binary);
  if (!in || !out) return fail("cannot open the files");
  const auto t0 = std::chrono::steady_clock::now();
  if (op == "seal") {
    const auto r = core::parse_age_recipient(argv[4]);
    if (!r) return fail(r.error().message);
    core::AgeSealOptions o;
    o.recipients.push_back(*r);
    auto s = core::AgeSealer::create(o, random_bytes(core::age_seal_random_size(o)));
    if (!s) return fail(s.error().message);
    std::string sealed;
    while (in) {
      in.read(&piece[0], static_cast<std::streamsize>(piece.size()));
      sealed.clear();
      s->feed(std::string_view(piece).substr(0, static_cast<std::size_t>(in.gcount())), sealed);
      out.write(sealed.data(), static_cast<std::streamsize>(sealed.size()));
    }
    sealed.clear();
    s->finish(sealed);
    out.write(sealed.data(), static_cast<std::streamsize>(sealed.size()));
    report("seal", seconds_since(t0), s->plaintext_fed());
    return out ? 0 : fail("cannot write");
  }
  if (op == "open") {
    std::ifstream k(argv[4], std::ios::binary);
    std::stringstream text;
    text << k.rdbuf();
    const auto ids = core::parse_age_identity_file(text.str());
    if (!ids) return fail(ids.error().message);
    in.seekg(0, std::ios::end);
    const auto size = static_cast<std::uint64_t>(in.tellg());
    in.seekg(0);
    core::AgeOpener o;
    std::string plain;
    std::size_t at = 0, have = 0;
    auto next = [&]() {
      in.read(&piece[0], static_cast<std::streamsize>(piece.size()));
      have = static_cast<std::size_t>(in.gcount());
      at = 0;
      return have > 0;
    };
    bool more = next();
    while (more && o.stage() == core::AgeOpener::Stage::header) {
      at += o.feed(std::string_view(piece.data() + at, have - at), plain);
      if (at == have) more = next();
    }
    if (o.stage() == core::AgeOpener::Stage::header || o.failed()) return fail(o.error().message);
    if (!o.unlock(*ids)) return fail(o.error().message);
    plain.reserve(static_cast<std::size_t>(o.plaintext_size(size)));
    while (more && !o.failed()) {
      at += o.feed(std::string_view(piece.data() + at, have - at), plain);
      if (at == have) more = next();
    }
    if (!o.finish(plain)) return fail(o.error().message);
    report("open", seconds_since(t0), plain.size());
    out.write(plain.data(), static_cast<std::streamsize>(plain.size()));
    return out ? 0 : fail("cannot write");
  }
  return fail("unknown operation " + op);
}
