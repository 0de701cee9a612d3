import { Tabs } from '@strapi/design-system';

/** A list's tabs (待签收, 办理中…), each with how many it holds where the server counted them. */
export const ListTabs = <T extends string>({
  label,
  tabs,
  value,
  onChange,
  name,
  count,
}: {
  /** The tabs' accessible name: the page's title. */
  label: string;
  tabs: readonly T[];
  value: T;
  onChange: (tab: T) => void;
  name: (tab: T) => string;
  count?: (tab: T) => number | undefined;
}) => (
  <Tabs.Root
    value={value}
    onValueChange={(next: string) => {
      const tab = tabs.find((candidate) => candidate === next);
      if (tab !== undefined) onChange(tab);
    }}
  >
    <Tabs.List aria-label={label}>
      {tabs.map((tab) => {
        const n = count?.(tab);
        return (
          <Tabs.Trigger key={tab} value={tab}>
            {name(tab)}
            {n === undefined ? '' : ` (${n})`}
          </Tabs.Trigger>
        );
      })}
    </Tabs.List>
  </Tabs.Root>
);
