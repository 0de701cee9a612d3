import {
  Box,
  Button,
  DatePicker,
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
  TextInput,
} from '@strapi/design-system';
import type { AuditFilters } from '../../api/audit';
import { fromDay, toDay } from '../../api/days';
import { useT } from '../../hooks/useT';
import { AUDIT_ACTION_CODES, AUDIT_ACTIONS } from '../../../../shared/contracts/audit';

/** 操作类型, 操作人 and the date range of the 操作日志. */
export const AuditFilterBar = ({
  filters,
  onChange,
}: {
  filters: AuditFilters;
  onChange: (filters: AuditFilters) => void;
}) => {
  const t = useT();
  const set = (change: Partial<AuditFilters>) => onChange({ ...filters, ...change });
  const filtered = Object.values(filters).some(Boolean);

  return (
    <Flex gap={4} alignItems="flex-end" wrap="wrap">
      <Box width="20rem">
        <Field.Root name="action">
          <Field.Label>{t('audit.filter.action')}</Field.Label>
          <SingleSelect
            value={filters.action ?? ''}
            placeholder={t('audit.filter.allActions')}
            onChange={(value: string | number) => set({ action: String(value) })}
            onClear={() => set({ action: undefined })}
            clearLabel={t('audit.filter.allActions')}
          >
            {AUDIT_ACTION_CODES.map((code) => (
              <SingleSelectOption key={code} value={code}>
                {AUDIT_ACTIONS[code]}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Field.Root>
      </Box>
      <Box width="20rem">
        <Field.Root name="actor">
          <Field.Label>{t('audit.filter.actor')}</Field.Label>
          <TextInput
            // The server's limit on the actor filter.
            maxLength={50}
            value={filters.actor ?? ''}
            placeholder={t('audit.filter.actorPlaceholder')}
            onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
              set({ actor: event.target.value || undefined })
            }
          />
        </Field.Root>
      </Box>
      <Box width="18rem">
        <Field.Root name="from">
          <Field.Label>{t('audit.filter.from')}</Field.Label>
          <DatePicker
            // The design system's own is YYYY/MM/DD.
            placeholder={t('common.datePlaceholder')}
            value={fromDay(filters.from)}
            maxDate={fromDay(filters.to)}
            onChange={(date?: Date) => set({ from: toDay(date) })}
            onClear={() => set({ from: undefined })}
            clearLabel={t('audit.filter.clearDate')}
          />
        </Field.Root>
      </Box>
      <Box width="18rem">
        <Field.Root name="to">
          <Field.Label>{t('audit.filter.to')}</Field.Label>
          <DatePicker
            placeholder={t('common.datePlaceholder')}
            value={fromDay(filters.to)}
            minDate={fromDay(filters.from)}
            onChange={(date?: Date) => set({ to: toDay(date) })}
            onClear={() => set({ to: undefined })}
            clearLabel={t('audit.filter.clearDate')}
          />
        </Field.Root>
      </Box>
      {filtered ? (
        <Button variant="tertiary" onClick={() => onChange({})}>
          {t('audit.filter.reset')}
        </Button>
      ) : null}
    </Flex>
  );
};
