// Effects: platform work that a command asks for (store, download, pick a file, announce...). `apply`
// returns them and the platform executes them, so native tests can assert them without a browser.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace app {

namespace fx {
// Writes to local storage carry `write`, a serial the platform reports back with the outcome
// (cmd::StorageWritten); app/storage.hpp sets it and follows each item until its write is confirmed.

// Keep a small value in the browser's local key-value storage (preferences, the coach's profile).
struct StoreValue { std::string key; std::string value; std::uint32_t write = 0; };
// Offer bytes to the user as a file download.
struct Download { std::string filename; std::string media_type; std::string bytes; };
// Tell assistive technology something happened (aria-live region) and set the document title.
struct Announce { std::string text; };
struct SetTitle { std::string title; };

// The candidate's draft in IndexedDB: the answers (small, saved after every change) and each
// attachment (saved once, when added; its bytes are read from the state by id when executed).
struct SaveDraft { std::string answers_json; std::uint32_t write = 0; };
struct StoreAttachment { std::string attachment_id; std::uint32_t write = 0; };
struct DeleteAttachment { std::string attachment_id; std::uint32_t write = 0; };
struct ClearStorage { std::uint32_t write = 0; };

// Open the browser's file picker; chosen files come back as FileBegin/FileChunk/FileEnd commands.
struct PickFiles { std::string piece_id; std::string replaces; bool multiple = false; };
// SHA-256 of an attachment a bundle verifier has decoded, computed by the platform off the main thread
// and returned as cmd::FileDigest. `bytes` points into the verifier's output: read it while executing.
// `owner` is the import's serial (candidate) or the workspace entry's id (coach).
struct HashFile { bool coach = false; std::uint32_t owner = 0; std::uint32_t index = 0; std::string_view bytes; };
// Stop reading a file the app refused before it was read.
struct CancelFile { std::uint32_t job = 0; };
// Hold a file's reading where it is (a sealed file waiting for its passphrase), then carry it on.
struct PauseFile { std::uint32_t job = 0; };
struct ResumeFile { std::uint32_t job = 0; };

// The coach's workspace in IndexedDB: one record per bundle (no attachment bytes) and each attachment
// under coach_file_key(); attachments leave the wasm heap once their write is confirmed, and come back
// only when viewed.
struct SaveCoachEntry { std::string digest; std::string record; std::uint32_t write = 0; };
struct DeleteCoachEntry { std::string digest; std::vector<std::string> file_keys; std::uint32_t write = 0; };
struct StoreCoachFile { std::uint32_t entry = 0; std::string attachment_id; std::uint32_t write = 0; };  // bytes from the state
struct LoadCoachFile { std::string key; };
// A stored attachment opened in a new tab (PDF, from a blob) or saved through a download (from memory
// while its write to local storage is not confirmed).
struct OpenCoachFile { std::string key; std::string media_type; };
struct SaveCoachFile { std::string key; std::string filename; std::string media_type; };
struct ClearCoachStorage { std::uint32_t write = 0; };
// A document the app made (the attestation) shown in a new tab, from a blob.
struct OpenDocument { std::string html; };
// A candidate's https link, opened only because the coach asked.
struct OpenUrl { std::string url; };
// An e-mail draft for the coach's mail app: a "mailto:" link (app/mail_drafts.hpp), never anything else,
// opened only because the coach asked.
struct OpenMailto { std::string uri; };
// `size` random bytes from the browser's CSPRNG (crypto.getRandomValues), answered by cmd::RandomReady
// with the same `purpose` ("key": a new identity; "seal": the export being sealed).
struct RandomBytes { std::string purpose; std::size_t size = 0; };
// Is `signature` a valid RS256 signature (RSASSA-PKCS1-v1_5, SHA-256) of `signing_input` under the public
// key `jwk` (JSON text)? WebCrypto's verify, answered by cmd::SignatureChecked with the same `request`.
struct VerifySignature { std::uint32_t request = 0; std::string jwk; std::string signing_input; std::string signature; };
// An image (PNG, JPEG, WebP) decoded by the browser, scaled to at most `max_pixels`, and handed back as
// grayscale by cmd::ImageDecoded with the same `request` (the verification page reads its QR code).
struct DecodeImage { std::uint32_t request = 0; std::string media_type; std::string bytes; std::uint64_t max_pixels = 0; };
// A new RS256 key pair made by the browser (WebCrypto generateKey: RSASSA-PKCS1-v1_5, 2048 bits,
// e = 65537, SHA-256), its private JWK handed back by cmd::SigningKeyMade with the same `request`.
struct GenerateSigningKey { std::uint32_t request = 0; };
// The RS256 signature of `signing_input` under the private JWK `jwk` (JSON text; WebCrypto sign),
// answered by cmd::Signed with the same `request`.
struct SignRs256 { std::uint32_t request = 0; std::string jwk; std::string signing_input; };
} // namespace fx

using Effect = std::variant<fx::StoreValue, fx::Download, fx::Announce, fx::SetTitle, fx::SaveDraft,
                            fx::StoreAttachment, fx::DeleteAttachment, fx::ClearStorage, fx::PickFiles,
                            fx::HashFile, fx::CancelFile, fx::SaveCoachEntry, fx::DeleteCoachEntry, fx::StoreCoachFile,
                            fx::LoadCoachFile, fx::OpenCoachFile, fx::SaveCoachFile, fx::ClearCoachStorage,
                            fx::OpenDocument, fx::OpenUrl, fx::OpenMailto, fx::RandomBytes, fx::PauseFile, fx::ResumeFile,
                            fx::VerifySignature, fx::DecodeImage, fx::GenerateSigningKey, fx::SignRs256>;
using Effects = std::vector<Effect>;

} // namespace app
