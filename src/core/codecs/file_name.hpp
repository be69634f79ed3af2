// The name a candidate's file is written under on disk (by `certif extract` and by the coach's
// "Enregistrer"): taken from the name the bundle claims, but made inert. The bundle keeps the claimed
// name byte for byte; only the file on disk is named this way.
//
// - Its extension is the detected type's: a PDF claimed as "Compte rendu.html" is written
//   "Compte rendu.html.pdf" (an extension the type already has — ".jpeg" for a JPEG — is kept), so that
//   opening it from disk never runs it as a page, an HTA or a program.
// - Bidirectional controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) and invisible
//   characters (U+00AD, U+180E, U+200B–U+200D, U+2060–U+2064, U+FEFF) are removed: "CV\u202Efdp.exe"
//   would show as "CVexe.pdf".
// - It is portable: path separators, control characters and the characters Windows reserves
//   (\ / : * ? " < > |) become '_'; no leading dot or space, no trailing dot or space; Windows device
//   names (CON, PRN, AUX, NUL, COM0–COM9, LPT0–LPT9, COM¹ COM² COM³, LPT¹ LPT² LPT³, CONIN$, CONOUT$,
//   CLOCK$), whatever follows them after spaces or a dot ("CON .pdf", "nul.tar.gz"), get a leading '_';
//   at most 200 bytes, cut on a character boundary, the extension kept.
#pragma once

#include <string>
#include <string_view>

namespace core {

// The usual extension of an accepted media type, with its dot (".pdf", ".jpg", ".docx", ".csv"…); empty
// for any other type.
std::string_view extension_for(std::string_view media_type) noexcept;

// A portable name for a file or folder (the rules above but the extension); `fallback` when nothing
// is left of `name`.
std::string portable_file_name(std::string_view name, std::string_view fallback);

// The name to write a file of `media_type` (detected from its content) under, from the `claimed` name.
std::string disk_file_name(std::string_view claimed, std::string_view media_type, std::string_view fallback);

} // namespace core
