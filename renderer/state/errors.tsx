/** Shows errors a user can meet in their language; anything else is shown with its message. */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { ZodError } from 'zod';
import { OverensError } from '../../src/core';
import { useI18n } from '../i18n';

interface Notice {
  id: number;
  kind: 'error' | 'info';
  text: string;
}

interface NoticeValue {
  notices: Notice[];
  reportError: (error: unknown) => void;
  inform: (text: string) => void;
  dismiss: (id: number) => void;
}

const NoticeContext = createContext<NoticeValue | null>(null);
let nextId = 1;

export function NoticeProvider({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  const [notices, setNotices] = useState<Notice[]>([]);
  const push = useCallback((kind: Notice['kind'], text: string) => {
    const id = nextId++;
    setNotices((list) => [...list.slice(-4), { id, kind, text }]);
    if (kind === 'info') setTimeout(() => setNotices((list) => list.filter((n) => n.id !== id)), 5000);
  }, []);
  const reportError = useCallback(
    (error: unknown) => {
      const text =
        error instanceof OverensError
          ? error.messageIn(lang)
          : error instanceof ZodError
            ? error.issues.map((issue) => issue.message).join('; ')
            : error instanceof Error
              ? error.message
              : String(error);
      console.error(error);
      push('error', text);
    },
    [lang, push],
  );
  const inform = useCallback((text: string) => push('info', text), [push]);
  const dismiss = useCallback((id: number) => setNotices((list) => list.filter((n) => n.id !== id)), []);
  const value = useMemo(() => ({ notices, reportError, inform, dismiss }), [notices, reportError, inform, dismiss]);
  return <NoticeContext.Provider value={value}>{children}</NoticeContext.Provider>;
}

export function useNotices(): NoticeValue {
  const value = useContext(NoticeContext);
  if (!value) throw new Error('useNotices outside NoticeProvider');
  return value;
}
