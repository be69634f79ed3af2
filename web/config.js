// Settings of this copy of certif-intra, filled in by whoever hosts it. Read once when the app starts;
// nothing in this file is ever sent anywhere.
self.certifConfig = {
  // Who to contact about accessibility — an e-mail address or an https:// page — shown on the app's
  // "Accessibilité" page. Left empty, that page says the host has not given a contact yet.
  accessibilityContact: '',

  // ---- sealed delivery ----
  // The jury's (or animation team's) public keys: candidates' dossiers are sealed for them (age v1,
  // `dossier-<nom>-<date>.json.age`) and only the matching private keys open them. One entry per key:
  //   sealTo: [{ name: 'Jury RS6247 — DINUM', recipient: 'age1…' }]
  // `name` is what candidates read ("Scellé pour …"), with the key's fingerprint to check by phone;
  // `recipient` is the public key the coach copies from the app ("Clés de scellement"), `certif keygen`
  // or `age-keygen`. An entry that cannot be used is left out and the review says which and why. Left
  // empty, dossiers are exported as plain JSON.
  sealTo: []
};
