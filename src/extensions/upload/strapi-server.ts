/**
 * The upload plugin's file table, extended:
 * - an index on `url`: the file gate looks every request under /uploads up by it
 *   (plugins/governance/server/src/media/file-gate.ts), and article bodies name their images by
 *   it. Without it each look-up reads the whole table;
 * - `sha256`, the digest of the stored bytes, written as a file is uploaded or replaced
 *   (media/upload-guard.ts): an article's approval covers its files' contents by it, so a file
 *   replaced after the approval voids it (review/content-hash.ts).
 */
export default (plugin: {
  contentTypes: {
    file: {
      schema: {
        attributes: Record<string, unknown>;
        indexes?: Array<{ name: string; columns: string[] }>;
      };
    };
  };
}) => {
  const { schema } = plugin.contentTypes.file;
  schema.attributes.sha256 = { type: 'string', configurable: false, private: true };
  schema.indexes = [
    ...(schema.indexes ?? []),
    { name: 'upload_files_url_index', columns: ['url'] },
  ];
  return plugin;
};
