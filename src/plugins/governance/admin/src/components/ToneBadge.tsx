import { Badge, type BadgeProps } from '@strapi/design-system';

/** The plugin's badge colours, text on background, by what a badge says. */
export const TONES = {
  neutral: { text: 'neutral700', background: 'neutral150' },
  primary: { text: 'primary600', background: 'primary100' },
  success: { text: 'success600', background: 'success100' },
  warning: { text: 'warning600', background: 'warning100' },
  /** A warning to act on: a password to change. */
  warningStrong: { text: 'warning700', background: 'warning100' },
  danger: { text: 'danger600', background: 'danger100' },
  /** Danger that stands out in a list: a lock, a failed login. */
  dangerStrong: { text: 'danger700', background: 'danger100' },
  /** The worst: a deadline whose passing vetoes the site. */
  severe: { text: 'danger700', background: 'danger200' },
} as const;

export type Tone = keyof typeof TONES;

/** A design-system badge in one of the plugin's colours. */
export const ToneBadge = ({ tone, ...props }: { tone: Tone } & BadgeProps) => (
  <Badge textColor={TONES[tone].text} backgroundColor={TONES[tone].background} {...props} />
);
