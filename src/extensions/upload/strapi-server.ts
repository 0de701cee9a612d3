/**
 * The upload plugin's file table gets an index on `url`: the file gate looks every request under
 * /uploads up by it (plugins/governance/server/src/media/file-gate.ts), and article bodies name
 * their images by it. Without it each look-up reads the whole table.
 */
export default (plugin: {
  contentTypes: { file: { schema: { indexes?: Array<{ name: string; columns: string[] }> } } };
}) => {
  const { schema } = plugin.contentTypes.file;
  schema.indexes = [
    ...(schema.indexes ?? []),
    { name: 'upload_files_url_index', columns: ['url'] },
  ];
  return plugin;
};
