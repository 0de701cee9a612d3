import type { Core } from '@strapi/strapi';
import { localDateTime } from '../../../shared/local-time';
import type { GovernanceConfig } from '../config';
import { clientSource } from '../utils/client-source';
import { getService } from '../utils/get-service';

/** How often windows that have ended are summarised, when no failure from their source comes to close them. */
const SWEEP_MS = 60_000;

interface Window {
  source: string;
  start: number;
  end: number;
  /** Failures recorded one by one, and failures only counted. */
  recorded: number;
  counted: number;
}

/**
 * Failed logins per source: the first `failedLogins.perSource` of a window are recorded one by
 * one; the rest are only counted, and one summary entry per source and window says how many
 * there were (a script trying ever new e-mails would otherwise write a row per attempt). A
 * window is summarised when it ends: at the source's next failure after it, at the sweep every
 * minute, or when Strapi stops. The counts live in this process, and are exact in it; with
 * several instances each records its own first `perSource` and its own summary, so the entries
 * still add up to every failure. The per-account lockout counts every failure, recorded or not.
 */
const loginFailures = ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () =>
    (strapi.config.get('plugin::governance') as GovernanceConfig).audit.failedLogins;
  const windows = new Map<string, Window>();
  let timer: NodeJS.Timeout | null = null;

  const summarise = async (window: Window, until: number) => {
    if (window.counted === 0) return;
    const zone = (strapi.config.get('plugin::governance') as GovernanceConfig).timezone;
    const local = (ms: number) => localDateTime(ms, zone, { seconds: true });
    const to = Math.min(window.end, until);
    await getService(strapi, 'audit').record('login.failureSummary', {
      subject: window.source,
      summary: `汇总来自 ${window.source} 的登录失败：${local(window.start)}至${local(to)}间逐条记录 ${window.recorded} 条（上限）后，另有 ${window.counted} 次未逐条记录`,
      details: {
        source: window.source,
        recorded: window.recorded,
        notRecorded: window.counted,
        from: new Date(window.start).toISOString(),
        to: new Date(to).toISOString(),
      },
      actor: 'system',
      ip: window.source.slice(0, 45),
    });
  };

  const service = {
    /**
     * A failed login from the current request's address: `record` writes its entry, if the
     * source has not used up its entries for the window.
     */
    async failure(record: () => Promise<void>, now = Date.now()) {
      const ip = (strapi.requestContext.get() as { request?: { ip?: string } } | undefined)?.request
        ?.ip;
      if (!ip) return record();
      const source = clientSource(ip);
      const { perSource, windowSeconds } = settings();
      let window = windows.get(source);
      if (window && now >= window.end) {
        windows.delete(source);
        await summarise(window, now);
        window = undefined;
      }
      if (!window) {
        window = { source, start: now, end: now + windowSeconds * 1000, recorded: 0, counted: 0 };
        windows.set(source, window);
      }
      // Counted before any await: failures arriving together are counted exactly.
      if (window.recorded < perSource) {
        window.recorded += 1;
        return record();
      }
      window.counted += 1;
    },

    /** Summarises the windows that have ended by `now` (all of them with `all`); answers how many summaries it wrote. */
    async flush(now = Date.now(), { all = false } = {}) {
      let written = 0;
      for (const [source, window] of [...windows]) {
        if (!all && now < window.end) continue;
        windows.delete(source);
        if (window.counted > 0) written += 1;
        await summarise(window, now);
      }
      return written;
    },

    start() {
      if (timer) return;
      timer = setInterval(() => {
        service
          .flush()
          .catch((error: Error) =>
            strapi.log.error(`governance: failed-login summary: ${error.message}`)
          );
      }, SWEEP_MS);
      timer.unref();
    },

    /** Summarises every open window: the counts would go with the process. */
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await service.flush(Date.now(), { all: true });
    },
  };
  return service;
};

export default loginFailures;
