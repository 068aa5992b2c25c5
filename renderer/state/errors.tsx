/** Shows errors a user can meet in their language; anything else is shown with its message. */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { ZodError } from 'zod';
import { OverensError, type UserMessage } from '../../src/core';
import { useI18n } from '../i18n';

interface Notice {
  id: number;
  kind: 'error' | 'info';
  /** Shown in the current language: an OverensError keeps both, so switching language re-renders it. */
  text: string;
}

interface StoredNotice {
  id: number;
  kind: Notice['kind'];
  message: UserMessage;
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
  const [stored, setNotices] = useState<StoredNotice[]>([]);
  const push = useCallback((kind: Notice['kind'], message: UserMessage) => {
    const id = nextId++;
    setNotices((list) => [...list.slice(-4), { id, kind, message }]);
    if (kind === 'info') setTimeout(() => setNotices((list) => list.filter((n) => n.id !== id)), 5000);
  }, []);
  const reportError = useCallback(
    (error: unknown) => {
      const same = (text: string): UserMessage => ({ sv: text, en: text });
      const message =
        error instanceof OverensError
          ? error.userMessage
          : error instanceof ZodError
            ? same(error.issues.map((issue) => issue.message).join('; '))
            : error instanceof Error
              ? same(error.message)
              : same(String(error));
      console.error(error);
      push('error', message);
    },
    [push],
  );
  const inform = useCallback((text: string) => push('info', { sv: text, en: text }), [push]);
  const dismiss = useCallback((id: number) => setNotices((list) => list.filter((n) => n.id !== id)), []);
  const notices = useMemo(() => stored.map((n) => ({ id: n.id, kind: n.kind, text: n.message[lang] })), [stored, lang]);
  const value = useMemo(() => ({ notices, reportError, inform, dismiss }), [notices, reportError, inform, dismiss]);
  return <NoticeContext.Provider value={value}>{children}</NoticeContext.Provider>;
}

export function useNotices(): NoticeValue {
  const value = useContext(NoticeContext);
  if (!value) throw new Error('useNotices outside NoticeProvider');
  return value;
}
