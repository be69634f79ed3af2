# libsodium for the code that seals and opens dossiers (src/core/codecs/age.cpp): target `sodium`.
#   native: Debian's libsodium-dev (headers and library found on the system).
#   wasm:   Debian's libsodium 1.0.18 sources (scripts/setup.sh unpacks them into .cache/) compiled here
#           as plain C for wasm32, without assembly, threads or CPU-specific code.
#
# In place of libsodium's ./configure (which cannot run for a cross build under CMake), the defines it
# would find for wasm32 that matter, and nothing else:
#   CONFIGURED=1            its headers refuse to build without it (private/common.h)
#   NATIVE_LITTLE_ENDIAN=1  wasm is little-endian: loads and stores become memcpy
#   SODIUM_STATIC=1         a static library: no visibility attributes on the API
# Left undefined on purpose: every HAVE_*INTRIN_H (no SSE/AVX code exists for wasm), HAVE_AMD64_ASM /
# HAVE_AVX_ASM / HAVE_INLINE_ASM / HAVE_CPUID (no assembly), HAVE_PTHREAD and HAVE_ATOMIC_OPS (one
# thread), HAVE_TI_MODE (no 128-bit arithmetic: the 32-bit field and Poly1305 code fit wasm32 — with it,
# sealing 150 MB under node took 1.1–1.9 s of CPU instead of 0.8–0.9 s, measured here), HAVE_MMAP
# / HAVE_MLOCK / HAVE_MPROTECT (guarded pages: not used here; scrypt then takes its memory from malloc).
# sodium/version.h is generated from its template with the version configure.ac states.
# The sources are the library's own list (src/libsodium/Makefile.am, non-minimal: scrypt is in the
# non-minimal part), less what it leaves out under Emscripten (randombytes/sysrandom and the RDRAND
# generator): randomness comes from the page, never from libsodium, in this app.

add_library(sodium INTERFACE)

if(NOT EMSCRIPTEN)
  find_path(CERTIF_SODIUM_INCLUDE sodium.h REQUIRED)
  find_library(CERTIF_SODIUM_LIBRARY sodium REQUIRED)
  target_link_libraries(sodium INTERFACE "${CERTIF_SODIUM_LIBRARY}")
  # /usr/include is already on the native compiler's path; naming it again would change nothing.
  if(NOT CERTIF_SODIUM_INCLUDE STREQUAL "/usr/include")
    target_include_directories(sodium SYSTEM INTERFACE "${CERTIF_SODIUM_INCLUDE}")
  endif()
  return()
endif()

set(CERTIF_SODIUM_DIR "${CERTIF_CACHE_DIR}/libsodium-1.0.18" CACHE PATH "libsodium 1.0.18 sources (Debian source package)")
set(_src "${CERTIF_SODIUM_DIR}/src/libsodium")
if(NOT EXISTS "${_src}/include/sodium.h")
  message(FATAL_ERROR "libsodium sources not found in ${CERTIF_SODIUM_DIR}: run scripts/setup.sh first")
endif()
enable_language(C)

# sodium/version.h from version.h.in (configure.ac: 1.0.18, library version 10.3, not minimal).
set(_gen "${CMAKE_BINARY_DIR}/generated/sodium")
set(VERSION "1.0.18")
set(SODIUM_LIBRARY_VERSION_MAJOR 10)
set(SODIUM_LIBRARY_VERSION_MINOR 3)
set(SODIUM_LIBRARY_MINIMAL_DEF "")
configure_file("${_src}/include/sodium/version.h.in" "${_gen}/sodium/version.h" @ONLY)
# version.h includes "export.h" from its own folder.
configure_file("${_src}/include/sodium/export.h" "${_gen}/sodium/export.h" COPYONLY)

