import { useCallback, useEffect, useRef, useState } from 'react';
import { App } from 'antd';
import type { FormInstance } from 'antd';
import { ApiError, errorText } from './api';
import { useT } from './i18n';
import type { T } from './i18n';

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
          title: errorTitle(t, e),
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

/**
 * The title of an error in the console's language, from ZStack's error code (the outermost one the console knows);
 * ZStack's own description and details stay below it.
 */
export function errorTitle(t: T, e: unknown): string {
  for (let cur = e instanceof ApiError ? e.error : undefined, depth = 0; cur && depth < 8; cur = cur.cause, depth++) {
    const key = `error.${cur.code}`;
    if (cur.code && t(key) !== key) return t(key);
  }
  return t('common.failed');
}

/** A form's values, or null when a field is invalid (the form shows why): no rejected promise for an empty dialog. */
export async function validated<V = any>(form: FormInstance<V>): Promise<V | null> {
  try {
    return await form.validateFields();
  } catch {
    return null;
  }
}
