// Booting Strapi on PostgreSQL and loading the demo data take longer than jest's 5 s default.
jest.setTimeout(120_000);
