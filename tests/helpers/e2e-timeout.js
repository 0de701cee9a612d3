// Starting the built application, loading the demo and driving Chromium take minutes, not seconds;
// the first file of a run also loads the demo (113,000 articles), which a shared machine may take
// several minutes over.
jest.setTimeout(480_000);
