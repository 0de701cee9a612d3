import { createHash } from 'crypto';
import { stringify } from 'safe-stable-stringify';
import { STRAPI_SYSTEM_FIELDS } from '../utils/system-fields';

/** What the hash needs to know of an attribute: Strapi's schema attributes, seen loosely. */
export interface HashedAttribute {
  type: string;
  private?: boolean;
  relation?: string;
  multiple?: boolean;
  repeatable?: boolean;
  component?: string;
}

export interface HashedSchema {
  attributes: Record<string, HashedAttribute>;
}

/** The schema of a component, by its uid (`strapi.getModel`). */
export type ComponentSchemas = (uid: string) => HashedSchema;

/**
 * Attributes that are bookkeeping, not what a reader is shown, and that change on their own
 * between an approval and the publication it allows: Strapi's system fields, the first
 * publication date (stamped by the server on publishing) and the review state's mirror (which
 * the approval itself changes). Every other attribute that is not private reaches the public
 * API, so it is reviewed: a field added to the schema later is covered without a change here.
 * The 信息报送 source fields are server-set too but public, so they are reviewed.
 */
export const NOT_REVIEWED = new Set<string>([
  'id',
  ...STRAPI_SYSTEM_FIELDS,
  'locale',
  'localizations',
  'firstPublishedAt',
  'reviewStatus',
]);

/** The attributes a review approves: every public, non-bookkeeping attribute of the schema. */
export const reviewedAttributes = (schema: HashedSchema): Array<[string, HashedAttribute]> =>
  Object.entries(schema.attributes).filter(
    ([name, attribute]) => !attribute.private && !NOT_REVIEWED.has(name)
  );

type Row = Record<string, unknown>;

const isRow = (value: unknown): value is Row =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const toMany = (relation: string | undefined) => Boolean(relation && /many$/i.test(relation));

/** A related document by its documentId, whether given as an id string or a populated row. */
const documentRef = (value: unknown) =>
  typeof value === 'string' ? value : isRow(value) ? (value.documentId ?? value.id ?? null) : null;

/**
 * A media file as the approval covers it: its id, the digest of its bytes (upload-guard.ts) and
 * the texts the public reads with it (a cover's alternative text), so a file replaced after the
 * approval (it keeps its id and its URL) voids it, and a renamed one does not. A file stored
 * before digests were kept is covered by when it last changed.
 */
export const fileRef = (value: unknown) => {
  if (!isRow(value)) return typeof value === 'number' ? { id: value } : null;
  return value.sha256
    ? {
        id: value.id ?? null,
        sha256: value.sha256,
        alternativeText: value.alternativeText || null,
        caption: value.caption || null,
      }
    : {
        id: value.id ?? null,
        updatedAt: value.updatedAt ? new Date(value.updatedAt as string).toISOString() : null,
      };
};

const list = (value: unknown) =>
  Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];

/**
 * One attribute's value in canonical form. Missing and empty values are alike (saving an
 * untouched form must not void an approval); numbers and dates in one form whichever database
 * read them.
 */
const canonicalValue = (
  attribute: HashedAttribute,
  value: unknown,
  components: ComponentSchemas
): unknown => {
  switch (attribute.type) {
    case 'relation':
      return toMany(attribute.relation) ? list(value).map(documentRef) : documentRef(value);
    case 'media':
      return attribute.multiple ? list(value).map(fileRef) : fileRef(value);
    case 'component': {
      const schema = components(attribute.component!);
      if (attribute.repeatable)
        return list(value).map((item) => canonicalContent(schema, item, components));
      return isRow(value) ? canonicalContent(schema, value, components) : null;
    }
    case 'dynamiczone':
      return list(value).map((item) =>
        isRow(item) && typeof item.__component === 'string'
          ? {
              __component: item.__component,
              ...canonicalContent(components(item.__component), item, components),
            }
          : null
      );
    case 'boolean':
      return Boolean(value);
    case 'integer':
    case 'float':
      return value === null || value === undefined || value === '' ? null : Number(value);
    case 'biginteger':
    case 'decimal':
      return value === null || value === undefined || value === '' ? null : String(value);
    case 'datetime':
    case 'timestamp':
      return value === null || value === undefined || value === ''
        ? null
        : new Date(value as string).toISOString();
    case 'date':
      return value instanceof Date ? value.toISOString().slice(0, 10) : value || null;
    default:
      return value === undefined || value === '' ? null : value;
  }
};

