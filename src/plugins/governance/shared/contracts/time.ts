/** GET /governance/time: the group's time zone, in which the admin shows every time. */
export interface GroupTime {
  /** The IANA zone (config `timezone`), for formatting only: never shown. */
  timezone: string;
  /** What a reader calls it: 北京时间. */
  zoneName: string;
}
