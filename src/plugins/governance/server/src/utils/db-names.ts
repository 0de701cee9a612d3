import type { Core, UID } from '@strapi/strapi';

interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
}

interface AttributeMetadata {
  columnName?: string;
  joinTable?: JoinTable;
  joinColumn?: { name: string };
}

/**
 * Table and column names as Strapi created them, for knex queries that the Document Service
 * cannot express (grouped counts). Never hard-code them: Strapi shortens long identifiers.
 */
export const dbNames = (strapi: Core.Strapi, uid: UID.Schema) => {
  const meta = strapi.db.metadata.get(uid);
  const attribute = (name: string) => {
    const found = meta.attributes[name] as AttributeMetadata | undefined;
    if (!found) throw new Error(`${uid} has no attribute "${name}"`);
    return found;
  };
  return {
    table: meta.tableName,
    column: (name: string) => attribute(name).columnName ?? name,
    /** The column of a relation kept on the row itself (`createdBy`: `created_by_id`). */
    joinColumn: (relation: string) => {
      const joinColumn = attribute(relation).joinColumn;
      if (!joinColumn) throw new Error(`${uid}.${relation} has no join column`);
      return joinColumn.name;
    },
    joinTable: (relation: string) => {
      const joinTable = attribute(relation).joinTable;
      if (!joinTable) throw new Error(`${uid}.${relation} is not a relation with a join table`);
      return {
        table: joinTable.name,
        ownerColumn: joinTable.joinColumn.name,
        targetColumn: joinTable.inverseJoinColumn.name,
      };
    },
  };
};
