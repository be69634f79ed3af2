// Settings of this copy of certif-intra, filled in by whoever hosts it. Read once when the app starts;
// nothing in this file is ever sent anywhere.
self.certifConfig = {
  // Who to contact about accessibility — an e-mail address or an https:// page — shown on the app's
  // "Accessibilité" page. Left empty, that page says the host has not given a contact yet.
  accessibilityContact: ''
};