# Makefile.am's libsodium_la_SOURCES (the C files), the fe_25_5 / ref variants chosen without TI mode
# and AMD64 assembly (headers only), and its !MINIMAL additions.
set(_files
  crypto_aead/chacha20poly1305/sodium/aead_chacha20poly1305.c
  crypto_aead/xchacha20poly1305/sodium/aead_xchacha20poly1305.c
  crypto_auth/crypto_auth.c
  crypto_auth/hmacsha256/auth_hmacsha256.c
  crypto_auth/hmacsha512/auth_hmacsha512.c
  crypto_auth/hmacsha512256/auth_hmacsha512256.c
  crypto_box/crypto_box.c
  crypto_box/crypto_box_easy.c
  crypto_box/crypto_box_seal.c
  crypto_box/curve25519xsalsa20poly1305/box_curve25519xsalsa20poly1305.c
  crypto_core/ed25519/ref10/ed25519_ref10.c
  crypto_core/hchacha20/core_hchacha20.c
  crypto_core/hsalsa20/ref2/core_hsalsa20_ref2.c
  crypto_core/hsalsa20/core_hsalsa20.c
  crypto_core/salsa/ref/core_salsa_ref.c
  crypto_generichash/crypto_generichash.c
  crypto_generichash/blake2b/generichash_blake2.c
  crypto_generichash/blake2b/ref/blake2b-compress-ref.c
  crypto_generichash/blake2b/ref/blake2b-ref.c
  crypto_generichash/blake2b/ref/generichash_blake2b.c
  crypto_hash/crypto_hash.c
  crypto_hash/sha256/hash_sha256.c
  crypto_hash/sha256/cp/hash_sha256_cp.c
  crypto_hash/sha512/hash_sha512.c
  crypto_hash/sha512/cp/hash_sha512_cp.c
  crypto_kdf/blake2b/kdf_blake2b.c
  crypto_kdf/crypto_kdf.c
  crypto_kx/crypto_kx.c
  crypto_onetimeauth/crypto_onetimeauth.c
  crypto_onetimeauth/poly1305/onetimeauth_poly1305.c
  crypto_onetimeauth/poly1305/donna/poly1305_donna.c
  crypto_pwhash/argon2/argon2-core.c
  crypto_pwhash/argon2/argon2-encoding.c
  crypto_pwhash/argon2/argon2-fill-block-ref.c
  crypto_pwhash/argon2/argon2.c
  crypto_pwhash/argon2/blake2b-long.c
  crypto_pwhash/argon2/pwhash_argon2i.c
  crypto_pwhash/argon2/pwhash_argon2id.c
  crypto_pwhash/crypto_pwhash.c
  crypto_scalarmult/crypto_scalarmult.c
  crypto_scalarmult/curve25519/ref10/x25519_ref10.c
  crypto_scalarmult/curve25519/scalarmult_curve25519.c
  crypto_secretbox/crypto_secretbox.c
  crypto_secretbox/crypto_secretbox_easy.c
  crypto_secretbox/xsalsa20poly1305/secretbox_xsalsa20poly1305.c
  crypto_secretstream/xchacha20poly1305/secretstream_xchacha20poly1305.c
  crypto_shorthash/crypto_shorthash.c
  crypto_shorthash/siphash24/shorthash_siphash24.c
  crypto_shorthash/siphash24/ref/shorthash_siphash24_ref.c
  crypto_sign/crypto_sign.c
  crypto_sign/ed25519/sign_ed25519.c
  crypto_sign/ed25519/ref10/keypair.c
  crypto_sign/ed25519/ref10/open.c
  crypto_sign/ed25519/ref10/sign.c
  crypto_stream/chacha20/stream_chacha20.c
  crypto_stream/chacha20/ref/chacha20_ref.c
  crypto_stream/crypto_stream.c
  crypto_stream/salsa20/stream_salsa20.c
  crypto_stream/xsalsa20/stream_xsalsa20.c
  crypto_verify/sodium/verify.c
  randombytes/randombytes.c
  sodium/codecs.c
  sodium/core.c
  sodium/runtime.c
  sodium/utils.c
  sodium/version.c
  crypto_stream/salsa20/ref/salsa20_ref.c
  # !MINIMAL
  crypto_box/curve25519xchacha20poly1305/box_curve25519xchacha20poly1305.c
  crypto_box/curve25519xchacha20poly1305/box_seal_curve25519xchacha20poly1305.c
  crypto_core/ed25519/core_ed25519.c
  crypto_core/ed25519/core_ristretto255.c
  crypto_pwhash/scryptsalsa208sha256/crypto_scrypt-common.c
  crypto_pwhash/scryptsalsa208sha256/scrypt_platform.c
  crypto_pwhash/scryptsalsa208sha256/pbkdf2-sha256.c
  crypto_pwhash/scryptsalsa208sha256/pwhash_scryptsalsa208sha256.c
  crypto_pwhash/scryptsalsa208sha256/nosse/pwhash_scryptsalsa208sha256_nosse.c
  crypto_scalarmult/ed25519/ref10/scalarmult_ed25519_ref10.c
  crypto_scalarmult/ristretto255/ref10/scalarmult_ristretto255_ref10.c
  crypto_secretbox/xchacha20poly1305/secretbox_xchacha20poly1305.c
  crypto_shorthash/siphash24/shorthash_siphashx24.c
  crypto_shorthash/siphash24/ref/shorthash_siphashx24_ref.c
  crypto_sign/ed25519/ref10/obsolete.c
  crypto_stream/salsa2012/ref/stream_salsa2012_ref.c
  crypto_stream/salsa2012/stream_salsa2012.c
  crypto_stream/salsa208/ref/stream_salsa208_ref.c
  crypto_stream/salsa208/stream_salsa208.c
  crypto_stream/xchacha20/stream_xchacha20.c
  # Makefile.am's SIMD libraries (libsse2 … libavx512f, libaesni) stay in under Emscripten; without the
  # HAVE_*INTRIN_H defines each compiles to nothing but the symbols the dispatch code names.
  crypto_aead/aes256gcm/aesni/aead_aes256gcm_aesni.c
  crypto_onetimeauth/poly1305/sse2/poly1305_sse2.c
  crypto_pwhash/scryptsalsa208sha256/sse/pwhash_scryptsalsa208sha256_sse.c
  crypto_stream/salsa20/xmm6int/salsa20_xmm6int-sse2.c
  crypto_generichash/blake2b/ref/blake2b-compress-ssse3.c
  crypto_pwhash/argon2/argon2-fill-block-ssse3.c
  crypto_stream/chacha20/dolbeau/chacha20_dolbeau-ssse3.c
  crypto_generichash/blake2b/ref/blake2b-compress-sse41.c
  crypto_generichash/blake2b/ref/blake2b-compress-avx2.c
  crypto_pwhash/argon2/argon2-fill-block-avx2.c
  crypto_stream/chacha20/dolbeau/chacha20_dolbeau-avx2.c
  crypto_stream/salsa20/xmm6int/salsa20_xmm6int-avx2.c
  crypto_pwhash/argon2/argon2-fill-block-avx512f.c
)
list(TRANSFORM _files PREPEND "${_src}/")
add_library(sodium_wasm STATIC ${_files})
target_include_directories(sodium_wasm PRIVATE "${_src}/include/sodium" "${_gen}/sodium")
target_include_directories(sodium_wasm SYSTEM PUBLIC "${_src}/include" "${_gen}")
target_compile_definitions(sodium_wasm PRIVATE CONFIGURED=1 NATIVE_LITTLE_ENDIAN=1)
target_compile_definitions(sodium_wasm PUBLIC SODIUM_STATIC=1)
# configure.ac's safety flags for this code (it relies on wrapping arithmetic and type punning), -O3
# whatever the build type: sealing and opening 150 MB is its hot loop.
target_compile_options(sodium_wasm PRIVATE -O3 -fno-strict-aliasing -fno-strict-overflow -w)
target_link_libraries(sodium INTERFACE sodium_wasm)
