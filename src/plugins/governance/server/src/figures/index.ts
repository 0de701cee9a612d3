import messageDay from './content-types/message-day/schema.json';
import messageEntry from './content-types/message-entry/schema.json';
import messageMonth from './content-types/message-month/schema.json';
import publicationColumn from './content-types/publication-column/schema.json';
import publicationDay from './content-types/publication-day/schema.json';
import publicationEntry from './content-types/publication-entry/schema.json';
import publicationMonth from './content-types/publication-month/schema.json';
import articleBlock from './content-types/article-block/schema.json';
import documents from './documents';
import kept from './kept';
import messages from './messages';
import publications from './publications';
import readings from './readings';

/**
 * Kept figures (ARCHITECTURE.md, Scale): publications and messages counted per site, column and
 * day, and the article documents, as they change, so the pages that show them never recount the archive; rebuilt from it and
 * checked against it by `kept`.
 */
export default {
  contentTypes: {
    'publication-entry': { schema: publicationEntry },
    'publication-day': { schema: publicationDay },
    'publication-month': { schema: publicationMonth },
    'publication-column': { schema: publicationColumn },
    'message-entry': { schema: messageEntry },
    'message-day': { schema: messageDay },
    'message-month': { schema: messageMonth },
    'article-block': { schema: articleBlock },
  },
  publications,
  messages,
  documents,
  kept,
  readings,
};
