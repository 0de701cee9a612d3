// Starting the built application, loading the demo and driving Chromium take minutes, not seconds.
jest.setTimeout(240_000);
