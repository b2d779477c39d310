import { useCallback, useEffect, useRef, useState } from 'react';
import { App } from 'antd';
import { errorText } from './api';
import { useT } from './i18n';

/** Runs an API call; a failure is shown as ZStack's readable error (description: details, causes), never raw JSON. */
export function useRunner() {
  const { notification, message } = App.useApp();
  const t = useT();
  return useCallback(
    async <R,>(f: () => Promise<R>, done?: string): Promise<R | undefined> => {
      try {
        const r = await f();
        if (done) message.success(done);
        return r;
      } catch (e) {
        notification.error({
          className: 'api-error',
          title: t('common.failed'),
          description: <div style={{ whiteSpace: 'pre-wrap' }}>{errorText(e)}</div>,
          duration: 12,
        });
        return undefined;
      }
    },
    [notification, message, t],
  );
}

/** Loads data, again on reload() and every `every` ms when given. */
export function useLoad<R>(f: () => Promise<R>, deps: unknown[], every?: number) {
  const [data, setData] = useState<R | undefined>(undefined);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);
  const reload = useCallback(async (quiet = false) => {
    const my = ++seq.current;
    if (!quiet) setLoading(true);
    try {
      const r = await f();
      if (my === seq.current) {
        setData(r);
        setError(null);
      }
    } catch (e) {
      if (my === seq.current) setError(errorText(e));
    } finally {
      if (my === seq.current) setLoading(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  useEffect(() => {
    reload();
    if (!every) return;
    const h = setInterval(() => reload(true), every);
    return () => clearInterval(h);
  }, [reload, every]);
  return { data, loading, error, reload };
}
