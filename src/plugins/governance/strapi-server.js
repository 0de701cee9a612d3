'use strict';

// `strapi build` does not compile a local plugin's server: the project's `build:plugin`
// script does (tsc -p tsconfig.server.json), and Strapi loads the result from here.
module.exports = require('./dist/server/src').default;
