# Writes the site's service worker (run with cmake -P, after the app is linked): the template
# shell/sw.js with the list of files to keep offline and a version that is a digest of their content
# (and of the template), so that any change to a served file gives a new cache name.
#   cmake -DSITE_DIR=<site> -DTEMPLATE=<shell/sw.js> "-DFILES=index.html|boot.js|…" -P cmake/offline.cmake
cmake_minimum_required(VERSION 3.20)
foreach(var SITE_DIR TEMPLATE FILES)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "offline.cmake: ${var} is required")
  endif()
endforeach()

string(REPLACE "|" ";" files "${FILES}")
file(SHA256 "${TEMPLATE}" digest)
set(manifest "sw.js ${digest}\n")
set(listed "")
foreach(name IN LISTS files)
  if(NOT EXISTS "${SITE_DIR}/${name}")
    message(FATAL_ERROR "offline.cmake: ${SITE_DIR}/${name} is missing (a file the app needs offline)")
  endif()
  file(SHA256 "${SITE_DIR}/${name}" digest)
  string(APPEND manifest "${name} ${digest}\n")
  if(listed)
    string(APPEND listed ", ")
  endif()
  string(APPEND listed "'${name}'")
endforeach()
string(SHA256 version "${manifest}")
string(SUBSTRING "${version}" 0 16 version)

file(READ "${TEMPLATE}" text)
string(REPLACE "@CERTIF_OFFLINE_VERSION@" "${version}" text "${text}")
string(REPLACE "/*@CERTIF_OFFLINE_FILES@*/" "${listed}" text "${text}")
file(WRITE "${SITE_DIR}/sw.js" "${text}")
message(STATUS "Service worker: cache version ${version}")
