import { Badge, Box } from '@strapi/design-system';
import type { RuleStatus } from '../api/oversight';
import { useT } from '../hooks/useT';

/** The traffic light of 站群监测: green, amber, red. */
export const STATUS_COLORS: Record<RuleStatus, { dot: string; text: string; background: string }> =
  {
    ok: { dot: 'success500', text: 'success600', background: 'success100' },
    warning: { dot: 'warning500', text: 'warning600', background: 'warning100' },
    tripped: { dot: 'danger600', text: 'danger600', background: 'danger100' },
  };

/** 正常 / 预警 / 否决 in its colour: a site's overall state, or one rule's. */
export const RuleStatusBadge = ({ status }: { status: RuleStatus }) => {
  const t = useT();
  const color = STATUS_COLORS[status] ?? STATUS_COLORS.ok;
  return (
    <Badge textColor={color.text} backgroundColor={color.background}>
      {t(`oversight.status.${status}`)}
    </Badge>
  );
};

/** A coloured dot of the traffic light. */
export const StatusDot = ({ status }: { status: RuleStatus }) => (
  <Box
    width="1rem"
    height="1rem"
    borderRadius="50%"
    background={STATUS_COLORS[status].dot}
    shrink={0}
    aria-hidden
  />
);
