import { Button, Td, Typography } from '@strapi/design-system';
import type { InboxItem } from '../../api/messages';

/** A listed message's subject, which opens its case, and its site: the inbox's and the sample's. */
export const SubjectCells = ({ item, onOpen }: { item: InboxItem; onOpen: () => void }) => (
  <>
    <Td>
      <Button variant="ghost" onClick={onOpen}>
        {item.subject}
      </Button>
    </Td>
    <Td>
      <Typography>{item.site?.name ?? '—'}</Typography>
    </Td>
  </>
);
