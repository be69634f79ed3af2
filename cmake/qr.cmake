# QR codes for core (src/core/documents/qr.cpp): Nayuki's qrcodegen to encode, zbar's QR reader to decode.
# Natively: Debian's libqrcodegen-dev and libzbar-dev. In the browser build: their Debian sources
# (scripts/setup.sh unpacks them into .cache/, zbar with Debian's security patches) compiled here — of
# zbar only what reading QR codes needs, configured by the config.h written below.
# Provides the interface target certif_qr_libs.

add_library(certif_qr_libs INTERFACE)

if(EMSCRIPTEN)
  enable_language(C)
  set(CERTIF_QRCODEGEN_DIR "${CERTIF_CACHE_DIR}/qr-code-generator" CACHE PATH "qrcodegen sources (Debian source package qr-code-generator)")
  set(CERTIF_ZBAR_DIR "${CERTIF_CACHE_DIR}/zbar" CACHE PATH "zbar sources (Debian source package zbar, patched)")
  foreach(_f "${CERTIF_QRCODEGEN_DIR}/c/qrcodegen.c" "${CERTIF_ZBAR_DIR}/zbar/qrcode/qrdec.c" "${CERTIF_ZBAR_DIR}/.debian-patched")
    if(NOT EXISTS "${_f}")
      message(FATAL_ERROR "${_f} not found: run scripts/setup.sh first")
    endif()
  endforeach()

  add_library(qrcodegen STATIC "${CERTIF_QRCODEGEN_DIR}/c/qrcodegen.c")
  target_include_directories(qrcodegen SYSTEM PUBLIC "${CERTIF_QRCODEGEN_DIR}/c")
  target_compile_options(qrcodegen PRIVATE -O2 -w)

  # zbar's build is configured by autoconf; these are the answers for QR-only reading under Emscripten
  # (musl: unistd.h with POSIX timers, iconv in libc; no threads, no D-Bus, no JPEG, no messages).
  set(_zbar_config "${CMAKE_BINARY_DIR}/generated/zbar-config")
  file(MAKE_DIRECTORY "${_zbar_config}")
  file(WRITE "${_zbar_config}/config.h.new" "/* zbar configured for certif-intra's browser build: the QR reader only. */
#define ENABLE_QRCODE 1
#define ENABLE_SQCODE 0
#define ENABLE_EAN 0
#define ENABLE_I25 0
#define ENABLE_DATABAR 0
#define ENABLE_CODABAR 0
#define ENABLE_CODE39 0
#define ENABLE_CODE93 0
#define ENABLE_CODE128 0
#define ENABLE_PDF417 0
#define HAVE_INTTYPES_H 1
#define HAVE_ERRNO_H 1
#define HAVE_UNISTD_H 1
#define HAVE_SYS_TIME_H 1
#define ZNO_MESSAGES 1
#define NO_STATS 1
#define ZBAR_VERSION_MAJOR 0
#define ZBAR_VERSION_MINOR 23
#define ZBAR_VERSION_PATCH 92
")
  file(COPY_FILE "${_zbar_config}/config.h.new" "${_zbar_config}/config.h" ONLY_IF_DIFFERENT)
  set(_z "${CERTIF_ZBAR_DIR}/zbar")
  add_library(zbar_qr STATIC
    "${_z}/config.c" "${_z}/decoder.c" "${_z}/error.c" "${_z}/image.c" "${_z}/img_scanner.c" "${_z}/refcnt.c"
    "${_z}/scanner.c" "${_z}/symbol.c" "${_z}/decoder/qr_finder.c"
    "${_z}/qrcode/bch15_5.c" "${_z}/qrcode/binarize.c" "${_z}/qrcode/isaac.c" "${_z}/qrcode/qrdec.c"
    "${_z}/qrcode/qrdectxt.c" "${_z}/qrcode/rs.c" "${_z}/qrcode/util.c")
  target_include_directories(zbar_qr SYSTEM PUBLIC "${CERTIF_ZBAR_DIR}/include")
  target_include_directories(zbar_qr PRIVATE "${_zbar_config}" "${_z}")
  target_compile_options(zbar_qr PRIVATE -O2 -w)

  target_link_libraries(certif_qr_libs INTERFACE qrcodegen zbar_qr)
else()
  find_path(CERTIF_QRCODEGEN_INCLUDE qrcodegen.h PATH_SUFFIXES qrcodegen REQUIRED)
  find_library(CERTIF_QRCODEGEN_LIB qrcodegen REQUIRED)
  find_path(CERTIF_ZBAR_INCLUDE zbar.h REQUIRED)
  find_library(CERTIF_ZBAR_LIB zbar REQUIRED)
  target_include_directories(certif_qr_libs SYSTEM INTERFACE "${CERTIF_QRCODEGEN_INCLUDE}" "${CERTIF_ZBAR_INCLUDE}")
  target_link_libraries(certif_qr_libs INTERFACE "${CERTIF_QRCODEGEN_LIB}" "${CERTIF_ZBAR_LIB}")
endif()
