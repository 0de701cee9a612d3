export default {
  // A deliberate choice of the redesigned Media Library, which also silences Strapi's
  // "the Media Library has been redesigned" notice.
  useLegacyMediaLibrary: false,
};
