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
  sessions: []
};
