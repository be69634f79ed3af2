// Settings of this copy of certif-intra, filled in by whoever hosts it. Read once when the app starts;
// nothing in this file is ever sent anywhere.
self.certifConfig = {
  // Who to contact about accessibility — an e-mail address or an https:// page — shown on the app's
  // "Accessibilité" page. Left empty, that page says the host has not given a contact yet.
  accessibilityContact: '',
  // The certification candidates apply to: 'rs6247' (DINUM's « Concevoir un service public numérique au
  // sein de l'État », as it runs since 2023 — the default when this is left out) or 'rs3536' (NUMA's
  // « Méthodologies d'entrepreneuriat appliquées aux projets d'innovation », the seed's). An unknown id
  // is reported on the welcome screen and the default is used.
  programme: 'rs6247',
  // The next sessions, dated by the host. Left out (or empty), the app lists the programme's usual
  // calendar (RS6247: May and December, each dossier due on the last day of the month before), marked
  // "date to be confirmed". Once given, these replace that pattern from the first of them on. Each:
  //   { id: '2027-05', label: { fr: 'Session de mai 2027', en: 'May 2027 session' },
  //     dossier_deadline: '2027-04-30', interviews_from: '2027-05-03', interviews_to: '2027-05-28' }
  // (interviews_from and interviews_to are optional; interviews start after the deadline).
  sessions: [],

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