/** The reviewed attributes of an entry (or a component) as one canonical object. */
export const canonicalContent = (
  schema: HashedSchema,
  entry: unknown,
  components: ComponentSchemas
): Row => {
  const row = isRow(entry) ? entry : {};
  return Object.fromEntries(
    reviewedAttributes(schema).map(([name, attribute]) => [
      name,
      canonicalValue(attribute, row[name], components),
    ])
  );
};

/**
 * A SHA-256 of exactly what reviewers approved: every reviewed attribute of the schema, in a
 * canonical form (sorted keys, so the database's key order cannot change it), and the files the
 * body's images show, in order (`bodyImages`, each a `fileRef`: a body names its images by URL,
 * which a replaced file keeps).
 */
export const contentHash = (
  schema: HashedSchema,
  entry: unknown,
  components: ComponentSchemas,
  bodyImages: unknown[] = []
): string =>
  createHash('sha256')
    .update(
      stringify({
        ...canonicalContent(schema, entry, components),
        ...(bodyImages.length > 0 ? { '#bodyImages': bodyImages } : {}),
      }) ?? ''
    )
    .digest('hex');

/**
 * Bumped when the canonical form above changes in a way the schema does not show (2: files by
 * their digests, and the body's images).
 */
const HASH_FORMAT = 2;

const shapeOf = (schema: HashedSchema, components: ComponentSchemas): unknown[] =>
  reviewedAttributes(schema).map(([name, attribute]) => [
    name,
    attribute.type,
    attribute.relation ?? null,
    attribute.multiple ?? null,
    attribute.type === 'component' ? shapeOf(components(attribute.component!), components) : null,
  ]);

/**
 * What every stored hash depends on besides the content: the canonical form and the reviewed
 * attributes (a field added to the schema changes every article's hash). While it is the same,
 * hashes stored earlier still compare with hashes computed now.
 */
export const hashVersion = (schema: HashedSchema, components: ComponentSchemas): string =>
  createHash('sha256')
    .update(stringify({ format: HASH_FORMAT, attributes: shapeOf(schema, components) }) ?? '')
    .digest('hex')
    .slice(0, 16);

type Populate = Record<string, true | { select?: string[]; populate?: Populate | true }>;

/** What to populate when reading an entry (query engine) so that every reviewed relation, file and component is there. */
export const reviewedPopulate = (schema: HashedSchema, components: ComponentSchemas): Populate =>
  Object.fromEntries(
    reviewedAttributes(schema).flatMap(([name, attribute]): Array<[string, Populate[string]]> => {
      if (attribute.type === 'relation') return [[name, { select: ['documentId'] }]];
      // The file's URL, name and type for the attachment check (word-scan.ts); the hash reads fileRef's.
      if (attribute.type === 'media')
        return [
          [
            name,
            {
              select: [
                'id',
                'updatedAt',
                'sha256',
                'alternativeText',
                'caption',
                'url',
                'name',
                'mime',
              ],
            },
          ],
        ];
      if (attribute.type === 'component') {
        const nested = reviewedPopulate(components(attribute.component!), components);
        return [[name, Object.keys(nested).length > 0 ? { populate: nested } : true]];
      }
      // A dynamic zone's components are loaded with their own fields.
      if (attribute.type === 'dynamiczone') return [[name, true]];
      return [];
    })
  );
