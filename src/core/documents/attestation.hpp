// The attestation a successful candidate receives: a printable, self-contained HTML document with the
// mentions it needs (holder, exact certification title, RS reference, certifier, date and place of issue,
// signatory), as a preview while it is prepared and as the issued document.
//
// The document is built with core/html.hpp's parts: UTF-8 HTML with inline CSS only, no script, no
// external resource, a Content-Security-Policy of its own. Everything that comes from a candidate or a
// coach is HTML-escaped. It is in French: it is meant for
// French HR departments, and the certification title is French.
#pragma once

#include "core/formats/evaluation.hpp"
#include "core/documents/html.hpp"
#include "core/model/referential.hpp"
#include "core/base/result.hpp"

#include <string>
#include <string_view>

namespace core {

enum class AttestationVariant {
  preview,  // marked "aperçu, sans valeur" everywhere (title, banner, watermark); gaps shown as "[à compléter]"
  issued,   // the document itself: never marked provisional
};

// What makes the attestation checkable (core/vc_jwt.hpp): the id of the signed credential it goes with,
// and the QR code of its attestation code (core/qr.hpp's qr_svg, inline SVG with its text alternative).
struct AttestationProof {
  std::string credential_id;  // shown as « Identifiant de l’attestation »
  std::string qr_svg;         // "" : no QR code
};

// The proof for the credential `credential_id`: the QR code of `qr_text` (the attestation code, or the
// verification page's link to it; core/vc_jwt.hpp attestation_qr_text) as the accessible SVG the page
// prints, its text alternative naming the holder. Refused with encode_qr's issues (qr.*).
Result<AttestationProof> attestation_proof(std::string_view credential_id, std::string_view qr_text, std::string_view holder_name);

// The attestation for `evaluation`. The issued variant is refused (with the blockers, see
// attestation_blockers(), apart from already_issued) unless the record's attestation is issued; the
// preview is always produced. With `proof`, the document also carries the credential id and the QR code
// (without, it is exactly as before).
Result<std::string> attestation_html(const Evaluation& evaluation, const Referential& referential,
                                     AttestationVariant variant, const AttestationProof* proof = nullptr);

} // namespace core
