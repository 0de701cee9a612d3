export default [
  'strapi::logger',
  'strapi::errors',
  // Inside the error middleware: a database or Redis that is away answers 503 with Retry-After.
  'plugin::governance.dependency-unavailable',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
