import { Box } from '@strapi/design-system';
import type { RuleStatus } from '../api/oversight';
import { useT } from '../hooks/useT';
import { TONES, ToneBadge, type Tone } from './ToneBadge';

const TONE: Record<RuleStatus, Tone> = { ok: 'success', warning: 'warning', tripped: 'danger' };

/** The traffic light of 站群监测: green, amber, red. */
export const STATUS_COLORS: Record<RuleStatus, { dot: string; text: string; background: string }> =
  {
    ok: { dot: 'success500', ...TONES[TONE.ok] },
    warning: { dot: 'warning500', ...TONES[TONE.warning] },
    tripped: { dot: 'danger600', ...TONES[TONE.tripped] },
  };

/** 正常 / 预警 / 否决 in its colour: a site's overall state, or one rule's. */
export const RuleStatusBadge = ({ status }: { status: RuleStatus }) => {
  const t = useT();
  return <ToneBadge tone={TONE[status] ?? 'success'}>{t(`oversight.status.${status}`)}</ToneBadge>;
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
