import type { RuleStatus } from '../../../shared/contracts/oversight';
import type { SiteLevel } from '../../../shared/contracts/overview';

/** The words of the admin's pages (translations `level.*`, `oversight.status.*`); capacities: shared/contracts/sites. */
export const LEVEL_NAMES: Record<SiteLevel, string> = {
  portal: '门户网站',
  department: '厅直单位',
  city: '设区市级',
  county: '区县级',
};

export const STATUS_NAMES: Record<RuleStatus, string> = {
  ok: '正常',
  warning: '预警',
  tripped: '否决',
};

export const MUST_CHANGE_NAMES = { firstLogin: '待首次改密', adminReset: '待强制改密' } as const;

/** 0.953 → "95.3%"; empty for no rate. */
export const rate = (value: number | null) =>
  value === null ? '' : `${(value * 100).toFixed(1)}%`;
